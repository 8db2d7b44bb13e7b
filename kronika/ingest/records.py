"""One JSON Lines record to an Article, or a Rejection saying what is wrong with it.

A record is an object with a string `text` and optional `id` (string or integer), `published` (an ISO
date), `url`, `outlet` and `title` (strings or null). Unknown keys are ignored. A lone surrogate in a
string (`"\\ud800"`) cannot be stored as UTF-8: it is replaced by U+FFFD and counted in the encoding.
"""
from __future__ import annotations

import json
from typing import Any

from kronika.article import Article, Rejection, valid_published
from kronika.ingest.decode import UndecodableError, decode, replace_lone_surrogates
from kronika.prepare.markers import outlet_from_source_line, published_from_header

OPTIONAL_STRINGS = ("url", "outlet", "title", "published")


def jsonl_record(raw: bytes, name: str, stem: str, number: int, max_bytes: int) -> Article | Rejection:
    if len(raw) > max_bytes:
        return Rejection(name, f"record too large: more than {max_bytes:,} bytes (see --max-bytes)")
    try:
        line, encoding = decode(raw)
        record = json.loads(line)
    except UndecodableError as error:
        return Rejection(name, str(error))
    except json.JSONDecodeError as error:
        return Rejection(name, f"malformed JSON: {error.msg} at column {error.colno}")
    except RecursionError:
        return Rejection(name, "malformed JSON: nested too deeply")
    if not isinstance(record, dict):
        return Rejection(name, f"JSON line is a {_kind(record)}, expected an object")
    problem = _field_problem(record)
    if problem:
        return Rejection(name, problem)
    fields, replaced = _clean_strings(record)
    if replaced:
        encoding += f"; lone surrogates replaced: {replaced}"
    text = fields["text"]
    published = fields.get("published")
    if published is not None and valid_published(published[:10]) is None:
        return Rejection(name, f"`published` is not a date YYYY-MM-DD: {published!r}"[:200])
    published = published[:10] if published else published_from_header(text)
    record_id = record.get("id")
    return Article(
        id=fields.get("id") or (str(record_id) if isinstance(record_id, int) else f"{stem}-{number}"),
        text=text, published=published, published_precision="day" if published else None,
        outlet=fields.get("outlet") or outlet_from_source_line(text),
        url=fields.get("url"), title=fields.get("title"), encoding=encoding, input=name, format="jsonl",
    )


def _field_problem(record: dict[str, Any]) -> str | None:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return "JSON record has no `text`" if text is None or isinstance(text, str) else (
            f"JSON record's `text` is a {_kind(text)}, expected a string")
    record_id = record.get("id")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, str | int)):
        return f"JSON record's `id` is a {_kind(record_id)}, expected a string or an integer"
    for key in OPTIONAL_STRINGS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return f"JSON record's `{key}` is a {_kind(value)}, expected a string or null"
    return None


def _clean_strings(record: dict[str, Any]) -> tuple[dict[str, str], int]:
    fields: dict[str, str] = {}
    replaced = 0
    for key in ("text", "id", *OPTIONAL_STRINGS):
        value = record.get(key)
        if isinstance(value, str):
            fields[key], count = replace_lone_surrogates(value)
            replaced += count
    return fields, replaced


def _kind(value: object) -> str:
    return {dict: "object", list: "list", str: "string", bool: "boolean", int: "number", float: "number",
            type(None): "null"}.get(type(value), type(value).__name__)
