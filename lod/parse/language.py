"""The language of a document: what its metadata says, or what its opening formula and words show."""

from __future__ import annotations

import re
from typing import Any, Sequence

import pycountry

from lod.model import Resolution

_FORMULA_LANGUAGE = (
    ("The", "eng"),
    ("Assemblée", "fra"), ("Conseil", "fra"), ("Commission", "fra"),
    ("Asamblea", "spa"), ("Consejo", "spa"), ("Comisión", "spa"),
)
"""The opening formula tells the language of the text: the organ's name is in that language."""
_ENGLISH_WORDS = frozenset("the of and to in for that on with by as its at be this which are from".split())


def iso_language(value: Any) -> str | None:
    """Front-matter language ("EN", "English", "eng") → ISO 639-2/T code."""
    if not isinstance(value, str) or not value.strip():
        return None
    code = value.strip()
    lang = None
    if len(code) == 2:
        lang = pycountry.languages.get(alpha_2=code.lower())
    elif len(code) == 3:
        lang = pycountry.languages.get(alpha_3=code.lower()) or pycountry.languages.get(bibliographic=code.lower())
    if lang is None:
        try:
            lang = pycountry.languages.lookup(code)
        except LookupError:
            return None
    return getattr(lang, "alpha_3", None)


def _english_share(text: str) -> float:
    words = re.findall(r"[a-z]+", text.lower())
    return sum(1 for w in words if w in _ENGLISH_WORDS) / len(words) if words else 0.0


_ENGLISH_MASTHEAD = re.compile(r"\bDistr\.: (?:General|Limited|Restricted)\b|\bOriginal: English\b")
"""The English version's masthead ("Distr.: Limited", "Original: English"; the French prints "Distr. :
limitée", the Spanish "Distr. limitada"): an amendment of one line and a list of sponsors is English
by it, when its few words cannot tell."""


def set_language(res: Resolution, meta: dict[str, Any], formula: str | None, blocks: list[str], warnings: list[str],
                 heading: Sequence[str] = ()) -> None:
    """The document's language: as supplied, else from the opening formula's words, else English
    when its small words are English's (with a warning), else unknown (with a warning). The words
    of the `heading` (the masthead's lines) count too: a text without a formula may be one line
    ("Delete operative paragraph 9.", an amendment)."""
    if "language" in meta:
        res.language = iso_language(meta["language"])
        if res.language is None:
            warnings.append(f"the supplied language {meta['language']!r} is not an ISO 639 language")
        return
    if formula:
        words = formula.replace("’", "'").replace("'", " ").split()
        for word, code in _FORMULA_LANGUAGE:
            if word in words[:2]:
                res.language = code
                return
    if _english_share(" ".join([*heading, *blocks])) > 0.15 or any(_ENGLISH_MASTHEAD.search(line) for line in heading):
        res.language = "eng"
        warnings.append("language not printed; English inferred from the wording of the text")
        return
    warnings.append("the language of the text is unknown")
