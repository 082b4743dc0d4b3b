"""The six official languages of the United Nations, in the two ways the project names them.

ISO 639-2 codes are what the UN's AKN files say (`FRBRlanguage`), what the model's `language`
holds and what an expression IRI carries (`…/fra@`); BCP 47 tags are what RDF literals, the
schemes' labels and HTTP (`Accept-Language`, a page's `?lang=`) use. One table for both, English
first (most files are marked up from it), so that no module keeps its own copy.
"""

from __future__ import annotations

OFFICIAL: dict[str, str] = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh"}
"""ISO 639-2 (terminology) code → BCP 47 tag of each official language."""

CODES: tuple[str, ...] = tuple(OFFICIAL)
TAGS: tuple[str, ...] = tuple(OFFICIAL.values())

_BIBLIOGRAPHIC = {"fre": "fra", "chi": "zho"}
"""ISO 639-2's bibliographic codes, which some files and users write for French and Chinese."""


def tag_of(code: str | None) -> str | None:
    """The BCP 47 tag of an official language's ISO 639-2 code ("fra" or "fre" → "fr"), else None."""
    code = (code or "").lower()
    return OFFICIAL.get(_BIBLIOGRAPHIC.get(code, code))
