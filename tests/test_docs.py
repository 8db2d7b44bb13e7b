"""The project documents its own records in docs/: every claim field and value set, every ledger table
and column, every gold key that evaluate reads; and the README's command lines name real subcommands."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kronika.claim import CLAIM_FIELDS, MEASURES, MODALITIES, QUALIFIERS, SOURCE_KINDS
from kronika.cli import main
from kronika.ledger import Ledger

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
NUMBERS_DATA = REPO / "kronika" / "lang" / "pl" / "numbers"
FTS5_SHADOWS = ("data", "idx", "docsize", "config", "content")


def code_spans(markdown: str) -> set[str]:
    """The text of every `inline code` span."""
    return set(re.findall(r"`([^`\n]+)`", markdown))


def sections(markdown: str) -> dict[str, str]:
    """Each `### heading` with the text under it, up to the next heading of any level."""
    parts = re.split(r"^(#{1,6} .*)$", markdown, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2) if parts[i].startswith("### ")}


def tsv_column(path: Path, column: int) -> set[str]:
    rows = (line.split("\t") for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#"))
    return {row[column] for row in rows}


@pytest.mark.parametrize("names", [CLAIM_FIELDS, MEASURES, QUALIFIERS, MODALITIES, SOURCE_KINDS],
                         ids=["fields", "measures", "qualifiers", "modalities", "source_kinds"])
def test_claim_doc_names_every_field_and_value(names: tuple[str, ...]) -> None:
    documented = code_spans((DOCS / "claim.md").read_text("utf-8"))
    assert set(names) - documented == set()


def test_claim_doc_names_every_unit_the_numbers_layer_emits() -> None:
    units = tsv_column(NUMBERS_DATA / "unit_symbols.tsv", 1) | tsv_column(NUMBERS_DATA / "unit_lemmas.tsv", 1)
    units.add("share")  # a fraction (`połowa`, `dwie trzecie`), set in kronika/numbers/amounts.py
    assert {"percent", "PLN"} <= units
    assert units - code_spans((DOCS / "claim.md").read_text("utf-8")) == set()


def test_ledger_doc_names_every_table_and_column(tmp_path: Path) -> None:
    with Ledger(tmp_path / "kronika.db") as ledger:
        schema = ledger.connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        virtual = {name for name, sql in schema if sql.upper().startswith("CREATE VIRTUAL TABLE")}
        # FTS5 keeps each index in shadow tables of its own (`claims_fts_data`...): SQLite's, not the schema's.
        shadows = {f"{name}_{part}" for name in virtual for part in FTS5_SHADOWS}
        tables = [name for name, _ in schema if name not in shadows]
        columns = {table: {row[1] for row in ledger.connection.execute(f"PRAGMA table_info({table})")}
                   for table in tables}
    assert {"articles", "claims", "rejections", "migrations", "claims_fts"} <= set(tables)
    ledger_sections = sections((DOCS / "ledger.md").read_text("utf-8"))
    figures_doc = DOCS / "figures.md"
    figures_spans = code_spans(figures_doc.read_text("utf-8")) if figures_doc.exists() else set()
    for table in tables:
        section = next((text for heading, text in ledger_sections.items() if f"`{table}`" in heading), None)
        if section is not None:
            assert columns[table] - code_spans(section) == set(), f"columns of {table} missing in docs/ledger.md"
        else:  # the figure and story tables are documented beside the reconciliation
            assert table in figures_spans, f"table {table} is in neither docs/ledger.md nor docs/figures.md"
            assert columns[table] - figures_spans == set(), f"columns of {table} missing in docs/figures.md"


def gold_keys_read(source: str) -> set[str]:
    """String keys read from a gold line (`record[...]`, `record.get(...)`, `... in record`)."""
    def is_record(node: ast.AST) -> bool:
        return (isinstance(node, ast.Name) and node.id == "record") or (
            isinstance(node, ast.Attribute) and node.attr == "record")

    keys = set()
    for node in ast.walk(ast.parse(source)):
        key: ast.AST | None = None
        if isinstance(node, ast.Subscript) and is_record(node.value):
            key = node.slice
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and is_record(node.func.value) and node.args):
            key = node.args[0]
        elif isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.In) and is_record(node.comparators[0]):
            key = node.left
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            keys.add(key.value)
    return keys


def test_gold_doc_names_every_key_evaluate_reads() -> None:
    keys = gold_keys_read((REPO / "kronika" / "evaluate.py").read_text("utf-8"))
    assert {"article", "cue", "context", "value", "vague_range", "expect", "optional"} <= keys
    assert keys - code_spans((DOCS / "gold.md").read_text("utf-8")) == set()


def test_readme_command_lines_name_existing_subcommands() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", readme, flags=re.MULTILINE | re.DOTALL)
    used = [
        segment.split()[1]
        for block in blocks for line in block.splitlines() for segment in line.split("|")
        if segment.strip().startswith("kronika ")
    ]
    assert len(used) >= 10
    assert set(used) - set(main.commands) == set()


def test_docs_point_inside_the_repository() -> None:
    for path in (REPO / "README.md", DOCS / "claim.md", DOCS / "ledger.md", DOCS / "gold.md"):
        text = path.read_text("utf-8")
        assert "DESIGN.md" not in text and "shared/gold" not in text, path.name
