"""A preambular paragraph's list as the UN marks it up (A/RES/77/177's "Affirming also that the
Doha Programme of Action is grounded in six focus areas:" and its points (a) to (f)):

    container name="Affirming also"
      blockList
        listIntroduction   the words before the first point
        item               num "(a)", its words in `p`s; its own points in a `blockList` inside it

`read_listed` gives the paragraph's words (the introduction and each point, label and words, as
the page prints them), its introduction and its points with their eIds; each point's links are
kept under its own eId, as an operative point's are. A container holding anything else beside
its list (words after it, a paragraph before it) is read as one text, as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from lod.model import SubParagraph
from lod.parse.akn.inline import Inline, InlineReader, Link, child, children, local, squash
from lod.parse.akn.numbers import point_num, point_token

_LIST_PARTS = frozenset({"listIntroduction", "item"})
_ITEM_PARTS = frozenset({"num", "p", "blockList"})


@dataclass
class Listed:
    """A preambular paragraph with points: `whole` its words (all its footnote markers, the
    introduction's links), `intro` the words before the first point, `points` the points."""

    whole: Inline
    intro: str
    points: list[SubParagraph]


def read_listed(inline: InlineReader, container: etree._Element, eid: str, links: dict[str, list[Link]]) -> Listed | None:
    """The paragraph's list, when the container holds only a list of that shape; else None.
    `links` receives each point's links under the point's eId."""
    parts = [c for c in container if local(c)]
    lst = parts[0] if len(parts) == 1 and local(parts[0]) == "blockList" else None
    if lst is None or not _readable(lst):
        return None
    head = inline.read(child(lst, "listIntroduction"))
    markers, texts = list(head.markers), [head.text] if head.text else []
    points = _items(inline, lst, f"{eid}__list_1", markers, texts, links)
    return Listed(Inline(squash(" ".join(texts)), markers, head.links), head.text, points)


def _readable(lst: etree._Element) -> bool:
    """A list of items (after an introduction) whose items hold a number, words and lists only."""
    items = children(lst, "item")
    return bool(items) and all(local(c) in _LIST_PARTS for c in lst if local(c)) and all(
        local(c) in _ITEM_PARTS and (local(c) != "blockList" or _readable(c)) for item in items for c in item if local(c))


def _items(inline: InlineReader, lst: etree._Element, lid: str, markers: list[str], texts: list[str],
           links: dict[str, list[Link]]) -> list[SubParagraph]:
    out: list[SubParagraph] = []
    used: set[str] = set()
    for k, item in enumerate(children(lst, "item"), 1):
        label = inline.read(child(item, "num")).text
        if not label and out:  # words after the list marked as an item of it: they end the last point
            _last(out).text = squash(f"{_last(out).text} {_words(inline, item, markers, texts, links, _last(out).eid)}")
            continue
        num = point_num(label) if label else str(k)
        pid = f"{lid}__point_{point_token(num, k)}"
        while pid in used:  # a label printed twice in one list
            pid = f"{pid}_{k}"
        used.add(pid)
        text = _words(inline, item, markers, texts, links, pid, label)
        inner = child(item, "blockList")
        subs = _items(inline, inner, f"{pid}__list_1", markers, texts, links) if inner is not None else []
        out.append(SubParagraph(num, text, subs, pid))
    return out


def _last(points: list[SubParagraph]) -> SubParagraph:
    point = points[-1]
    while point.subparagraphs:
        point = point.subparagraphs[-1]
    return point


def _words(inline: InlineReader, item: etree._Element, markers: list[str], texts: list[str],
           links: dict[str, list[Link]], pid: str, label: str = "") -> str:
    """The words of an item's `p`s; its markers, its text as the paragraph prints it (after its
    label) and its links (under `pid`) kept."""
    words = [inline.read(p) for p in children(item, "p")]
    text = squash(" ".join(w.text for w in words))
    links.setdefault(pid, []).extend(link for w in words for link in w.links)
    markers += [m for w in words for m in w.markers]
    texts.append(f"{label} {text}".strip())
    return text
