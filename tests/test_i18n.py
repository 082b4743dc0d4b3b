"""The words of a resolution's page in the six languages (lod.describe.i18n): every message a
page can print has a reviewed translation in each catalogue, with the same placeholders; a
catalogue keeps no message the pages no longer print; dates follow the language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from lod.describe import i18n
from lod.describe.adoption import LANGUAGE_NAMES

PACKAGE = Path(i18n.__file__).parent
LANGUAGES = [tag for tag in LANGUAGE_NAMES if tag != i18n.SOURCE_LANGUAGE]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def printed_messages() -> set[str]:
    """The messages of the description templates (`_(…)`) and of the Python that fills them
    (`N_(…)`, `gettext(lang, …)`, a picture's `words(…)`), as Babel's extractors find them."""
    found = extract_from_dir(str(PACKAGE), method_map=[("templates/**.html", "jinja2"), ("*.py", "python")],
                             keywords={"_": None, "N_": None, "gettext": (2,), "words": None},
                             options_map={"templates/**.html": {"extensions": "jinja2.ext.i18n"}})
    return {message for _, _, message, _, _ in found if isinstance(message, str)}


def test_the_pages_print_messages_to_translate() -> None:
    messages = printed_messages()
    assert {"Adopted by", "Operative paragraphs", "Annex %(number)s", "adopted without a vote", "In favour"} <= messages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_official_language_translates_every_message_and_nothing_else(lang: str) -> None:
    with i18n.catalogue_path(lang).open("rb") as handle:
        catalogue = read_po(handle, locale=lang)
    translated = {m.id: m.string for m in catalogue if m.id}
    printed = printed_messages()
    assert sorted(printed - translated.keys()) == []  # a message added to a page: translate it here
    assert sorted(translated.keys() - printed) == []  # a message no page prints any more: remove it
    assert [m for m, t in translated.items() if not t] == []
    # the same word in both languages, each checked: a copied English message is not a translation
    assert {m for m, t in translated.items() if m == t} <= {"EuroVoc", "IRI:", "Session", "Sessions", "Documents", "Adoption", "Site",
                                                           "abstention"}
    assert [m for m, t in translated.items() if set(PLACEHOLDER.findall(m)) != set(PLACEHOLDER.findall(t))] == []
    assert not any(m.fuzzy for m in catalogue if m.id)


@pytest.mark.parametrize(("lang", "day"), [
    ("en", "1 November 2023"), ("fr", "1 novembre 2023"), ("es", "1 de noviembre de 2023"),
    ("ru", "1 ноября 2023\u202fг."), ("ar", "1 نوفمبر 2023"), ("zh", "2023年11月1日"),
])
def test_a_day_is_printed_as_the_language_prints_it(lang: str, day: str) -> None:
    assert i18n.long_date("2023-11-01", lang) == day


def test_a_language_without_a_catalogue_frames_its_text_in_english() -> None:
    assert i18n.page_language("de") == "en" and i18n.page_language(None) == "en"
    assert i18n.page_language("ar") == "ar"
    assert i18n.gettext(i18n.page_language("de"), "Adopted by") == "Adopted by"
    assert i18n.gettext("fr", "Adopted by") == "Adoptée par"
