"""One layer's mentions of an article, with spans into the article text as read (`kronika annotate`)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kronika.article import Article
from kronika.prepare.document import Document, prepare


def annotate_article(article: Article, layer: str, lang: str = "pl") -> Iterator[dict[str, Any]]:
    document = prepare(article.text, lang)
    for start, end, extra in _layer(document, layer, article.published, lang):
        span = document.to_article(start, end)
        yield {"article": article.id, "layer": layer, "span": list(span),
               "text": article.text[span[0]:span[1]], **extra}


Mention = tuple[int, int, dict[str, Any]]


def _layer(document: Document, layer: str, published: str | None, lang: str) -> Iterator[Mention]:
    text = document.text
    if layer == "sentence":
        for start, end in document.sentences:
            yield start, end, {"type": "sentence", "value": None}
    elif layer == "number":
        from kronika.numbers import find_numbers

        for n in find_numbers(text, lang):
            yield n.start, n.end, {"type": n.qualifier, "value": n.value, "value_max": n.value_max, "unit": n.unit}
    elif layer == "time":
        from kronika.timex import find_times

        for t in find_times(text, published, lang):
            yield t.start, t.end, {"type": t.type, "value": t.value, **({"attrs": t.attrs} if t.attrs else {})}
    elif layer == "entity":
        from kronika.entities import find_entities

        for e in find_entities(text, lang):
            yield e.start, e.end, {"type": e.kind, "value": e.canonical, "form": e.form}
    elif layer == "source":
        yield from _sources(document, lang)
    else:
        raise ValueError(f"unknown layer {layer!r}")


def _sources(document: Document, lang: str) -> Iterator[Mention]:
    from kronika.assemble.attribution import find_attributions
    from kronika.assemble.lexicon import lexicon
    from kronika.assemble.sentence import Sentence
    from kronika.entities import find_entities

    text = document.text
    entities = find_entities(text, lang)
    for start, end in document.sentences:
        sentence = Sentence.of(text, start, end)
        in_sentence = [e for e in entities if start <= e.start < end]
        for attribution in find_attributions(sentence, text, in_sentence, lexicon(lang)):
            first, last = sentence.tokens[attribution.first], sentence.tokens[attribution.last - 1]
            yield first.start, last.end, {"type": attribution.source_kind, "value": attribution.source,
                                          "scope": attribution.scope}
