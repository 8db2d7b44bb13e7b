"""Bytes to text: UTF-8, or the Polish legacy encodings cp1250 and ISO-8859-2, told apart by which
one yields Polish letters rather than control characters and symbols."""
from __future__ import annotations

POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
LEGACY_ENCODINGS = ("cp1250", "iso-8859-2")
# What Polish letters turn into when one legacy encoding is read as the other (e.g. ISO-8859-2 "ą"
# read as cp1250 gives "±"; cp1250 "ą" read as ISO-8859-2 gives "š").
SYMBOLS_OF_WRONG_GUESS = frozenset("¦¬±¶ˇĽľš")


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
    candidates = []
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), encoding, text))
    if candidates:
        score, encoding, text = max(candidates)
        if score > 0:
            return text, encoding
    raise UndecodableError(
        f"undecodable bytes: not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})"
        " and not plausible cp1250 or ISO-8859-2 Polish text"
    )


def _plausibility(text: str) -> float:
    """Polish letters count for, C1 controls and unusual symbols against."""
    good = sum(ch in POLISH_LETTERS for ch in text)
    bad = sum(("\x80" <= ch <= "\x9f") or ch in SYMBOLS_OF_WRONG_GUESS for ch in text)
    return good - 3 * bad
