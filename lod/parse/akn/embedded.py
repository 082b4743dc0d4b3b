"""Texts a resolution adopts or recommends, marked up inside it: kept as annexes.

An ECOSOC resolution that "Recommends to the General Assembly the adoption of the following draft
resolution:" holds the whole draft, its formula, preambular containers and numbered paragraphs,
either as a component statement of its own or as an `<embeddedStructure>` inside the paragraph's
words. Read as the paragraph's words, a draft of forty paragraphs became one paragraph of 30,000
characters; the text converters keep such a text as an annex (lod.parse.structure), and so does
this reader: the introducing paragraph ends at its colon, and the annex holds the draft's formula
and preambular paragraphs (unnumbered, with their leading phrase), then its paragraphs.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from lod.parse.akn.inline import child, local
from lod.parse.akn.pending import PendingAnnex, PendingParagraph


_INTRODUCED = re.compile(
    r"(?:\bfollowing (?P<en>(?:revised )?draft (?:resolution|decision)s?|declaration|text)"
    r"|\b(?P<fr>projets? de (?:résolution|décision)|déclaration|texte) suivante?s?"
    r"|\bsiguientes? (?P<es>proyectos? de (?:resolución|decisión)|declaración|texto)"
    r"|следующ\w* (?P<ru>проект\w* (?:резолюци|решени)\w*|деклараци\w*|текст)"
    r"|(?P<ar>مشروع (?:القرار|المقرر)|الإعلان|النص) التالي"
    r"|以下(?P<zh>决议草案|决定草案|宣言|案文))\s*[:：]\s*$")
"""How a paragraph ends that introduces the text it adopts or recommends, in the six languages
("… the following draft resolution:", "… d’adopter le projet de résolution suivant :", "… 以下决议草案："):
what it calls the text is the annex's title."""


def introduced_title(intro: str) -> str | None:
    """What a paragraph ending as `_INTRODUCED` says calls the text after it, or None."""
    found = _INTRODUCED.search(intro)
    return next((name for name in found.groups() if name), None) if found else None


def detach(el: etree._Element) -> None:
    """Take `el` out of its parent, keeping the words printed after it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        before = el.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


class EmbeddedReading:
    """The part of the body reader (lod.parse.akn.body.BodyReader) that reads embedded texts."""

    _annexes: list[PendingAnnex]
    _target: list[PendingParagraph]
    _operative: list[PendingParagraph]
    _section: str | None
    inline: Any
    body: Any

    def embedded(self, statement: etree._Element, title: str | None) -> None:
        """A component statement ("… the following draft resolution:" marked up as a statement of
        its own): its preamble, then its main body."""
        preamble = child(statement, "preamble")
        self._open(title, list(preamble) if preamble is not None else [])
        main = child(statement, "mainBody")
        if main is not None:
            self._items(main)  # type: ignore[attr-defined]
        self._target = self._operative

    def embedded_structure(self, structure: etree._Element) -> None:
        """An `<embeddedStructure>` in a paragraph's words: containers up to the first paragraph are
        the text's formula and preamble, the rest its body. Its title is what the paragraph calls
        it ("… the following draft resolution:"), as a component statement's name is."""
        introducing = introduced_title(self._target[-1].intro) if self._target else None
        elements = list(structure)
        first = next((k for k, el in enumerate(elements) if local(el) not in ("container", "p", "blockList")), len(elements))
        self._open(introducing, elements[:first])
        for el in elements[first:]:
            self._items([el])  # type: ignore[attr-defined]
        self._target = self._operative

    def opens_introduced_text(self, title: str) -> bool:
        """A heading right after an operative paragraph that ends "… the following declaration:"
        titles the text it adopts, marked up in the body with no structure of its own (A/RES/75/1:
        the heading "Declaration on the commemoration …", then the declaration's numbered
        paragraphs to the end of the body): an annex, as the text converters read the printed page
        and as this reader reads an embedded one."""
        last = self._target[-1] if self._target is self._operative and self._target else None
        if last is None or introduced_title(last.intro) is None:
            return False
        self._open(title, [])
        self.body.text_annex = f"annex_{len(self._annexes)}"  # whose last paragraph may be the body's last line
        return True

    def _open(self, title: str | None, preamble: list[etree._Element]) -> None:
        self._annexes.append(PendingAnnex(title=title))
        self._target = self._annexes[-1].paras
        self._section = None
        for el in preamble:
            if local(el) in ("container", "paragraph", "blockList", "p"):
                read = self.inline.read(el)
                if read.text:
                    formula = el.get("name") == "formula"  # "The General Assembly,": no leading phrase
                    verb = None if formula else self._leading(el, read.text, el.get("name"), operative=False)  # type: ignore[attr-defined]
                    self._target.append(PendingParagraph(None, read.text, verb, None, read.markers, read.links))
