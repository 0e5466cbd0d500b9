"""What validation reports: every problem at once, each naming its node, field and column, with a suggestion."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from pydantic import BaseModel, Field

from datalinx.core.errors import Invalid


class Problem(BaseModel):
    """One thing wrong with a pipeline, precise enough to fix without reading the code."""

    node: str | None = Field(default=None, description="Id of the node at fault; absent for the whole DAG.")
    field: str | None = Field(default=None, description="The node's field at fault, e.g. `columns` or `condition`.")
    column: str | None = Field(default=None, description="The column at fault, when one is.")
    message: str
    suggestion: str | None = Field(default=None, description="A likely fix, e.g. a column name it resembles.")

    def text(self) -> str:
        where = f"node '{self.node}'" if self.node else "pipeline"
        if self.field:
            where += f" ({self.field})"
        hint = f"; {self.suggestion}" if self.suggestion else ""
        return f"{where}: {self.message}{hint}"


class InvalidPipeline(Invalid):
    """A pipeline definition with problems; the message lists them all, `problems` carries them one by one."""

    def __init__(self, problems: list[Problem]) -> None:
        count = len(problems)
        summary = "; ".join(p.text() for p in problems)
        super().__init__(f"the pipeline has {count} problem{'s' if count != 1 else ''}: {summary}", field="definition")
        self.problems = problems
        self.details = [p.model_dump(exclude_none=True) for p in problems]


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate `name` most likely meant: same letters in another case, else the nearest spelling."""
    options = list(candidates)
    folded = {c.casefold(): c for c in options}
    if name.casefold() in folded:
        return folded[name.casefold()]
    matches = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.75)
    return folded[matches[0]] if matches else None


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """`did you mean 'x'?` for the closest candidate, or None."""
    match = closest(name, candidates)
    return f"did you mean '{match}'?" if match else None
