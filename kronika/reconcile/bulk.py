"""Bulk work over a whole ledger: building a figure per claim allocates millions of small objects that
live on (claims, keys, memberships, figures), none of them in a reference cycle. CPython's cyclic
collector, triggered by the allocations, walks that whole growing heap again and again: at a million
claims it took about a third of `build_figures`. Reference counting still frees everything as usual;
only the cycle search waits until the bulk step is done.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk step (restored after it, also on error)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
