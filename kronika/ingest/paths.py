"""Expand the command line's arguments (files, folders, glob patterns, `-` for standard input) into
inputs, accounting for every one: a file to read, an input skipped on purpose (with the rule that
skipped it), or a rejection (with its reason). Nothing under a folder vanishes without a word."""
from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kronika.article import Rejection

STDIN = "-"
# Hidden entries inside a folder (`.git`, `.DS_Store`, editor swap files) are skipped, and said so.
# A name given on the command line is always read, hidden or not.
HIDDEN_PREFIX = "."


@dataclass(frozen=True, slots=True)
class FileInput:
    path: Path
    name: str  # how the input is named to people and in the ledger (always valid UTF-8)


@dataclass(frozen=True, slots=True)
class StdinInput:
    name: str = "<stdin>"


@dataclass(frozen=True, slots=True)
class Skipped:
    name: str
    rule: str


Input = FileInput | StdinInput | Skipped | Rejection


def display_name(path: str | Path) -> str:
    """A file name as valid UTF-8 text: bytes that are not UTF-8 (kept by Python as lone surrogates)
    are shown as `\\xNN`, so the name can be printed and stored."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def expand_paths(arguments: Iterable[str | Path], ledger: Path | None = None) -> Iterator[Input]:
    """Every input named by `arguments`, in a stable order (sorted within a folder). The ledger's own
    files (`kronika.db`, its `-wal` and `-shm`), when they lie among the inputs, are skipped aloud."""
    own = _ledger_files(ledger)
    for item in _expand(arguments):
        if isinstance(item, FileInput) and own and os.path.realpath(item.path) in own:
            yield Skipped(item.name, "the ledger's own file")
        else:
            yield item


def _ledger_files(ledger: Path | None) -> frozenset[str]:
    if ledger is None:
        return frozenset()
    real = os.path.realpath(ledger)
    return frozenset((real, real + "-wal", real + "-shm", real + "-journal"))


def _expand(arguments: Iterable[str | Path]) -> Iterator[Input]:
    for argument in arguments:
        text = str(argument)
        if text == STDIN:
            yield StdinInput()
            continue
        path = Path(text)
        if path.is_symlink() and not path.exists():
            yield Rejection(display_name(path), "dangling symbolic link (its target does not exist)")
        elif path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield _file_input(path)
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield Rejection(display_name(text), "no file matches this pattern")
            for match in matches:
                yield from _expand([match]) if Path(match).is_dir() else [_file_input(Path(match))]
        else:
            yield Rejection(display_name(text), "no such file or directory")


def _file_input(path: Path) -> FileInput | Rejection:
    name = display_name(path)
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return Rejection(name, f"cannot read: {error.strerror or error}")
    if not stat.S_ISREG(mode):
        return Rejection(name, "not a regular file (a device, pipe or socket)")
    return FileInput(path, name)


def _walk(root: Path) -> Iterator[Input]:
    """Files under `root`, following symbolic links to folders once each (a link cycle is skipped)."""
    seen: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            yield Skipped(display_name(folder), "symbolic link to a folder already read (a cycle)")
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield Rejection(display_name(folder), f"cannot list folder: {error.strerror or error}")
            continue
        folders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(HIDDEN_PREFIX):
                yield Skipped(display_name(path), "hidden name (starts with '.') inside a folder")
            elif entry.is_symlink() and not path.exists():
                yield Rejection(display_name(path), "dangling symbolic link (its target does not exist)")
            elif _is_dir(entry):
                folders.append(path)
            else:
                yield _file_input(path)
        stack.extend(reversed(folders))  # depth first, in name order


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symbolic links
    except OSError:
        return False
