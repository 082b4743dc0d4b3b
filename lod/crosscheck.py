"""The text converter against the AKN reader on the same resolutions, measure by measure.

    python -m lod.crosscheck TEXT_FOLDER AKN_FOLDER

../shared holds eight session-77 resolutions twice: the UN's AKN4UN XML and the raw text of the
PDF (`undocsdl_A_RES_77_*_extracted.txt`). Each paragraph is compared: the preambular paragraph
at the same position, the operative paragraph with the same number, an annex's paragraph at the
same position; they agree when both exist
and their leading phrase, number of points and footnote markers are the same. The test
(tests/test_akn_text_agreement.py) and `make corpus-check` (docs/quality.md) read the same
figure from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lod.model import OperativeParagraph, PreambularParagraph, Resolution, SubParagraph

TARGET = 0.98
"""Share of paragraphs that must agree on every measure (issue 10)."""


_TEXT_NAME = re.compile(r"undocsdl_A_RES_(\d+)_(\d+)_extracted\.txt$")
"""The UN's text extract of a General Assembly resolution as wannli/un-docs-downloader names it."""


def pairs(text_folder: Path, akn_folder: Path) -> list[tuple[Path, Path]]:
    """(text file, AKN file) of each resolution the text folder holds (any session: the AKN
    files are named "A_RES_{session}_{number}-{job}E.xml" or "…_{number}_E.xml")."""
    out = []
    for text in sorted(text_folder.glob("undocsdl_A_RES_*_extracted.txt")):
        m = _TEXT_NAME.search(text.name)
        if m is None:
            continue
        stem = f"A_RES_{m.group(1)}_{m.group(2)}"
        akn = sorted(akn_folder.glob(f"{stem}-*.xml")) + sorted(akn_folder.glob(f"{stem}_*.xml"))
        if not akn:
            raise FileNotFoundError(f"no AKN file for {text.name} in {akn_folder}")
        out.append((text, akn[0]))
    return out


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

    def summary(self) -> str:
        return f"{self.agreeing}/{self.paragraphs} = {self.share:.3f}" + "".join(
            f"; {k}: {len(v)} (e.g. {v[0]})" for k, v in sorted(self.misses.items()))


def _count(points: list[SubParagraph]) -> int:
    return sum(1 + _count(p.subparagraphs) for p in points)


def _verb(verb: str | None) -> str:
    return " ".join((verb or "").replace("*", "").split()).rstrip(",").casefold()


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
    if len(text.annexes) != len(akn.annexes):
        found.miss("annex count", f"{name}: {len(text.annexes)} vs {len(akn.annexes)}")
    for k, (t_annex, a_annex) in enumerate(zip(text.annexes, akn.annexes), 1):
        # an annex's paragraphs by position: a declaration numbers them, a programme of action
        # may not, and its headings are no paragraphs on either side
        for j in range(max(len(t_annex.paragraphs), len(a_annex.paragraphs))):
            t = t_annex.paragraphs[j] if j < len(t_annex.paragraphs) else None
            a = a_annex.paragraphs[j] if j < len(a_annex.paragraphs) else None
            _paragraph(t, a, f"{name} annex {k} paragraph {(a or t).num or j + 1}", found)  # type: ignore[union-attr]


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


def measure(text_folder: Path, akn_folder: Path) -> Agreement:
    from lod.parse import parse_file

    found = Agreement()
    for text, akn in pairs(text_folder, akn_folder):
        compare(parse_file(text), parse_file(akn), found)
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the agreement of a folder of text extracts with their AKN files, and each miss."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m lod.crosscheck", description=main.__doc__)
    parser.add_argument("text_folder", type=Path)
    parser.add_argument("akn_folder", type=Path)
    args = parser.parse_args(argv)
    found = measure(args.text_folder, args.akn_folder)
    print(f"{len(pairs(args.text_folder, args.akn_folder))} resolutions: {found.summary()}")
    for kind, where in sorted(found.misses.items()):
        print(f"  {kind}:", *where, sep="\n    ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
