"""Demo data: realistic customers, orders, products and a churn table, with known problems at known rows."""

# The manifest is the ground truth quality evaluations score against: every row it names really has the problem,
# and, for each problem a rule can see, no other row has it (tests/core/datasets/test_demo.py checks both).

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from datalinx.core.errors import NotFound

IssueType = Literal[
    "exact_duplicate",
    "near_duplicate",
    "duplicate_key",
    "invalid_email",
    "inconsistent_format",
    "mixed_date_format",
    "category_variant",
    "unit_inconsistency",
    "outlier",
    "negative_value",
    "future_date",
    "cross_column_violation",
    "calculation_mismatch",
    "orphan_reference",
    "test_record",
    "missing_mcar",
    "missing_mar",
    "missing_mnar",
    "label_conflict",
    "label_noise",
]
# Clean data ends here; injected future dates lie years after it, whatever day the demo is generated on.
REFERENCE_DATE = dt.date(2025, 6, 30)


class InjectedIssue(BaseModel):
    """One kind of problem put into one file: which columns, which 0-based data rows."""

    type: IssueType
    columns: list[str]
    rows: list[int] = Field(description="0-based data rows (header excluded) that carry the problem.")
    related_rows: list[int] = Field(
        default_factory=list, description="For pairs (duplicates, conflicts): the earlier row each row matches."
    )
    description: str


class DemoFile(BaseModel):
    """One generated file and the problems injected into it."""

    name: str
    rows: int
    columns: list[str]
    key: str | None = Field(default=None, description="The column meant to identify a row.")
    issues: list[InjectedIssue]

    def issue(self, kind: IssueType, column: str | None = None) -> InjectedIssue:
        """The injected issue of this type (on this column, when given)."""
        for issue in self.issues:
            if issue.type == kind and (column is None or column in issue.columns):
                return issue
        raise NotFound("issue", f"{self.name}:{kind}:{column or '*'}")


class DemoManifest(BaseModel):
    """Every generated file with its injected problems; deterministic for a seed."""

    seed: int
    reference_date: dt.date
    files: list[DemoFile]

    def file(self, name: str) -> DemoFile:
        """The entry of one generated file by name."""
        for entry in self.files:
            if entry.name == name:
                return entry
        raise NotFound("demo file", name)


class Table:
    """Rows being generated, the rows still free of injected problems, and the problems recorded so far."""

    def __init__(self, name: str, columns: list[str], rows: list[dict[str, Any]], rng: random.Random, key: str) -> None:
        self.name, self.columns, self.rows, self.rng, self.key = name, columns, rows, rng, key
        self.free = set(range(len(rows)))
        self.issues: list[InjectedIssue] = []

    def pick(self, count: int, where: Any = None) -> list[int]:
        """`count` rows, each used by one problem only, chosen at random among free rows meeting `where`."""
        pool = sorted(i for i in self.free if where is None or where(self.rows[i]))
        chosen = sorted(self.rng.sample(pool, min(count, len(pool))))
        self.free.difference_update(chosen)
        return chosen

    def record(
        self, kind: IssueType, columns: list[str], rows: list[int], description: str, related: list[int] | None = None
    ) -> None:
        """Remember a problem put into `rows`."""
        self.issues.append(
            InjectedIssue(type=kind, columns=columns, rows=rows, related_rows=related or [], description=description)
        )

    def record_pairs(self, kind: IssueType, columns: list[str], pairs: list[tuple[int, int]], description: str) -> None:
        """Remember a problem put into the first row of each (copy, original) pair, against the second."""
        rows, related = split_pairs(pairs)
        self.record(kind, columns, rows, description, related)

    def copy_pairs(self, count: int) -> list[tuple[int, int]]:
        """(copy, original) pairs with the original earlier in the file; both rows are used up."""
        copies = self.pick(count, None)
        pairs = []
        for row in copies:
            originals = sorted(i for i in self.free if i < row)
            original = self.rng.choice(originals)
            self.free.discard(original)
            pairs.append((row, original))
        return pairs

    def write(self, folder: Path) -> DemoFile:
        """Write the table as CSV (empty cells for missing values) and describe it."""
        with open(folder / self.name, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(self.columns)
            for row in self.rows:
                writer.writerow(["" if row[c] is None else _text(row[c]) for c in self.columns])
        return DemoFile(name=self.name, rows=len(self.rows), columns=self.columns, key=self.key, issues=self.issues)


def random_day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A day between `start` and `end`, both included."""
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def split_pairs(pairs: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """(copy, original) pairs as the rows and related rows of an issue."""
    return [copy for copy, _ in pairs], [original for _, original in pairs]


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def generate_demo(target_dir: Path, seed: int = 7) -> DemoManifest:
    """Write customers.csv, products.csv, orders.csv, churn.csv and manifest.json into `target_dir`."""
    from datalinx.core.datasets.demo_commerce import orders_table, products_table
    from datalinx.core.datasets.demo_people import churn_table, customers_table

    target_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    customers = customers_table(rng)
    products, base_prices = products_table(rng)
    orders = orders_table(rng, customers, products, base_prices)
    churn = churn_table(rng)
    files = [table.write(target_dir) for table in (customers, products, orders, churn)]
    manifest = DemoManifest(seed=seed, reference_date=REFERENCE_DATE, files=files)
    (target_dir / "manifest.json").write_text(manifest.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return manifest
