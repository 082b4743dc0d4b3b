"""Treaties named in running text ("the United Nations Convention against Corruption").

Footnotes cite a treaty by its Treaty Series number; the paragraphs name it in words, often
without any footnote (the footnote is printed only at the first mention). Recording the named
mentions is what lets a query find every paragraph that "reaffirms" a treaty, not only the one
that carries the footnote.

Names come from lod/data/treaties.csv (official title and the short names resolutions print).
Matching is case-sensitive and whole-name only: "the Convention" or "the Protocol" alone is an
anaphor whose antecedent is a matter for the reader, never a mention on its own. Where names
overlap, the longest wins ("the Protocol against the Smuggling of Migrants by Land, Sea and Air,
supplementing the United Nations Convention against Transnational Organized Crime" is one
mention of the Protocol, not also one of the Convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lod.model import Citation
from lod.parse.scan import Prefiltered
from lod.treaties import Treaty, all_treaties

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


def _name_parts(name: str) -> list[str]:
    """A printed name as one regex per word; `_name_pattern` joins them.

    The year that qualifies a title ("… Narcotic Drugs of 1961", "…, 1961") identifies the
    treaty no better than the words before it, and drafts misprint it; any year is accepted
    there. A year that names another instrument ("the 1972 Protocol") stays literal.
    """
    parts = []
    words = name.split()
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if _YEAR_QUALIFIER.match(word) and (before == "of" or before.endswith(",")):
            parts.append(r"\d{4}" + ("," if word.endswith(",") else ""))
            continue
        parts.append(re.escape(word).replace("'", _APOSTROPHE).replace("\u2019", _APOSTROPHE))
    return parts


def _name_pattern(name: str) -> str:
    """A printed name as a regex: any run of spaces or line breaks between words, either apostrophe."""
    return r"\s+".join(_name_parts(name))


# letters on either side mean a longer word, not the name; digits (footnote markers glued
# to the name, "Corruption5") do not
_LETTER_BEFORE = "(?<![A-Za-z])"
_LETTER_AFTER = "(?![A-Za-z])"


@lru_cache(maxsize=1)
def _matcher() -> tuple[Prefiltered, dict[str, Treaty]]:
    """Every treaty name as one alternation (one named group per name), tried only where a first word starts."""
    named: list[tuple[str, Treaty]] = []
    for treaty in all_treaties():
        for name in treaty.names:
            named.append((name, treaty))
    named.sort(key=lambda pair: len(pair[0]), reverse=True)
    groups: dict[str, Treaty] = {}
    alternatives = []
    first_words: set[str] = set()
    for i, (name, treaty) in enumerate(named):
        group = f"t{i}"
        groups[group] = treaty
        alternatives.append(f"(?P<{group}>{_name_pattern(name)})")
        first_words.add(_name_parts(name)[0])
    pattern = re.compile(_LETTER_BEFORE + "(?:" + "|".join(alternatives) + ")" + _LETTER_AFTER)
    leads = re.compile("|".join(sorted(first_words, key=len, reverse=True)))
    return Prefiltered(pattern, leads), groups


def find_treaty_mentions(text: str) -> list[TreatyMention]:
    """Every treaty named in `text`, left to right, longest name first where names overlap."""
    names, groups = _matcher()
    mentions = []
    for match in names.finditer(text):
        group = match.lastgroup
        if group is None:
            continue
        mentions.append(TreatyMention(groups[group], match.start(), match.end(), match.group(0)))
    return mentions
