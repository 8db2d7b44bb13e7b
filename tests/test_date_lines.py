"""Examples-as-tests for the publication date read from an article's first lines when it has no
` date YYYY-MM-DD` header: a labelled line (`Data: 15 maja 2026`) or an agency dateline (`Kraków,
15.05.2026 (PAP) – ...`). A date inside the text, a day without a year or an impossible day is none."""
from __future__ import annotations

from pathlib import Path

import pytest

from kronika.api import ingest
from kronika.ledger import Ledger
from kronika.prepare.markers import published_from_header

POSITIVE = [
    ("Data: 15 maja 2026\nW Sejmie odbyło się głosowanie.", "2026-05-15"),
    ("Data publikacji: 02.11.2025, 08:15\nRada gminy zebrała się w poniedziałek.", "2025-11-02"),
    ("Opublikowano: 03.12.2026 10:32 | Aktualizacja: 04.12.2026\nTekst.", "2026-12-03"),
    ("Kraków, 15.05.2026 (PAP) – Policja podała nowe dane.", "2026-05-15"),
    ("Warszawa, 3 grudnia 2026 r.\nRząd przyjął projekt.", "2026-12-03"),
    ("Warszawa, 3 grudnia 2026 r. Rząd przyjął projekt ustawy.", "2026-12-03"),
    ("Bielsko-Biała, 2.11.2025\nStraż pożarna interweniowała.", "2025-11-02"),
    ("Frankfurt nad Odrą, 4.05.2026, 12:40 – Niemiecka policja zatrzymała kierowcę.", "2026-05-04"),
    ("Gdańsk, 15 maja 2026 roku /PAP/ – W porcie rozładowano statek.", "2026-05-15"),
    ("PAP, 12.03.2026\nKomunikat resortu.", "2026-03-12"),
    ("Nowy Sącz, 12 III 2026 r.\nBurmistrz zwołał sztab.", "2026-03-12"),
    ("POWÓDŹ NA POŁUDNIU\n\nOpole, 16.09.2024 – Wały puściły w nocy.", "2024-09-16"),
]

NEGATIVE = [
    "Data: 15 maja\nRok nie został podany.",  # no year: not a whole day
    "Kraków, 31.02.2026\nTakiego dnia nie ma.",  # impossible day
    "W tym roku, 15.05.2026, ewakuowano 300 osób.",  # a sentence, not a dateline
    "Jak podano, 15 maja 2026 r. ewakuowano 300 osób.",  # lowercase words are no place name
    "Dzieje się:\nData: wczoraj",  # relative: nothing to anchor it to
    "Aktualizacja: 04.12.2026\nTekst.",  # an update is not the publication
    "Rząd przyjął projekt.\n" + "Zdanie bez daty. " * 60 + "\nKraków, 15.05.2026 (PAP)",  # too far down
]


@pytest.mark.parametrize(("text", "published"), POSITIVE, ids=[t[:30] for t, _ in POSITIVE])
def test_a_date_line_gives_the_publication_date(text: str, published: str) -> None:
    assert published_from_header(text) == published


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:30] for t in NEGATIVE])
def test_other_lines_give_none(text: str) -> None:
    assert published_from_header(text) is None


def test_the_date_header_wins_over_a_date_line() -> None:
    assert published_from_header(" date 2025-09-03\nData: 15 maja 2026\nTekst.") == "2025-09-03"


def test_an_ingested_article_resolves_relative_times_against_its_dateline(tmp_path: Path) -> None:
    article = tmp_path / "opole.txt"
    article.write_text("Opole, 16.09.2024 (PAP) – Wczoraj z zalanych osiedli ewakuowano 1200 osób, "
                       "poinformował wojewoda opolski.\n", encoding="utf-8")
    with Ledger(tmp_path / "ledger.db") as ledger:
        summary = ingest([article], ledger)
        assert summary.ingested == 1
        (claim,) = ledger.claims()
        (stored,) = ledger.articles()
    assert stored["published"] == "2024-09-16"
    assert (claim.value, claim.reference_time) == (1200.0, "2024-09-15")
