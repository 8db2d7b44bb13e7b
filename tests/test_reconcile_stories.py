"""Stories: articles about one event group together, articles about other events do not; an ingest
adds to the stories it finds. The articles are short ones written for these tests."""
from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest
from datasketch import MinHash

from kronika.reconcile.stories import NUM_PERM, SCHEME, ArticleFeatures, article_features, group_stories, same_story

FLOOD_1 = (
    "Powódź w Kłodzku: woda z Nysy Kłodzkiej zalała centrum miasta. Strażacy ewakuowali mieszkańców "
    "kamienic przy rzece, a burmistrz Kłodzka zwołał sztab kryzysowy. Mieszkańcy czekają na pomoc, "
    "woda wciąż przybiera, a zalane są piwnice i parkingi w dolnej części miasta."
)
FLOOD_2 = (
    "Kłodzko po przejściu fali: mieszkańcy sprzątają zalane kamienice nad Nysą Kłodzką. Strażacy wypompowują "
    "wodę z piwnic, a burmistrz Kłodzka szacuje straty. Sztab kryzysowy apeluje do mieszkańców o ostrożność, "
    "bo woda w rzece wciąż stoi wysoko."
)
ELECTION = (
    "Komisja wyborcza w Gdańsku podała wyniki głosowania w drugiej turze. Kandydaci dziękowali wyborcom, "
    "a sztaby partyjne komentowały frekwencję. Politycy zapowiadają koalicyjne rozmowy jeszcze w tym tygodniu, "
    "zaś sondażownie porównują swoje prognozy z wynikiem."
)


def _features(article: str, text: str, published: str) -> ArticleFeatures:
    return article_features(article, text, published)


def test_two_reports_of_one_flood_form_one_story_apart_from_an_election() -> None:
    features = [_features("flood-1", FLOOD_1, "2024-09-15"), _features("flood-2", FLOOD_2, "2024-09-18"),
                _features("vote", ELECTION, "2024-09-16")]
    stories = {tuple(s.articles) for s in group_stories(features)}
    assert stories == {("flood-1", "flood-2"), ("vote",)}


def test_the_same_flood_reports_a_year_apart_are_two_stories() -> None:
    first, later = _features("flood-1", FLOOD_1, "2024-09-15"), _features("flood-2", FLOOD_2, "2025-12-01")
    assert same_story(first, _features("flood-2", FLOOD_2, "2024-09-18"))
    assert not same_story(first, later)


def test_a_word_that_opens_a_line_is_no_name() -> None:
    text = "Czytaj też: relacja z Kłodzka\nŹródło: PAP\nMieszkańcy Kłodzka sprzątają po powodzi."
    names = {e for e in _features("a", text, "2024-09-15").entities if e.startswith("~")}
    assert "~klodz" in names
    assert not names & {"~czyta", "~zrodl", "~miesz"}


def test_an_ingest_keeps_the_ids_of_known_stories_and_adds_to_them() -> None:
    first = group_stories([_features("flood-1", FLOOD_1, "2024-09-15"), _features("vote", ELECTION, "2024-09-16")])
    known = {article: story.id for story in first for article in story.articles}
    features = [_features("flood-1", FLOOD_1, "2024-09-15"), _features("vote", ELECTION, "2024-09-16"),
                _features("flood-2", FLOOD_2, "2024-09-18")]
    again = {s.id: s.articles for s in group_stories(features, known=known)}
    assert again == {known["flood-1"]: ["flood-1", "flood-2"], known["vote"]: ["vote"]}


def test_a_story_is_labelled_by_what_its_articles_name_and_dated_by_them() -> None:
    [story] = group_stories([_features("flood-1", FLOOD_1, "2024-09-15"), _features("flood-2", FLOOD_2, "2024-09-18")])
    assert (story.first_published, story.last_published) == ("2024-09-15", "2024-09-18")
    assert story.label


# Blocking: candidate pairs come from LSH bands and shared entities, each article meeting only its nearest
# predecessors; it must find the pairs the pair test links, and stay linear in a story's size.

STORIES = Path(__file__).parent / "corpus" / "stories"


def _components(features: list[ArticleFeatures]) -> set[frozenset[str]]:
    """Stories as the connected groups of all pairs `same_story` links (the quadratic reference)."""
    parent = {f.article: f.article for f in features}

    def find(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    for a, b in itertools.combinations(features, 2):
        if same_story(a, b):
            parent[find(a.article)] = find(b.article)
    groups: dict[str, set[str]] = {}
    for f in features:
        groups.setdefault(find(f.article), set()).add(f.article)
    return {frozenset(g) for g in groups.values()}


def test_blocking_loses_no_story_that_all_pairs_would_find() -> None:
    from kronika.article import Rejection
    from kronika.ingest import read_inputs

    paths = sorted(STORIES.glob("*.txt"))
    if not paths:
        pytest.skip(f"the stories corpus is not at {STORIES}")
    features = [article_features(a.id, a.text, a.published, a.title) for a in read_inputs(paths)
                if not isinstance(a, Rejection)]
    assert {frozenset(s.articles) for s in group_stories(features)} == _components(features)


def _synthetic(count: int, story: int, day: int, common: int) -> ArticleFeatures:
    # An article of one long story: its own words, the story's words and a few shared with everything.
    words = [f"story{story}-{k}" for k in range(30)] + [f"own{count}-{k}" for k in range(30)]
    words += [f"common-{(count * 7 + k) % 500}" for k in range(common)]
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([w.encode() for w in words])
    return ArticleFeatures(f"a{count:05d}", (date(2024, 1, 1) + timedelta(days=day)).isoformat(),
                           [f"Miejsce {story}", f"Osoba {story}"], minhash.hashvalues)


def test_a_story_of_thousands_of_reports_costs_a_bounded_number_of_pair_tests(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kronika.reconcile.stories as stories

    tested = []
    real = stories.same_story

    def counting(a: ArticleFeatures, b: ArticleFeatures) -> bool:
        tested.append((a.article, b.article))
        return real(a, b)

    monkeypatch.setattr(stories, "same_story", counting)
    # 3,000 reports of one war front over 300 days, and 100 one-off stories among them.
    features = [_synthetic(k, 0, k // 10, 10) for k in range(3000)]
    features += [_synthetic(3000 + k, 1 + k, 3 * k, 10) for k in range(100)]
    found = group_stories(features)
    sizes = sorted((len(s.articles) for s in found), reverse=True)
    assert sizes[0] == 3000 and len(sizes) == 101
    assert len(tested) < 10 * len(features)  # all pairs would be ~4.8 million


def test_an_ingest_tests_only_pairs_with_a_new_article(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kronika.reconcile.stories as stories

    old = [_synthetic(k, k % 3, k, 40) for k in range(60)]
    known = stories.story_map(group_stories(old))
    new = [_synthetic(60 + k, k % 3, 60 + k, 40) for k in range(6)]
    tested = []
    real = stories.same_story

    def recording(a: ArticleFeatures, b: ArticleFeatures) -> bool:
        tested.append({a.article, b.article})
        return real(a, b)

    monkeypatch.setattr(stories, "same_story", recording)
    again = group_stories(old + new, known=known)
    fresh = {f.article for f in new}
    assert all(pair & fresh for pair in tested)
    # The new reports join the stories they continue, under the stories' old ids.
    by_article = stories.story_map(again)
    assert {by_article[f.article] for f in new} <= set(known.values())
    assert len(again) == len(set(known.values()))


INFLATION_JULY = (
    "Inflacja w lipcu według danych urzędu statystycznego przyspieszyła. Ceny towarów i usług konsumpcyjnych "
    "rosną szybciej, ekonomiści komentują odczyt, a rada polityki pieniężnej analizuje prognozy stóp "
    "procentowych. Drożeje żywność, paliwa i energia, a analitycy spodziewają się kolejnych podwyżek."
)
INFLATION_OCTOBER = (
    "Inflacja w październiku według szybkiego szacunku urzędu statystycznego znów przyspieszyła. Ceny towarów "
    "i usług konsumpcyjnych rosną, ekonomiści komentują odczyt, a rada polityki pieniężnej analizuje prognozy "
    "stóp procentowych. Drożeje energia i żywność, analitycy spodziewają się dalszych podwyżek."
)


def test_a_recurring_report_months_later_in_much_the_same_words_is_the_same_story() -> None:
    july, october = _features("cpi-7", INFLATION_JULY, "2024-08-14"), _features("cpi-10", INFLATION_OCTOBER,
                                                                                 "2024-10-31")
    assert same_story(july, october)
    # Not a year and more later, nor an unrelated report of the same months.
    assert not same_story(july, _features("cpi-next", INFLATION_OCTOBER, "2025-10-31"))
    assert not same_story(october, _features("flood", FLOOD_1, "2024-08-20"))


def test_an_office_of_an_institution_is_no_name_a_story_shares() -> None:
    """`Oddział`, `Komenda`, `Urząd` capitalised inside a name are common nouns: two reports on other
    events that both mention some institution's unit share no name by it; a real unknown name still counts."""
    border = "W nocy funkcjonariusze z Podlaskiego Oddziału Straży Granicznej zatrzymali grupę migrantów pod Hajnówką."
    front = "Dowódcy Oddziału Specjalnego wojsk lądowych przenieśli batalion pod Lipówkę."
    names = lambda text: {e for e in _features("a", text, "2025-01-10").entities if e.startswith("~")}  # noqa: E731
    assert "~oddzi" not in names(border) | names(front)
    assert "~hajno" in names(border) and "~lipow" in names(front)
    town = "Strażacy z Urzędu Gminy w Hajnówce wypompowali wodę."
    assert "~urzed" not in names(town) and "~hajno" in names(town)


# Short reports of one event, days apart, in different words: what they share is the event's names.
CRASH_1 = (
    "Wypadek autobusu w Lesznie. Pojazd MZK wpadł do rowu na obwodnicy przy Gronowie, kierowca trafił do "
    "szpitala. Policja ustala przyczyny zdarzenia."
)
CRASH_2 = (
    "Przewoźnik MZK wycofał dwa pojazdy tego typu po czwartkowym zdarzeniu pod Lesznem. Rzecznik firmy "
    "tłumaczył, że czekają je dokładne badania hamulców."
)
CONCERT = (
    "Koncert finałowy festiwalu odbędzie się w sobotę w Lesznie. Organizatorzy spodziewają się tłumów na "
    "rynku, sprzedano już wszystkie bilety na trybuny."
)


def test_inflected_forms_of_a_name_and_an_acronym_are_one_name() -> None:
    names = {e for e in _features("a", CRASH_1, "2025-06-02").entities if e.startswith("~")}
    again = {e for e in _features("b", CRASH_2, "2025-06-03").entities if e.startswith("~")}
    assert {"~lesz" + "n", "~mzk"} <= names & again  # `Lesznie`, `Leszna`; `MZK`


def test_short_reports_of_one_event_within_a_week_sharing_its_names_are_one_story() -> None:
    features = [_features("crash-1", CRASH_1, "2025-06-02"), _features("crash-2", CRASH_2, "2025-06-05"),
                _features("concert", CONCERT, "2025-06-04")]
    stories = {tuple(s.articles) for s in group_stories(features)}
    assert stories == {("crash-1", "crash-2"), ("concert",)}


def test_shared_names_link_short_reports_only_close_in_time() -> None:
    assert same_story(_features("crash-1", CRASH_1, "2025-06-02"), _features("crash-2", CRASH_2, "2025-06-05"))
    assert not same_story(_features("crash-1", CRASH_1, "2025-06-02"),
                          _features("crash-2", CRASH_2, "2025-07-02"))


def _with_wording(article: str, published: str, names: list[str], shared: int) -> ArticleFeatures:
    # A signature agreeing with the base one (`shared=NUM_PERM`) in `shared` of its NUM_PERM values.
    import numpy as np

    values = np.arange(NUM_PERM, dtype=np.uint64) + 1
    values[shared:] += np.uint64(10_000) + np.uint64(len(article))
    return ArticleFeatures(article, published, names, values)


def test_within_a_week_two_shared_names_need_some_wording_and_three_need_a_little() -> None:
    base = _with_wording("x", "2025-06-02", ["~leszn", "~mzk", "~grono"], NUM_PERM)
    six, four = round(0.0625 * NUM_PERM), round(0.042 * NUM_PERM)
    assert same_story(base, _with_wording("two-names", "2025-06-05", ["~leszn", "~mzk"], six))
    assert not same_story(base, _with_wording("one-name", "2025-06-05", ["~leszn"], six))
    assert same_story(base, _with_wording("three-names", "2025-06-05", ["~leszn", "~mzk", "~grono"], four))
    assert not same_story(base, _with_wording("two-of-little", "2025-06-05", ["~leszn", "~mzk"], four))
    assert not same_story(base, _with_wording("ten-days", "2025-06-12", ["~leszn", "~mzk", "~grono"], four))
    assert not same_story(base, _with_wording("no-wording", "2025-06-05", ["~leszn", "~mzk", "~grono"], 1))


def test_alike_wording_alone_needs_to_be_clearly_alike_and_undated_reports_need_several_names() -> None:
    """Two unrelated reports in one newsroom's style share a sixth of their stems; an undated report has
    no time to narrow its candidates, so it joins on alike wording only with several shared names."""
    base = _with_wording("x", "2025-06-02", ["~leszn", "~mzk", "~grono", "~warta"], NUM_PERM)
    sixth, quarter = round(0.17 * NUM_PERM), round(0.23 * NUM_PERM)
    assert not same_story(base, _with_wording("style-only", "2025-06-04", [], sixth))
    assert same_story(base, _with_wording("with-a-name", "2025-06-04", ["~leszn"], sixth))
    assert same_story(base, _with_wording("alike", "2025-06-04", [], quarter))
    undated = _with_wording("undated", None, ["~leszn"], sixth)  # type: ignore[arg-type]
    assert not same_story(base, undated)
    names = ["~leszn", "~mzk", "~grono", "~warta"]
    assert same_story(base, _with_wording("undated-names", None, names, sixth))  # type: ignore[arg-type]


def test_one_shared_name_links_reports_within_a_week_with_some_wording() -> None:
    base = _with_wording("x", "2025-06-02", ["~patra"], NUM_PERM)
    some = round(0.08 * NUM_PERM)
    assert same_story(base, _with_wording("next-day", "2025-06-03", ["~patra"], some))
    assert not same_story(base, _with_wording("fortnight", "2025-06-14", ["~patra"], some))
    assert not same_story(base, _with_wording("little", "2025-06-03", ["~patra"], round(0.04 * NUM_PERM)))


def test_the_union_and_the_polish_ministries_link_no_stories_like_countries() -> None:
    a = _features("a", "Komisja Europejska przekazała pomoc. Unia Europejska apeluje o spokój w regionie.",
                  "2025-06-02")
    assert "European Union" not in a.entities and "European Union" in a.all_entities


def test_alike_wording_with_several_shared_countries_is_one_programme() -> None:
    """An aid programme's reports name no town or person in common, only the states involved."""
    alike = _with_wording("y", "2024-06-05", [], round(0.17 * NUM_PERM)).signature
    base = ArticleFeatures("x", "2024-05-10", [], _with_wording("x", "2024-05-10", [], NUM_PERM).signature, "",
                           ["Ukraine", "Czechia", "Poland"])
    other = ArticleFeatures("y", "2024-06-05", [], alike, "", ["Ukraine", "Czechia", "Poland", "Germany"])
    lone = ArticleFeatures("z", "2024-06-05", [], other.signature, "", ["Poland"])
    assert same_story(base, other) and not same_story(base, lone)


def _headlined(article: str, published: str, title: str, shared: int) -> ArticleFeatures:
    features = _with_wording(article, published, [], shared)
    features.title = title
    return features


def test_two_headlines_sharing_two_words_within_a_week_are_one_story() -> None:
    base = _headlined("x", "2026-05-12", "[NA ŻYWO] Zderzenie tramwajów przy rondzie. Policja: 12 rannych", NUM_PERM)
    little = round(0.06 * NUM_PERM)
    assert same_story(base, _headlined("later", "2026-05-18", "Tydzień po zderzeniu tramwajów: MPK liczy straty",
                                       little))
    # negatives: one shared word, a week and more apart, no wording at all, or only portal labels shared
    assert not same_story(base, _headlined("one", "2026-05-13", "Tramwaje wróciły na Mogilskie", little))
    assert not same_story(base, _headlined("late", "2026-05-21", "Zderzenie tramwajów: raport komisji", little))
    assert not same_story(base, _headlined("unlike", "2026-05-13", "Zderzenie tramwajów w Poznaniu", 2))
    labelled = _headlined("labels", "2026-05-13", "PILNE. ZOBACZ WIDEO: Policja o rannych", little)
    assert not same_story(_headlined("y", "2026-05-12", "PILNE. ZOBACZ WIDEO: pożar hali", NUM_PERM), labelled)


def test_a_plain_texts_headline_is_its_short_first_line() -> None:
    from kronika.reconcile.stories import headline

    assert headline(" date 2026-05-12 Zderzenie tramwajów. Policja: 12 rannych\n\nGodz. 8:05\nDwa tramwaje...") \
        == "Zderzenie tramwajów. Policja: 12 rannych"
    assert headline("Tekst bez tytułu.\nDalej.", "Tytuł ze strony") == "Tytuł ze strony"
    assert headline("Bardzo długi akapit " * 20 + "\nDalej.") == ""  # a paragraph, not a headline
