"""The per-article time budget counts CPU time, in the main thread (a signal) and in any other thread
(a Dask worker's task thread: a watchdog on the thread's CPU clock), and never fires outside its block."""
from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from kronika.api import extract_guarded
from kronika.article import Article, Rejection
from kronika.ingest.budget import BudgetExceeded, time_budget


def _spin(seconds: float) -> None:
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


def _in_thread(work: Callable[[], object]) -> object:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(work).result()


def _guarded(budget: float, seconds: float, wait: Callable[[float], None] = _spin) -> str:
    try:
        with time_budget(budget):
            wait(seconds)
    except BudgetExceeded as error:
        return str(error)
    _spin(0.2)  # nothing left pending after the block
    return "done"


@pytest.mark.parametrize("where", ["main thread", "worker thread"])
def test_computing_past_the_budget_is_stopped_with_its_reason(where: str) -> None:
    def run() -> str:
        return _guarded(0.2, 5)
    started = time.monotonic()
    outcome = run() if where == "main thread" else _in_thread(run)
    assert outcome == "time budget exceeded: extraction took more than 0.2 s of CPU (see --time-budget)"
    assert time.monotonic() - started < 4


@pytest.mark.parametrize("where", ["main thread", "worker thread"])
def test_work_within_the_budget_and_waiting_are_not_stopped(where: str) -> None:
    def run() -> tuple[str, str]:
        return _guarded(2, 0.1), _guarded(0.2, 0.6, time.sleep)  # sleeping costs no CPU
    assert (run() if where == "main thread" else _in_thread(run)) == ("done", "done")


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("where", ["main thread", "worker thread"])
def test_a_budget_swallowed_by_a_garbage_collector_callback_fires_again(where: str) -> None:
    # Python prints and drops an exception raised inside a gc callback (as hypothesis installs one);
    # the budget must still stop the block, not let it run to its end.
    def costly_collection(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            _spin(0.4)

    def run() -> str:
        try:
            with time_budget(0.2):
                gc.collect()  # the first expiry lands in the callback and is swallowed there
                _spin(5)
        except BudgetExceeded as error:
            return str(error)
        return "done"
    gc.callbacks.append(costly_collection)
    try:
        started = time.monotonic()
        outcome = run() if where == "main thread" else _in_thread(run)
    finally:
        gc.callbacks.remove(costly_collection)
    assert outcome.startswith("time budget exceeded") and time.monotonic() - started < 4


def test_each_thread_is_charged_its_own_time() -> None:
    outcomes: dict[str, str] = {}

    def run(name: str, seconds: float) -> None:
        outcomes[name] = _guarded(0.4, seconds)
    threads = [threading.Thread(target=run, args=("costly", 5)), threading.Thread(target=run, args=("cheap", 0.2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes["cheap"] == "done" and outcomes["costly"].startswith("time budget exceeded")


def test_an_article_extracted_in_a_worker_thread_is_refused_by_its_budget() -> None:
    paragraph = ("Według straży pożarnej w nocy ewakuowano 1,2 tys. mieszkańców, a rano kolejnych 300 osób. "
                 "Wojewoda podał, że zalanych jest 40 domów i 12 dróg powiatowych.\n\n")
    article = Article(id="długi", text=paragraph * 400, published="2025-09-15", input="długi.txt")
    refused = _in_thread(lambda: extract_guarded(article, 0.05))
    assert isinstance(refused, Rejection) and refused.reason.startswith("time budget exceeded")
    assert isinstance(_in_thread(lambda: extract_guarded(article, 60)), list)
