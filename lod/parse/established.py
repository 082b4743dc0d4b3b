"""Bodies a resolution names by the resolution that established them.

The Security Council's sanctions regimes each have their committee and panel of experts, and
the texts name them only so: "the Committee established pursuant to paragraph 19 of resolution
2140 (2014) (“the Committee”)", "the Panel established pursuant to resolution 2140 (2014)", then
"Requests the Panel of Experts to provide a midterm update to the Committee". No table can list
them all (a regime opens with a resolution); the resolution that established a body identifies
it, so the addressee reader resolves "the Committee" to the committee the document established
before, and the RDF names it by that resolution (lod.rdf.agents).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lod.bodies import by_name

__all__ = ["EstablishedBody", "called_at", "established_at", "established_in"]


@dataclass(frozen=True)
class EstablishedBody:
    """A body by its head noun ("Committee", "Panel of Experts") and the number of the resolution
    that established it, as printed ("2140 (2014)", "77/336")."""

    head: str
    resolution: str

    def called(self, short: str) -> bool:
        """Whether a short reference ("Panel", "Panel of Experts", "Committee") names it."""
        short, head = " ".join(short.split()).lower(), self.head.lower()  # "a commission of inquiry"
        return short == head or head.startswith(short + " ") or _FULL.get(short.capitalize(), "").lower() == head


_HEADS = (r"Committee|Panel\s+of\s+Experts|Group\s+of\s+Experts|Panel|Monitoring\s+Team|Working\s+Group|Mechanism"
          r"|Commission(?:\s+of\s+(?:Inquiry|Experts))?")  # "the Commission established by its resolution 39 (1948)"
_ESTABLISHED = re.compile(
    rf"(?:the\s+)?(?:Security\s+Council\s+)?(?P<head>{_HEADS})"
    r"(?:\s+(?:on|for|concerning)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?"  # "on the CAR"
    r"\s+(?:(?:was|were)\s+)?(?:(?:originally|first)\s+)?(?:established|set\s+up|created|appointed)"
    r"\s+(?:pursuant\s+to|by|under|in)\s+(?:paragraphs?\s+\d+(?:\s+(?:and|to)\s+\d+)?\s+of\s+)?(?:its\s+)?"
    r"resolution\s+(?P<resolution>\d{1,4}\s*\((?:19|20)\d\d\)|\d{1,2}/\d{1,3})"
)


def _body(m: re.Match[str]) -> EstablishedBody:
    head = " ".join(m.group("head").split())
    # "the Panel established pursuant to resolution 2140 (2014)" is its Panel of Experts
    return EstablishedBody(_FULL.get(head, head), " ".join(m.group("resolution").split()))


_FULL = {"Panel": "Panel of Experts"}


# a body the resolution itself sets up: "Establishes a Commission consisting of three members",
# "Authorizes the establishment of a Commission of Inquiry", "Decides to establish, in accordance
# with rule 28 of its provisional rules of procedure, a Committee of the Security Council"
_ESTABLISHES = re.compile(
    r"\b(?:[Ee]stablish(?:es)?|[Ss]ets?\s+up|[Cc]reates?|establishment\s+of)"
    r"(?:\s*,[^,;:]{1,160},)?\s+(?:a|an)\s+(?:(?:new|ad\s+hoc|special|international|independent)\s+)*"
    rf"(?P<head>(?i:{_HEADS}))\b"
)
# a body the resolution sets up by its full name: "Decides to establish the Group of Scientific and
# Technical Experts on Nuclear Disarmament Verification within the United Nations" (A/RES/80/53),
# which later paragraphs call "the Group of Scientific and Technical Experts"; a name of the bodies
# table is the body of the table ("Decides to establish the Committee on Information" is no new one)
_ESTABLISHES_NAMED = re.compile(
    r"\b(?:[Dd]ecides\s+(?:also\s+|further\s+)?to\s+(?:establish|set\s+up|create)|Establishes|Creates|Sets\s+up)"
    rf"\s+the\s+(?P<head>(?:{_HEADS}|Group)\s+(?:of|on|for)\s+[A-Z][\w’'-]*(?:\s+(?:(?:of|on|for|and|the|in)\s+)*[A-Z][\w’'-]*)*)"
)
_NAME_GOES_ON = re.compile(r"\s+(?:(?:of|on|for|and|in)\s+(?:the\s+)?)?[A-Z][\w’'-]*")
"""A word more of a body's printed name: "of Scientific", "and Technical", "Experts"."""


def established_in(text: str, number: str | None = None) -> list[EstablishedBody]:
    """The bodies a paragraph names by their establishing resolution, in order; with the
    document's own `number` ("446 (1979)"), also those the paragraph itself establishes, which
    later paragraphs call "the Commission"."""
    found = [(m.start(), _body(m)) for m in _ESTABLISHED.finditer(text)]
    if number:
        for m in _ESTABLISHES.finditer(text):
            head = " ".join(m.group("head").split())
            head = head[0].upper() + head[1:]
            found.append((m.start(), EstablishedBody(_FULL.get(head, head), " ".join(number.split()))))
        for m in _ESTABLISHES_NAMED.finditer(text):
            name = " ".join(m.group("head").split())
            if by_name(name) is None:
                found.append((m.start(), EstablishedBody(name, " ".join(number.split()))))
    return [body for _, body in sorted(found, key=lambda pair: pair[0])]


def called_at(bodies: Sequence[EstablishedBody], text: str, head: str, end: int) -> tuple[EstablishedBody, int] | None:
    """The established body a short reference calls by the longest run of its name's words after
    its head noun ("the Group" ⏎ " of Scientific and Technical Experts", printed from `end`), and
    where those words end."""
    start, ends = end, []
    while (word := _NAME_GOES_ON.match(text, end)) is not None:
        end = word.end()
        ends.append(end)
    for stop in reversed(ends):
        body = next((b for b in reversed(bodies) if b.called(f"{head}{text[start:stop]}")), None)
        if body is not None:
            return body, stop
    return None


def established_at(text: str, pos: int) -> tuple[EstablishedBody, int] | None:
    """The body named so at `pos` ("the Committee established pursuant to resolution 1591
    (2005)") and where its name ends, or None."""
    m = _ESTABLISHED.match(text, pos)
    return (_body(m), m.end()) if m else None
