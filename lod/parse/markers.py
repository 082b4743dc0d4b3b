"""Footnote markers that text extraction glued to the words ("Nations1", "Court,2", "Court 1").

A glued number is a marker only when a footnote with that number exists and it is the next
marker the reader expects (footnotes are numbered through the document): that is what keeps
"resolution 70/1", "Article 19" or "section 11" from ever being taken for a marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lod.dates import MONTH_NAMES
from lod.parse.furniture import MARK_RE, mark

_GLUED = re.compile(r"(?<=[A-Za-z)\]”’\".,;:])(\d{1,3})(?=[\s,.;:)”’]|$)")
_DECIMAL_BEFORE = re.compile(r"(?<![\d/.])\d{1,3}\.$")
"""A number of one to three digits and a point, not the end of a symbol's number ("70/1.")."""
_AFTER_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d\d(\d{1,2})(?=[\s,.;:)]|$)")
"""A marker glued to a year: "of 19881" is 1988 and footnote 1 (the count must expect it)."""
_AFTER_COMMA = re.compile(r"(?<=[A-Za-z0-9”’)][,;] )(\d{1,3})(?=\s|[,;.]|$)")
"""A marker set apart after a comma in mid-sentence: "the Committee on Disarmament, 4 inter alia"."""
_BEFORE_WORD = re.compile(r"(?<=[A-Za-z][,;] )(\d{1,3})(?=[a-z]{2,})")
"""A marker set apart after a comma and glued to the next word: "the Secretary-General, 2and"."""
_SPACED = re.compile(r"(?<=[A-Za-z)”’] )(\d{1,3})(?=\s+[a-z(]|[a-z]{2,}|\s*$)")
"""A marker set apart after a word, maybe glued to the next: "the Assembly 3 and", "Weapons 6and";
or after a quoted title: "entitled “Promoting sustainable lifestyles” 26 as part of" (A/C.2/80/L.51);
or before a parenthesis: "… Particularly in Africa 17 (the Rio conventions)" (A/RES/75/213)."""
_AFTER_FULL_STOP = re.compile(r"(?<=[A-Za-z\d)”’][.] )(\d{1,3})(?=\s*$|\s+[A-Z])")
"""A marker set apart after a full stop, at the paragraph's end or before the next sentence: "…
in the Pact for the Future. 16" (A/80/L.4), "… the Decade 2014–2024. 11 The combined effects"
(A/RES/79/233), only the very number the count expects, never after "para." or "No."."""
_SPACED_AFTER_YEAR = re.compile(r"(?<=(?<![\d/])(?:19|20)\d\d )(\d{1,2})(?=\s+[a-z]|\s*$)")
"""A marker set apart after a date's year: "of 24 August 2016 3 and 21 October 2016,4", or ending
the paragraph whose comma the extract lost ("the report of the Agency for 2022 1", A/RES/78/8); only
the very number the count expects: "in 2016 3 people" is not a way resolutions are written."""
_BEFORE_A_TITLE = re.compile(r"(?<=\bthe (?:19|20)\d\d )(\d{1,2})(?=\s+[A-Z][a-z])")
"""A marker between a year used as a title's adjective and the title: "the Final Documents of the
2000 7 and the 2010 8 Review Conferences" (A/C.1/80/L.55): after "the" and a year only a noun can
follow, so the number the count expects there is a note's (where "in 2016 3 Member States" counts)."""
_SPACED_AFTER_NUMBER = re.compile(
    r"(?<![\d/])\d{1,3}/\d{1,4} {1,2}(\d{1,3})(?=[\s,;.]|$)"
    rf"(?!\s+(?:{MONTH_NAMES})\b)")
"""A marker set apart after a resolution's number: "submitted pursuant to resolutions 71/205 20  and
72/190, 21  and …" (A/C.3/80/L.33), only the very number the count expects, never a date's day."""
_IN_A_DATE = re.compile(rf"\b(?:{MONTH_NAMES}) (\d{{1,3}})(?= (?:19|20)\d\d\b)|(?<![\d/])\d{{1,2}} (\d{{1,3}})(?= and \d{{1,2}} (?:{MONTH_NAMES})\b)")
"""A marker set apart inside the dates of letters: "the letters of 20 127 and 23 July 128 1993" (S/RES/855
(1993): notes 127 and 128), between a day and the next day of a range, or between a month and its year;
only the very number the count expects."""
_AFTER_RESOLUTION = re.compile(r"(?<!No\. )(?<![\d/])\d{1,2}/\d{3}(\d{1,2})(?=[\s,.;:)]|$)")
"""A marker glued to a resolution number: "resolution 59/3009" is 59/300 and footnote 9 (a session
never adopts a thousand resolutions; the count must expect the number); never a law's or a decree's
number and year ("Law No. 10/2018", A/RES/78/222)."""
_COUNCIL_RESOLUTION = re.compile(r"(?<![\d/])(S-)?\d{1,2}/(\d{2,4})(?=[\s,.;:)]|$)")
"""A marker glued to the number of a Human Rights Council resolution: "Human Rights Council resolution
55/197 and" (A/C.3/80/L.30) is 55/19 and note 7, "54/2639 and 54/3340" (A/RES/78/253) 54/26 and note
39, 54/33 and note 40. The Council adopts well under a hundred resolutions a session, so digits after
the slash past two are a note's (the count must expect it; `_council_markers` offers each split);
a special session adopts a handful, so past one ("Human Rights Council resolution S-35/16 and",
A/RES/79/183: S-35/1 and note 6). Read only where the number is one of the Council's (`_of_the_council`)."""
_COUNCIL_CITES = re.compile(r"Human Rights Council(?:['’]s| in its)? resolutions? ")
_BETWEEN_NUMBERS = re.compile(rf"(?:[\d/,;\s]|S-|and\b|of\b|{MONTH_NAMES})*")
"""What stands between "Human Rights Council resolutions" and one of their numbers: numbers, dates, commas, "and"."""
_CHAPTER_PARAGRAPH = re.compile(r"(?<![\w.])[IVXLC]{1,6}\.(\d{4,5})(?=[\s,.;:)]|$)")
"""A marker glued to a paragraph of a report's chapter: "Recalls paragraphs VIII.7441 and VIII.9642 of
the reports of the Advisory Committee" (A/C.5/80/L.4) is VIII.74 and note 41, VIII.96 and note 42: no
chapter runs to a thousand paragraphs, where "paragraphs I.87, I.88" (A/RES/78/252) or "V.151" are
paragraphs, whatever the count expects; the count picks the split (`_chapter_markers`)."""
_AFTER_NAMED_NUMBER = re.compile(r"\bAgenda 21(\d{1,2})(?=[\s,.;:)]|$)")
"""A marker glued to a name that ends in a number: "the Rio Declaration on Environment and
Development5 and Agenda 216 and the principles" (A/C.2/80/L.35) is Agenda 21 and note 6 (the count
must expect it; "Agenda 2063" and a marker are a year's, `_AFTER_YEAR`)."""
_SYMBOL_PART = re.compile(r"/[A-Za-z]+\.$")
"""The end of a document symbol before a glued number: "C-24/DEC.4", "A/77/L.5/Rev.1" are one
symbol, not a symbol and footnote 4 (a resolution number before a marker, "76/271.4", is digits)."""
_NO_QUANTITY_AFTER = re.compile(r"\s+(?:and|as|with|which|that|for|at|is|are|was|were|has|have|had|or(?!\s+\d)|in\s+order"
                                r"|in\s+(?:relation|respect|accordance)\s+(?:to|of|with))\b")
"""A word after a number that no count of things is followed by ("5 million", "3 people"): the
number before it ends its phrase, a note's marker ("a legal adviser 11 or, in the case …", "a legal
aid provider 12 in order to", A/C.3/80/L.8; "the 1967 Protocol thereto 20 in relation to refugees", A/RES/79/181)."""
_AFTER_A_NOUN = re.compile(r"\s+(?:of\b|(?!hundred\b)[a-z]{3,}ed\b|to\s+[a-z]{2,}\b|in\s+(?!developing\b)[a-z]{3,}ing\b)")
"""After a noun and a number, "of", a participle, "to" and a verb or "in" and a gerund: "the ruling 6 of a
federal court", "the ruling 8 issued on 21 December 2018" (A/RES/79/105), "the uses of outer space 10 to
give consideration" (A/RES/76/76), "the role of family farming 4 in contributing to" (A/C.2/80/L.32): the noun's note, except where a word that takes a count stands before
the number ("up to 5 of", "the 3 adopted", "by 10 to ensure"), or a reference word ("chapter 6 of");
"5 to 10" is a range."""
_TAKES_A_COUNT = frozenset(
    "the to of up than about only some any each least most over under nearly approximately around first last "
    "next those these all by from and or in on at for with top".split()
)
_ENDS_THE_PHRASE = re.compile(r"\s+(?:and\s+(?:to\s+)?[a-z]{2,}\b(?!\s+\d)|(?:in|on|by|within|across|among|through|towards)\s+(?!\d)"
                              r"|to\s+(?!\d)[a-z]{2,}\b)")
"""After a plural reference word and one number, what ends the phrase there ("Goals 6 and to make",
"Goals 6 in Central Africa", "Goals 39  to address", A/RES/78/180): the number is a note's marker,
where "Goals 6 and 7" is a list and "Goals 3 to 5" a range."""
_ORDINAL = re.compile(r"(?:first|second|third|th)$", re.IGNORECASE)
_ROMAN_AFTER_REFERENCE = re.compile(r"\b(?:Protocol|Annex|Part|Chapter|Title|Schedule)\s+[IVX]{1,4}$")
"""A treaty part's roman number before a glued digit: "Additional Protocol I6 to the four Geneva
Conventions" (A/C.4/80/L.20) is Protocol I and the note the count expects."""
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])[A-Z]{3,}$")
"""An acronym of three capitals or more ("INTERPOL", "NPT") before a glued digit: the note the count
expects, where "G20", "A4" or "CO2" are one name."""
_LIST_ENDS = re.compile(r"\s+(?:and|or)\s+(?![\d(])[a-z]{2,}")
"""After a number that would continue a list ("5, 12"), a conjunction and a word: no list goes on there."""
_SENTENCE_AFTER = re.compile(r" [A-Z][a-z]")
_GLUED_WORD = re.compile(r"(?!(?:st|nd|rd|th)\b)[a-z]{2,}")
"""A lower-case word run into the number before it ("3on"), not an ordinal's ending ("3rd")."""
_NEXT_MARKER = re.compile(r" (\d{1,3})(?=[\s,.;:]|$)")
"""A second marker set apart after a marker ("the Congo, 21 22"): only the number the count expects."""
_REFERENCE_WORDS = frozenset(
    "article articles chapter chapters no nos vol vols para paras paragraph paragraphs rule rules section "
    "sections item items annex part parts goal goals target targets resolution resolutions decision decisions "
    "principle principle protocol page pages session phase group appendix table figure option volume principle".split()
)

_NUMBERED_REFERENCE = re.compile(rf"\b(?:{'|'.join(sorted(_REFERENCE_WORDS))})\s+(?:\d{{1,3}}|[IVXLC]{{1,6}})\.$", re.IGNORECASE)
"""A reference word and the whole part of a decimal number, or a chapter's roman number ("paragraph
IV.7 of the report", A/RES/78/252), just before a glued digit."""


@dataclass
class MarkerState:
    """Which footnotes exist and the highest marker seen so far, in reading order."""

    footnotes: set[str]
    seen: set[str] = field(default_factory=set)
    highest: int = 0
    lost: frozenset[str] = frozenset()
    """Notes whose markers the extraction lost (see `resolve_document`): the count goes on past them."""

    def __post_init__(self) -> None:
        # Compilations number their notes through the volume: an extract's first note may be
        # note 21, and the count starts there ("of 6 May,5" in a text whose notes are 4 and 5).
        numbers = [int(n) for n in self.footnotes if n.isdigit()]
        if numbers and not self.highest and not self.seen:
            self.highest = min(numbers) - 1
        while str(self.highest + 1) in self.lost:
            self.highest += 1

    def expects(self, number: str) -> bool:
        return number in self.footnotes and number not in self.seen and int(number) == self.highest + 1

    def expects_after_gap(self, number: str) -> bool:
        """The next marker but one or two: one before it was lost in extraction ("of 19881")."""
        return number in self.footnotes and number not in self.seen and self.highest + 1 < int(number) <= self.highest + 3

    def note(self, number: str) -> None:
        self.seen.add(number)
        if number.isdigit():
            self.highest = max(self.highest, int(number))
        while str(self.highest + 1) in self.lost:
            self.highest += 1  # "… foreign direct" ⏎ (note 16's marker lost) … "the Parties 17 urged"


def resolve_document(blocks: list[str], footnotes: set[str]) -> list[str]:
    """`resolve_glued` over a document's blocks; where the count stops at a note whose marker the
    extraction lost (A/C.2/80/L.48's note 16: nowhere in its text), it is read again going on past
    that note, kept only if it then finds every marker it found before and more. At most three
    notes are taken for lost."""
    state = MarkerState(set(footnotes))
    best = [resolve_glued(b, state) for b in blocks]
    lost: frozenset[str] = frozenset()
    for _ in range(3):
        unread = sorted((n for n in footnotes if n.isdigit() and n not in state.seen), key=int)
        if not unread:
            break
        lost = lost | {unread[0]}
        again = MarkerState(set(footnotes), lost=lost)
        trial = [resolve_glued(b, again) for b in blocks]
        if not (again.seen > state.seen):
            break
        best, state = trial, again
    return best


def resolve_glued(text: str, state: MarkerState) -> str:
    """Replace glued footnote numbers by marker tokens; existing tokens advance the count."""
    unseen = [n for n in state.footnotes if n not in state.seen and n.isdigit()]
    if not any(n in text for n in unseen):
        for token in MARK_RE.findall(text):
            state.note(token)  # nothing to find here: only the tokens advance the count
        return text
    out: list[str] = []
    pos = 0
    candidates = sorted(
        [(m.start(), m.end(), "token", m.group(1)) for m in MARK_RE.finditer(text)]
        + [(m.start(1), m.end(1), "glued", m.group(1)) for m in _GLUED.finditer(text)]
        + [(m.start(1), m.end(1), "spaced", m.group(1)) for m in _SPACED.finditer(text)]
        + [(m.start(1), m.end(1), "year", m.group(1)) for m in _AFTER_YEAR.finditer(text)]
        + [(m.start(1), m.end(1), "comma", m.group(1)) for m in _AFTER_COMMA.finditer(text)]
        + [(m.start(1), m.end(1), "comma", m.group(1)) for m in _BEFORE_WORD.finditer(text)]
        + [(m.start(1), m.end(1), "year-spaced", m.group(1)) for m in _SPACED_AFTER_YEAR.finditer(text)]
        + [(m.start(1), m.end(1), "year-spaced", m.group(1)) for m in _BEFORE_A_TITLE.finditer(text)]
        + [(m.start(1), m.end(1), "resolution", m.group(1)) for m in _AFTER_RESOLUTION.finditer(text)]
        + [(m.start(1), m.end(1), "resolution", m.group(1)) for m in _AFTER_NAMED_NUMBER.finditer(text)]
        + _council_markers(text)
        + _chapter_markers(text)
        + [(m.start(1), m.end(1), "number-spaced", m.group(1)) for m in _SPACED_AFTER_NUMBER.finditer(text)]
        + [(m.start(k), m.end(k), "resolution", m.group(k)) for m in _IN_A_DATE.finditer(text) for k in (1, 2) if m.group(k)]
        + [(m.start(1), m.end(1), "full-stop", m.group(1)) for m in _AFTER_FULL_STOP.finditer(text)]
    )
    for start, end, kind, number in candidates:
        if start < pos:
            continue
        if kind == "token":
            state.note(number)
            continue
        punctuated = (kind == "glued" and text[start - 1] in ",;:.)”’") or kind == "year"
        if not (state.expects(number) or (punctuated and state.expects_after_gap(number))):
            continue
        if kind == "glued" and text[start - 1] == "." and _SYMBOL_PART.search(text[max(0, start - 40) : start].split()[-1]):
            continue  # "C-24/DEC.4": the number of a symbol
        if kind == "glued" and text[start - 1] == "." and _NUMBERED_REFERENCE.search(text[max(0, start - 40) : start]):
            continue  # "target 16.4", "paragraph 2.3": a decimal number of a reference, not 16 and note 4
        if kind == "glued" and _DECIMAL_BEFORE.search(text[max(0, start - 6) : start]) and not (
                state.expects(number) and _SENTENCE_AFTER.match(text, end)):
            # "4.5 billion people": a decimal number, not 4 and note 5 (but "resolution 70/1.5", and
            # "model strategy 10.24 Furthermore": the number the count expects, a sentence after it)
            continue
        if kind == "glued" and text[start - 1].isalpha() and text[start - 1].isupper() and start >= 2 and not text[start - 2].islower() \
                and not _ACRONYM_BEFORE.search(text[max(0, start - 12) : start]) \
                and not (state.expects(number) and _ROMAN_AFTER_REFERENCE.search(text[max(0, start - 20) : start])):
            continue  # "G20", "A4": letters and digits of one name; but "INTERPOL1" is the acronym and note 1
        listed = re.search(r"(?<!\d)(\d{1,3})[,;] $", text[max(0, start - 6) : start]) if kind == "comma" else None
        if listed and int(listed.group(1)) < int(number) and not (state.expects(number) and _LIST_ENDS.match(text, end)):
            # "paragraphs 2, 3 and 4": a list going on, not a marker after the 2 ("items 5, 6 and 7, 5 for": one);
            # but "children under age 5, 12 and that this increase": the very number the count expects, no list after it
            continue
        if kind == "full-stop":
            before = re.findall(r"[A-Za-z]+", text[max(0, start - 30) : start])
            if not state.expects(number) or (before and before[-1].lower() in _REFERENCE_WORDS):
                continue
        if kind == "spaced":
            previous = re.findall(r"[A-Za-z.]+", text[max(0, start - 30) : start])
            word = previous[-1].rstrip(".").lower() if previous else ""
            # after a lower-case word only the very number the count expects, before a word no
            # count is followed by ("the adoption … of the agenda 5 and the indicative timetable",
            # "nuclear-weapon-free status 4 as a concrete step", "devices 17 with a view"):
            # "in 2016 3 people" and "reach 5 million" are no markers
            after_word = bool(previous) and (previous[-1][:1].isupper() or (
                state.expects(number) and _NO_QUANTITY_AFTER.match(text, end) is not None) or (
                state.expects(number) and word not in _TAKES_A_COUNT and _AFTER_A_NOUN.match(text, end) is not None))
            ordinal_session = word == "session" and len(previous) > 1 and _ORDINAL.search(previous[-2]) is not None
            # a plural reference word takes a list ("Goals 6 and 7"): one number and "and" a word or
            # a preposition after it ends the phrase ("the Sustainable Development Goals 6 and to make …")
            lone = word.endswith("s") and state.expects(number) and _ENDS_THE_PHRASE.match(text, end) is not None
            # two spaces after it: where the UN's text extracts leave a raised number ("tax evasion 12  in
            # response", "the Global Compact for Safe, Orderly and Regular Migration 38  take into account")
            raised = state.expects(number) and text.startswith("  ", end)
            # glued to the next word ("all previous resolutions 3on the follow-up", A/RES/80/129): no
            # reference's number runs into a word, so the note the count expects even after one
            glued = state.expects(number) and _GLUED_WORD.match(text, end) is not None
            # after a parenthesis closed on its reference ("the Minimum Age Convention, 1973 (No. 138) 15 and",
            # A/C.3/80/L.20) the number refers to nothing: the reference word is not the number's
            closed = text[start - 2 : start] == ") "
            # raised (two spaces after it) before a word no count is followed by: "regretting that a draft
            # resolution 8  was not adopted" (A/RES/78/222), the note, not a resolution numbered 8
            raised_note = raised and _NO_QUANTITY_AFTER.match(text, end) is not None
            # after "the" a reference word is a noun of the sentence, not a reference with its number
            # ("reiterates the decision 21 to provide financial and technical support", A/RES/78/233;
            # a reference is "decision 21/5", "article 21 of"), where what follows ends the phrase
            definite = state.expects(number) and len(previous) > 1 and previous[-2].lower() == "the" \
                and _ENDS_THE_PHRASE.match(text, end) is not None
            if (word in _REFERENCE_WORDS and not (ordinal_session or lone or glued or closed or definite or raised_note)) \
                    or not (after_word or lone or raised or glued):
                continue  # "paragraph 5"; but "at its sixtieth session 5 and" is a session and note 5
        out.append(text[pos:start])
        out.append(mark(number))
        state.note(number)
        pos = end
        while (after := _NEXT_MARKER.match(text, pos)) and state.expects(after.group(1)):
            out.append(mark(after.group(1)))  # "the Congo, 21 22": two notes on one word
            state.note(after.group(1))
            pos = after.end()
    out.append(text[pos:])
    return "".join(out)


def _council_markers(text: str) -> list[tuple[int, int, str, str]]:
    """Candidate markers glued to the Council's resolution numbers, the last one and two digits
    each, so that the count picks the one it expects ("54/2639": 39 or 9)."""
    out = []
    for m in _COUNCIL_RESOLUTION.finditer(text):
        digits, kept = m.group(2), (1,) if m.group(1) else (1, 2)  # a special session's number: one digit
        if (m.group(1) or len(digits) > 2) and _of_the_council(text, m.start()):
            out += [(m.end(2) - k, m.end(2), "resolution", digits[-k:]) for k in (2, 1) if len(digits) - k in kept]
    return out


def _chapter_markers(text: str) -> list[tuple[int, int, str, str]]:
    """Candidate markers glued to a chapter's paragraph number ("VIII.7441": 41, or 1 after VIII.744)."""
    return [(m.end(1) - k, m.end(1), "resolution", m.group(1)[-k:]) for m in _CHAPTER_PARAGRAPH.finditer(text) for k in (2, 1)]


def _of_the_council(text: str, start: int) -> bool:
    """Whether the resolution number at `start` is one the Human Rights Council adopted: after
    "Human Rights Council resolution(s)" with only numbers and dates between."""
    cited = None
    for cited in _COUNCIL_CITES.finditer(text, max(0, start - 400), start):
        pass
    return cited is not None and _BETWEEN_NUMBERS.fullmatch(text, cited.end(), start) is not None
