"""Job kinds: each registered once with its permission, attempts, data-plane `run` and control-plane `complete`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from datalinx.core.auth.permissions import Permission
from datalinx.core.errors import Invalid, field_errors

if TYPE_CHECKING:
    from datalinx.core.context import Call
    from datalinx.core.jobs.context import JobContext
    from datalinx.core.jobs.schemas import JobRead

RunFn = Callable[["JobContext", dict[str, Any]], dict[str, Any]]
CompleteFn = Callable[["Call", "JobRead", dict[str, Any]], None]

# Every module that registers job kinds: the control plane and remote workers import them all, so both
# know every kind. A domain adds its module here.
BUILTIN_MODULES = (
    "datalinx.core.jobs.builtin",
    "datalinx.core.datasets.imports",
    "datalinx.core.quality.jobs",
    "datalinx.core.quality.quarantine",
    "datalinx.core.pipelines.jobs",
)


@dataclass(frozen=True)
class JobKind:
    """One kind of job.

    `run(ctx, payload)` works on files and data only (it may run on a remote worker without system-DB
    credentials) and reports progress through `ctx`; outputs are keyed by the job id so a re-run after a
    crash rewrites rather than duplicates. `complete(call, job, result)` runs on the control plane inside
    the completion transaction to persist domain rows (unique on the job id).
    """

    name: str
    permission: Permission
    run: RunFn
    max_attempts: int | None = None
    complete: CompleteFn | None = None
    payload_model: type[BaseModel] | None = None
    description: str = ""

    def validate_payload(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The payload checked against the kind's model; errors name the field."""
        if self.payload_model is None:
            return payload
        try:
            return self.payload_model.model_validate(payload).model_dump(mode="json")
        except ValidationError as exc:
            where, message = field_errors([exc.errors()[0]], default="payload")[0]
            raise Invalid(f"payload.{where}: {message}", field=f"payload.{where}") from exc


_KINDS: dict[str, JobKind] = {}


def register(kind: JobKind) -> JobKind:
    """Add a kind; registering the same name twice is a programming error unless it is the same kind."""
    existing = _KINDS.get(kind.name)
    if existing is not None and existing != kind:
        raise RuntimeError(f"job kind '{kind.name}' is registered twice")
    _KINDS[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Remove a kind (tests that register their own)."""
    _KINDS.pop(name, None)


def get(name: str) -> JobKind | None:
    load()
    return _KINDS.get(name)


def require(name: str) -> JobKind:
    """The kind named `name`; an unknown name is bad input naming the field."""
    kind = get(name)
    if kind is None:
        known = ", ".join(sorted(_KINDS)) or "none"
        raise Invalid(f"unknown job kind '{name}'; known kinds: {known}", field="kind")
    return kind


def names() -> list[str]:
    load()
    return sorted(_KINDS)


def without_completion() -> list[str]:
    """Kinds with no `complete` step: the queue finishes them in a single statement."""
    load()
    return sorted(name for name, kind in _KINDS.items() if kind.complete is None)


_loaded: set[str] = set()


def load(modules: Iterable[str] = ()) -> None:
    """Import the built-in kind modules and any extra ones (setting `job_modules`) once each."""
    for module in (*BUILTIN_MODULES, *modules):
        if module not in _loaded:
            _loaded.add(module)
            try:
                importlib.import_module(module)
            except BaseException:
                _loaded.discard(module)
                raise
