"""The claim: one figure that one article reports, with its provenance. Field names are public."""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

MEASURES = (
    "deployed", "killed", "wounded", "cases", "casualties", "captured", "missing",
    "released", "displaced", "supplied", "destroyed", "other",
)
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "up_to", "range", "vague")
MODALITIES = ("asserted", "reported", "planned", "possible", "denied")
SOURCE_KINDS = ("person", "organisation", "government", "intelligence", "media", "unnamed")


@dataclass(slots=True)
class Claim:
    article: str
    span: tuple[int, int]
    mention: str
    value: float
    value_max: float | None = None
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    measure: str = "other"
    subject: str | None = None
    actor: str | None = None
    place: str | None = None
    source: str | None = None
    source_id: str | None = None  # the canonical source entity: aliases and inflected forms are one source
    source_kind: str | None = None
    outlet: str | None = None
    modality: str = "asserted"
    reference_time: str | None = None
    reference_basis: str | None = None  # "text" (a time expression scopes it) or "published"
    published: str | None = None
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        # Plain attribute reads: dataclasses.asdict deep-copies and costs more than extraction itself.
        record = {name: getattr(self, name) for name in CLAIM_FIELDS}
        record["span"] = list(self.span)
        return record

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Claim:
        names = _FIELD_NAMES if cls is Claim else frozenset(f.name for f in fields(cls))
        # A ledger row holds the fields and nothing else: copied whole, without a test per key.
        values = dict(record) if names.issuperset(record) else {k: v for k, v in record.items() if k in names}
        values["span"] = tuple(values["span"])
        return cls(**values)


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))
_FIELD_NAMES = frozenset(CLAIM_FIELDS)  # read once: from_dict runs for every claim a ledger holds
