"""Every third-party module kronika imports is a declared runtime dependency."""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _declared(group: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    specs = project["dependencies"] if group is None else project["optional-dependencies"][group]
    return {re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in specs}


def _imported_top_levels() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "kronika").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return {name for name in names if name != "kronika" and name not in sys.stdlib_module_names}


def _distributions(top_level: str) -> set[str]:
    return {d.lower().replace("_", "-") for d in packages_distributions().get(top_level, [])}


def test_every_third_party_import_is_a_declared_runtime_dependency() -> None:
    declared = _declared()
    missing = {name for name in _imported_top_levels() if not _distributions(name) & declared}
    assert not missing, f"imported but not in [project] dependencies: {sorted(missing)}"


def test_every_declared_runtime_dependency_is_used() -> None:
    """A runtime dependency nothing imports is weight every install carries (fastapi was once declared
    and never imported)."""
    used = set().union(*(_distributions(name) for name in _imported_top_levels()))
    assert _declared() - used == set()


def test_trafilatura_html_cleaning_imports() -> None:
    """justext, under trafilatura, imports lxml.html.clean, which lives in lxml_html_clean: it must
    arrive with the declared dependencies (justext asks for lxml[html_clean])."""
    from trafilatura import extract

    assert "zaginął" in (extract("<html><body><article><p>Pies zaginął w parku.</p></article></body></html>") or "")


def _dry_run(target: str, tmp_path: Path) -> str:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True, text=True, check=True).stdout


def test_make_demo_installs_the_runtime_only(tmp_path: Path) -> None:
    commands = _dry_run("demo", tmp_path)
    assert "pip install --quiet -e ." in commands and "[dev]" not in commands


def test_make_test_installs_the_dev_tools(tmp_path: Path) -> None:
    assert "pip install --quiet -e '.[dev]'" in _dry_run("test", tmp_path)


def test_make_install_puts_kronika_on_a_path(tmp_path: Path) -> None:
    if not (ROOT / ".venv" / ".runtime").exists():
        pytest.skip("no venv made by the Makefile here")
    subprocess.run(["make", "-s", "install", f"PREFIX={tmp_path}"], cwd=ROOT, check=True, capture_output=True)
    linked = tmp_path / "bin" / "kronika"
    shown = subprocess.run([str(linked), "--help"], capture_output=True, text=True, check=True).stdout
    assert "Usage: kronika" in shown
