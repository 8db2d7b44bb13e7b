"""Imported by the worker pool's fork server (`ExtractionPool`): extracts one short bundled article so
that the extraction modules, the morphological analyser and the language profile are loaded once, in
the server, and every worker forked from it starts ready instead of loading them itself. A failure
here only means the workers load them on their first article."""
from __future__ import annotations

import logging

WARM_UP_CHARS = 2000


def warm_up() -> None:
    try:
        from importlib import resources

        from kronika.api import extract_guarded
        from kronika.article import Article
        from kronika.scale.pool import story_features
        from kronika.scale.wire import signature

        folder = resources.files("kronika").joinpath("samples")
        sample = min((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
        article = Article(id="warm-up", text=sample.read_text("utf-8")[:WARM_UP_CHARS], published="2025-01-01")
        extract_guarded(article, None)
        signature(article.text)
        story_features(article)
    except Exception:  # noqa: BLE001 - the workers will load what they need themselves
        logging.getLogger(__name__).debug("warming up the fork server failed", exc_info=True)


warm_up()
