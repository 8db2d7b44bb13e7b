"""A figure's estimates over time as one inline SVG, drawn on the server (no script, prints as is).
Shared by the static report and the workbench's figure page.

How a claim is drawn, one colour per canonical source:
- exact: a filled circle at the middle of its reference time; a faint line spans that time;
- approx: a translucent band over the time it holds for and the values its rounding allows;
- range: a vertical bar over the stated range; vague ("kilka tysięcy"): a band over it;
- more than / at least: an upward triangle and a dotted line to the top (open above);
  less than / at most / up to: a downward triangle and a dotted line down to zero;
- planned and possible figures: hollow markers; denied ones: hollow and crossed out;
- conflicting pairs: joined by a dashed vermilion line; the summary's best: a dashed grey line.
Every mark carries a <title> (the browser's tooltip) and may link to its claim. All text is escaped.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from kronika.claim import Claim
from kronika.reconcile.intervals import point_value, stated_interval, value_interval
from kronika.reconcile.timex import claim_time
from kronika.reconcile.wording import format_number

# Okabe-Ito based, colour-blind safe; vermilion is kept for conflicts.
SOURCE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#8C6D31", "#6A3D9A", "#5F6B6D")
CONFLICT_COLOUR = "#D55E00"
FACTUAL = frozenset({"asserted", "reported"})
OPEN_ABOVE = frozenset({"more_than", "at_least"})
OPEN_BELOW = frozenset({"less_than", "at_most", "up_to"})
WIDTH, HEIGHT = 760, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 14, 34
FAR_BOUND = 4.0  # a bound beyond this multiple of the largest value is drawn open ("miliony")
MAX_POINTS = 2000  # the newest claims are drawn; the chart says how many were left out


@dataclass(frozen=True)
class ChartClaim:
    claim: Claim
    source: str
    label: str  # the tooltip: value, source, time (plain text; escaped here)
    href: str | None = None


def _nice_step(span: float) -> float:
    raw = span / 5 or 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= raw)


def _attr(text: str) -> str:
    return escape(text, quote=True)


def render_chart(items: Sequence[ChartClaim], colours: dict[str, str], best: float | None = None,
                 conflicts: Sequence[tuple[int, int]] = (), title: str = "",
                 date_words: Callable[[str], str] = str) -> str:
    """The SVG element for `items` (claims of one figure); `conflicts` pairs indices into `items`.
    Undated claims are not drawn (the caller's table lists them)."""
    dated = [(index, item, time) for index, item in enumerate(items) if (time := claim_time(item.claim))]
    omitted = max(0, len(dated) - MAX_POINTS)
    dated = sorted(dated, key=lambda entry: entry[2].start)[omitted:]
    values = [point_value(item.claim) for _, item, _ in dated] or [1.0]
    reach = max(values) * FAR_BOUND
    highs = [h for _, item, _ in dated if not math.isinf(h := stated_interval(item.claim).high) and h <= reach]
    top_value = max([*values, *highs]) * 1.15 or 1.0
    first = min((t.start for _, _, t in dated), default=date.today().toordinal())
    last = max((t.end for _, _, t in dated), default=first + 1)
    margin = max(3, (last - first) // 25)
    x_low, x_high = first - margin, last + margin
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(ordinal: float) -> float:
        return LEFT + (ordinal - x_low) / (x_high - x_low) * plot_w

    def y_of(value: float) -> float:
        return TOP + plot_h - min(max(value, 0.0), top_value) / top_value * plot_h

    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
             f' aria-label="{_attr(title)}" width="100%" preserveAspectRatio="xMidYMid meet">']
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    parts.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fbfbfd" stroke="#e0e2ea"/>')
    step = _nice_step(top_value)
    tick = 0.0
    while tick <= top_value:
        y = y_of(tick)
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e6e8ef"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#556">'
                     f"{escape(format_number(tick))}</text>")
        tick += step
    for k in range(5):
        ordinal = x_low + (x_high - x_low) * (k + 0.5) / 5
        # Days on a chart of a few months, months beyond: ticks that do not repeat one label.
        label = date_words(date.fromordinal(int(ordinal)).isoformat()[:10 if x_high - x_low < 150 else 7])
        parts.append(f'<text x="{x_of(ordinal):.1f}" y="{HEIGHT - 12}" text-anchor="middle" font-size="11"'
                     f' fill="#556">{escape(label)}</text>')
    centres: dict[int, tuple[float, float]] = {}
    for index, item, time in dated:
        claim, colour = item.claim, colours.get(item.source, SOURCE_COLOURS[0])
        cx, cy = x_of(time.start + (time.end - time.start) / 2), y_of(point_value(claim))
        centres[index] = (cx, cy)
        mark = [f"<title>{escape(item.label)}</title>"]
        x0, x1 = x_of(time.start), max(x_of(time.end), x_of(time.start) + 4)
        if claim.qualifier in ("approx", "vague"):
            bounds = value_interval(claim) if claim.qualifier == "approx" else stated_interval(claim)
            low, high = y_of(bounds.low if not math.isinf(bounds.low) else 0), y_of(bounds.high)
            width = max(x1 - x0, 8.0)
            mark.append(f'<rect class="band" x="{cx - width / 2:.1f}" y="{high:.1f}" width="{width:.1f}"'
                        f' height="{max(low - high, 2):.1f}" fill="{colour}" fill-opacity="0.16" stroke="{colour}"'
                        f' stroke-opacity="0.4"/>')
        elif x1 - x0 > 4:
            mark.append(f'<line class="span" x1="{x0:.1f}" x2="{x1:.1f}" y1="{cy:.1f}" y2="{cy:.1f}"'
                        f' stroke="{colour}" stroke-opacity="0.45" stroke-width="2"/>')
        if claim.qualifier == "range":
            bounds = stated_interval(claim)
            low, high = y_of(bounds.low), y_of(bounds.high)
            mark.append(f'<path class="bar" d="M{cx:.1f} {low:.1f}V{high:.1f}M{cx - 4:.1f} {low:.1f}h8'
                        f'M{cx - 4:.1f} {high:.1f}h8" stroke="{colour}" stroke-width="1.5" fill="none"/>')
        open_above = claim.qualifier in OPEN_ABOVE or stated_interval(claim).high > top_value
        if open_above and claim.qualifier != "range":
            mark.append(f'<path class="open-above" d="M{cx:.1f} {cy:.1f}V{TOP + 2}M{cx - 4:.1f} {TOP + 8}'
                        f'L{cx:.1f} {TOP + 2}L{cx + 4:.1f} {TOP + 8}" stroke="{colour}" stroke-dasharray="2 3"'
                        f' fill="none"/>')
        elif claim.qualifier in OPEN_BELOW:
            mark.append(f'<line class="open-below" x1="{cx:.1f}" x2="{cx:.1f}" y1="{cy:.1f}" y2="{y_of(0):.1f}"'
                        f' stroke="{colour}" stroke-dasharray="2 3"/>')
        mark.append(_marker(claim, cx, cy, colour))
        body = "".join(mark)
        if item.href:
            body = f'<a href="{_attr(item.href)}">{body}</a>'
        parts.append(f'<g class="claim" data-modality="{_attr(claim.modality)}">{body}</g>')
    for a, b in conflicts:
        if a in centres and b in centres:
            (ax, ay), (bx, by) = centres[a], centres[b]
            parts.append(f'<line class="conflict" x1="{ax:.1f}" y1="{ay:.1f}" x2="{bx:.1f}" y2="{by:.1f}"'
                         f' stroke="{CONFLICT_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>')
    if best is not None and not math.isinf(best):
        y = y_of(best)
        parts.append(f'<line class="best" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}"'
                     f' stroke="#9aa0b4" stroke-dasharray="5 4"/>')
    if omitted:
        parts.append(f'<text x="{LEFT + 4}" y="{TOP + 12}" font-size="11" fill="#556">+{omitted}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _marker(claim: Claim, cx: float, cy: float, colour: str) -> str:
    fill = colour if claim.modality in FACTUAL else "#ffffff"
    style = f'fill="{fill}" stroke="{colour}" stroke-width="2"'
    if claim.qualifier in OPEN_ABOVE:
        shape = f'<path class="marker" d="M{cx:.1f} {cy - 6:.1f}l6 10h-12z" {style}/>'
    elif claim.qualifier in OPEN_BELOW:
        shape = f'<path class="marker" d="M{cx:.1f} {cy + 6:.1f}l6 -10h-12z" {style}/>'
    elif claim.qualifier in ("range", "vague"):
        shape = f'<path class="marker" d="M{cx:.1f} {cy - 6:.1f}l6 6l-6 6l-6 -6z" {style}/>'
    else:
        shape = f'<circle class="marker" cx="{cx:.1f}" cy="{cy:.1f}" r="5" {style}/>'
    if claim.modality == "denied":
        shape += (f'<path class="denied" d="M{cx - 7:.1f} {cy - 7:.1f}l14 14M{cx + 7:.1f} {cy - 7:.1f}l-14 14"'
                  f' stroke="{CONFLICT_COLOUR}" stroke-width="2"/>')
    return shape

