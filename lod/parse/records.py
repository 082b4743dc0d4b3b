"""Records of the UN decisions database (iGov, `ED_*` fields) as an input.

The General Assembly's decisions are published first as database records, a JSON object per
decision: the text in `ED_DecisionText`, the number in `ED_DecisionNumber` ("77/401",
"77/408 A and B"), the meetings with their dates in `ED_Meeting`, the agenda item in
`ED_AgendaItem`. The record is turned into the decision as the Assembly prints it
("Decision adopted by the General Assembly on …", "77/401. Title", then the text) and its fields
are given as metadata, so the one decision pipeline reads both forms. Footnotes, which the
database writes inline as "(footnote: A/77/567, para. 5.)", become numbered footnotes.

A JSON record that holds a document's text instead (a text-extraction pipeline's) is read by
lod.parse.textrecords. A JSON file that is neither is refused with the reason, never read as text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lod.bodies import Body, by_key
from lod.dates import MONTH_NAMES, iso_date, printed_date
from lod.model import Table
from lod.ordinals import ordinal_suffix, ordinal_words
from lod.parse.errors import ParseError
from lod.parse.pdf import PRINTED_RULE, RAISED, RULE
from lod.parse.readers import SourceText
from lod.parse.textrecords import FIELDS, is_text_record, text_record_source

_REQUIRED = ("ED_DecisionText", "ED_DecisionNumber")
_NUMBER = re.compile(r"^((?:ES-|S-)?\d{1,4}/\d{1,4})\.?(?:\s+([A-Z](?:(?:,| and|, and) [A-Z])*|[A-Z]\s?[-–]\s?[A-Z]))?\.?$")
"""77/401, "77/408 A and B", "73/408 A-C"; the database sometimes keeps the printed full stop ("74/547.")."""
_INLINE_FOOTNOTE = re.compile(r"\s*\(footnote:\s*((?:[^()\n]|\n(?![ \t\r]*\n)|\([^()]*\))*)(?:\)|(?=\n[ \t\r]*\n|\s*$))", re.IGNORECASE)
"""A note the database writes into the text: "(Footnote: A/76/489, para. 6)", its own parentheses
inside ("Request(s)"), its words wrapped over lines; one whose closing parenthesis was lost
("(Footnote: … 8 November (Gurpurab). ⏎ ⏎") ends with its paragraph, not at the next note's."""


@dataclass(frozen=True)
class RecordSource:
    """A JSON record: a decision of the decisions database, or a record holding a document's text
    (lod.parse.textrecords); other JSON is refused by name and reason."""

    name: str = "json-record"

    def accepts(self, data: bytes) -> bool:
        return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")

    def read(self, data: bytes, source: str) -> SourceText:
        try:
            record = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
            raise ParseError(source, f"the file looks like JSON but is not valid JSON ({exc})") from None
        except RecursionError:
            raise ParseError(source, "the JSON is nested too deeply to be a decision record") from None
        if isinstance(record, dict) and not all(key in record for key in _REQUIRED) and is_text_record(record):
            return text_record_source(record, source)
        return decision_source(record, source)


def decision_source(record: Any, source: str) -> SourceText:
    """One database record → the decision's printed form and its metadata."""
    if not isinstance(record, dict) or any(key not in record for key in _REQUIRED):
        found = ", ".join(sorted(record)[:6]) if isinstance(record, dict) else type(record).__name__
        raise ParseError(
            source,
            "this JSON is not a record of the UN decisions database (it has no "
            f"{' and no '.join(k for k in _REQUIRED if not isinstance(record, dict) or k not in record)}) "
            f"nor a record holding a document's text (no {', '.join(FIELDS['text'])} field with text) "
            f"(found: {found or 'an empty object'})",
        )
    printed = str(record.get("ED_DecisionText") or "").replace("\r\n", "\n").replace("\r", "\n")
    if not printed.strip():
        raise ParseError(source, "the decision record has an empty ED_DecisionText")
    # the notes first (a programme's row may carry one), then its rows, then the paragraphs
    printed, stars = _embedded_notes(printed)
    printed, notes = _footnotes(printed)
    printed, tables = _dated_rows(printed)
    text = _text(printed)
    if not text.strip():
        raise ParseError(source, "the decision record's ED_DecisionText holds only notes or a table of dates, "
                                 "no text of a decision")
    number_field = " ".join(str(record["ED_DecisionNumber"] or "").split())
    m = _NUMBER.match(number_field)
    if m is None:
        raise ParseError(source, f"the decision record's number {number_field!r} is not a decision number like 77/401")
    number = m.group(1)
    body = _division(record.get("ED_Division")).name
    meetings = [mt for mt in record.get("ED_Meeting") or [] if isinstance(mt, dict)]
    date = iso_date(str(meetings[0].get("ED_Date") or "")) if meetings else None
    meeting = _meeting(meetings[0].get("ED_Number")) if meetings else None
    title = _SPACE_BEFORE_PUNCTUATION.sub("", " ".join(str(record.get("ED_Title") or "").split()))
    head = [f"Decision adopted by the {body}" + (f" on {printed_date(date)}" if date else "")]
    agenda = " ".join(str(record.get("ED_AgendaItem") or "").split())
    if agenda:
        head.insert(0, f"Agenda item {agenda}")
    head.append(f"{number}. {title}" if title else f"{number}.")
    lines = [*head, "", text]
    if notes or stars:
        lines += ["", RULE, *(f"{k} {note}" for k, note in enumerate(notes, 1)), *(f"{m} {note}" for m, note in stars)]
    # the decisions database is kept in English only: its records are English texts
    meta: dict[str, Any] = {"kind": "decision", "number": number, "body": body, "language": "en"}
    if title:
        meta["title"] = title
    if date:
        meta["adoption_date"] = date
    if meeting:
        meta["meeting"] = meeting
    session = re.match(r"(\d{1,3})", str(record.get("ED_Session") or "")) or re.match(r"(\d{1,3})/", number)
    if session:
        meta["session"] = int(session.group(1))
        if body == "General Assembly" and 0 < meta["session"] < 1000:  # as its mastheads name it
            meta["session_label"] = f"{ordinal_words(meta['session'])} session"
    return SourceText("\n".join(lines) + "\n", "decision-record", meta, source, tables=tables)


def _text(printed: str) -> str:
    """The database keeps one paragraph per line (the Word paragraphs of the decision), never a
    line wrapped inside a paragraph: each line is set apart by a blank line, the form the block
    builder reads as a paragraph break (an agenda item printed without a full stop, "14. Culture
    of peace", is then not run into the next, "15. …"). A space the database keeps before a comma
    or colon ("its President (Footnote: …) , recalling", "30 Member States : BANGLADESH") is
    dropped, as the AKN reader drops it (lod.parse.akn.inline.squash): one text either way."""
    return "\n\n".join(_SPACE_BEFORE_PUNCTUATION.sub("", line.strip()) for line in printed.split("\n") if line.strip())


_SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\S)[ \t\u00a0]+(?=[,;:.)\]])")


_DAYS = r"\d{1,2}(?:\s?[-–]\s?\d{1,2})?"
_DATE_CELL = re.compile(rf"^{_DAYS}(?:(?:,| and| to) {_DAYS})*(?: (?:{MONTH_NAMES}))?"
                        rf"(?:(?:,| and| to) {_DAYS}(?:(?:,| and| to) {_DAYS})*(?: (?:{MONTH_NAMES}))?)* (?:{MONTH_NAMES})$")
"""A day or days of a programme of work: "3 October", "3, 4 and 6 October", "2–4 October", "25 to 28
October and 1 to 3 November"."""
MIN_DATED_ROWS = 3


def _programme_line(line: str) -> tuple[str, str, str] | None:
    """How a line of a programme of work reads: ("row", days, item) for "3 October⇥Organization of
    work" (cells set apart by tabs or by a run of spaces); ("item", "", item) for an item under the
    days above ("⇥Request(s) for observer status"); ("wrap", "", words) for the words of the item
    above wrapped onto a line indented by spaces; None for any other line."""
    cells = [c for c in re.split(r"\t+| {2,}", line.strip()) if c]
    if not cells:
        return None
    lead = line[: len(line) - len(line.lstrip())]
    if not lead and _DATE_CELL.match(cells[0]):
        return "row", cells[0], " ".join(cells[1:])
    if "\t" in lead:
        return "item", "", " ".join(cells)
    return ("wrap", "", " ".join(cells)) if lead else None


def _dated_rows(text: str) -> tuple[str, list[Table]]:
    """A programme of work the record keeps as lines of tab-separated cells ("3 October⇥Organization
    of work of the Sixth Committee", "⇥Request(s) for observer status" under the same day, "14
    October, 9 and 17 November" with its item on the next line) → a table of (days, item) rows,
    taken out of the text with the heading above it as its title: as text its rows ran into one
    paragraph, and the days after a note's number ("1 to 3 November") made the row of day 3 a note.
    Blank lines between rows, and an item printed flush under a row before the next row ("15
    October⇥Report of the Special Committee …" ⏎ "Protection of persons …" ⏎ "18 October⇥…"), are
    the programme's too."""
    lines = text.split("\n")
    read = [_programme_line(line) for line in lines]
    out: list[str] = []
    tables: list[Table] = []
    rows: list[list[str]] = []
    printed: list[str] = []  # the programme's lines as the record has them

    def next_read(i: int) -> tuple[str, str, str] | None:
        return next((read[k] for k in range(i + 1, len(lines)) if lines[k].strip()), None)

    def close() -> None:
        if sum(1 for row in rows if row[0]) >= MIN_DATED_ROWS:
            while out and not out[-1].strip():
                out.pop()
            above = " ".join(out[-1].split()) if out else ""
            title = above if 0 < len(above) < 100 and not re.search(r"[.:;,]$", above) else None
            if title:
                out.pop()
            tables.append(Table(rows=[row for row in rows if any(row)], title=title))
            out.append("")
        else:
            out.extend(printed)
        rows.clear()
        printed.clear()

    for i, line in enumerate(lines):
        kind = read[i]
        after = next_read(i)
        if kind is not None and kind[0] == "row":
            rows.append([kind[1], kind[2]])
        elif rows and kind is not None and not rows[-1][1]:
            rows[-1][1] = kind[2]  # the days on a line of their own, their item below
        elif rows and kind is not None and kind[0] == "item":
            rows.append(["", kind[2]])
        elif rows and kind is not None:
            rows[-1][1] = f"{rows[-1][1]} {kind[2]}"
        elif rows and not line.strip() and after is not None:
            pass  # a blank line between rows
        elif rows and line.strip() and lines[i - 1].strip() and after is not None and after[0] == "row":
            rows.append(["", " ".join(line.split())])  # an item flush under the row above
        else:
            if rows:
                close()
            out.append(line)
            continue
        printed.append(line)
    if rows:
        close()
    return "\n".join(out), tables


_STAR_NOTE = re.compile(r"^\s*(\*{1,4})\s+(\S.*)$")


def _embedded_notes(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The notes a record keeps inside its text (the Word file's own, "*⇥Term of office expires on
    31 December 2022.", with or without a rule above them) and the rules between its parts, taken
    out so that what follows them (the decision's part B) is text again and not the last note's.
    A part that prints the same star again keeps the first note of that star."""
    out: list[str] = []
    stars: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if PRINTED_RULE.match(line):
            continue  # the notes are written under one rule at the end
        if found := _STAR_NOTE.match(line):
            if found.group(1) not in {m for m, _ in stars}:
                stars.append((found.group(1), " ".join(found.group(2).split())))
            continue
        out.append(line)
    return "\n".join(out), stars


def _footnotes(text: str) -> tuple[str, list[str]]:
    """Inline "(footnote: …)" → a raised marker in the text and a numbered note."""
    notes: list[str] = []

    def marker(m: re.Match[str]) -> str:
        notes.append(" ".join(m.group(1).split()))
        return str(len(notes)).translate(RAISED)

    return _INLINE_FOOTNOTE.sub(marker, text), notes


def _division(code: Any) -> Body:
    """The organ of a record's `ED_Division` ("GA", "SC", "ECOSOC": our keys in capitals); the
    database is the General Assembly's, so a record that names none, or another, is the Assembly's."""
    try:
        body = by_key(str(code or "ga").strip().lower())
    except KeyError:
        return by_key("ga")
    return body if body.conventions is not None else by_key("ga")


def _meeting(value: Any) -> str | None:
    """"34th plenary meeting"; the database sometimes drops the ordinal suffix ("87 plenary meeting")."""
    text = " ".join(str(value or "").split())
    m = re.match(r"^(\d{1,5})(st|nd|rd|th)? (.*meeting)$", text)
    if not m:
        return text or None
    return f"{ordinal_suffix(int(m.group(1)))} {m.group(3)}"
