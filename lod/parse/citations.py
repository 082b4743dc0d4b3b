"""Citations of resolutions, decisions, documents and treaties, in every printed form.

The same digits mean different things by body ("resolution 26/4" of the General Assembly or
of a Commission), so every citation is attributed from the words around it: a body named
before the number ("Economic and Social Council resolution 2017/16"), after it ("resolution
25/2 … of the Commission on …", "adopted at the seventh session of the Conference of the
States Parties to the Convention"), the shape of the number ("1373 (2001)" is the Security
Council's, "3263 (XXIX)" an early General Assembly's, "2017/16" ECOSOC's), and only then the
document's own body (lod.parse.citation_organs: whose each list of numbers is). Numbers not yet
known when a draft was printed ("73/___") are kept as placeholders, never dropped and never
completed by guesswork.

Footnotes are read in order and "Ibid." refers to the previous footnote, so the extractor
keeps that one footnote's results between calls.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from lod.bodies import Body, body_of_number, by_key
from lod.dates import iso_date
from lod.model import Citation, CitationType
from lod.parse import citation_patterns as P
from lod.parse.citation_organs import OrganReader, date_contradicts, numbers_fit
from lod.symbols import DOCUMENT_PART, parse_symbol, printed_part, resolution_symbol
from lod.uri import annex_of

@dataclass
class _Item:
    """One number of a citation list, before its body and date are settled."""

    number: str
    start: int
    end: int
    date: str | None = None
    dated: bool = False


def _part_letters(printed: str) -> list[str]:
    """"A and B" → A, B; "A to C" → A, B, C (a range of parts); "AA" (the part after Z) → AA."""
    letters = re.findall(r"\b[A-Z]{1,2}\b|\bto\b", printed)
    out: list[str] = []
    for k, letter in enumerate(letters):
        if letter == "to" and out and k + 1 < len(letters) and len(out[-1]) == len(letters[k + 1]) == 1 and letters[k + 1] > out[-1]:
            out += [chr(c) for c in range(ord(out[-1]) + 1, ord(letters[k + 1]))]
        elif letter != "to":
            out.append(letter)
    return out


def _session_of(number: str) -> str:
    """What two numbers must share to have been adopted on the same day (session or year)."""
    if "/" in number:
        return number.split("/", 1)[0]
    match = re.search(r"\((\w+)\)", number)
    return match.group(1) if match else number


class CitationExtractor:
    """Finds citations paragraph by paragraph for one document whose body is `document_body`."""

    def __init__(self, document_body: str | None) -> None:
        self.organs = OrganReader(document_body)
        self._previous_footnote: list[Citation] = []
        self._previous_series: str | None = None
        self.annex_authors: dict[str, Body] = {}
        """Annex eId → the organ whose text it is, as its opening formula names it ("The General
        Assembly," in a draft the Council recommends): whose "its resolution" is in that annex."""

    # -- public -------------------------------------------------------------------------

    def extract(self, text: str, location: str) -> list[Citation]:
        """The citations printed in one paragraph, point or footnote, in reading order."""
        clean = P.strip_markup(text or "")
        in_footnote = location.startswith("fn_")
        found: list[tuple[int, Citation]] = []
        taken: list[tuple[int, int]] = []
        self.organs.remember_names(clean)
        annex = annex_of(location)
        for start, end, citation in self._numbered(clean, annex is not None, self.annex_authors.get(annex or "")):
            found.append((start, citation))
            taken.append((start, end))
        for start, end, citation in self._symbols(clean, taken):
            found.append((start, citation))
        is_ibid = in_footnote and P.IBID_RE.match(clean) is not None
        for start, citation in self._treaties(clean, is_ibid):
            found.append((start, citation))
        found.sort(key=lambda pair: pair[0])
        self._set_relations(clean, found, in_footnote)
        citations = [dataclasses.replace(c, location=location) for _, c in found]
        if in_footnote:
            if is_ibid and not citations and self._previous_footnote:
                citations = [dataclasses.replace(c, text="Ibid.", location=location, unts_volumes=list(c.unts_volumes))
                             for c in first_reference(self._previous_footnote)]
            self._remember_footnote(clean, citations, is_ibid)
        return citations

    # -- resolutions and decisions --------------------------------------------------------

    def _numbered(self, text: str, in_annex: bool = False, author: Body | None = None) -> list[tuple[int, int, Citation]]:
        out: list[tuple[int, int, Citation]] = []
        if "esolution" not in text and "ecision" not in text:  # what every KEYWORD_RE match spells
            return out
        keywords = list(P.KEYWORD_RE.finditer(text))
        named_before: tuple[int, str] | None = None  # where the last list an organ was named for ends, and the organ
        for k, kw in enumerate(keywords):
            items, list_end = self._read_list(text, kw.end())
            if not items:
                continue
            items, list_end = self._list_goes_on(text, items, list_end, keywords[k + 1].start() if k + 1 < len(keywords) else len(text))
            kind: CitationType = "decision" if kw.group("kw").lower().startswith("decision") else "resolution"
            body_name, explicit, span_start, its = self.organs.before(text, kw.start())
            if not explicit and not its:
                body_name, explicit = self.organs.after(text, list_end, body_name)
            if (not explicit and not its and named_before is not None
                    and P.SAME_ORGAN_JOIN_RE.fullmatch(text, named_before[0], kw.start())
                    and numbers_fit([item.number for item in items], named_before[1])):
                # "Human Rights Council decision 18/120 of 30 September 2011 and resolutions 24/14 …":
                # the organ named for the list just before, joined by "and", is these numbers' too
                body_name, explicit = named_before[1], True
            named_before = (list_end, body_name) if explicit and body_name else None
            if not explicit and not its and P.IN_DOCUMENT_BEFORE_RE.search(text, max(0, kw.start() - 160), kw.start()):
                # "(E/2015/27), chap. I, sect. C, resolution 59/1": the document cited before is the
                # citation; a number whose shape names no organ is nobody's we know
                items = [item for item in items if body_of_number(item.number) is not None]
            for index, item in enumerate(items):
                start = span_start if index == 0 else item.start
                # in an annex, "its" is the annexed text's author, not the document's organ; so is a
                # number no organ is named for and whose shape names none ("in accordance with
                # resolution 73/1" in a commission's resolution the Council annexes)
                if author is not None and not explicit and (its or body_of_number(item.number) is None):
                    body = author.name
                else:
                    body = self.organs.attribute(item.number, body_name, explicit, its and not in_annex)
                if not explicit and date_contradicts(kind, item.number, item.date, body):
                    body = self.organs.instead(text, kind, item.number, item.date, (item.start, item.end), body)
                out.append((start, item.end, self._citation(kind, text[start : item.end], item, body)))
        return out

    def _list_goes_on(self, text: str, items: list[_Item], end: int, stop: int) -> tuple[list[_Item], int]:
        """The dated numbers after a list's end and before the next "resolution(s)" (P.DATED_ITEM_RE)."""
        while (more := P.DATED_ITEM_RE.search(text, end, stop)) is not None:
            found, after = self._read_list(text, more.end())
            if not found or after > stop:
                break
            items, end = items + found, after
        return items, end

    def _read_list(self, text: str, pos: int) -> tuple[list[_Item], int]:
        """The numbers of "resolutions 69/193 and 69/196 of 18 December 2014, 70/178, …", and where the list ends."""
        items: list[_Item] = []
        end = pos
        while True:
            match = P.ITEM_RE.match(text, pos)
            if match is None:
                break
            number = P.normalise_number(match.group("num"))
            parts = _part_letters(match.group("parts") or "")
            end = match.end()
            group = [_Item(f"{number} {p}" if parts else number, match.start(), end) for p in (parts or [""])]
            date = P.DATE_RE.match(text, end)
            if date is not None:
                end = date.end()
                iso = None if date.group("blank") else iso_date(f'{date.group("day")} {date.group("month")} {date.group("year")}')
                for item in group:
                    item.dated, item.date = True, iso
                # "69/193 and 69/196 of 18 December 2014": the date is shared by the undated
                # numbers just before it, as long as they are of the same session or year.
                for earlier in reversed(items):
                    if earlier.dated or _session_of(earlier.number) != _session_of(number):
                        break
                    earlier.dated, earlier.date = True, iso
            items.extend(group)
            separator = P.LIST_SEPARATOR_RE.match(text, end)
            if separator is None or P.ITEM_RE.match(text, separator.end()) is None:
                break
            pos = separator.end()
        return items, end

    def _citation(self, kind: CitationType, printed: str, item: _Item, body_name: str | None) -> Citation:
        placeholder = "_" in item.number
        symbol = None
        body = P.known_body(body_name) if body_name else None
        if (kind == "decision" and not placeholder and body is not None and body.conventions is not None
                and not body.conventions.is_decision_number(item.number)):
            body = body_name = None  # "its decisions 20/1 and 20/2" in an Assembly text: a committee's, not known whose
        if not placeholder and body is not None:
            if kind == "resolution":
                symbol = resolution_symbol(body.key, item.number)
            elif body.conventions is not None:
                symbol = body.conventions.symbol("decision", item.number)
        return Citation(
            type=kind,
            text=" ".join(printed.split()),
            body=body_name,
            number=item.number,
            symbol=symbol,
            date=None if placeholder else item.date,
            placeholder=placeholder,
        )

    # -- document symbols -----------------------------------------------------------------

    def _symbols(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, Citation]]:
        out: list[tuple[int, int, Citation]] = []
        if "/" not in text:  # every symbol has one
            return out
        for match in P.DOCUMENT_SYMBOL_RE.finditer(text):
            start, end = match.span()
            if not any(ch.isdigit() for ch in match.group(0)):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            roman = P.ROMAN_SUFFIX_RE.match(text, end)
            if roman is not None and "/RES/" in match.group(0):
                end = roman.end()
            part = DOCUMENT_PART.match(text, end)  # "A/CONF.157/24 (Part I)": the part is the symbol's
            end = part.end() if part is not None else end
            printed = " ".join(text[start:end].split())
            symbol = printed_part(printed)
            info = parse_symbol(symbol)
            body = by_key(info.body).name if info.body else None
            number = info.number
            if info.kind == "resolution" and info.body and number:  # also A/RES/3263(XXIX)
                symbol = resolution_symbol(info.body, number) or symbol
            if info.kind in ("resolution", "decision"):
                kind: CitationType = "resolution" if info.kind == "resolution" else "decision"
                out.append((start, end, Citation(type=kind, text=printed, body=body, number=number, symbol=symbol)))
            else:
                out.append((start, end, Citation(type="document", text=printed, body=body, symbol=symbol)))
        return out

    # -- treaties -------------------------------------------------------------------------

    def _treaties(self, text: str, is_ibid: bool) -> list[tuple[int, Citation]]:
        out: list[tuple[int, Citation]] = []
        volumes_printed = list(P.TREATY_VOLUMES_RE.finditer(text)) if "vol" in text or "卷" in text or "المجلد" in text else []
        if not volumes_printed:  # most paragraphs: no need to look for the series' name
            return out
        series_marks = list(P.TREATY_SERIES_RE.finditer(text))
        for match in volumes_printed:
            series = [m for m in series_marks if m.end() <= match.start()]
            if series:
                if P.league_series(series[-1]):
                    continue
            elif not (is_ibid and self._previous_series == "unts"):
                continue
            volumes = P.treaty_volumes(match)
            numbers = P.registration_numbers(match) or [(None, " ".join(match.group(0).split()))]
            out += [(match.start(), Citation(type="treaty", text=printed, body=None, unts_volumes=list(volumes),
                                             unts_number=number)) for number, printed in numbers]
        return out

    # -- context kept across calls ----------------------------------------------------------

    def _remember_footnote(self, text: str, citations: list[Citation], is_ibid: bool) -> None:
        self._previous_footnote = citations
        series = list(P.TREATY_SERIES_RE.finditer(text))
        if series:
            league = P.league_series(series[-1])
            self._previous_series = "lnts" if league else "unts"
        elif P.OFFICIAL_RECORDS_RE.search(text):
            self._previous_series = "records"
        elif not is_ibid:
            self._previous_series = None

    def _set_relations(self, text: str, found: list[tuple[int, Citation]], in_footnote: bool) -> None:
        """The verb introducing each citation: the nearest one printed before it."""
        if in_footnote:
            relation = "see" if P.SEE_RE.match(text) else None
            for _, citation in found:
                citation.relation = relation
            return
        if not found:
            return
        verbs = P.relation_verbs(text)
        for start, citation in found:
            citation.relation = P.relation_before(verbs, start)


def first_reference(citations: list[Citation]) -> list[Citation]:
    """What a bare "Ibid." repeats: the note's first reference, which is several citations where it
    registers several treaties in one volume ("vol. 75, Nos. 970–973": the four Geneva Conventions)."""
    first = citations[0]
    if first.type != "treaty":
        return [first]
    return [c for c in citations if c.type == "treaty" and c.unts_volumes == first.unts_volumes]
