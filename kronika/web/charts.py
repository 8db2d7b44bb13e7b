"""The figure page's chart: the figure's claims drawn by kronika.report.svg, one colour per canonical
source, each mark linking to its claim, dates in the interface language."""
from __future__ import annotations

from typing import Any

from markupsafe import Markup

from kronika.claim import Claim
from kronika.report.svg import SOURCE_COLOURS, ChartClaim, render_chart
from kronika.web.i18n import Messages


def source_colours(claims: list[dict[str, Any]], unattributed: str) -> dict[str, str]:
    colours: dict[str, str] = {}
    for claim in claims:
        colours.setdefault(_source(claim, unattributed), SOURCE_COLOURS[len(colours) % len(SOURCE_COLOURS)])
    return colours


def _source(claim: dict[str, Any], unattributed: str) -> str:
    return str(claim.get("source_id") or claim.get("source") or unattributed)


def figure_chart(figure: dict[str, Any], messages: Messages) -> tuple[Markup, dict[str, str]]:
    """The SVG (safe to insert: every label is escaped by the renderer) and the legend's colours."""
    claims = figure["claims_list"]
    unattributed = messages("unattributed")
    colours = source_colours(claims, unattributed)
    index = {claim["id"]: position for position, claim in enumerate(claims)}
    items = []
    for claim in claims:
        source = _source(claim, unattributed)
        label = f"{claim['mention']} · {source} · {messages.date(claim['reference_time'])}"
        items.append(ChartClaim(Claim.from_dict(claim), source, label, f"/claims/{claim['id']}"))
    pairs = [(index[c["claim_a"]], index[c["claim_b"]]) for c in figure["conflicts_list"]
             if c["claim_a"] in index and c["claim_b"] in index]
    svg = render_chart(items, colours, figure.get("best"), pairs, title=figure.get("label", ""),
                       date_words=messages.date)
    return Markup(svg), colours
