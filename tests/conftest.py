"""Shared fixtures. `shared_dir` is ../shared beside the clone: tests that read it skip where it is
absent, but fail loudly under CI (CI=true), where it must be present."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {SHARED} is missing: the shared data must sit beside the clone")
        pytest.skip(f"{SHARED} not present")
    return SHARED
