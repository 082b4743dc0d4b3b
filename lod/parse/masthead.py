"""The masthead: everything printed before the opening formula ("The General Assembly,").

Symbol, organ, dates, session, agenda item, the adoption line and route, the number and
title, the sponsor line. Each item is recognised by its own wording, never by its line
position, because extracts join, split and reorder masthead lines freely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


from lod.bodies import BODIES, by_name
from lod.dates import MONTH_NAMES, iso_date
from lod.parse.agenda import agenda_items
from lod.parse.furniture import is_furniture, strip_marks
from lod.parse.printedsymbol import find_symbol, with_part
from lod.parse.heading import formula_line
from lod.symbols import SYMBOL_RE

MONTHS = MONTH_NAMES
DATE_RE = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b")

_UNITS = {w: i for i, w in enumerate(
    "zero first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
_TENS_ORD = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def ordinal_words(text: str) -> int | None:
    """"Seventy-third" → 73, "Twenty-eighth" → 28, "Eightieth" → 80, "One hundred and first" → 101."""
    words = [w for w in re.split(r"[\s-]+", text.strip().lower()) if w and w != "and"]
    total = 0
    if words[:2] == ["one", "hundred"]:
        total, words = 100, words[2:]
        if not words:
            return None
    if len(words) == 1:
        w = words[0]
        if w in _UNITS and w != "zero":
            return total + _UNITS[w]
        if w in _TENS_ORD:
            return total + _TENS_ORD[w] if w != "hundredth" else 100
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w)
        return total + int(m.group(1)) if m else None
    if len(words) == 2 and words[0] in _TENS and words[1] in _UNITS and _UNITS[words[1]] < 10:
        return total + _TENS[words[0]] + _UNITS[words[1]]
    return None


@dataclass
class Masthead:
    """What the masthead says; every field optional because extracts print only parts of it."""

    symbol: str | None = None
    body: str | None = None
    committee: str | None = None
    session: int | None = None
    session_label: str | None = None
    agenda_items: list[str] = field(default_factory=list)
    agenda_title: str | None = None
    date: str | None = None
    adoption_date: str | None = None
    adopted_by: str | None = None
    kind: str | None = None
    number: str | None = None
    title: str | None = None
    draft_symbol: str | None = None
    report_symbol: str | None = None
    report_paragraph: str | None = None
    sponsor_line: str | None = None
    sponsor_starred: str = ""
    """The sponsor lines with their stars ("Indonesia:* draft resolution"): a star's footnote may
    say whom a sponsor speaks for."""
    submitted_by: str | None = None
    submitted_lines: range = range(0)
    meeting: str | None = None


_SESSION = re.compile(
    r"\b((?:[Rr]esumed )?(\d{1,3}(?:st|nd|rd|th)|(?:19|20)\d\d|[A-Za-z][a-z]+(?:-[a-z]+)?) (?:resumed )?(?:emergency )?(?:special )?session)\b"
)
_AGENDA_ITEM = r"\d{1,3}(?: ?\([a-z]{1,3}\))?"
_AGENDA = re.compile(
    rf"\b(?:[Pp]rovisional a|A)genda items? ({_AGENDA_ITEM}(?:(?:,? and |, ){_AGENDA_ITEM})*)(?=\s|$|\*|\ue000|[.,;])"
)
"""Agenda items with their sub-items: "Agenda item 68 (b)", "Agenda items 14 and 119"."""
_ITEM_OF = re.compile(r"\bItems? (\d+(?: \([a-z]\))?(?:(?:, | and )\d+(?: \([a-z]\))?)*) of the (?:provisional )?agenda")
_ADOPTED = re.compile(rf"\b(Resolution|Decision) adopted by the ([A-Z][A-Za-z ]{{2,80}}?) on (\d{{1,2}} (?:{MONTHS}) \d{{4}})")
_AT_MEETING = re.compile(
    rf"\bAdopted by the ([A-Z][A-Za-z ]{{2,80}}?) at[\s_]+its (\d{{1,5}}(?:st|nd|rd|th) (?:plenary )?meeting),? [Oo]n (\d{{1,2}} (?:{MONTHS}) \d{{4}})"
)
_NUMBER_ALONE = re.compile(r"^((?:ES-|S-)?\d{1,4}/\d{1,4}(?: [A-Z])?|\d{4}/\d{1,4})\.$")
"""The resolution's number on a line of its own, its title on the lines below."""
_NUMBER_LINE = re.compile(r"^(Resolution|Decision) (\d{1,5} \(\d{4}\)|(?:ES-|S-)?\d{1,4}/\d{1,4}(?: [A-Z])?)$")
_ROUTE = re.compile(
    r"\[((?:without reference to a Main Committee|on a proposal considered in plenary(?: meeting)?)|(?:on the "
    r"(?:report|recommendation) of the ([A-Z][\w\s,'’-]{2,140}?(?:\s*\((?P<short>[A-Z][A-Za-z ]{2,40})\))?)))"
    r"\s*\(([^()\[\]]{1,120})\)\s*(?:\]|(?=\s+\d{1,4}/))"
)
"""The committee and its report: "[on the report of the Third Committee (A/77/463, para. 20)]"; the
Fourth's long name carries its short one, which is the committee's name: "[on the report of the
Special Political and Decolonization Committee (Fourth Committee) (A/76/425, para. 37)]"; the
Economic and Social Council's own drafts: "[on a proposal considered in plenary meeting (E/2018/L.21)]";
a bracket left open before the number and title ("… (A/72/681 and A/72/681/Corr.1) ⏎ 72/263. …")."""
REPORT_PARAGRAPH = re.compile(r",?\s*\bparas?\.?\s*(?P<num>\d+(?:\s*(?:-|–|and|to)\s*\d+)?)")
"""The paragraph of a report that recommends the text, after the report's symbol ("A/77/463, para. 20",
"A/71/590/Add.1, para 3")."""
NUMBER_TITLE = re.compile(r"^(?:(?:Resolution|Decision) )?((?:ES-|S-)?\d{1,4}/\d{1,4}(?: [A-Z])?|\d{1,4} \([IVXLC]{1,8}\)|\d{4}/\d{1,4})\.\s+(\S.*)$")
SPONSOR_END = re.compile(r"^(.*?):\s*(revised )?draft (resolution|decision)\s*$", re.I)
_DRAFT_ALONE = re.compile(r"^(?:(?:revised )?draft )?(?:resolution|decision)$", re.I)
_SUBMITTED = re.compile(r"^(?:(?:Revised )?[Dd]raft (resolution|decision)) submitted by (.+)$")
_PART_ALONE = re.compile(r"[A-H]")
"""The letter of a text's first part printed between its title and its formula."""
_ON_THE_BASIS = re.compile(r"on the basis of informal consultations (?:held )?on (?:the )?(?:revised )?draft "
                           r"(?:resolution|decision)s? (.+)$")
"""A Vice-Chair's draft names the draft it was made from ("… (Poland), on the basis of informal
consultations on draft resolution A/C.2/80/L.9"): its `draft_symbol`, as an adopted text's is the
draft it was adopted from."""
_COMMITTEE = re.compile(r"^(?:(First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and Decolonization Committee.*)$")
_SESSION_ALONE = re.compile(r"^[\w-]+(?: [\w-]+){0,3} session$")
"""A session on a line of its own: the masthead's "Eightieth session", or a title's last line."""
_SKIP = re.compile(rf"^(United Nations|Distr\.:.*|Original: .*|Agenda items? .*|Item .* agenda.*|{_SESSION_ALONE.pattern[1:-1]})$")


_STARS = re.compile(r"(?:\ue000\*+\ue001|\*+)(?:\s*,\s*(?:\ue000\*+\ue001|\*+))*")
"""A run of star markers, separated by commas where a line has several notes ("Iraq:*,** draft
resolution", A/80/L.23): the commas are the markers', not the text's."""


def _plain(line: str) -> str:
    text, _ = strip_marks(_STARS.sub("", line))
    return text.strip()


def parse_masthead(lines: list[str]) -> Masthead:
    """Read the masthead lines (blank lines kept as "", markers as tokens)."""
    head = Masthead()
    plain = [_plain(line) for line in lines]
    joined = " ".join(p for p in plain if p)
    organ_names = {b.name for b in BODIES if b.kind == "organ"}
    for i, line in enumerate(plain):
        if not line or is_furniture(line):
            continue
        if head.symbol is None and not line.startswith(("[", "(")):
            found = find_symbol(line)
            if found and len(line) - len(found) < 20 and not NUMBER_TITLE.match(line):
                head.symbol = with_part(line, found)
        if head.body is None:
            for name in sorted(organ_names, key=len, reverse=True):
                if line == name or line.startswith(name + " ") or line == "United Nations " + name:
                    head.body = name
        m = _COMMITTEE.match(line)
        if m and head.committee is None:
            head.committee = line
        elif head.committee is None and head.body and line != head.body:
            body = by_name(line)
            if body is not None and body.kind == "organ" and body.name != head.body and body.parent:
                head.committee = body.name
        m = _SESSION.search(line)
        if m and head.session is None and not line.startswith("["):
            number = int(m.group(2)) if m.group(2).isdigit() else ordinal_words(m.group(2))
            if number is not None:
                head.session, head.session_label = number, m.group(1)[0].upper() + m.group(1)[1:]
        if not head.agenda_items:
            m = _AGENDA.search(line) or _ITEM_OF.search(line)
            if m:
                head.agenda_items = agenda_items(m.group(1))
                rest = line[m.end():].strip(" *")
                head.agenda_title = rest or _next_text(plain, i)
        m = _NUMBER_LINE.match(line)
        if m and head.number is None:
            head.number = m.group(2)
            continue
        m = NUMBER_TITLE.match(line) or _NUMBER_ALONE.match(line)
        if m and (head.number is None or (head.number == m.group(1) and head.title is None)):
            head.number = m.group(1)
            if m.re is NUMBER_TITLE:
                head.title = _title_from(plain, i, m.group(2))
            elif (k := next((k for k in range(i + 1, min(i + 3, len(plain))) if plain[k]), None)) is not None \
                    and formula_line(plain[k]) is None:
                head.title = _title_from(plain, k, plain[k])  # "2018/27." ⏎ ⏎ "Report of the Committee …" (pdftotext)
        # an officer's statement may end like a sponsor line: "… on draft ⏎ resolution A/C.2/80/L.2: draft resolution"
        m = SPONSOR_END.match(line) if i not in head.submitted_lines else None
        if m and head.sponsor_line is None:
            head.kind = "draft-" + m.group(3).lower()
            _sponsor_lines(head, lines, plain, i, m.group(1))
        following = next((k for k in range(i + 1, len(plain)) if plain[k]), None)
        if not m and head.sponsor_line is None and ":" in line and following and _DRAFT_ALONE.match(plain[following]) \
                and i not in head.submitted_lines:
            # "…, New Zealand and Suriname: draft" with "resolution" wrapped onto the next line
            m = SPONSOR_END.match(f"{line} {plain[following]}")
            if m:
                head.kind = "draft-" + m.group(3).lower()
                _sponsor_lines(head, lines, plain, i, m.group(1))
        m = _SUBMITTED.match(line)
        if m and head.kind is None:
            head.kind = "draft-" + m.group(1).lower()
            end = _statement_end(plain, i)
            head.submitted_lines = range(i, end + 1)
            statement = " ".join(" ".join([m.group(2), *plain[i + 1 : end + 1]]).split())
            head.submitted_by = tail.group(1) if (tail := SPONSOR_END.match(statement)) else statement  # "…/L.2: draft resolution"
            basis = _ON_THE_BASIS.search(head.submitted_by)
            head.draft_symbol = head.draft_symbol or (find_symbol(basis.group(1)) if basis else None)
    for line in plain:
        if head.date is None and not _ADOPTED.search(line) and "–" not in line and "-" not in line.split(" ")[0]:
            m = DATE_RE.search(line)
            if m:
                head.date = iso_date(m.group(0))
    m = _ADOPTED.search(joined)
    if m:
        head.kind = m.group(1).lower()
        head.adopted_by = m.group(2).strip()
        head.adoption_date = iso_date(m.group(3))
        if head.body is None and by_name(head.adopted_by):
            head.body = by_name(head.adopted_by).name  # type: ignore[union-attr]
    m = _AT_MEETING.search(joined)
    if m:
        head.kind = head.kind or "resolution"
        head.adopted_by = m.group(1).strip()
        head.meeting = m.group(2)
        head.adoption_date = iso_date(m.group(3))
    m = _ROUTE.search(joined)
    if m:
        first = find_symbol(m.group(4))
        symbols = [first] if first else []
        if m.group(2) and not (symbols and "/L." in symbols[0]):  # a report is never an L. document:
            head.report_symbol = symbols[0] if symbols else None    # "[on the report of … (A/72/L.8 …)]" names the draft
            para = REPORT_PARAGRAPH.search(m.group(4))
            head.report_paragraph = para.group("num") if para and head.report_symbol else None
        else:
            head.draft_symbol = symbols[0] if symbols else None
        if head.committee is None and m.group(2) and "report of" in m.group(1):
            head.committee = (m.group("short") or m.group(2)).strip()
    if head.title is None:
        head.title = _title_before_formula(plain, head)
    return head


def _next_text(plain: list[str], i: int) -> str | None:
    """The agenda item's title: the lines after the item number up to a blank line."""
    out: list[str] = []
    for line in plain[i + 1 :]:
        if not line or SPONSOR_END.match(line) or is_furniture(line):
            if out:
                break
            continue
        out.append(line)
    return " ".join(out) or None


_PART_LETTER = re.compile(r"^[A-Z]$")
"""The letter of a resolution's first part below the title ("72/90. Questions relating to
information ⏎ A ⏎ Information in the service of humanity"): the title ends above it."""


def _title_from(plain: list[str], i: int, first: str) -> str:
    """A title that wraps: following lines up to the next blank line (or a part's letter: a PDF
    sets neither apart by a blank line)."""
    parts = [first]
    for line in plain[i + 1 :]:
        if not line and parts[-1].endswith(";"):
            continue  # "79/243. United Nations Convention against Cybercrime;" ⏎ ⏎ "Strengthening International …"
        if not line or is_furniture(line) or _PART_LETTER.match(line) or formula_line(line) is not None:
            break  # "… the Sustainable Development Goals ⏎ The Economic and Social Council ⏎ Recommends …"
        parts.append(line)
    return " ".join(" ".join(parts).split())


def _sponsor_lines(head: Masthead, lines: list[str], plain: list[str], i: int, last: str) -> None:
    """The sponsor list, which may wrap backwards over the lines above the ": draft" line `i`:
    as text, and with the stars its lines print (`Masthead.sponsor_starred`)."""
    start = _sponsor_start(plain, i, last)
    head.sponsor_line = " ".join(" ".join([*plain[start:i], last]).split())
    head.sponsor_starred = " ".join(strip_marks(k)[0] for k in lines[start : i + 1])


def _sponsor_start(plain: list[str], i: int, last: str) -> int:
    """The first line of the sponsor list whose ": draft" line is `i`."""
    parts = [last]
    j = i - 1
    while j >= 0 and plain[j] and not _SKIP.match(plain[j]):
        text = " ".join(parts)
        open_paren = text.count(")") > text.count("(")  # "… (on behalf of the States" wrapped
        wrapped_name = (  # a State's name wrapped: "…, Syrian Arab" / "Republic, Tajikistan, …"
            "," in plain[j]
            and not is_furniture(plain[j])
            and (
                text.startswith(("(", "of ", "and ", "the "))
                # the continuation may start in lower case: "… Côte" / "d'Ivoire, …"
                or (re.search(r"\b[A-Z][\w’'.()-]*$", plain[j]) is not None and text[:1].isalpha())
            )
        )
        if not (open_paren or wrapped_name or plain[j].rstrip().endswith((",", " and", " the", " of"))):
            break
        parts.insert(0, plain[j])
        j -= 1
    return j + 1


def _statement_end(plain: list[str], i: int) -> int:
    """The last line of "Draft resolution submitted by the Vice-Chair …, on the basis of informal
    consultations on draft resolution A/C.2/77/L.9", which wraps over lines above the title."""
    for k in range(i, min(len(plain), i + 6)):
        if not plain[k]:
            return k - 1
        if "consultations" in plain[k]:
            tail = re.search(r"\b(?:on|draft|resolution|decision|contained in)$", plain[k])
            return k + 1 if tail and k + 1 < len(plain) and plain[k + 1] else k
    k = i
    while k + 1 < len(plain) and plain[k + 1] and re.search(r"(?:,|\b(?:of|the|by|and|on|Mr\.|Ms\.|Mrs\.))$", plain[k]):
        k += 1
    return k


def _structural(line: str, head: Masthead) -> bool:
    """A masthead line that is not part of a title: symbol, organ, dates, items, sponsors, route."""
    return bool(
        _SKIP.match(line)
        or SPONSOR_END.match(line)
        or _DRAFT_ALONE.match(line)
        or _SUBMITTED.match(line)
        or _ADOPTED.search(line)
        or _AT_MEETING.search(line)
        or _NUMBER_LINE.match(line)
        or _COMMITTEE.match(line)
        or line.startswith("[")
        or line.endswith(":")
        or is_furniture(line)
        or SYMBOL_RE.fullmatch(line)
        or (DATE_RE.search(line) and len(line) < 40)
        or line in (head.body, head.committee)
        or re.match(r"^(?:Resolution|Decision) adopted by|^on \d{1,2} [A-Z][a-z]+ \d{4}$", line)
    )


_WRAPS_ON = re.compile(r"\b(?:the|of|in|and|for|to|by|on|its)$")
"""A line a title cannot end with: the organ's name on the next line is the title's end ("Observer
status for the Climate Vulnerable Forum in the ⏎ General Assembly"), not the masthead's organ; so is
a session ("Report of the International Law Commission on the work of its ⏎ seventy-sixth session",
A/C.6/80/L.21), not the masthead's "Eightieth session"."""
_INTRODUCTION = re.compile(r"\b(?:recommends|following|draft (?:resolution|decision)|submitted by)\b", re.I)


def _title_before_formula(plain: list[str], head: Masthead) -> str | None:
    """A draft's title: the lines just before the opening formula, back to a blank line or masthead item."""
    collected: list[str] = []
    for index in range(len(plain) - 1, -1, -1):
        line = plain[index]
        if index in head.submitted_lines:
            if collected:
                break
            continue
        if not line:
            if not collected or _PART_ALONE.fullmatch(" ".join(collected)):
                collected = []  # "United Nations common system" ⏎ "A" ⏎ "The General Assembly,": part A's letter
                continue
            break
        if _structural(line, head) and not ((line in (head.body, head.committee) or _SESSION_ALONE.match(line))
                                            and index and _WRAPS_ON.search(plain[index - 1])):
            if collected and line.endswith(":") and not _INTRODUCTION.search(line):
                collected.insert(0, line)  # "Scale of assessments …:" / "requests under Article 19 …"
                continue
            if collected:
                break
            if line.endswith(":") or line.startswith("["):
                continue
            return None
        collected.insert(0, line)
    text = " ".join(" ".join(collected).split())
    # a draft prints its future number as a placeholder: "53/... Title", "73/___. Title"
    text = re.sub(r"^(?:ES-|S-)?\d{1,4}/(?:_+|…|\.{3})\.?\s+", "", text)
    return text or None


def adopting_body(head: Masthead, formula_body: str | None) -> tuple[str | None, str | None]:
    """(body, committee): the organ whose text this is, and the subsidiary organ named under it.

    The masthead names the parent organ first ("General Assembly" above "Human Rights
    Council", "Economic and Social Council" above a commission). The text belongs to the
    organ that adopted it ("Resolution adopted by the Human Rights Council"), or else to
    the one its opening formula names, when the masthead names that organ too; a draft that
    a commission recommends to another organ ("The General Assembly," under the Commission's
    masthead) stays with the masthead's organ.
    """
    body, committee = head.body, head.committee
    named = {b.name for b in (by_name(n) for n in (head.body, head.committee) if n) if b is not None}
    speaker = by_name(head.adopted_by) if head.adopted_by else None
    if speaker is None and formula_body:
        candidate = by_name(formula_body)
        speaker = candidate if candidate is not None and candidate.name in named else None
    if speaker is not None:
        body = speaker.name
        if committee and by_name(committee) is speaker:
            committee = None
    return body, committee
