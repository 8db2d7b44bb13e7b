"""What the list templates print, worded once per row in Python: a page of 50 figures or 60 facet links
costs a template a call per field (2 ms a page); worded here it is a few dict look-ups per row. Every
value stays plain text that the templates escape, except the search snippet, whose pieces are escaped
here before the matched ones are wrapped in <mark>."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from kronika.web.i18n import Messages


def number(value: float | None) -> str:
    """A figure as people read it: thousands apart by a no-break space, fractions only when there are."""
    if value is None:
        return ""
    return f"{value:,.0f}".replace(",", "\u00a0") if float(value).is_integer() else f"{value:g}"


@lru_cache(maxsize=65536)
def segment(value: str) -> str:
    """An id as one URL path segment (`/` and `:` escaped); ids recur page after page, so kept."""
    return quote(value, safe="")


def figure_views(figures: Iterable[Mapping[str, Any]], t: Messages) -> list[dict[str, Any]]:
    """The cells of the figures table for each figure."""
    views = []
    for figure in figures:
        words = [t.measure(figure["measure"]), t.kind(figure["subject_kind"])]
        words += [figure[name] for name in ("actor", "place") if figure.get(name)]
        low, high = figure.get("low"), figure.get("high")
        views.append({
            "href": "/figures/" + segment(str(figure["id"])),
            "title": " · ".join(words),
            "best": number(figure.get("best")),
            "range": f"{number(low) if low is not None else '…'}–{number(high) if high is not None else '…'}",
            "claims": figure["claims"],
            "sources": f"{figure['independent_sources']}/{figure['sources']}",
            "as_of": t.date(figure.get("as_of")),
            "contested": figure["contested"],
        })
    return views


def facet_links(path: str, params: Mapping[str, str], name: str, values: Iterable[Mapping[str, Any]],
                t: Messages) -> list[dict[str, Any]]:
    """One facet's links: this page's query with the facet set to each value, back to the first page."""
    kept = {key: value for key, value in params.items() if key not in (name, "page")}
    links = []
    for facet in values:
        value = facet["value"]
        label = t.measure(value) if name == "measure" else (t("yes") if name == "contested" else value)
        query = urlencode({**kept, name: value})
        links.append({"href": f"{path}?{query}", "label": label, "value": value,
                      "count": facet.get("figures", facet.get("claims"))})
    return links


def snippet_markup(segments: Iterable[Mapping[str, Any]]) -> Markup:
    """A search snippet: every piece escaped, the matched ones in <mark>."""
    return Markup("").join(
        Markup("<mark>%s</mark>") % segment["text"] if segment["match"] else escape(segment["text"])
        for segment in segments)
