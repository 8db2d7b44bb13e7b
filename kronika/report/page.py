"""One self-contained HTML page of figures and conflicts (opens offline: plotly.js is inlined)."""
from __future__ import annotations

import json
import logging
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from kronika.claim import Claim
from kronika.reconcile.conflicts import Conflict
from kronika.reconcile.figures import FACTUAL_MODALITIES, Figure
from kronika.reconcile.wording import describe_value, format_number, source_label, time_label
from kronika.report.charts import SOURCE_COLOURS, chart_spec
from kronika.report.evidence import Evidence, split_evidence

logger = logging.getLogger(__name__)

MEASURE_WORDS = {
    "deployed": "deployed", "killed": "killed", "wounded": "wounded",
    "casualties": "lost (killed and wounded)", "captured": "captured", "missing": "missing",
    "released": "released", "displaced": "displaced", "supplied": "supplied", "destroyed": "destroyed",
    "other": "(other figure)",
}
MAX_CAPPED_NOTES = 10
CONFLICT_KINDS = {
    "disjoint": "values cannot both hold",
    "self_contradiction": "source contradicts itself",
    "cumulative_drop": "cumulative count fell",
}

_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("kronika.report", "templates"),
    autoescape=True,  # every string from an article is text, never markup
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


@dataclass
class ClaimRow:
    number: int
    anchor: str
    claim: Claim
    evidence: Evidence
    value: str
    when: str
    source: str
    colour: str
    planned: bool
    conflicts: list[int] = field(default_factory=list)


@dataclass
class ConflictView:
    number: int
    anchor: str
    conflict: Conflict
    kind: str
    figure_anchor: str
    figure_title: str
    rows: tuple[int, int]


@dataclass
class FigureView:
    figure: Figure
    anchor: str
    title: str
    context: str
    chart: int
    rows: list[ClaimRow]
    hidden_rows: int
    conflicts: list[ConflictView]
    capped: int | None
    latest: list[tuple[str, str, str, str]]  # source, value, time, colour
    low: str
    best: str
    high: str
    notes: list[str]
    search: str


def _title(figure: Figure) -> str:
    subject = figure.subject[:1].upper() + figure.subject[1:]
    return f"{subject} {MEASURE_WORDS.get(figure.measure, figure.measure)}"


def _bound(value: float | None, open_text: str) -> str:
    return open_text if value is None or math.isinf(value) else format_number(value)


def _source_colours(figures: Sequence[Figure]) -> dict[str, str]:
    """One colour per source across the whole page, so a source looks the same in every chart."""
    colours: dict[str, str] = {}
    for figure in figures:
        for series in figure.series:
            colours.setdefault(series.source, SOURCE_COLOURS[len(colours) % len(SOURCE_COLOURS)])
    return colours


def _order(figures: Iterable[Figure], conflict_counts: dict[str, int]) -> list[Figure]:
    """Contested figures first, then the most reported."""
    return sorted(figures, key=lambda f: (-conflict_counts.get(f.id, 0), -len(f.claims), f.id))


def _figure_view(
    figure: Figure,
    chart: int,
    conflicts: list[Conflict],
    first_conflict: int,
    colours: dict[str, str],
    max_rows: int,
    capped: int | None,
) -> tuple[FigureView, dict[str, Any]]:
    anchor = f"figure:{figure.id}"
    rows_by_claim = {id(claim): number for number, claim in enumerate(figure.claims, start=1)}
    rows = [
        ClaimRow(number, f"{anchor}:row-{number}", claim, split_evidence(claim), describe_value(claim),
                 time_label(claim), source_label(claim), colours[source_label(claim)],
                 claim.modality not in FACTUAL_MODALITIES)
        for number, claim in enumerate(figure.claims, start=1)
    ]
    title = _title(figure)

    def row_of(claim: Claim) -> int:
        # Conflicts normally hold the figure's own claim objects; equal copies are found by value.
        return rows_by_claim.get(id(claim)) or figure.claims.index(claim) + 1

    views = []
    pairs = []
    for number, conflict in enumerate(conflicts, start=first_conflict):
        pair = (row_of(conflict.claims[0]), row_of(conflict.claims[1]))
        kind = CONFLICT_KINDS.get(conflict.kind, conflict.kind)
        views.append(ConflictView(number, f"conflict-{number}", conflict, kind, anchor, title, pair))
        pairs.append((figure.claims[pair[0] - 1], figure.claims[pair[1] - 1]))
        for row in pair:
            rows[row - 1].conflicts.append(number)
    # Long figures show their newest claims: those are what an analyst reads first.
    hidden = max(0, len(rows) - max_rows)
    spec = chart_spec(figure, pairs, colours, rows_by_claim)
    notes = []
    if hidden:
        notes.append(f"The table shows the newest {max_rows:,} of {len(rows):,} claims; "
                     "the JSON export holds them all.")
    if spec["omitted"]:
        notes.append(f"The chart draws the newest claims; {spec['omitted']:,} older ones are left out.")
    if spec["dense"]:
        notes.append("Many claims: the chart shows markers only, without time spans, bounds and labels.")
    if spec["undated"]:
        notes.append(f"{spec['undated']:,} undated claim(s) are in the table but not on the chart.")
    context = " · ".join(part for part in (
        figure.actor or "actor not stated",
        f"in {figure.place}" if figure.place else None,
        figure.measure,
    ) if part)
    latest = [(s.source, describe_value(s.latest), time_label(s.latest), colours[s.source])
              for s in figure.series if s.latest is not None]
    search = " ".join([figure.id, title, context, *(s.source for s in figure.series)]).casefold()
    view = FigureView(
        figure=figure, anchor=anchor, title=title, context=context, chart=chart, rows=rows[hidden:],
        hidden_rows=hidden, conflicts=views, capped=capped, latest=latest,
        low=_bound(figure.summary.low, "open"), best=_bound(figure.summary.best, "—"),
        high=_bound(figure.summary.high, "open"), notes=notes, search=search,
    )
    return view, {"data": spec["data"], "layout": spec["layout"]}


def _json_for_script(value: Any) -> Markup:
    # Inside <script>, "</script>" or "<!--" in article text would end or confuse the block.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def render_report(
    figures: Sequence[Figure],
    conflicts: Sequence[Conflict],
    *,
    title: str = "Figures and conflicts",
    max_figures: int = 200,
    max_rows: int = 300,
    generated: datetime | None = None,
) -> str:
    """The report as one HTML string. Figures beyond `max_figures` and table rows beyond `max_rows`
    per figure are left out, and the page says so."""
    by_figure: dict[str, list[Conflict]] = defaultdict(list)
    for conflict in conflicts:
        by_figure[conflict.figure].append(conflict)
    capped: dict[str, int] = getattr(conflicts, "capped", {})
    ordered = _order(figures, {k: len(v) for k, v in by_figure.items()})
    shown = ordered[:max_figures]
    colours = _source_colours(shown)
    views: list[FigureView] = []
    specs: list[dict[str, Any]] = []
    next_conflict = 1
    for chart, figure in enumerate(shown):
        view, spec = _figure_view(figure, chart, by_figure.get(figure.id, []), next_conflict, colours,
                                  max_rows, capped.get(figure.id))
        next_conflict += len(view.conflicts)
        views.append(view)
        specs.append(spec)
    all_claims = [claim for figure in figures for claim in figure.claims]
    notes = []
    if len(ordered) > len(shown):
        notes.append(f"Showing {len(shown):,} of {len(ordered):,} figures: the contested ones first, "
                     "then those with the most claims.")
    capped_ids = sorted(capped)
    notes += [f"Figure {fid}: only the first {capped[fid]} conflicts are listed; more exist."
              for fid in capped_ids[:MAX_CAPPED_NOTES]]
    if len(capped_ids) > MAX_CAPPED_NOTES:
        notes.append(f"… and {len(capped_ids) - MAX_CAPPED_NOTES:,} more figures whose conflict listing "
                     "was capped the same way.")
    stats = {
        "articles": len({claim.article for claim in all_claims}),
        "claims": len(all_claims),
        "figures": len(figures),
        "conflicts": len(conflicts),
        "contested": len(by_figure),
        "sources": len({source_label(claim) for claim in all_claims}),
    }
    template = _environment.get_template("report.html")
    return template.render(
        title=title,
        stats=stats,
        views=views,
        conflicts=[c for view in views for c in view.conflicts],
        notes=notes,
        generated=(generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        chart_specs=_json_for_script(specs),
        plotly_js=Markup(get_plotlyjs()),
    )


def write_report(
    figures: Sequence[Figure],
    conflicts: Sequence[Conflict],
    out_path: str | Path,
    **options: Any,
) -> Path:
    """Write the report to `out_path` (options as for render_report) and return the path."""
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(figures, conflicts, **options), encoding="utf-8")
    logger.info("report written to %s (%d figures, %d conflicts)", path, len(figures), len(conflicts))
    return path
