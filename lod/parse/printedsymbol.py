"""Where a printed text names its own symbol: the masthead's line, a running header, a line
holding only a symbol (page furniture). One place for the printed forms: a symbol with all its
parts ("A/80/L.2/Rev.1", "S/RES/1373 (2001)") and the letter of a part adopted alone
("A/RES/72/8 B")."""

from __future__ import annotations

import re

from lod.symbols import SYMBOL_RE

SYMBOL_TOKEN = re.compile(r"\b(?:A|S|E)(?:/[A-Z0-9][A-Za-z0-9.\-]{0,20}){1,6}(?: ?\(\d{4}\))?")
"""A printed symbol with all its parts (SYMBOL_RE stops before "Rev.1" after "L.2/")."""


def find_symbol(text: str) -> str | None:
    """The first complete symbol in a text, without sentence punctuation after it."""
    m = SYMBOL_TOKEN.search(text)
    if m is None or SYMBOL_RE.match(m.group(0)) is None:
        return None
    return m.group(0).rstrip(".")


PART_LETTER = re.compile(r"(?<=\d)\s+([A-Z]{1,2})$")
"""A part's letter after a resolution's number ("A/RES/72/8 B")."""


def is_symbol_line(line: str) -> bool:
    """A line holding only a document symbol: a running header (or the masthead's symbol)."""
    m = SYMBOL_TOKEN.fullmatch(PART_LETTER.sub("", line.strip().rstrip(".")))
    return m is not None and not line.strip().endswith(".")


def document_symbol(lines: list[str]) -> str | None:
    """The symbol of the masthead (or of an extract's first running header): the first one printed."""
    for line in [x for x in lines if x.strip()][:15]:
        found = find_symbol(line)
        if found:
            return with_part(line, found)
    return None


def with_part(line: str, symbol: str) -> str:
    """A resolution's symbol with the letter of a part adopted alone where its line ends on it
    ("A/RES/72/8 B"; not the symbol with a short title "B" beside it)."""
    part = PART_LETTER.search(line.rstrip())
    return f"{symbol} {part.group(1)}" if part and "/RES/" in symbol and line[: part.start()].endswith(symbol) else symbol
