"""Citations of resolutions, decisions, documents and treaties, in every printed form.

The same digits mean different things by body ("resolution 26/4" of the General Assembly or
of a Commission), so every citation is attributed from the words around it: a body named
before the number ("Economic and Social Council resolution 2017/16"), after it ("resolution
25/2 … of the Commission on …", "adopted at the seventh session of the Conference of the
States Parties to the Convention"), the shape of the number ("1373 (2001)" is the Security
Council's, "3263 (XXIX)" an early General Assembly's, "2017/16" ECOSOC's), and only then the
document's own body. Numbers not yet known when a draft was printed ("73/___") are kept as
placeholders, never dropped and never completed by guesswork.

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


def _numbers_fit(items: list[_Item], body_name: str) -> bool:
    """Whether no number's shape names another organ than `body_name` ("1325 (2000)" is the
    Security Council's whatever list it follows)."""
    body = P.known_body(body_name)
    return all((shaped := body_of_number(item.number)) is None or (body is not None and shaped.key == body.key)
               for item in items)


def _session_of(number: str) -> str:
    """What two numbers must share to have been adopted on the same day (session or year)."""
    if "/" in number:
        return number.split("/", 1)[0]
    match = re.search(r"\((\w+)\)", number)
    return match.group(1) if match else number


class CitationExtractor:
    """Finds citations paragraph by paragraph for one document whose body is `document_body`."""

    def __init__(self, document_body: str | None) -> None:
        self.document_body: Body | None = P.known_body(document_body) if document_body else None
        printed = re.sub(r"^[Tt]he\s+", "", " ".join((document_body or "").split())).strip(" ,.;:")
        self.document_body_name = self.document_body.name if self.document_body else (printed or None)
        self._last_commission: str | None = None
        self._last_convention: str | None = None
        self._previous_footnote: list[Citation] = []
        self._previous_series: str | None = None
        if self.document_body is not None and "Commission" in self.document_body.name:
            self._last_commission = self.document_body.name
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
        self._remember_names(clean)
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
                             for c in _first_reference(self._previous_footnote)]
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
            body_name, explicit, span_start, its = self._body_before(text, kw.start())
            if not explicit and not its:
                body_name, explicit = self._body_after(text, list_end, body_name)
            if (not explicit and not its and named_before is not None
                    and P.SAME_ORGAN_JOIN_RE.fullmatch(text, named_before[0], kw.start())
                    and _numbers_fit(items, named_before[1])):
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
                    body = self._attribute(item.number, body_name, explicit, its and not in_annex)
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

    def _body_before(self, text: str, keyword_start: int) -> tuple[str | None, bool, int, bool]:
        """The body printed just before "resolution": its name, whether it was named, where the citation starts, "its"."""
        window = max(0, keyword_start - 200)
        its = P.ITS_BEFORE_RE.search(text, window, keyword_start)
        if its is not None:
            owner = P.ITS_OWNER_RE.search(text, max(0, its.start() - 160), its.start())
            if owner is not None and owner.group("conf"):
                return P.conference_name(owner.group("conf"), self._conventions_before(text, its.start())), True, its.start(), True
            body = P.known_body(owner.group("known")) if owner is not None else None
            if body is not None and body.kind != "office":
                return body.name, True, its.start(), True
            return self.document_body_name, False, its.start(), True
        latest = P.LATEST_OF_WHICH_RE.search(text, window, keyword_start)
        owner = self._antecedent_owner(text, latest.start()) if latest else None
        if owner is not None:
            return owner.name, True, keyword_start, False  # "… of the Human Rights Council, the most recent of which being"
        known = P.KNOWN_BEFORE_RE.search(text, window, keyword_start)
        if known is not None and known.group("conf"):
            return P.conference_name(known.group("conf"), self._conventions_before(text, keyword_start)), True, known.start(), False
        if known is not None:
            body = P.known_body(known.group("known"))
            return (body.name if body else known.group("known")), True, known.start(), False
        other = P.OTHER_BEFORE_RE.search(text, window, keyword_start)
        if other is not None:
            printed = other.group("other").split()
            name = P.LEADING_NON_NAME_RE.sub("", " ".join(printed))
            if len(printed) == 2 and printed[0].endswith("ing"):  # "Recalling Council resolution"
                name = printed[1]
            if " " in name and not P.PART_OF_ORGAN_RE.search(name):  # "Governing Council", "United Nations Environment Assembly"
                start = other.start() + other.group("other").find(name.split()[0])
                return name, True, start, False
        generic = P.GENERIC_BEFORE_RE.search(text, window, keyword_start)
        if generic is not None:
            named = self._generic_body(generic.group("generic"), text[: generic.start()])
            return named, named is not None, generic.start(), False
        return None, False, keyword_start, False

    @staticmethod
    def _antecedent_owner(text: str, end: int) -> Body | None:
        """The organ of the resolutions named last before `end` ("all relevant Human Rights Council
        resolutions, including …"), unless another resolution or "its" is named after them."""
        found = list(P.ANTECEDENT_OWNER_RE.finditer(text, max(0, end - 200), end))
        if not found or P.ANOTHER_ANTECEDENT_RE.search(text, found[-1].end(), end):
            return None
        return P.known_body(found[-1].group("named") or found[-1].group("known"))

    def _body_after(self, text: str, end: int, current: str | None) -> tuple[str | None, bool]:
        """A body printed after the numbers: "of the Commission on …", "at its … session of the Conference …"."""
        window = text[end : end + 400]
        after = P.BODY_AFTER_RE.match(window)
        if after is None:
            stop = P.KEYWORD_RE.search(window)
            limit = min(stop.start() if stop else len(window), window.find(";") if ";" in window else len(window))
            after = P.SESSION_OF_RE.search(window, 0, limit)
        if after is None:
            return current, False
        if after.group("conf"):
            return P.conference_name(after.group("conf"), self._conventions_before(text, end)), True
        if after.group("known"):
            body = P.known_body(after.group("known"))
            return (body.name if body else after.group("known")), True
        if after.groupdict().get("other"):
            return " ".join(after.group("other").split()), True
        generic = after.groupdict().get("generic")
        if generic:
            named = self._generic_body(generic)
            return (named, True) if named else (current, False)
        return current, False

    def _generic_body(self, head: str, before: str = "") -> str | None:
        """ "Commission resolution 27/5": the document's own body if it is one, else the last one named;
        "Council resolutions 5/1 and 5/2" in an Assembly text: the Council named before it in the
        paragraph ("… in the Human Rights Council, …, in accordance with Council resolutions 5/1 and 5/2")."""
        own = self.document_body
        if head == "Assembly":
            return by_key("ga").name
        if own is not None and head in (own.name.split()[0], own.name.split()[-1]):
            return own.name
        if head == "Commission":
            return self._last_commission
        if head == "Council" and own is not None and own.key in P.COUNCILS:
            return own.name
        if head == "Council" and (councils := P.COUNCIL_MENTION_RE.findall(before)):
            body = P.known_body(councils[-1])
            return body.name if body is not None else None
        if head == "Conference" and self.document_body_name and "Conference" in self.document_body_name:
            return self.document_body_name
        return None

    def _attribute(self, number: str, body_name: str | None, explicit: bool, its: bool = False) -> str | None:
        """The body a number belongs to: named body, else the number's shape, else the document's body."""
        if explicit and body_name:
            return body_name
        shaped = body_of_number(number)  # only one organ numbers like this ("660 (1990)", "2017/16")
        own = self.document_body
        if (its and shaped is not None and own is not None and own.key != shaped.key
                and own.conventions is not None and own.conventions.roman_sessions and P.ROMAN_SUFFIX_RE.search(number)):
            # "its resolution 1566 (L)" in a Council text: the Council numbered its early resolutions
            # as the Assembly did, and "its" (the document's own, outside its annexes) says whose
            return own.name
        if shaped is not None:
            return shaped.name
        if own is not None and own.conventions is not None and own.conventions.dating == "year":
            # "70/174" in a Security Council or ECOSOC text: their own numbers carry the year
            return by_key("ga").name
        return self.document_body_name or by_key("ga").name

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

    def _remember_names(self, text: str) -> None:
        # both patterns spell out "Convention" / "Commission": a text without the word has no match
        conventions = P.CONVENTION_MENTION_RE.findall(text) if "Convention" in text else []
        if conventions:
            self._last_convention = " ".join(conventions[-1].split())
        commissions = P.COMMISSION_MENTION_RE.findall(text) if "Commission" in text else []
        if commissions and not (self.document_body and "Commission" in self.document_body.name):
            body = P.known_body(commissions[-1])
            self._last_commission = body.name if body else " ".join(commissions[-1].split())

    def _conventions_before(self, text: str, end: int) -> str | None:
        mentions = P.CONVENTION_MENTION_RE.findall(text, 0, end)
        if mentions:
            return mentions[-1]
        return self._last_convention

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


def _first_reference(citations: list[Citation]) -> list[Citation]:
    """What a bare "Ibid." repeats: the note's first reference, which is several citations where it
    registers several treaties in one volume ("vol. 75, Nos. 970–973": the four Geneva Conventions)."""
    first = citations[0]
    if first.type != "treaty":
        return [first]
    return [c for c in citations if c.type == "treaty" and c.unts_volumes == first.unts_volumes]
