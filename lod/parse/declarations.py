"""A declaration's paragraphs in the first person: "We reaffirm", "We are deeply concerned",
"We call upon", "We, the Heads of State and Government …, reaffirm", "I declare".

Declarations, political declarations and outcome documents (annexed to or adopted by a resolution)
speak as "We"; their leading phrase is the verb after the pronoun with the words the lexicon fixes
to it, read here rather than by the third-person lexicon of lod.parse.verbs (lod.quality reads
"We recall" as a form of the resolution's "Recalls").
"""

from __future__ import annotations

import re

from lod.parse.verbs import PHRASAL

_DECLARATORY = re.compile(
    r"^(We|I)\s+((?:(?:also|further|therefore|hereby|firmly|strongly|fully|again|once again|"
    r"solemnly|reaffirm(?= our)|thus)\s+){0,2})(are|remain|have|will)?\s*"
    r"((?:deeply|seriously|gravely|profoundly|greatly|extremely|very|particularly|especially|further|also)\s+)?([a-z]+)"
)


_APPOSITION_VERB = re.compile(
    r",\s+((?:(?:also|further|hereby|solemnly|firmly|once again)\s+){0,2}"
    r"(?:(?:have|are|will|do)\s+[a-z]+|reaffirm|declare|commit|recognize|acknowledge|affirm|pledge|resolve|"
    r"agree|adopt|welcome|express|note|reiterate|decide|underline|emphasize|stress|renew|undertake|"
    r"endorse|call|invite|recommend|request|urge|encourage|support)\b)"
)
"""The verb after the apposition of "We, the Heads of State and Government …, have gathered"."""


def in_first_person(text: str) -> bool:
    """A declaration's paragraph in the first person ("We reaffirm", "We, the Heads of State …,",
    "I declare"), read by `declaratory_phrase` rather than the lexicon."""
    return text.lstrip().lstrip("*").startswith(("We ", "We,", "I "))


def declaratory_phrase(text: str) -> str | None:
    """The leading phrase of a declaration's paragraph: "We recommend", "We are concerned".

    "We, the Heads of State …, reaffirm" is read without its apposition: "We reaffirm".
    """
    plain = text.replace("*", "").strip()
    if plain.startswith(("We, ", "I, ")):
        verb = _APPOSITION_VERB.search(plain[:600])
        return f"{plain[:2].rstrip(',')} {verb.group(1)}" if verb else None
    m = _DECLARATORY.match(plain)
    if not m:
        return None
    phrase = " ".join([m.group(1), *m.group(2).split(), *(m.group(3) or "").split(), *(m.group(4) or "").split(), m.group(5)])
    # the words the verb takes: "We call upon", "We take note", "We look forward" (A/80/L.41)
    after = plain[m.end():].lstrip().lower()
    fixed = next((c for c in PHRASAL.get(m.group(5), PHRASAL.get(m.group(5) + "s", ())) if re.match(rf"{c}\b", after)), None)
    return f"{phrase} {plain[m.end():].lstrip()[: len(fixed)]}" if fixed else phrase
