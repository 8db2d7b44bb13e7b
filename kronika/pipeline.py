"""The extraction pipeline: text -> prepared Document -> layer mentions -> Claims."""
from __future__ import annotations

import logging

from kronika.article import Article, valid_published
from kronika.claim import Claim
from kronika.prepare.document import prepare

log = logging.getLogger(__name__)


def extract(
    text: str, published: str | None = None, lang: str = "pl", article: str = "", outlet: str | None = None,
) -> list[Claim]:
    """Every figure in `text`, as claims whose spans index `text` exactly as given. A `published` that
    is not a date is ignored (with a warning) rather than trusted."""
    from kronika.assemble import assemble_claims  # the layers load their language data on first use

    checked = valid_published(published)
    if published is not None and checked is None:
        log.warning("ignoring publication date %r of %s: not a date", published, article or "the text")
    document = prepare(text, lang)
    return assemble_claims(document, published=checked, lang=lang, article=article, outlet=outlet)


def extract_article(article: Article, lang: str = "pl") -> list[Claim]:
    return extract(article.text, article.published, lang, article.id, article.outlet)
