"""The leading phrase of a paragraph in French, Spanish, Russian, Arabic or Chinese.

The English reader rebuilds the phrase from a lexicon of English grammar (lod.parse.verbs);
the other five languages are read by the labels the verb scheme gives its concepts in them
(ontology/verbs.ttl: "Décide"@fr, "постановляет"@ru, "请秘书长"@zh …), learned from the
UN's aligned texts by tools/derive_verb_labels.py and held to them by tests/test_verb_labels.py.
The phrase of a paragraph is the longest label its words open with: "Décide également" before
"Décide". Chinese writes no spaces, so there a label is a prefix of characters; elsewhere of
whole words ("Prie" does not open "Prient").

The labels come through lod.vocabulary (one table: the scheme's file); this module sees only
strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lod.languages import tag_of
from lod.vocabulary import LABEL_TRAILING, fold, reading_prefixes, scheme_labels


UNSPACED = frozenset({"zh"})
"""Languages whose labels are prefixes of characters, not of words."""

_LEADING = re.compile(r"^[\s*_\"'“”«»‘’„(\[\-–—•·]*(?:[(\[]?[0-9０-９٠-٩]+[.)．、\]]\s*)?[\s*_\"'“”«»‘’„]*")
"""Quotes, emphasis marks, bullets and a printed number ("1.", "１．", "(٣)") before the words."""


@dataclass(frozen=True)
class Phrasebook:
    """The labels of one language: folded label → concept, and how many units the longest has."""

    tag: str
    concepts: dict[str, str]
    longest: int
    prefixes: tuple[str, ...] = ()
    """Degree prefixes of an unspaced language ("又", "还", "再次": lod.vocabulary.reading_prefixes)."""

    def leading(self, text: str) -> str | None:
        """The words `text` opens with that are the longest label, as printed (or None)."""
        rest = text[_LEADING.match(text).end():] if text else ""  # type: ignore[union-attr]
        if not rest:
            return None
        if self.tag in UNSPACED:
            found = self._label_prefix(rest)
            for prefix in self.prefixes if found is None else ():
                after = self._label_prefix(rest[len(prefix):]) if rest.startswith(prefix) else None
                if after is not None:
                    return prefix + after  # "又呼吁": "also" and a label
            return found
        words = rest.split(None, self.longest)[: self.longest]
        for n in range(len(words), 0, -1):
            printed = " ".join(words[:n]).rstrip(LABEL_TRAILING)
            if fold(printed) in self.concepts:  # whole words: "Prie" does not open "Prient"
                return printed
        return None

    def _label_prefix(self, rest: str) -> str | None:
        head = rest[: self.longest + 8]
        for n in range(min(len(head), self.longest), 0, -1):
            if fold(head[:n]) in self.concepts:
                return head[:n].rstrip(LABEL_TRAILING)
        return None

    def concept(self, phrase: str) -> str | None:
        """The concept (local name in the verb scheme) a phrase is the label of, or the label
        after its degree prefix is ("又呼吁": the concept of "呼吁")."""
        found = self.concepts.get(fold(phrase))
        for prefix in self.prefixes if found is None else ():
            if phrase.startswith(prefix):
                return self.concepts.get(fold(phrase[len(prefix):]))
        return found


@lru_cache(maxsize=None)
def phrasebook(language: str | None) -> Phrasebook | None:
    """The phrasebook of a document's language (ISO 639-2), None for English or an unknown one."""
    tag = tag_of(language)  # the tag the scheme's labels carry; English's labels are the concepts' slugs
    labels = scheme_labels("verb").get(tag or "") if tag else None
    if not labels:
        return None
    concepts: dict[str, str] = {}
    for label, concept in labels.items():
        concepts.setdefault(fold(label), concept)
    if tag in UNSPACED:
        longest = max(len(k) for k in concepts)
    else:
        longest = max(len(k.split()) for k in concepts)
    return Phrasebook(tag or "", concepts, longest, reading_prefixes(tag or "", "verb"))


def leading_label(text: str, language: str | None) -> str | None:
    """The leading phrase of a paragraph in its document's language, by the scheme's labels."""
    book = phrasebook(language)
    return book.leading(text) if book is not None else None
