"""The AKN reader and the text converter agree on the same resolution.

../shared holds eight session-77 resolutions twice: the UN's AKN4UN XML and the raw text of the
PDF (undocsdl_A_RES_77_*_extracted.txt). Each paragraph is compared measure by measure: the
preamble paragraph at the same position, the operative paragraph with the same number; they
agree when their leading phrase, number of points and footnote markers are the same (and the
paragraph exists in both). The target is 0.98 of paragraphs agreeing; the text converter is
being improved in parallel, so the test states the figure measured today and fails if either
side gets worse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from corpora import ABSENT, REAL
from lod.model import OperativeParagraph, PreambularParagraph, Resolution, SubParagraph
from lod.parse import parse_file

TEXT = REAL / "ga-text"
pytestmark = pytest.mark.skipif(not TEXT.is_dir(), reason=ABSENT)
AKN = REAL / "ga-akn" / "GAresolutions-main" / "77session" / "English"
TARGET = 0.98


def pairs() -> list[tuple[Path, Path]]:
    if not TEXT.is_dir():
        raise FileNotFoundError(TEXT)
    out = []
    for text in sorted(TEXT.glob("undocsdl_A_RES_77_*_extracted.txt")):
        number = re.search(r"A_RES_77_(\d+)_", text.name).group(1)  # type: ignore[union-attr]
        akn = sorted(AKN.glob(f"A_RES_77_{number}-*.xml")) + sorted(AKN.glob(f"A_RES_77_{number}_*.xml"))
        assert akn, f"no AKN file for {text.name}"
        out.append((text, akn[0]))
    return out


def _count(points: list[SubParagraph]) -> int:
    return sum(1 + _count(p.subparagraphs) for p in points)


def _verb(verb: str | None) -> str:
    return " ".join((verb or "").replace("*", "").split()).rstrip(",").casefold()


@dataclass
class Agreement:
    """Paragraphs compared, and the disagreements by measure ("verb", "points", ...)."""

    paragraphs: int = 0
    agreeing: int = 0
    misses: dict[str, list[str]] = field(default_factory=dict)

    def miss(self, measure: str, where: str) -> None:
        self.misses.setdefault(measure, []).append(where)

    @property
    def share(self) -> float:
        return self.agreeing / self.paragraphs if self.paragraphs else 0.0


def compare(text: Resolution, akn: Resolution, found: Agreement) -> None:
    name = akn.symbol or akn.source
    if len(text.preamble) != len(akn.preamble):
        found.miss("preamble count", f"{name}: {len(text.preamble)} vs {len(akn.preamble)}")
    for k in range(max(len(text.preamble), len(akn.preamble))):
        a = akn.preamble[k] if k < len(akn.preamble) else None
        t = text.preamble[k] if k < len(text.preamble) else None
        _paragraph(t, a, f"{name} preamble {k + 1}", found)
    by_num_t = {p.num: p for p in text.operative if p.num}
    by_num_a = {p.num: p for p in akn.operative if p.num}
    if list(by_num_t) != list(by_num_a):
        found.miss("operative numbers", f"{name}: {list(by_num_t)[-3:]} vs {list(by_num_a)[-3:]}")
    for num in dict.fromkeys([*by_num_a, *by_num_t]):
        _paragraph(by_num_t.get(num), by_num_a.get(num), f"{name} para {num}", found)
    if len(text.footnotes) != len(akn.footnotes):
        found.miss("footnote count", f"{name}: {len(text.footnotes)} vs {len(akn.footnotes)}")


def _paragraph(t: PreambularParagraph | OperativeParagraph | None, a: PreambularParagraph | OperativeParagraph | None,
               where: str, found: Agreement) -> None:
    found.paragraphs += 1
    if t is None or a is None:
        found.miss("paragraph missing", f"{where}: {'text' if t is None else 'AKN'} lacks it")
        return
    ok = True
    if _verb(t.verb) != _verb(a.verb):
        found.miss("verb", f"{where}: {t.verb!r} vs {a.verb!r}")
        ok = False
    points_t = _count(t.subparagraphs) if isinstance(t, OperativeParagraph) else 0
    points_a = _count(a.subparagraphs) if isinstance(a, OperativeParagraph) else 0
    if points_t != points_a:
        found.miss("sub-paragraphs", f"{where}: {points_t} vs {points_a}")
        ok = False
    if t.footnote_refs != a.footnote_refs:
        found.miss("footnote markers", f"{where}: {t.footnote_refs} vs {a.footnote_refs}")
        ok = False
    found.agreeing += ok


def measure() -> Agreement:
    found = Agreement()
    for text, akn in pairs():
        compare(parse_file(text), parse_file(akn), found)
    return found


MEASURED = 0.99
"""The share measured on 2 December 2026: 204 of 204 paragraphs (was 182, then 199 with the
five misses footnote markers: symbol numbers "C-24/DEC.4" read as markers, a marker set apart
after a year, "2016 3", or glued to a resolution number, "59/3009", and the AKN's words after a
list marked as a paragraph of their own). A drop below this fails."""


def test_akn_and_text_models_of_the_same_resolutions_agree() -> None:
    found = measure()
    assert len(pairs()) == 8 and found.paragraphs > 150
    summary = f"{found.agreeing}/{found.paragraphs} = {found.share:.3f}; " + "; ".join(
        f"{k}: {len(v)} (e.g. {v[0]})" for k, v in sorted(found.misses.items()))
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
