"""Who voted how, where a printed text names the States: each State's vote as `Vote` records.

Two printed forms name voters:

* the Security Council's annual volumes, inside the closing sentence: "… by 7 votes to 1
  (Poland), with 3 abstentions (Colombia, Syria, Union of Soviet Socialist Republics).", "… by 9
  votes (Australia, present and not voting; Union of Soviet Socialist Republics, absent)", and in
  a note under it: "One member (China) did not participate in the voting";
* the Human Rights Council's record under a resolution (and the General Assembly's in its
  Official Records): "[Adopted by a recorded vote of 28 to 5, with 14 abstentions. The voting was
  as follows: In favour: Argentina, Belgium, …; Against: China, Cuba, …; Abstaining: …]".

Names are kept as printed and resolved to States with lod.states (historic names included: the
Union of Soviet Socialist Republics is the Russian Federation's seat); a name that resolves to no
State is kept with `iso3=None` and reported, never guessed. What cannot be a State's name (a page
header, a job number that a page break left inside the list) is not a voter.
"""

from __future__ import annotations

import re

from lod.model import Vote, VoteChoice
from lod.states import lookup_state

_LIST_ITEM = re.compile(r"(?:[^,;()]|\([^()]*\))+")
"""One name of a printed list: up to a comma or semicolon outside parentheses ("Bolivia
(Plurinational State of)" is one name)."""
_NOT_A_NAME = re.compile(r"\d|/|\bmeeting\b|\bvote\b|\bGE\.", re.I)
_LEADING_AND = re.compile(r"^(?:and|&)\s+")
_STATUS = re.compile(r",?\s*(?:present and not voting|absent|not participating)\s*$", re.I)

COUNCIL_AGAINST = re.compile(r"\bto\s+(?:\w{1,5})\s*(?:against\s*)?\(\s*(?P<names>[^()]{2,400})\)")
"""The States that voted against, named after the count: "by 7 votes to 1 (Poland)"."""
COUNCIL_ABSTAINING = re.compile(r"\babstentions?\s*\(\s*(?P<names>[^()]{2,600})\)")
"""The States that abstained: "with 2 abstentions (China, Russian Federation)"."""
COUNCIL_NOT_VOTING = re.compile(r"^\s*,?\s*[bh]y\s+\w{1,3}\s+votes?\s*\(\s*(?P<names>[^()]{2,400})\)")
"""A vote without the word "to", the parenthesis naming who did not vote: "by 9 votes
(Australia, present and not voting; Union of Soviet Socialist Republics, absent)"."""
DID_NOT_PARTICIPATE = re.compile(
    r"\b(?:One|Two|Three) members? \((?P<names>[^()]{2,200})\) (?:did|does) not participate in the vot(?:ing|e)"
)

RECORD_HEADINGS: tuple[tuple[str, VoteChoice], ...] = (
    ("In favour", "yes"),
    ("Against", "no"),
    ("Abstaining", "abstention"),
    ("Absent", "non-voting"),
    ("Not voting", "non-voting"),
)
"""The headings of a recorded vote's lists, as the UN prints them, and the choice each names."""
_RECORD_SPLIT = re.compile(
    r"(?:^|(?<=[\s.;:]))(" + "|".join(heading for heading, _ in RECORD_HEADINGS) + r")\s*:\s*"
)


def _name(item: str) -> str:
    """One printed name, without the list's words and marks around it ("and", "—", "*", a stray
    OCR apostrophe: "Great Britain’ and")."""
    name = _STATUS.sub("", _LEADING_AND.sub("", " ".join(item.split())))
    return re.sub(r"[’'](?=\s|$)", "", name).strip(" .;:[]*—–-")


def names_in(printed: str) -> list[str]:
    """The names of a printed list ("Colombia, Syria and Union of Soviet Socialist Republics"), in
    order, without what cannot be a name. A name the list's commas cut in two is put together
    again where the whole is a State's name ("Germany, Federal Republic of"; OCR's "United Kingdom
    of Great Britain and Northern, Ireland")."""
    out: list[str] = []
    for item in _LIST_ITEM.findall(printed):
        name = _name(item)
        if not name:
            continue
        if out and (lookup_state(name) is None or lookup_state(out[-1]) is None):
            for whole in (f"{out[-1]}, {name}", f"{out[-1]} {name}"):
                if lookup_state(whole) is not None:
                    out[-1] = whole
                    name = ""
                    break
        # "Colombia and Syria": the last two joined by "and" (never inside a State's name that
        # holds "and": those resolve whole)
        parts = [name]
        if " and " in name and lookup_state(name) is None:
            head, _, last = name.rpartition(" and ")
            if lookup_state(last) is not None or lookup_state(head) is not None:
                parts = [head, last]
        for part in parts:
            if part and not _NOT_A_NAME.search(part) and part[:1].isupper():
                out.append(part)
    return out


def checked(votes: list[Vote]) -> tuple[list[Vote], list[str]]:
    """Each voter once, and the warnings a curator needs: a State printed in two lists (a misprint,
    or OCR) keeps its first choice (a vote has exactly one choice in the shapes); a name no State
    has is kept unresolved. Every reader's votes (text or AKN) pass through here."""
    kept: dict[str, Vote] = {}
    warnings: list[str] = []
    for vote in votes:
        key = vote.iso3 or vote.state.casefold()
        first = kept.setdefault(key, vote)
        if first is not vote:
            warnings.append(f"voter named twice, as {first.choice} and as {vote.choice}: {vote.state} (the first kept)")
    warnings += [f"voter not recognised as a State: {v.state}" for v in kept.values() if v.iso3 is None]
    return list(kept.values()), warnings


def votes_of(names: list[str], choice: VoteChoice) -> list[Vote]:
    """One `Vote` per name, resolved to its State where one has the name."""
    votes = []
    for name in names:
        state = lookup_state(name)
        votes.append(Vote(name, choice, state.iso3 if state else None))
    return votes


COUNCIL_FORMS: tuple[tuple[re.Pattern[str], VoteChoice, bool], ...] = (
    (COUNCIL_NOT_VOTING, "non-voting", False),
    (COUNCIL_AGAINST, "no", False),
    (COUNCIL_ABSTAINING, "abstention", False),
    (DID_NOT_PARTICIPATE, "non-voting", True),
)
"""Where a Council's volume names voters: (pattern, the choice it names, whether it is read in the
text after the sentence: the note under it)."""


def council_votes(tail: str, after: str) -> list[Vote]:
    """The States a Security Council closing sentence names: `tail` is the sentence after its
    meeting, `after` the text that follows it (where a note says who did not take part)."""
    votes: list[Vote] = []
    for pattern, choice, in_note in COUNCIL_FORMS:
        found = pattern.search(after if in_note else tail)
        if found:
            votes += votes_of(names_in(found.group("names")), choice)
    return votes


def record_votes(record: str) -> list[Vote]:
    """The States a recorded vote's lists name: `record` runs from "In favour:" to the closing
    bracket."""
    pieces = _RECORD_SPLIT.split(record)
    choices = dict(RECORD_HEADINGS)
    votes: list[Vote] = []
    for heading, names in zip(pieces[1::2], pieces[2::2]):
        votes += votes_of(names_in(names.split("]")[0]), choices[heading])
    return votes
