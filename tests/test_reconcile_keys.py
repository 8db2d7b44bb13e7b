"""Which claims meet in one figure, what a subject counts as, and stable figure ids."""
from __future__ import annotations

from importlib import resources

from kronika.claim import Claim
from kronika.reconcile import build_figures, subject_kind
from kronika.reconcile.keys import FigureKey, figure_ids, slug
from kronika.reconcile.subject_kinds import load_subject_kinds
from tests.test_reconcile_story import make_claim


def ids(*claims):
    return sorted(f.id for f in build_figures(claims))


# --- subject kinds ---------------------------------------------------------------------------------

def test_subject_kinds_from_the_data_file():
    assert subject_kind("żołnierz") == "soldiers"
    assert subject_kind("wojskowy") == "soldiers"
    assert subject_kind("cywil") == "civilians"
    assert subject_kind("osoba") == "people"
    assert subject_kind("uchodźca") == "people"
    assert subject_kind("dziecko") == "children"
    assert subject_kind("pocisk artyleryjski") == "artillery shells"
    assert subject_kind("czołg") == "tanks"
    assert subject_kind("dron") == "drones"


def test_head_noun_is_found_before_or_after_its_adjective():
    assert subject_kind("żołnierz północnokoreański") == "soldiers"
    assert subject_kind("rosyjski czołg") == "tanks"


def test_tonnes_are_one_kind_whichever_lemma_morfeusz2_gives_tony():
    # `4 tony ryb` has the lemma `ton` (a tone) as well as `tona`; `4 tonach` only `tona`.
    assert subject_kind("ton") == subject_kind("tona") == "tonnes"
    assert subject_kind("kilogram") == "kilograms"


def test_one_run_of_a_train_is_one_kind_whatever_the_word_and_a_body_is_a_person():
    assert subject_kind("pociąg") == subject_kind("kurs") == subject_kind("skład") == "trains"
    assert subject_kind("ciało") == subject_kind("zwłoki") == subject_kind("osoba") == "people"
    assert subject_kind("mężczyzna") == "people" and subject_kind("kobieta") == "women"  # women: a part apart
    # Buses and flights stay kinds of their own.
    assert subject_kind("lot") == "flights" and subject_kind("autobus") != "trains"


def test_protesters_are_a_kind_of_people_of_their_own():
    # Wounded protesters and wounded police are two counts; `osób` joins protesters only where they are the
    # one kind named (kronika.reconcile.keys._generic_kinds_joined).
    assert subject_kind("protestujący") == subject_kind("demonstrant") == "protesters"
    assert subject_kind("policjant") != "protesters"


def test_cars_and_lorries_are_vehicles():
    assert subject_kind("samochód") == subject_kind("ciężarówka") == subject_kind("tir") == "vehicles"


def test_a_poisoning_is_a_case_of_illness():
    assert subject_kind("zatrucie") == subject_kind("zakażenie") == "infections"
    assert subject_kind("zatruty") == "infections" and subject_kind("pacjent") == "patients"


def test_homonym_tags_and_case_are_ignored():
    assert subject_kind("Żołnierz:Sm1") == "soldiers"


def test_an_unknown_subject_keeps_its_own_phrase():
    assert subject_kind("latarnia morska") == "latarnia morska"


def test_no_subject_no_kind():
    assert subject_kind(None) is None and subject_kind("  ") is None


def test_shares_and_money_are_kinds_of_their_own():
    assert subject_kind("żołnierz", unit="percent") == "soldiers (%)"
    assert subject_kind(None, unit="USD") == "money (USD)"
    assert subject_kind("pomoc wojskowa", unit="EUR") == "money (EUR)"
    assert subject_kind("pocisk", unit=None) == "projectiles"


def test_the_data_file_is_well_formed():
    text = (resources.files("kronika") / "lang" / "pl" / "subject_kinds.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert all(len(row) == 2 and row[0].strip() and row[1].strip() for row in rows)
    lemmas = [row[0] for row in rows]
    assert len(lemmas) == len(set(lemmas)), "a lemma is listed twice"
    assert len(load_subject_kinds("pl")) == len(lemmas)


# --- grouping --------------------------------------------------------------------------------------

def test_measure_actor_and_kind_split_figures():
    assert ids(make_claim(1, measure="killed"), make_claim(1, measure="wounded"),
               make_claim(1, actor="Russia"), make_claim(1, subject="cywil"),
               make_claim(1, subject="wojskowy")) == [
        "killed:north-korea:civilians", "killed:north-korea:soldiers", "killed:russia:soldiers",
        "wounded:north-korea:soldiers"]


def test_claims_without_an_actor_join_the_one_actor_of_their_story():
    assert ids(make_claim(1, actor=None), make_claim(2)) == ["killed:north-korea:soldiers"]


def test_claims_without_an_actor_stay_apart_where_the_story_names_two():
    assert ids(make_claim(1, actor=None), make_claim(2), make_claim(3, actor="Russia")) == [
        "killed:no-actor:soldiers", "killed:north-korea:soldiers", "killed:russia:soldiers"]


def test_a_missing_place_meets_the_one_named_place():
    (figure,) = build_figures([make_claim(1, place=None), make_claim(2, place="Kursk Oblast")])
    assert figure.id == "killed:north-korea:soldiers" and figure.place == "Kursk Oblast"
    assert len(figure.claims) == 2


def test_two_named_places_split_and_the_placeless_claims_stay_apart():
    figures = {f.id: f for f in build_figures([
        make_claim(1, place="Kursk Oblast"), make_claim(2, place="Donetsk Oblast"),
        make_claim(3, place=None)])}
    assert sorted(figures) == ["killed:north-korea:soldiers", "killed:north-korea:soldiers:donetsk-oblast",
                               "killed:north-korea:soldiers:kursk-oblast"]
    assert figures["killed:north-korea:soldiers"].place is None
    assert [c.value for c in figures["killed:north-korea:soldiers:kursk-oblast"].claims] == [1]


def test_a_missing_subject_meets_the_one_named_kind():
    (figure,) = build_figures([make_claim(1, subject=None), make_claim(2, subject="żołnierz")])
    assert figure.subject == "soldiers"


def test_a_missing_subject_among_several_kinds_is_unspecified():
    assert ids(make_claim(1, subject=None), make_claim(2, subject="żołnierz"),
               make_claim(3, subject="cywil")) == [
        "killed:north-korea:civilians", "killed:north-korea:soldiers", "killed:north-korea:unspecified"]


def test_grouping_does_not_depend_on_order():
    claims = [make_claim(1, place="Kursk Oblast"), make_claim(2, place=None, subject=None),
              make_claim(3, subject="cywil"), make_claim(4, place="Donetsk Oblast", article="x")]
    forward = {f.id: sorted(c.value for c in f.claims) for f in build_figures(claims)}
    backward = {f.id: sorted(c.value for c in f.claims) for f in build_figures(reversed(claims))}
    assert forward == backward


def test_every_claim_stays():
    claims = [make_claim(float(i), article=str(i)) for i in range(50)]
    assert sum(len(f.claims) for f in build_figures(claims)) == 50


# --- ids -------------------------------------------------------------------------------------------

def test_slugs():
    assert slug("North Korea") == "north-korea"
    assert slug("Łódź") == "lodz"
    assert slug("soldiers (%)") == "soldiers-pct"
    assert slug("money (USD)") == "money-usd"
    assert slug(None) == ""


def test_ids_are_derived_from_the_key_alone():
    key = FigureKey("killed", "North Korea", "soldiers", "Kursk Oblast", False)
    assert figure_ids({key}) == {key: "killed:north-korea:soldiers"}


def test_colliding_slugs_get_a_stable_hash():
    one = FigureKey("killed", "Korea Północna", "soldiers", None, False)
    two = FigureKey("killed", "Korea Polnocna", "soldiers", None, False)
    first = figure_ids({one, two})
    assert first[one] != first[two]
    assert all(i.startswith("killed:korea-polnocna:soldiers~") for i in first.values())
    assert figure_ids({two, one}) == first


def test_a_missing_subject_among_several_kinds_meets_the_one_its_own_article_names():
    claims = [make_claim(1, article="a", subject=None), make_claim(2, article="a", subject="żołnierz"),
              make_claim(3, article="b", subject="cywil"), make_claim(4, article="c", subject=None)]
    figures = {c.value: f.subject for f in build_figures(claims) for c in f.claims}
    assert figures == {1: "soldiers", 2: "soldiers", 3: "civilians", 4: "unspecified"}


def test_a_placeless_count_of_an_article_naming_another_city_is_not_the_one_citys() -> None:
    from kronika.claim import Claim
    from kronika.reconcile.keys import assign_keys

    def made(article: str, value: float, place: str | None, measure: str = "wounded") -> Claim:
        return Claim(article=article, span=(0, 2), mention=str(value), value=value, measure=measure,
                     subject="osoba", place=place, sentence="x", published="2024-03-04")

    kharkiv = made("a", 17, "Kharkiv")
    later = made("b", 19, None)  # its article names no other place: Kharkiv's
    odesa_toll = made("c", 14, "Odesa", "killed")
    odesa_wounded = made("c", 40, None)  # its article is about Odesa
    keys = assign_keys([kharkiv, later, odesa_toll, odesa_wounded], story="story:war")
    assert keys[0] == keys[1] and keys[0].place == "Kharkiv"
    assert keys[3] != keys[0] and keys[3].place is None
    country = made("d", 5, "Czechia", "killed")
    beside = made("d", 6, None)  # a country named in the article says too little to move it
    keys = assign_keys([kharkiv, country, beside], story="story:war")
    assert keys[2] == keys[0]


def test_a_source_is_of_the_state_it_names_before_the_home_of_a_body_it_names():
    from kronika.reconcile.keys import source_country
    assert source_country("Czeskie służby") == "Czechia"
    assert source_country("MON") == "Poland"
    assert source_country("MON Armenii") == source_country("rzecznik MON Armenii") == "Armenia"
    assert source_country("rzecznik szpitala") is None


def test_a_country_abroad_said_beside_one_place_in_it_keys_with_that_place_not_with_the_homes_toll() -> None:
    from kronika.reconcile.keys import StoryHome, assign_keys

    def people(article: str, value: float, place: str | None) -> Claim:
        return make_claim(value, article=article, subject="osoba", actor=None, place=place)

    home = StoryHome("Poland", clear=False)
    polish = [people("a", 3, None), people("b", 4, None), people("d", 1, "Masovian Voivodeship")]
    czech = people("a", 2, "Czechia")  # `czeska straż pożarna: zginęły dwie osoby` (placed by its source)
    moravia = people("c", 3, "Moravia")  # `nad Morawami zginęły trzy osoby`
    keys = assign_keys([*polish, czech, moravia], home=home)
    assert keys[0] == keys[1] and keys[3] == keys[4] and keys[0] != keys[3]
    assert keys[3].place == "Moravia" and keys[0].place is None
    # at home a coarse country still names no place: its count joins the placeless toll
    at_home = assign_keys([people("a", 3, None), people("b", 3, "Poland"), people("c", 1, "Masovian Voivodeship")],
                          home=home)
    assert at_home[0] == at_home[1] and at_home[1].place != "Poland"


def test_a_unit_the_gazetteer_does_not_know_is_in_the_clear_home_country() -> None:
    from kronika.reconcile.keys import StoryHome, assign_keys

    def cases(article: str, value: float, place: str | None) -> Claim:
        return make_claim(value, article=article, measure="cases", subject="zakażenie", actor=None, place=place)

    claims = [cases("a", 37, "dystrykt Kasese"), cases("b", 45, "Uganda"), cases("c", 48, None)]
    at_home = assign_keys(claims, home=StoryHome("Uganda", clear=True))
    assert at_home[0] == at_home[1] == at_home[2]  # the district and its country are one place
    # without a clear home the unknown district is in no country: two places, apart
    unsure = assign_keys(claims, home=StoryHome("Uganda", clear=False))
    assert unsure[0] != unsure[1]
