"""How a block of text opens and ends: with a phrase of the verb lexicon, an operative verb, a
lead-in ("Resolves:"), as a section's heading; with a paragraph's closing punctuation.

The block builder (lod.parse.blocks) asks these of every line it joins, the structure stage
(lod.parse.structure) of every block it places: one reading for both.
"""

from __future__ import annotations

import re

from lod.parse.furniture import MARK_RE
from lod.parse.verbs import leading_phrase, opens_operative, verb_phrase
from lod.quality import in_lexicon

__all__ = ["is_complete", "lead_in", "operative_start", "opens_unnumbered_operative", "opens_with_lexicon_phrase",
           "opens_with_operative_phrase", "plain_end", "section_heading"]

_TRAILING = re.compile("(?:[\\s*\"'”’»)\\]]|\ue000[^\ue001]{1,5}\ue001)+$")


_TRAILING_LAST = frozenset("*\"'”’»)]\ue001")
"""Besides whitespace, what `_TRAILING` can end on; a text that ends otherwise has nothing to strip."""


OPENS_A_NAME = re.compile(r"^[A-Z][a-z]+\s+[A-Z][a-z]")
"""A line whose first two words are capitalised: a participle that opens it may open a name
("Federated States of Micronesia", "Reconstructing Gaza"), which only a phrase of the lexicon
("Recalling General Assembly …") tells from a paragraph's opening."""
MARKER_AFTER_A_RESOLUTION = re.compile(r"\d{2}/\d{3}(\d{1,2})$")
"""A note's marker glued to the resolution number a block ends with, its comma lost ("… pursuant
to resolution 71/2054"): the marker, where the document has that note."""


def plain_end(text: str) -> str:
    """The end of a text (its last 200 characters) without trailing markers, quotes, italics, brackets."""
    end = text[-200:]
    if end[-1:] not in _TRAILING_LAST and not end[-1:].isspace():
        return end
    return _TRAILING.sub("", end)


def is_complete(text: str) -> bool:
    """Ends like a paragraph, point, intro or heading-free sentence: , ; : . ! ?"""
    end = plain_end(text)
    return bool(end) and end[-1] in ",;:.!?"


def opens_with_lexicon_phrase(text: str) -> bool:
    """The text opens with a phrase of the verb lexicon ("Recalling", "Having considered"), not
    just any capitalised "-ing" word ("Stockpiling and Use of …", "Securing Our Common Future")."""
    phrase = leading_phrase(text, operative=False) if text[:1].isupper() else None
    return phrase is not None and in_lexicon(phrase)


_OPERATIVE_OPENING = re.compile(r"^(?:It is resolved|Now,? therefore|Therefore,? the|Hereby\b|Resolves\b)")


def opens_unnumbered_operative(block: str) -> bool:
    """An unnumbered operative paragraph: an operative verb (or "It is resolved") leads it, and it
    does not end like a preambular paragraph."""
    plain = MARK_RE.sub("", block).replace("*", "").strip()
    if plain_end(plain).endswith(","):
        return False
    if _OPERATIVE_OPENING.match(plain):
        return True
    return verb_phrase(plain, operative=True) is not None and verb_phrase(plain, operative=False) is None


def opens_with_operative_phrase(plain: str) -> bool:
    """An unnumbered operative paragraph whose phrase is one of the lexicon's ("Transmits"), not
    just a capitalised word ending in s ("Decisions on competence", a rule's heading)."""
    if not opens_unnumbered_operative(plain):
        return False
    phrase = verb_phrase(plain, operative=True)
    return phrase is not None and in_lexicon(phrase)


def lead_in(plain: str) -> bool:
    """An operative verb and a colon, nothing more ("Resolves:", "Resolves :", "Decides as
    follows:"): the early Security Council's form, the numbered paragraphs that follow being the
    clauses of that verb."""
    return len(plain) < 40 and plain.endswith(":") and opens_with_operative_phrase(plain)


_CONNECTIVE = re.compile(r"^(?:Now,? )?(?:therefore|Therefore|Accordingly|Hence)\b")
"""'Therefore' alone between the preamble and the operative part (S/RES/1 (1946)): no heading."""


def section_heading(plain: str) -> bool:
    """A section's heading above its first numbered paragraph ("A. Theme for the Commission on the
    Status of Women in 2020", "Arms embargo"): short, no closing punctuation, and no phrase of the
    lexicon or operative verb (a preambular paragraph that lost its comma has one)."""
    return (len(plain) < 150 and plain[:1].isupper() and not is_complete(plain) and not _CONNECTIVE.match(plain)
            and not opens_with_lexicon_phrase(plain) and not opens_with_operative_phrase(plain) and not opens_operative(plain))


def operative_start(blocks: list[str], *, numbered: bool, by_verb: bool = True) -> int | None:
    """Where, among the blocks read as preamble (a paragraph's points joined in as words), the
    operative part opens though no number says so, or None. `numbered`: numbered operative
    paragraphs follow, and "Reaffirms …;" "Instructs …;" "Recommends … the following measures:"
    then "A. …" and its numbers (S/RES/47 (1948)) open it before them. Else an unnumbered
    operative part (older texts) opens with the first operative verb or "It is resolved"
    (`by_verb`: not where an annex's paragraphs follow), else it is the lone last sentence
    ("Adopts the following ...")."""
    if numbered:
        return next((k for k, block in enumerate(blocks) if k and opens_with_operative_phrase(block)), None)
    if not blocks:
        return None
    start = next((k for k, block in enumerate(blocks) if k and opens_unnumbered_operative(block)), None) if by_verb else None
    last = MARK_RE.sub("", blocks[-1]).replace("*", "").strip()
    if start is None and (not plain_end(last).endswith(",") or opens_with_operative_phrase(last.rstrip(","))):
        start = len(blocks) - 1  # also "Recommends … that Oman be admitted …," (a comma misread)
    return start
