"""Conflict rules, each with positive and negative cases, and the sweep checked against all pairs."""
from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.claim import Claim
from kronika.reconcile import build_figures, find_conflicts
from kronika.reconcile.conflicts import _COMPARABLE_MODALITIES, _rivals
from kronika.reconcile.intervals import value_interval
from kronika.reconcile.timex import claim_time
from tests.test_reconcile_story import NIS, make_claim

FROM_NIS = {"source": NIS, "source_kind": "intelligence"}


def conflicts_of(*claims: Claim, **options: int):
    figures = build_figures(claims)
    assert len(figures) == 1, [f.id for f in figures]
    return find_conflicts(figures, **options)


# --- disjoint values at overlapping times -------------------------------------------------------

def test_approx_values_out_of_each_others_rounding_conflict():
    (conflict,) = conflicts_of(make_claim(11000, qualifier="approx", reference_time="2024"),
                               make_claim(14000, qualifier="approx", reference_time="2024"))
    assert conflict.kind == "disjoint" and not conflict.same_source


def test_values_within_rounding_do_not_conflict():
    assert not conflicts_of(make_claim(11000, qualifier="approx"), make_claim(11400, qualifier="exact"))


def test_neighbouring_round_numbers_share_their_boundary():
    assert not conflicts_of(make_claim(14000, qualifier="approx"), make_claim(15000, qualifier="approx"))
    assert not conflicts_of(make_claim(1000, qualifier="approx"), make_claim(2000, qualifier="approx"))


def test_exact_values_that_differ_conflict():
    assert len(conflicts_of(make_claim(11000), make_claim(11001))) == 1


def test_a_year_overlaps_a_day_inside_it():
    assert len(conflicts_of(make_claim(1000, reference_time="2024"),
                            make_claim(3000, reference_time="2024-06-15"))) == 1


def test_times_that_do_not_overlap_do_not_conflict():
    assert not conflicts_of(make_claim(1000, measure="deployed", reference_time="2024"),
                            make_claim(3000, measure="deployed", reference_time="2025-01"))


def test_turnout_at_an_hour_is_no_rival_of_the_days_turnout():
    def turnout(value: float, when: str):  # type: ignore[no-untyped-def]
        return make_claim(value, measure="other", unit="percent", subject=None, actor=None, reference_time=when,
                          mention=f"{value:g} proc.", sentence=f"Frekwencja wyniosła {value:g} proc.")
    figures = build_figures([turnout(10.3, "2026-06-28T12:00"), turnout(31.5, "2026-06-28")])
    assert len(figures) == 1 and figures[0].subject.startswith("share of turnout")
    assert not find_conflicts(figures)  # it grows until the polls close
    # ... while two readings of the whole day still meet
    assert len(find_conflicts(build_figures([turnout(31.5, "2026-06-28"), turnout(36.0, "2026-06-28")]))) == 1


def test_readings_at_two_hours_of_one_day_are_two_moments():
    def pair(first: str, second: str):  # type: ignore[no-untyped-def]
        return conflicts_of(make_claim(1000, measure="deployed", reference_time=first, article="a"),
                            make_claim(3000, measure="deployed", reference_time=second, article="b"))

    assert not pair("2025-01-14T12:00", "2025-01-14T17:00")
    assert not pair("2025-01-14TMI", "2025-01-14T17:00")  # at midday and at 17:00
    # One hour, a part of the day that holds the hour, or a reading with no hour may be one moment.
    assert len(pair("2025-01-14T10:00", "2025-01-14T10:00")) == 1
    assert len(pair("2025-01-14TMO", "2025-01-14T10:00")) == 1
    assert len(pair("2025-01-14", "2025-01-14T17:00")) == 1


def test_adjacent_days_do_not_overlap():
    assert not conflicts_of(make_claim(1000, reference_time="2025-01-14", measure="deployed"),
                            make_claim(3000, reference_time="2025-01-15", measure="deployed"))


def test_more_than_excludes_its_own_number():
    assert len(conflicts_of(make_claim(6000, qualifier="more_than"), make_claim(6000))) == 1


def test_at_least_includes_its_own_number():
    assert not conflicts_of(make_claim(6000, qualifier="at_least"), make_claim(6000))


def test_at_least_against_a_smaller_approx_conflicts():
    (conflict,) = conflicts_of(make_claim(13000, qualifier="at_least"), make_claim(11000, qualifier="approx"))
    assert "10,500–11,500 and 13,000 or more" in conflict.reason or "13,000 or more and 10,500–11,500" in \
        conflict.reason


def test_range_covers_its_values_and_excludes_others():
    assert not conflicts_of(make_claim(1000, qualifier="range", value_max=1500), make_claim(1400))
    assert len(conflicts_of(make_claim(1000, qualifier="range", value_max=1500), make_claim(1600))) == 1


def test_up_to_and_more_than():
    assert not conflicts_of(make_claim(5000, qualifier="up_to"), make_claim(4000, qualifier="more_than"))
    assert len(conflicts_of(make_claim(5000, qualifier="up_to"),
                            make_claim(5000, qualifier="more_than"))) == 1


def test_bounds_set_by_the_extractor_are_used():
    assert not conflicts_of(make_claim(1000, low=900, high=1300), make_claim(1200))
    assert len(conflicts_of(make_claim(1000, low=900, high=1100), make_claim(1200))) == 1


def test_undated_claims_are_not_compared():
    assert not conflicts_of(make_claim(1000, reference_time=None), make_claim(5000, reference_time=None))


def test_publication_date_stands_in_for_a_missing_reference_time():
    assert len(conflicts_of(make_claim(1000, reference_time=None, published="2025-03-01"),
                            make_claim(5000, reference_time="2025-03", article="b"))) == 1


def test_the_reason_names_values_sources_times_and_intervals():
    (conflict,) = conflicts_of(
        make_claim(1000, qualifier="approx", source="zachodnie źródła", source_kind="unnamed",
                   reference_time="2025-01"),
        make_claim(3000, qualifier="approx", reference_time="2025-01-15", **FROM_NIS))
    assert conflict.reason == (f"~1,000 (zachodnie źródła, 2025-01) vs ~3,000 ({NIS}, 2025-01-15): "
                               "intervals 500–1,500 and 2,500–3,500 do not overlap")
    assert [c.source for c in conflict.claims] == ["zachodnie źródła", NIS]


# --- the same source contradicting itself -------------------------------------------------------

def test_a_named_source_contradicting_itself():
    (conflict,) = conflicts_of(make_claim(1000, article="a", **FROM_NIS),
                               make_claim(3000, article="b", **FROM_NIS))
    assert conflict.kind == "self_contradiction" and conflict.same_source
    assert conflict.reason.startswith(f"{NIS} contradicts itself: 1,000 (2025) vs 3,000 (2025)")


def test_an_outlet_in_its_own_voice_contradicting_itself():
    (conflict,) = conflicts_of(make_claim(1000, outlet="Kurier"), make_claim(3000, outlet="kurier"))
    assert conflict.kind == "self_contradiction"
    assert conflict.reason.startswith("Kurier (in its own voice) contradicts itself")


def test_an_outlets_own_number_far_from_a_count_it_reports_is_no_rival():
    # `Policja mówi o 23 rannych. [...] W szpitalu uniwersyteckim jest sześcioro dzieci`: read under one key,
    # the outlet's own 6 is another quantity (a part), not its rebuttal of the police
    police = make_claim(23, article="a", source="Policja", source_kind="government")
    assert not conflicts_of(police, make_claim(6, article="a", span=(40, 41), mention="6"))
    # negatives: near enough to be a rival count, or in another article, or both sourced, it still is one
    assert len(conflicts_of(police, make_claim(19, article="a", span=(40, 42), mention="19"))) == 1
    assert len(conflicts_of(police, make_claim(6, article="b"))) == 1
    medics = make_claim(6, article="a", span=(40, 41), mention="6", source="pogotowie", source_kind="unnamed")
    assert len(conflicts_of(police, medics)) == 1


def test_unnamed_sources_are_not_one_voice():
    (conflict,) = conflicts_of(make_claim(1000, source="zachodnie źródła", source_kind="unnamed"),
                               make_claim(3000, source="zachodnie źródła", source_kind="unnamed"))
    assert conflict.kind == "disjoint" and not conflict.same_source


def test_a_source_revising_its_figure_over_time_is_no_contradiction():
    assert not conflicts_of(
        make_claim(1100, reference_time="2024-12", measure="deployed", **FROM_NIS),
        make_claim(2000, reference_time="2025-09", measure="deployed", **FROM_NIS))


def test_different_named_sources_disagreeing_is_disjoint_not_self():
    (conflict,) = conflicts_of(make_claim(1000, **FROM_NIS),
                               make_claim(3000, source="Pentagon", source_kind="government"))
    assert conflict.kind == "disjoint"


# --- cumulative figures that fall ----------------------------------------------------------------

def test_a_cumulative_count_that_falls_is_flagged():
    (conflict,) = conflicts_of(make_claim(6000, qualifier="more_than", reference_time="2025-09"),
                               make_claim(2000, qualifier="approx", reference_time="2025-11"))
    assert conflict.kind == "cumulative_drop"
    assert [c.value for c in conflict.claims] == [6000, 2000]
    assert conflict.reason == ("over 6,000 (unattributed, 2025-09) then ~2,000 (unattributed, 2025-11): "
                               "killed is cumulative and cannot fall, but 1,500–2,500 lies wholly below "
                               "above 6,000")


@pytest.mark.parametrize("measure", ["killed", "casualties", "displaced"])
def test_every_cumulative_measure_is_checked(measure):
    assert len(conflicts_of(make_claim(5000, measure=measure, reference_time="2024"),
                            make_claim(3000, measure=measure, reference_time="2025"))) == 1


def test_a_rising_cumulative_count_is_fine():
    assert not conflicts_of(make_claim(1000, qualifier="approx", reference_time="2025-01-15"),
                            make_claim(2000, qualifier="approx", reference_time="2025-09-02"),
                            make_claim(6000, qualifier="more_than", reference_time="2025-11-14"))


def test_a_later_figure_within_the_earlier_rounding_is_fine():
    assert not conflicts_of(make_claim(2000, qualifier="approx", reference_time="2025-01"),
                            make_claim(1900, reference_time="2025-03"))


def test_a_stock_may_fall():
    assert not conflicts_of(make_claim(14000, measure="deployed", reference_time="2024"),
                            make_claim(8000, measure="deployed", reference_time="2025"))


def test_a_source_lowering_its_own_cumulative_count_says_so():
    (conflict,) = conflicts_of(make_claim(3000, reference_time="2024", **FROM_NIS),
                               make_claim(2000, reference_time="2025", **FROM_NIS))
    assert conflict.kind == "cumulative_drop" and conflict.same_source
    assert conflict.reason.endswith(f"{NIS} lowered its own count")


# --- modality --------------------------------------------------------------------------------------

@pytest.mark.parametrize("modality", ["planned", "possible", "denied"])
def test_plans_and_possibilities_do_not_meet_asserted_figures(modality):
    assert not conflicts_of(make_claim(6000, measure="deployed", modality=modality),
                            make_claim(13000, measure="deployed", qualifier="at_least"))


def test_reported_figures_meet_asserted_ones():
    assert len(conflicts_of(make_claim(1000, modality="reported"), make_claim(5000, article="b"))) == 1


def test_two_plans_can_contradict_each_other():
    (conflict,) = conflicts_of(make_claim(6000, measure="deployed", modality="planned"),
                               make_claim(30000, measure="deployed", modality="planned", article="b"))
    assert conflict.kind == "disjoint"


@pytest.mark.parametrize("modality", ["possible", "denied"])
def test_possibilities_and_denials_never_conflict(modality):
    assert not conflicts_of(make_claim(6000, modality=modality), make_claim(30000, modality=modality))


# --- a denial against the value another voice stated ---------------------------------------------

def _denial_pair(denied: dict[str, object], stated: dict[str, object]):  # type: ignore[no-untyped-def]
    return conflicts_of(make_claim(**{"value": 312, "article": "b", "modality": "denied", "source": "ministerstwo",
                                      "reference_time": "2025-08-04", **denied}),  # type: ignore[arg-type]
                        make_claim(**{"value": 312, "source": "armator", "reference_time": "2025-08-03",
                                      **stated}))  # type: ignore[arg-type]


def test_a_denial_meets_the_value_another_voice_stated_before():
    (conflict,) = _denial_pair({}, {})
    assert conflict.kind == "denial" and conflict.claims[1].modality == "denied"
    assert conflict.reason.startswith("ministerstwo denies the 312 armator stated: 312 (ministerstwo")


@pytest.mark.parametrize("denied,stated", [
    ({}, {"value": 356}),  # a value nobody stated is not answered
    ({"qualifier": "more_than"}, {"value": 400}),  # `nie ponad 300`: a bound, no value set aside
    ({}, {"reference_time": "2025-08-09"}),  # said after the denial: not what it answers
    ({}, {"source": "ministerstwo"}),  # one voice stating and denying: no second voice
])
def test_no_denial_conflict_without_a_value_another_voice_stated_before(denied, stated):
    assert not _denial_pair(denied, stated)


# --- scale: caps are reported, never silent -------------------------------------------------------

def test_conflicts_beyond_the_cap_are_counted_not_hidden(caplog):
    claims = [make_claim(1000 * (i + 1), article=f"a{i}") for i in range(30)]
    conflicts = conflicts_of(*claims, max_per_figure=10)
    assert len(conflicts) == 10
    assert conflicts.capped == {"killed:north-korea:soldiers": 10}
    assert conflicts.notes() == ["killed:north-korea:soldiers: only the first 10 conflicts are listed; "
                                 "more conflicting pairs exist"]
    assert "conflict listing stopped after 10 conflicts in 1 figure(s) (killed:north-korea:soldiers)" \
        in caplog.text


def test_exactly_the_cap_is_not_capped():
    conflicts = conflicts_of(make_claim(1000), make_claim(2000), make_claim(3000), max_per_figure=3)
    assert len(conflicts) == 3 and not conflicts.capped


def test_many_equal_reports_cost_no_pair_comparisons():
    # 20,000 identical reports over time touch each other everywhere; none conflicts, and the sweep
    # must not walk them pairwise (this would take minutes if it did).
    claims = [make_claim(6000.0, reference_time=f"202{i % 4}-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                         article=str(i)) for i in range(20_000)]
    started = time.perf_counter()
    assert not conflicts_of(*claims)
    assert time.perf_counter() - started < 10


# --- the sweep finds exactly the pairs that comparing all pairs finds ------------------------------

def _all_pairs(figure) -> set[tuple[str, int, int]]:
    expected = set()
    for modalities in _COMPARABLE_MODALITIES:
        dated = [(i, claim_time(c), value_interval(c)) for i, c in enumerate(figure.claims)
                 if c.modality in modalities and claim_time(c) is not None]
        for (i, ti, vi), (j, tj, vj) in itertools.combinations(dated, 2):
            if not _rivals(figure.claims[i], figure.claims[j]):
                continue
            if ti.overlaps(tj) and not vi.overlaps(vj):
                expected.add(("disjoint", i, j))
            if figure.cumulative and "asserted" in modalities:
                if ti.before(tj) and vj.below(vi):
                    expected.add(("drop", i, j))
                if tj.before(ti) and vi.below(vj):
                    expected.add(("drop", j, i))
    return expected


_TIMES = ["2024", "2024-06", "2024-06-15", "2024-07", "2024-Q3", "2025", "2025-01-15", "2025-02", None]
_QUALIFIERS = ["exact", "approx", "more_than", "at_least", "less_than", "up_to", "range"]
_random_claim = st.builds(
    lambda value, qualifier, time, modality, measure: make_claim(
        value, qualifier=qualifier, reference_time=time, modality=modality, measure=measure,
        value_max=value * 1.5 if qualifier == "range" else None),
    st.sampled_from([100.0, 900.0, 1000.0, 1100.0, 1500.0, 2000.0, 5000.0]),
    st.sampled_from(_QUALIFIERS),
    st.sampled_from(_TIMES),
    st.sampled_from(["asserted", "asserted", "reported", "planned", "possible"]),
    st.sampled_from(["killed", "deployed"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_random_claim, min_size=2, max_size=25))
def test_sweep_matches_all_pairs(claims):
    for figure in build_figures(claims):
        found = {("drop" if c.kind == "cumulative_drop" else "disjoint",
                  next(i for i, x in enumerate(figure.claims) if x is c.claims[0]),
                  next(i for i, x in enumerate(figure.claims) if x is c.claims[1]))
                 for c in find_conflicts([figure], max_per_figure=10_000)}
        assert found == _all_pairs(figure)


def test_other_figures_hold_no_conflicts() -> None:
    """`other` gathers unlike quantities (turnout beside a candidate's share): nothing contradicts."""
    claims = [make_claim(49.11, measure="other", unit="percent", subject=None),
              make_claim(71.63, measure="other", unit="percent", subject=None)]
    assert list(find_conflicts(build_figures(claims))) == []


def test_without_actor_or_place_only_one_article_is_compared() -> None:
    """Two articles' unattributed, placeless death tolls may be different events: no conflict between
    them; within one article the disagreement stands."""
    apart = [make_claim(7, actor=None, article="powodz"), make_claim(1200, actor=None, article="atak")]
    assert list(find_conflicts(build_figures(apart))) == []
    together = [make_claim(7, actor=None, article="powodz"), make_claim(4, actor=None, article="powodz")]
    assert len(find_conflicts(build_figures(together))) == 1


# --- what is never a conflict: vague words, one voice's place and whole, canonical voices -------

@pytest.mark.parametrize("mention", ["kilka tysięcy", "dziesiątki tysięcy", "kilkaset"])
def test_a_vague_amount_is_never_one_end_of_a_conflict(mention):
    vague = make_claim(5000, mention=mention, qualifier="vague", value_max=9000, article="b",
                       sentence=f"Ewakuowano {mention} mieszkańców.")
    assert not conflicts_of(make_claim(20000, article="a"), vague)
    assert not conflicts_of(make_claim(20000, qualifier="vague", value_max=90000, article="a"),
                            make_claim(3000, article="b"))
    assert len(conflicts_of(make_claim(20000, article="a"), make_claim(5000, article="b"))) == 1  # control


def test_one_voice_counting_a_place_and_the_whole_is_no_contradiction():
    country = make_claim(10000, article="a", place="Romania", **FROM_NIS)
    whole = make_claim(42000, article="a", span=(40, 43), **FROM_NIS, sentence="W całym regionie: 42000.")
    assert not conflicts_of(country, whole)


def test_two_voices_one_with_a_place_still_conflict():
    with_place = make_claim(60, article="a", place="Poland", source="Grupa Granica", source_kind="ngo")
    without = make_claim(32, article="b", **FROM_NIS)
    (conflict,) = conflicts_of(with_place, without)
    assert conflict.kind == "disjoint"


def test_one_canonical_source_under_two_phrasings_is_one_voice():
    (conflict,) = conflicts_of(
        make_claim(1000, article="a", source="Straż Graniczna", source_id="Straż Graniczna", source_kind="gov"),
        make_claim(3000, article="b", source="rzeczniczka SG", source_id="Straż Graniczna", source_kind="gov"))
    assert conflict.kind == "self_contradiction" and conflict.same_source


def test_an_incidents_toll_that_falls_weeks_later_in_its_story_may_be_another_incident():
    stories = {"a": "story:front", "b": "story:front", "c": "story:front"}
    first = make_claim(9, article="a", actor="Ukraine", reference_time="2024-03-04")
    days_later = make_claim(7, article="b", actor="Ukraine", reference_time="2024-03-06")
    weeks_later = make_claim(5, article="c", actor="Ukraine", reference_time="2024-03-25")
    figures = build_figures([first, days_later, weeks_later], stories=stories)
    assert [f.scope for f in figures] == ["incident"]
    drops = {tuple(c.value for c in conflict.claims) for conflict in find_conflicts(figures)}
    assert drops == {(9, 7)}  # a toll that falls two days later is a contradiction


def test_a_bare_number_in_an_actors_figure_meets_only_its_own_article() -> None:
    """`Zmarło 30 osób.` states no whose, where or who says it: it joins the story's one actor's toll, but
    the actor's count in another article does not contradict it; in its own article it still may."""
    stated = make_claim(90, article="a", reference_time="2025-07-07", source="ministerstwo")
    bare = make_claim(30, actor=None, article="b", reference_time="2025-07-07")
    figures = build_figures([stated, bare])
    assert len(figures) == 1 and list(find_conflicts(figures)) == []
    attributed = make_claim(30, actor=None, article="b", reference_time="2025-07-07", source="policja")
    assert len(find_conflicts(build_figures([stated, attributed]))) == 1
    beside = make_claim(30, actor=None, article="a", reference_time="2025-07-07", span=(5, 7))
    assert len(find_conflicts(build_figures([stated, beside]))) == 1


def test_a_keyed_share_can_be_contested_an_unkeyed_one_cannot() -> None:
    portal = make_claim(72, measure="other", unit="percent", subject=None, actor=None, mention="72 proc.",
                        sentence="Portal podał, że frekwencja wyniosła 72 proc.", span=(0, 8))
    office = make_claim(68.9, measure="other", unit="percent", subject=None, actor=None, mention="68,9 proc.",
                        sentence="Urząd statystyczny podał frekwencję 68,9 proc.", span=(40, 50), source="urząd")
    (conflict,) = find_conflicts(build_figures([portal, office]))
    assert conflict.kind == "disjoint"
    bare = [make_claim(72, measure="other", unit="percent", subject=None, actor=None, mention="72 proc.",
                       sentence="Wzrosło o 72 proc.", span=(0, 8)),
            make_claim(68.9, measure="other", unit="percent", subject=None, actor=None, mention="68,9 proc.",
                       sentence="Spadło o 68,9 proc.", span=(40, 50))]
    assert list(find_conflicts(build_figures(bare))) == []


def _story_conflicts(*claims: Claim, stories: dict[str, str] | None):
    figures = build_figures(claims, stories=stories)
    assert len(figures) == 1, [f.id for f in figures]
    return find_conflicts(figures)


def test_one_storys_figure_without_whose_or_where_compares_named_reports_across_articles():
    # `rannych zostało 9 policjantów` (the police, article a) against `18 naszych kolegów` (the union, b):
    # the story is the event, so two named voices in two of its articles are rivals
    def wounded(value: float, article: str, **fields: object) -> Claim:
        return make_claim(value, article=article, actor=None, measure="wounded", subject="policjant",
                          reference_time="2026-04-19", **fields)

    police = wounded(9, "a", source="rzecznik policji", source_kind="government")
    union = wounded(18, "b", source="przewodniczący związku", source_kind="person")
    one_story = {"a": "derby", "b": "derby"}
    assert [c.kind for c in _story_conflicts(police, union, stories=one_story)] == ["disjoint"]
    # negatives: an unattributed number of the other article may be of a side event the story's key gave it;
    # a value more than three times apart is another quantity; in two stories they are two figures
    assert not _story_conflicts(police, wounded(18, "b"), stories=one_story)
    assert not _story_conflicts(police, wounded(40, "b", source="przewodniczący związku", source_kind="person"),
                                stories=one_story)
    assert len(build_figures([police, union], stories={"a": "derby", "b": "other-derby"})) == 2


def test_a_listed_kind_narrowed_by_a_detail_still_conflicts():
    # `people (on board)`: a kind the taxonomy lists, with what narrows it, is as firmly keyed as the kind
    from kronika.article import Article
    from kronika.pipeline import extract_article

    claims = [c for text, day in (("Na pokładzie promu było 312 pasażerów – podał armator.", "2026-08-03"),
                                  ("Na pokładzie promu było 356 pasażerów – podało ministerstwo.", "2026-08-03"))
              for c in extract_article(Article(id=text[-12:], text=text, published=day))]
    [figure] = build_figures(claims, stories={c.article: "prom" for c in claims})
    assert figure.subject == "people (on board)"
    assert [c.kind for c in find_conflicts([figure])] == ["disjoint"]
    # negative: an unlisted thing of `other` with a detail stays too loosely keyed to contradict
    things = [c for text in ("Na pokładzie było 40 rowerów – podał armator.",
                             "Na pokładzie było 90 rowerów – podało ministerstwo.")
              for c in extract_article(Article(id=text[-12:], text=text, published="2026-08-03"))]
    assert not find_conflicts(build_figures(things, stories={c.article: "prom" for c in things}))


# --- a province's own office below a national count -----------------------------------------------

def _toll(value: int, source: str, place: str | None = "Philippines", article: str = "a") -> Claim:
    return make_claim(value, article=article, measure="killed", actor=None, subject="osoba", place=place,
                      source=source, source_kind="government", reference_time="2026-10-20",
                      sentence=f"Zginęło {value} osób.")


def test_a_governors_lower_count_is_no_rival_of_the_national_agencys():
    # the governor may count his province only, a part of the agency's toll
    assert not conflicts_of(_toll(46, "NDRRMC"), _toll(19, "Gubernator prowincji Cagayan", article="b"))
    # ... but a higher count from him, or a lower one he places in his own area, is a rival
    (higher,) = conflicts_of(_toll(46, "NDRRMC"), _toll(80, "Gubernator prowincji Cagayan", article="b"))
    assert higher.kind == "disjoint"
    (placed,) = conflicts_of(_toll(46, "policja", place="Cebu"), _toll(19, "gubernator Cebu", place="Cebu",
                                                                        article="b"))
    assert placed.kind == "disjoint"
    # a national body whose name shares the word is no such office (France's maritime prefecture)
    (prefecture,) = conflicts_of(_toll(58, "Channel Watch", place="France"),
                                 _toll(41, "Francuska prefektura morska", place="France", article="b"))
    assert prefecture.kind == "disjoint"
    # a town's mayor counts his town: a part of the region's toll, not a rival
    assert not conflicts_of(_toll(41, "Władze regionu", place="Spain"),
                            _toll(19, "Burmistrz Paiporty Vicent Llopis", place="Spain", article="b"))
    # a Polish regional body counting the event is no such office
    (voivode,) = conflicts_of(_toll(46, "policja", place="Poland"), _toll(19, "wojewoda dolnośląski",
                                                                         place="Poland", article="b"))
    assert voivode.kind == "disjoint"
