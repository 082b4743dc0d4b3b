"""The words of a resolution's page around its text, in the language the page is shown in.

A page of a resolution in French (`data.html?lang=fr`, or a French browser) prints the French
text of the resolution; what the page says around it (the record's labels, the headings, the
navigation, the dates) is said in French too, so that a reader of one language reads one
language. The words are gettext messages: the English text is the message id, the other five
official languages have a catalogue each (lod/describe/locale/<lang>.po, written by people, not by
a machine translator), read with Babel and given to Jinja's i18n extension; dates are printed by
Babel from the CLDR ("8 novembre 2023", "2023年11月8日"), English as the UN prints it
("8 November 2023", lod.dates).

Messages used from Python (a record row's label, a voting outcome) are marked with `N_` where
they are written, so that the catalogue check (tests/test_i18n.py) finds every message a page can
print; pages of other resources and the server's own pages are English.
"""

from __future__ import annotations

import datetime
import io
from functools import lru_cache
from pathlib import Path

from babel.core import UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from lod.dates import printed_date

LOCALE_DIR = Path(__file__).parent / "locale"
"""One catalogue per language other than English: <lang>.po (gettext's text form, reviewed in
the repository; compiled in memory when first used, so no binary file is kept)."""

SOURCE_LANGUAGE = "en"
"""The language of the message ids, and of every page no other language is asked for."""


def N_(message: str) -> str:
    """Mark `message` for the catalogues where it is written; translated where it is shown."""
    return message


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / f"{lang}.po"


@lru_cache(maxsize=1)
def catalogued() -> frozenset[str]:
    """The languages with a catalogue, looked up once per process (every page asks)."""
    return frozenset(path.stem for path in LOCALE_DIR.glob("*.po"))


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The page words of `lang` (the English ids unchanged where it has no catalogue)."""
    if lang not in catalogued():
        return NullTranslations()
    with catalogue_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def page_language(lang: str | None) -> str:
    """The language a page's words can be said in: `lang` where it has a catalogue, else English
    (a text in a language the UN does not publish in is framed in English)."""
    return lang if lang in catalogued() else SOURCE_LANGUAGE


def gettext(lang: str, message: str) -> str:
    return translations(lang).gettext(message)


def long_date(iso: str, lang: str) -> str:
    """A day as the page's language prints it: "13 September 2022" (the UN's English),
    "13 septembre 2022", "13 de septiembre de 2022", "13 сентября 2022 г.", "2022年9月13日"."""
    if lang == SOURCE_LANGUAGE:
        return printed_date(iso)
    try:
        return format_date(datetime.date.fromisoformat(iso), "long", locale=lang)
    except (ValueError, UnknownLocaleError):  # not a date, or a language the CLDR lacks: as the English page
        return printed_date(iso)
