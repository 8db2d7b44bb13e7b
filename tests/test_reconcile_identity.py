"""Figure identity: claims meet only on positive shared identity, inside their story unless they are one
actor's running total; parts, denials and shares are keyed by what they are. Sentences are our own."""
from __future__ import annotations

import pytest

from kronika.claim import Claim
from kronika.reconcile.identity import assign_figures


def claim(article: str, sentence: str, mention: str, value: float, **fields: object) -> Claim:
    start = sentence.index(mention)
    record: dict[str, object] = {"article": article, "span": (start, start + len(mention)), "mention": mention,
                                 "value": value, "measure": "killed", "subject": "osoba", "sentence": sentence,
                                 "published": "2024-09-18"}
    record.update(fields)
    return Claim(**record)  # type: ignore[arg-type]


FLOOD_A = claim("flood-a", "W powodzi zginęło 7 osób.", "7", 7, place="Kłodzko")
FLOOD_B = claim("flood-b", "Bilans powodzi: zginęło 8 osób.", "8", 8, place="Kłodzko")
BORDER = claim("border", "Na granicy zginęło 5 osób.", "5", 5)


def test_incident_figures_stay_inside_their_story() -> None:
    stories = {"flood-a": "story:flood", "flood-b": "story:flood", "border": "story:border"}
    flood_a, flood_b, border = assign_figures([FLOOD_A, FLOOD_B, BORDER], stories)
    assert flood_a.key == flood_b.key and flood_a.key.story == "story:flood"
    assert border.key != flood_a.key  # no place is no wildcard across stories
    assert border.key.scope == "incident"


def test_without_stories_all_claims_are_one_story() -> None:
    flood_a, flood_b, border = assign_figures([FLOOD_A, FLOOD_B, BORDER])
    assert flood_a.key == flood_b.key == border.key


def test_a_running_total_of_one_actor_spans_stories() -> None:
    first = claim("front-1", "Od początku wojny zginęło 30 tys. żołnierzy.", "30 tys.", 30000, actor="Russia",
                  subject="żołnierz")
    later = claim("front-2", "Łącznie zginęło 32 tys. żołnierzy.", "32 tys.", 32000, actor="Russia",
                  subject="żołnierz")
    strike = claim("strike", "W ataku na Charków zginęło 6 żołnierzy.", "6", 6, actor="Ukraine", subject="żołnierz")
    stories = {"front-1": "story:spring", "front-2": "story:summer", "strike": "story:spring"}
    a, b, c = assign_figures([first, later, strike], stories)
    assert a.key == b.key and a.key.story is None and a.running and b.running
    assert c.key.story == "story:spring" and not c.running


def test_a_running_total_without_an_actor_stays_in_its_story() -> None:
    first = claim("a", "Łącznie zginęło 40 osób.", "40", 40)
    other = claim("b", "Łącznie zginęło 50 osób.", "50", 50)
    a, b = assign_figures([first, other], {"a": "story:a", "b": "story:b"})
    assert a.key != b.key and a.key.story == "story:a"


def test_a_part_gets_its_own_figure_that_names_its_whole() -> None:
    sentence = "Ewakuowano 2 tys. osób, z samej Nysy blisko tysiąc."
    whole = claim("a", sentence, "2 tys.", 2000, measure="displaced")
    part = claim("a", sentence, "tysiąc", 1000, measure="displaced")
    w, p = assign_figures([whole, part])
    assert (w.role, p.role) == ("member", "part")
    assert p.key.part_of == w.key and p.whole == 0 and p.key != w.key


def test_a_denial_joins_the_figure_it_denies() -> None:
    said = claim("a", "Zginęło 20 osób.", "20", 20)
    denied = claim("b", "Policja zaprzeczyła, by zginęło 20 osób.", "20", 20, modality="denied")
    s, d = assign_figures([said, denied], {"a": "story:x", "b": "story:x"})
    assert d.role == "denial" and d.key == s.key


def test_a_denial_of_a_kind_of_its_own_joins_no_figure_of_another_kind() -> None:
    patients = claim("a", "W szpitalach leży 86 pacjentów.", "86", 86, measure="other", subject="pacjent")
    children = claim("b", "Nie 300 dzieci w szpitalach.", "300", 300, measure="other", subject="dziecko",
                     modality="denied")
    heads = claim("b", "Nie ma mowy o 500 osobach w szpitalach.", "500", 500, measure="other", subject="osoba",
                  modality="denied")
    same = claim("b", "Nie 86 dzieci w szpitalach.", "86", 86, measure="other", subject="dziecko", modality="denied")
    stories = {"a": "story:x", "b": "story:x"}
    p, c = assign_figures([patients, children], stories)
    assert c.role == "denial" and c.key != p.key  # children are not the patients' count
    p, h = assign_figures([patients, heads], stories)
    assert h.key == p.key  # a head count of people denies the count of people it resembles
    p, s = assign_figures([patients, same], stories)
    assert s.key == p.key  # a value the figure states is positive identity


def test_shares_are_keyed_by_what_they_are_of() -> None:
    sentence = "Inflacja wyniosła 4,3 proc., a frekwencja w wyborach 62 proc."
    inflation = claim("a", sentence, "4,3 proc.", 4.3, measure="other", unit="percent", subject=None)
    turnout = claim("a", sentence, "62 proc.", 62, measure="other", unit="percent", subject=None)
    bare = claim("b", "Było to o 5 proc. więcej.", "5 proc.", 5, measure="other", unit="percent", subject=None)
    keys = [m.key for m in assign_figures([inflation, turnout, bare])]
    assert keys[0].subject == "share of inflation" and keys[1].subject == "share of turnout"
    assert keys[2].subject.startswith("unkeyed")


def test_a_relative_day_moves_the_reference_time() -> None:
    moved = claim("a", "Dzień wcześniej policja mówiła o pięciu ofiarach.", "pięciu", 5, reference_basis="published")
    stated = claim("b", "Dzień wcześniej, 3 maja, zginęło pięciu.", "pięciu", 5, reference_time="2024-05-03",
                   reference_basis="text")
    m, s = assign_figures([moved, stated])
    assert m.claim.reference_time == "2024-09-17"
    assert s.claim.reference_time == "2024-05-03"  # a time the text states wins


def _vote_share(article: str, sentence: str, mention: str) -> Claim:
    return claim(article, sentence, mention, float(mention.split()[0].replace(",", ".")), measure="other",
                 unit="percent", subject="głos")


def test_a_share_of_votes_is_keyed_by_the_name_written_before_it() -> None:
    full = _vote_share("a", "Według sondażu kandydat Koalicji Obywatelskiej zdobyłby 31 proc. głosów.", "31 proc.")
    short = _vote_share("b", "Jak wynika z badania, kandydat KO może liczyć na 33 proc. głosów.", "33 proc.")
    rival = _vote_share("c", "Z sondażu wynika, że kandydat popierany przez PiS zdobyłby 29 proc. głosów.", "29 proc.")
    third = _vote_share("d", "Na trzecim miejscu jest kandydat Konfederacji z 12 proc. głosów.", "12 proc.")
    again = _vote_share("e", "W badaniu jest też Konfederacja, na którą głosowałoby 11 proc. wyborców.", "11 proc.")
    keys = [m.key.subject for m in assign_figures([full, short, rival, third, again])]
    # Each is a poll's reading (share_detail.tsv), of one unnamed pollster here; the holder ends the key.
    assert keys[0] == keys[1] == "share of votes (poll by unattributed) for KO"
    assert keys[2] == "share of votes (poll by unattributed) for PiS"
    assert keys[3].endswith(" for konfed") and keys[4].endswith(" for konfed")


def _seats(article: str, sentence: str, mention: str, **fields: object) -> Claim:
    return claim(article, sentence, mention, float(mention), measure="other", subject="mandat", **fields)


def test_seats_are_keyed_by_their_holders_stem_and_a_list_of_holders_together() -> None:
    stories = {a: "story:vote" for a in "abcdef"}
    inflected = _seats("a", "Do Smeru trafi ostatecznie 44 mandaty.", "44")
    hyphen = _seats("b", "Partia Smer-SD ma 44 mandaty.", "44", published="2024-09-19")
    coalition = _seats("c", "Koalicja Smeru, Hlasu i Republiki miałaby 82 mandaty.", "82")
    opening = _seats("d", "Smer-SD, Hlas-SD i Republika mają razem 82 mandaty.", "82", published="2024-09-19")
    alone = _seats("e", "Republika ma 21 mandatów.", "21")
    keys = [m.key for m in assign_figures([inflected, hyphen, coalition, opening, alone], stories)]
    assert keys[0] == keys[1] and keys[0].subject == "seats for smer"
    assert keys[2] == keys[3] and keys[2].subject == "seats for hlas+republ+smer"
    assert keys[4] != keys[2]


def test_the_next_name_of_a_list_and_its_number_is_no_part_of_the_number_before() -> None:
    sentence = "Podział mandatów: Smer 44, PS 43, Republika 21."
    items = [_seats("a", sentence, m, span=(sentence.index(f" {m}") + 1, sentence.index(f" {m}") + 3))
             for m in ("44", "43", "21")]
    found = assign_figures(items)
    assert [m.role for m in found] == ["member"] * 3 and len({m.key for m in found}) == 3


def test_a_share_of_votes_without_a_name_before_it_has_no_holder() -> None:
    opening = _vote_share("a", "Frekwencję na poziomie 70 proc. głosów przewidują ankieterzy.", "70 proc.")
    after = _vote_share("b", "Zwycięzca zdobył 52 proc. głosów, a przegrany KO mniej.", "52 proc.")
    earlier_number = _vote_share("c", "Kandydat PSL miał 5 proc., a jego rywal 48 proc. głosów.", "48 proc.")
    counted = _vote_share("d", "– Po przeliczeniu głosów z 98 proc. komisji prowadzi lewica.", "98 proc.")
    keys = [m.key.subject for m in assign_figures([opening, after, earlier_number, counted])]
    # Votes of no one named say too little to meet any other share (`Po` opening a clause is a preposition,
    # no party): each is a figure of its own.
    assert all(key.startswith("unkeyed ") for key in keys) and len(set(keys)) == 4


def _share(article: str, sentence: str, mention: str, value: float, **fields: object) -> Claim:
    return claim(article, sentence, mention, value, measure="other", unit="percent", subject=None, **fields)


def test_a_name_the_dictionary_does_not_know_holds_the_share_it_opens() -> None:
    stories = {"a": "story:vote", "b": "story:vote"}
    opens = _share("a", "Tisza otrzymała 38,9 proc. głosów.", "38,9 proc.", 38.9)
    later = _share("b", "Według biura Tisza ma 38,4 proc. głosów.", "38,4 proc.", 38.4)
    rival = _share("b", "Fidesz otrzymał 44,6 proc. głosów.", "44,6 proc.", 44.6)
    # a word the dictionary knows opening the sentence names no one
    known = _share("b", "Ostatecznie padło 7,4 proc. głosów.", "7,4 proc.", 7.4)
    o, la, r, k = assign_figures([opens, later, rival, known], stories)
    assert o.key == la.key and o.key.subject == "share of votes for tisz"
    assert r.key.subject == "share of votes for fides" and k.key.subject != o.key.subject


def test_a_rival_share_that_names_nothing_is_of_what_the_share_it_answers_counts() -> None:
    text = "Kornik zaatakował 23 proc. świerczyn. Fundacja przekonuje, że chodzi o co najmniej 35 proc."
    first = claim("a", text, "23 proc.", 23, measure="other", unit="percent", subject="świerczyna")
    rival = claim("a", text, "35 proc.", 35, measure="other", unit="percent", subject=None)
    alone = claim("b", "Aż 35 proc. kart było nieważnych.", "35 proc.", 35, measure="other", unit="percent",
                  subject=None)
    f, r, a = assign_figures([first, rival, alone], {"a": "story:s", "b": "story:s"})
    assert f.key == r.key and f.key.subject == "świerczyna (%)" and a.key != f.key


def test_a_component_of_an_index_is_not_the_index() -> None:
    headline = _share("a", "Inflacja w październiku wyniosła 4,7 proc.", "4,7 proc.", 4.7)
    food = _share("a", "Ceny żywności wzrosły o 5,3 proc.", "5,3 proc.", 5.3)
    monthly = _share("a", "W ciągu miesiąca ceny wzrosły o 0,6 proc.", "0,6 proc.", 0.6)
    again = _share("b", "Według GUS inflacja sięgnęła 4,7 proc.", "4,7 proc.", 4.7)
    h, f, m, a = assign_figures([headline, food, monthly, again])
    assert h.key == a.key
    assert len({h.key, f.key, m.key}) == 3


def test_forecasts_and_polls_are_keyed_by_who_makes_them() -> None:
    one = _share("a", "Ekonomiści banku przewidują, że inflacja dojdzie do 5 proc.", "5 proc.", 5.0,
                 source="ekonomiści banku")
    other = _share("a", "Rada w projekcji zakłada inflację na poziomie 4 proc.", "4 proc.", 4.0, source="RPP")
    same = _share("b", "Ekonomiści banku przewidują inflację rzędu 5 proc.", "5 proc.", 5.0, source="Ekonomiści  Banku")
    f1, f2, f3 = assign_figures([one, other, same])
    assert f1.key == f3.key and f1.key != f2.key
    poll = "W sondażu pracowni {} kandydat KO ma {} proc. poparcia."
    poll_a = _share("c", poll.format("A", 33), "33 proc.", 33.0, source="Pracownia A")
    poll_b = _share("d", poll.format("B", 29), "29 proc.", 29.0, source="Pracownia B")
    poll_a_later = _share("e", poll.format("A", 35), "35 proc.", 35.0, source="Pracownia A")
    a, b, later = assign_figures([poll_a, poll_b, poll_a_later])
    assert a.key != b.key and a.key == later.key


def test_a_figure_from_before_the_story_is_not_the_storys_figure() -> None:
    now = claim("a", "W powodzi zginęło 9 osób.", "9", 9)
    then = claim("a", "Podczas powodzi tysiąclecia, przed wojną o wały, wówczas zginęło 56 osób.", "56", 56,
                 reference_basis="published")
    n, t = assign_figures([now, then])
    assert n.key != t.key and t.key.period == "before"


def test_a_subject_that_names_the_count_itself_joins_the_kind_the_others_name() -> None:
    # `liczba`, `zgon` name the count or the measure, not what is counted (not_subjects.txt).
    children = claim("a", "Zmarło 14 dzieci.", "14", 14, subject="dziecko")
    deaths = claim("b", "Resort podaje 15 zgonów.", "15", 15, subject="zgon")
    number = claim("c", "Liczba ofiar wzrosła do 16.", "16", 16, subject="liczba")
    a, b, c = assign_figures([children, deaths, number])
    assert a.key == b.key == c.key and a.key.subject == "children"
    # A subject of its own still keeps its kind.
    soldiers = claim("d", "Zginęło 12 żołnierzy.", "12", 12, subject="żołnierz")
    d, e = assign_figures([children, soldiers])
    assert d.key != e.key


def test_two_articles_breakdowns_of_one_count_are_not_one_quantity() -> None:
    first = "Zginęło 30 osób, a trzy z nich w Opolu."
    second = "Zginęło 30 osób, a dziewięć w Nysie i okolicach."
    claims = [claim("a", first, "30", 30), claim("a", first, "trzy", 3), claim("b", second, "30", 30),
              claim("b", second, "dziewięć", 9)]
    whole_a, part_a, whole_b, part_b = assign_figures(claims)
    assert whole_a.key == whole_b.key
    assert part_a.role == part_b.role == "part" and part_a.key != part_b.key


def test_a_foreign_source_borrows_no_actor_from_the_story() -> None:
    # Poland's flood: a count without an actor joins Poland's toll, unless its source is another country's.
    polish = claim("a", "Policja podała, że w powodzi zginęło 6 osób.", "6", 6, actor="Poland", source="Policja")
    ministry = claim("b", "Resort podał, że zginęło 7 osób.", "7", 7, source="MSWiA")
    czech = claim("b", "Czeskie służby podały, że zginęły 4 osoby.", "4", 4, source="Czeskie służby")
    p, m, c = assign_figures([polish, ministry, czech])
    assert p.key == m.key and p.key.actor == "Poland"
    assert c.key != p.key and c.key.actor is None


def test_the_charged_among_the_detained_are_not_a_rival_count() -> None:
    detained = claim("a", "Policja zatrzymała 15 osób.", "15", 15, measure="captured")
    charged = claim("b", "Zarzuty postawiono 4 zatrzymanym.", "4", 4, measure="captured", subject="zatrzymany")
    again = claim("b", "W sumie zatrzymano 15 osób.", "15", 15, measure="captured")
    d, c, a = assign_figures([detained, charged, again])
    assert d.key == a.key and c.key != d.key and c.key.subject == "people (charged)"


def test_a_polls_reading_of_votes_is_not_the_count_of_votes_cast() -> None:
    sentence = "Według badania kandydat PSL może liczyć na 12 proc. głosów."
    poll = _share("a", sentence, "12 proc.", 12.0, source="Pracownia C")
    result = _share("b", "Kandydat PSL zdobył 11 proc. głosów.", "11 proc.", 11.0)
    again = _share("c", "Kandydat PSL otrzymał 11 proc. głosów – podała komisja.", "11 proc.", 11.0)
    p, r, a = assign_figures([poll, result, again])
    assert r.key == a.key and p.key != r.key and "poll by pracownia c" in p.key.subject


def test_an_actor_named_only_by_a_part_is_the_storys_actor_too() -> None:
    sentence = "Resort podaje 20 zgonów, a dwa z nich w stolicy kraju."
    whole = claim("a", sentence, "20", 20)
    part = claim("a", sentence, "dwa", 2, actor="Romania")
    later = claim("b", "Instytut podał, że zmarło 17 osób.", "17", 17)
    w, p, lt = assign_figures([whole, part, later])
    assert p.role == "part" and w.key.actor == lt.key.actor == "Romania" and w.key == lt.key


def test_a_count_of_the_dead_or_evacuated_counts_people_whatever_its_subject_says() -> None:
    # `z domów ewakuowano 200` names where from, not who: the evacuated are people.
    people = claim("a", "Ewakuowano 300 osób.", "300", 300, measure="displaced")
    houses = claim("b", "Z zalanych domów ewakuowano 320.", "320", 320, measure="displaced", subject="dom")
    p, h = assign_figures([people, houses])
    assert p.key == h.key and p.key.subject == "people"
    # Buildings that are destroyed stay buildings.
    destroyed = claim("c", "Woda zniszczyła 40 domów.", "40", 40, measure="destroyed", subject="dom")
    [d] = assign_figures([destroyed])
    assert d.key.subject == "buildings"


def test_a_count_of_infections_is_a_count_of_cases_whatever_its_verb() -> None:
    cases = claim("a", "Zachorowało 900 osób.", "900", 900, measure="cases", subject="zachorować")
    other = claim("b", "Odnotowano 950 przypadków odry.", "950", 950, measure="other", subject="przypadek")
    c, o = assign_figures([cases, other])
    assert c.key == o.key and c.key.measure == "cases"
    # Joined by its kind only, it is shown in the figure but is no end of a conflict.
    from kronika.reconcile import build_figures, find_conflicts
    low = claim("c", "Odnotowano 400 przypadków.", "400", 400, measure="other", subject="przypadek",
                reference_time="2024-09-18")
    high = claim("c", "Zachorowało 900 osób.", "900", 900, measure="cases", subject="zachorować",
                 reference_time="2024-09-18")
    also = claim("c", "W sumie zachorowało 390 osób.", "390", 390, measure="cases", subject="zachorować",
                 reference_time="2024-09-18")
    conflicts = find_conflicts(build_figures([low, high, also]))
    assert [sorted(c.value for c in conflict.claims) for conflict in conflicts] == [[390, 900]]


def test_a_national_source_without_a_place_counts_its_own_countrys_toll() -> None:
    stories = {"a": "story:heat", "b": "story:heat", "c": "story:heat"}
    spain = claim("a", "W Hiszpanii zmarło 40 osób z powodu upału.", "40", 40, place="Spain",
                  source="ministerstwo zdrowia")
    portugal = claim("b", "Portugalska służba zdrowia mówi o 17 zgonach w swoim kraju.", "17", 17,
                     subject="zgon", source="Portugalska służba zdrowia")
    portugal_later = claim("c", "W Portugalii zmarło już 21 osób.", "21", 21, place="Portugal",
                           published="2024-09-19")
    a, b, c = assign_figures([spain, portugal, portugal_later], stories)
    assert b.key == c.key and b.key.place == "Portugal" and b.claim.place == "Portugal"
    assert a.key != b.key


def test_a_source_of_no_country_or_a_count_with_an_actor_is_not_placed_by_its_source() -> None:
    unnamed = claim("a", "Służby mówią o 17 zgonach.", "17", 17, subject="zgon", source="służby")
    whose = claim("b", "Koreańskie służby podały, że zginęło 300 żołnierzy z Korei Północnej.", "300", 300,
                  subject="żołnierz", actor="North Korea", source="Koreańskie służby")
    a, b = assign_figures([unnamed, whose])
    assert a.claim.place is None and b.claim.place is None
    # The other side's dead, counted by a national army, are no toll of the army's country.
    enemies = claim("c", "Izraelska armia twierdzi, że zabiła 900 terrorystów.", "900", 900, subject="terrorysta",
                    source="Izraelska armia")
    (c,) = assign_figures([enemies])
    assert c.claim.place is None


def test_a_count_placed_in_another_country_borrows_no_actor() -> None:
    stories = {"a": "story:heat", "b": "story:heat"}
    spanish = claim("a", "Hiszpania liczy 40 ofiar upału.", "40", 40, actor="Spain")
    abroad = claim("b", "W Portugalii zmarło 17 osób.", "17", 17, place="Portugal")
    here = claim("b", "Zmarło kolejne 45 osób.", "45", 45, published="2024-09-19")
    a, b, c = assign_figures([spanish, abroad, here], stories)
    assert b.key.actor is None and c.key.actor == "Spain" == a.key.actor


def test_an_uncounted_measure_lends_its_actor_only_within_one_kind() -> None:
    # A report on Polish pupils with a side paragraph on Germany: `Niemiecki rząd zapowiedział 500 mln euro`
    # keys that money by Germany, but the pupils' share (also `other`) is no German count
    stories = {"a": "story:pupils", "b": "story:pupils"}
    german = claim("a", "Niemiecki rząd zapowiedział 500 mln euro na psychologów.", "500 mln euro", 500e6,
                   measure="other", subject=None, unit="EUR", actor="Germany")
    pupils = claim("b", "Objawy zgłosiło 17 proc. uczniów.", "17 proc.", 17, measure="other", subject="uczeń",
                   unit="percent")
    g, p = assign_figures([german, pupils], stories)
    assert g.key.actor == "Germany" and p.key.actor is None
    # negative: a count of the same kind borrows it, and a toll of any kind borrows the story's one actor
    more = claim("b", "Rząd przeznaczy kolejne 200 mln euro na psychologów.", "200 mln euro", 200e6,
                 measure="other", subject=None, unit="EUR")
    _, m = assign_figures([german, more], stories)
    assert m.key.actor == "Germany"
    spanish = claim("a", "Hiszpania liczy 40 ofiar upału.", "40", 40, actor="Spain")
    farmers = claim("b", "Zmarło także 12 rolników.", "12", 12, subject="rolnik")
    _, f = assign_figures([spanish, farmers], stories)
    assert f.key.actor == "Spain"


def test_a_sentence_opening_with_one_place_alone_counts_a_part_of_the_count_before() -> None:
    first = claim("a", "Od soboty zmarło w kraju 64 osoby.", "64", 64)
    alone = claim("a", "Z samej Kordoby zgłoszono 20 zgonów.", "20", 20, subject="zgon")
    w, p = assign_figures([first, alone])
    assert (w.role, p.role) == ("member", "part") and p.key.part_of == w.key
    other = claim("b", "Zgłoszono 20 zgonów w Kordobie.", "20", 20, subject="zgon")
    w, q = assign_figures([first, other])
    assert q.role == "member"


def test_a_firms_staff_is_not_the_count_of_those_on_strike() -> None:
    stories = {"a": "story:strike", "b": "story:strike"}
    striking = claim("a", "Według związków strajkuje 6 tys. górników.", "6 tys.", 6000, measure="other",
                     subject="górnik")
    board = claim("a", "Zarząd mówi o 1,5 tys. strajkujących.", "1,5 tys.", 1500, measure="other",
                  subject="strajkujący")
    staff = claim("b", "W spółce pracuje 14 tys. osób.", "14 tys.", 14000, measure="other")
    hired = claim("b", "Huta zatrudnia 3 tys. osób.", "3 tys.", 3000, measure="other")
    joined = claim("b", "W proteście wzięło udział 5 tys. osób.", "5 tys.", 5000, measure="other",
                   published="2024-09-19")
    a, b, c, d, e = assign_figures([striking, board, staff, hired, joined], stories)
    assert a.key == b.key == e.key
    assert c.key != a.key and d.key != a.key


def test_seats_are_keyed_by_the_party_that_holds_them() -> None:
    stories = {"a": "story:vote", "b": "story:vote"}
    first = claim("a", "Według komisji PiS będzie miało 190 mandatów, a Lewica 26.", "190", 190,
                  measure="other", subject="mandat")
    other = claim("a", "Według komisji PiS będzie miało 190 mandatów, a Lewica 26.", "26", 26,
                  measure="other", subject="mandat")
    again = claim("b", "Ostatecznie PiS zdobyło 194 mandaty.", "194", 194, measure="other", subject="mandat",
                  published="2024-09-19")
    unnamed = claim("b", "Do większości brakuje 37 mandatów.", "37", 37, measure="other", subject="mandat")
    a, b, c, d = assign_figures([first, other, again, unnamed], stories)
    assert a.key == c.key and "PiS" in a.key.subject
    assert b.key != a.key and d.key not in (a.key, b.key)


def test_the_wounded_passengers_are_the_wounded() -> None:
    hurt = claim("a", "W zderzeniu rannych zostało 20 osób.", "20", 20, measure="wounded", subject="ranny")
    riders = claim("b", "Rannych jest 22 pasażerów.", "22", 22, measure="wounded", subject="pasażer")
    a, b = assign_figures([hurt, riders])
    assert a.key == b.key


def test_a_source_named_with_its_country_once_in_a_story_is_that_countrys_everywhere_in_it() -> None:
    stories = {"a": "story:heat", "b": "story:heat", "c": "story:other"}
    named = claim("a", "Portugalska DGS mówi o 17 zgonach.", "17", 17, subject="zgon",
                  source="Portugalska DGS", source_id="DGS")
    bare = claim("b", "DGS podała 21 zgonów.", "21", 21, subject="zgon", source="DGS", source_id="DGS",
                 published="2024-09-19")
    elsewhere = claim("c", "DGS podała 5 zgonów.", "5", 5, subject="zgon", source="DGS", source_id="DGS")
    a, b, c = assign_figures([named, bare, elsewhere], stories)
    assert a.key == b.key and b.claim.place == "Portugal"
    assert c.claim.place is None  # another story learns nothing from this one


def test_an_area_is_keyed_by_its_unit_whatever_noun_follows() -> None:
    stories = {"a": "story:fire", "b": "story:fire"}
    forest = claim("a", "Spłonęło 4 tys. hektarów lasu.", "4 tys. hektarów", 4000, measure="other", unit="ha",
                   subject="las")
    bare = claim("b", "Strażacy szacują spaloną powierzchnię na 5 tys. hektarów.", "5 tys. hektarów", 5000,
                 measure="other", unit="ha", subject=None)
    trees = claim("b", "Spłonęło 4 tys. drzew.", "4 tys.", 4000, measure="other", subject="drzewo")
    a, b, c = assign_figures([forest, bare, trees], stories)
    assert a.key == b.key and a.key.subject == "area (ha)" and c.key != a.key


def test_a_share_of_output_is_keyed_as_output() -> None:
    unions = _share("a", "Związki mówią, że wydobycie spadło o 60 proc.", "60 proc.", 60)
    firm = _share("b", "Spółka podaje, że produkcja zmniejszyła się o 20 proc.", "20 proc.", 20)
    rate = _share("b", "Stopa bezrobocia wynosi 5 proc.", "5 proc.", 5)
    a, b, c = assign_figures([unions, firm, rate])
    assert a.key == b.key and a.key.subject.startswith("share of output") and c.key != a.key


def test_a_stock_held_in_hospital_is_one_figure_whatever_its_verb() -> None:
    stories = {"a": "story:crash", "b": "story:crash", "c": "story:crash"}
    hurt = claim("a", "Do szpitali trafiło 15 rannych.", "15", 15, measure="wounded", subject="ranny")
    still = claim("b", "W szpitalach przebywa jeszcze 8 osób.", "8", 8, measure="other", published="2024-09-19")
    total = claim("c", "Rannych jest łącznie 30 osób.", "30", 30, measure="wounded")
    a, b, c = assign_figures([hurt, still, total], stories)
    assert a.key == b.key and a.key.subject == "people (in hospital)"
    assert c.key != a.key and b.claim.measure == "other"  # the claim keeps what its text said


@pytest.mark.parametrize("sentence, mention, subject", [
    ("Pod ziemią uwięzionych jest 34 górników.", "34", "górnik"),
    ("Na autostradzie w zaspach utknęło 1,2 tys. kierowców.", "1,2 tys.", "kierowca"),
    ("Po osunięciu się zbocza 300 mieszkańców wsi zostało odciętych od świata.", "300", "mieszkaniec"),
])
def test_people_a_disaster_holds_where_they_are_are_apart_from_the_rescued(sentence: str, mention: str,
                                                                           subject: str) -> None:
    stories = {"a": "story:disaster", "b": "story:disaster"}
    held = claim("a", sentence, mention, 1, measure="other", subject=subject)
    saved = claim("b", "Ratownicy uratowali 12 osób.", "12", 12, measure="other", subject=subject)
    h, s = assign_figures([held, saved], stories)
    assert h.key != s.key and h.key.subject.endswith("(trapped)")


def test_things_stuck_are_no_stock_apart_from_the_count_of_them() -> None:
    stories = {"a": "story:snow", "b": "story:snow"}
    stuck = claim("a", "Na autostradzie utknęło ok. 600 samochodów.", "600", 600, measure="other", subject="samochód")
    still = claim("b", "Na autostradzie wciąż stoi ok. 750 aut.", "750", 750, measure="other", subject="auto")
    s, t = assign_figures([stuck, still], stories)
    assert s.key == t.key and "trapped" not in s.key.subject


def test_a_trapped_head_count_of_people_joins_the_one_kind_trapped() -> None:
    # `ludzi` and `górników`, both trapped: one stock, as a bare head count joins the one kind named
    stories = {"a": "story:mine", "b": "story:mine"}
    miners = claim("a", "W kopalni uwięzionych jest 34 górników.", "34", 34, measure="other", subject="górnik")
    people = claim("b", "Związkowcy: pod ziemią jest 37 ludzi.", "37", 37, measure="other", subject="człowiek")
    rescued = claim("b", "Ratownicy uratowali dziewięciu górników.", "dziewięciu", 9, measure="other",
                    subject="górnik")
    m, p, r = assign_figures([miners, people, rescued], stories)
    assert m.key == p.key and m.key.subject == "workers (trapped)" and r.key != m.key


def test_a_rival_restating_a_stock_in_the_next_sentence_counts_that_stock() -> None:
    text = "W kopalni uwięzionych jest 37 górników. Ministerstwo mówi o 34 osobach."
    first = claim("a", text, "37", 37, measure="other", subject="górnik")
    second = claim("a", text, "34", 34, measure="other", subject="osoba")
    # another thing restated is no restatement of the stock: `mówił o 640 strajkujących` after zabiegi
    other_text = "Odwołano w szpitalu 260 zabiegów. Związek mówił o 640 strajkujących."
    cancelled = claim("b", other_text, "260", 260, measure="other", subject="zabieg")
    strikers = claim("b", other_text, "640", 640, measure="other", subject="strajkujący")
    f, s, c, k = assign_figures([first, second, cancelled, strikers])
    assert f.key == s.key and f.key.subject == "workers (trapped)"
    assert "cancelled" in c.key.subject and "cancelled" not in k.key.subject


def test_a_toll_borrows_no_actor_from_another_country_than_its_storys() -> None:
    stories = {"a": "story:mine", "b": "story:mine"}
    # sources of no country, sentences that name Chile: the story is Chile's, its counts have no actor
    chile = claim("a", "Akcja w Chile trwa, zginęło sześciu górników – podał resort.", "sześciu", 6,
                  subject="górnik", source="resort")
    union = claim("a", "Związkowcy z Chile mówią o ośmiu zabitych.", "ośmiu", 8, subject="zabity", source="związkowcy")
    company = claim("b", "Spółka wydobywcza z Chile mówi o czterech ofiarach.", "czterech", 4, subject="ofiara",
                    source="spółka")
    peru = claim("b", "Na południu Peru zginęło siedmiu górników.", "siedmiu", 7, subject="górnik", actor="Peru")
    c, u, k, p = assign_figures([chile, union, company, peru], stories)
    assert c.key == u.key == k.key and c.key.actor is None and p.key != c.key
    # a giver's measure borrows its one actor wherever the story happens: Polish firefighters in Canada
    stories = {"c": "story:fire", "d": "story:fire"}
    sent = claim("c", "Polska wysłała do Kanady 150 strażaków.", "150", 150, measure="deployed",
                 subject="strażak", actor="Poland", source="kanadyjskie służby")
    more = claim("d", "W Quebecu pracuje 160 strażaków.", "160", 160, measure="deployed", subject="strażak",
                 place="Quebec", source="władze Kanady")
    again = claim("d", "Rzecznik akcji mówi o 160 strażakach.", "160", 160, measure="deployed",
                  subject="strażak", source="rzecznik akcji")
    s, m, a = assign_figures([sent, more, again], stories)
    assert a.key.actor == "Poland"


def test_a_place_abroad_lends_no_place_to_the_counts_of_a_story_clearly_at_home() -> None:
    stories = {"a": "story:harvest", "b": "story:harvest", "c": "story:harvest"}
    gus = claim("a", "Według GUS zbiory pszenicy w Polsce wyniosą 12,4 mln ton.", "12,4 mln", 12.4e6,
                measure="other", subject="tona", source="GUS")
    ministry = claim("a", "Ministerstwo Rolnictwa w Warszawie szacuje zbiory na 13,1 mln ton.", "13,1 mln", 13.1e6,
                     measure="other", subject="tona", source="Ministerstwo Rolnictwa")
    chamber = claim("b", "Izba rolnicza w Polsce mówi o 11,5 mln ton.", "11,5 mln", 11.5e6, measure="other",
                    subject="tona", source="izba rolnicza")
    ukraine = claim("c", "Na Ukrainie zbiory szacuje się na 22,3 mln ton.", "22,3 mln", 22.3e6, measure="other",
                    subject="tona", place="Ukraine")
    g, m, c, u = assign_figures([gus, ministry, chamber, ukraine], stories)
    assert g.key == m.key == c.key and g.key.place is None and u.key.place == "Ukraine" and u.key != g.key


def test_a_bare_head_count_of_the_very_same_value_is_the_count_its_story_states() -> None:
    stories = {"a": "story:fire", "b": "story:fire"}
    sent = claim("a", "Do Grecji wysłano 146 strażaków.", "146", 146, measure="deployed", subject="strażak")
    again = claim("b", "Na Peloponezie pracuje 146 osób z Polski.", "146", 146, measure="other", subject="osoba")
    s, a = assign_figures([sent, again], stories)
    assert s.key == a.key
    # a round value recurs by chance; a value stated for two quantities says which of neither
    attempts = claim("a", "Na granicy było 3 tys. prób przekroczenia.", "3 tys.", 3000, measure="other",
                     subject="osoba")
    troops = claim("b", "Na granicę wysłano 3 tys. żołnierzy.", "3 tys.", 3000, measure="deployed",
                   subject="żołnierz")
    t1, t2 = assign_figures([attempts, troops], stories)
    assert t1.key != t2.key
    wounded = claim("a", "Rannych jest 146 osób.", "146", 146, measure="wounded")
    two = assign_figures([sent, wounded, again], stories)
    assert two[2].key not in (two[0].key, two[1].key)


def test_a_rival_estimate_of_the_opening_weekend_is_of_the_opening_weekend() -> None:
    text = "Film obejrzało w weekend otwarcia 612 tys. widzów. Portal podaje jednak 548 tys. widzów."
    opening = claim("a", text, "612 tys.", 612_000, measure="other", subject="widz")
    rival = claim("a", text, "548 tys.", 548_000, measure="other", subject="widz")
    total = claim("b", "Od premiery film obejrzało już 1,74 mln widzów.", "1,74 mln", 1_740_000, measure="other",
                  subject="widz", reference_basis="since:2026-02-06")
    o, r, t = assign_figures([opening, rival, total], {"a": "story:film", "b": "story:film"})
    assert o.key == r.key and o.key.period == "opening" and t.key != o.key


def test_a_side_storys_country_is_no_whole_for_a_story_clearly_at_home() -> None:
    stories = {"a": "story:ebola", "b": "story:ebola"}
    home = [claim("a", f"W Ugandzie zmarło {n} chorych – podał resort zdrowia Ugandy.", str(n), n, subject="chory",
                  source="resort zdrowia Ugandy") for n in (19, 24, 27, 29)]
    msf = claim("b", "Lekarze bez Granic mówią o co najmniej 31 zgonach w Ugandzie.", "31", 31, subject="zgon",
                source="Lekarze bez Granic")
    msf_placeless = claim("b", "Według MSF zmarło już 33 chorych.", "33", 33, subject="chory", source="MSF")
    juba = claim("b", "W Dżubie zmarły 4 osoby.", "4", 4, place="Juba")
    sudan = claim("b", "W całym Sudanie Południowym zmarło 6 osób.", "6", 6, place="South Sudan")
    *_, placeless, j, s = assign_figures([*home, msf, msf_placeless, juba, sudan], stories)
    assert placeless.key.place != "South Sudan" and s.key.place == "South Sudan"


def test_a_denied_head_count_joins_a_count_of_people_not_of_things() -> None:
    stories = {"a": "story:strike", "b": "story:strike"}
    mines = claim("a", "Stanęły cztery zakłady.", "cztery", 4, measure="other", subject="zakład")
    miners = claim("a", "Strajkuje 3 tys. górników.", "3 tys.", 3000, measure="other", subject="górnik")
    denied = claim("b", "Zarząd zaprzeczył, by strajkowało 8 tys. osób.", "8 tys.", 8000, measure="other",
                   modality="denied")
    m, w, d = assign_figures([mines, miners, denied], stories)
    assert d.role == "denial" and d.key == w.key != m.key


def test_dead_firefighters_are_a_kind_of_people_of_their_own() -> None:
    everyone = claim("a", "W ataku zginęło 12 osób.", "12", 12)
    again = claim("b", "Zginęło trzech strażaków.", "trzech", 3, subject="strażak")
    e, g = assign_figures([everyone, again])
    assert e.key != g.key and g.key.subject == "firefighters"


def test_what_something_cost_is_keyed_as_cost_apart_from_aid() -> None:
    stories = {"a": "story:campaign", "b": "story:campaign"}
    paper = claim("a", "Gazeta wyliczyła, że kampania partii kosztowała 40 mln zł.", "40 mln zł", 40e6,
                  measure="other", unit="PLN", subject=None)
    party = claim("b", "Sztab twierdzi, że wydał 25 mln zł.", "25 mln zł", 25e6, measure="other", unit="PLN",
                  subject=None)
    aid = claim("b", "Rząd przeznaczy 25 mln zł na pomoc dla powodzian.", "25 mln zł", 25e6, measure="other",
                unit="PLN", subject=None)
    a, b, c = assign_figures([paper, party, aid], stories)
    assert a.key == b.key and a.key.subject == "money (PLN) for cost" and c.key != a.key


def test_a_party_winning_with_a_result_is_a_share_of_votes() -> None:
    won = _share("a", "Partia wygrała wybory z wynikiem 31 proc.", "31 proc.", 31)
    bare = _share("b", "Partia zwiększyła zatrudnienie o 31 proc.", "31 proc.", 31)
    w, b = assign_figures([won, bare])
    assert w.key.subject.startswith("share of votes") and not b.key.subject.startswith("share of votes")


def test_those_who_signed_a_petition_are_no_count_of_patients() -> None:
    stories = {"a": "story:heat", "b": "story:heat"}
    admitted = claim("a", "Szpitale przyjęły 200 pacjentów z udarem.", "200", 200, measure="other",
                     subject="pacjent")
    signed = claim("b", "Petycję podpisało 50 tys. osób.", "50 tys.", 50000, measure="other")
    more = claim("b", "Do szpitali trafiło kolejne 150 osób.", "150", 150, measure="other")
    a, s, m = assign_figures([admitted, signed, more], stories)
    assert s.key != a.key and s.key.subject == "people (signed)"
    assert m.key.subject != s.key.subject


def test_a_nationality_counts_whose_own_people_but_keeps_the_other_side_apart() -> None:
    """`Koreańczyków` deployed by North Korea are its forces, so the claim joins the soldiers its figure
    counts; among prisoners it names the other side."""
    stories = {"a": "story:front", "b": "story:front"}
    soldiers = claim("a", "W obwodzie kurskim walczy 11 tys. żołnierzy z Korei Północnej.", "11 tys.", 11000,
                     measure="deployed", actor="North Korea", subject="żołnierz")
    koreans = claim("b", "Kreml zaprzecza, by w obwodzie walczyło 11 tys. Koreańczyków.", "11 tys.", 11000,
                    measure="deployed", actor="North Korea", subject="Koreańczyk")
    first, second = assign_figures([soldiers, koreans], stories)
    assert first.key == second.key and first.key.subject == "soldiers"
    held = claim("a", "W rosyjskiej niewoli przebywa 8 tys. osób.", "8 tys.", 8000, measure="captured",
                 actor="Russia", subject="osoba")
    russians = claim("b", "Z kolei w niewoli ukraińskiej jest 6 tys. Rosjan.", "6 tys.", 6000, measure="captured",
                     actor="Russia", subject="Rosjanin")
    first, second = assign_figures([held, russians], stories)
    assert first.key != second.key
    # A plain noun of people is still a kind of its own: medics are not the soldiers.
    medics = claim("b", "Zginęło 40 medyków.", "40", 40, actor="North Korea", subject="medyk")
    first, second = assign_figures([soldiers, medics], stories)
    assert first.key != second.key


def test_an_earlier_total_is_an_earlier_state_even_when_it_is_a_total() -> None:
    stories = {"a": "story:mine", "b": "story:mine"}
    then = claim("a", "W tamtej katastrofie zginęło wtedy łącznie 16 osób.", "16", 16)
    now = claim("b", "W wybuchu zginęło siedem osób.", "siedem", 7)
    a, b = assign_figures([then, now], stories)
    assert a.key != b.key and a.key.period == "before"


def test_a_count_since_a_start_holds_when_it_is_reported() -> None:
    started = claim("a", "Od początku epidemii, ogłoszonej w marcu 2024 r., zachorowało 900 osób.", "900", 900,
                    measure="cases", reference_time="2024-03", reference_basis="text")
    [moved] = assign_figures([started])
    assert moved.claim.reference_time == "2024-09-18" and moved.claim.reference_basis == "since:2024-03"
    ended = claim("b", "Od początku roku do końca czerwca 2024 r. zachorowało 700 osób.", "700", 700,
                  measure="cases", reference_time="2024-06", reference_basis="text")
    period = claim("c", "W marcu 2024 r. zachorowało już 300 osób.", "300", 300, measure="cases",
                   reference_time="2024-03", reference_basis="text")
    for kept in assign_figures([ended, period]):
        assert kept.claim.reference_basis == "text"


def test_the_ill_counted_as_people_are_the_cases() -> None:
    stories = {"a": "story:measles", "b": "story:measles"}
    people = claim("a", "Od jesieni zachorowało 1200 osób.", "1200", 1200, measure="cases")
    cases = claim("b", "Resort podał, że przypadków jest już 1350.", "1350", 1350, measure="cases",
                  subject="przypadek", published="2024-09-20")
    patients = claim("b", "W szpitalach leczy się 80 chorych.", "80", 80, measure="cases", subject="chory",
                     published="2024-09-20")
    a, b, c = assign_figures([people, cases, patients], stories)
    assert a.key == b.key and c.key != a.key


def test_a_region_of_the_countrys_own_count_is_a_figure_of_its_own() -> None:
    stories = {"a": "story:heat", "b": "story:heat"}
    country = claim("a", "W Hiszpanii zmarło 40 osób.", "40", 40, place="Spain")
    unplaced = claim("b", "Resort mówi już o 52 zmarłych.", "52", 52, subject="zmarły", published="2024-09-20")
    region = claim("b", "W Andaluzji zmarło 19 osób.", "19", 19, place="Andalusia", published="2024-09-20")
    a, b, c = assign_figures([country, unplaced, region], stories)
    assert a.key == b.key and a.key.place == "Spain"
    assert c.key != a.key and c.key.place == "Andalusia"


def test_a_country_where_a_foreign_actor_fights_or_a_border_is_no_whole_of_its_own() -> None:
    stories = {"a": "story:war", "b": "story:war"}
    abroad = claim("a", "W Rosji zginęło 300 żołnierzy z Korei Północnej.", "300", 300, actor="North Korea",
                   place="Russia", subject="żołnierz")
    kursk = claim("b", "W obwodzie kurskim zginęło 400 żołnierzy z Korei Północnej.", "400", 400,
                  actor="North Korea", place="Kursk Oblast", subject="żołnierz", published="2024-09-20")
    a, b = assign_figures([abroad, kursk], stories)
    assert a.key == b.key
    border = {"c": "story:border", "d": "story:border"}
    at_border = claim("c", "Na granicy z Białorusią zmarło 30 migrantów.", "30", 30, subject="migrant",
                      place="Polish-Belarusian border")
    in_poland = claim("d", "W Polsce zmarło 31 migrantów.", "31", 31, subject="migrant", place="Poland",
                      published="2024-09-20")
    c, d = assign_figures([at_border, in_poland], border)
    assert c.key == d.key


def test_a_part_that_names_a_place_counts_that_places_figure() -> None:
    stories = {"a": "story:heat", "b": "story:heat", "c": "story:heat"}
    whole = claim("a", "Resort podał, że zmarło 70 osób, w tym 25 w Andaluzji.", "70", 70, place="Andalusia")
    part = claim("a", "Resort podał, że zmarło 70 osób, w tym 25 w Andaluzji.", "25", 25, place="Andalusia")
    region = claim("b", "W Andaluzji zmarło 19 osób.", "19", 19, place="Andalusia", published="2024-09-17")
    alone = claim("c", "Z samej Andaluzji zgłoszono 22 zgony.", "22", 22, subject="zgon", place="Andalusia",
                  published="2024-09-17", span=(90, 92))  # the sentence after the country's
    country = claim("c", "Od soboty zmarło w Hiszpanii 52 osoby.", "52", 52, place="Spain", published="2024-09-17")
    w, p, r = assign_figures([whole, part, region], stories)
    assert w.claim.place is None and (p.role, p.whole) == ("part", 0)
    assert p.key == r.key and p.key.place == "Andalusia" and w.key != r.key
    c, a = assign_figures([country, alone], stories)
    assert a.role == "part" and a.key.place == "Andalusia" and c.key.place == "Spain"


def test_a_whole_keeps_a_place_written_before_its_part() -> None:
    sentence = "W Andaluzji zmarło 30 osób, w tym 12 dzieci."
    whole = claim("a", sentence, "30", 30, place="Andalusia")
    part = claim("a", sentence, "12", 12, place="Andalusia", subject="dziecko")
    w, p = assign_figures([whole, part])
    assert w.claim.place == "Andalusia" and p.role == "part" and p.key.part_of == w.key


def test_a_count_in_a_region_of_another_country_borrows_no_actor() -> None:
    stories = {"a": "story:fire", "b": "story:fire"}
    polish = claim("a", "Do gaszenia wysłano 150 strażaków z Polski.", "150", 150, measure="deployed",
                   subject="strażak", actor="Poland")
    izmir = claim("b", "W prowincji Izmir walczy z ogniem 900 strażaków.", "900", 900, measure="deployed",
                  subject="strażak", place="Izmir")
    a, b = assign_figures([polish, izmir], stories)
    assert a.key.actor == "Poland" and b.key.actor is None


def test_a_regional_office_names_its_region() -> None:
    from kronika.reconcile.identity import office_region
    assert office_region("wojewoda dolnośląski") == "Lower Silesian Voivodeship"
    assert office_region("marszałek województwa opolskiego") == "Opole Voivodeship"
    assert office_region("władze obwodu charkowskiego") == "Kharkiv Oblast"
    assert office_region("policja") is None and office_region("Śląski Uniwersytet Medyczny") is None
    assert office_region("wojewoda") is None


def test_a_regional_offices_count_for_its_region_beside_a_total_is_a_part_of_it() -> None:
    first = "Wojewoda opolski przekazał, że w regionie zginęły trzy osoby."
    second = "Łącznie w powodzi zginęło 9 osób."
    region = claim("a", first, "trzy", 3, source="wojewoda opolski")
    total = claim("a", second, "9", 9, span=(80, 81))
    other = claim("b", "Policja podała, że w powodzi zginęło 10 osób.", "10", 10, published="2024-09-19")
    r, t, o = assign_figures([region, total, other], {"a": "story:flood", "b": "story:flood"})
    assert (r.role, r.whole) == ("part", 1) and r.key.place == "Opole Voivodeship"
    assert t.key == o.key and r.key != t.key


def test_a_regional_offices_count_without_a_total_or_an_area_word_stays_the_storys() -> None:
    stories = {"a": "story:flood", "b": "story:flood"}
    alone = claim("a", "Wojewoda podkarpacki przekazał, że w regionie zalanych jest 2 tys. budynków.", "2 tys.",
                  2000, measure="destroyed", subject="budynek", source="wojewoda podkarpacki")
    gminas = claim("b", "Gminy zgłosiły 3,5 tys. zalanych budynków.", "3,5 tys.", 3500, measure="destroyed",
                   subject="budynek", source="gminy", published="2024-09-19")
    a, b = assign_figures([alone, gminas], stories)
    assert a.role == "member" and a.key == b.key
    plain = claim("c", "Liczba ofiar wzrosła do dwóch – podał wojewoda wielkopolski.", "dwóch", 2,
                  source="wojewoda wielkopolski")
    total = claim("c", "Łącznie rannych jest 30 osób.", "30", 30, measure="wounded", span=(90, 92))
    p, _ = assign_figures([plain, total])
    assert p.role == "member" and p.claim.place is None


def test_a_smaller_count_beside_a_count_since_a_start_is_a_stretch_within_it() -> None:
    stories = {"a": "story:border", "b": "story:border"}
    since = claim("a", "Od początku roku doszło do 12 tys. prób przekroczenia granicy.", "12 tys.", 12000,
                  measure="other", subject="próba", reference_basis="since:2024")
    week = claim("a", "W ostatnim tygodniu prób było ok. 600.", "600", 600, measure="other", subject="próba",
                 span=(90, 93))
    later = claim("b", "Od stycznia odnotowano już 12,5 tys. prób.", "12,5 tys.", 12500, measure="other",
                  subject="próba", reference_basis="since:2024-01", published="2024-09-19")
    s, w, t = assign_figures([since, week, later], stories)
    assert s.key == t.key and w.key != s.key and w.key.period


def test_no_stretch_of_another_place_kind_or_of_a_bare_count() -> None:
    stories = {"a": "story:heat"}
    since = claim("a", "Od soboty zmarło w Hiszpanii 40 osób.", "40", 40, place="Spain",
                  reference_basis="since:2024-09")
    abroad = claim("a", "W Portugalii zmarło 12 osób.", "12", 12, place="Portugal", span=(60, 62))
    bare = claim("a", "Media pisały o 20 zgonach.", "20", 20, subject="zgon", span=(90, 92))
    for membership in assign_figures([since, abroad, bare], stories)[1:]:
        assert membership.key.period is None


def test_a_holder_is_not_where_the_seats_are_and_one_holder_may_hold_two_numbers() -> None:
    stories = {"a": "story:vote", "b": "story:vote", "c": "story:vote"}
    chamber = claim("a", "Według komisji Ruch SOL będzie miał w Izbie Niższej 70 mandatów.", "70", 70,
                    measure="other", subject="mandat")
    joined = claim("b", "Ruch SOL wygrał wybory z wynikiem 31,2 proc. i 72 mandatami.", "72", 72,
                   measure="other", subject="mandat", published="2024-09-19")
    final = claim("c", "Ostatecznie Ruch SOL uzyskał 71 mandatów.", "71", 71, measure="other", subject="mandat",
                  published="2024-09-20")
    a, b, c = assign_figures([chamber, joined, final], stories)
    assert a.key == b.key == c.key and a.key.subject.endswith("SOL")
    rival = claim("a", "Partia Zielonych ma 12 mandatów, a Lewica Razem 9.", "9", 9, measure="other",
                  subject="mandat")
    greens = claim("a", "Partia Zielonych ma 12 mandatów, a Lewica Razem 9.", "12", 12, measure="other",
                   subject="mandat")
    g, r = assign_figures([greens, rival], {"a": "story:vote"})
    assert g.key != r.key


def test_a_toll_that_names_no_kind_is_of_the_storys_people() -> None:
    stories = {"a": "story:war", "b": "story:war", "c": "story:war"}
    people = claim("a", "W ataku zginęło pięć osób.", "pięć", 5)
    soldiers = claim("b", "Na froncie zginęło 40 żołnierzy.", "40", 40, subject="żołnierz", published="2024-09-19")
    bare = claim("c", "Liczba zabitych wzrosła do siedmiu.", "siedmiu", 7, subject="liczba", published="2024-09-19")
    a, _, c = assign_figures([people, soldiers, bare], stories)
    assert c.key == a.key
    alone = claim("d", "Liczba zniszczonych wzrosła do 12.", "12", 12, measure="destroyed", subject="liczba")
    houses = claim("d", "Zniszczonych jest 10 domów.", "10", 10, measure="destroyed", subject="dom", span=(50, 52))
    bridges = claim("d", "Zniszczonych jest 3 mostów.", "3", 3, measure="destroyed", subject="most", span=(90, 91))
    x, _, _ = assign_figures([alone, houses, bridges])
    assert x.key.subject == "unspecified"  # no kind of people among things: it stays unspecified


def test_people_join_the_storys_named_kind_only_within_an_order_of_magnitude() -> None:
    stories = {"a": "story:concert", "b": "story:concert", "c": "story:concert"}
    guards = claim("a", "Koncertu pilnowało 600 pracowników ochrony.", "600", 600, measure="other", subject="pracownik")
    guards_too = claim("b", "Według policji ochrona liczyła ok. 350 osób.", "350", 350, measure="other",
                       published="2024-09-19")
    crowd = claim("c", "Na wyspie bawiło się 52 tys. osób.", "52 tys.", 52000, measure="other", published="2024-09-19")
    a, b, c = assign_figures([guards, guards_too, crowd], stories)
    assert a.key == b.key  # 350 people and 600 workers: one count of the staff
    assert c.key != a.key  # 52 thousand people are not the staff


def test_a_region_and_its_country_are_one_place_unless_something_shows_the_region_is_a_part() -> None:
    stories = {"a": "story:fire", "b": "story:fire"}
    region = claim("a", "W Attyce ewakuowano 3 tys. osób.", "3 tys.", 3000, measure="displaced", place="Attica")
    country = claim("b", "W Grecji ewakuowano 3,2 tys. osób.", "3,2 tys.", 3200, measure="displaced",
                    place="Greece", published="2024-09-19")
    a, b = assign_figures([region, country], stories)
    assert a.key == b.key


def test_a_close_count_beside_a_count_since_a_start_is_that_total_reported_earlier() -> None:
    since = claim("a", "Od początku roku doszło do 12 tys. prób przekroczenia granicy.", "12 tys.", 12000,
                  measure="other", subject="próba", reference_basis="since:2024")
    earlier = claim("a", "Tydzień temu mówiono o 11,4 tys. prób.", "11,4 tys.", 11400, measure="other",
                    subject="próba", span=(90, 99))
    s, e = assign_figures([since, earlier])
    assert e.key == s.key


def test_a_whole_does_not_borrow_the_actor_its_part_comes_from() -> None:
    stories = {"a": "story:fire", "b": "story:fire"}
    sentence = "Z ogniem walczy 900 strażaków, z czego 120 z Czech."
    whole = claim("a", sentence, "900", 900, measure="deployed", subject="strażak")
    part = claim("a", sentence, "120", 120, measure="deployed", subject="strażak", actor="Czechia")
    other = claim("b", "W akcji bierze udział 950 strażaków.", "950", 950, measure="deployed", subject="strażak",
                  published="2024-09-19")
    w, p, o = assign_figures([whole, part, other], stories)
    assert p.role == "part" and w.key.actor is None and w.key == o.key


def test_a_toll_does_not_borrow_the_nation_of_the_people_among_its_dead() -> None:
    stories = {"a": "story:crash", "b": "story:crash"}
    whole = claim("a", "W katastrofie autobusu pod Brnem zginęło sześć osób.", "sześć", 6)
    among = claim("a", "Wśród zabitych są dwaj Polacy.", "dwaj", 2, subject="Polak", actor="Poland",
                  published="2024-09-18", span=(60, 64))
    other = claim("b", "Czeska policja podaje, że zginęło siedem osób.", "siedem", 7, published="2024-09-19")
    w, p, o = assign_figures([whole, among, other], stories)
    assert p.role == "part" and w.key.actor is None and o.key.actor is None and w.key == o.key
    # Soldiers of a nation are that nation's: their count is its own figure, not a part by origin.
    troops = claim("a", "Według wywiadu zginęło 300 Koreańczyków.", "300", 300, subject="Koreańczyk",
                   actor="North Korea")
    [t] = assign_figures([troops], {"a": "story:war"})
    assert t.role == "member" and t.key.actor == "North Korea"


def test_the_ill_are_cases_but_the_ill_in_hospital_a_stock() -> None:
    stories = {"a": "story:flu", "b": "story:flu", "c": "story:flu"}
    cases = claim("a", "Sanepid potwierdził 31 przypadków legionellozy.", "31", 31, measure="cases",
                  subject="przypadek")
    ill = claim("b", "Z 34 chorych pięcioro mieszka poza miastem.", "34", 34, measure="cases", subject="chory",
                published="2024-09-19")
    held = claim("c", "W szpitalach leży 20 chorych.", "20", 20, measure="cases", subject="chory",
                 published="2024-09-19")
    a, b, c = assign_figures([cases, ill, held], stories)
    assert a.key == b.key and c.key != a.key


def test_things_a_story_counts_under_one_event_take_its_measure() -> None:
    stories = {"a": "story:storm", "b": "story:storm"}
    damaged = claim("a", "Uszkodzonych jest 420 dachów.", "420", 420, measure="destroyed", subject="dach")
    reported = claim("b", "Strażacy mają zgłoszonych ok. 450 dachów.", "450", 450, measure="other", subject="dach",
                     published="2024-09-19")
    d, r = assign_figures([damaged, reported], stories)
    assert d.key == r.key and d.key.measure == "destroyed"
    # People are not things: a count of people of no measure keeps its own figure beside the dead.
    dead = claim("a", "Zginęło 5 osób.", "5", 5)
    present = claim("b", "Na miejscu było 40 osób.", "40", 40, measure="other", published="2024-09-19")
    k, p = assign_figures([dead, present], stories)
    assert k.key != p.key


def test_a_side_count_in_another_place_lends_the_story_no_place() -> None:
    stories = {"a": "story:derby", "b": "story:derby"}
    main = claim("a", "Policja zatrzymała po derbach 38 osób.", "38", 38, measure="captured", span=(0, 40))
    side = claim("a", "W stolicy zatrzymano 5 osób.", "5", 5, measure="captured", place="Warsaw", span=(300, 301))
    later = claim("b", "Zatrzymanych jest już 44.", "44", 44, measure="captured", published="2024-09-19")
    m, s, la = assign_figures([main, side, later], stories)
    assert m.key == la.key and m.key.place is None and s.key != m.key and s.key.place == "Warsaw"
    # The story's own place named with its first count is the figure's place for the others too.
    named = claim("a", "W Opolu policja zatrzymała 38 osób.", "38", 38, measure="captured", place="Opole",
                  span=(0, 40))
    again = claim("a", "Policja podała potem, że zatrzymanych jest 30.", "30", 30, measure="captured",
                  span=(300, 302))
    n, a, l2 = assign_figures([named, again, later], stories)
    assert n.key == a.key == l2.key


def test_a_side_count_abroad_does_not_split_the_story_from_its_own_region() -> None:
    stories = {"a": "story:storm", "b": "story:storm"}
    first = claim("a", "Zginęły dwie osoby.", "dwie", 2, span=(0, 4))
    abroad = claim("a", "W Meklemburgii zginęła jedna osoba.", "jedna", 1, place="Mecklenburg-Vorpommern",
                   span=(300, 305))
    home = claim("b", "Bilans ofiar na Pomorzu wzrósł do trzech.", "trzech", 3, place="Pomeranian Voivodeship",
                 published="2024-09-19")
    f, a, h = assign_figures([first, abroad, home], stories)
    assert f.key == h.key and a.key != f.key and a.key.place == "Mecklenburg-Vorpommern"


def test_a_count_without_a_place_joins_the_country_most_of_its_story_names() -> None:
    stories = {a: "story:cholera" for a in "abcd"}
    who = claim("a", "WHO podała, że w Jemenie zachorowało 48 tys. osób.", "48 tys.", 48000, measure="cases",
                subject="osoba", place="Yemen", actor=None)
    ministry = claim("b", "Ministerstwo Zdrowia w Sanie mówi o 95 tys. chorych.", "95 tys.", 95000, measure="cases",
                     subject="osoba", place="Yemen", actor=None, published="2024-09-19")
    sudan = claim("c", "W Sudanie zachorowało 65 tys. osób.", "65 tys.", 65000, measure="cases", subject="osoba",
                  place="Sudan", actor=None, published="2024-09-19")
    placeless = claim("d", "WHO mówi teraz o 61 500 przypadkach.", "61 500", 61500, measure="cases",
                      subject="osoba", actor=None, published="2024-09-20")
    w, m, s, p = assign_figures([who, ministry, sudan, placeless], stories)
    assert w.key == m.key == p.key and s.key != w.key
    # ... but not where its own article names another of the places, nor in a story of localities alone
    beside = claim("c", "Zachorowało 61 500 osób.", "61 500", 61500, measure="cases", subject="osoba",
                   actor=None, published="2024-09-19", span=(300, 306))
    w, s, b = assign_figures([who, sudan, beside], stories)
    assert b.key not in (w.key, s.key)
    towns = [claim(a, "W Nysie ewakuowano 900 osób.", "900", 900, measure="displaced", subject="osoba",
                   place=place, actor=None) for a, place in (("a", "Nysa"), ("b", "Nysa"), ("c", "Kłodzko"))]
    total = claim("d", "Ewakuowano 3 tys. osób.", "3 tys.", 3000, measure="displaced", subject="osoba", actor=None)
    *placed, t = assign_figures([*towns, total], stories)
    assert all(t.key != k.key for k in placed)


def test_a_denial_joins_only_a_figure_of_its_unit_and_order_of_quantity() -> None:
    stories = {a: "story:hostages" for a in "abc"}
    workers = claim("a", "W kopalni pracowało 1,4 tys. osób.", "1,4 tys.", 1400, measure="other", subject="osoba")
    ransom = claim("b", "Spółka zaprzecza, by zapłaciła 5 mln dolarów okupu.", "5 mln dolarów", 5e6, measure="other",
                   unit="USD", modality="denied", published="2024-09-19")
    votes = claim("c", "Ważnych głosów było 19,6 mln.", "19,6 mln", 19.6e6, measure="other", subject="głos")
    gap = claim("c", "Sztab zaprzecza, że traci 6 punktów.", "6", 6, measure="other", subject="punkt",
                modality="denied", span=(300, 301))
    w, r, v, g = assign_figures([workers, ransom, votes, gap], stories)
    assert r.role == "denial" and r.key not in (w.key, v.key)
    assert g.role == "denial" and g.key not in (w.key, v.key)


def test_a_count_in_an_area_named_before_is_not_the_countrys() -> None:
    stories = {a: "story:cholera" for a in "ab"}
    who = claim("a", "WHO podała, że w Jemenie zmarło 498 osób.", "498", 498, measure="killed", subject="osoba",
                place="Yemen", actor=None, source="WHO")
    governorate = claim("b", "Według WHO w tej muhafazie zgonów było 149.", "149", 149, measure="killed",
                        subject="zgon", actor=None, source="WHO", published="2024-09-19")
    whole, part = assign_figures([who, governorate], stories)
    assert whole.key != part.key
    plain = claim("b", "Według WHO zgonów było 520.", "520", 520, measure="killed", subject="zgon", actor=None,
                  source="WHO", published="2024-09-19")
    w, p = assign_figures([who, plain], stories)
    assert w.key == p.key


def test_a_regional_offices_count_joins_its_region_when_the_story_names_it() -> None:
    stories = {"a": "story:flood", "b": "story:flood", "c": "story:flood"}
    office = claim("a", "Wojewoda lubuski przekazał, że na terenie województwa zginęły dwie osoby.", "dwie", 2,
                   source="wojewoda lubuski")
    named = claim("b", "W województwie lubuskim zginęły już trzy osoby.", "trzy", 3, place="Lubusz Voivodeship",
                  published="2024-09-19")
    total = claim("c", "W Polsce zginęło łącznie 8 osób.", "8", 8, place="Poland", published="2024-09-19")
    here = claim("c", "Jak przekazał wojewoda lubuski, w regionie zginęły trzy z nich.", "trzy", 3,
                 source="wojewoda lubuski", place="Poland", published="2024-09-19", span=(60, 64))
    a, b, c, d = assign_figures([office, named, total, here], stories)
    assert a.key == b.key and a.key.place == "Lubusz Voivodeship"
    assert (d.role, d.whole) == ("part", 2) and d.key == b.key and c.key != b.key


def test_a_candidate_named_by_a_common_noun_is_a_holder_of_its_own() -> None:
    sentence = "Kandydat prawicy zdobył 40 proc. głosów, a kandydat centrum 21 proc."
    right = claim("a", sentence, "40 proc.", 40, measure="other", unit="percent", subject="głos")
    centre = claim("a", sentence, "21 proc.", 21, measure="other", unit="percent", subject="głos")
    later = claim("b", "Kandydat centrum wygrał z wynikiem 54 proc. głosów.", "54 proc.", 54, measure="other",
                  unit="percent", subject="głos", published="2024-09-19")
    r, c, lt = assign_figures([right, centre, later], {"a": "story:vote", "b": "story:vote"})
    assert r.key != c.key and c.key == lt.key
    named = claim("c", "Jak podał sztab, Kandydat Koalicji Obywatelskiej ma 31 proc. głosów.", "31 proc.", 31,
                  measure="other", unit="percent", subject="głos")
    [n] = assign_figures([named])
    assert n.key.subject.endswith("for KO")


def test_a_subject_that_is_a_word_of_a_places_name_names_no_kind() -> None:
    stories = {"a": "story:strike", "b": "story:strike"}
    toll = claim("a", "W ataku na Krzywy Róg zginęło 12 osób.", "12", 12, place="Kryvyi Rih")
    named = claim("b", "Liczba ofiar ataku na Krzywy Róg wzrosła do 18.", "18", 18, subject="Róg",
                  place="Kryvyi Rih", published="2024-09-19")
    a, b = assign_figures([toll, named], stories)
    assert a.key == b.key
    horns = claim("c", "Kłusownicy sprzedali 40 rogów.", "40", 40, measure="other", subject="róg")
    [h] = assign_figures([horns])
    assert h.key.subject == "róg"


def test_a_count_of_the_actors_own_nation_is_a_count_of_its_people() -> None:
    stories = {"a": "story:flu", "b": "story:flu"}
    people = claim("a", "Od października we Włoszech zachorowało 5 mln osób.", "5 mln", 5e6, measure="cases",
                   actor="Italy")
    nation = claim("b", "Od października zachorowało już 5,6 mln Włochów.", "5,6 mln", 5.6e6, measure="cases",
                   subject="Włoch", actor="Italy", published="2024-09-19")
    a, b = assign_figures([people, nation], stories)
    assert a.key == b.key
    held = claim("c", "W ukraińskiej niewoli przebywa 6 tys. Rosjan.", "6 tys.", 6000, measure="captured",
                 subject="Rosjanin", actor="Russia")
    kept = claim("c", "W rękach rosyjskich pozostaje 8 tys. osób.", "8 tys.", 8000, measure="captured",
                 actor="Russia", span=(60, 66))
    h, k = assign_figures([held, kept])
    assert h.key != k.key


def test_a_count_over_the_season_beside_the_incidents_toll_is_a_figure_of_its_own() -> None:
    stories = {"a": "story:avalanche", "b": "story:avalanche"}
    season = claim("a", "Od początku sezonu w Tatrach zginęło już sześć osób.", "sześć", 6, place="Tatry")
    toll = claim("a", "Bilans czwartkowej lawiny to cztery ofiary.", "cztery", 4, place="Tatry", span=(80, 86),
                 subject="ofiara")
    later = claim("b", "Lawina zabrała cztery osoby, potwierdził TOPR.", "cztery", 4, place="Tatry",
                  published="2024-09-19")
    s, t, w = assign_figures([season, toll, later], stories)
    assert s.key != t.key and s.key.period and t.key == w.key and t.key.period is None


def test_a_count_over_the_last_years_is_a_figure_of_that_stretch() -> None:
    stories = {"a": "story:avalanche"}
    decade = claim("a", "W ciągu ostatnich dziesięciu lat w lawinach zginęło w Polsce 19 osób.", "19", 19)
    toll = claim("a", "W piątkowej lawinie zginęły dwie osoby.", "dwie", 2, span=(90, 94))
    d, t = assign_figures([decade, toll], stories)
    assert d.key != t.key and "ostatnich" in (d.key.period or "") and t.key.period is None


def test_a_rounded_headline_or_an_earlier_report_of_a_total_stays_the_total() -> None:
    stories = {"a": "story:flu"}
    headline = claim("a", "Już ponad 2 tys. zachorowań na grypę", "2 tys.", 2000, measure="cases",
                     subject="zachorowanie", modality="asserted")
    since = claim("a", "Od początku roku sanepid odnotował 2150 zachorowań.", "2150", 2150, measure="cases",
                  subject="zachorowanie", span=(80, 84))
    h, s = assign_figures([headline, since], stories)
    assert h.key == s.key and s.key.period is None
    earlier = claim("a", "W poniedziałek mówiono o 22 ogniskach choroby.", "22", 22, measure="other",
                    subject="ognisko", reference_time="2024-09-16", reference_basis="text")
    total = claim("a", "Od początku roku potwierdzono 23 ogniska.", "23", 23, measure="other",
                  subject="ognisko", span=(80, 82))
    e, t = assign_figures([earlier, total], stories)
    assert e.key == t.key and t.key.period is None


def test_a_years_count_beside_a_count_since_a_month_is_no_part_held_by_it() -> None:
    stories = {"a": "story:border"}
    year = claim("a", "W 2023 r. odnotowano 10 tys. prób przekroczenia granicy.", "10 tys.", 10000,
                 measure="other", subject="próba")
    since = claim("a", "Od października straż graniczna odnotowała 13 580 prób.", "13 580", 13580,
                  measure="other", subject="próba", span=(80, 86))
    y, s = assign_figures([year, since], stories)
    assert s.key.period is None and y.key.period != (s.key.period or "od października")


def test_children_well_below_a_toll_of_people_are_a_subset_not_its_kind() -> None:
    stories = {"a": "story:bus", "b": "story:bus", "c": "story:bus"}
    toll = claim("a", "Chorwackie MSW podało, że nie żyje 11 osób.", "11", 11, subject="osoba")
    later = claim("b", "W wypadku zginęło 10 osób.", "10", 10, subject="osoba", published="2024-09-19")
    children = claim("c", "Wśród zabitych jest dwoje dzieci.", "dwoje", 2, subject="dziecko")
    a, b, c = assign_figures([toll, later, children], stories)
    assert a.key == b.key and a.key.subject == "people" and c.key != a.key
    # An epidemic's dead children and another source's `osób` close to them are one toll.
    kids = claim("a", "Zmarło 18 dzieci.", "18", 18, subject="dziecko")
    people = claim("b", "Instytut podał, że zmarło 16 osób.", "16", 16, subject="osoba")
    k, p = assign_figures([kids, people], {"a": "story:measles", "b": "story:measles"})
    assert k.key == p.key and k.key.subject == "children"


def test_tickets_issued_are_fines_that_need_no_holder_while_seats_do() -> None:
    stories = {"a": "story:smog", "b": "story:smog"}
    first = claim("a", "Strażnicy wystawili 41 mandatów za palenie śmieci.", "41", 41, measure="other",
                  subject="mandat")
    later = claim("b", "Straż miejska wystawiła w sumie 158 mandatów.", "158", 158, measure="other",
                  subject="mandat", published="2024-09-20")
    a, b = assign_figures([first, later], stories)
    assert a.key == b.key and a.key.subject == "fines"
    seats = claim("a", "Nowa izba będzie liczyć 120 mandatów.", "120", 120, measure="other", subject="mandat")
    [s] = assign_figures([seats], {"a": "story:vote"})
    assert s.key.subject.startswith("unkeyed")


def test_a_key_without_a_place_is_one_figure_whether_or_not_its_group_splits_by_place() -> None:
    from kronika.reconcile.keys import FigureKey, figure_ids

    split = FigureKey("killed", None, "people", None, True, "story:a")
    whole = FigureKey("killed", None, "people", None, False, "story:a")
    assert split == whole and hash(split) == hash(whole)
    placed = FigureKey("killed", None, "people", "Opole", True, "story:a")
    assert len(set(figure_ids({split, whole, placed}).values())) == 2


def test_a_sum_bargained_over_takes_the_one_purpose_its_story_bargains_for() -> None:
    def money(article: str, sentence: str, mention: str, value: float) -> Claim:
        return claim(article, sentence, mention, value, measure="other", subject=None, unit="PLN")

    stories = {"a": "story:strike", "b": "story:strike", "c": "story:other"}
    keyed = money("a", "Związkowcy domagają się podwyżki o 1000 zł.", "1000 zł", 1000)
    bare = money("b", "Związek wciąż chce 1100 zł i nie ustąpi.", "1100 zł", 1100)
    offered = money("b", "Zarząd proponuje 400 zł.", "400 zł", 400)
    elsewhere = money("c", "Protestujący chcą 900 zł.", "900 zł", 900)
    k, b, o, e = assign_figures([keyed, bare, offered, elsewhere], stories)
    assert b.key == k.key and "pay rise" in k.key.subject  # the same side of the same bargain
    assert o.key != k.key and o.key.subject.startswith("unkeyed")  # no offer of the story names its purpose
    assert e.key.subject.startswith("unkeyed")  # another story's demands are not this one's
    # Two purposes demanded in one story leave a bare demand unkeyed.
    ransom = money("a", "Przestępcy żądają okupu w wysokości 2 mln zł.", "2 mln zł", 2e6)
    _, _, again = assign_figures([keyed, ransom, bare], stories)
    assert again.key.subject.startswith("unkeyed")


def test_a_foreign_ministry_counts_its_people_abroad_and_places_no_toll_at_home() -> None:
    stories = {"a": "story:crush", "b": "story:crush"}
    police = claim("a", "Węgierska policja podała, że zginęło dziewięć osób.", "dziewięć", 9,
                   source="Węgierska policja")
    ministry = claim("b", "Wśród 11 ofiar jest jedna Polka – potwierdziło Ministerstwo Spraw Zagranicznych.", "11", 11,
                     source="Ministerstwo Spraw Zagranicznych", subject="ofiara")
    p, m = assign_figures([police, ministry], stories)
    assert m.key.place != "Poland" and m.key == p.key
    # A ministry at home still places its own country's toll.
    home = claim("b", "Czeskie Ministerstwo Zdrowia podało, że zginęło 11 osób.", "11", 11,
                 source="Czeskie Ministerstwo Zdrowia")
    [h] = assign_figures([home], stories)
    assert h.key.place == "Czechia"


def test_a_citizen_among_the_counted_lends_no_actor() -> None:
    stories = {"a": "story:crush", "b": "story:crush"}
    toll = claim("a", "Zginęło 11 osób.", "11", 11)
    denied = claim("b", "Resort zdementował, jakoby wśród zabitych było troje obywateli Polski.", "troje", 3,
                   actor="Poland", subject="obywatel", modality="denied")
    t, _ = assign_figures([toll, denied], stories)
    assert t.key.actor is None


def test_a_body_named_with_its_state_places_the_storys_reports_that_name_it_alone() -> None:
    stories = {"a": "story:heat", "b": "story:heat"}
    named = claim("a", "Ministerstwo Zdrowia Indii podało, że zmarło 110 osób.", "110", 110,
                  source="Ministerstwo Zdrowia Indii", source_id="Ministerstwo Zdrowia (India)")
    alone = claim("b", "Ministerstwo Zdrowia podało, że zmarło 260 osób.", "260", 260, source="Ministerstwo Zdrowia",
                  source_id="Ministerstwo Zdrowia", published="2024-09-19")
    a, b = assign_figures([named, alone], stories)
    assert a.key == b.key and a.key.place == "India"
    from kronika.reconcile.identity import _source_homes
    homes = _source_homes([named, alone], ["story:heat", "story:heat"], "pl")
    assert homes[("story:heat", "Ministerstwo Zdrowia")] == "India"
    # A common noun named with a state (`policja (Hungary)`) lends its state to no other report.
    police = claim("c", "Węgierska policja podała, że zmarło 9 osób.", "9", 9, source="Węgierska policja",
                   source_id="policja (Hungary)")
    assert ("story:heat", "Policja") not in _source_homes([police], ["story:heat"], "pl")


def test_home_nationals_abroad_lend_the_story_no_actor() -> None:
    stories = {"a": "story:ferry", "b": "story:ferry"}
    poles = claim("a", "MSZ potwierdziło, że promem płynęło czworo obywateli RP.", "czworo", 4, measure="other",
                  subject="obywatel", actor="Poland")
    aboard = claim("b", "Na pokładzie było 356 osób.", "356", 356, measure="other", published="2024-09-19")
    a, b = assign_figures([poles, aboard], stories)
    assert b.key.actor is None and a.key != b.key
    # A state's own forces still lend their state: `11 tys. żołnierzy` of North Korea's story stays North Korea's.
    troops = claim("c", "Do Rosji trafiło 11 tys. żołnierzy z Korei Północnej.", "11 tys.", 11000, measure="deployed",
                   subject="żołnierz", actor="North Korea")
    bare = claim("d", "Na front trafiło kolejnych 3 tys.", "3 tys.", 3000, measure="deployed", published="2024-09-19")
    c, d = assign_figures([troops, bare], {"c": "story:war", "d": "story:war"})
    assert d.key.actor == "North Korea"


def test_a_thing_counted_under_two_verbs_is_one_quantity() -> None:
    stories = {"a": "story:spill", "b": "story:spill"}
    leaked = claim("a", "Z zakładu wyciekło 200 tys. litrów ścieków.", "200 tys.", 200000, measure="supplied",
                   subject="litr")
    other = claim("b", "Inspekcja mówi o 30 tys. litrów.", "30 tys.", 30000, measure="other", subject="litr",
                  published="2024-09-19")
    a, b = assign_figures([leaked, other], stories)
    assert a.key == b.key
    from kronika.reconcile.identity import _a_thing
    assert _a_thing("litr") and _a_thing("kura") and not _a_thing("pielęgniarka") and not _a_thing("studentka")
    # People are no thing: a count of fans under another verb stays apart.
    held = claim("c", "Zatrzymano 40 kibiców.", "40", 40, measure="captured", subject="kibic")
    present = claim("d", "Na stadionie było 9 tys. kibiców.", "9 tys.", 9000, measure="other", subject="kibic",
                    published="2024-09-19")
    c, d = assign_figures([held, present], {"c": "story:derby", "d": "story:derby"})
    assert c.key != d.key


def test_the_shares_of_two_votes_are_two_figures_a_result_cited_later_is_of_its_vote() -> None:
    stories = {a: "story:mayor" for a in "abcdefg"}
    first = claim("a", "Do godz. 17 frekwencja wyniosła 28,6 proc.", "28,6 proc.", 28.6, unit="percent",
                  measure="other", published="2026-06-14", reference_time="2026-06-14T17:00", reference_basis="text")
    run_off = claim("b", "Do godz. 17 frekwencja wyniosła 27,9 proc.", "27,9 proc.", 27.9, unit="percent",
                    measure="other", published="2026-06-28", reference_time="2026-06-28T17:00", reference_basis="text")
    cited = claim("c", "Frekwencja w pierwszej turze wyniosła 38,4 proc.", "38,4 proc.", 38.4, unit="percent",
                  measure="other", published="2026-06-20", reference_time="2026-06-20", reference_basis="published")
    a, b, c = assign_figures([first, run_off, cited], stories)
    assert a.key.subject == b.key.subject == "share of turnout"
    assert a.key != b.key and c.key == a.key
    # One vote's readings over its day and the next stay one figure.
    next_day = claim("d", "Frekwencja wyniosła ostatecznie 38,4 proc.", "38,4 proc.", 38.4, unit="percent",
                     measure="other", published="2026-06-15", reference_time="2026-06-15", reference_basis="published")
    x, y = assign_figures([first, next_day], stories)
    assert x.key == y.key
    # A vote years before, dated by its text, keeps no reading of this one dated by its article alone.
    before = claim("e", "W 2022 r., 16 października, frekwencja wyniosła 44,1 proc.", "44,1 proc.", 44.1,
                   unit="percent", measure="other", published="2026-06-15", reference_time="2022-10-16",
                   reference_basis="text")
    night = claim("f", "Frekwencja wyniosła 38,1 proc.", "38,1 proc.", 38.1, unit="percent", measure="other",
                  published="2026-06-14", reference_time="2026-06-14", reference_basis="published")
    monday = claim("g", "W poniedziałek komisja podała frekwencję 38,4 proc.", "38,4 proc.", 38.4, unit="percent",
                   measure="other", published="2026-06-15", reference_time="2026-06-15", reference_basis="text")
    old, now, later = assign_figures([before, night, monday], stories)
    assert old.key != now.key and now.key == later.key


def test_a_sum_that_says_too_little_is_the_storys_quantity_of_the_very_same_value() -> None:
    from kronika.article import Article
    from kronika.pipeline import extract_article

    def keyed(*texts: str) -> list[str]:
        claims = [c for i, t in enumerate(texts) for c in extract_article(Article(id=f"a{i}", text=t,
                                                                                  published="2026-05-02"))]
        return [m.key.subject for m in assign_figures(claims, {c.article: "cholera" for c in claims})]

    appeal = "ONZ ogłosiła apel o 48 mln dolarów na walkę z cholerą."
    assert keyed(appeal, "Chodzi o 48 mln dolarów – podało biuro ONZ.") == ["money (USD) for walka"] * 2
    # two reports of one unkeyed sum are one quantity; unkeyed shares are not (`30 proc.` of two things)
    first, second = keyed("Chodzi o 5 mln dolarów – podała policja.", "Przestępcy mówią o 5 mln dolarów.")
    assert first == second and first.startswith("unkeyed ")
    first, second = keyed("Chodzi o 30 proc. – podała policja.", "Przestępcy mówią o 30 proc.")
    assert first != second
    # negatives: another value stays unkeyed; a value stated for two purposes names neither
    assert keyed(appeal, "Chodzi o 20 mln dolarów – dodało biuro.")[1].startswith("unkeyed ")
    both = keyed(appeal, "Na szczepionki przeznaczono 48 mln dolarów.", "Chodzi o 48 mln dolarów.")
    assert both[2].startswith("unkeyed ")


def test_money_for_one_purpose_is_one_figure_whichever_verb_gave_its_measure() -> None:
    # `Rząd przekazał 2 mln zł pomocy` (supplied) and a headline `Już 2,5 mln zł pomocy` read with no verb
    # (`other`) count one sum for aid; a sum for another purpose keeps its own figure
    stories = {"a": "story:aid", "b": "story:aid"}
    given = claim("a", "Rząd przekazał 2 mln zł pomocy.", "2 mln zł", 2e6, measure="supplied", subject=None,
                  unit="PLN")
    headline = claim("b", "Już 2,5 mln zł pomocy.", "2,5 mln zł", 2.5e6, measure="other", subject=None,
                     unit="PLN")
    repair = claim("b", "Remont mostu kosztował 3 mln zł.", "3 mln zł", 3e6, measure="other", subject=None,
                   unit="PLN")
    g, h, r = assign_figures([given, headline, repair], stories)
    assert g.key == h.key and g.key.subject == "money (PLN) for aid"
    assert r.key != g.key and r.key.measure == "other"


def test_a_count_named_again_after_a_demonstrative_counts_what_it_counted() -> None:
    # `potwierdzono u 19 pacjentów. [...] Z tych 19 osób sześć przebywa już poza szpitalem`: the 19 again
    first = claim("a", "Bakterię potwierdzono u 19 pacjentów szpitala.", "19", 19, measure="cases",
                  subject="pacjent", span=(100, 102))
    again = claim("a", "Z tych 19 osób sześć przebywa już poza szpitalem.", "19", 19, measure="other",
                  span=(400, 402))
    f, a = assign_figures([first, again])
    assert a.key == f.key
    # negatives: without the demonstrative, or of another value, a head count stays a figure of its own
    plain = claim("a", "W szpitalu przebywa 19 osób.", "19", 19, measure="other", span=(400, 402))
    other = claim("a", "Z tych 23 osób sześć przebywa już poza szpitalem.", "23", 23, measure="other",
                  span=(400, 402))
    assert assign_figures([first, plain])[1].key != f.key
    assert assign_figures([first, other])[1].key != f.key


def test_a_ministrys_own_soldiers_are_its_countrys() -> None:
    # `MON Armenii poinformowało, że liczba zabitych żołnierzy wzrosła do 29`: Armenia's dead soldiers, the
    # figure of the story's other Armenian counts, not a count of whoever fell in Armenia
    stories = {"a": "story:clash", "b": "story:clash"}
    armenian = claim("a", "Armenia podała, że zginęło 15 jej żołnierzy.", "15", 15, subject="żołnierz",
                     actor="Armenia", source="Armenia")
    ministry = claim("b", "MON Armenii poinformowało, że liczba zabitych żołnierzy wzrosła do 29.", "29", 29,
                     subject="żołnierz", source="MON Armenii")
    a, m = assign_figures([armenian, ministry], stories)
    assert m.key == a.key
    # negatives: a ministry speaking of the other side keeps no actor of its own; civilians are placed
    other_side = claim("b", "Azerbejdżańskie ministerstwo obrony pisze o stronie armeńskiej, że poległo tam "
                       "100 żołnierzy.", "100", 100, subject="żołnierz", source="Azerbejdżańskie ministerstwo obrony")
    assert assign_figures([armenian, other_side], stories)[1].key.actor != "Azerbaijan"
    civilians = claim("b", "MON Armenii poinformowało, że zginęło 12 cywilów.", "12", 12, subject="cywil",
                      source="MON Armenii")
    assert assign_figures([armenian, civilians], stories)[1].claim.place == "Armenia"


def test_a_sum_at_a_month_of_the_storys_year_is_a_reading_of_its_series() -> None:
    # `W sierpniu wypłacono 11 mln zł odszkodowań` and, later, `17 mln zł odszkodowań`: one compensation
    # total read at two times, not a quantity of August
    august = claim("a", "W sierpniu wypłacono 11 mln zł odszkodowań.", "11 mln zł", 11e6, measure="other",
                   subject=None, unit="PLN", reference_time="2026-08", reference_basis="text", published="2026-09-10")
    later = claim("b", "Rolnicy dostali 17 mln zł odszkodowań.", "17 mln zł", 17e6, measure="other",
                  subject=None, unit="PLN", published="2026-09-20")
    a, b = assign_figures([august, later])
    assert a.key == b.key
    # negatives: a month of a past year is a past event's; a rate of a month (inflation) is that month's
    past = claim("b", "W maju 2014 r. wypłacono 30 mln zł odszkodowań.", "30 mln zł", 30e6, measure="other",
                 subject=None, unit="PLN", reference_time="2014-05", reference_basis="text", published="2026-09-20")
    assert assign_figures([august, later, past])[2].key != a.key
    rate = claim("a", "Inflacja w sierpniu wyniosła 4,3 proc.", "4,3 proc.", 4.3, measure="other", subject=None,
                 unit="percent", reference_time="2026-08", reference_basis="text", published="2026-09-10")
    now = claim("b", "Inflacja wynosi 4,9 proc.", "4,9 proc.", 4.9, measure="other", subject=None,
                unit="percent", published="2026-09-20")
    r, n = assign_figures([rate, now])
    assert r.key != n.key


def test_a_number_of_instances_is_no_count_of_illness() -> None:
    # `odmówiła w 14 przypadkach`: instances of a refusal, not 14 cases of a disease
    stories = {"a": "story:wolves", "b": "story:wolves"}
    refused = claim("a", "Dyrekcja odmówiła w 14 przypadkach.", "14", 14, measure="other", subject="przypadek")
    ill = claim("b", "Odnotowano 30 przypadków odry.", "30", 30, measure="cases", subject="przypadek")
    r, i = assign_figures([refused, ill], stories)
    assert r.key.subject.startswith("unkeyed ") and i.key.subject == "infections"
    # negative: `przypadków` counted without `w` is still cases of illness
    bare = claim("a", "Odnotowano 14 przypadków.", "14", 14, measure="other", subject="przypadek")
    assert assign_figures([bare, ill], stories)[0].key.subject == "infections"


def test_confirmed_cases_are_a_series_of_their_own_only_beside_suspected_ones() -> None:
    stories = {"a": "story:cholera", "b": "story:cholera", "c": "story:cholera"}
    suspected = claim("a", "WHO odnotowała 52 tys. podejrzanych przypadków cholery.", "52 tys.", 52_000,
                      measure="cases", subject="przypadek")
    plain = claim("b", "Resort zdrowia mówi o 60 tys. chorych.", "60 tys.", 60_000, measure="cases",
                  subject="chory")
    confirmed = claim("c", "Laboratoria potwierdziły dotąd 1450 zakażeń.", "1450", 1450, measure="cases",
                      subject="zakażenie")
    also = claim("c", "Potwierdzonych przypadków jest według WHO 1500.", "1500", 1500, measure="cases",
                 subject="przypadek")
    s, p, c, a = assign_figures([suspected, plain, confirmed, also], stories)
    assert s.key == p.key and s.key.subject == "infections"  # unmarked counts are the suspected series
    assert c.key == a.key != s.key and c.key.subject == "infections (confirmed)"
    # Where nobody counts suspected cases, a confirmed count is the one count there is.
    alone = {"x": "story:legionella", "y": "story:legionella"}
    first = claim("x", "Sanepid potwierdził 24 przypadki legionellozy.", "24", 24, measure="cases",
                  subject="przypadek")
    later = claim("y", "Chorych jest już 31.", "31", 31, measure="cases", subject="chory", published="2024-09-20")
    f, lt = assign_figures([first, later], alone)
    assert f.key == lt.key and f.key.subject == "infections"


def test_deaths_still_being_verified_are_not_the_death_toll() -> None:
    stories = {"a": "story:dengue", "b": "story:dengue"}
    dead = claim("a", "Na dengę zmarło 412 osób, a kolejne 980 zgonów jest wyjaśnianych.", "412", 412)
    pending = claim("a", "Na dengę zmarło 412 osób, a kolejne 980 zgonów jest wyjaśnianych.", "980", 980,
                    subject="zgon")
    later = claim("b", "Kolejnych 1210 zgonów czeka na wyniki badań, a zmarło już 1118 osób.", "1210", 1210,
                  subject="zgon", published="2024-09-25")
    toll = claim("b", "Kolejnych 1210 zgonów czeka na wyniki badań, a zmarło już 1118 osób.", "1118", 1118,
                 published="2024-09-25")
    d, p, lt, t = assign_figures([dead, pending, later, toll], stories)
    assert d.key == t.key and p.key == lt.key != d.key
    assert p.key.subject == "people (under investigation)" and p.whole is None  # no `change` of the toll
    # An unconfirmed report of the toll is the toll, weakly reported; a speaker confirming is no status.
    weak = claim("b", "Według niepotwierdzonych informacji zginęło 1300 osób.", "1300", 1300,
                 published="2024-09-25")
    said = claim("b", "Rzecznik potwierdził, że zmarło 1120 osób.", "1120", 1120, published="2024-09-25")
    d2, w, s = assign_figures([dead, weak, said], stories)
    assert d2.key == w.key == s.key


def test_a_closed_stretch_of_days_is_a_figure_of_its_own() -> None:
    stories = {"a": "story:flu", "b": "story:flu", "c": "story:flu"}
    week = claim("a", "W tygodniu od 3 do 9 marca lekarze zgłosili 280 tys. zachorowań.", "280 tys.", 280_000,
                 measure="cases", subject="zachorować", reference_time="2024-03-09", reference_basis="text")
    same = claim("b", "Między 3 a 9 marca odnotowano 281 tys. nowych zachorowań.", "281 tys.", 281_000,
                 measure="cases", subject="zachorować", reference_time="2024-03-09", reference_basis="text")
    next_week = claim("b", "W dniach 10–16 marca lekarze zgłosili 310 tys. zachorowań.", "310 tys.", 310_000,
                      measure="cases", subject="zachorować", reference_time="2024-03-16", reference_basis="text")
    season = claim("c", "Od początku sezonu zachorowało 2,4 mln osób.", "2,4 mln", 2_400_000, measure="cases",
                   subject="osoba", reference_time="2024-03-20", reference_basis="since:2023-09")
    w, s, n, t = assign_figures([week, same, next_week, season], stories)
    assert w.key == s.key and len({w.key, n.key, t.key}) == 3
    # A stretch its clause calls a total is the running total read on its last day.
    total = claim("c", "Od 1 do 20 marca odwołano łącznie 702 pociągi.", "702", 702, measure="other",
                  subject="pociąg", reference_time="2024-03-20", reference_basis="text")
    alone = claim("c", "Od soboty odwołano 650 pociągów.", "650", 650, measure="other", subject="pociąg",
                  reference_time="2024-03-20", reference_basis="since:2024-03-16")
    a, b = assign_figures([total, alone], stories)
    assert a.key == b.key


def test_a_national_body_of_poland_counts_polands_toll_beside_a_neighbours() -> None:
    stories = {"a": "story:flu", "b": "story:flu"}
    ours = claim("a", "Główny Inspektorat Sanitarny podał, że od września zmarło 148 osób.", "148", 148,
                 source="Główny Inspektorat Sanitarny", reference_basis="since:2023-09")
    again = claim("b", "Według GIS od września zmarło 213 osób.", "213", 213, source="GIS",
                  reference_basis="since:2023-09", published="2024-09-25")
    theirs = claim("b", "Czeski urząd zdrowia odnotował od początku sezonu 44 zgony.", "44", 44, subject="zgon",
                   place="Czechia", source="Czeski urząd zdrowia", reference_basis="since:2023-09",
                   published="2024-09-25")
    o, a, t = assign_figures([ours, again, theirs], stories)
    assert o.key == a.key != t.key and o.key.place == "Poland" and t.key.place == "Czechia"


def test_an_order_is_a_quantity_of_its_own_beside_the_deliveries() -> None:
    stories = {"a": "story:vaccine", "b": "story:vaccine"}
    sentence = "Resort zamówił na sezon 3,1 mln dawek, a do aptek dotarło dotąd 1,4 mln."
    ordered = claim("a", sentence, "3,1 mln", 3_100_000, measure="supplied", subject="dawka")
    delivered = claim("a", sentence, "1,4 mln", 1_400_000, measure="supplied", subject="dawka")
    later = claim("b", "Do aptek dostarczono już 2 mln dawek z zamówionych 3,1 mln.", "2 mln", 2_000_000,
                  measure="supplied", subject="dawka", published="2024-09-25")
    again = claim("b", "Do aptek dostarczono już 2 mln dawek z zamówionych 3,1 mln.", "3,1 mln", 3_100_000,
                  measure="supplied", subject="dawka", published="2024-09-25")
    o, d, lt, a = assign_figures([ordered, delivered, later, again], stories)
    assert d.key == lt.key != o.key and o.key == a.key and o.key.subject == "doses (ordered)"
    # A sum paid for an order is money for its purpose, not a count narrowed as ordered.
    money = claim("a", "Gmina kupiła szczepionki za 300 tys. zł.", "300 tys. zł", 300_000, measure="supplied",
                  unit="PLN", subject=None)
    assert "ordered" not in (assign_figures([money])[0].key.subject)


def test_a_share_named_as_a_share_is_no_price_rise() -> None:
    rate = _share("a", "Odsetek zaszczepionych dorosłych wzrósł do 7,9 proc.", "7,9 proc.", 7.9)
    fare = _share("b", "Według ratusza bilety zdrożeją, to wzrost o 18 proc.", "18 proc.", 18)
    r, f = assign_figures([rate, fare])
    assert f.key.subject == "share of price rise" and r.key.subject != f.key.subject


def _price(article: str, sentence: str, mention: str, value: float, unit: str = "EUR") -> Claim:
    return claim(article, sentence, mention, value, measure="other", unit=unit, subject=None)


def test_the_prices_of_two_fuels_are_two_quantities() -> None:
    listed = "Za litr benzyny trzeba zapłacić średnio 1,98 euro, za litr oleju napędowego 2,04 euro."
    petrol = _price("a", listed, "1,98 euro", 1.98)
    diesel = _price("a", listed, "2,04 euro", 2.04)
    later = _price("b", "Średnia cena litra benzyny wzrosła do 2,01 euro.", "2,01 euro", 2.01)
    pair = "Analitycy podają 1,95 euro za litr benzyny i 2,02 euro za diesla."
    other_petrol = _price("b", pair, "1,95 euro", 1.95)
    other_diesel = _price("b", pair, "2,02 euro", 2.02)
    p, d, lt, op, od = assign_figures([petrol, diesel, later, other_petrol, other_diesel])
    assert p.key == lt.key == op.key and d.key == od.key != p.key
    assert p.key.subject == "money (EUR) for price (per litre, petrol)"
    # A price per square metre is a rate, whichever way the metre is written.
    flat = _price("c", "Metr kwadratowy kosztuje w stolicy 17 850 zł.", "17 850 zł", 17_850, "PLN")
    again = _price("d", "Portal: 19 400 zł za metr.", "19 400 zł", 19_400, "PLN")
    f, g = assign_figures([flat, again])
    assert f.key == g.key and "per square metre" in f.key.subject


def test_the_area_sprayed_is_not_the_area_the_plague_took() -> None:
    stories = {"a": "story:locusts", "b": "story:locusts"}
    taken = claim("a", "Szarańcza opanowała 450 tys. ha upraw.", "450 tys. ha", 450_000, measure="other",
                  unit="ha", subject=None)
    again = claim("b", "Roje objęły już 480 tys. ha.", "480 tys. ha", 480_000, measure="other", unit="ha",
                  subject=None, published="2024-09-25")
    sprayed = claim("b", "Opryskano dotąd 52 tys. ha.", "52 tys. ha", 52_000, measure="other", unit="ha",
                    subject=None, published="2024-09-25")
    also = claim("a", "– Spryskaliśmy już 40 tys. hektarów.", "40 tys. hektarów", 40_000, measure="other",
                 unit="ha", subject=None)
    t, a, s, o = assign_figures([taken, again, sprayed, also], stories)
    assert t.key == a.key and s.key == o.key != t.key and s.key.subject == "area (ha, treated)"


def test_a_debt_is_one_quantity_whatever_its_word_and_its_overdue_part_another() -> None:
    stories = {"a": "story:debt", "b": "story:debt", "c": "story:debt"}
    debt = _price("a", "Zadłużenie szpitali wyniosło na koniec czerwca 18,2 mld zł.", "18,2 mld zł", 18.2e9, "PLN")
    again = _price("b", "Resort: dług szpitali przekroczył 19 mld zł.", "19 mld zł", 19e9, "PLN")
    overdue = _price("c", "NFZ podał, że zobowiązania wymagalne wynosiły 3,4 mld zł.", "3,4 mld zł", 3.4e9, "PLN")
    also = _price("a", "Przeterminowane długi szpitali to 3,1 mld zł.", "3,1 mld zł", 3.1e9, "PLN")
    d, a, o, al = assign_figures([debt, again, overdue, also], stories)
    assert d.key == a.key and o.key == al.key != d.key and d.key.subject == "money (PLN) for debt"
    # `długo` is no debt
    waited = _price("c", "Gmina długo czekała na 2 mln zł.", "2 mln zł", 2e6, "PLN")
    assert "debt" not in assign_figures([waited])[0].key.subject


def test_votes_are_the_candidates_named_in_their_own_clause() -> None:
    stories = {"a": "story:vote", "b": "story:vote"}
    said = "Na Nawrockiego zagłosowało 10 606 877 osób, na jego rywala 10 237 286."
    first = claim("a", said, "10 606 877", 10_606_877, measure="other", subject="osoba")
    rival = claim("a", said, "10 237 286", 10_237_286, measure="other", subject=None)
    listed = "Karol Nawrocki otrzymał 10 606 877 głosów, a Rafał Trzaskowski 10 237 286 głosów."
    again = claim("b", listed, "10 606 877", 10_606_877, measure="other", subject="głos")
    other = claim("b", listed, "10 237 286", 10_237_286, measure="other", subject="głos")
    total = claim("b", "Oddano 20,8 mln ważnych głosów.", "20,8 mln", 20_800_000, measure="other", subject="głos")
    f, r, a, o, t = assign_figures([first, rival, again, other, total], stories)
    assert f.key == a.key and f.key.subject == "votes for Karol Nawrocki"
    assert o.key.subject == "votes for Rafal Trzaskowski" and r.key != f.key and t.key.subject == "votes"


def test_an_undated_share_beside_the_earlier_vote_its_article_dates_is_the_days_own() -> None:
    day = "2025-06-02"
    now = claim("a", "Frekwencja sięgnęła 70,1 proc.", "70,1 proc.", 70.1, measure="other", unit="percent",
                subject=None, published=day, reference_time=day, reference_basis="published")
    before = claim("a", "W pierwszej turze, dwa tygodnie wcześniej, do urn poszło 66,2 proc. uprawnionych.",
                   "66,2 proc.", 66.2, measure="other", unit="percent", subject=None, published=day,
                   reference_time="2025-05-19", reference_basis="text")
    cited = claim("b", "Frekwencja wyniosła 66,2 proc.", "66,2 proc.", 66.2, measure="other", unit="percent",
                  subject=None, published="2025-05-25", reference_time="2025-05-25", reference_basis="published")
    n, b, c = assign_figures([now, before, cited], {"a": "story:vote", "b": "story:vote"})
    assert n.key != b.key and b.key == c.key  # another article's undated reading a week on cites the vote


def test_a_share_of_votes_is_the_holders_named_in_its_own_clause() -> None:
    said = ("Komisja podała, że kandydat popierany przez PiS zdobył 50,89 proc. głosów, "
            "a Rafał Trzaskowski – 49,11 proc.")
    won = _vote_share("a", said, "50,89 proc.")
    lost = _vote_share("a", said, "49,11 proc.")
    w, lo = assign_figures([won, lost])
    assert w.key != lo.key and lo.key.subject == "share of votes for Rafal Trzaskowski"


def test_captives_still_held_are_a_stock_of_their_own_beside_those_taken() -> None:
    stories = {"a": "story:hostages", "b": "story:hostages"}
    taken = claim("a", "Podczas napaści uprowadzono ponad 230 osób.", "230", 230, measure="captured")
    held = claim("b", "W niewoli wciąż pozostaje 95 zakładników.", "95", 95, measure="captured", subject="zakładnik",
                 published="2024-09-25")
    still = claim("b", "Grupa twierdzi, że nadal przetrzymuje 97 zakładników.", "97", 97, measure="captured",
                  subject="zakładnik", published="2024-09-25")
    t, h, s = assign_figures([taken, held, still], stories)
    assert h.key == s.key != t.key and h.key.subject.endswith("(still held)")
    # said plainly, a count of captives is the one count there is
    plain = claim("b", "Według Erywania w niewoli jest 11 żołnierzy.", "11", 11, measure="captured",
                  subject="żołnierz", published="2024-09-25")
    caught = claim("a", "Baku twierdzi, że zatrzymało 8 żołnierzy.", "8", 8, measure="captured", subject="żołnierz")
    p, c = assign_figures([plain, caught], stories)
    assert p.key == c.key


# Two words of one kind meet, a third of another does not: (sentence, mention, value, subject) each.
_ONE_KIND = [
    # participles counting people are people
    (("FAO mówi o 3,5 mln zagrożonych.", "3,5 mln", 3_500_000, "zagrozić"),
     ("Głód grozi 7,2 mln osób.", "7,2 mln", 7_200_000, "osoba"),
     ("Roje liczą 200 mln owadów.", "200 mln", 200_000_000, "owad"), "people"),
    # posts to fill, whatever the word; a tender's offers are bids
    (("ZNP: wciąż 16 tys. wakatów.", "16 tys.", 16_000, "wakat"),
     ("Wolnych etatów jest ponad 15 tys.", "15 tys.", 15_000, "etat"),
     ("W przetargu złożono pięć ofert.", "pięć", 5, "oferta"), "vacancies"),
]


def test_a_participle_of_what_befell_people_counts_people() -> None:
    stories = {"a": "story:s", "b": "story:s"}
    # `porwać` has no row: a participle whose lemma is its verb's, in a count of what befalls people
    taken = claim("a", "Policja mówi o 287 porwanych.", "287", 287, measure="captured", subject="porwać")
    pupils = claim("b", "Ze szkoły uprowadzono 300 osób.", "300", 300, measure="captured", subject="osoba",
                   published="2024-09-25")
    t, p = assign_figures([taken, pupils], stories)
    assert t.key == p.key and t.key.subject == "people"
    # ... but not in a count of things: `2,8 mln zamówionych` (dawek) is no people
    [ordered] = assign_figures([claim("a", "Dostarczono 2,3 mln dawek z 2,8 mln zamówionych.", "2,8 mln", 2.8e6,
                                      measure="supplied", subject="zamówić")])
    assert ordered.key.subject.startswith("zamówić")


@pytest.mark.parametrize("first,second,other,kind", _ONE_KIND, ids=[row[3] for row in _ONE_KIND])
def test_two_words_of_one_kind_meet_and_a_third_does_not(first: tuple, second: tuple, other: tuple,
                                                          kind: str) -> None:
    stories = {"a": "story:s", "b": "story:s"}
    one = claim("a", *first[:3], measure="other", subject=first[3])
    two = claim("b", *second[:3], measure="other", subject=second[3], published="2024-09-25")
    three = claim("b", *other[:3], measure="other", subject=other[3], published="2024-09-25")
    f, s2, t = assign_figures([one, two, three], stories)
    assert f.key == s2.key != t.key and f.key.subject == kind


def test_a_membership_head_takes_its_kind_from_the_group_after_it() -> None:
    from kronika.reconcile.context import ClaimContext
    from kronika.reconcile.identity import _kind

    def kind(sentence: str, mention: str) -> str | None:
        start = sentence.index(mention)
        claim = Claim(article="a", span=(start, start + len(mention)), mention=mention, value=2.0, measure="killed",
                      subject="członek", sentence=sentence, published="2026-03-12")
        return _kind(claim, ClaimContext(), "pl")

    assert kind("Na masowcu zginęło dwóch członków załogi.", "dwóch") == "crew"
    assert kind("W ataku zginęło dwóch marynarzy.", "dwóch") != "soldiers"
    # a group not listed leaves the head's own kind
    assert kind("W wypadku zginęło dwóch członków komisji.", "dwóch") == "członek"


def test_a_share_going_on_a_list_counts_what_the_share_before_it_counts() -> None:
    from kronika.pipeline import extract

    def kinds(text: str) -> list[str]:
        claims = sorted(extract(text, "2026-08-20"), key=lambda c: c.span)
        return [m.key.subject for m in assign_figures(claims)]

    same = kinds("W lipcu susza obejmowała 45 proc. gruntów ornych, dziś już tylko 12 proc.")
    assert same[0] == same[1] and not same[0].startswith("unkeyed")
    # words of its own after or before it name what it is of: no share inherited
    apart = kinds("W październiku 34 proc. zboża trafiło do Afryki, 41 proc. do Azji.")
    assert apart[0] != apart[1]
    apart = kinds("Z danych wynika, że 62 proc. zmarłych to seniorzy, a 18 proc. – robotnicy.")
    assert apart[0] != apart[1]


def test_a_bargained_rise_in_a_pay_dispute_is_a_pay_rise() -> None:
    from kronika.pipeline import extract

    first = extract("Związek domaga się podniesienia płac zasadniczych o 25 proc.", "2026-09-14", article="a")
    later = extract("Związek podtrzymuje żądanie podwyżki o 25 proc.", "2026-09-15", article="b")
    keys = [m.key.subject for m in assign_figures([*first, *later], stories={"a": "s", "b": "s"})]
    assert keys[0] == keys[1] and "wages" in keys[0]
    # without a pay dispute in the story a bargained rise stays a price rise
    [alone] = [m.key.subject for m in assign_figures(later, stories={"b": "s"})]
    assert "wages" not in alone
