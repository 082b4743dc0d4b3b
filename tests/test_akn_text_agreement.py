"""The AKN reader and the text converter agree on the same resolution (lod.crosscheck: the
eight session-77 resolutions ../shared holds as the UN's AKN and as PDF text, compared paragraph
by paragraph on leading phrase, points and footnote markers). The target is 0.98 of paragraphs
agreeing; the test fails if either side gets worse than the figure measured."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpora import ABSENT, REAL
from lod.crosscheck import TARGET, Agreement
from lod.crosscheck import measure as measure_folders
from lod.crosscheck import pairs as pairs_in
from lod.parse import parse_file

TEXT = REAL / "ga-text"
pytestmark = pytest.mark.skipif(not TEXT.is_dir(), reason=ABSENT)
AKN = REAL / "ga-akn" / "GAresolutions-main" / "77session" / "English"


def pairs() -> list[tuple[Path, Path]]:
    if not TEXT.is_dir():
        raise FileNotFoundError(TEXT)
    return pairs_in(TEXT, AKN)


def measure() -> Agreement:
    return measure_folders(TEXT, AKN)


MEASURED = 0.99
"""The share measured on 2 December 2026: 204 of 204 paragraphs (was 182, then 199 with the
five misses footnote markers: symbol numbers "C-24/DEC.4" read as markers, a marker set apart
after a year, "2016 3", or glued to a resolution number, "59/3009", and the AKN's words after a
list marked as a paragraph of their own). A drop below this fails."""


def test_akn_and_text_models_of_the_same_resolutions_agree() -> None:
    found = measure()
    assert len(pairs()) == 8 and found.paragraphs > 150
    summary = found.summary()
    assert found.share >= MEASURED, summary
    if found.share < TARGET:
        pytest.xfail(f"below the {TARGET} target: {summary}")


def test_the_markers_that_disagreed_are_read_as_the_un_marks_them() -> None:
    """The five places where the two readers disagreed, on the UN's own text."""
    by_name = {text.name: (parse_file(text), parse_file(akn)) for text, akn in pairs()}
    text, akn = next(v for k, v in by_name.items() if "A_RES_77_73_" in k)
    recalling = text.preamble[4]
    assert "C-24/DEC.4 and C-24/DEC.5" in recalling.text and recalling.footnote_refs == []  # symbols, not markers
    condemns = next(p for p in text.operative if p.num == "3")
    assert condemns.footnote_refs == ["3", "4", "5", "6", "7"]  # "of 24 August 2016 3 and 21 October 2016,4"
    recalls = next(p for p in akn.operative if p.num == "5")
    assert recalls.footnote_refs == ["13"] and recalls.subparagraphs[-1].text.endswith("decision EC-94/DEC.2;")
    assert [p.num for p in akn.operative if p.num is None] == []  # "and stresses …" ends point (c)
    text, _ = next(v for k, v in by_name.items() if "A_RES_77_98_" in k)
    considered = text.preamble[19]
    assert "resolution 59/300 and" in considered.text and considered.footnote_refs == ["9", "10", "11", "12"]


def test_the_whole_lists_of_cited_resolutions_and_the_notes_without_running_titles() -> None:
    """A/RES/77/63: the list "54/54 B …, 55/33 V …, 56/24 M …, 57/74 … and 76/26" is read to its
    end (it stopped at the V: part letters were A to K), every number the AKN file links is cited
    by the text too, and the last note of page 2 ends where the AKN's does, without the running
    title page 3 prints above its symbol."""
    text, akn = next((parse_file(t), parse_file(a)) for t, a in pairs() if "A_RES_77_63_" in t.name)
    cited = {c.number.split()[0] for c in text.citations if c.type == "resolution" and c.number}
    linked = {c.number.split()[0] for c in akn.citations if c.type == "resolution" and c.number}
    assert len(linked) >= 23 and linked <= cited
    assert [f.text for f in text.footnotes] == [f.text for f in akn.footnotes] == ["United Nations, Treaty Series, vol. 2056, No. 35597."]
