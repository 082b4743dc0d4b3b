"""The text of an AKN4UN file: preamble, operative paragraphs, points, sections, annexes.

The UN's markup is regular where it is produced by its tools and irregular where it was
converted from Word by hand, so the reader follows what a printed page shows rather than
trusting the element names alone:

* points come as `<list>`/`<point>` inside a paragraph, but also as numberless sibling
  paragraphs whose text starts with "(a)", or as sibling paragraphs numbered "(a)": all
  three are points of the paragraph before them, where it is numbered, opens a list (ends
  with ":") or already has points;
* headings come as `<section>`/`<part>` with a `<num>`, as `<crossHeading>`, as paragraphs
  holding only a `<heading>`/`<subheading>`, or as short numberless (or lettered: "A.") paragraphs
  of a heading style (H1, H23) or all bold: each names the section of the paragraphs that follow;
* an annex is an `<attachment>`, or (in some ECOSOC files) a heading "Annex" inside the main
  body, after which the paragraphs belong to the annex."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from lod.model import Annex, OperativeParagraph, PreambularParagraph, SubParagraph, Table
from lod.parse.akn.embedded import EmbeddedReading, detach
from lod.parse.akn.inline import Inline, InlineReader, Link, bold_only, child, children, local, main_body, marked_heading, squash
from lod.parse.akn.numbers import (
    ANNEX_HEADING, PARA_NUMBER, PRINTED_NUMBER, annex_number, ascii_digits, bare_label, para_num, point_label, point_num, point_token,
    section_title,
)
from lod.parse.akn.pending import PendingAnnex, PendingParagraph, PendingPoint, written_eid
from lod.parse.akn.tables import notes_of, read_table, standing_table
from lod.parse.akn.leading import leading_words
from lod.parse.akn.listed import read_listed
from lod.quality import in_lexicon
from lod.uri import eid as make_eid

_PARAGRAPH_PARTS = ("content", "list", "intro", "blockList", "table", "subparagraph", "point", "wrapUp")
"""Children of a paragraph that hold its words (num and headings are read apart)."""
_OPENS_WHAT_FOLLOWS = (":", "：")  # how words that open the paragraphs after them end ("…, we:"): never a heading
_HEADING_CLASSES = re.compile(r"^(H\d+|HChG|HCh|HM|MercuryDocument|Title)$", re.IGNORECASE)  # "HCH" in French files
_SEPARATOR = re.compile(r"[*⁂•·\s]+")  # "* * *" between two parts of a text (A/RES/75/1): a pause, no title
_LETTER = re.compile(r"^[A-ZА-Я]\.?$")  # Latin or Cyrillic: "А." in the Russian files


@dataclass
class Body:
    """What the text part of a file holds, with the links of each eId for citations."""

    formula: str | None = None
    preamble: list[PreambularParagraph] = field(default_factory=list)
    operative: list[OperativeParagraph] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    links: dict[str, list[Link]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    text_annex: str | None = None  # the annex a text adopted in the body opened (embedded.opens_introduced_text)


class BodyReader(EmbeddedReading):
    """Reads preambles and bodies (one, or several for a collection of parts) into one `Body`."""

    def __init__(self, inline: InlineReader, language: str | None = None) -> None:
        self.inline = inline
        self.language = language
        """The document's language (ISO 639-2): which phrasebook reads the leading phrases."""
        self.body = Body()
        self._operative: list[PendingParagraph] = []
        self._annexes: list[PendingAnnex] = []
        self._target: list[PendingParagraph] = self._operative
        self._section: str | None = None
        self._part: str | None = None
        self._point_eids: set[str] = set()
        self._tables: list[tuple[int, Table]] = []  # (annex number or 0, table)
        self._table_notes: set[etree._Element] = set()  # lod.parse.akn.tables.notes_of
        self._fresh: tuple[int, int, str] | None = None  # the last heading: (target, paragraphs, text)

    # --- preamble -------------------------------------------------------------------------
    def preamble(self, pre: etree._Element | None) -> None:
        for el in pre if pre is not None else ():
            name = local(el)
            if name == "formula":
                self.body.formula = self.body.formula or self.inline.read(el).text or None
            elif name in ("recitals", "citations") or (name == "container" and len(el) > 1 and all(local(c) == "p" for c in el)):
                # AKN's own preamble markup, where AKN4UN uses a container per recital; a container of
                # several <p> (never in the UN's files) holds a recital in each
                self.preamble(el)
            elif name in ("container", "paragraph", "p", "blockList", "recital", "citation"):
                eid = f"preamble__para_{len(self.body.preamble) + 1}"
                listed = read_listed(self.inline, el, eid, self.body.links) if name == "container" else None
                read = listed.whole if listed is not None else self.inline.read(el)
                if not read.text:
                    continue
                if printed := PRINTED_NUMBER.match(ascii_digits(read.text[:16])):  # "1.\t表示赞赏 …" put in the
                    rest = read.text[printed.end():]  # preamble (A/RES/77/101 in Chinese): an operative paragraph
                    self._operative.append(PendingParagraph(printed.group(1), rest, self._leading(el, rest, None, operative=True),
                                                 None, list(dict.fromkeys(read.markers)), read.links))
                    continue
                verb = self._leading(el, read.text, el.get("name"), operative=False)
                self.body.preamble.append(PreambularParagraph(read.text, verb, eid, list(dict.fromkeys(read.markers)), None,
                                                              *((listed.intro, listed.points) if listed else ())))
                self.body.links[eid] = read.links
            elif name and name not in ("intro", "heading", "num"):
                self.body.warnings.append(f"preamble element <{name}> is not read")

    # --- main body ------------------------------------------------------------------------
    def main(self, body: etree._Element | None, part: str | None = None) -> None:
        if body is None:
            return
        self._part, self._section = part, None
        self._target = self._operative
        self._items(body)

    def attachment(self, doc: etree._Element) -> None:
        """An annex: its headings before the first paragraph give its number and title."""
        self._annexes.append(PendingAnnex())
        self._target = self._annexes[-1].paras
        self._section = None
        main = main_body(doc)
        self._items(main if main is not None else doc)
        self._target = self._operative

    def _items(self, parent: etree._Element) -> None:
        for el in parent:
            name = local(el) if el not in self._table_notes else ""  # "": read with its table
            if name == "paragraph":
                self._paragraph(el)
            elif standing_table(el) is not None:
                self._table(el)
            elif name in ("section", "part", "chapter", "division", "hcontainer"):
                self._heading(section_title([self.inline.read(c).text for c in el if local(c) in ("num", "heading", "subheading")]))
                self._items(el)
            elif name == "crossHeading" and (el.get("refersTo") or "").lstrip("#") == "preamble":
                # a section's own preambular paragraph, marked up as a cross-heading (A/RES/77/263,
                # sections I to XX each "Having considered the report …"): a paragraph, not a title
                read = self.inline.read(el)
                if read.text:
                    verb = self._leading(el, read.text, None, operative=False)
                    self._target.append(PendingParagraph(None, read.text, verb, self._section, read.markers, read.links))
            elif name == "crossHeading":
                self._heading(self.inline.read(el).text)
            elif name in ("container", "blockList", "p", "tblock"):
                read = self.inline.read(el)
                if read.text:
                    self._target.append(PendingParagraph(None, read.text, None, self._section, read.markers, read.links))
            elif name in ("num", "heading", "subheading"):
                continue
            elif name:
                self.body.warnings.append(f"element <{name}> of the main body is not read")

    def _heading(self, text: str | None) -> None:
        if not text or _SEPARATOR.fullmatch(text):
            return
        annex = ANNEX_HEADING.match(text)
        number = annex_number(annex.group(1) or annex.group(2)) if annex else None
        opened = self._annexes[-1] if self._annexes and self._target is self._annexes[-1].paras else None
        if annex and opened is not None and opened.title is None and not opened.paras and opened.num is None:
            opened.num = number  # the attachment's own "Annex" heading
            return
        if annex:
            self._annexes.append(PendingAnnex(num=number))
            self._target, self._section = self._annexes[-1].paras, None
            return
        if self.opens_introduced_text(text):
            return
        current = self._annexes[-1] if self._annexes and self._target is self._annexes[-1].paras else None
        previous = self._fresh
        if (previous is not None and previous[:2] == (id(self._target), len(self._target)) and self._section == previous[2]
                and bare_label(previous[2]) and not bare_label(text)):
            text = section_title([previous[2], text]) or text  # "II" then its title, as two headings: "II. Implementation …"
        self._fresh = (id(self._target), len(self._target), text)
        if current is not None and current.title is None and not current.paras:
            current.title = text
            return
        self._section = text

    def _table(self, el: etree._Element) -> None:
        """A table between paragraphs: a `Table` of the part it stands in, titled by the heading
        printed just before it (when no paragraph came between), with the notes printed under it."""
        fresh = self._fresh
        title = fresh[2] if fresh and fresh[:2] == (id(self._target), len(self._target)) else None
        in_annex = bool(self._annexes) and self._target is self._annexes[-1].paras
        under = notes_of(el)
        self._tables.append((len(self._annexes) if in_annex else 0, read_table(el, self.inline, title, under)))
        self._table_notes.update(under)

    def _paragraph(self, el: etree._Element) -> None:
        content = child(el, "content")
        inner = next(content.iter("{*}embeddedStructure"), None) if content is not None else None
        if inner is not None:
            detach(inner)  # the text the paragraph introduces is read apart, as an annex
        self._read_paragraph(el)
        if inner is not None:
            self.embedded_structure(inner)

    def _read_paragraph(self, el: etree._Element) -> None:
        num_el = child(el, "num")
        num = squash("".join(num_el.itertext())) if num_el is not None else ""
        content = [c for c in el if local(c) in _PARAGRAPH_PARTS]
        for c in el:
            if local(c) and local(c) not in _PARAGRAPH_PARTS and local(c) not in ("num", "heading", "subheading"):
                self.body.warnings.append(f"element <{local(c)}> of a paragraph is not read")
        headings = [self.inline.read(c).text for c in el if local(c) in ("heading", "subheading")]
        if not content and not num and len(headings) == 1 and headings[0].endswith(_OPENS_WHAT_FOLLOWS):
            self._target.append(PendingParagraph(None, headings[0], None, self._section, written=written_eid(el)))
            return
        if not content:
            self._heading(" ".join([num, *headings]).strip() or None)
            return
        for h in headings:  # a heading inside a paragraph with text: "Article 10" before its words
            self._heading(h)
        first = c if (c := child(el, "content")) is not None else child(el, "intro")  # intro: the words before its points
        intro = self.inline.read(first) if first is not None else Inline("")
        styled = _LETTER.match(num) and first is not None and (_HEADING_CLASSES.match(el.get("class") or "") or bold_only(first))
        if styled and not intro.text.endswith((".", ";", ",", ":", "。", "；")):
            self._heading(f"{num} {intro.text}")  # "A. Base/floor salary scale" ("А.", Chinese not bold)
            return
        lst = child(el, "list")
        if lst is None and children(el, "subparagraph", "point"):
            lst = el  # subparagraphs straight in the paragraph (AKN's own way, where AKN4UN uses a list)
        if lst is not None and lst is not el:
            head = self.inline.read(child(lst, "intro"))
            intro = Inline(squash(f"{intro.text} {head.text}"), intro.markers + head.markers, intro.links + head.links)
        listed = lst is not None and len(lst) > 0  # an empty <list/> lists nothing
        last = self._target[-1] if self._target else None
        if not num and not listed and last is not None and last.num is not None and not last.intro and not last.points:
            last.intro, last.markers, last.links = intro.text, intro.markers, intro.links  # number and text
            last.verb = self._leading(first, intro.text, None, operative=True) if first is not None else None
            return  # were marked as two sibling paragraphs
        # the number a paragraph prints in its words is in its first characters: only those are
        # read as ASCII digits (each digit stays one character, so the match's end holds)
        printed = PRINTED_NUMBER.match(ascii_digits(intro.text[:16])) if not num and not listed else None
        if printed:
            num, intro = printed.group(1), Inline(intro.text[printed.end():], intro.markers, intro.links)
        if not num and not listed:
            text = intro.text
            if _SEPARATOR.fullmatch(text):
                return
            label = point_label(text)
            # a point of the paragraph before: a numbered one, one that opens a list ("For the
            # purposes of this Convention:"), or one whose list it goes on with ("(a)" marked as
            # a number, "(b)" printed in the words: A/RES/76/113's guidelines)
            if label and last is not None and (last.num is not None or last.points or last.intro.endswith(":")):
                last.add_point(PendingPoint(label[0], text[label[1]:], [], intro.markers, intro.links))
                return
            if last is not None and last.points and text[:1].islower():
                point = last.points[-1]  # the words after a list ("and stresses …"), marked as a
                while point.children:  # paragraph of their own: they end the last point, as
                    point = point.children[-1]  # a wrapUp does and as the printed page reads
                point.text = squash(f"{point.text} {text}")
                point.markers += intro.markers
                point.links += intro.links
                return
            verb = self._leading(first, text, None, operative=True) if first is not None else None
            # a heading's style on a sentence that opens with a phrase (E/RES/2023/2 in Arabic: "يقرر …",
            # MercuryDocument) or ends as one ("通过本决议附件所载 … 工作方案。", E/RES/2021/6) is a paragraph
            phrase = verb is not None and (self.language not in (None, "", "eng") or in_lexicon(verb)) or text.endswith(("。", "；", "؛", *_OPENS_WHAT_FOLLOWS))
            if (_HEADING_CLASSES.match(el.get("class") or "") and not intro.markers and not phrase  # a bold title: 230 in Russian
                    and (len(text) < (300 if first is not None and bold_only(first) else 200) or marked_heading(first))):
                self._heading(text)
                return
            self._target.append(PendingParagraph(None, text, verb, self._section, intro.markers, intro.links, written=written_eid(el)))
            return
        if num and not PARA_NUMBER.match(para_num(num)):  # "(a)", "i", "(أ)" printed as a paragraph number
            if last is not None:
                last.add_point(PendingPoint(point_num(num), intro.text, [], intro.markers, intro.links))
            else:
                self._target.append(PendingParagraph(None, squash(f"{num} {intro.text}"), None, self._section, intro.markers, intro.links))
            return
        para = PendingParagraph(para_num(num) if num else None, intro.text, None, self._section, intro.markers, intro.links,
                                written=written_eid(el))
        opening = first if first is not None else child(lst, "intro") if lst is not None else None
        para.verb = self._leading(opening, intro.text, None, operative=True) if opening is not None else None
        if lst is not None:
            for point in self._points(lst):
                para.add_point(point)
        self._target.append(para)

    def _leading(self, el: etree._Element, text: str, named: str | None, *, operative: bool) -> str | None:
        in_annex = bool(self._annexes) and self._target is self._annexes[-1].paras
        return leading_words(el, text, named, self.language, operative=operative, in_annex=in_annex)

    def _points(self, lst: etree._Element) -> list[PendingPoint]:
        out: list[PendingPoint] = []
        for el in lst:
            name = local(el)
            if name in ("point", "subparagraph", "indent", "alinea"):
                num_el = child(el, "num")
                body = child(el, "content")
                read = self.inline.read(body if body is not None else child(el, "intro"))
                printed = squash("".join(num_el.itertext())) if num_el is not None else ""
                point = PendingPoint(point_num(printed) if printed else str(len(out) + 1), read.text, [], read.markers, read.links,
                               label=printed)
                for sub in children(el, "list"):
                    point.children.extend(self._points(sub))
                point.children.extend(self._points(el) if children(el, "point", "subparagraph") else [])
                out.append(point)
            elif name in ("sublist", "list") and out:
                out[-1].children.extend(self._points(el))
            elif name == "wrapUp" and out:
                out[-1].text = squash(f"{out[-1].text} {self.inline.read(el).text}")
            elif name and name not in _PARAGRAPH_PARTS and name not in ("num", "heading", "subheading") and local(lst) != "paragraph":
                self.body.warnings.append(f"element <{name}> of a list is not read")
        return out

    # --- result ---------------------------------------------------------------------------
    def finish(self) -> Body:
        self.body.operative = self._paragraphs(self._operative, "")
        for k, annex in enumerate(self._annexes, 1):
            prefix = f"annex_{k}__"
            self.body.annexes.append(Annex(annex.title, annex.num, self._paragraphs(annex.paras, prefix), f"annex_{k}"))
        for n, (annex_k, table) in enumerate(self._tables, 1):
            table.location = f"annex_{annex_k}" if annex_k else ""
            table.eid = table.eid or f"table_{n}"
            self.body.tables.append(table)
        return self.body

    def _paragraphs(self, paras: list[PendingParagraph], prefix: str) -> list[OperativeParagraph]:
        out: list[OperativeParagraph] = []
        used: set[str] = set()
        sections: dict[str | None, int] = {}
        unnumbered = 0
        for para in paras:
            if para.num is None:
                unnumbered += 1
                local_eid = f"para_u{unnumbered}"
            else:
                local_eid = make_eid(("para", para.num))
            pid = para.written if para.written and para.written.startswith(prefix) else f"{prefix}{local_eid}"
            # numbering restarts in a section or part: only the repeated numbers take the section
            # into their eId (by order, not by heading), which keeps the six language versions,
            # whose headings differ, on the same eIds
            if pid in used:
                token = sections.setdefault(para.section, len(sections) + 1)
                pid = f"{prefix}sec_{token}__{local_eid}"
            while pid in used:
                pid = f"{pid}_{len(used)}"
            used.add(pid)
            markers = list(para.markers)
            self.body.links[pid] = list(para.links)
            parts = [para.intro] if para.intro else []
            subs = []
            for k, point in enumerate(para.points, 1):
                sub, text = self._sub(point, f"{pid}__list_1", markers, k)
                subs.append(sub)
                parts.append(text)
            out.append(
                OperativeParagraph(
                    num=para.num, text=squash(" ".join(parts)), verb=para.verb,
                    intro=para.intro if para.points else None, subparagraphs=subs,
                    section=para.section, eid=pid, footnote_refs=list(dict.fromkeys(markers)),
                )
            )
        return out

    def _sub(self, point: PendingPoint, list_eid: str, markers: list[str], position: int) -> tuple[SubParagraph, str]:
        pid = f"{list_eid}__point_{point_token(point.num, position)}"
        while pid in self._point_eids:  # a label printed twice in one list
            pid = f"{pid}_{position}"
        self._point_eids.add(pid)
        markers.extend(point.markers)
        self.body.links[pid] = list(point.links)
        children_, texts = [], [f"{point.label or f'({point.num})'} {point.text}".strip()]
        for k, c in enumerate(point.children, 1):
            sub, text = self._sub(c, f"{pid}__list_1", markers, k)
            children_.append(sub)
            texts.append(text)
        return SubParagraph(point.num, point.text, children_, pid), " ".join(texts)
