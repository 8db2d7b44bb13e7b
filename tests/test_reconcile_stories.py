"""Stories: articles about one event group together, articles about other events do not; an ingest
adds to the stories it finds. The articles are short ones written for these tests."""
from __future__ import annotations

from kronika.reconcile.stories import ArticleFeatures, article_features, group_stories, same_story

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
    assert "~kłodzk" in names
    assert not names & {"~czytaj", "~źródło", "~mieszk"}


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
