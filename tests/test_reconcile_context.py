"""What the words around a number say: running totals, parts, moved reference times, what a share or an
amount of money is of. Each cue class has positives and negatives; the sentences are written for these tests."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.claim import Claim
from kronika.reconcile.context import ClaimContext, article_contexts


def claims_of(sentence: str, *numbers: tuple[str, str, str | None]) -> list[Claim]:
    """Claims for (mention, measure, unit) in one sentence, in text order."""
    found, cursor = [], 0
    for mention, measure, unit in numbers:
        start = sentence.index(mention, cursor)
        cursor = start + len(mention)
        found.append(Claim(article="a", span=(start, cursor), mention=mention, value=1.0, measure=measure,
                           unit=unit, sentence=sentence, published="2024-09-18"))
    return found


def contexts(sentence: str, *numbers: tuple[str, str, str | None]) -> list[ClaimContext]:
    return article_contexts(claims_of(sentence, *numbers))


def money_for(sentence: str, mention: str) -> str | None:
    """What the one sum in `sentence` (in zł) is for."""
    [context] = contexts(sentence, (mention, "other", "PLN"))
    return context.money_for


def test_running_total_cues_before_the_number() -> None:
    for sentence, mention in (("Od początku wojny zginęło 120 żołnierzy.", "120"),
                              ("Łącznie ewakuowano 3 tys. osób.", "3 tys."),
                              ("Dotychczas potwierdzono 45 zgonów.", "45")):
        [context] = contexts(sentence, (mention, "killed", None))
        assert context.running, sentence


def test_no_running_total_without_a_cue_or_with_the_cue_after_another_number() -> None:
    [context] = contexts("W ataku zginęło 12 osób.", ("12", "killed", None))
    assert not context.running
    first, second = contexts("Łącznie od maja zginęło 40 osób, a w piątek 3.", ("40", "killed", None),
                             ("3", "killed", None))
    assert first.running and not second.running


def test_since_reference_basis_makes_a_running_total() -> None:
    [claim] = claims_of("Zginęło 40 osób.", ("40", "killed", None))
    claim.reference_basis = "since:2023-10"
    assert article_contexts([claim])[0].running


def test_a_part_names_its_whole_and_what_it_is() -> None:
    whole, part = contexts("Ewakuowano 2 tys. osób, z samej Nysy blisko tysiąc.", ("2 tys.", "displaced", None),
                           ("tysiąc", "displaced", None))
    assert whole.part_of is None
    assert part.part_of == 0 and part.part_locus == "nysy"
    _, children = contexts("Rannych zostało 40 osób, w tym 12 dzieci.", ("40", "injured", None),
                           ("12", "injured", None))
    assert children.part_of == 0


def test_no_part_across_measures_or_without_a_cue() -> None:
    _, missing = contexts("Zginęło 5 osób, w tym czasie zaginęło 7 kolejnych.", ("5", "killed", None),
                          ("7", "missing", None))
    assert missing.part_of is None
    _, second = contexts("Zginęło 5 osób, a dzień później jeszcze 2.", ("5", "killed", None), ("2", "killed", None))
    assert second.part_of is None


def test_relative_days_and_before_move_the_reference_time() -> None:
    [earlier] = contexts("Dzień wcześniej policja mówiła o pięciu ofiarach.", ("pięciu", "killed", None))
    assert earlier.shift == -1
    before, now = contexts("Przed wojną przejeżdżało 500 ciężarówek dziennie, dziś kilkadziesiąt.",
                           ("500", "other", None), ("kilkadziesiąt", "other", None))
    assert before.shift == "before" and now.shift is None
    [plain] = contexts("Policja mówi o pięciu ofiarach.", ("pięciu", "killed", None))
    assert plain.shift is None



def test_a_rate_read_days_earlier_moves_to_its_own_day_but_an_earlier_reading_is_the_same_series() -> None:
    """Turnout of a round two weeks before is that day's reading, not a second value for today; a bare
    `wcześniej` before a rate is an earlier estimate of the one series (no shift)."""
    [round_one] = contexts("W pierwszej turze, dwa tygodnie wcześniej, głosowało 64,2 proc. uprawnionych.",
                           ("64,2 proc.", "other", "percent"))
    assert round_one.shift == -14
    [yesterday] = contexts("Wczoraj o godz. 17 frekwencja wynosiła 50,1 proc.", ("50,1 proc.", "other", "percent"))
    assert yesterday.shift == -1
    [estimate] = contexts("Wcześniej GUS szacował inflację na 4,1 proc.", ("4,1 proc.", "other", "percent"))
    assert estimate.shift is None
    [today] = contexts("Frekwencja o godz. 17 wyniosła 52,3 proc.", ("52,3 proc.", "other", "percent"))
    assert today.shift is None

def test_a_share_is_keyed_by_what_it_is_a_share_of() -> None:
    inflation, turnout = contexts("Inflacja wyniosła 4,3 proc., a frekwencja w wyborach 62 proc.",
                                  ("4,3 proc.", "other", "percent"), ("62 proc.", "other", "percent"))
    assert (inflation.share_of, turnout.share_of) == ("inflation", "turnout")
    [unknown] = contexts("Było to o 5 proc. więcej niż rok wcześniej.", ("5 proc.", "other", "percent"))
    assert unknown.share_of is None


def test_money_is_keyed_by_what_it_is_for() -> None:
    aid, loan = contexts("Na pomoc dla powodzian przeznaczono 2 mld zł, a na kredyt dla gmin 500 mln zł.",
                         ("2 mld zł", "other", "PLN"), ("500 mln zł", "other", "PLN"))
    assert (aid.money_for, loan.money_for) == ("aid", "loan")
    [bare] = contexts("Zapłacono 300 zł.", ("300 zł", "other", "PLN"))
    assert bare.money_for is None


def two_sentences(first: str, first_number: str, second: str, second_number: str,
                  measure: str = "killed", second_measure: str | None = None) -> list[ClaimContext]:
    """Contexts of one number in each of two consecutive sentences of one article."""
    one = claims_of(first, (first_number, measure, None))
    two = claims_of(second, (second_number, second_measure or measure, None))
    two[0].span = (len(first) + 1 + two[0].span[0], len(first) + 1 + two[0].span[1])
    return article_contexts(one + two)


def test_a_sentence_opening_with_among_is_a_part_of_the_number_before():
    for first, number, second, part in (
            ("Rannych zostało 17 osób.", "17", "Wśród rannych jest troje dzieci.", "troje"),
            ("Zginęło pięć osób.", "pięć", "Spośród ofiar dwie to kobiety.", "dwie"),
            ("Ewakuowano 1200 osób.", "1200", "Z tej liczby 300 trafiło do szkół.", "300")):
        assert two_sentences(first, number, second, part)[1].part_of == 0, second


def test_among_elsewhere_or_across_measures_makes_no_part():
    assert two_sentences("Rannych zostało 17 osób.", "17", "Do szpitali trafiło troje dzieci.",
                         "troje")[1].part_of is None
    assert two_sentences("Rannych zostało 17 osób.", "17", "Wśród zaginionych jest troje dzieci.", "troje",
                         second_measure="missing")[1].part_of is None
    assert two_sentences("Rannych zostało 17 osób.", "17", "Lekarze mówią, że wśród nich 3 są w ciężkim stanie.",
                         "3")[1].part_of is None  # `wśród` not opening the sentence: the same-sentence cues decide


def test_a_change_of_a_count_is_a_part_of_it():
    for first, number, second, change in (
            ("Liczba ofiar wzrosła do siedmiu.", "siedmiu", "Znaleziono ciała dwóch kolejnych osób.", "dwóch"),
            ("Zginęło 12 osób.", "12", "Ratownicy wydobyli kolejne trzy ciała.", "trzy"),
            ("Władze podały, że zginęło sześć osób.", "sześć", "To o jedną mniej niż wczoraj.", "jedną"),
            ("Ewakuowano 900 osób.", "900", "Liczba ewakuowanych wzrosła o 150.", "150"),
            ("Ewakuowano 900 osób.", "900", "Przez noc zgłosiło się o 200 osób więcej.", "200")):
        context = two_sentences(first, number, second, change, "displaced")[1]
        assert context.part_of == 0 and context.part_locus == "change", second


def test_numbers_that_only_sit_near_change_words_are_not_changes():
    for second, number in (("Zginęło 5 osób, a liczba rannych jest kolejną niewiadomą.", "5"),
                           ("Spotkanie zaczęło się o 17 i trwało dłużej.", "17"),
                           ("Ewakuowano 300 osób więcej niż planowano.", "300"),
                           ("Liczba ofiar wzrosła do 40.", "40")):
        context = two_sentences("Zginęło 12 osób.", "12", second, number)[1]
        assert context.part_of is None, second


def test_a_planned_addition_is_no_change_part():
    one = claims_of("Na froncie jest 14 tys. żołnierzy.", ("14 tys.", "deployed", None))
    two = claims_of("Rząd zamierza wysłać kolejne 6 tys. żołnierzy.", ("6 tys.", "deployed", None))
    two[0].modality = "planned"
    two[0].span = (40 + two[0].span[0], 40 + two[0].span[1])
    assert article_contexts(one + two)[1].part_of is None


def test_a_percentage_change_is_the_quantity_itself():
    one = claims_of("Inflacja we wrześniu wyniosła 4,9 proc.", ("4,9 proc.", "other", "percent"))
    two = claims_of("W październiku ceny wzrosły o 5 proc. rok do roku.", ("5 proc.", "other", "percent"))
    two[0].span = (50 + two[0].span[0], 50 + two[0].span[1])
    assert article_contexts(one + two)[1].part_of is None


def _details(sentence: str, mention: str) -> tuple[str, ...]:
    [context] = contexts(sentence, (mention, "other", "percent"))
    assert context.share_of == "inflation", sentence
    return context.share_details


def test_a_component_or_basis_narrows_a_share() -> None:
    assert _details("Ceny żywności poszły w górę o 5,1 proc. w skali roku.", "5,1 proc.") == ("food",)
    assert _details("Inflacja bazowa w marcu wyniosła 3,3 proc.", "3,3 proc.") == ("core",)
    assert _details("Ceny usług drożały najszybciej, o 6,2 proc.", "6,2 proc.") == ("services",)
    assert _details("W ciągu miesiąca ceny wzrosły o 0,4 proc.", "0,4 proc.") == ("m/m",)
    assert _details("W porównaniu z lutym ceny spadły o 0,2 proc.", "0,2 proc.") == ("m/m",)
    assert _details("Analitycy banku prognozują, że inflacja na koniec roku sięgnie 4,1 proc.", "4,1 proc.") == (
        "forecast",)
    assert _details("Średnia inflacja w tym roku wyniesie według prognozy 3,9 proc.", "3,9 proc.") == (
        "average", "forecast")


def test_the_whole_index_and_what_it_leaves_out_narrow_nothing() -> None:
    assert _details("Ceny towarów i usług konsumpcyjnych wzrosły o 4,4 proc.", "4,4 proc.") == ()
    assert _details("Inflacja w maju wyniosła 2,9 proc. rok do roku.", "2,9 proc.") == ()
    # What core inflation excludes is not what it counts.
    assert _details("Inflacja bazowa, czyli z wyłączeniem cen żywności i paliw, wyniosła 3,1 proc.", "3,1 proc.") == (
        "core",)


def test_a_detail_of_the_next_clause_is_not_this_shares() -> None:
    first, second = contexts("Inflacja wyniosła 4,5 proc., a ceny paliw wzrosły o 2 proc.",
                             ("4,5 proc.", "other", "percent"), ("2 proc.", "other", "percent"))
    assert first.share_details == () and second.share_details == ("fuel",)


def test_a_much_smaller_count_after_a_larger_one_of_its_measure_is_a_breakdown() -> None:
    claims = claims_of("Resort podaje 24 zgony, a dwa z nich odnotowano w stolicy.", ("24", "killed", None),
                       ("dwa", "killed", None))
    claims[0].value, claims[1].value = 24.0, 2.0
    whole, part = article_contexts(claims)
    assert whole.part_of is None and (part.part_of, part.part_locus) == (0, "breakdown")


def test_no_breakdown_for_a_close_value_a_larger_one_another_measure_or_a_share() -> None:
    def second(sentence: str, first: tuple[str, str, str | None, float], then: tuple[str, str, str | None, float],
               ) -> ClaimContext:
        claims = claims_of(sentence, first[:3], then[:3])
        claims[0].value, claims[1].value = first[3], then[3]
        return article_contexts(claims)[1]

    # A revision (`spadła z 20 do 18`), a growing count, another measure, a share: no part.
    assert second("Liczba zaginionych spadła z 20 do 18.", ("20", "missing", None, 20.0),
                  ("18", "missing", None, 18.0)).part_of is None
    assert second("Rano mówiono o 3 ofiarach, wieczorem o 9.", ("3", "killed", None, 3.0),
                  ("9", "killed", None, 9.0)).part_of is None
    assert second("Zginęło 30 osób, a 4 zostały ranne.", ("30", "killed", None, 30.0),
                  ("4", "wounded", None, 4.0)).part_of is None
    assert second("Frekwencja wyniosła 60 proc., a poparcie 20 proc.", ("60 proc.", "other", "percent", 60.0),
                  ("20 proc.", "other", "percent", 20.0)).part_of is None


def test_an_amount_each_recipient_may_get_is_not_the_total() -> None:
    def money(sentence: str, mention: str) -> ClaimContext:
        [context] = contexts(sentence, (mention, "supplied", "PLN"))
        return context

    cap = money("Każda poszkodowana rodzina może liczyć na zasiłek do 8 tys. zł.", "8 tys. zł")
    assert (cap.money_for, cap.share_details) == ("benefit", ("per recipient",))
    per_house = money("Na odbudowę przewidziano 150 tys. zł na dom.", "150 tys. zł")
    assert (per_house.money_for, per_house.share_details) == ("reconstruction", ("per recipient",))
    total = money("Gminy wypłaciły już 12 mln zł zasiłków.", "12 mln zł")
    assert (total.money_for, total.share_details) == ("benefit", ("paid",))
    each = money("Spółka zapowiada, że każda z rodzin dostanie 150 tys. zł jednorazowej zapomogi.", "150 tys. zł")
    assert (each.money_for, each.share_details) == ("benefit", ("per recipient",))


def test_money_paid_so_far_is_not_the_sum_set_aside() -> None:
    def money(sentence: str, mention: str) -> ClaimContext:
        [context] = contexts(sentence, (mention, "other", "PLN"))
        return context

    paid = money("Do piątku hodowcy otrzymali 21 mln zł odszkodowań.", "21 mln zł")
    assert (paid.money_for, paid.share_details) == ("compensation", ("paid",))
    # what reached the farmers, in either order of words
    reached = money("Do hodowców trafiło już 128 mln zł odszkodowań.", "128 mln zł")
    assert (reached.money_for, reached.share_details) == ("compensation", ("paid",))
    landed = money("Na konta rolników wpłynęło 70 mln zł odszkodowań.", "70 mln zł")
    assert landed.share_details == ("paid",)
    budget = money("Na odszkodowania resort zarezerwował w tym roku 140 mln zł.", "140 mln zł")
    assert (budget.money_for, budget.share_details) == ("compensation", ())
    pledged = money("Wojewoda zapowiada, że na zasiłki przeznaczy 3 mln zł.", "3 mln zł")
    assert (pledged.money_for, pledged.share_details) == ("benefit", ())


def test_money_of_a_case_or_a_firm_in_trouble_is_keyed() -> None:
    def purpose(sentence: str, mention: str) -> str | None:
        [context] = contexts(sentence, (mention, "other", "PLN"))
        return context.money_for

    assert purpose("Hakerzy żądają okupu w wysokości 2 mln zł.", "2 mln zł") == "ransom"
    assert purpose("Sąd wyznaczył kaucję 300 tys. zł.", "300 tys. zł") == "bail"
    assert purpose("Podejrzany wyszedł po wpłaceniu 80 tys. zł poręczenia majątkowego.", "80 tys. zł") == "bail"
    assert purpose("Na odprawy zakład zarezerwował 35 mln zł.", "35 mln zł") == "severance"
    assert purpose("Zadłużenie szpitala przekracza 70 mln zł.", "70 mln zł") == "debt"
    assert purpose("Zabezpieczone mienie jest warte 19 mln zł.", "19 mln zł") == "assets"
    assert purpose("Ubezpieczyciele szacują szkody na 40 mln zł.", "40 mln zł") == "losses"
    # Without a word of purpose an amount stays unkeyed: its own figure.
    assert purpose("Bilet na koncert kosztował wtedy 30 zł.", "30 zł") == "cost"
    assert purpose("Prezes zarabia 45 tys. zł.", "45 tys. zł") is None


def test_a_purpose_is_a_noun_not_a_preposition_or_adverb_that_reads_like_one() -> None:
    # `do` (the note), `od` (of `oda`), `dziś` (the present) are a preposition and an adverb here
    assert money_for("Bilet normalny zdrożeje z 4 zł do 5 zł.", "4 zł") is None
    assert money_for("Pielęgniarki dostaną 800 zł od października.", "800 zł") is None
    assert money_for("Dodatek wyniesie 800 zł od października.", "800 zł") == "dodatek"
    assert money_for("Najniższa emerytura to 1978 zł dziś, a od marca więcej.", "1978 zł") is None
    # the subject of `wynieść`, `sięgać`, past a preposition's object and not past a conjunction
    assert money_for("Wpływy od premiery sięgnęły 29,7 mln zł.", "29,7 mln zł") == "wpływy"
    assert money_for("Film obejrzało 1,7 mln widzów, a wpływy przekroczyły 47 mln zł.", "47 mln zł") == "wpływy"
    assert money_for("Gmina przekaże 300 tys. zł dotacji.", "300 tys. zł") == "dotacja"


def test_a_share_of_gdp_is_keyed_by_what_is_measured_against_gdp() -> None:
    def share(sentence: str, *mentions: str) -> list[str | None]:
        return [c.share_of for c in contexts(sentence, *((m, "other", "percent") for m in mentions))]

    assert share("Deficyt sektora finansów publicznych sięgnie w tym roku 7,1 proc. PKB.", "7,1 proc.") \
        == ["deficit-to-gdp"]
    assert share("Resort mówi o deficycie na poziomie 6,3 proc. PKB.", "6,3 proc.") == ["deficit-to-gdp"]
    assert share("Dług publiczny zbliża się do 60 proc. PKB.", "60 proc.") == ["debt-to-gdp"]
    # the next share of a list keeps what the one before it measured
    assert share("Deficyt wyniesie w tym roku 6,7 proc. PKB, a w przyszłym 6,2 proc. PKB.", "6,7 proc.",
                 "6,2 proc.") == ["deficit-to-gdp", "deficit-to-gdp"]
    # a deficit and a debt in one sentence are two quantities; a share of GDP that names nothing is GDP's alone
    assert share("Deficyt sięgnie 6,3 proc. PKB, a dług 59,8 proc. PKB.", "6,3 proc.", "59,8 proc.") \
        == ["deficit-to-gdp", "debt-to-gdp"]
    assert share("Projekt budżetu przewiduje 4,6 proc. PKB.", "4,6 proc.") == ["gdp"]
    assert share("Inflacja wyniosła 4,9 proc.", "4,9 proc.") == ["inflation"]
    assert share("Wskaźnik waloryzacji emerytur w marcu wyniesie 4,9 proc.", "4,9 proc.") == ["indexation"]


def test_a_pay_rise_in_per_cent_keeps_its_side_of_the_dispute() -> None:
    found = contexts("Związek domaga się podwyżki płac o 25 proc., zarząd proponuje 8 proc.", ("25 proc.", "other",
                     "percent"), ("8 proc.", "other", "percent"))
    assert "demanded" in found[0].share_details and "offered" in found[1].share_details
    # a rise nobody bargains over has no side
    assert not {"demanded", "offered", "agreed"} & set(
        contexts("Płace wzrosły w marcu o 6 proc.", ("6 proc.", "other", "percent"))[0].share_details)


def test_the_next_sum_of_a_list_naming_only_its_details_is_for_what_the_one_before_is() -> None:
    def money(sentence: str, *mentions: str) -> list[tuple[str | None, tuple[str, ...]]]:
        found = contexts(sentence, *((m, "other", "EUR") for m in mentions))
        return [(c.money_for, c.share_details) for c in found]

    assert money("Za litr benzyny trzeba dziś zapłacić średnio 2,09 euro, za olej napędowy 2,14 euro.",
                 "2,09 euro", "2,14 euro") == [("price", ("per litre", "petrol")), ("price", ("diesel", "per litre"))]
    assert "diesel" in money("Litr oleju napędowego kosztuje 1,68 euro.", "1,68 euro")[0][1]
    # a noun of its own between the sums may name another purpose; a change is a before and an after
    aid = money("Na pomoc dla powodzian rząd przeznaczył 30 mln euro, wydatki urzędu to 12 mln euro.",
                "30 mln euro", "12 mln euro")
    assert aid[0][0] == "aid" and aid[1][0] != "aid"
    assert money("Bilet miesięczny na wszystkie linie zdrożeje z 80 euro do 99 euro.", "80 euro", "99 euro")[1][0] \
        != "linia"


def test_a_budget_in_the_genitive_owns_the_sum_the_noun_before_it_names() -> None:
    assert money_for("Deficyt budżetu państwa po wrześniu wyniósł 171,3 mld zł.", "171,3 mld zł") == "deficit"
    assert money_for("Dochody budżetu wyniosły 498,6 mld zł.", "498,6 mld zł") == "revenue"
    # a budget that bore a cost owns none, and a budget alone is the budget
    assert money_for("Dwie tury wyborów kosztowały budżet miasta 420 tys. zł.", "420 tys. zł") == "budget"
    assert money_for("Rada przyjęła budżet w wysokości 30 mld zł.", "30 mld zł") == "budget"


def test_a_count_held_in_one_kind_of_place_or_taken_further_is_narrowed() -> None:
    def count(sentence: str, mention: str, measure: str = "cases") -> tuple[str, ...]:
        [context] = contexts(sentence, (mention, measure, None))
        return context.share_details

    assert count("W szpitalach przebywa 75 chorych.", "75") == ("in hospital",)
    assert count("W placówkach regionu leczonych jest 27 pacjentów.", "27") == ("in hospital",)
    assert count("Od początku roku zachorowało 40 osób.", "40") == ()
    assert count("W punktach noclegowych zostało jeszcze 300 osób.", "300", "displaced") == ("in shelters",)
    assert count("Zarzuty usłyszało 6 zatrzymanych.", "6", "captured") == ("charged",)
    # The event's total is not narrowed, and neither is a death toll counted in hospital.
    assert count("Od początku epidemii zachorowało 9 tys. osób.", "9 tys.") == ()
    assert count("Policja zatrzymała 20 osób.", "20", "captured") == ()
    assert count("W szpitalu zmarły 4 osoby.", "4", "killed") == ()


def test_people_brought_to_hospital_are_counted_among_those_in_it() -> None:
    def count(sentence: str, mention: str) -> tuple[str, ...]:
        [context] = contexts(sentence, (mention, "other", None))
        return context.share_details

    assert count("Do szpitali w Łomży i Zambrowie przewieziono 17 osób.", "17") == ("in hospital",)
    assert count("Na szpitalne oddziały ratunkowe trafiło w nocy 30 osób.", "30") == ("in hospital",)
    # Brought elsewhere, they are a transfer; a hospital's director is no place they are held.
    assert count("Do hotelu w Zakopanem przewieziono 40 turystów.", "40") == ("transferred",)
    assert count("Dyrektor szpitala poinformował, że przyjechało 12 ratowników.", "12") == ("arrived",)


def test_weapons_given_and_military_aid_are_one_purpose_apart_from_a_defence_budget() -> None:
    def purpose(sentence: str, mention: str, currency: str = "EUR") -> str | None:
        [context] = contexts(sentence, (mention, "supplied", currency))
        return context.money_for

    assert purpose("Kraj przekazał uzbrojenie o wartości 2 mld euro.", "2 mld euro") == "military aid"
    assert purpose("Łączna pomoc wojskowa sięga 5 mld euro.", "5 mld euro") == "military aid"
    assert purpose("Na obronność rząd wyda w tym roku 120 mld zł.", "120 mld zł", "PLN") == "defence"


def test_who_measured_a_share_holds_for_the_whole_sentence() -> None:
    first, second = contexts("Kandydat A zdobył 41 proc. głosów, a kandydat B 38 proc. – wynika z badania exit poll.",
                             ("41 proc.", "other", "percent"), ("38 proc.", "other", "percent"))
    assert "exit poll" in first.share_details and "exit poll" in second.share_details
    # A component named in a later clause stays that clause's.
    headline, fuel = contexts("Inflacja wyniosła 3,9 proc., a paliwa podrożały o 6 proc.",
                              ("3,9 proc.", "other", "percent"), ("6 proc.", "other", "percent"))
    assert "fuel" not in headline.share_details


def test_a_percentage_without_a_cue_is_a_share_of_what_the_one_before_it_is() -> None:
    first, second = contexts("Portal podał, że inflacja wyniosła 5,1 proc., ale urząd w komunikacie podał 4,8 proc.",
                             ("5,1 proc.", "other", "percent"), ("4,8 proc.", "other", "percent"))
    assert first.share_of == second.share_of == "inflation"
    # Not across sentences, and not from a number that is no percentage.
    [alone] = contexts("Urząd w komunikacie podał 4,8 proc.", ("4,8 proc.", "other", "percent"))
    assert alone.share_of is None
    count, share = contexts("Zatrudnienie znalazło 300 osób, czyli 12 proc.", ("300", "other", None),
                            ("12 proc.", "other", "percent"))
    assert share.share_of is None


def test_a_head_count_of_no_measure_is_narrowed_by_what_the_people_did_or_where_they_are() -> None:
    """Arrivals, a camp's occupants, transfers, a facility's capacity and those entitled to vote are
    different quantities when the claim layer gave them no measure (`other`)."""
    cases = (("W weekend na wyspę dotarło 2,4 tys. migrantów.", "2,4 tys.", ("arrived",)),
             ("Do portu przypłynęło w nocy 300 osób.", "300", ("arrived",)),
             ("W ośrodku przebywa obecnie 1,1 tys. osób.", "1,1 tys.", ("present",)),
             ("Władze przewiozły promami 800 osób na Sycylię.", "800", ("transferred",)),
             ("Hala jest przewidziana dla 500 osób.", "500", ("capacity",)),
             ("Uprawnionych do głosowania jest 91 tys. mieszkańców.", "91 tys.", ("eligible",)),
             # a place says where the stock is better than `przebywa`
             ("W szpitalach przebywa wciąż 12 osób.", "12", ("in hospital",)),
             # who travelled in a vehicle is its complement, however the trip is said
             ("Samolotem leciało 87 pasażerów i sześciu członków załogi.", "87", ("on board",)),
             ("W autokarze było 48 uczniów z Gniezna.", "48", ("on board",)),
             ("Łodzią płynęło co najmniej 40 migrantów.", "40", ("on board",)),
             # negatives: a vehicle named without the trip, or the trip without one
             ("Autokar zabrał z dworca 48 uczniów.", "48", ()),
             ("Na lotnisko przyleciało 87 turystów.", "87", ("arrived",)))
    for sentence, mention, expected in cases:
        [context] = contexts(sentence, (mention, "other", None))
        assert context.share_details == expected, sentence
    # Negatives: the verbs narrow nothing beside a measure, and a bare count is not narrowed.
    [wounded] = contexts("Do szpitala dotarło 5 rannych.", ("5", "wounded", None))
    assert "arrived" not in wounded.share_details
    [evacuated] = contexts("Ewakuowano 300 osób, które przewieziono do szkoły.", ("300", "displaced", None))
    assert "transferred" not in evacuated.share_details
    [march] = contexts("W marszu wzięło udział 90 tys. osób.", ("90 tys.", "other", None))
    assert march.share_details == ()


def test_a_time_named_only_by_reference_to_the_past_is_an_earlier_state() -> None:
    """`wtedy`, `przed rokiem`, `przed laty` before a number: an earlier event or period, a figure of
    its own, never compared with the story's current counts."""
    for sentence, mention in (("W tamtej katastrofie zginęło wtedy łącznie 16 osób.", "16"),
                              ("Przed rokiem w tym samym okresie przypłynęło 41 tys. osób.", "41 tys."),
                              ("Przed laty podobna powódź zabrała 50 ofiar.", "50"),
                              ("Rok wcześniej zachorowało 900 dzieci.", "900")):
        [context] = contexts(sentence, (mention, "killed", None))
        assert context.shift == "before", sentence
    for sentence, mention in (("Teraz w ośrodku przebywa 300 osób.", "300"),
                              ("W tym roku zginęło już 12 górników.", "12")):
        [context] = contexts(sentence, (mention, "killed", None))
        assert context.shift is None, sentence


def test_a_superlative_before_a_number_picks_one_unit_among_many() -> None:
    [district] = contexts("Najwyższą frekwencję, ponad 35 proc., odnotowano w jednym z osiedli.",
                          ("35 proc.", "other", "percent"))
    assert "highest" in district.share_details and district.share_of == "turnout"
    [city] = contexts("Najwięcej zachorowań, 420, zanotowano w dużym mieście.", ("420", "cases", None))
    assert city.share_details == ("most",)
    # Negatives: `co najmniej` is a bound, and a superlative after the number describes the number.
    [bound] = contexts("Zachorowało co najmniej 300 osób.", ("300", "cases", None))
    assert bound.share_details == ()
    [peak] = contexts("Inflacja wyniosła 18,4 proc. i był to najwyższy wynik od lat.",
                      ("18,4 proc.", "other", "percent"))
    assert "highest" not in peak.share_details


def test_a_number_followed_by_z_nich_is_a_part_of_the_count_before_it() -> None:
    whole, part = contexts("Pod ziemią było 19 górników. Dwunastu z nich wyszło o własnych siłach.",
                           ("19", "other", None), ("Dwunastu", "other", None))
    assert whole.part_of is None and part.part_of == 0
    _, among = contexts("Zatrzymano 40 osób. 12 spośród nich to nieletni.", ("40", "captured", None),
                        ("12", "captured", None))
    assert among.part_of == 0
    # Negative: `z nich` further on in the clause is no part cue for this number.
    _, later = contexts("Zatrzymano 40 osób. W piątek zatrzymano 12, a część z nich zwolniono.",
                        ("40", "captured", None), ("12", "captured", None))
    assert later.part_of is None


def test_people_living_in_camps_are_a_stock_in_shelters() -> None:
    [camp] = contexts("W obozach dla poszkodowanych mieszka 14 tys. osób.", ("14 tys.", "wounded", None))
    assert camp.share_details == ("in shelters",)


def test_a_count_since_a_start_is_started_unless_its_end_is_stated() -> None:
    [started] = contexts("Od początku epidemii, ogłoszonej w marcu, zachorowało 900 osób.", ("900", "cases", None))
    assert started.running and started.started
    [ended] = contexts("Od początku roku do końca czerwca zachorowało 700 osób.", ("700", "cases", None))
    [stated] = contexts("Od stycznia zachorowało 500 osób, według stanu na 30 czerwca.", ("500", "cases", None))
    [total] = contexts("Łącznie w marcu zachorowało 300 osób.", ("300", "cases", None))
    assert ended.running and not ended.started
    assert stated.running and not stated.started
    assert total.running and not total.started  # `łącznie` names no start


def test_a_relative_time_moves_a_share_too() -> None:
    now, earlier = contexts("Frekwencja wyniosła 70 proc., a tydzień wcześniej w pierwszej turze 66 proc.",
                            ("70 proc.", "other", "percent"), ("66 proc.", "other", "percent"))
    assert now.shift is None and earlier.shift == -7 and earlier.share_of == "turnout"
    [plain] = contexts("Frekwencja w pierwszej turze wyniosła 66 proc.", ("66 proc.", "other", "percent"))
    assert plain.shift is None


def test_the_speakers_own_region_is_named_by_an_area_word() -> None:
    [region] = contexts("Jak podał wojewoda, w regionie zginęło 5 osób.", ("5", "killed", None))
    [area] = contexts("Na terenie województwa uszkodzonych jest 900 budynków.", ("900", "destroyed", None))
    [town] = contexts("W Nysie zginęły 2 osoby.", ("2", "killed", None))
    assert region.own_area and area.own_area and not town.own_area


def test_those_who_voted_for_someone_are_a_share_of_votes() -> None:
    [voted] = contexts("Na kandydatkę Lewicy zagłosowało 6,2 proc. wyborców.", ("6,2 proc.", "other", "percent"))
    assert voted.share_of == "votes"
    [undecided] = contexts("Aż 18 proc. badanych nie wie jeszcze, na kogo zagłosuje.", ("18 proc.", "other", "percent"))
    assert undecided.share_of != "votes"  # a vote to come is no vote cast


def test_a_smaller_number_after_a_contrasting_a_is_a_parallel_item_not_a_breakdown() -> None:
    claims = claims_of("Związki mówią o 9 tys. strajkujących, a zarząd o 2,5 tys.", ("9 tys.", "other", None),
                       ("2,5 tys.", "other", None))
    claims[0].value, claims[1].value = 9000.0, 2500.0
    _, rival = article_contexts(claims)
    assert rival.part_of is None
    claims = claims_of("Resort podaje 30 zgonów, a cztery z nich w stolicy.", ("30", "killed", None),
                       ("cztery", "killed", None))
    claims[0].value, claims[1].value = 30.0, 4.0
    _, part = article_contexts(claims)
    assert part.part_of == 0


def test_the_verb_says_what_a_share_of_the_eligible_counts() -> None:
    [support] = contexts("Ze sztabu wynika, że odwołanie poparło 22 proc. wszystkich uprawnionych.",
                         ("22 proc.", "other", "percent"))
    [turnout] = contexts("Do urn poszło 27 proc. uprawnionych.", ("27 proc.", "other", "percent"))
    [recall] = contexts("Jak wynika z wyliczeń, burmistrza poparło 41 proc. wszystkich wyborców.",
                        ("41 proc.", "other", "percent"))
    assert (support.share_of, turnout.share_of, recall.share_of) == ("support", "turnout", "support")


def test_a_bare_percentage_at_another_stated_time_after_a_keyed_one_is_that_indicator() -> None:
    march = claims_of("Inflacja w marcu wyniosła 4,1 proc.", ("4,1 proc.", "other", "percent"))[0]
    february = claims_of("W lutym było to 4,4 proc.", ("4,4 proc.", "other", "percent"))[0]
    march.reference_time, march.reference_basis = "2025-03", "text"
    february.reference_time, february.reference_basis = "2025-02", "text"
    february.span = (60, 68)
    first, second = article_contexts([march, february])
    assert first.share_of == second.share_of == "inflation"
    undated = claims_of("Kandydat zdobył 54 proc.", ("54 proc.", "other", "percent"))[0]
    undated.span, undated.reference_basis = (60, 68), "published"
    _, other = article_contexts([march, undated])
    assert other.share_of is None


def test_military_equipment_and_weapons_given_are_military_aid() -> None:
    def purpose(sentence: str, mention: str) -> str | None:
        [context] = contexts(sentence, (mention, "supplied", "EUR"))
        return context.money_for

    assert purpose("Kraj przekazał sprzęt wojskowy wart 1,5 mld euro.", "1,5 mld euro") == "military aid"
    assert purpose("Dostawy broni o wartości 700 mln euro dotarły w marcu.", "700 mln euro") == "military aid"
    assert purpose("Kraj przekazał sprzęt medyczny wart 20 mln euro.", "20 mln euro") != "military aid"


def test_an_opened_part_finds_its_whole_a_few_figures_back() -> None:
    first = claims_of("W katastrofie zginęło pięć osób, a 52 zostały ranne.", ("pięć", "killed", None),
                      ("52", "wounded", None))
    second = claims_of("Wśród zabitych jest jeden Polak.", ("jeden", "killed", None))
    second[0].span = (60, 65)  # the sentence after the first one
    _, _, pole = article_contexts(first + second)
    assert pole.part_of == 0
    # Negative: no earlier figure of its measure, no whole.
    wounded = claims_of("Rannych zostało 52 osoby.", ("52", "wounded", None))
    assert article_contexts(wounded + second)[1].part_of is None


def test_a_stretch_of_the_calendar_before_the_number_is_read_with_its_kind() -> None:
    for sentence, mention, kind in (
            ("W ciągu ostatnich dziesięciu lat w lawinach zginęło 19 osób.", "19", "past"),
            ("Na przestrzeni ostatnich 20 lat odnotowano 300 zgonów.", "300", "past"),
            ("W minionej dekadzie utonęło 41 osób.", "41", "past"),
            ("Od początku sezonu w górach zginęło już sześć osób.", "sześć", "calendar"),
            ("Od października straż odnotowała 13 580 prób.", "13 580", "calendar"),
            ("W tym roku zachorowało 2150 osób.", "2150", "calendar")):
        [context] = contexts(sentence, (mention, "killed", None))
        assert context.span is not None and context.span[0] == kind, sentence


def test_no_stretch_after_the_number_or_in_a_word_that_only_starts_like_one() -> None:
    for sentence, mention in (("Zginęło 19 osób w ciągu ostatnich dziesięciu lat.", "19"),
                              ("W ciągu ostatniej doby zginęły 4 osoby.", "4"),
                              ("W powodzi od Kłodzka po Nysę zginęło 7 osób.", "7"),
                              ("Przez ostatnią noc ewakuowano 300 osób.", "300")):
        [context] = contexts(sentence, (mention, "killed", None))
        assert context.span is None, sentence


def test_a_pay_rise_is_keyed_by_the_stage_of_the_dispute_that_names_it() -> None:
    for sentence, mention, detail in (
            ("Związkowcy domagają się podwyżki o 1,5 tys. zł brutto miesięcznie.", "1,5 tys. zł", ("demanded",)),
            ("Resort podtrzymuje ofertę podwyżki o 450 zł od września.", "450 zł", ("offered",)),
            ("Dyrekcja przedstawiła nową propozycję: 900 zł brutto podwyżki.", "900 zł", ("offered",)),
            ("Strony podpisały porozumienie: podwyżka wyniesie 1,2 tys. zł.", "1,2 tys. zł", ("agreed",)),
            ("Będzie 1,2 tys. zł podwyżki w dwóch ratach", "1,2 tys. zł", ())):
        [context] = contexts(sentence, (mention, "other", "PLN"))
        assert (context.money_for, context.share_details) == ("pay rise", detail), sentence
    [elsewhere] = contexts("Budżet gminy wzrósł o 2 mln zł.", ("2 mln zł", "other", "PLN"))
    assert elsewhere.money_for == "budget" and elsewhere.share_details == ()


def valued(sentence: str, unit: str | None, *numbers: tuple[str, float]) -> list[ClaimContext]:
    """Contexts of numbers of one measure with their values, in one sentence."""
    found = claims_of(sentence, *[(mention, "other", unit) for mention, _ in numbers])
    return article_contexts([replace(c, value=v) for c, (_, v) in zip(found, numbers, strict=True)])


def test_numbers_listed_after_a_number_that_add_up_to_it_are_its_parts() -> None:
    whole, may, september = valued("Nauczyciele dostaną 800 zł podwyżki: 500 zł od maja i 300 zł od września.",
                                   "PLN", ("800 zł", 800), ("500 zł", 500), ("300 zł", 300))
    assert whole.part_of is None and may.part_of == 0 and september.part_of == 0
    _, poles, germans = valued("Zatrzymano 10 osób (6 Polaków i 4 Niemców).", None, ("10", 10), ("6", 6), ("4", 4))
    assert poles.part_of == 0 and germans.part_of == 0
    # They do not add up, or no list opens before them (`w tym roku` is a time, not `w tym`).
    _, first, _ = valued("Podwyżka wyniesie 800 zł: 500 zł od maja i 450 zł od września.", "PLN",
                         ("800 zł", 800), ("500 zł", 500), ("450 zł", 450))
    assert first.part_of is None
    _, this_year, _ = valued("W 2023 r. zatrzymano 10 osób, w tym roku 6 i 4 w sąsiednim powiecie.", None,
                             ("10", 10), ("6", 6), ("4", 4))
    assert this_year.part_of is None


def in_sentences(text: str, *numbers: tuple[str, float]) -> list[ClaimContext]:
    """Contexts of killed counts (mention, value) in an article of several sentences, in text order."""
    found, cursor, sentences = [], 0, {}
    for mention, value in numbers:
        start = text.index(mention, cursor)
        cursor = start + len(mention)
        first = text.rfind(". ", 0, start)
        first = 0 if first < 0 else first + 2
        sentence = sentences.setdefault(first, text[first:text.find(".", cursor) + 1])  # one object a sentence
        found.append(Claim(article="a", span=(start, cursor), mention=mention, value=value, measure="killed",
                           sentence=sentence, published="2024-09-18"))
    return article_contexts(found)


def test_numbers_of_the_next_sentence_that_add_up_to_a_number_are_its_parts() -> None:
    text = "Władze poinformowały o czterech ofiarach. Dwie osoby znaleziono w autach, dwie kolejne zginęły na dachach."
    whole, cars, roofs = in_sentences(text, ("czterech", 4), ("Dwie", 2), ("dwie", 2))
    assert whole.part_of is None and cars.part_of == 0 and roofs.part_of == 0
    # Not when they do not add up, nor when the whole's sentence goes on with a number after it
    _, first, _ = in_sentences("Zginęły cztery osoby. Dwie osoby zginęły w autach, trzy na dachach.",
                               ("cztery", 4), ("Dwie", 2), ("trzy", 3))
    assert first.part_of is None
    _, _, later, _ = in_sentences("Zginęło sześć osób, rannych jest cztery. Dwie zmarły w aucie, dwie na dachu.",
                                  ("sześć", 6), ("cztery", 4), ("Dwie", 2), ("dwie", 2))
    assert later.part_of == 1


def in_two_sentences(first: str, second: str, *numbers: tuple[str, str | None, int]) -> list[ClaimContext]:
    """Contexts of (mention, unit, which sentence: 0 or 1) in two sentences of one article."""
    found = []
    for mention, unit, which in numbers:
        sentence = (first, second)[which]
        offset = 0 if which == 0 else len(first) + 1
        start = sentence.index(mention)
        found.append(Claim(article="a", span=(offset + start, offset + start + len(mention)), mention=mention,
                           value=float(len(found) + 10), measure="other", unit=unit, sentence=sentence,
                           published="2024-09-18"))
    return article_contexts(found)


def test_a_rival_report_restates_the_sum_before_past_a_count_of_another_unit() -> None:
    first = "Wpływy wyniosły według dystrybutora 17,9 mln zł."
    cited = "Portal branżowy podaje jednak 548 tys. widzów i 15,6 mln zł."
    sales, viewers, rival = in_two_sentences(first, cited, ("17,9 mln zł", "PLN", 0), ("548 tys.", None, 1),
                                          ("15,6 mln zł", "PLN", 1))
    assert sales.money_for == rival.money_for == "wpływy" and rival.restates == 0 and viewers.restates is None
    # no word of citing or estimating: a sum of its own
    earned = "Film obejrzało 548 tys. widzów, a kina zarobiły 15,6 mln zł."
    _, _, own = in_two_sentences(first, earned, ("17,9 mln zł", "PLN", 0), ("548 tys.", None, 1),
                              ("15,6 mln zł", "PLN", 1))
    assert own.restates is None and own.money_for != "wpływy"


@pytest.mark.parametrize("sentence, mention, kind", [
    ("Film obejrzało w weekend otwarcia 612 tys. widzów.", "612 tys.", "opening"),
    ("W pierwszej dobie ewakuowano 500 osób.", "500", "opening"),
    ("W pierwszym tygodniu zachorowało 40 osób.", "40", "opening"),
    ("W pierwszym tygodniu stycznia zachorowało 40 osób.", "40", None),  # a week of a month, a date
    ("Od premiery film obejrzało 1,74 mln widzów.", "1,74 mln", None),
])
def test_the_first_stretch_after_an_events_start_is_a_span_of_its_own(sentence: str, mention: str,
                                                                       kind: str | None) -> None:
    [context] = contexts(sentence, (mention, "other", None))
    assert (context.span[0] if context.span else None) == kind


def test_a_rival_count_just_after_restates_it() -> None:
    first = "Film obejrzało w weekend otwarcia 612 tys. widzów."
    rival, alone = "Portal branżowy podaje jednak 548 tys. widzów.", "W kinach było 548 tys. widzów."
    assert in_two_sentences(first, rival, ("612 tys.", None, 0), ("548 tys.", None, 1))[1].restates == 0
    assert in_two_sentences(first, alone, ("612 tys.", None, 0), ("548 tys.", None, 1))[1].restates is None


def test_what_passed_or_reached_a_sum_is_what_it_is_of() -> None:
    [passed] = contexts("Łączne wpływy przekroczyły 47 mln zł.", ("47 mln zł", "other", "PLN"))
    assert passed.money_for == "wpływy"


def test_an_earlier_time_holds_past_a_number_of_another_measure_but_not_of_its_own() -> None:
    _, toll = contexts("Nawałnica zaskoczyła wtedy setki żeglarzy na jeziorach, zginęło 12 osób.",
                       ("setki", "other", None), ("12", "killed", None))
    assert toll.shift == "before"
    _, today = contexts("Wtedy mówiono o 5 ofiarach, dziś o 7.", ("5", "killed", None), ("7", "killed", None))
    assert today.shift is None


def test_a_count_that_refers_back_keeps_the_stock_it_refers_to() -> None:
    first = "W szpitalach przebywa 240 chorych na grypę."
    second = "Tydzień wcześniej było ich ponad 300."
    claims = claims_of(first, ("240", "cases", None)) + [
        replace(c, span=(100, 103)) for c in claims_of(second, ("300", "cases", None))]
    now, before = article_contexts(claims)
    assert now.share_details == ("in hospital",) and before.share_details == ("in hospital",)
    # A count of its own in the next sentence is not the stock.
    other = [replace(c, span=(100, 103)) for c in claims_of("Od początku sezonu zachorowało 300 osób.",
                                                            ("300", "cases", None))]
    _, total = article_contexts(claims_of(first, ("240", "cases", None)) + other)
    assert total.share_details == ()


def test_those_left_without_a_utility_are_a_stock_of_their_own() -> None:
    [cut] = contexts("Po nawałnicy tysiące domów zostało bez prądu.", ("tysiące", "other", None))
    assert cut.share_details == ("without power",)
    [damaged] = contexts("Wichura uszkodziła 300 domów.", ("300", "destroyed", None))
    assert damaged.share_details == ()


def test_the_next_estimate_of_a_sum_is_of_what_that_sum_is_for() -> None:
    first = "Izba rolnicza wycenia straty na 300 mln zł."
    second = "Resort ocenia je na 180 mln zł."
    claims = claims_of(first, ("300 mln zł", "other", "PLN")) + [
        replace(c, span=(60, 70), value=180e6) for c in claims_of(second, ("180 mln zł", "other", "PLN"))]
    claims[0] = replace(claims[0], value=300e6)
    chamber, ministry = article_contexts(claims)
    assert chamber.money_for == ministry.money_for == "losses"
    # A sum put to a use of its own, or of another size, is not that estimate.
    used = [replace(c, span=(60, 70), value=250e6) for c in claims_of("Dodatkowo 250 mln zł trafi do rodzin.",
                                                                       ("250 mln zł", "other", "PLN"))]
    assert article_contexts([claims[0], *used])[1].money_for is None
    small = [replace(c, span=(60, 70), value=20e3) for c in claims_of("Resort podał też 20 tys. zł.",
                                                                      ("20 tys. zł", "other", "PLN"))]
    assert article_contexts([claims[0], *small])[1].money_for is None


def test_a_count_taken_from_a_whole_its_preposition_names_is_its_part() -> None:
    def valued(sentence: str, *numbers: tuple[str, str, str | None, float]) -> list[ClaimContext]:
        claims = claims_of(sentence, *(n[:3] for n in numbers))
        return article_contexts([replace(c, value=n[3]) for c, n in zip(claims, numbers, strict=True)])

    whole, part = valued("Według wywiadu z 12 tys. żołnierzy przebywających w Rosji na front trafiło 9 tys.",
                         ("12 tys.", "deployed", None, 12000), ("9 tys.", "deployed", None, 9000))
    assert part.part_of == 0 and whole.part_of is None
    # `z 820 do 690`: a change, not a part; a share of the whole is no count of it.
    _, changed = valued("Spółka zmniejszyła liczbę zwolnień z 820 do 690 osób.", ("820", "other", None, 820),
                        ("690", "other", None, 690))
    assert changed.part_of is None or changed.part_locus == "change"
    _, share = valued("Pracę straci 820 osób spośród 2,3 tys. zatrudnionych, czyli 36 proc. załogi.",
                      ("2,3 tys.", "other", None, 2300), ("36 proc.", "other", "percent", 36))
    assert share.part_of is None


def test_people_pulled_from_the_water_are_rescued_not_the_toll() -> None:
    [rescued] = contexts("Ratownicy wyciągnęli z wody 28 osób.", ("28", "other", None))
    assert rescued.share_details == ("rescued",)
    [dead] = contexts("Z wody wyłowiono ciała trzech osób.", ("trzech", "killed", None))
    assert dead.share_details == ()


def test_a_change_a_few_numbers_after_the_count_it_adds_to_is_its_part() -> None:
    toll = claims_of("W kopalni zginęło trzech górników.", ("trzech", "killed", None))
    other = [replace(c, span=(60, 62)) for c in claims_of("Rannych jest 14.", ("14", "wounded", None))]
    more = [replace(c, span=(120, 124)) for c in claims_of("Ratownicy odnaleźli ciała dwóch kolejnych górników.",
                                                           ("dwóch", "killed", None))]
    contexts_ = article_contexts(toll + other + more)
    assert (contexts_[2].part_of, contexts_[2].part_locus) == (0, "change")
    # Without an earlier count of its measure it is a count of its own.
    alone = article_contexts(other + more)
    assert alone[1].part_of is None


def test_a_price_rise_of_a_good_is_not_inflation() -> None:
    def share(sentence: str, mention: str) -> str | None:
        [context] = contexts(sentence, (mention, "other", "percent"))
        return context.share_of

    assert share("Od stycznia woda podrożeje o 12 proc.", "12 proc.") == "price rise"
    assert share("Bilety będą droższe o 9 proc.", "9 proc.") == "price rise"
    assert share("Ceny w sklepach wzrosły w maju o 4 proc.", "4 proc.") == "inflation"
    assert share("Płace wzrosły o 7 proc.", "7 proc.") == "wages"


def test_a_bare_rise_in_percent_is_a_price_rise_unless_its_clause_names_a_count() -> None:
    def share(sentence: str, mention: str) -> str | None:
        [context] = contexts(sentence, (mention, "other", "percent"))
        return context.share_of

    # A rise that names nothing else it is a share of: a tariff, a fee, a price going up.
    assert share("Zdaniem magistratu oznacza to wzrost o 14 proc.", "14 proc.") == "price rise"
    assert share("Radni z opozycji wyliczyli, że podwyżka wyniesie 27 proc.", "27 proc.") == "price rise"
    assert share("Miesięczny rachunek emeryta wzrośnie o 9 proc. – przekonywał burmistrz.", "9 proc.") == "price rise"
    assert share("– Nie będzie podwyżki o 35 proc. – uciął wiceprezydent.", "35 proc.") == "price rise"
    # A share the clause names still wins; a clause naming a count is no price rise.
    assert share("Płace w spółce wzrosną o 6 proc.", "6 proc.") == "wages"
    assert share("Liczba zakażeń wzrosła w tydzień o 30 proc.", "30 proc.") is None
    assert share("Ruch na przejściu wzrósł o 12 proc.", "12 proc.") is None
    # A rise in another clause of the sentence is not this number's.
    assert share("Opłaty wzrosły, a w sondażu 41 proc. badanych jest przeciw.", "41 proc.") != "price rise"


def test_damages_losses_collections_and_aid_to_people_struck_are_purposes() -> None:
    def purpose(sentence: str, mention: str) -> str | None:
        [context] = contexts(sentence, (mention, "other", "PLN"))
        return context.money_for

    assert purpose("Przewoźnik odłożył 3 mln zł na rekompensaty dla pasażerów.", "3 mln zł") == "compensation"
    assert purpose("Rodziny żądają 400 tys. zł zadośćuczynienia.", "400 tys. zł") == "compensation"
    assert purpose("Inspektorzy wyceniają zniszczenia hali na 7 mln zł.", "7 mln zł") == "losses"
    assert purpose("Spółka: przez strajk straciliśmy 3 mln zł.", "3 mln zł") == "losses"
    assert purpose("Wojewoda obiecał 2 mln zł dla pogorzelców.", "2 mln zł") == "aid"
    assert purpose("Na portalu zrzutkowym zebrano już 210 tys. zł.", "210 tys. zł") == "fundraiser"
    assert purpose("Ratusz chce podnieść cenę biletu do 6 zł.", "6 zł") == "price"
    # Money given to a firm, or a sum with no word of purpose, stays unkeyed.
    assert purpose("Kontrakt o wartości 9 mln zł trafi do firmy z Radomia.", "9 mln zł") is None
    assert purpose("Prezes zarobił w ubiegłym roku 900 tys. zł.", "900 tys. zł") is None


def test_a_sum_per_unit_of_a_thing_is_a_rate_kept_apart_by_its_unit() -> None:
    def keyed(sentence: str, mention: str) -> tuple[str | None, tuple[str, ...]]:
        [context] = contexts(sentence, (mention, "other", "PLN"))
        return context.money_for, context.share_details

    # With no purpose named it is a price per its unit; aid per hectare is not the aid's total.
    assert keyed("Rolnik twierdzi, że dostał 250 zł za hektar.", "250 zł") == ("price", ("paid", "per hectare"))
    assert keyed("Skup płaci dziś 820 zł za tonę żyta.", "820 zł") == ("price", ("per tonne",))
    assert keyed("Pomoc wyniesie 1,5 tys. zł na hektar upraw.", "1,5 tys. zł") == ("aid", ("per hectare",))
    # A sum with no unit after it is no rate.
    assert keyed("Skup zapłacił rolnikom 820 tys. zł.", "820 tys. zł")[0] is None


def test_people_tested_are_not_the_cases_found_among_them() -> None:
    def count(sentence: str, mention: str, measure: str = "other") -> tuple[str, ...]:
        [context] = contexts(sentence, (mention, measure, None))
        return context.share_details

    assert count("Łącznie przebadano ok. 900 pacjentów.", "900") == ("tested",)
    assert count("Wymazy pobrano już od 150 osób.", "150") == ("tested",)
    assert count("Badaniom przesiewowym poddano 420 pracowników.", "420") == ("tested",)
    assert count("Bakterię potwierdzono u 21 pacjentów.", "21", "cases") == ()


def test_trips_cancelled_delayed_or_running_are_counts_of_their_own() -> None:
    def count(sentence: str, mention: str) -> tuple[str, ...]:
        [context] = contexts(sentence, (mention, "other", None))
        return context.share_details

    assert count("Do południa odwołano 180 pociągów.", "180") == ("cancelled",)
    assert count("Ponad 300 pociągów jechało z opóźnieniem.", "300") == ("delayed",)
    assert count("Przez węzeł przejeżdża w ciągu doby 900 pociągów.", "900") == ("running",)
    assert count("W weekend do Zakopanego dotarło 40 pociągów.", "40") == ("arrived",)


def test_a_sum_is_for_the_noun_its_sentence_puts_it_to() -> None:
    def purpose(sentence: str, mention: str) -> str | None:
        [context] = contexts(sentence, (mention, "other", "PLN"))
        return context.money_for

    # `na` with a noun in the accusative, after the sum or earlier in its stretch (adjectives between).
    assert purpose("Gmina przeznaczy 600 tys. zł na remont szkoły.", "600 tys. zł") == "remont"
    assert purpose("Na nowe karetki szpital wyda w tym roku 4 mln zł.", "4 mln zł") == "karetka"
    assert purpose("Spółka zapowiada, że na osuszanie piwnic, które zalała woda, da 120 tys. zł.",
                   "120 tys. zł") == "osuszanie"
    # A noun in the genitive right after the sum; the subject of `wynieść` or `sięgać` just before it.
    assert purpose("Urząd wypłacił już 2 mln zł dotacji.", "2 mln zł") == "dotacja"
    assert purpose("Jak wyliczył zarząd, zyski spółki sięgnęły 40 mln zł.", "40 mln zł") == "zysk"
    assert purpose("Koszty akcji mogą sięgnąć 5 mln zł.", "5 mln zł") == "cost"  # money_for.tsv first
    # Nouns of time, amount, place or a rate's unit, and words that are no nouns, name no purpose.
    assert purpose("Miasto zaplanowało 3 mln zł na przyszły rok.", "3 mln zł") is None
    assert purpose("Faktura opiewa na kwotę 80 tys. zł.", "80 tys. zł") is None
    assert purpose("Prezes zarabia 40 tys. zł miesięcznie.", "40 tys. zł") is None
    assert purpose("Na konferencji wojewoda mówił o 2 mln zł.", "2 mln zł") is None
    assert purpose("Pieniądze, 5 mln zł, trafią na konto fundacji.", "5 mln zł") is None
    assert purpose("W sumie wyniosło to 70 tys. zł.", "70 tys. zł") is None


def test_a_correction_or_a_counter_offer_is_of_what_the_sum_before_is_for() -> None:
    def purposes(first: str, first_mention: str, first_value: float, second: str, second_mention: str,
                 second_value: float) -> tuple[str | None, str | None]:
        one = [replace(c, value=first_value) for c in claims_of(first, (first_mention, "other", "PLN"))]
        two = [replace(c, span=(len(first) + 1 + c.span[0], len(first) + 1 + c.span[1]), value=second_value)
               for c in claims_of(second, (second_mention, "other", "PLN"))]
        a, b = article_contexts(one + two)
        return a.money_for, b.money_for

    assert purposes("Wcześniej podaliśmy, że zwroty wyniosły 4,1 mln zł.", "4,1 mln zł", 4.1e6,
                    "Chodzi o 1,4 mln zł.", "1,4 mln zł", 1.4e6) == ("zwrot", "zwrot")
    assert purposes("Resort zaproponował 500 mln zł dopłat.", "500 mln zł", 5e8,
                    "Protestujący chcą 1,2 mld zł.", "1,2 mld zł", 1.2e9) == ("subsidy", "subsidy")
    # A sum after it that restates nothing, or is of another size, keeps no purpose.
    assert purposes("Resort zaproponował 500 mln zł dopłat.", "500 mln zł", 5e8,
                    "Spółka zarobiła 1,2 mld zł.", "1,2 mld zł", 1.2e9) == ("subsidy", None)
    assert purposes("Resort zaproponował 500 mln zł dopłat.", "500 mln zł", 5e8,
                    "Protestujący chcą 90 mld zł.", "90 mld zł", 9e10) == ("subsidy", None)


def test_a_rate_is_per_one_unit_not_per_many() -> None:
    [one] = contexts("Przewoźnik oddaje 12 zł za bilet.", ("12 zł", "other", "PLN"))
    assert one.share_details == ("per ticket",)
    [many] = contexts("Przewoźnik oddał 1,4 mln zł zwrotów za bilety.", ("1,4 mln zł", "other", "PLN"))
    assert (many.money_for, many.share_details) == ("zwrot", ())


def test_a_count_per_unit_of_time_or_land_is_a_rate() -> None:
    def count(sentence: str, mention: str, measure: str = "other") -> tuple[str, ...]:
        [context] = contexts(sentence, (mention, measure, None))
        return context.share_details

    assert count("W tym roku zbieram 3 tony pszenicy z hektara.", "3") == ("per hectare",)
    assert count("Kopalnia wydobywała 8 tys. ton węgla na dobę.", "8 tys.") == ("per day",)
    assert count("Na granicy czeka dziennie 900 ciężarówek.", "900") == ("per day",)
    # A total, or a toll, is no rate (the dead are counted whatever the sentence adds).
    assert count("W tym roku zebrałem 30 ton pszenicy.", "30") == ()
    assert count("Na drogach ginie dziennie 6 osób.", "6", "killed") == ()


def test_people_who_claim_something_are_counted_apart() -> None:
    def count(sentence: str, mention: str) -> tuple[str, ...]:
        [context] = contexts(sentence, (mention, "other", None))
        return context.share_details

    assert count("Pełnomocnik mówi, że 46 gości domaga się zadośćuczynienia.", "46") == ("claiming",)
    assert count("Pozew zbiorowy złożyło już 30 rodzin.", "30") == ("claiming",)
    assert count("Na weselu było 150 gości.", "150") == ()


def test_a_run_off_is_a_vote_of_its_own() -> None:
    def details(sentence: str, mention: str) -> tuple[str | None, tuple[str, ...]]:
        [context] = contexts(sentence, (mention, "other", "percent"))
        return context.share_of, context.share_details

    assert details("W drugiej turze frekwencja wyniosła 41,2 proc.", "41,2 proc.") == ("turnout", ("round 2",))
    assert details("Frekwencja w dogrywce sięgnęła 39 proc.", "39 proc.") == ("turnout", ("round 2",))
    # The first round is the vote itself, named or not.
    assert details("W pierwszej turze frekwencja wyniosła 44 proc.", "44 proc.") == ("turnout", ())
    assert details("Do godz. 17 frekwencja wyniosła 30,5 proc.", "30,5 proc.") == ("turnout", ())


def test_an_exit_poll_is_of_votes_and_an_appeal_is_funded_in_a_share() -> None:
    def share(sentence: str, mention: str) -> str | None:
        [context] = contexts(sentence, (mention, "other", "percent"))
        return context.share_of

    assert share("Exit poll: Nowak 41,5 proc.", "41,5 proc.") == "votes"
    assert share("Według OCHA apel jest sfinansowany zaledwie w 18 proc.", "18 proc.") == "funded"
    assert share("Z kraju wyjechało 18 proc. lekarzy.", "18 proc.") is None


@pytest.mark.parametrize("second", ["Komisja miejska mówi o 12,4 proc.",
                                    "Opozycja przekonuje, że jej mężowie zaufania naliczyli 12,4 proc."])
def test_a_share_cited_or_corrected_next_is_of_what_the_share_before_is_of(second: str) -> None:
    first = "Do południa frekwencja wyniosła 11,2 proc."
    claims = claims_of(first, ("11,2 proc.", "other", "percent")) + [
        replace(c, span=(len(first) + 1 + c.span[0], len(first) + 1 + c.span[1]))
        for c in claims_of(second, ("12,4 proc.", "other", "percent"))]
    turnout, cited = article_contexts(claims)
    assert turnout.share_of == cited.share_of == "turnout"
    # A share next to it that cites nothing is not that share.
    other = [replace(c, span=(len(first) + 1 + c.span[0], len(first) + 1 + c.span[1]))
             for c in claims_of("Aż 12,4 proc. kart było nieważnych.", ("12,4 proc.", "other", "percent"))]
    assert article_contexts(claims[:1] + other)[1].share_of != "turnout"


_PHRASES = ["w tym", "w tym roku", "w", "wśród", "od początku", "od", "z czego", "z", "ż", "spośród nich"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6),
       st.lists(st.sampled_from([*_PHRASES, " ", "x", "a", ",", "\n", "tym"]), max_size=30).map("".join))
def test_a_cue_pattern_matches_as_its_alternation_longest_first(phrases: list[str], text: str) -> None:
    """`_pattern` builds a trie: the same matches as the alternation of its phrases, longest first."""
    from kronika.reconcile.context import _pattern, _whole_words

    ordered = sorted(set(phrases), key=len, reverse=True)
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + ")")
    whole = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\w)")
    for fast, slow in ((_pattern(phrases), plain), (_whole_words(phrases), whole)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
        assert [bool(fast.match(text, k)) for k in range(len(text))] == [bool(slow.match(text, k))
                                                                         for k in range(len(text))]


def _percent(sentence: str, *mentions: str) -> list[Claim]:
    return claims_of(sentence, *((m, "other", "percent") for m in mentions))


def test_a_list_of_results_goes_on_with_the_articles_share_of_votes() -> None:
    stated = _percent("Na zwycięską partię zagłosowało 24,1 proc. wyborców.", "24,1 proc.")
    brackets = _percent("Do Sejmu wchodzą też Nowa Lewica (9,3 proc.) i PSL (7,8 proc.).", "9,3 proc.", "7,8 proc.")
    colon = _percent("Wyniki z 99 proc. komisji: Demokraci 31,2 proc., Zieloni 12 proc.", "31,2 proc.", "12 proc.")
    verb = _percent("W nocy Ruch Narodowy miał 6,1 proc., a Unia 5,2 proc.", "6,1 proc.", "5,2 proc.")
    found = article_contexts(brackets + stated + colon + verb)  # a list before the stated share takes it too
    assert [c.share_of for c in found] == ["votes"] * 7
    poll = article_contexts(stated + _percent("Pracownia Opinia daje Zielonym 14 proc.", "14 proc."))
    assert poll[1].share_of == "support"  # what a poll gives a party is support, not votes cast


def test_no_list_of_results_without_a_holder_or_a_share_of_votes() -> None:
    stated = _percent("Na zwycięską partię zagłosowało 24,1 proc. wyborców.", "24,1 proc.")
    # a place after its preposition, a sentence opener, a number with words between it and the name
    others = (_percent("Najwięcej paczek doszło na Słowacji (12 proc.).", "12 proc.")
              + _percent("Około 5 proc. lokali otwarto z opóźnieniem.", "5 proc.")
              + _percent("Sztab Unii liczy, że przekroczy 8 proc.", "8 proc."))
    assert [c.share_of for c in article_contexts(stated + others)][1:] == [None, None, None]
    # ... nor in an article that states no share of votes or support
    alone = article_contexts(_percent("Do Sejmu wchodzą też Nowa Lewica (9,3 proc.) i PSL (7,8 proc.).",
                                      "9,3 proc.", "7,8 proc."))
    assert [c.share_of for c in alone] == [None, None]


def test_fines_in_total_and_per_head_are_two_amounts() -> None:
    [total] = contexts("Łączna kwota nałożonych grzywien przekroczyła 1,2 mln lari.", ("1,2 mln lari", "other", "GEL"))
    [each] = contexts("Grzywna wynosi zwykle pięć tysięcy lari od osoby.", ("pięć tysięcy lari", "other", "GEL"))
    [usual] = contexts("Standardowa kara to 5 tys. lari grzywny.", ("5 tys. lari", "other", "GEL"))
    assert total.money_for == each.money_for == usual.money_for == "fine"
    assert total.share_details == () and each.share_details == usual.share_details == ("per recipient",)


def test_a_whole_named_first_takes_no_detail_of_its_parts_predicate() -> None:
    # `z 52 rannych w szpitalach pozostaje 9`: the hospital is where the 9 are, not the 52
    whole, part = contexts("Resort podał, że z 52 rannych w szpitalach pozostaje jeszcze 9 osób.",
                           ("52", "wounded", None), ("9", "other", None))
    assert whole.share_details == () and part.share_details == ("in hospital",)
    # negatives: a count that opens no partition keeps the details after it; so does a lone `z` number
    [stock] = contexts("Rannych jest 52 w szpitalach w La Paz.", ("52", "wounded", None))
    assert stock.share_details == ("in hospital",)
    [alone] = contexts("Z 52 rannych w szpitalach pozostają wszyscy.", ("52", "wounded", None))
    assert alone.share_details == ("in hospital",)


def test_claims_read_back_with_equal_not_identical_sentences_have_the_same_contexts() -> None:
    # Extraction gives the claims of one sentence one string; claims read from the ledger hold equal
    # strings, one each. A summed list of parts must be found either way.
    sentence = "Do szpitali trafiło 12 rannych: 7 w Gdańsku, 3 w Sopocie i 2 w Gdyni."
    extracted = claims_of(sentence, ("12", "wounded", None), ("7", "wounded", None), ("3", "wounded", None),
                          ("2", "wounded", None))
    for claim, value in zip(extracted, (12.0, 7.0, 3.0, 2.0), strict=True):
        claim.value = value
    read_back = [replace(c, sentence="".join(list(c.sentence))) for c in extracted]
    assert read_back[0].sentence is not read_back[1].sentence
    found = article_contexts(extracted)
    assert [c.part_of for c in found] == [None, 0, 0, 0]
    assert article_contexts(read_back) == found
