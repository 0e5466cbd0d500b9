"""Progress reports for long reads: a callback taking (fraction, message), split into stages."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

ProgressCallback = Callable[[float, str], None]


@dataclass(frozen=True)
class Progress:
    """Maps a stage's own 0..1 onto its share [start, end] of the whole; a no-op without a callback."""

    callback: ProgressCallback | None = None
    start: float = 0.0
    end: float = 1.0

    def __call__(self, fraction: float, message: str) -> None:
        if self.callback is not None:
            fraction = min(max(fraction, 0.0), 1.0)
            self.callback(self.start + (self.end - self.start) * fraction, message)

    def stage(self, start: float, end: float) -> Progress:
        """The part of this stage from `start` to `end` (both 0..1 of this stage)."""
        width = self.end - self.start
        return Progress(self.callback, self.start + width * start, self.start + width * end)


def run_reporting(
    work: Callable[[], None],
    *,
    poll: Callable[[], float | None],
    progress: Progress,
    message: str,
    stop: Callable[[], None],
) -> None:
    """Run `work` in a thread, reporting `poll()` from the caller's thread; `stop` it if a report raises."""
    # Job progress callbacks touch the system DB and raise on cancellation, so they must run on this thread.
    errors: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as exc:  # handed to the caller's thread below
            errors.append(exc)

    thread = threading.Thread(target=target, name="datalinx-read", daemon=True)
    thread.start()
    try:
        while thread.is_alive():
            thread.join(0.2)
            fraction = poll() if thread.is_alive() else None
            if fraction is not None and fraction >= 0:
                progress(fraction, message)
    except BaseException:
        stop()
        thread.join()
        raise
    if errors:
        raise errors[0]
