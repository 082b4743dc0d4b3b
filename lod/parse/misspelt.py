"""Leading phrases a scan misread by a letter or two: "Reguests", "Recaliing", "Retterates",
"Calis upon", "Lakes note", "Haying considered", "Nothing further with satisfaction".

The Security Council's older resolutions come from the OCR of the compilation volumes; a phrase
misread so is no verb of the lexicon, the paragraph gets no action concept and its addressees
are not read ("Reguests the Secretary-General to …"). A phrase outside the lexicon is read as
the one phrase of the lexicon its first word misspells (rapidfuzz: one edit, two in a word of
eight letters or more) when the phrase so corrected is in the lexicon; the text stays as
printed, and lod.quality reports the reading (`verb-misspelt`) for a curator to confirm.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from lod.model import Resolution
from lod.parse.verbs import leading_phrase
from lod.quality import in_lexicon, lexicon

__all__ = ["lost_ending", "misspelt", "read_misspelt_phrases"]


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    """The first words of the lexicon's phrases ("requests", "recalling", "takes")."""
    return tuple(sorted({name.split("-", 1)[0] for name in lexicon()}))


def misspelt(phrase: str, text: str = "", operative: bool = False) -> str | None:
    """The lexicon's phrase a misread `phrase` stands for, or None (a phrase of the lexicon, or
    none a letter or two away, or more than one). With the paragraph's `text`, the phrase is
    read again after the corrected word ("Calis upon": "Calis" stopped the reader before "upon";
    "Haying considered" is "Having considered", not "Paying …")."""
    words = phrase.split()
    head = words[0] if words else ""
    if len(head) < 4 or not head.isalpha() or in_lexicon(phrase):
        return None
    allowed = 2 if len(head) >= 8 else 1
    by_distance: dict[int, set[str]] = {}
    for known in _heads():
        distance = Levenshtein.distance(head.lower(), known, score_cutoff=allowed)
        if distance <= allowed and not _inflected(head.lower(), known):
            word = known.capitalize() if head[:1].isupper() else known
            readings = _readings(word, words, text, operative)
            if readings:  # the longest reading of one correction ("Noting further with satisfaction")
                by_distance.setdefault(distance, set()).add(max(readings, key=len))
    best = min(by_distance, default=None)
    readings = by_distance.get(best, set()) if best is not None else set()
    return readings.pop() if len(readings) == 1 else None


def _inflected(printed: str, known: str) -> bool:
    """Another form of the same word, not a misreading: "Reaffirm" of "reaffirms" (a declaration's
    bare verb), "decided" of "decides" (a decision's narrative), "Recognize" of "recognises" (the
    spelling with -ise)."""
    printed, known = _ISE.sub(r"iz\1", printed), _ISE.sub(r"iz\1", known)
    if printed.startswith(known) or known.startswith(printed):
        return True
    common = len(os.path.commonprefix([printed, known]))
    return common >= max(len(printed), len(known)) - 1 and {printed[-1], known[-1]} <= {"s", "d"}


_ISE = re.compile(r"is(e|es|ed|ing)$")


def _readings(word: str, words: list[str], text: str, operative: bool) -> list[str]:
    """The phrase with `word` for its first word, and as the reader reads the text so corrected,
    where the lexicon has them."""
    found = [" ".join([word, *words[1:]])]
    plain = text.replace("*", "").lstrip()
    if plain.startswith(words[0]):
        again = leading_phrase(word + plain[len(words[0]) :], operative)
        if again:
            found.append(again)
    return list(dict.fromkeys(r for r in found if in_lexicon(r)))


def read_misspelt_phrases(res: Resolution) -> None:
    """Each English paragraph's phrase a scan misread, read as the lexicon's (text unchanged)."""
    if res.language not in (None, "eng") or res.kind in ("decision", "draft-decision"):
        return  # a decision narrates ("decided"): its words are no phrases of the lexicon
    for para in res.preamble:
        if para.verb:
            para.verb = misspelt(para.verb, para.text, operative=False) or para.verb
    for op in [*res.operative, *(p for annex in res.annexes for p in annex.paragraphs)]:
        if op.verb:
            op.verb = misspelt(op.verb, op.intro or op.text, operative=True) or op.verb
    for op in res.operative:
        if op.verb is None and op.num is not None:
            op.verb = lost_ending(op.intro or op.text)


_AFTER_A_VERB = frozenset(
    "the its his her their that all a an also further again once with to upon on in for each every both any this "
    "these those strongly deeply firmly fully".split()
)
"""Words that follow a verb ("Welcome the", "Express its", "Reaffirm also"), not an adjective."""


def lost_ending(text: str) -> str | None:
    """The phrase of a numbered paragraph whose verb lost its ending in the scan: "1. Welcome the
    further report …", "Reaffirm also its endorsement …", "Express its confidence …" (S/RES/864,
    789, 378 (1975) as OCR'd) are "Welcomes", "Reaffirms also", "Expresses": no resolution's own
    operative paragraph opens with a bare verb (a declaration in an annex does, and is not read
    here). The text stays as printed; lod.quality reports the reading (`verb-misspelt`)."""
    plain = text.replace("*", "").lstrip()
    words = plain.split(maxsplit=2)
    head = words[0] if words else ""
    if len(head) < 4 or not head.isalpha() or not head[:1].isupper() or len(words) < 2 or words[1] not in _AFTER_A_VERB:
        return None  # "Direct expenses of the …" (a budget's clause) opens with an adjective and its noun
    for ending in ("s", "es"):
        again = leading_phrase(head + ending + plain[len(head):], True)
        if again and in_lexicon(again) and again.split()[0] == head + ending:
            return again
    return None
