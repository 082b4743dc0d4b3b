"""The outline of a work: where each portion stands, agreed by all its language expressions.

The six language files of a resolution are expressions of one work, and their portions share
IRIs (`{work}/!main#para_3`): the paragraph structure, its eIds and their order belong to the
work; only the words and the printed labels ("(a)", "(أ)", "а)") belong to an expression. The
UN's files do not always mark the structure up alike: the Arabic file of E/RES/2022/1 puts the
last preambular paragraph in the main body, the Chinese A/RES/78/3 prints a heading as a
paragraph between paragraphs 29 and 30. Mapped one file at a time, each expression would give
a shared portion its own `unres:position` and the published dataset would state two orders for
one element. So the order is decided once per work (`WorkRegistry.outline_positions`): a portion
takes the position the first expression that has it gives it, expressions taken in the order of
`REFERENCE_LANGUAGES` (English first: most files are marked up from it); a portion only some
expressions have keeps the position they give it.

    positions(res)     eId → position of every portion of one document, as lod.rdf.mapping
                       places it (tests/test_dataset_conforms.py holds the two together)
    skeleton(res)      the document's structure without its words (the registry view keeps it)
"""

from __future__ import annotations

import re
import zlib
from dataclasses import replace

from lod.languages import CODES
from lod.model import Annex, Footnote, OperativeParagraph, PreambularParagraph, Resolution, SubParagraph, Table

REFERENCE_LANGUAGES = CODES
"""Whose order a work's portions follow when its expressions disagree, first to last."""


def positions(res: Resolution) -> dict[str, int]:
    """Every portion's 1-based order among its parent's parts, by eId (what the mapping writes
    as `unres:position`)."""
    out: dict[str, int] = {}
    if res.preamble:
        out["preamble"] = 1
        for n, para in enumerate(res.preamble, 1):
            out[para.eid or f"preamble__para_{n}"] = n
            _points(out, para.eid or f"preamble__para_{n}", para.subparagraphs)
    if res.operative:
        out["body"] = 2
        _paragraphs(out, res.operative, "")
    for k, annex in enumerate(res.annexes, 1):
        eid = annex.eid or f"annex_{k}"
        out[eid] = 2 + k
        _paragraphs(out, annex.paragraphs, f"{eid}__")
    placed: dict[str, int] = {}
    for n, table in enumerate(res.tables, 1):
        annex = next((a for k, a in enumerate(res.annexes, 1) if (a.eid or f"annex_{k}") == table.location), None)
        before = len(annex.paragraphs) if annex is not None else 2 + len(res.annexes)
        placed[table.location] = placed.get(table.location, before) + 1
        eid = table.eid or f"table_{n}"
        out[eid] = placed[table.location]
        first = 2 if table.header else 1
        if table.header:
            out[f"{eid}__header"] = 1
        for r in range(1, len(table.rows) + 1):
            out[f"{eid}__row_{r}"] = r + first - 1
    for n, note in enumerate(res.footnotes, 1):
        out[note.eid or f"fn_{note.marker}"] = n
    return out


def _paragraphs(out: dict[str, int], paras: list[OperativeParagraph], prefix: str) -> None:
    for n, para in enumerate(paras, 1):
        eid = para.eid or f"{prefix}para_{para.num or f'u{n}'}"
        out[eid] = n
        _points(out, eid, para.subparagraphs)


def _points(out: dict[str, int], parent: str, points: list[SubParagraph]) -> None:
    if not points:
        return
    out[f"{parent}__list_1"] = 1
    for n, point in enumerate(points, 1):
        eid = point.eid or f"{parent}__list_1__point_{re.sub(r'[^A-Za-z0-9]+', '', point.num) or n}"
        out[eid] = n
        _points(out, eid, point.subparagraphs)


def packed(res: Resolution) -> bytes:
    """`positions(res)` compressed, as the registry keeps it for every document (a few hundred
    bytes, where the dict would cost kilobytes in each of a large corpus's documents)."""
    text = "\n".join(f"{eid}\t{n}" for eid, n in positions(res).items())
    return zlib.compress(text.encode(), 6)


def unpacked(data: bytes) -> dict[str, int]:
    text = zlib.decompress(data).decode()
    return {eid: int(n) for eid, _, n in (line.partition("\t") for line in text.split("\n") if line)}


def skeleton(res: Resolution) -> Resolution:
    """The document with its structure (eIds, numbers, counts) but none of its words."""

    def points(items: list[SubParagraph]) -> list[SubParagraph]:
        return [SubParagraph(p.num, "", points(p.subparagraphs), p.eid) for p in items]

    def paragraphs(items: list[OperativeParagraph]) -> list[OperativeParagraph]:
        return [OperativeParagraph(p.num, "", subparagraphs=points(p.subparagraphs), eid=p.eid) for p in items]

    return replace(
        res,
        preamble=[PreambularParagraph("", eid=p.eid, subparagraphs=points(p.subparagraphs)) for p in res.preamble],
        operative=paragraphs(res.operative),
        annexes=[Annex(None, a.num, paragraphs(a.paragraphs), a.eid) for a in res.annexes],
        tables=[Table(header=[""] if t.header else [], rows=[[] for _ in t.rows], eid=t.eid, location=t.location)
                for t in res.tables],
        footnotes=[Footnote(f.marker, "", f.eid) for f in res.footnotes],
    )
