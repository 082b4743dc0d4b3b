"""Decisions: where their text begins and what its first sentence says.

A decision has no opening formula. Printed, it has a masthead ("Decision adopted by the General
Assembly on …", "73/501. Title"); as the decisions database stores it (`ED_DecisionText`), only
its text, which says where it was taken: "At its 47th plenary meeting, on 7 December 2022, the
General Assembly, on the recommendation of …, decided …", "On 17 and 18 June 2020, the General
Assembly … elected …". Multi-part decisions label their parts ("A", "Decision B").
"""

from __future__ import annotations

import re

from lod.bodies import by_name
from lod.model import Resolution, Voting
from lod.parse.blocks import PART_LABEL
from lod.parse.furniture import strip_marks
from lod.dates import iso_date
from lod.parse.masthead import NUMBER_TITLE, REPORT_PARAGRAPH
from lod.symbols import SYMBOL_RE

DECISION_VERB = re.compile(
    r"\b(?:Assembly|Council|Commission|Conference|Committee|Board)\b[^.;:]{0,300}?(?<!\bas )\b((?:also |further )?"
    r"(?:decides|decided|takes note|took note|approves|approved|adopts|adopted|elects|elected|appoints|appointed|"
    r"requests|requested|welcomes|welcomed|endorses|endorsed|defers|deferred|notes|noted|recommends|recommended|"
    r"authorizes|authorized|confirms|confirmed))\b"
)
"""A decision's operative verb, printed after its organ ("… the General Assembly decided …"); not
the verb of an "as" clause ("…, as noted in paragraph 306 of the report, decides to appoint …")."""


ANNOUNCES_ITEMS = re.compile(r"\bfollowing (?:\w+ ){0,2}items\b", re.I)
"""The words of a decision that announce a list of agenda items."""

__all__ = ["ANNOUNCES_ITEMS", "DECISION_VERB", "decision_meeting", "decision_sources", "decision_start", "decision_text_start"]


_DECISION_HEAD = re.compile(
    r"\bDecision adopted by the\b|:\s*(?:revised )?draft decision\s*$|^(?:revised )?draft decision\s*$|^(?:Revised )?draft decision submitted by\b"
    r"|^Decision (?:ES-|S-)?\d{1,4}/\d{1,4}\.\s",
    re.I,
)


def decision_start(lines: list[str]) -> int | None:
    """Where a decision's text begins: decisions have no opening formula, only a number and title.

    "Decision adopted by the General Assembly on …", then "73/501. Title", then the text
    ("At its 50th plenary meeting, … the General Assembly decided …"). A draft decision has
    its sponsor line and title instead.
    """
    plain = [strip_marks(line)[0].replace("*", "").strip() for line in lines]
    head = next((i for i, p in enumerate(plain[:120]) if _DECISION_HEAD.search(p)), None)
    if head is None:
        return None
    title = next((k for k in range(head, min(len(plain), head + 40)) if NUMBER_TITLE.match(plain[k])), None)
    if title is None:
        if "draft decision" not in plain[head].lower():
            return None
        title = next((k for k in range(head + 1, len(plain)) if plain[k] and not _continues_statement(plain, k)), None)
        if title is None:
            return None
    end = title + 1
    while end < len(plain) and plain[end] and not _DECISION_TEXT.match(plain[end]):
        end += 1
    return end if any(plain[end:]) else None


_DECISION_OPENING = re.compile(
    r"^(?:At (?:its|the) (?:resumed )?\d{1,4}(?:st|nd|rd|th)+(?:(?:,| and| to) \d{1,4}(?:st|nd|rd|th))*\W+(?:\(resumed\)\W+)?"
    r"(?:plenary\W+)?meetings?\b"
    r"|On \d{1,2}(?:(?:,| and| to) \d{1,2})*\W+[A-Z][a-z]+\W+\d{4}, the\b"
    r"|The (?:General Assembly|Economic and Social Council|Security Council|[A-Z][\w ]{2,80}? (?:Council|Commission)), at its \d)"
)
"""The first words of a decision's text as the decisions database stores it, without a masthead:
"At its 47th plenary meeting, on 7 December 2022, the General Assembly … decided …"."""

def decision_text_start(lines: list[str]) -> int | None:
    """Where a decision printed without masthead begins: its part label or its "At its … meeting" sentence."""
    plain = [strip_marks(line)[0].replace("*", "").strip(" \t`") for line in lines[:40]]
    opening = next((i for i, p in enumerate(plain) if _DECISION_OPENING.match(p)), None)
    if opening is None:
        return None
    above = [i for i in range(opening) if plain[i]]
    if len(above) > 3:
        return None  # a masthead or a text above: not a bare decision
    part = next((i for i in above if PART_LABEL.match(plain[i])), None)
    return part if part is not None else opening


def _continues_statement(plain: list[str], k: int) -> bool:
    """A line of a wrapped "Draft decision submitted by the Vice-Chair …, on the basis of …"."""
    return "consultations" in plain[k] or bool(re.search(r"(?:,|\b(?:of|the|by|and|on))$", plain[k - 1]))


_DECISION_TEXT = re.compile(
    r"^(?:At its \w|At the \w|On \d{1,2} [A-Z]|The (?:General Assembly|[A-Z][\w ]{2,80}? (?:Council|Commission))\b"
    r"|\d{1,3}\.\s|\([a-z]\)\s)"
)
"""The first line of a decision's text, which raw PDF text prints right under the wrapped title."""


_AT_ITS_MEETING = re.compile(
    r"^(?:At (?:its|the) |The [A-Z][\w ]{2,80}?, at its )(?:resumed )?(\d{1,5}(?:st|nd|rd|th) (?:\(resumed\) )?(?:plenary )?meeting)"
    r"(?: of the [A-Z][\w ]+?)?,? on (\d{1,2} [A-Z][a-z]+ \d{4})"
)
_ON_DATES = re.compile(r"^On (?:\d{1,2}(?:,| and| to) )*(\d{1,2})\W+([A-Z][a-z]+)\W+(\d{4}),")
_DECIDING_ORGAN = re.compile(r"\b[Tt]he ((?:General Assembly|Economic and Social Council|Security Council|[A-Z][\w ]{2,80}? (?:Council|Commission)))\b")


def decision_meeting(res: Resolution, text: str) -> None:
    """A decision says where it was taken in its first words: "At its 62nd plenary meeting, on …"."""
    m = _AT_ITS_MEETING.match(text)
    if m:
        res.meeting = res.meeting or m.group(1).replace("(resumed) ", "")
        res.adoption_date = res.adoption_date or iso_date(m.group(2))
    on = _ON_DATES.match(text)
    if on and res.adoption_date is None:
        # "On 17 and 18 June 2020, the General Assembly … elected": taken when the last day ended
        res.adoption_date = iso_date(f"{on.group(1)} {on.group(2)} {on.group(3)}")
    if res.body is None:
        # "… on 7 December 2022, the General Assembly, on the recommendation of …, decided": the
        # first organ named is the one that decided
        organ = _DECIDING_ORGAN.search(text[:400])
        body = by_name(organ.group(1)) if organ else None
        if body is not None and body.kind == "organ":
            res.body = body.name


_RECOMMENDED = re.compile(
    r"\bon the recommendation of the (?P<name>(?:First|Second|Third|Fourth|Fifth|Sixth|General|Credentials) Committee"
    r"|Special Political and Decolonization Committee)(?:\s*\((?P<short>Fourth Committee)\))?"
    r"(?:\s*\((?P<sources>[^()]{3,300})\))?"
)
"""The committee whose report recommends the decision, and that report where printed beside it:
"on the recommendation of the First Committee (A/75/397, para.16.)"."""
_RECORDED_VOTE = re.compile(
    r"(?<!amended )\bby a recorded vote of (?P<yes>\d{1,3}) to (?P<no>\d{1,3}|none)"
    r"(?:,?\s*with (?P<abst>\d{1,3}|one|no) abstentions?)?"
)
"""How the organ voted on the decision ("…, the General Assembly, by a recorded vote of 152 to 3,
with 30 abstentions, …"), not on an amendment to it ("as amended by a recorded vote of …")."""
_SEE = re.compile(r"\((?:See|For (?:the )?voting results,? see)\s+(?P<sources>[^()]{3,300}?)\s*\)", re.I)
"""The Assembly's list of a decision's documents: "(See A/72/399, A/72/PV.62)", "(See A/75/PV.37 for
the result of the voting.)"; a record of the database may hold it as a note ("See A/75/PV.37.")."""
_SOURCE_WORDS = re.compile(
    r"\b(?:See|and|for the result of the voting|for voting results,? see|[Dd]raft \w+(?: [IVXL]+| [A-Z])?)\b|[\s.,;:]+"
)
"""What a list of sources prints besides symbols and paragraphs ("draft decion II" as misspelt)."""
_REPORT = re.compile(r"^A/(?:[A-Z]+-)?\d+/\d+(?:/(?:Add|Rev|Corr)\.\d+)*$")


def _sources(text: str) -> tuple[list[tuple[str, str | None]], str]:
    """The symbols of a list of sources with the paragraph printed after each, and what is left
    of the list once they are taken out (nothing but words of `_SOURCE_WORDS` for a pure list)."""
    found: list[tuple[str, str | None]] = []
    rest = text
    for m in SYMBOL_RE.finditer(text):
        symbol = m.group(0).rstrip(".")
        para = REPORT_PARAGRAPH.match(text[m.end():])
        found.append((symbol, para.group("num") if para else None))
        rest = rest.replace(m.group(0) + (para.group(0) if para else ""), " ", 1)
    return found, _SOURCE_WORDS.sub("", rest)


def decision_sources(res: Resolution, notes: dict[str, str]) -> None:
    """What a decision's text says of how it came about, where no masthead said it: the committee
    and its report (and paragraph) that recommended it, the draft, the meeting record, and the
    recorded vote ("At its 37th plenary meeting, …, the General Assembly, by a recorded vote of
    152 to 3, with 30 abstentions (See A/75/PV.37 …), on the recommendation of the First Committee
    (A/75/397, para.16.), … decided …"). The database moves the report into a note ("(Footnote:
    A/76/483, para.7)"): a note that is only such a list counts. A decision in parts (A, B) takes
    its documents from its first part, and no vote (each part was voted on by itself)."""
    heads = [p for p in res.operative if _DECISION_OPENING.match(p.text)] or res.operative[:1]
    if not heads:
        return
    first = heads[0]
    lists: list[str] = []
    recommended = _RECOMMENDED.search(first.text)
    if recommended:
        res.committee = res.committee or recommended.group("short") or recommended.group("name")
        lists += [recommended.group("sources") or ""]
    part = [p for p in res.operative if first.section is None or p.section == first.section]
    for paragraph in part:
        for see in _SEE.finditer(paragraph.text):
            ends = not paragraph.text[see.end():].strip(" .")
            if ends or "/PV." in see.group("sources") or "voting" in see.group("sources"):
                lists.append(see.group("sources"))
    lists += [notes[m] for m in first.footnote_refs if m in notes]
    for text in lists:
        found, rest = _sources(text)
        if rest:
            continue  # not a list of the decision's documents ("See A/70/142" for a request it defers)
        for symbol, para in found:
            if "/PV." in symbol:
                res.meeting_record = res.meeting_record or symbol
            elif "/L." in symbol:
                res.draft_symbol = res.draft_symbol or symbol
            elif _REPORT.match(symbol) and res.report_symbol is None:
                res.report_symbol, res.report_paragraph = symbol, para
    votes = list(_RECORDED_VOTE.finditer(first.text))
    if len(votes) == 1 and res.voting is None and not any(p.section for p in res.operative):
        vote = votes[0]
        res.voting = Voting("adopted-recorded-vote", yes=_count(vote.group("yes")), no=_count(vote.group("no")),
                            abstention=_count(vote.group("abst")))


def _count(printed: str | None) -> int:
    """A count as a decision prints it: figures, "none", "no" or "one" (an absent count is none)."""
    return int(printed) if printed and printed.isdigit() else {"one": 1}.get(printed or "", 0)
