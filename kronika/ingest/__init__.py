"""Ingest: paths in, Articles (or Rejections with their reasons) out."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from kronika.article import Article, Rejection
from kronika.ingest.language import SUPPORTED, detect_language
from kronika.ingest.paths import expand_paths
from kronika.ingest.readers import DEFAULT_MAX_BYTES, read_path

__all__ = ["read_inputs", "check_language", "DEFAULT_MAX_BYTES"]


def read_inputs(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Rejection]:
    for path in expand_paths(paths):
        if isinstance(path, str):
            yield Rejection(path, "no such file or directory")
            continue
        for result in read_path(path, max_bytes):
            yield check_language(result) if isinstance(result, Article) else result


def check_language(article: Article) -> Article | Rejection:
    language = detect_language(article.text)
    if language is None:
        return Rejection(article.input, "unknown language: too little text to tell")
    if language not in SUPPORTED:
        supported = ", ".join(sorted(SUPPORTED))
        return Rejection(article.input, f"language '{language}' is not supported (supported: {supported})")
    return article
