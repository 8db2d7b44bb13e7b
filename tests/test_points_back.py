"""A sentence that points back (`tam`, `wtedy`, `wówczas`) takes the time and place of the sentence before
it when it names none; without such a word it keeps the article's own time. Sentences are our own."""
from __future__ import annotations

from kronika.article import Article
from kronika.pipeline import extract_article


def _claim(text: str):  # type: ignore[no-untyped-def]
    [claim] = extract_article(Article(id="t", text=text, published="2026-04-20"))
    return claim


def test_a_sentence_pointing_back_takes_the_earlier_time_and_place() -> None:
    for adverb_sentence in ("Zginęło wtedy 6 górników.", "Zginęło tam 6 górników.", "Wówczas zginęło 6 górników."):
        claim = _claim("W marcu 2019 r. w czeskiej Ostrawie doszło do podobnego wypadku. " + adverb_sentence)
        assert (claim.reference_time, claim.place) == ("2019-03", "Czechia"), adverb_sentence


def test_without_a_word_pointing_back_the_figure_keeps_the_article_time() -> None:
    claim = _claim("W marcu 2019 r. w czeskiej Ostrawie doszło do podobnego wypadku. Po wybuchu zginęło 6 górników.")
    assert claim.reference_time == "2026-04-20"
    # Its own time wins over the earlier sentence's.
    own = _claim("W marcu 2019 r. doszło do podobnego wypadku. W piątek zginęło tam 6 górników.")
    assert own.reference_time == "2026-04-17"


def test_pointing_back_at_a_start_is_pointing_at_that_moment() -> None:
    # `od września 2022 r., gdy...` names a moment; `wówczas` there is September 2022, not a total since.
    claim = _claim("To najcięższe walki od września 2022 r., gdy starcia trwały dwa dni. Zginęło wówczas 70 żołnierzy.")
    assert (claim.reference_time, claim.reference_basis) == ("2022-09", "text")
    # A sentence that only continues the report keeps the running total.
    running = _claim("Od września 2022 r. zginęło 70 żołnierzy.")
    assert running.reference_basis == "since:2022-09"

    # A place adverb points at the place only: a start carried there stays a running total.
    there = _claim("To najcięższe walki od września 2022 r., gdy starcia trwały dwa dni. Zginęło tam 70 żołnierzy.")
    assert there.reference_basis == "since:2022-09"


def test_tam_carries_the_place_to_any_count_not_only_tolls() -> None:
    # `dotarło tam`: arrivals (no toll) are at the islands the sentence before names, even with a source
    # whose nationality an adjective gives
    claim = _claim("Inną trasą płyną łodzie na Wyspy Kanaryjskie. Według hiszpańskiego MSW dotarło tam 29 tys. osób.")
    assert claim.place == "Canary Islands"
    # negatives: without `tam` such a count takes no place from before; a place of its own wins
    plain = _claim("Inną trasą płyną łodzie na Wyspy Kanaryjskie. Według hiszpańskiego MSW dotarło 29 tys. osób.")
    assert plain.place is None
    own = _claim("Łodzie płyną też na Wyspy Kanaryjskie. Na Sycylię dotarło tam w maju 4 tys. osób.")
    assert own.place != "Canary Islands"


def test_a_length_back_from_the_day_names_the_day_a_report_was_made() -> None:
    # `dzień wcześniej policja mówiła o pięciu`: the count holds the day before, whatever else the sentence
    # says; `tydzień temu` is seven days back, a moment and no week-long period
    earlier = extract_article(Article(id="t", text="Dzień wcześniej policja mówiła o pięciu ofiarach i "
                                      "czterech zaginionych.", published="2026-04-20"))
    assert {c.reference_time for c in earlier} == {"2026-04-19"}
    assert _claim("Tydzień temu inspekcja mówiła o 1,4 mln sztuk drobiu.").reference_time == "2026-04-13"
    # negatives: a comparison with a year before holds now; `później` without a day named before has no day
    assert _claim("Żywność była droższa o 3,4 proc. niż rok wcześniej.").reference_time == "2026-04-20"
    assert _claim("Dwa dni później policja mówiła o pięciu ofiarach.").reference_time == "2026-04-20"


def test_a_country_label_opening_the_sentence_says_where() -> None:
    # `Wietnam: tajfun zabił 14 osób`, a side item in a typhoon story of another country
    assert _claim("Wietnam: tajfun Kajik zabił 14 osób.").place == "Vietnam"
    # negatives: a capital there speaks for its government; a place of the sentence's own is nearer
    kyiv = _claim("Kijów: w obwodzie kurskim jest 11 tys. żołnierzy.")
    assert (kyiv.place, kyiv.source) == ("Kursk Oblast", "Kijów")
    assert _claim("Ukraina: w Charkowie zginęło pięć osób.").place == "Kharkiv"
    assert _claim("Tajfun zabił w środę 14 osób.").place is None


def test_the_end_of_a_month_is_its_last_day() -> None:
    # `do końca sierpnia wydała trzy zezwolenia`: a running count read on 31 August, as `do połowy stycznia`
    # is read on the 15th; no count of August itself
    claim = extract_article(Article(id="t", text="Do końca sierpnia dyrekcja wydała trzy zezwolenia.",
                                    published="2026-09-03"))[0]
    assert (claim.reference_time, claim.reference_basis) == ("2026-08-31", "text")
    # negative: a month named alone stays the month
    plain = extract_article(Article(id="t", text="W sierpniu dyrekcja wydała trzy zezwolenia.",
                                    published="2026-09-03"))[0]
    assert plain.reference_time == "2026-08"
