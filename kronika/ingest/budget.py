"""A time budget per article: a pathological input becomes a rejection with its reason, not a stall.

The budget is CPU time of the process (ITIMER_PROF), not wall-clock time: an article is refused for
what it costs, never because the machine was busy with something else. SIGPROF interrupts the
extraction wherever it is (between Python bytecodes; a long call into C code is interrupted when it
returns). Signals reach only the main thread, so elsewhere (a thread pool) the budget is not
enforced; worker processes run extraction in their main thread and keep it.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_TIME_BUDGET = 120.0  # CPU seconds per article; a 10 MB article takes well under this


class BudgetExceeded(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"time budget exceeded: extraction took more than {seconds:g} s of CPU (see --time-budget)")


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded in the block after `seconds` of CPU time (None or 0: no budget)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise BudgetExceeded(seconds)

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
