"""How a paragraph's printed text becomes AKN inline markup: where each citation's words stand
(`<ref>`, nested where one citation's words hold another's), where a verb that does not open its
paragraph stands, the text around them as text and tails, and each point's label as the
paragraph prints it. lod.akn.writer calls these for every paragraph; kept apart so that the
writer stays a walk over the model."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from lod.akn.elements import element
from lod.model import SubParagraph


def place(text: str, label: str, spans: list[tuple[int, int, str]], cursor: int, start: int) -> int:
    """Where a citation's words are printed: the first occurrence from `cursor` (else from the
    start) that nests with or stays clear of the citations already placed (one citation's words
    can hold another's: "resolution 2200 A (XXI)" and the linked "2200 A (XXI)")."""
    for begin in (cursor, start):
        at = text.find(label, begin)
        while at >= 0:
            end = at + len(label)
            if all(end <= a or at >= b or (a <= at and end <= b) or (at <= a and b <= end) for a, b, _ in spans):
                return at
            at = text.find(label, at + 1)
    return -1


def printed_labels(text: str, start: int, points: Sequence[SubParagraph]) -> dict[int, str]:
    """Each point's label as the paragraph's text prints it before the point's words ("Item 1.",
    "a.", "а)"), by the point's id, where it names the point's number; the others print "(a)"."""
    labels: dict[int, str] = {}
    cursor = start

    def walk(run: Sequence[SubParagraph]) -> None:
        nonlocal cursor
        for point in run:
            at = text.find(point.text, cursor) if point.text else -1
            if at < 0:
                return
            label = text[cursor:at].strip()
            if 0 < len(label) <= 20 and point.num and point.num in label.replace(" ", ""):  # "(ب ب)" is (bb)
                labels[id(point)] = label
            cursor = at + len(point.text)
            walk(point.subparagraphs)

    walk(points)
    return labels


def verb_inside(text: str, verb: str) -> tuple[int, int] | None:
    """Where a verb that does not open its paragraph is printed: its first occurrence as words,
    not in an "as" clause ("…, as decided in …") — where lod.parse.decisions finds it."""
    m = re.search(rf"(?<!\bas )\b{re.escape(verb)}\b", text)
    return (m.start(), m.end()) if m else None


def fill(parent: etree._Element, text: str, lo: int, hi: int, spans: list[tuple[int, int, str]]) -> None:
    """text[lo:hi] into `parent`, each span a `<ref>`, spans inside a span nested in its ref."""
    last: etree._Element | None = parent[-1] if len(parent) else None
    pos, k = lo, 0
    while k < len(spans):
        begin, end, href = spans[k]
        inner = [s for s in spans[k + 1:] if s[0] >= begin and s[1] <= end]
        append_text(parent, last, text[pos:begin])
        last = element(parent, "citation", href=href)
        fill(last, text, begin, end, inner)
        pos, k = end, k + 1 + len(inner)
    append_text(parent, last, text[pos:hi])


def append_text(p: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        p.text = (p.text or "") + text
    else:
        last.tail = (last.tail or "") + text

