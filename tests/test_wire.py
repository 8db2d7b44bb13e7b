"""Wire copies: an agency text republished by portals (own header, a trimmed ending, a "read also"
line) is linked to the first stored copy; a different report of the same event, with the same figures,
is not."""
from __future__ import annotations

import json
from pathlib import Path

from kronika.api import Options, ingest_outcomes
from kronika.ledger import Ledger
from kronika.scale.batch import run_batch
from kronika.scale.load import load_shards
from kronika.scale.wire import independent_reports, originals, signature, similarity

AGENCY = (
    "Straż pożarna podała w czwartek, że w pożarze hali magazynowej pod Wrocławiem spłonęło około 40 ton"
    " nawozów. Akcja gaśnicza trwała dziewięć godzin, brało w niej udział 27 zastępów. Według rzecznika"
    " komendy wojewódzkiej nikt nie został ranny, ale z pobliskiej wsi ewakuowano 120 mieszkańców. Wojewoda"
    " zapowiedział kontrolę wszystkich magazynów nawozów w regionie. Prokuratura wszczęła śledztwo w sprawie"
    " sprowadzenia niebezpieczeństwa dla życia i zdrowia wielu osób. Jak ustalili śledczy, w hali składowano"
    " także paliwo, na co właściciel nie miał zgody. Straty wstępnie oszacowano na ponad 15 mln zł."
)
COPIES = [
    "Portal Dolny Śląsk 24\n\n" + AGENCY,
    "Wiadomości z regionu, 14 marca\n" + AGENCY.rsplit(" Straty", 1)[0] + "\n\nCzytaj także: ceny nawozów rosną",
    AGENCY.replace("Wojewoda zapowiedział", "Wojewoda dolnośląski zapowiedział") + " (PAP)",
]
OTHER_REPORT = (
    "Pod Wrocławiem paliła się hala, w której trzymano nawozy. Z ogniem walczyło 27 zastępów przez dziewięć"
    " godzin; spłonęło ok. 40 ton towaru. Mieszkańców sąsiedniej wsi, 120 osób, wyprowadzono z domów na czas"
    " akcji. Śledczy sprawdzają, czy w budynku bez zezwolenia przechowywano paliwo. Rannych nie było."
)


def test_copies_are_similar_and_another_report_is_not() -> None:
    original = signature(AGENCY)
    assert all(similarity(original, signature(copy)) >= 0.7 for copy in COPIES)
    assert similarity(original, signature(OTHER_REPORT)) < 0.2


def _write(folder: Path) -> Path:
    folder.mkdir()
    records = [{"id": "agencja", "text": AGENCY}, *({"id": f"portal{n}", "text": t} for n, t in enumerate(COPIES)),
               {"id": "inny", "text": OTHER_REPORT}]
    (folder / "wiadomosci.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return folder


def test_ingest_links_every_copy_to_the_first_and_keeps_them_all(tmp_path: Path) -> None:
    inputs = _write(tmp_path / "in")
    with Ledger(tmp_path / "k.db") as ledger:
        list(ingest_outcomes([inputs], ledger, Options()))
        assert ledger.counts()["articles"] == 5
        copies = originals(ledger.connection)
    assert copies == {"portal0": "agencja", "portal1": "agencja", "portal2": "agencja"}
    assert independent_reports(["agencja", "portal0", "portal1", "portal2", "inny"], copies) == 2


def test_a_copy_ingested_later_links_to_the_original(tmp_path: Path) -> None:
    with Ledger(tmp_path / "k.db") as ledger:
        (tmp_path / "a.txt").write_text(AGENCY, "utf-8")
        list(ingest_outcomes([tmp_path / "a.txt"], ledger, Options()))
        (tmp_path / "b.txt").write_text(COPIES[1], "utf-8")
        (tmp_path / "c.txt").write_text(COPIES[2], "utf-8")
        list(ingest_outcomes([tmp_path / "b.txt", tmp_path / "c.txt"], ledger, Options()))
        rows = ledger.connection.execute("SELECT article, original, similarity FROM wire_copies ORDER BY 1").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("b", "a"), ("c", "a")]
    assert all(0.7 <= r[2] <= 1.0 for r in rows)


def test_load_links_copies_too(tmp_path: Path) -> None:
    run_batch([_write(tmp_path / "in")], tmp_path / "out", "local", jobs=1)
    with Ledger(tmp_path / "k.db") as ledger:
        load_shards(tmp_path / "out", ledger)
        assert set(originals(ledger.connection).values()) == {"agencja"}
        assert len(originals(ledger.connection)) == 3
