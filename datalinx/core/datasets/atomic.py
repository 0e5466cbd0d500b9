"""Write a dataset file atomically: work beside the target under a temporary name, rename on success."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AtomicOutput:
    """Where a writer puts its result (`output`) and any intermediate files (`scratch`)."""

    output: Path
    scratch: Path

    def scratch_file(self, name: str) -> Path:
        """A path for an intermediate file; the folder is removed with everything in it at the end."""
        self.scratch.mkdir(parents=True, exist_ok=True)
        return self.scratch / name


@contextmanager
def atomic_output(target: Path) -> Iterator[AtomicOutput]:
    """Yield temporary paths beside `target`; on success rename the output onto it, always remove the rest."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # Same folder as the target so os.replace is a rename on one file system, never a copy.
    token = secrets.token_hex(6)
    work = AtomicOutput(
        output=target.with_name(f"{target.name}.tmp-{token}"),
        scratch=target.with_name(f"{target.name}.tmp-{token}.work"),
    )
    try:
        yield work
        os.replace(work.output, target)
    finally:
        work.output.unlink(missing_ok=True)
        shutil.rmtree(work.scratch, ignore_errors=True)
