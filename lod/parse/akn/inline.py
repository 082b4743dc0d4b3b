"""Running text out of AKN inline markup: what a reader sees, and what the markup adds to it.

A `<p>` of an AKN4UN file mixes the words of the paragraph with footnotes (`authorialNote`,
whose text belongs at the foot of the page, not in the sentence), links (`<a href>` to
undocs.org, `<ref>`), line breaks (`<eol>`), images and tables. `InlineReader.read(element)`
gives the sentence as printed, the footnote markers it carries and the links it holds; the
footnotes themselves are collected once, in document order, by the same reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from lod.model import Footnote
from lod.uri import note_eid

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

_BLOCKS = frozenset({"p", "item", "listIntroduction", "intro", "content", "container", "paragraph", "num",
                     "heading", "subheading", "crossHeading", "blockList", "embeddedStructure", "tr", "li"})
"""Elements that start a new line when printed: their text is separated from its neighbours."""
_SILENT = frozenset({"img", "docketNumber"})
"""Elements that print no words."""


def local(el: etree._Element) -> str:
    """The element's name without its namespace ("" for comments and processing instructions).
    Read from the tag string ("{ns}name"): the reader asks it some 900 times per document, and
    building an `etree.QName` each time was a tenth of the reading."""
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def children(el: etree._Element | None, *names: str) -> list[etree._Element]:
    """Direct child elements with one of `names` (any namespace: AKN and akn4un mix)."""
    return [c for c in el if local(c) in names] if el is not None else []


def child(el: etree._Element | None, name: str) -> etree._Element | None:
    if el is None:
        return None
    for c in el:
        if local(c) == name:
            return c
    return None


def descendants(el: etree._Element, name: str) -> Iterator[etree._Element]:
    return el.iter(f"{{{AKN_NS}}}{name}", f"{{*}}{name}")


_SPACE_BEFORE_CLOSING = re.compile(r" ([,;:.)\]])")


_INVISIBLE = "\u200b\u200e\u200f\u2060\ufeff "
"""Zero-width space, direction marks, word joiner, byte-order mark (and the space they leave)."""


def squash(text: str) -> str:
    """One space between words, none at the ends, no space before closing punctuation a
    removed footnote marker left behind ("Organization ,"). Called some 300 times per document:
    the pattern is compiled once, and text without a space in it is returned as it is. Invisible
    marks at the ends (a left-to-right mark before "Reaffirms", A/RES/77/260) are no words. A
    non-breaking hyphen ("non\u2011nuclear-weapon States") is a hyphen, as the text readers read
    it (lod.parse.furniture.normalise): a search for "non-nuclear" finds it either way."""
    text = " ".join(text.split()).strip(_INVISIBLE)
    if "\u2011" in text:
        text = text.replace("\u2011", "-")
    if " " not in text:
        return text
    return _SPACE_BEFORE_CLOSING.sub(r"\1", text).replace("( ", "(")


@dataclass
class Link:
    """An `<a href>` or `<ref href>` in running text: the words linked and the target."""

    text: str
    href: str


@dataclass
class Inline:
    """What one element prints: its text, the footnote markers in it, its links."""

    text: str
    markers: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


class InlineReader:
    """Reads running text; keeps every footnote it meets, in order, for the whole document."""

    def __init__(self) -> None:
        self.footnotes: list[Footnote] = []
        self.note_links: dict[str, list[Link]] = {}
        self._eids: set[str] = set()

    def read(self, el: etree._Element | None) -> Inline:
        if el is None:
            return Inline("")
        parts: list[str] = []
        found = Inline("")
        self._walk(el, parts, found)
        found.text = squash("".join(parts))
        return found

    def _walk(self, el: etree._Element, parts: list[str], found: Inline) -> None:
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        joined: tuple[int, int, Link, str] | None = None  # the link just read among these children: start, end, it, its href
        for c in el:
            name = local(c)
            href = c.get("href") if name in ("a", "ref") else None
            if not href:
                joined = None
            if name == "authorialNote":
                marker = self._note(c)
                if "unanchored" not in (c.get("class") or "").split():  # lod.akn: a note no marker points to
                    found.markers.append(marker)
            elif name == "noteRef" and c.get("marker"):  # a second reference to a note printed once
                found.markers.append(c.get("marker", "").strip())
            elif name == "eol":
                parts.append(" ")
            elif name == "table":
                parts.append(f" {table_text(c)} ")
            elif name in _SILENT or not name:
                pass
            else:
                block = name in _BLOCKS
                if block:
                    parts.append(" ")
                start = len(parts)
                self._walk(c, parts, found)
                if href:
                    if joined is not None and joined[1] == start and found.links[-1] is joined[2] and joined[3] == href:
                        start = joined[0]  # "4", "5", "/3" linked one by one to one target: one link, "45/3"
                        found.links.pop()  # (A/RES/76/158 in Spanish; "4", "4/16" in held-out 75/160 in Chinese)
                    before = "".join(parts[max(0, start - 3):start])
                    found.links.append(Link(squash("".join(parts[start:])), with_session_prefix(href, before)))
                    joined = (start, len(parts), found.links[-1], href)
                if block:
                    parts.append(" ")
            if c.tail:
                parts.append(c.tail)

    def _note(self, note: etree._Element) -> str:
        """A footnote: recorded once with its text; its marker is what stays in the sentence."""
        marker = (note.get("marker") or "").strip() or str(len(self.footnotes) + 1)
        body = Inline("")
        parts: list[str] = []
        self._walk(note, parts, body)
        eid = note_eid(marker)
        if eid in self._eids:  # markers restart in an annex or a part of a collection
            eid = f"{eid}__{len(self.footnotes) + 1}"
        self._eids.add(eid)
        # the Arabic files print "()" where the note's number goes ("()	قرار الجمعية العامة 71/256")
        self.footnotes.append(Footnote(marker, _EMPTY_MARK.sub("", squash("".join(parts))), eid))
        self.note_links[eid] = body.links
        return marker


_EMPTY_MARK = re.compile(r"^\(\s*\)\s*")
_SPECIAL_SESSION_BEFORE = re.compile(r"(?:(?<!\w)(ES|S)|(دإط|دإ))\s?[-‑]\s?$")
_ARABIC_SPECIAL_SESSION = {"دإ": "S", "دإط": "ES"}
"""A special session ("S-", Arabic "دإ-") or an emergency special session ("ES-", "دإط-") as a
text prints it before a number."""


def with_session_prefix(href: str, before: str) -> str:
    """The link's target with the special session the words before it print: the Arabic files link
    only the digits of "دإ-23/2" and "دإط-10/13", to undocs.org/ar/A/RES/23/2 and …/A/RES/10/13 (a
    regular session's resolutions), where the English files link A/RES/S-23/2 and A/RES/ES-10/13."""
    found = _SPECIAL_SESSION_BEFORE.search(before[-12:])
    if found is None:
        return href
    prefix = found.group(1) or _ARABIC_SPECIAL_SESSION[found.group(2)]
    return re.sub(r"(/RES/)(\d{1,2}/\d)", rf"\g<1>{prefix}-\g<2>", href, count=1)


def table_text(table: etree._Element) -> str:
    """A table as one line per row, cells separated by " | ", rows by " / ": the words stay
    searchable and in reading order; the grid itself is not part of the model."""
    rows = []
    reader = InlineReader()
    for tr in descendants(table, "tr"):
        cells = [reader.read(cell).text for cell in tr if local(cell) in ("td", "th")]
        if any(cells):
            rows.append(" | ".join(cells))
    return " / ".join(rows)


def bold_only(content: etree._Element) -> bool:
    """Whether every word of the element is in a bold span: a heading the UN marked up as a paragraph."""
    words = squash("".join(content.itertext()))
    bold = squash(" ".join("".join(s.itertext()) for s in content.iter() if local(s) == "span" and "bold" in (s.get("class") or "").split()))
    return bool(words) and words == bold


def marked_heading(content: etree._Element | None) -> bool:
    """Content whose words are all a <subheading> or <heading>: a heading, however long ("<subheading>
    Implementation of the 1995 Agreement … Highly Migratory Fish Stocks</subheading>", A/RES/77/118)."""
    if content is None:
        return False
    marked = [el for el in content.iter() if local(el) in ("heading", "subheading")]
    return bool(marked) and squash("".join(content.itertext())) == squash(" ".join("".join(m.itertext()) for m in marked))


def main_body(doc: etree._Element) -> etree._Element | None:
    """A document's body: `<mainBody>` (AKN4UN's statements and docs), `<body>` (AKN's acts and bills,
    as other tools write resolutions)."""
    found = child(doc, "mainBody")
    return found if found is not None else child(doc, "body")
