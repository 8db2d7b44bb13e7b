"""A time budget per article: a pathological input becomes a rejection with its reason, not a stall.

The budget is CPU time (of the process in its main thread, of the thread elsewhere), not wall-clock
time: an article is refused for what it costs, never because the machine was busy with something else.
In the main thread SIGPROF (ITIMER_PROF) interrupts the extraction wherever it is. In any other thread
(a Dask worker runs tasks in a thread pool; signals reach only the main thread) a watchdog reads the
thread's own CPU clock and raises the same exception in it asynchronously. Either way the exception
arrives between Python bytecodes: a long call into C code is interrupted when it returns.

An exception that lands in a garbage-collector callback or a __del__ is printed and swallowed by
Python, so the budget does not fire once: it fires again every WATCH_INTERVAL until the block is
left. Leaving the block therefore retries its clean-up until no exception of its own interrupts it.
"""
from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

DEFAULT_TIME_BUDGET = 120.0  # CPU seconds per article; a 10 MB article takes well under this
WATCH_INTERVAL = 0.05  # seconds between the watchdog's readings of a thread's CPU clock


class BudgetExceeded(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"time budget exceeded: extraction took more than {seconds:g} s of CPU (see --time-budget)")


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded in the block after `seconds` of CPU time (None or 0: no budget)."""
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread():
        with _signal_budget(seconds):
            yield
    else:
        with _watched_budget(seconds):
            yield


@contextmanager
def _signal_budget(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise BudgetExceeded(seconds)

    def disarm() -> None:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds, WATCH_INTERVAL)  # and again, in case one is swallowed
    try:
        yield
    finally:
        _uninterrupted(disarm)


@contextmanager
def _watched_budget(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    clock = time.pthread_getcpuclockid(target)
    deadline = time.clock_gettime(clock) + seconds

    class Exceeded(BudgetExceeded):  # raised asynchronously, so by its class alone: it knows its budget
        def __init__(self) -> None:
            super().__init__(seconds)

    lock, done, fired = threading.Lock(), threading.Event(), []

    def watch() -> None:
        while not done.wait(WATCH_INTERVAL):
            if time.clock_gettime(clock) >= deadline:
                with lock:
                    if not done.is_set():  # again at every interval until the block is left
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(Exceeded))
                        fired.append(True)

    def stop_watching() -> None:
        with lock:
            done.set()
            if fired:  # one raised too late to land inside the block: take it back rather than raise it here
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)

    watchdog = threading.Thread(target=watch, name="time-budget", daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        _uninterrupted(stop_watching)
        watchdog.join()


def _uninterrupted(clean_up: Callable[[], None]) -> None:
    """Run `clean_up` to its end even if a budget exception already on its way interrupts it."""
    while True:
        try:
            clean_up()
            return
        except BudgetExceeded:
            continue
