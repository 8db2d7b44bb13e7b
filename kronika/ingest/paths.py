"""Expand the command line's paths: files, directories (recursively) and glob patterns."""
from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

HIDDEN_PREFIXES = (".", "_")


def expand_paths(arguments: Iterable[str | Path]) -> Iterator[Path | str]:
    """Yield files in a stable order; an argument that matches nothing is yielded as a string so the
    caller can reject it by name."""
    for argument in arguments:
        text = str(argument)
        path = Path(text)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(HIDDEN_PREFIXES) for part in p.relative_to(path).parts)
            )
        elif path.exists():
            yield path
        elif glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield text
            yield from (Path(m) for m in matches if Path(m).is_file())
        else:
            yield text
