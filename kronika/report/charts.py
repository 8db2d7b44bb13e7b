"""Chart specs for a figure: estimates over time, one colour per source, the wording's bounds drawn.

Plain plotly.js trace dictionaries (no plotly.graph_objects: validating thousands of traces is slow
and buys nothing here). How a claim is drawn:

- the marker sits at the middle of its reference time; a faint horizontal line spans that time
  (`2024` covers the whole year);
- exact: a filled circle; approx: a translucent band over the time it holds for and the values its
  rounding allows (at least a little wide, so a one-day claim shows one too);
  range and vague: an error bar over the stated range;
  more than / at least: an upward triangle and a dotted line up to the top of the chart (open above);
  less than / at most / up to: a downward triangle and a dotted line down to zero;
- planned, possible and denied figures: a hollow marker labelled with the modality;
- conflicting pairs: ringed and joined by a dashed vermilion line;
- the summary's best estimate: a dashed grey line.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

from kronika.claim import Claim
from kronika.reconcile.figures import FACTUAL_MODALITIES, Figure
from kronika.reconcile.intervals import point_value, stated_interval, value_interval
from kronika.reconcile.timex import TimeInterval, claim_time
from kronika.reconcile.wording import describe_value, source_label, time_label

# Okabe-Ito based, colour-blind safe; vermilion is kept for conflicts.
SOURCE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#8C6D31", "#6A3D9A", "#5F6B6D")
CONFLICT_COLOUR = "#D55E00"
_OPEN_ABOVE = {"more_than", "at_least"}
_OPEN_BELOW = {"less_than", "at_most", "up_to"}
# A bound beyond this multiple of the largest stated value is drawn as open ("miliony" up to 1e9).
_FAR_BOUND = 4.0
# Above this many points a chart shows markers only: bands and bars of thousands of claims are noise.
DENSE_POINTS = 300


def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def _middle(interval: TimeInterval) -> str:
    return _iso(interval.start + (interval.end - interval.start - 1) // 2)


def _symbol(claim: Claim) -> str:
    if claim.qualifier in _OPEN_ABOVE:
        shape = "triangle-up"
    elif claim.qualifier in _OPEN_BELOW:
        shape = "triangle-down"
    elif claim.qualifier in ("range", "vague"):
        shape = "diamond"
    else:
        shape = "circle"
    return shape if claim.modality in FACTUAL_MODALITIES else f"{shape}-open"


def _rgba(hex_colour: str, alpha: float) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _hover(claim: Claim, row: int) -> str:
    modality = "" if claim.modality == "asserted" else f" · {claim.modality}"
    return (f"<b>{_safe(describe_value(claim))}</b>{modality}<br>{_safe(source_label(claim))}"
            f"<br>as of {_safe(time_label(claim))}<br>article {_safe(claim.article)} · row {row}")


def _safe(text: str) -> str:
    # Hover text is HTML to plotly: escape what came from articles.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _segments(pairs: Sequence[tuple[tuple[Any, Any], tuple[Any, Any]]]) -> tuple[list[Any], list[Any]]:
    xs: list[Any] = []
    ys: list[Any] = []
    for (x0, y0), (x1, y1) in pairs:
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    return xs, ys


def chart_spec(
    figure: Figure,
    conflicts: Sequence[tuple[Claim, Claim]],
    colours: dict[str, str],
    rows: dict[int, int],
    max_points: int = 3000,
) -> dict[str, Any]:
    """`{"data": [...], "layout": {...}, "undated": n, "omitted": n, "dense": bool}` for Plotly.newPlot.

    conflicts: the figure's conflicting pairs (its own claim objects); colours: source -> colour;
    rows: id(claim) -> its row number in the figure's table (for hover and click-to-row).
    Only the newest `max_points` dated claims are drawn; the count left out is returned. A dense chart
    (more than DENSE_POINTS) draws plain markers, without time spans, bounds and labels.
    """
    dated = [(c, t) for c in figure.claims if (t := claim_time(c)) is not None]
    undated = len(figure.claims) - len(dated)
    omitted = max(0, len(dated) - max_points)
    dated = dated[omitted:]
    values = [point_value(c) for c, _ in dated] or [0.0]
    finite_highs = [h for c, _ in dated if not math.isinf(h := stated_interval(c).high)]
    reach = max(values) * _FAR_BOUND
    top = 1.2 * max([*values, *(h for h in finite_highs if h <= reach)]) or 1.0

    # A figure whose claims are all undated still gets an axis: around today, with nothing on it.
    today = date.today().toordinal()
    first = min((t.start for _, t in dated), default=today)
    last = max((t.end for _, t in dated), default=today + 1)
    # Short claims get a band wide enough to see: 1 % of the time shown on each side.
    min_half_width = max(1, (last - first) // 100)
    data: list[dict[str, Any]] = []
    by_source: dict[str, list[tuple[Claim, TimeInterval]]] = {}
    for claim, interval in dated:
        by_source.setdefault(source_label(claim), []).append((claim, interval))
    dense = len(dated) > DENSE_POINTS
    for source, members in by_source.items():
        if not dense:
            data.extend(_source_traces(source, members, colours[source], top, min_half_width))
    for source, members in by_source.items():
        data.append(_points(source, members, colours[source], rows, top, dense))
    data.extend(_conflict_traces(conflicts, {id(c) for c, _ in dated}))
    margin = max(3, (last - first) // 30)
    layout = {
        "height": 380,
        "margin": {"l": 64, "r": 24, "t": 16, "b": 40},
        "hovermode": "closest",
        "separators": ".,",
        "font": {"family": "Inter, system-ui, -apple-system, Segoe UI, sans-serif", "size": 12,
                 "color": "#334"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "#fbfbfd",
        "xaxis": {"type": "date", "gridcolor": "#e6e8ef", "zeroline": False,
                  "range": [_iso(first - margin), _iso(last + margin)]},
        "yaxis": {"title": {"text": figure.subject, "standoff": 8}, "range": [0, top], "automargin": True,
                  "gridcolor": "#e6e8ef", "tickformat": "~s" if top >= 1e6 else ",~r",
                  "zeroline": True, "zerolinecolor": "#c9ccd6"},
        "legend": {"orientation": "h", "y": -0.14, "x": 0, "font": {"size": 12}},
        "showlegend": True,
    }
    if figure.summary.best is not None:
        best = figure.summary.best
        layout["shapes"] = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": best, "y1": best,
                             "line": {"color": "#9aa0b4", "width": 1, "dash": "dash"}}]
        layout["annotations"] = [{"xref": "paper", "x": 0, "xanchor": "left", "y": best,
                                  "yanchor": "bottom", "text": "summary: best", "showarrow": False,
                                  "font": {"size": 10, "color": "#7a8096"}}]
    return {"data": data, "layout": layout, "undated": undated, "omitted": omitted, "dense": dense}


def _source_traces(
    source: str,
    members: list[tuple[Claim, TimeInterval]],
    colour: str,
    top: float,
    min_half_width: int,
) -> list[dict[str, Any]]:
    """Everything of one source but its markers: time spans, rounding bands, open bounds, series line."""
    group = {"legendgroup": source, "showlegend": False, "hoverinfo": "skip"}
    spans, bars_up, bars_down, arrow_tips = [], [], [], []
    band_xs: list[Any] = []
    band_ys: list[Any] = []
    for claim, interval in members:
        x, y = _middle(interval), point_value(claim)
        if claim.qualifier == "approx":
            # The band covers the time the claim holds for and the values its rounding allows.
            middle = interval.start + (interval.end - interval.start - 1) // 2
            x0 = _iso(min(interval.start, middle - min_half_width))
            x1 = _iso(max(interval.end - 1, middle + min_half_width))
            compared = value_interval(claim)
            band_xs += [x0, x1, x1, x0, x0, None]
            band_ys += [compared.low, compared.low, compared.high, compared.high, compared.low, None]
        elif interval.end - interval.start > 1:
            spans.append(((_iso(interval.start), y), (_iso(interval.end - 1), y)))
        if claim.qualifier in _OPEN_ABOVE or stated_interval(claim).high > top:  # open, or far off the chart
            bars_up.append(((x, y), (x, top)))
            arrow_tips.append(x)
        elif claim.qualifier in _OPEN_BELOW:
            bars_down.append(((x, y), (x, 0)))
    traces: list[dict[str, Any]] = []
    if band_xs:
        traces.append({"type": "scatter", "mode": "lines", "x": band_xs, "y": band_ys, "fill": "toself",
                       "fillcolor": _rgba(colour, 0.16), "line": {"color": _rgba(colour, 0.35), "width": 1},
                       **group})
    for pairs, line in (
        (spans, {"color": _rgba(colour, 0.45), "width": 2}),
        (bars_up, {"color": _rgba(colour, 0.75), "width": 1.5, "dash": "dot"}),
        (bars_down, {"color": _rgba(colour, 0.75), "width": 1.5, "dash": "dot"}),
    ):
        if pairs:
            xs, ys = _segments(pairs)
            traces.append({"type": "scatter", "mode": "lines", "x": xs, "y": ys, "line": line, **group})
    if arrow_tips:
        traces.append({"type": "scatter", "mode": "markers", "x": arrow_tips, "y": [top] * len(arrow_tips),
                       "marker": {"symbol": "arrow-up", "size": 9, "color": colour}, "cliponaxis": False,
                       **group})
    # A series line only joins the claims of one named source: "unattributed" and "zachodnie źródła"
    # gather many voices, and a line through them would suggest one estimate moving.
    factual = [(c, t) for c, t in members if c.modality in FACTUAL_MODALITIES]
    if len(factual) > 1 and all(c.source and c.source_kind != "unnamed" for c, _ in members):
        traces.append({"type": "scatter", "mode": "lines", "x": [_middle(t) for _, t in factual],
                       "y": [point_value(c) for c, _ in factual],
                       "line": {"color": _rgba(colour, 0.55), "width": 1.5}, **group})
    return traces


def _points(source: str, members: list[tuple[Claim, TimeInterval]], colour: str,
            rows: dict[int, int], top: float, dense: bool) -> dict[str, Any]:
    claims = [c for c, _ in members]
    ys = [point_value(c) for c in claims]
    bounded = [stated_interval(c) for c in claims]
    with_bar = [c.qualifier in ("range", "vague") and not dense for c in claims]
    triples = list(zip(bounded, ys, with_bar, strict=True))
    # A bound beyond the chart's top is drawn as open (dotted line and arrow), not as a bar.
    error_up = [(b.high - y if bar and b.high <= top else 0) for b, y, bar in triples]
    error_down = [(y - b.low if bar else 0) for b, y, bar in triples]
    return {
        "type": "scatter",
        "mode": "markers" if dense else "markers+text",
        "name": source,
        "legendgroup": source,
        "x": [_middle(t) for _, t in members],
        "y": ys,
        "text": [] if dense else ["" if c.modality in FACTUAL_MODALITIES else c.modality for c in claims],
        "textposition": "middle right",
        "textfont": {"color": colour, "size": 11},
        "hovertext": [_hover(c, rows[id(c)]) for c in claims],
        "hoverinfo": "text",
        "customdata": [rows[id(c)] for c in claims],
        "marker": {"symbol": [_symbol(c) for c in claims], "size": 6 if dense else 11, "color": colour,
                   "opacity": 0.6 if dense else 1, "line": {"color": colour, "width": 1 if dense else 2}},
        "error_y": {"type": "data", "symmetric": False, "array": error_up, "arrayminus": error_down,
                    "color": colour, "thickness": 1.5, "width": 5, "visible": any(with_bar)},
        "cliponaxis": False,
    }


def _conflict_traces(conflicts: Sequence[tuple[Claim, Claim]], drawn: set[int]) -> list[dict[str, Any]]:
    pairs = []
    for conflict in conflicts:
        if all(id(claim) in drawn for claim in conflict):
            first, second = ((_middle(t), point_value(c)) for c in conflict if (t := claim_time(c)))
            pairs.append((first, second))
    if not pairs:
        return []
    xs, ys = _segments(pairs)
    ring_x = [end[0] for pair in pairs for end in pair]
    ring_y = [end[1] for pair in pairs for end in pair]
    return [{"type": "scatter", "mode": "lines+markers", "name": "conflict", "x": xs, "y": ys,
             "hoverinfo": "skip", "legendgroup": "conflict",
             "line": {"color": CONFLICT_COLOUR, "width": 2, "dash": "dash"},
             "marker": {"size": 0.1, "color": CONFLICT_COLOUR}},
            {"type": "scatter", "mode": "markers", "x": ring_x, "y": ring_y, "hoverinfo": "skip",
             "legendgroup": "conflict", "showlegend": False,
             "marker": {"symbol": "circle-open", "size": 20, "color": CONFLICT_COLOUR, "line": {"width": 2}}}]
