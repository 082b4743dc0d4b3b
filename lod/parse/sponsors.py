"""Sponsor lines of draft resolutions: "Albania, Antigua and Barbuda, …, Spain and Zimbabwe".

A sponsor line cannot be split on " and ": "and" both joins the last two sponsors and is part
of State names ("Antigua and Barbuda", "Saint Vincent and the Grenadines"), and editors leave
stray conjunctions ("Singapore, and Spain"). So the line is read left to right, taking at
each position the longest name known to the States table (or to the table of groups and
organizations, lod.groups), then skipping the separator. What no table knows is kept as an "unknown"
sponsor, never dropped, so the validator can report it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from lod.groups import GROUPS, lookup_group
from lod.model import Resolution, Sponsor, Submitter
from lod.states import fold, lookup_state, misspelt_state, state_names

SponsorKind = Literal["state", "group", "organization", "unknown"]

_FOOTNOTE_MARKERS = re.compile(
    r"<sup>.*?</sup>"  # HTML superscript markers
    r"|\[\^?[^\]]{0,6}\]"  # Markdown footnote references [^1]
    r"|[\u00b9\u00b2\u00b3\u2070-\u209f]+"  # Unicode superscript digits
    r"|\\?\*+"  # asterisks (markers or Markdown emphasis), escaped or not
    r"|(?<=[^\W\d_])\d{1,3}(?!\d)"  # digits glued to a word: "Zimbabwe2"
    r"|(?<=[),.;])\d{1,3}(?=\s|$|[,;])"  # digits glued to punctuation: "Spain,3"
    r"|</?[a-z]+>"  # other stray tags
)
_TAIL = re.compile(r"\s*:?\s*(?:revised\s+)?draft\s+(?:resolution|decision)\s*$", re.IGNORECASE)
_SEPARATOR = re.compile(r"(?:\s|[,;])*(?:and\b(?:\s|,)*)?", re.IGNORECASE)
_ON_BEHALF = re.compile(r"\s*\(\s*on\s+behalf\s+of\s+(?P<whom>[^()]*(?:\([^()]*\)[^()]*)*)\)", re.IGNORECASE)
_MEMBERS_OF = re.compile(r"^.*?\bthat\s+are\s+members\s+of\s+", re.IGNORECASE)
_UNKNOWN_END = re.compile(r",|;|\s+and\s+|\s*\(\s*on\s+behalf\b|$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    """All known names as one alternation, longest first, matched on folded text."""
    names = [*state_names(), *(n for g in GROUPS for n in (g.name, *g.aliases))]
    alternatives = sorted({fold(n) for n in names}, key=len, reverse=True)
    # "Guinea -Bissau": a space the list puts beside a name's hyphen (A/RES/75/175 in the UN's AKN)
    body = "|".join(r"\s+".join(re.escape(word).replace(r"\-", r"\s?-\s?") for word in name.split()) for name in alternatives)
    return re.compile(rf"(?:the\s+)?(?:{body})(?![\w-])", re.IGNORECASE)


_UN_HEADING = re.compile(r"^UN\.\s+[A-Z]")
"""A UN body in the UN Digital Library's heading form, which the UN's AKN files give as the
proponent of Economic and Social Council texts ("UN. ECA", "UN. ECE. Secretariat"): an
organization, not a State."""


def _sponsor(name: str, unknown: SponsorKind = "unknown") -> Sponsor:
    """A printed sponsor name resolved: a State (with its code), a group or organization of the
    table (with its key), a State's name misspelt by a letter or two (lod.states.misspelt_state),
    a "Group of …" the table lacks, or `unknown`."""
    state = lookup_state(name)
    if state is not None:
        return Sponsor(name=name, iso3=state.iso3, kind="state")
    group = lookup_group(name)
    if group is not None:
        return Sponsor(name=name, kind=group.kind, group=group.key)
    if _UN_HEADING.match(name):
        return Sponsor(name=name, kind="organization")
    near = misspelt_state(name)
    if near is not None:  # kept as printed; lod.quality says it was read as a misspelling
        return Sponsor(name=name, iso3=near.iso3, kind="state")
    cleaned = re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.IGNORECASE).casefold()
    return Sponsor(name=name, kind="group" if cleaned.startswith("group of ") else unknown)


def _on_behalf_sponsor(whom: str) -> Sponsor:
    """The group a State speaks for: "the States Members … that are members of the Group of 77 and China"."""
    whom = " ".join(whom.split())
    whom = _MEMBERS_OF.sub("", whom)
    group_at = whom.find("Group of")
    if group_at >= 0:
        whom = whom[group_at:]
    # what the note adds after the group's name is no part of it: "the Group of 77 and China,
    # taking into account also the provisions of General Assembly resolution ES-10/23 …"
    whom = re.split(r",\s+(?=[a-z])", whom)[0]
    whom = re.sub(r"^the\s+", "", whom, flags=re.IGNORECASE).strip(" ,.;")
    return _sponsor(whom, unknown="group")


_BEHALF_NOTE = re.compile(r"^\s*On\s+behalf\s+of\s+(?P<whom>.+?)\.?\s*$", re.IGNORECASE | re.DOTALL)
_STAR_AFTER = re.compile(r"\s*:?\s*(?P<star>\*+)")


def behalf_in_notes(line: str, sponsors: list[Sponsor], notes: dict[str, str]) -> list[Sponsor]:
    """`sponsors` with the group a sponsor speaks for where the line marks the sponsor with a star
    whose footnote says so: "Indonesia:* draft resolution", "* On behalf of the States Members of
    the United Nations that are members of the Movement of Non-Aligned Countries." (A/C.1/80/L.13):
    the same actor as "Indonesia (on behalf of …)" printed inline."""
    out: list[Sponsor] = []
    for sponsor in sponsors:
        out.append(sponsor)
        at = line.find(sponsor.name)
        star = _STAR_AFTER.match(line, at + len(sponsor.name)) if at >= 0 else None
        note = _BEHALF_NOTE.match(notes.get(star.group("star"), "")) if star else None
        if note is not None:
            out.append(_on_behalf_sponsor(note.group("whom")))
    return out


def clean_sponsor_line(line: str) -> str:
    """The sponsor line without footnote markers, Markdown emphasis or the ": draft resolution" tail."""
    text = _FOOTNOTE_MARKERS.sub("", line)
    text = _TAIL.sub("", text)
    return " ".join(text.split()).strip(" ,;:.")


def parse_sponsors(line: str) -> list[Sponsor]:
    """The sponsors named in a sponsor line, in printed order, each exactly once as printed."""
    text = clean_sponsor_line(line)
    folded = fold(text)
    pattern = _name_pattern()
    sponsors: list[Sponsor] = []
    pos = 0
    while pos < len(text):
        sep = _SEPARATOR.match(folded, pos)
        if sep is not None:
            pos = sep.end()
        if pos >= len(text):
            break
        known = pattern.match(folded, pos)
        if known is not None:
            end = known.end()
            name = text[pos:end]
        else:
            stop = _UNKNOWN_END.search(folded, pos + 1)
            end = stop.start() if stop is not None else len(text)
            # An unknown name may still contain "and" ("Heard Island and McDonald Islands"):
            # only cut at " and " when a known name follows it.
            while stop is not None and stop.group(0).strip().casefold() == "and":
                if pattern.match(folded, stop.end()):
                    break
                stop = _UNKNOWN_END.search(folded, stop.end())
                end = stop.start() if stop is not None else len(text)
            name = text[pos:end].strip()
        if end <= pos:
            end = pos + 1
            name = text[pos:end].strip()
        if name:
            sponsors.append(_sponsor(name))
        pos = end
        behalf = _ON_BEHALF.match(text, pos)
        if behalf is not None:
            sponsors.append(_on_behalf_sponsor(behalf.group("whom")))
            pos = behalf.end()
        elif sponsors and text[pos:].lstrip().startswith("("):
            # A parenthesis no table knows ("Congo (Brazzaville)") stays with its name.
            start = text.index("(", pos)
            close = text.find(")", start)
            end = len(text) if close < 0 else close + 1
            sponsors[-1].name = f"{sponsors[-1].name} {text[start:end]}"
            pos = end
    return sponsors


def read_sponsors(res: Resolution, line: str | None, starred: str, submitted_by: str | None, warnings: list[str]) -> None:
    """The sponsors of the masthead's sponsor `line` (the group each speaks for, where the line
    stars it: `starred`), or who submitted the text where no line names sponsors."""
    if not line:
        res.submitter = Submitter(f"submitted by {submitted_by}") if submitted_by else None
        if res.kind.startswith("draft") and not submitted_by:
            warnings.append("a draft without a sponsor line")
        return
    notes = {note.marker: note.text for note in res.footnotes}
    res.sponsors = behalf_in_notes(starred, parse_sponsors(line), notes)
    for sponsor in res.sponsors:
        if sponsor.iso3 is None and sponsor.kind in ("state", "unknown"):
            warnings.append(f"sponsor not recognised as a State: {sponsor.name}")
