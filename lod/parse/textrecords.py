"""JSON records that carry a document's text: the form text-extraction pipelines store UN documents in.

Two shapes are common in public collections of UN documents, and both are read:

* the whole printed text in one field beside its symbol: `{"symbol": "A/RES/79/4", "text":
  "United Nations \\nA/RES/79/4 …", "paragraphs": …}` (the UN's PDFs extracted by a pipeline); the
  text keeps its masthead and is read like any raw PDF text, the record's symbol given as metadata;
* the body only, with the masthead's facts as fields: `{"ID": "S/2023/970", "Date": "8 December
  2023", "Title": "draft resolution", "Authors": ["Afghanistan", …], "Content": "The Security
  Council,\\n…"}` (a benchmark's Security Council drafts); the masthead is written back as the UN
  prints it ("United Nations S/2023/970", the organ, the date, "Afghanistan, … and Yemen: draft
  resolution") so that the one text pipeline reads both forms.

The field names are one table (`FIELDS`). A record with none of the text fields is refused with
what it holds.
"""

from __future__ import annotations

import re
from typing import Any

from lod.bodies import by_key, by_name
from lod.dates import iso_date, printed_date
from lod.parse.masthead import SPONSOR_END
from lod.parse.readers import SourceText, read_text
from lod.symbols import SYMBOL_RE, parse_symbol

FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "Content", "content", "full_text", "fullText"),
    "symbol": ("symbol", "Symbol", "ID", "document_symbol"),
    "date": ("Date", "date"),
    "title": ("title", "Title"),
    "authors": ("Authors", "authors", "sponsors", "Sponsors"),
}
"""What each fact is called in the records we know of, in the order they are looked for."""

_KIND_TITLE = re.compile(r"^(?:revised )?draft (?:resolution|decision)$", re.I)
"""A record's title that only says what the text is ("draft resolution"): its kind, not its title."""


def _field(record: dict[str, Any], fact: str) -> Any:
    return next((record[name] for name in FIELDS[fact] if record.get(name)), None)


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def is_text_record(record: Any) -> bool:
    """Whether a JSON value is a record holding a document's text."""
    return isinstance(record, dict) and isinstance(_field(record, "text"), str) and bool(_field(record, "text").strip())


def _prints_masthead(text: str, symbol: str | None) -> bool:
    """Whether the text begins with the UN's masthead (the symbol or "United Nations" near the top)."""
    top = text[:800]
    return top.lstrip().startswith("United Nations") or bool(symbol and symbol in top)


def _authors(value: Any) -> str | None:
    """The sponsor line's names as printed: "Albania, Brazil and Chile". An organ named as the
    author ("The Security Council", "United Nations Security Council": a draft the Council's members
    wrote together) sponsors nothing."""
    names = [_text(n) for n in value] if isinstance(value, list) else [_text(value)] if value else []
    names = [n for n in names if n and by_name(re.sub(r"^(?:The |United Nations )", "", n)) is None]
    if not names:
        return None
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def text_record_source(record: dict[str, Any], source: str) -> SourceText:
    """One text record → the document's printed form and the metadata its fields give."""
    text = str(_field(record, "text")).replace("\r\n", "\n").replace("\r", "\n")
    symbol = _text(_field(record, "symbol")) or None
    if symbol and not SYMBOL_RE.fullmatch(symbol):
        symbol = None  # a job number ("17-08449") where the symbol should be: the text may print it
    title = _text(_field(record, "title"))
    date = iso_date(_text(_field(record, "date"))) if _field(record, "date") else None
    meta: dict[str, Any] = {"symbol": symbol} if symbol else {}
    kind = _KIND_TITLE.match(title) or SPONSOR_END.match(title)  # a title that is the sponsor line itself
    if kind:
        meta["kind"] = "draft-decision" if kind.group(0).lower().endswith("decision") else "draft-resolution"
    if not _prints_masthead(text, symbol):
        text = "\n".join([*_masthead(symbol, date, title, _authors(_field(record, "authors"))), "", text])
    src = read_text(text, source)
    src.meta = {**meta, **src.meta}
    return src


def _masthead(symbol: str | None, date: str | None, title: str, authors: str | None) -> list[str]:
    """The masthead a record's fields stand for, as the UN prints it."""
    info = parse_symbol(symbol) if symbol else None
    organ = by_key(info.body).name if info is not None and info.body else None
    lines = [f"United Nations {symbol}" if symbol else "United Nations"]
    lines += [organ] if organ else []
    lines += [printed_date(date)] if date else []
    kind = title if _KIND_TITLE.match(title) else None
    if SPONSOR_END.match(title):
        return [*lines, "", title]
    if authors:
        lines += ["", f"{authors}: {(kind or 'draft resolution').lower()}"]
    if title and not kind:
        lines += ["", title]
    return lines
