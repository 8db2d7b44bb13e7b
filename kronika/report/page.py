"""One self-contained HTML page of figures and conflicts: no script, charts as inline SVG drawn here
(kronika.report.svg), so it opens offline, prints with its charts and stays small."""
from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from kronika.claim import Claim
from kronika.reconcile.conflicts import Conflict
from kronika.reconcile.figures import FACTUAL_MODALITIES, Figure
from kronika.reconcile.timex import claim_time
from kronika.reconcile.wording import describe_value, format_number, kind_words, source_label, time_label
from kronika.report.evidence import Evidence, split_evidence
from kronika.report.svg import SOURCE_COLOURS, ChartClaim, render_chart

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
    "denial": "a source denies another's value",
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
    chart: Markup
    rows: list[ClaimRow]
    hidden_rows: int
    conflicts: list[ConflictView]
    capped: int | None
    latest: list[tuple[str, str, str, str]]  # source, value, time, colour
    low: str
    best: str
    high: str
    notes: list[str]


def _title(figure: Figure) -> str:
    words = kind_words(figure.subject)
    subject = words[:1].upper() + words[1:]
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


Texts = Callable[[str], str | None]


def _evidence(claim: Claim, texts: Texts) -> Evidence:
    """The claim's sentence with the claim's own span marked, from the article text when it is known;
    without the text, the sentence split at the mention (kronika.report.evidence)."""
    text = texts(claim.article)
    if text and 0 <= claim.span[0] < claim.span[1] <= len(text):
        from kronika.web.highlight import evidence

        parts = evidence(text, claim.sentence, *claim.span)
        return Evidence(parts["before"], parts["span"], parts["after"])
    return split_evidence(claim)


def _figure_view(
    figure: Figure,
    conflicts: list[Conflict],
    first_conflict: int,
    colours: dict[str, str],
    max_rows: int,
    capped: int | None,
    texts: Texts,
) -> FigureView:
    anchor = f"figure:{figure.id}"
    rows_by_claim = {id(claim): number for number, claim in enumerate(figure.claims, start=1)}
    rows = [
        ClaimRow(number, f"{anchor}:row-{number}", claim, _evidence(claim, texts), describe_value(claim),
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
        pairs.append((pair[0] - 1, pair[1] - 1))
        for row in pair:
            rows[row - 1].conflicts.append(number)
    # Long figures show their newest claims: those are what an analyst reads first.
    hidden = max(0, len(rows) - max_rows)
    items = [ChartClaim(claim, source_label(claim), f"#{number} {describe_value(claim)} · {source_label(claim)}"
                        f" · {time_label(claim)}", f"#{anchor}:row-{number}")
             for number, claim in enumerate(figure.claims, start=1)]
    # A figure reported once needs no chart: its one row says it all.
    chart = Markup(render_chart(items, colours, figure.summary.best, pairs, title=f"{title}: estimates over time")
                   ) if len(rows) > 1 else Markup("")
    notes = []
    if hidden:
        notes.append(f"The table shows the newest {max_rows:,} of {len(rows):,} claims; "
                     "the JSON export holds them all.")
    undated = sum(1 for claim in figure.claims if claim_time(claim) is None)
    if undated and len(rows) > 1:
        notes.append(f"{undated:,} undated claim(s) are in the table but not on the chart.")
    context = " · ".join(part for part in (
        figure.actor or "actor not stated",
        f"in {figure.place}" if figure.place else None,
        figure.measure,
    ) if part)
    latest = [(s.source, describe_value(s.latest), time_label(s.latest), colours[s.source])
              for s in figure.series if s.latest is not None]
    return FigureView(
        figure=figure, anchor=anchor, title=title, context=context, chart=chart, rows=rows[hidden:],
        hidden_rows=hidden, conflicts=views, capped=capped, latest=latest,
        low=_bound(figure.summary.low, "open"), best=_bound(figure.summary.best, "—"),
        high=_bound(figure.summary.high, "open"), notes=notes,
    )


def render_report(
    figures: Sequence[Figure],
    conflicts: Sequence[Conflict],
    *,
    title: str = "Figures and conflicts",
    filters: Mapping[str, Any] | None = None,
    texts: Mapping[str, str] | None = None,
    max_figures: int = 200,
    max_rows: int = 300,
    generated: datetime | None = None,
) -> str:
    """The report as one HTML string. Figures beyond `max_figures` and table rows beyond `max_rows`
    per figure are left out, and the page says so; `filters` (what picked the claims) are noted under
    the title; `texts` (article id -> text) let each claim be marked at its own span."""
    known_texts = texts or {}
    by_figure: dict[str, list[Conflict]] = defaultdict(list)
    for conflict in conflicts:
        by_figure[conflict.figure].append(conflict)
    capped: dict[str, int] = getattr(conflicts, "capped", {})
    ordered = _order(figures, {k: len(v) for k, v in by_figure.items()})
    shown = ordered[:max_figures]
    colours = _source_colours(shown)
    views: list[FigureView] = []
    next_conflict = 1
    for figure in shown:
        view = _figure_view(figure, by_figure.get(figure.id, []), next_conflict, colours, max_rows,
                            capped.get(figure.id), known_texts.get)
        next_conflict += len(view.conflicts)
        views.append(view)
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
        filters={key: value for key, value in (filters or {}).items() if value},
        stats=stats,
        views=[view for view in views if len(view.figure.claims) > 1],
        single_views=[view for view in views if len(view.figure.claims) == 1],
        conflicts=[c for view in views for c in view.conflicts],
        notes=notes,
        generated=(generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
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
