"""Bytes to text: UTF-8, or the Polish legacy encodings cp1250 and ISO-8859-2, told apart by which
one yields Polish letters rather than control characters and symbols."""
from __future__ import annotations

import re

POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
LEGACY_ENCODINGS = ("cp1250", "iso-8859-2")
# What Polish letters turn into when one legacy encoding is read as the other (e.g. ISO-8859-2 "ą"
# read as cp1250 gives "±"; cp1250 "ą" read as ISO-8859-2 gives "š").
SYMBOLS_OF_WRONG_GUESS = frozenset("¦¬±¶ˇĽľš")
# Non-letters a Polish text in a legacy encoding holds besides its letters: quotes, dashes, spaces, signs.
TYPOGRAPHY = frozenset("„”“«»–—…\xa0§°×·’‘€")
# A legacy decoding is accepted only when the whole file reads as Polish: this share of its non-ASCII
# characters are Polish letters or typography, and Polish letters are among them.
LEGACY_POLISH_SHARE = 0.9


# UTF-8 with a few stray bytes (a bad copy, a truncated paste) stays UTF-8: when its valid non-ASCII
# characters outnumber the invalid bytes this many times, the invalid bytes are replaced (U+FFFD) and
# counted in the encoding name, instead of the whole file being read as cp1250 mojibake.
UTF8_EVIDENCE_RATIO = 20


_SURROGATE = re.compile("[\ud800-\udfff]")


class UndecodableError(ValueError):
    pass


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise UndecodableError with a readable reason."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8
    candidates = []
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_polish(text):
            candidates.append((_plausibility(text), encoding, text))
    if candidates:
        _, encoding, text = max(candidates)
        return text, encoding
    raise UndecodableError(
        f"undecodable bytes: not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})"
        " and not plausible cp1250 or ISO-8859-2 Polish text"
    )


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """The text with its invalid bytes replaced, as `utf-8; invalid bytes replaced: N`, when the valid UTF-8 in
    it is overwhelming evidence (see UTF8_EVIDENCE_RATIO); else None."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    if 0 < replaced and valid >= UTF8_EVIDENCE_RATIO * replaced:
        return text, f"utf-8; invalid bytes replaced: {replaced}"
    return None


def _reads_as_polish(text: str) -> bool:
    non_ascii = [ch for ch in text if ch > "\x7f"]
    letters = sum(ch in POLISH_LETTERS for ch in non_ascii)
    typography = sum(ch in TYPOGRAPHY for ch in non_ascii)
    return letters > 0 and letters + typography >= LEGACY_POLISH_SHARE * len(non_ascii)


def _plausibility(text: str) -> float:
    """Polish letters count for, C1 controls and unusual symbols against."""
    good = sum(ch in POLISH_LETTERS for ch in text)
    bad = sum(("\x80" <= ch <= "\x9f") or ch in SYMBOLS_OF_WRONG_GUESS for ch in text)
    return good - 3 * bad


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """`text` with each lone surrogate (a JSON `"\\ud800"` decodes to one; it cannot be stored or
    hashed as UTF-8) replaced by U+FFFD, and how many there were."""
    if _SURROGATE.search(text) is None:  # the usual case, found without a Python step per character
        return text, 0
    return _SURROGATE.subn("\ufffd", text)
