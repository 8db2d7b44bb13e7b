"""The extraction pipeline: text -> prepared Document -> layer mentions -> Claims."""
from __future__ import annotations

import logging

from kronika.article import Article
from kronika.claim import Claim
from kronika.prepare.document import prepare

log = logging.getLogger(__name__)


def extract(
    text: str, published: str | None = None, lang: str = "pl", article: str = "", outlet: str | None = None,
) -> list[Claim]:
    """Every figure in `text`, as claims whose spans index `text` exactly as given."""
    from kronika.assemble import assemble_claims  # the layers load their language data on first use

    document = prepare(text, lang)
    return assemble_claims(document, published=published, lang=lang, article=article, outlet=outlet)


def extract_article(article: Article, lang: str = "pl") -> list[Claim]:
    return extract(article.text, article.published, lang, article.id, article.outlet)
