"""The HTML report: one offline file, counts in the header, evidence highlighted, text escaped."""
from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from kronika.reconcile import build_figures, find_conflicts
from kronika.report import render_report, write_report
from kronika.report.evidence import split_evidence
from tests.test_reconcile_story import make_claim, north_korea_claims

GENERATED = datetime(2025, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def story_html() -> str:
    figures = build_figures(north_korea_claims())
    return render_report(figures, find_conflicts(figures), generated=GENERATED)


def charts(html: str) -> list[str]:
    return re.findall(r'<svg class="chart".*?</svg>', html, re.S)


def test_one_self_contained_file_without_script(story_html):
    assert "<script" not in story_html  # charts are SVG drawn when the report is written
    assert re.search(r"<link[^>]+href=", story_html) is None
    assert re.search(r"""(src|href)=["']?(https?:)?//""", story_html) is None
    assert len(story_html.encode()) < 100_000


def test_title_and_filters_are_noted():
    figures = build_figures(north_korea_claims())
    html = render_report(figures, [], title="Korea Północna w Rosji",
                         filters={"actor": "North Korea", "measure": None})
    assert "<title>Korea Północna w Rosji</title>" in html
    assert "Filters used: actor = North Korea" in html
    assert "Filters used: none" in render_report(figures, [])


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
    planned = re.findall(r'<g class="claim" data-modality="planned">.*?</g>', story_html, re.S)
    assert planned and all('fill="#ffffff"' in mark for mark in planned)  # hollow


def test_qualifier_bounds_are_drawn(story_html):
    drawn = "".join(charts(story_html))
    assert len(charts(story_html)) == 2
    assert 'class="band"' in drawn  # the rounding band of approx figures
    assert 'class="open-above"' in drawn  # more than / at least: open above
    assert 'class="conflict"' in drawn and 'class="best"' in drawn
    assert "<title>" in drawn  # every mark says what it is on hover


def test_ranges_get_bars_vague_amounts_bands_and_denials_a_cross():
    figures = build_figures([make_claim(1000, qualifier="range", value_max=1500),
                             make_claim(1200, qualifier="exact", article="b"),
                             make_claim(2000, qualifier="vague", value_max=9000, article="c"),
                             make_claim(1300, qualifier="exact", article="d", modality="denied")])
    drawn = "".join(charts(render_report(figures, [])))
    assert drawn.count('class="bar"') == 1
    assert drawn.count('class="band"') == 1
    assert drawn.count('class="denied"') == 1  # crossed out


def test_single_claim_figures_are_collapsed_without_a_chart():
    figures = build_figures([make_claim(40, article="x"), make_claim(7, article="y", measure="wounded")])
    html = render_report(figures, [])
    assert charts(html) == []
    assert '<details class="panel singles" id="single-claim-figures">' in html


def test_the_claims_own_span_is_marked_not_the_first_digits():
    text = "W 2024 roku zatrzymano 24 osoby, a 2 z nich oskarżono."
    start = text.index(" 2 z") + 1
    claim = make_claim(2, mention="2", sentence=text, article="a", span=(start, start + 1))
    html = render_report(build_figures([claim]), [], texts={"a": text})
    assert "W 2024 roku zatrzymano 24 osoby, a <mark>2</mark> z nich oskarżono." in html


def test_all_text_is_escaped():
    hostile = make_claim(5, mention="5", source="<b>Agencja</b>", outlet="</script><script>alert(1)</script>",
                         sentence="Zginęło 5 osób <img src=x onerror=alert(1)>.", article="<a>")
    html = render_report(build_figures([hostile]), [])
    assert "<img src=x" not in html and "<b>Agencja</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;Agencja&lt;/b&gt;" in html
    assert "<script" not in html and "</script><script>" not in html


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


def test_chart_labels_are_escaped():
    hostile = [make_claim(5, source="<b>Agencja</b>", article="<a>", sentence="Zginęło 5 <script>x</script>."),
               make_claim(9, source="<b>Agencja</b>", article='"><svg onload=alert(1)>', reference_time="2025-06")]
    (chart,) = charts(render_report(build_figures(hostile), []))
    assert "<b>" not in chart and "<svg onload" not in chart and "<script" not in chart
    assert "&lt;b&gt;Agencja&lt;/b&gt;" in chart


def test_placeholder_kinds_read_as_words_not_ids():
    """A figure whose claims name no kind, or one claim that says too little to be keyed, is titled in
    words: no `unspecified` or `unkeyed a#0` on the page."""
    no_kind = make_claim(40, measure="wounded", subject=None, actor=None, mention="40",
                         sentence="Rannych zostało 40.")
    fraction = make_claim(0.5, measure="other", subject=None, actor=None, unit="percent", mention="połowę",
                          sentence="Dostarczono połowę.", span=(30, 36))
    html = render_report(build_figures([no_kind, fraction]), [])
    assert "Kind not stated wounded" in html and "Unclassified quantity" in html
    assert "Unkeyed" not in html and "Unspecified" not in html  # (ids and anchors keep their slugs)
