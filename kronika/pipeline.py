"""The extraction pipeline: text -> prepared Document -> layer mentions -> Claims."""
from __future__ import annotations

import logging

from kronika.article import Article, valid_published
from kronika.claim import Claim
from kronika.pieces import pieces
from kronika.prepare.document import prepare

log = logging.getLogger(__name__)

# Characters. A text longer than this is a dump or a feed of many reports, not one article: it is read a
# section (cut at a line break) at a time, so memory follows the section, not the whole; what links
# sentences (a quotation's speaker, a carried source or time) never reaches across sections.
SECTION = 1 << 20


def extract(
    text: str, published: str | None = None, lang: str = "pl", article: str = "", outlet: str | None = None,
) -> list[Claim]:
    """Every figure in `text`, as claims whose spans index `text` exactly as given. A `published` that
    is not a date is ignored (with a warning) rather than trusted."""
    from kronika.assemble import assemble_claims  # the layers load their language data on first use

    checked = valid_published(published)
    if published is not None and checked is None:
        log.warning("ignoring publication date %r of %s: not a date", published, article or "the text")
    claims: list[Claim] = []
    for start, end in pieces(text, SECTION):  # an ordinary article is one section: the text itself
        found = assemble_claims(prepare(text[start:end], lang), published=checked, lang=lang, article=article,
                                outlet=outlet)
        for claim in found if start else ():
            claim.span = (claim.span[0] + start, claim.span[1] + start)
        claims.extend(found)
    return claims


def extract_article(article: Article, lang: str = "pl") -> list[Claim]:
    return extract(article.text, article.published, lang, article.id, article.outlet)
