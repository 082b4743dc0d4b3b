"""Bodies named in running text: the bodies table's names found in a paragraph, and the shapes
of a printed body name (its head noun, where a second name starts, which short references a
body's full name allows).

Split from lod.parse.addressees, which reads who a paragraph asks to act: this module only
knows names, never verbs or objects (the addressee reader and the document's memory of the
bodies it has named, `AddresseeFinder`, both use it).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from lod.bodies import BODIES, Body, by_name
from lod.groups import lookup_organization
from lod.parse.scan import Prefiltered

__all__ = ["BODY_HEADS", "alternation", "bodies_named", "head_noun", "known_names", "known_re", "known_scan",
           "names_with", "second_name"]


def alternation(names: Iterable[str]) -> str:
    """A regular-expression alternation of printed names, longest first, any run of spaces between words."""
    return "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(set(names), key=len, reverse=True))


def known_names() -> list[str]:
    """Every name and alias of the bodies table, but the bare "Assembly" and "Council" (anaphors)."""
    return [n for b in BODIES for n in (b.name, *b.aliases) if n not in ("Assembly", "Council")]


@lru_cache(maxsize=1)
def known_re() -> re.Pattern[str]:
    return re.compile(rf"(?:the\s+)?(?P<name>{alternation(known_names())})(?![\w-])")


@lru_cache(maxsize=1)
def known_scan() -> Prefiltered:
    """`known_re`, tried only where "the" or the first word of a name starts (same matches, faster)."""
    firsts = sorted({re.escape(n.split()[0]) for n in known_names()}, key=len, reverse=True)
    return Prefiltered(known_re(), re.compile(r"the\s|" + "|".join(firsts)))


BODY_HEADS = frozenset(("Group", "Commission", "Committee", "Council", "Board", "Forum", "Conference", "Office",
                         "Programme", "Fund", "Mechanism", "Tribunal", "Court", "Panel", "Team", "Mission",
                         "Secretariat", "Unit", "Assembly", "Directorate", "Department"))
"""Head nouns of a name that make it a (UN) body rather than an outside organization."""
def bodies_named(text: str) -> list[Body]:
    """The bodies of the table named in `text`, in order of appearance (repeats kept)."""
    found = []
    for match in known_scan().finditer(text):
        body = by_name(match.group("name"))
        if body is not None:
            found.append(body)
    return found


def head_noun(name: str) -> str:
    """The noun a name is made on: the last word before its "of", "for", "on" phrase."""
    return re.split(r"\s+(?:of|for|on|against|in)\s+", name)[0].split()[-1]


def second_name(printed: str) -> int | None:
    """Where a second name starts in what reads as one ("the Technology Facilitation Mechanism and
    the Commission on Science and Technology for Development"): at " and the " when what follows is
    a body's name of its own (a known body, or one made on a body's head noun) and what precedes
    ends a name made on one; "Asia and the Pacific", "Latin America and the Caribbean" stay whole."""
    at = printed.find(" and the ")
    while at > 0:
        before, after = printed[:at], printed[at + 5 :]
        # a mission known by its acronym ("UNAMID and the United Nations Country Team"); a State's
        # Government after a body ("the United Nations Country Team and the Government")
        # an organization outside the United Nations on either side ("the African Union and the
        # Council of Europe")
        if (head_noun(before) in BODY_HEADS or _ACRONYM.fullmatch(before) or lookup_organization(before)) and (
                by_name(re.sub(r"^the\s+", "", after)) is not None or head_noun(after) in BODY_HEADS
                or _GOVERNMENT.match(after) or lookup_organization(after)):
            return at
        at = printed.find(" and the ", at + 1)
    return None


_ACRONYM = re.compile(r"(?:the\s+)?[A-Z]{3,}[A-Za-z-]*")
_GOVERNMENT = re.compile(r"(?:the\s+)?(?:Government|authorities)\b")


def names_with(body: Body, words: list[str]) -> bool:
    """Whether a short reference's words are all words of the body's name, its head noun last
    among them ("Special Committee" of the Special Committee on Decolonization's full name,
    "Pension Board" of the United Nations Joint Staff Pension Board)."""
    name = body.name.split()
    return all(w in name for w in words) and name.index(words[-1]) >= max(name.index(w) for w in words)
