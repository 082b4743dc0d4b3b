"""Treaties named in running text ("the United Nations Convention against Corruption").

Footnotes cite a treaty by its Treaty Series number; the paragraphs name it in words, often
without any footnote (the footnote is printed only at the first mention). Recording the named
mentions is what lets a query find every paragraph that "reaffirms" a treaty, not only the one
that carries the footnote.

Names come from lod/data/treaties.csv (official title and the short names resolutions print)
and, for the other five official languages, lod/data/treaty_names.csv: a French, Russian or
Chinese text names the treaty in its own words ("Convention relative aux droits de l’enfant",
"Конвенцию о правах ребенка", "《儿童权利公约》"), and the mention lands on the same treaty.
Matching is whole-name only, the first word as printed (later words of a Latin-script title in any
case: "Convention Against Corruption"): "the Convention" or "the Protocol" alone is an
anaphor whose antecedent is a matter for the reader, never a mention on its own. Where names
overlap, the longest wins ("the Protocol against the Smuggling of Migrants by Land, Sea and Air,
supplementing the United Nations Convention against Transnational Organized Crime" is one
mention of the Protocol, not also one of the Convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lod.languages import TAGS
from lod.model import Citation
from lod.parse.scan import Alternatives
from lod.treaties import Treaty, all_treaties, collective_names

_APOSTROPHE = "['\u2019]"


@dataclass(frozen=True)
class TreatyMention:
    """A treaty named in a text: `text[start:end]` is the name as printed."""

    treaty: Treaty
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return self.treaty.key

    @property
    def unts_number(self) -> str:
        return self.treaty.unts_number

    def to_citation(self, location: str = "", relation: str | None = None) -> Citation:
        """The mention as a model citation, so it is published like a footnoted one.

        `location` is the eId of the paragraph it is printed in; `relation` the lemma of the
        verb that introduces it ("reaffirm"), as `lod.parse.citations` computes it.
        """
        return Citation(
            type="treaty",
            text=self.text,
            unts_number=self.treaty.unts_number,
            unts_volumes=list(self.treaty.volumes[:1]),
            treaty_key=self.treaty.key,
            location=location,
            relation=relation,
        )


_YEAR_QUALIFIER = re.compile(r"^(?:1[89]|20)\d\d,?$")

LANGUAGES = TAGS
"""The official languages whose names the table holds (lod.treaties: `names_in`)."""

_INFLECTED = frozenset({"ru"})
"""Languages that decline a name ("Конвенция о правах ребенка", "Конвенцию …", "Конвенции …")."""

_CASE_VARIES = frozenset({"en", "fr", "es"})
"""Languages whose printings capitalise a title's later words differently ("Convention Against
Corruption", "Discriminación Contra la Mujer"): the words after the first in any case."""

_ENDING_VOWELS = "аяоеёиыйуюь"
"""The letters a Russian ending is made of, which a declined word drops for its stem."""

_PREPOSITIONS = frozenset("о об обо к против по для с со в во на от за из между относительно при".split())


def _declined(words: list[str]) -> list[bool]:
    """Which words of a Russian name change with its case: the head, from the first word up to a
    preposition or a capitalised word after a lower-case one ("Римский статут | Международного
    уголовного суда", "Конвенция | о правах ребенка"), and the first word after a comma (a
    participle agreeing with the head: "…, касающийся торговли детьми"). The rest is printed the
    same in every case; declining it would find other phrases ("Международный уголовный суд")."""
    out, head, previous = [], True, ""
    for word in words:
        bare = word.strip(",;")
        if bare in _PREPOSITIONS or (bare[:1].isupper() and previous[:1].islower()):
            head = False
        out.append((head or previous.endswith(",")) and len(bare) >= 4 and bare.isalpha())
        previous = word
    return out


def _word(word: str, declined: bool = False) -> str:
    """One printed word as a regex: either apostrophe; a declined word as its stem and any
    ending of up to five letters ("Конвенц" + "ия", "ию", "ии", "ией")."""
    if declined:
        bare = word.rstrip(",;")
        stem = bare.removesuffix("ся")  # a reflexive participle: "касающийся", "касающегося"
        stem = stem[:len(stem) - min(3, len(stem) - len(stem.rstrip(_ENDING_VOWELS)))]
        return re.escape(stem) + r"\w{0,5}" + re.escape(word[len(bare):])
    return re.escape(word).replace("'", _APOSTROPHE).replace("\u2019", _APOSTROPHE)


def _name_parts(name: str, language: str = "en") -> list[str]:
    """A printed name as one regex per word; `_name_pattern` joins them.

    The year that qualifies a title ("… Narcotic Drugs of 1961", "…, 1961") identifies the
    treaty no better than the words before it, and drafts misprint it; any year is accepted
    there. A year that names another instrument ("the 1972 Protocol") stays literal.
    """
    parts = []
    words = name.split()
    declined = _declined(words) if language in _INFLECTED else [False] * len(words)
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if language == "en" and _YEAR_QUALIFIER.match(word) and (before == "of" or before.endswith(",")):
            parts.append(r"\d{4}" + ("," if word.endswith(",") else ""))
            continue
        part = _word(word, declined[i])
        parts.append(f"(?i:{part})" if i and language in _CASE_VARIES else part)
    return parts


def _name_pattern(name: str, language: str = "en") -> str:
    """A printed name as a regex: any run of spaces or line breaks between words, either apostrophe."""
    return r"\s+".join(_name_parts(name, language))


# letters on either side mean a longer word, not the name; digits (footnote markers glued
# to the name, "Corruption5") do not. Chinese prints no spaces: a name is found wherever it is.
# Arabic writes the conjunctions and prepositions و ف ب ك ل as one word with the name that
# follows ("واتفاقية حقوق الطفل", "باتفاقية"): one or two of them may stand before it.
_LETTER = r"[^\W\d_]"
_BEFORE = {"en": "(?<![A-Za-z])", "zh": "",
           "ar": f"(?:(?<!{_LETTER})|(?<=(?<!{_LETTER})[وفبكل])|(?<=(?<!{_LETTER})[وف][بكل]))"}
_AFTER = {"en": "(?![A-Za-z])", "zh": ""}


@lru_cache(maxsize=1)
def _matcher() -> tuple[Alternatives, dict[str, tuple[Treaty, ...]]]:
    """Every treaty name in every language as one alternation (one named group per name: the
    instruments it names), tried where a first word starts with only the names it begins."""
    named = [(name, language, (treaty,)) for treaty in all_treaties() for language in LANGUAGES
             for name in treaty.names_in(language)]
    named += collective_names()
    named.sort(key=lambda entry: len(entry[0]), reverse=True)
    groups: dict[str, tuple[Treaty, ...]] = {}
    alternatives = []
    for i, (name, language, treaties) in enumerate(named):
        group = f"t{i}"
        groups[group] = treaties
        before = _BEFORE.get(language, f"(?<!{_LETTER})")
        after = _AFTER.get(language, f"(?!{_LETTER})")
        first = _name_parts(name, language)[0]
        alternatives.append((first, f"{before}(?P<{group}>{_name_pattern(name, language)}){after}"))
    return Alternatives(alternatives), groups


def find_treaty_mentions(text: str) -> list[TreatyMention]:
    """Every treaty named in `text`, left to right, longest name first where names overlap; a name
    of several ("the Geneva Conventions of 12 August 1949") a mention of each."""
    names, groups = _matcher()
    mentions = []
    for match in names.finditer(text):
        group = match.lastgroup
        if group is None:
            continue
        mentions += [TreatyMention(treaty, match.start(group), match.end(group), match.group(group)) for treaty in groups[group]]
    return mentions
