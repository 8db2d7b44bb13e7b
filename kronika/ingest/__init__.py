"""Ingest: paths in, Articles (or Rejections with their reasons) out."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from kronika.article import Article, Rejection
from kronika.ingest.language import SUPPORTED, detect_language
from kronika.ingest.paths import Skipped, expand_paths
from kronika.ingest.readers import DEFAULT_MAX_BYTES, read_input

log = logging.getLogger(__name__)

__all__ = ["read_inputs", "check_language", "DEFAULT_MAX_BYTES"]


def read_inputs(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, stdin_format: str = "text",
) -> Iterator[Article | Rejection]:
    """Readable articles in a known language, or rejections; inputs skipped on purpose are logged."""
    for item in expand_paths(paths):
        if isinstance(item, Skipped):
            log.info("skipped %s: %s", item.name, item.rule)
        elif isinstance(item, Rejection):
            yield item
        else:
            for result in read_input(item, max_bytes, stdin_format):
                yield _checked(result) if isinstance(result, Article) else result


def _checked(article: Article) -> Article | Rejection:
    try:
        return check_language(article)
    except Exception as error:  # a detector failure costs one input
        return Rejection(article.input, f"language check failed: {type(error).__name__}: {error}"[:300])


def check_language(article: Article) -> Article | Rejection:
    language = detect_language(article.text)
    if language is None:
        return Rejection(article.input, "unknown language: too little text to tell")
    if language not in SUPPORTED:
        supported = ", ".join(sorted(SUPPORTED))
        return Rejection(article.input, f"language '{language}' is not supported (supported: {supported})")
    return article
