"""The closing "Adopted …" sentence of a resolution: the meeting, and how the organ voted.

Printed resolutions say how they were adopted in one sentence, at the top of a modern Security
Council text ("Adopted by the Security Council at its 8123rd meeting, on 12 December 2017") or
under the last paragraph of the annual volumes ("Adopted unanimously at the 1234th meeting.",
"Adopted at the 2345th meeting by 13 votes to none, with 2 abstentions (China, Russian
Federation)."). The volumes were re-typed or OCR'd: the sentence can be hyphenated over lines
("meet- ing"), its figures misread ("10 votes to I", "S0viet"), its parenthesis cut short. The
sentence is read here once for every reader of text (lod.parse.assemble) so that the meeting and
`Resolution.voting` come from the same words. The Human Rights Council prints the record in
brackets under its meeting line instead ("[Adopted without a vote.]", "[Adopted by a recorded vote
of 28 to 5, with 14 abstentions. The voting was as follows: In favour: …]"). The States a record
names are read by lod.parse.voters.

Outcomes: "adopted-unanimously" (every member voted for it), "adopted-without-vote" (without a
vote, by consensus, by acclamation), "adopted-recorded-vote" (with the printed counts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lod.dates import MONTH_NAMES as MONTHS, iso_date
from lod.model import Resolution, Voting
from lod.ordinals import ordinal_suffix
from lod.parse.furniture import is_furniture
from lod.parse.printedsymbol import find_symbol
from lod.parse.voters import checked, council_votes, record_votes

_DIGIT = r"[\dIlOi\]]"
"""A digit as printed or misread by OCR: "I" / "l" / "i" / "]" for 1, "O" for 0 ("I851st", "3O93rd")."""
_ORDINAL = rf"{_DIGIT}(?:\s?{_DIGIT}){{0,4}}\s?(?:st|nd|rd|th|ih|1h|the|55)?"
_MANNER = r"unanimous(?:ly)?|without (?:a )?v[oa]te|by consensus|by acclamation"
_NUMBER = r"(?:[\dIlO]{1,2}|none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"
"""A count as printed or misread: "10", "I" / "l" for 1, "I1" for 11, "O" for 0, or the word."""

_SENTENCE = re.compile(
    r"\bAd[oa]pted\b(?P<manner>(?:\s*,?\s*(?:" + _MANNER + r"))*)\s*,?"
    r"(?:\s+by the (?P<organ>[A-Z][A-Za-z ]{2,60}?))?"
    r"(?:\s+(?:[Aa][tiu]|ut)\b)?[\s_]+(?:its|the)\s+(?:resumed\s+)?(?P<meeting>" + _ORDINAL + r")"
    r"(?:\s*\((?:closed|private)\))?[\s_]*me{1,2}ting\b"
    r"(?:\s*\([a-z ]{1,30}\))?"
    r"(?:\s*,?\s*on (?P<date>\d{1,2} (?:" + MONTHS + r") \d{4}))?"
    r"(?P<tail>[^.]{0,300})"
)
"""The sentence from "Adopted" to its end (at most its vote figures and the parenthesis), as
printed or as OCR left it ("Adapted", "ut the", "meting", "(closed) meeting")."""

CLOSING_START = re.compile(
    r"^\[?Ad[oa]pted\b(?:\s*,?\s*(?:" + _MANNER + r"))*\s*,?\s*(?:(?:[Aa][tiu]|ut|on|the)\b|by \d|$)"
)
"""A line that opens the closing sentence under a text ("Adopted unanimously At the", "Adopted
without a vote at the …", "Adapted at the …"), not the masthead's "Adopted by the Security
Council at its …"."""

_MANNER_AFTER = re.compile(r"^\s*,?\s*(" + _MANNER + r")\b")
_COUNTS = re.compile(
    rf"^\s*,?\s*[bh]y (?P<yes>{_NUMBER})(?: votes?\b)?"
    rf"(?:\s+to (?P<no>{_NUMBER})\b(?:\s+against\b)?)?"
    r"(?:\s*\([^()]{0,200}\)?)?"
    rf"(?:\s*,?\s*(?:and\s+|with\s+)?(?P<abst>{_NUMBER}) abstentions?\b)?",
    re.I,
)
_OCR_DIGITS = str.maketrans("IlOi]", "11010")
_WORDS = {
    "none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
}
_NOTE_WITHOUT_VOTE = re.compile(r"\bAdopted without (?:a )?vote\b|\bIn the absence of any objection\b")
"""A note under the closing line of the early volumes: "Adopted at the 2nd meeting.¹" / "¹ Adopted without vote."."""
_RECORD = re.compile(
    r"\bAdopted(?:,? as (?:orally )?(?:revised|amended),?)? by (?:a )?recorded vote of (?P<yes>\d{1,3})(?: votes?)? to "
    r"(?P<no>\d{1,3}|none)(?:,? (?:and|with) (?P<abst>\d{1,3}|no|one) abstentions?)?"
    r"(?:[.,]?\s*The voting was as follows\s*:(?P<lists>[^\]]{0,8000}))?"
)
"""The Human Rights Council's record under a resolution (as the General Assembly's Official Records
print it): "[Adopted by a recorded vote of 28 to 5, with 14 abstentions. The voting was as follows:
In favour: …; Against: …; Abstaining: …]"."""
_WITHOUT_VOTE_BRACKET = re.compile(
    r"\[\s*Adopted(?:,? as (?:orally )?(?:revised|amended),?)?,? (?:without a vote|by consensus)\.?\s*\]"
)
"""The same record when there was no vote: "[Adopted without a vote.]"."""
_RECORD_HINT = re.compile(r"\brecorded vote of\b|\[\s*Adopted\b")


@dataclass(frozen=True)
class Closing:
    """What the closing sentence says: `meeting` as printed ("4653rd meeting"), `date` (ISO) where
    it is printed, and `voting` where the sentence says how the organ voted."""

    meeting: str | None
    date: str | None = None
    voting: Voting | None = None


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    digits = word.translate(_OCR_DIGITS)
    return int(digits) if digits.isdigit() else _WORDS.get(word.lower())


def _meeting(printed: str) -> str | None:
    """ "1851st meeting" from "I851st", "2449th" from "24491h", "3005th" from "3005"; None where
    the figures cannot be a meeting number."""
    plain = re.sub(r"\s", "", printed)
    plain = re.sub(r"(?:st|nd|rd|th|ih|1h|the|55)$", "", plain) if len(plain) > 2 else plain
    digits = plain.translate(_OCR_DIGITS)
    if not digits.isdigit() or not 0 < int(digits) < 100000:
        return None
    return f"{ordinal_suffix(int(digits))} meeting"


def _joined(text: str) -> str:
    """One line, with the words hyphenated over lines put together again ("meet- ing")."""
    return re.sub(r"(\w)-\s+(?=[a-z])", r"\1", " ".join(text.split()))


def _recorded(text: str) -> Voting | None:
    """The last bracketed record of how the text was adopted, with the States each list names
    (a page break inside the lists leaves its job number, page number and running header out)."""
    if _RECORD_HINT.search(text) is None:
        return None  # most texts: no record, and no second pass over the whole text
    joined = _joined("\n".join(line for line in text.splitlines() if not is_furniture(line) and not find_symbol(line)))
    record = None
    for record in _RECORD.finditer(joined):
        pass
    without = None
    for without in _WITHOUT_VOTE_BRACKET.finditer(joined):
        pass
    if without is not None and (record is None or without.start() > record.start()):
        return Voting("adopted-without-vote")
    if record is None:
        return None
    voting = Voting("adopted-recorded-vote", yes=_count(record.group("yes")), no=_count(record.group("no")),
                    abstention=_count(record.group("abst")) if record.group("abst") else 0)
    voting.votes = record_votes(record.group("lists") or "")
    return voting


def parse_closing(text: str) -> Closing | None:
    """The last closing sentence of `text` (a closing line, or a whole document)."""
    joined = _joined(text)
    found = None
    for found in _SENTENCE.finditer(joined):
        pass
    recorded = _recorded(text)
    if found is None:
        return Closing(None, None, recorded) if recorded else None
    meeting = _meeting(found.group("meeting"))
    manner = found.group("manner").lower()
    tail = found.group("tail")
    after = _MANNER_AFTER.match(tail)
    if after:
        manner += " " + after.group(1).lower()
        tail = tail[after.end():]
    voting: Voting | None = None
    counts = _COUNTS.match(tail)
    if "without" in manner or "consensus" in manner or "acclamation" in manner:
        voting = Voting("adopted-without-vote")
    elif "unanimous" in manner:
        voting = Voting("adopted-unanimously")
    elif counts:
        yes = _count(counts.group("yes"))
        no = _count(counts.group("no"))
        abstention = _count(counts.group("abst"))
        if no is not None and abstention is None:
            abstention = 0
        voting = Voting("adopted-recorded-vote", yes=yes, no=no, abstention=abstention)
        voting.votes = council_votes(tail, joined[found.end() : found.end() + 600])
    elif _NOTE_WITHOUT_VOTE.search(joined[found.start("tail") : found.start("tail") + 600]):
        voting = Voting("adopted-without-vote")
    date = iso_date(found.group("date")) if found.group("date") else None
    return Closing(meeting, date, recorded or voting)



def apply_closing(res: Resolution, text: str) -> list[str]:
    """Fill the meeting, the adoption date and the voting from the closing sentence of `text`,
    where the masthead or the metadata did not already give them; the warnings for voters named
    by no State's name (Czechoslovakia, a misread "Matta")."""
    if "dopted" not in text and "dapted" not in text:
        return []
    closing = parse_closing(text)
    if closing is None:
        return []
    res.meeting = res.meeting or closing.meeting
    res.adoption_date = res.adoption_date or closing.date
    if res.voting is None and closing.voting is not None:
        res.voting = closing.voting
        res.voting.votes, warnings = checked(closing.voting.votes)
        return warnings
    return []
