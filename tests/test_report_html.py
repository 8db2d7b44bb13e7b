"""The HTML report: one offline file, counts in the header, evidence highlighted, text escaped."""
from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from plotly.offline import get_plotlyjs

from kronika.reconcile import build_figures, find_conflicts
from kronika.report import render_report, write_report
from kronika.report.evidence import split_evidence
from tests.test_reconcile_story import make_claim, north_korea_claims

GENERATED = datetime(2025, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def story_html() -> str:
    figures = build_figures(north_korea_claims())
    return render_report(figures, find_conflicts(figures), generated=GENERATED)


def chart_specs(html: str) -> list[dict]:
    block = re.search(r'<script type="application/json" id="kronika-charts">(.*?)</script>', html, re.S)
    assert block
    return json.loads(block.group(1))


def test_one_self_contained_file_with_plotly_inline(story_html):
    assert re.search(r"<script[^>]+src=", story_html) is None
    assert re.search(r"<link[^>]+href=", story_html) is None
    assert get_plotlyjs() in story_html  # plotly.js itself is inlined
    page = story_html.replace(get_plotlyjs(), "")
    assert re.search(r"""(src|href)=["']?(https?:)?//""", page) is None


def test_header_says_what_this_is_and_counts(story_html):
    assert "Who said which number, about what, as of when" in story_html
    header = story_html.split("</header>")[0]
    counts = dict(re.findall(r"<dt>(\w+)</dt><dd>([\d,]+)</dd>", header))
    assert counts == {"Articles": "3", "Claims": "7", "Sources": "4", "Figures": "2", "Conflicts": "1"}
    assert "Generated 2025-11-20 09:30 UTC" in header


def test_number_is_highlighted_inside_its_sentence(story_html):
    assert "Pjongjang wysłał w ubiegłym roku do Rosji ok. <mark>11 tysięcy</mark> żołnierzy." in story_html
    assert "poniosło już ponad <mark>6 tys.</mark> z nich." in story_html


def test_conflict_reason_is_shown_and_linked_to_its_rows(story_html):
    reason = ("~11,000 (unattributed, 2024) vs ~14,000 (unattributed, 2024): "
              "intervals 10,500–11,500 and 13,500–14,500 do not overlap")
    assert story_html.count(reason) == 2  # in the overview and under its figure
    assert 'href="#figure:deployed:north-korea:soldiers:row-1">row 1</a>' in story_html


def test_planned_figures_are_labelled_and_hollow(story_html):
    assert '<span class="badge modality">planned</span>' in story_html
    (deployed,) = [s for s in chart_specs(story_html) if s["layout"]["yaxis"]["title"]["text"] == "soldiers"
                   and any("planned" in t.get("text", []) for t in s["data"])]
    planned = [t for t in deployed["data"] if "planned" in t.get("text", [])][0]
    assert planned["marker"]["symbol"] == ["circle-open"]


def test_qualifier_bounds_are_drawn(story_html):
    specs = chart_specs(story_html)
    traces = [t for spec in specs for t in spec["data"]]
    symbols = {s for t in traces if t.get("mode") == "markers+text" for s in t["marker"]["symbol"]}
    assert {"circle", "triangle-up", "circle-open"} <= symbols  # approx, more than/at least, planned
    assert any(t.get("fill") == "toself" for t in traces)  # the rounding band of approx figures
    assert any(t.get("marker", {}).get("symbol") == "arrow-up" for t in traces)  # open above
    assert any(t.get("name") == "conflict" for t in traces)


def test_ranges_get_error_bars():
    figures = build_figures([make_claim(1000, qualifier="range", value_max=1500),
                             make_claim(1200, qualifier="exact", article="b")])
    spec = chart_specs(render_report(figures, []))[0]
    (points,) = [t for t in spec["data"] if t.get("mode") == "markers+text"]
    assert points["error_y"]["visible"] is True
    # The marker sits at the middle of the range, the bar spans it.
    bars = zip(points["y"], points["error_y"]["arrayminus"], points["error_y"]["array"], strict=True)
    assert sorted(bars) == [(1200, 0, 0), (1250, 250, 250)]


def test_all_text_is_escaped():
    hostile = make_claim(5, mention="5", source="<b>Agencja</b>", outlet="</script><script>alert(1)</script>",
                         sentence="Zginęło 5 osób <img src=x onerror=alert(1)>.", article="<a>")
    html = render_report(build_figures([hostile]), [])
    assert "<img src=x" not in html and "<b>Agencja</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Agencja&lt;/b&gt;" in html
    block = html.split('id="kronika-charts">')[1].split("</script>")[0]
    assert "<" not in block  # data inside <script> cannot close it
    json.loads(block)


def test_what_is_left_out_is_said():
    claims = [make_claim(100 + i, article=f"a{i}", actor=f"Aktor {i % 3}",
                         reference_time=f"2024-01-{i % 28 + 1:02d}") for i in range(30)]
    figures = build_figures(claims)
    html = render_report(figures, find_conflicts(figures, max_per_figure=2), max_figures=2, max_rows=4)
    assert "Showing 2 of 3 figures" in html
    assert "The table shows the newest 4 of 10 claims" in html
    assert "only the first 2 conflicts are listed; more exist." in html


def test_empty_report():
    html = render_report([], [])
    assert "No figures" in html and "<dd>0</dd>" in html


def test_write_report_returns_the_path(tmp_path):
    figures = build_figures(north_korea_claims())
    path = write_report(figures, find_conflicts(figures), tmp_path / "out" / "report.html")
    assert path == tmp_path / "out" / "report.html"
    assert path.read_text(encoding="utf-8").startswith("<!doctype html>")


# --- evidence ---------------------------------------------------------------------------------------

def test_evidence_split_exact():
    claim = make_claim(14000, mention="14 tys.", sentence="Było ok. 14 tys. żołnierzy.")
    assert tuple(split_evidence(claim)) == ("Było ok. ", "14 tys.", " żołnierzy.")


def test_evidence_split_across_other_whitespace():
    claim = make_claim(14000, mention="14 tys.", sentence="Było ok. 14\u00a0tys. żołnierzy.")
    assert split_evidence(claim).number == "14\u00a0tys."


def test_evidence_without_the_number_is_kept_whole():
    claim = make_claim(14000, mention="14 tys.", sentence="Zdanie bez liczby.")
    assert tuple(split_evidence(claim)) == ("Zdanie bez liczby.", "", "")


def test_a_figure_of_undated_claims_still_renders():
    """An article without a date and a sentence without a time give a claim with no reference time;
    its figure is listed and charted with nothing on the time axis."""
    claim = make_claim(2, measure="captured", reference_time=None, published=None, mention="dwóch")
    html = render_report(build_figures([claim]), [])
    assert "dwóch" in html
