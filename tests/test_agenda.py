"""lod.parse.agenda: one designation per agenda item, whatever language or reader printed it
(one tiny case per printed shape)."""

from __future__ import annotations

import pytest

from lod.parse.agenda import ABJAD, agenda_items


@pytest.mark.parametrize(
    ("printed", "items"),
    [
        ("Agenda item 19 (c)", ["19 (c)"]),  # English cover
        ("Point 19 c) de l’ordre du jour", ["19 (c)"]),  # French
        ("Tema 19 c) del programa", ["19 (c)"]),  # Spanish
        ("Пункт 19 с) повестки дня", ["19 (c)"]),  # Russian, with a Cyrillic с
        ("Пункт 19 а) повестки дня", ["19 (a)"]),  # and a Cyrillic а
        ("البند 19 (ج) من جدول الأعمال", ["19 (c)"]),  # Arabic: ج is the third letter
        ("البند 12 (هـ) من جدول الأعمال", ["12 (e)"]),  # with the tatweel
        ("البند ١٢٥ من جدول الأعمال", ["125"]),  # Arabic-Indic digits
        ("议程项目12(c)", ["12 (c)"]),  # Chinese, no space
        ("19c", ["19 (c)"]),  # the AKN keyword's value
        ("Agenda item 125", ["125"]),
        ("Agenda items 13 and 117", ["13", "117"]),
        ("Points 13 et 117 de l’ordre du jour", ["13", "117"]),
        ("Пункты 13 и 117 повестки дня", ["13", "117"]),
        ("Agenda items 14, 117 and 119", ["14", "117", "119"]),
        ("Agenda item 68 (b)*", ["68 (b)"]),  # a footnote mark after the item
        ("Agenda item", []),  # nothing to read
    ],
)
def test_each_printed_shape_names_its_items(printed: str, items: list[str]) -> None:
    assert agenda_items(printed) == items


def test_the_arabic_letters_run_in_abjad_order() -> None:
    assert [agenda_items(f"1 ({letter})")[0] for letter in ABJAD[:6]] == [f"1 ({c})" for c in "abcdef"]
