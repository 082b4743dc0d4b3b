"""The body of a document as a flat run of printable blocks, footnotes numbered through it.

Every layout prints the same run: preambular paragraphs ending with commas, numbered
operative paragraphs ending with semicolons and a final full stop, lettered points, and
footnotes numbered in order of their markers through the whole document. Renderers only
choose how a block, a marker and a footnote look on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lod.synth.compose import Paragraph, SynthDocument
from lod.synth.harvest import FN

MARK_OPEN, MARK_CLOSE = "\ue002", "\ue003"
"""Footnote marker k is carried as MARK_OPEN k MARK_CLOSE until a renderer prints it."""

_MARKER = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass
class Block:
    """One printable paragraph: `label` is "1." or "(a)" (None for preambular), `phrase` the
    leading phrase to italicize (None for points), `text` the rest with numbered markers."""

    kind: str
    label: str | None
    phrase: str | None
    text: str


def body_blocks(doc: SynthDocument, sc_points: bool = False) -> tuple[list[Block], dict[int, str]]:
    """Blocks of the preamble and operative part and the footnotes by number."""
    notes: dict[int, str] = {}
    blocks: list[Block] = []
    for p in doc.preamble:
        blocks.append(Block("preamble", None, p.phrase, _finish(_number_markers(p, notes), ",")))
    last = len(doc.operative) - 1
    for n, p in enumerate(doc.operative):
        end = "." if n == last else ";"
        text = _number_markers(p, notes)
        if p.points:
            blocks.append(Block("operative", f"{p.num}.", p.phrase, _finish(text, ":")))
            for k, point in enumerate(p.points):
                label = f"{_LETTERS[k % 26]}." if sc_points else f"({_LETTERS[k % 26]})"
                point_end = end if k == len(p.points) - 1 else ";"
                blocks.append(Block("point", label, None, _finish(point, point_end)))
        else:
            blocks.append(Block("operative", f"{p.num}.", p.phrase, _finish(text, end)))
    return blocks, notes


def _number_markers(p: Paragraph, notes: dict[int, str]) -> str:
    parts = p.rest.split(FN)
    out = [parts[0]]
    for note, part in zip(p.footnotes, parts[1:]):
        number = len(notes) + 1
        notes[number] = note
        out.append(f"{MARK_OPEN}{number}{MARK_CLOSE}{part}")
    return "".join(out)


def _finish(text: str, punct: str) -> str:
    """Terminal punctuation goes before a closing footnote marker ("Agenda;29")."""
    m = re.search(f"((?:{MARK_OPEN}\\d+{MARK_CLOSE})+)$", text)
    if m:
        return text[: m.start()] + punct + m.group(1)
    return text + punct


def joined(phrase: str | None, text: str) -> str:
    """Leading phrase and rest as one line of prose ("Decides, without …", "Notes that …")."""
    if not phrase:
        return text
    if not text or text[0] in ",;:.":
        return phrase + text
    return f"{phrase} {text}"


def markers(text: str) -> list[int]:
    return [int(m) for m in _MARKER.findall(text)]


def print_markers(text: str, style: str) -> str:
    """Print every marker: "glued" digits (PDF text), "sup" HTML, "unicode" superscripts."""
    if style == "glued":
        return _MARKER.sub(lambda m: m.group(1), text)
    if style == "sup":
        return _MARKER.sub(lambda m: f"<sup>{m.group(1)}</sup>", text)
    return _MARKER.sub(lambda m: m.group(1).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")), text)


def sponsor_line(doc: SynthDocument) -> str:
    """"Albania, Austria and Zimbabwe: draft resolution" (or the presiding officer's line)."""
    kind = "revised draft resolution" if doc.slot.revision else "draft resolution"
    if not doc.sponsors:
        return doc.submitted_by or "Draft resolution"
    names = [s.un_name for s in doc.sponsors]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    return f"{listed}: {kind}"
