"""Wake idle workers in this process the moment a job is queued, instead of waiting for their next poll."""

from __future__ import annotations

import asyncio
import contextlib
import threading

from sqlalchemy import event
from sqlalchemy.orm import Session


class QueueSignal:
    """A generation counter bumped whenever jobs become due; threads and event loops can wait for a bump."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._generation = 0
        self._async_waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()

    @property
    def generation(self) -> int:
        return self._generation

    def notify(self) -> None:
        """Wake every waiter."""
        with self._condition:
            self._generation += 1
            self._condition.notify_all()
            waiters = list(self._async_waiters)
        for loop, flag in waiters:
            with contextlib.suppress(RuntimeError):  # the loop has closed
                loop.call_soon_threadsafe(flag.set)

    def wait(self, since: int, timeout: float) -> bool:
        """Block until the generation moves past `since` or `timeout` passes; True when woken."""
        with self._condition:
            return self._condition.wait_for(lambda: self._generation != since, timeout)

    async def wait_async(self, since: int, timeout: float) -> bool:
        """The same wait, for an event loop."""
        flag = asyncio.Event()
        waiter = (asyncio.get_running_loop(), flag)
        with self._condition:
            if self._generation != since:
                return True
            self._async_waiters.add(waiter)
        try:
            await asyncio.wait_for(flag.wait(), timeout)
            return True
        except TimeoutError:
            return False
        finally:
            with self._condition:
                self._async_waiters.discard(waiter)

    def notify_after_commit(self, session: Session) -> None:
        """Notify once `session`'s transaction commits (a queued job is invisible until then)."""
        if session.info.get("datalinx.jobs.notify"):
            return
        session.info["datalinx.jobs.notify"] = True

        def committed(_session: Session) -> None:
            _session.info.pop("datalinx.jobs.notify", None)
            self.notify()

        def rolled_back(_session: Session, _transaction: object) -> None:
            _session.info.pop("datalinx.jobs.notify", None)

        event.listen(session, "after_commit", committed, once=True)
        event.listen(session, "after_soft_rollback", rolled_back, once=True)


SIGNAL = QueueSignal()
