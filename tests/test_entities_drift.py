"""The compiled gazetteer (forms.tsv, entities.tsv) must be what the build makes of the data files."""
from __future__ import annotations

from kronika.entities.build import LANG_DIR, build


def test_compiled_files_match_the_data() -> None:
    forms_text, entities_text = build("pl")
    directory = LANG_DIR / "pl" / "gazetteer"
    # On failure run `python -m kronika.entities.build` and commit the result.
    assert (directory / "forms.tsv").read_text(encoding="utf-8") == forms_text
    assert (directory / "entities.tsv").read_text(encoding="utf-8") == entities_text
