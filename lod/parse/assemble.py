"""One document from its decoded text: runs the stages and fills the `Resolution`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lod.bodies import by_key, by_name, symbol_of
from lod.dates import iso_date
from lod.model import Footnote, Resolution
from lod.uri import note_eid
from lod.parse.blocks import BlockBuilder
from lod.parse.labels import NUM_START
from lod.parse.openings import is_complete
from lod.parse.enrich import add_addressees, add_citations, add_table_citations
from lod.parse.errors import ParseError, not_a_resolution
from lod.parse.furniture import (
    MARK_RE,
    Cleaned,
    clean_inline_text,
    clean_markdown,
    clean_pdf_text,
    clean_plain_extract,
    strip_marks,
)
from lod.parse.printedsymbol import is_symbol_line
from lod.parse.joining import Vocabulary
from lod.parse.rawnotes import notes_before_numbers
from lod.parse.amendments import Amendment, changes, find_amendment
from lod.parse.closing import apply_closing
from lod.parse.decisions import decision_meeting, decision_sources, decision_start, decision_text_start
from lod.parse.endnotes import drop_running_titles, take_endnotes
from lod.parse.heading import Heading, find_formula, find_heading, formula_line, is_heading, lost_formula
from lod.parse.language import set_language
from lod.parse.markers import resolve_document
from lod.parse.masthead import Masthead, adopting_body, parse_masthead
from lod.parse.misspelt import read_misspelt_phrases
from lod.parse.readers import SourceText
from lod.parse.sponsors import read_sponsors
from lod.parse.structure import Structure, build_structure
from lod.parse.tables import placed
from lod.parse.textgrids import text_grids
from lod.parse.verbs import leading_phrase
from lod.symbols import parse_symbol

_FORMULA = re.compile(r"^(The|L['’]|Le|La|El) ?([A-ZÉ][^\W\d_][\w' -]{1,100}?)\s*,$")
_SYMBOL_KINDS = {"resolution", "decision", "draft-resolution", "draft-decision", "draft-amendment"}


def _formula_index(lines: list[str]) -> tuple[int, str, str] | None:
    """The opening formula: "The General Assembly," alone on its line (italics allowed)."""
    for i, line in enumerate(lines):
        plain = strip_marks(line)[0].replace("*", "").strip()
        if len(plain) > 110:
            continue
        m = _FORMULA.match(plain)
        if m and not re.search(r"\b(recommends|decides|adopts|the following)\b", plain):
            return i, plain, m.group(2).strip()
    return None


def _clean(src: SourceText) -> Cleaned:
    if src.layout == "markdown":
        return take_endnotes(clean_markdown(src.text))
    if src.layout == "plain-extract":
        return clean_plain_extract(src.text)
    return take_endnotes(clean_pdf_text(notes_before_numbers(src.text)))


def _extract_title(lines: list[str]) -> tuple[int, str | None]:
    """An extract's running header: the symbol, then (on some pages) the short title."""
    idx = [i for i, line in enumerate(lines) if line.strip()]
    if not idx or not is_symbol_line(lines[idx[0]]):
        return 0, None
    if len(idx) < 2:
        return idx[0] + 1, None
    second = strip_marks(lines[idx[1]])[0].strip()
    words = re.findall(r"[A-Za-z]+", second)
    significant = [w for w in words if w.lower() not in {"of", "and", "the", "on", "in", "for", "to", "a", "an", "against", "by", "with", "at"}]
    titled = significant and sum(1 for w in significant if w[0].isupper()) / len(significant) >= 0.6
    if not titled and len(idx) > 2:
        # a sentence-case short title ("Strengthening the United Nations crime prevention …
        # programme"): a whole line without commas, not ending on a function word, and the
        # page's text goes on below it in mid-sentence
        titled = _title_line(second, strip_marks(lines[idx[2]])[0].strip())
    if (
        second[:1].isupper()
        and not second.rstrip().endswith((",", ";", ":", "."))
        and not NUM_START.match(second)
        and not second.startswith(("(", "We "))
        and titled
        and len(words) <= 25
    ):
        if len(idx) > 3 and _title_line(strip_marks(lines[idx[2]])[0].strip(), strip_marks(lines[idx[3]])[0].strip()):
            return idx[2] + 1, f"{second} {strip_marks(lines[idx[2]])[0].strip()}"  # the title wraps
        return idx[1] + 1, second
    return idx[0] + 1, None


def _title_line(line: str, following: str) -> bool:
    """A line of a sentence-case title: no comma, not ending on a function word or punctuation, and
    the page's text goes on below it in mid-sentence."""
    return (
        bool(line)
        and "," not in line
        and not line.endswith((".", ";", ":"))
        and following[:1].islower()
        and not re.search(r"\b(?:of|the|and|to|in|for|on|by|with|a|an|that|which|it|its|their|as|at|or)$", line)
    )


@dataclass
class _Split:
    """A document cut at its opening formula: masthead above, body below."""

    head: Masthead
    body_lines: list[str]
    formula_text: str | None = None
    formula_body: str | None = None
    extract: bool = False
    decision: bool = False
    part: str | None = None
    """"A" when the letter of the first part is printed above the formula (a text adopted in parts)."""


def _part_above(lines: list[str], split: _Split) -> tuple[str | None, str | None]:
    """ "A" alone on the line above the opening formula, or above the part's title there ("A ⏎
    Information in the service of humanity", A/RES/72/90 A): the first part of a text adopted
    in parts, and its heading as the later parts' read ("A. Information in the service of humanity")."""
    if split.formula_text is None:
        return None, None
    formula = next((i for i, line in enumerate(lines) if strip_marks(line)[0].replace("*", "").strip() == split.formula_text), None)
    above = [strip_marks(x)[0].replace("*", "").strip() for x in lines[:formula] if x.strip()] if formula else []
    if above and above[-1].rstrip(".") == "A":
        return "A", None
    titled = len(above) >= 2 and above[-2].rstrip(".") == "A" and not is_complete(above[-1])
    return ("A", f"A. {' '.join(above[-1].split())}") if titled else (None, None)


def _headed(lines: list[str], heading: Heading) -> _Split:
    """A text under a printed heading instead of a masthead; a "Whereas" preamble may come
    before its formula, which may lack its comma or be missing."""
    head = parse_masthead(lines[: heading.start])
    head.number = head.number or heading.number
    head.kind = head.kind or "resolution"
    if heading.date and head.adoption_date is None:
        head.adoption_date = iso_date(heading.date)
    if head.title and (is_heading(head.title) or (heading.number in head.title and "esolution" in head.title)):
        head.title = None  # the heading is not the title; a topic line above it is
    at = find_formula(lines, heading.start)
    organ = formula_line(lines[at]) if at is not None else None
    if head.body is None and (organ or heading.body):
        head.body = (organ or heading.body).name  # type: ignore[union-attr]
    if at is None or organ is None:
        return _Split(head, lines[heading.start :])
    text = strip_marks(lines[at])[0].replace("*", "").strip()
    between = [x for x in lines[heading.start : at] if x.strip()]
    if len(between) == 1 and between[0].strip().rstrip(".") == "A":
        between = []  # the letter of the first part (read by _part_above)
    return _Split(head, between + lines[at + 1 :], text, organ.name)


def _split(lines: list[str], source: str) -> _Split:
    """Resolutions and drafts open with a formula; decisions with a number; extracts with a header."""
    formula = _formula_index(lines)
    heading = find_heading(lines)
    if heading is not None and (formula is None or formula[0] >= heading.start):
        return _headed(lines, heading)
    if formula is None:
        bare = find_formula(lines, 0)
        if bare is not None:
            # "The General Assembly" without its comma (a resolution adopting a declaration)
            text = strip_marks(lines[bare])[0].replace("*", "").strip()
            formula = (bare, text, formula_line(lines[bare]).name)  # type: ignore[union-attr]
    formula = formula or lost_formula(lines)  # an extract without "The General Assembly,": its masthead says whose
    if formula is not None:
        index, text, body = formula
        return _Split(parse_masthead(lines[:index]), lines[index + 1 :], text, body)
    begins = decision_text_start(lines)
    if begins is None:
        begins = decision_start(lines)
    if begins is not None:
        return _Split(parse_masthead(lines[:begins]), lines[begins:], decision=True)
    amendment = find_amendment(lines)
    if amendment is not None:
        return _amendment_split(lines, amendment)
    start, short_title = _extract_title(lines)
    numbered = any(NUM_START.match(line.strip()) for line in lines[start:])
    preambular = any(line.rstrip().endswith(",") and leading_phrase(line.strip(), operative=False) for line in lines[start:])
    if start == 0 or not (numbered or preambular):
        raise not_a_resolution(lines, source)
    head = parse_masthead(lines[:1])
    head.title = short_title
    return _Split(head, lines[start:], extract=True)


def _amendment_split(lines: list[str], amendment: Amendment) -> _Split:
    """An amendment's masthead read as a draft's (its sponsor line given the words a draft's
    has), the draft it amends, and its instructions as a decision's text (no preamble)."""
    shown = list(lines[: amendment.body_start])
    line = shown[amendment.sponsor_line]
    shown[amendment.sponsor_line] = line[: line.index(":") + 1] + f" draft {amendment.kind}"
    for k in range(amendment.sponsor_line + 1, amendment.target_end):
        shown[k] = ""  # the rest of the reference to the draft: no title
    head = parse_masthead(shown)
    head.kind = "draft-amendment"
    head.draft_symbol, head.report_symbol = amendment.draft_symbol, amendment.report_symbol
    info = parse_symbol(head.symbol) if head.symbol else None
    # no formula says whose text it is: the symbol's organ does ("A/HRC/…", the Council under the Assembly)
    organ = by_key(info.body).name if info is not None and info.body else None
    return _Split(head, lines[amendment.body_start :], formula_body=organ, decision=True)


_ITALIC_OPENING = re.compile(r"^\*[A-Z][a-z]+", re.MULTILINE)
"""A line opening with a word in italics ("*Recalling* its resolution"): the PDF prints its phrases so."""


def assemble(src: SourceText, overrides: dict[str, Any]) -> Resolution:
    """Text → Resolution; raises ParseError when the text is not a resolution at all."""
    cleaned = _clean(src)
    # a text prints a table's cells one per line (Word keeps its tables apart): kept apart, anchored
    cleaned.lines, grids = text_grids(cleaned.lines, len(src.tables)) if src.layout != "docx" else (cleaned.lines, [])
    warnings: list[str] = []
    meta = {**src.meta, **overrides}
    split = _split(cleaned.lines, src.source)
    head, extract = split.head, split.extract
    titles = [t for t in (head.title, head.agenda_title, _meta_str(meta, "title")) if t]
    vocabulary = Vocabulary.of(src.text)
    blocks = BlockBuilder(
        vocabulary, titles, set(cleaned.footnotes), dehyphenate=src.layout != "markdown",
        soft_breaks=src.layout == "markdown", paragraphs_are_lines=src.layout == "docx",
        italic_phrases=src.layout == "pdf" and len(_ITALIC_OPENING.findall(src.text)) >= 2,
    ).build(split.body_lines)
    tokens = {m for b in blocks for m in MARK_RE.findall(b)}
    if set(cleaned.footnotes) - tokens:
        # notes whose markers are still glued to the words ("Tlatelolco)1"), maybe beside tokens
        blocks = resolve_document(blocks, set(cleaned.footnotes))
    part, part_heading = _part_above(cleaned.lines, split)
    structure = build_structure(blocks, extract=extract, decision=split.decision, part=part, part_heading=part_heading)
    if not structure.preamble and not structure.operative and not structure.annexes:
        raise ParseError(src.source, "no paragraphs were found after the opening formula")
    if split.decision and head.kind is None:
        head.kind = "decision"  # a decision's text, printed without its masthead
    res = _resolution(src, head, structure, meta, extract, warnings)
    if res.kind == "draft-amendment":
        res.operative = changes(res.operative)
    res.closing_refs = list(dict.fromkeys(structure.closing_refs))
    heading = cleaned.lines[: len(cleaned.lines) - len(split.body_lines)]
    printed = [*MARK_RE.findall("\n".join(heading)), *structure.part_refs]
    res.heading_refs = [m for m in dict.fromkeys(printed) if m in cleaned.footnotes]
    if head.body is not None:
        res.body, res.committee = adopting_body(head, split.formula_body)
    elif res.body is None and split.formula_body and formula_line(f"The {split.formula_body}") is not None:
        res.body = split.formula_body  # no masthead names an organ: the formula's organ speaks
    _symbol_from_number(res)
    if split.decision and res.operative:
        decision_meeting(res, next((p.text for p in res.operative if len(p.text) > 40), res.operative[0].text))
    res.preamble_formula = split.formula_text
    if res.kind in ("resolution", "decision", "extract"):
        warnings += apply_closing(res, src.text)
    res.footnotes = _footnotes(drop_running_titles(cleaned.footnotes, titles))
    if split.decision:
        decision_sources(res, {note.marker: note.text for note in res.footnotes})
    _apply_overrides(res, meta, warnings)
    set_language(res, meta, split.formula_text, blocks, warnings, heading)
    read_misspelt_phrases(res)
    read_sponsors(res, head.sponsor_line, head.sponsor_starred, head.submitted_by, warnings)
    add_citations(res, split.formula_body)
    add_addressees(res, split.formula_body)
    # tables kept apart take their anchors' places; the others (a programme of work) follow
    res.tables, kept = placed(res.tables, [*src.tables, *grids], {note.marker for note in res.footnotes})
    add_table_citations(res, kept)
    if res.symbol is None:
        warnings.append("no document symbol is printed or supplied; the document cannot be identified by its symbol")
    res.warnings = warnings + structure.warnings + _consistency(res)
    return res


def _symbol_from_number(res: Resolution) -> None:
    """An adopted text that prints its number but not its symbol ("Resolution 660 (1990)"): the
    organ's conventions (lod.bodies) give the symbol, and from it the session."""
    body = by_name(res.body) if res.symbol is None and res.number and res.body else None
    symbol = symbol_of(body, res.number, res.kind) if body is not None and res.number else None
    if symbol is not None and body is not None and body.conventions is not None:
        res.symbol = symbol
        if body.conventions.dating == "session":  # "77/1" carries the session; "660 (1990)" only the year
            res.session = res.session or parse_symbol(symbol).session


_KINDS = ("resolution", "draft-resolution", "decision", "draft-decision", "draft-amendment", "extract")


def _apply_overrides(res: Resolution, meta: dict[str, Any], warnings: list[str]) -> None:
    """Metadata a curator supplied for fields the text may get wrong or not print."""
    for key in ("body", "committee", "meeting", "draft_symbol", "report_symbol", "session_label"):
        value = _meta_str(meta, key)
        if value:
            setattr(res, key, value)
    kind = _meta_str(meta, "kind")
    if kind in _KINDS:
        res.kind = kind  # type: ignore[assignment]
    elif kind:
        warnings.append(f"the supplied kind {kind!r} is not one of {', '.join(_KINDS)}")
    session = meta.get("session")
    if isinstance(session, int) or (isinstance(session, str) and session.isdigit()):
        res.session = int(session)


def _consistency(res: Resolution) -> list[str]:
    """Gaps a careful reader would notice: skipped paragraph numbers, markers without footnotes."""
    found: list[str] = []
    for label, paragraphs in [("operative", res.operative), *((f"annex {a.num or k}", a.paragraphs) for k, a in enumerate(res.annexes, 1))]:
        numbers = [int(p.num) for p in paragraphs if p.num and p.num.isdigit()]
        for before, after in zip(numbers, numbers[1:]):
            if after != before + 1 and after != 1:
                found.append(f"{label} paragraph numbers jump from {before} to {after}")
    refs = {r for p in [*res.preamble, *res.operative, *(x for a in res.annexes for x in a.paragraphs)] for r in p.footnote_refs}
    refs |= set(res.closing_refs) | set(res.heading_refs)
    defined = {f.marker for f in res.footnotes}
    for marker in sorted(refs - defined, key=lambda m: (len(m), m)):
        found.append(f"footnote marker {marker} has no footnote text")
    return found


def _meta_str(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    text = " ".join(str(value).split())
    return re.sub(r"\s*[:/;]$", "", text).replace(" : ", ": ") or None


def _resolution(
    src: SourceText, head: Masthead, st: Structure, meta: dict[str, Any], extract: bool, warnings: list[str]
) -> Resolution:
    symbol = _meta_str(meta, "symbol") or head.symbol
    info = parse_symbol(symbol) if symbol else None
    kind = "extract" if extract else (head.kind or (info.kind if info and info.kind in _SYMBOL_KINDS else None))
    if kind is None:
        kind = "resolution"
        warnings.append("the kind of document is not printed; taken to be a resolution")
    body = head.body
    if body is None and info is not None and info.body:
        body = by_key(info.body).name
    number = head.number or (info.number if info and kind in ("resolution", "decision", "extract") else None)
    if number and info is not None and info.number and info.number.startswith(number + " "):
        number = info.number  # "72/8." above the text, "A/RES/72/8 B" on the masthead: part B, adopted alone
    title = head.title
    meta_title = _meta_str(meta, "title")
    if meta_title and (not title or (meta_title.lower().startswith(title.lower()) and len(meta_title) > len(title))):
        title = meta_title
    date = head.date
    if meta.get("date"):
        date = iso_date(str(meta["date"])) or date
    committee = head.committee
    if committee is None and info is not None and info.committee:
        committee = by_key(info.committee).name
    session = head.session or (info.session if info else None)
    return Resolution(
        symbol=symbol,
        kind=kind,  # type: ignore[arg-type]
        body=body,
        title=title,
        committee=committee,
        session=session,
        session_label=head.session_label,
        agenda_items=head.agenda_items,
        date=date,
        # the closing "90th plenary meeting ⏎ 12 December 1995" dates the adoption where the
        # masthead does not ("RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY", without "on …")
        adoption_date=_meta_str(meta, "adoption_date") or head.adoption_date or (iso_date(st.meeting_date) if st.meeting_date else None),
        number=_meta_str(meta, "number") or number,
        draft_symbol=head.draft_symbol,
        report_symbol=head.report_symbol,
        report_paragraph=head.report_paragraph,
        meeting=st.meeting or head.meeting,
        preamble=st.preamble,
        operative=st.operative,
        annexes=st.annexes,
        tables=st.tables,
        source=src.source,
        layout=src.layout,
    )


def _footnotes(notes: dict[str, str]) -> list[Footnote]:
    def order(marker: str) -> tuple[int, int, str]:
        return (1, int(marker), marker) if marker.isdigit() else (0, len(marker), marker)

    return [Footnote(marker, clean_inline_text(notes[marker]), note_eid(marker)) for marker in sorted(notes, key=order)]
