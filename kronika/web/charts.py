"""The figure page's chart: the figure's claims drawn by kronika.report.svg, one colour per canonical
source, each mark linking to its claim, dates in the interface language."""
from __future__ import annotations

from typing import Any

from markupsafe import Markup

from kronika.claim import Claim
from kronika.report.svg import SOURCE_COLOURS, ChartClaim, render_chart
from kronika.web.i18n import Messages


def source_colours(claims: list[dict[str, Any]]) -> dict[str, str]:
    colours: dict[str, str] = {}
    for claim in claims:
        colours.setdefault(_source(claim), SOURCE_COLOURS[len(colours) % len(SOURCE_COLOURS)])
    return colours


def _source(claim: dict[str, Any]) -> str:
    return str(claim.get("source_id") or claim.get("source") or "—")


def figure_chart(figure: dict[str, Any], messages: Messages) -> tuple[Markup, dict[str, str]]:
    """The SVG (safe to insert: every label is escaped by the renderer) and the legend's colours."""
    claims = figure["claims_list"]
    colours = source_colours(claims)
    index = {claim["id"]: position for position, claim in enumerate(claims)}
    items = [ChartClaim(Claim.from_dict(claim), _source(claim),
                        f"{claim['mention']} · {_source(claim)} · {messages.date(claim['reference_time'])}",
                        f"/claims/{claim['id']}") for claim in claims]
    pairs = [(index[c["claim_a"]], index[c["claim_b"]]) for c in figure["conflicts_list"]
             if c["claim_a"] in index and c["claim_b"] in index]
    svg = render_chart(items, colours, figure.get("best"), pairs, title=figure.get("label", ""),
                       date_words=messages.date)
    return Markup(svg), colours
