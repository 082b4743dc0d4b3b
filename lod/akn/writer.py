"""Model → AKN4UN XML: the Akoma Ntoso 3.0 manifestation of one document.

Whatever a document was read from (text, PDF, Word or AKN), the UN's own exchange format is
written back from the model, so the dataset can be read by AKN tools as well as by RDF ones.
The markup follows the UN's AKN4UN files where they settle a choice (symbol on the cover page
with `refersTo="#symbol"`, printed numbers `1.` and `(a)`, verbs in an italic span, one
`container` per preambular paragraph named after its verb, footnotes as `authorialNote`
where the marker is printed, annexes as `attachment/doc name="annex"`), and the OASIS schema
everywhere (checked by lod.akn.schema).

IRIs: FRBR values and links to anything on our base are written relative to it (`/akn/un/…`),
as the AKN naming convention writes them, so a file does not change when the base does;
the manifestation is `{expression}/!main.xml`. Element names come from one table
(lod.akn.vocabulary). Facts that AKN has no element for (the converter's layout and warnings,
whether a paragraph is cut off by a page extract) go into `<proprietary>` in our namespace, so
nothing the model holds is dropped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from lxml import etree

from lod.akn.elements import NSMAP, element, raw, token, unique_eids
from lod.akn.inline import fill, place, printed_labels, verb_inside
from lod.akn.meta import MetaWriter
from lod.akn.vocabulary import AKN_FORMAT, AKN_NS, KIND_ELEMENT
from lod.model import Annex, Citation, OperativeParagraph, Resolution, Sponsor, SubParagraph
from lod.rdf.groups import group_iri, lookup_group
from lod.rdf.namespaces import undocs_iri
from lod.rdf.registry import RegistryError, WorkEntry, WorkRegistry
from lod.symbols import link_symbol
from lod.uri import IRIError, WorkIRI, eid


class AKNWriteError(ValueError):
    """A model that cannot be written as an AKN document (no language, no work IRI)."""


def manifestation_iri(work: WorkIRI, lang: str) -> str:
    """`{work}/{lang}@/!main.xml`: the AKN4UN manifestation IRI of an expression's XML."""
    return f"{work.expression(lang)}/!main.{AKN_FORMAT}"


def akn_document(res: Resolution, registry: WorkRegistry, base: str) -> bytes:
    """The AKN XML of one document (UTF-8, with declaration); `registry` names the works it
    cites, exactly as the RDF mapping names them, so the XML's links and the RDF agree."""
    return _Writer(res, registry, base.rstrip("/")).document()


class _Writer(MetaWriter):
    def __init__(self, res: Resolution, registry: WorkRegistry, base: str) -> None:
        if not res.language:
            raise AKNWriteError(f"{res.source or res.symbol}: no language, so no expression can be written")
        try:
            self.entry: WorkEntry = registry.entry_for(res)
        except RegistryError as exc:
            raise AKNWriteError(str(exc)) from exc
        self.res, self.registry, self.base = res, registry, base
        self.iri = self.entry.iri
        self.lang = res.language
        try:
            self.expression = self.iri.expression(self.lang)
        except IRIError as exc:
            raise AKNWriteError(f"{res.source}: {exc}") from exc
        self.notes = {f.marker: f for f in res.footnotes}
        self.order = list(self.notes)
        self.placed_notes: set[str] = set()
        self.labels: dict[int, str] = {}  # the points' printed labels of the paragraph being written
        self.cites: dict[str, list[Citation]] = {}
        for c in res.citations:
            self.cites.setdefault(c.location, []).append(c)
        self.organizations: dict[str, tuple[str, str]] = {}  # eId → (href, showAs)

    # --- document ----------------------------------------------------------------------------
    def document(self) -> bytes:
        root = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap=NSMAP)  # type: ignore[arg-type]
        doc = element(root, KIND_ELEMENT.get(self.res.kind, "document"))
        meta = element(doc, "meta")
        self.cover(doc)
        self.unanchored = set(self.unplaced_notes())
        self.preface(doc)
        formula = self.preamble(doc)
        self.leading_notes(formula)
        body = element(doc, "body")
        self.paragraphs(body, self.res.operative)
        self.tables(body, "")
        if not len(body):
            self.empty(body, "para_u0")
        if self.res.meeting or self.res.closing_refs:
            closing = raw(element(doc, "conclusions"), "p")
            if self.res.meeting:
                element(closing, "meeting", self.res.meeting)
            self.attach_notes(closing, self.res.closing_refs)  # the note on the adoption
        self.attachments(doc)
        self.notes_left(doc, formula)
        self.renamed = unique_eids(root)
        self.meta(meta)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    # --- cover page and preface ---------------------------------------------------------------
    def cover(self, doc: etree._Element) -> None:
        """The masthead as the UN's files mark it up (and lod.parse.akn reads it)."""
        res = self.res
        cover = element(doc, "cover", eId="coverPage_1")
        if res.symbol:
            element(raw(cover, "p"), "symbol", res.symbol, refersTo="#symbol")
        if res.body:
            element(raw(cover, "p"), "authority", res.body, refersTo="#issuingBody")
        if res.distribution:
            element(raw(cover, "p"), "doc_status", f"Distr.: {res.distribution}", refersTo="#distribution")
        if res.date:
            element(raw(cover, "p"), "doc_date", res.date, date=res.date, refersTo="#dateOfIssuance")
        if res.session is not None or res.session_label:
            element(raw(cover, "p"), "session", res.session_label, value=str(res.session) if res.session is not None else "")
        for k in range(max(len(res.agenda_items), len(res.agenda_titles))):
            if k < len(res.agenda_items):
                element(raw(cover, "p"), "agenda_item", f"Agenda item {res.agenda_items[k]}", title=res.agenda_items[k])
            if k < len(res.agenda_titles):
                element(raw(cover, "p"), "agenda_title", res.agenda_titles[k])
        if res.committee or res.report_symbol:
            self.proponent(raw(cover, "p"))
        if not len(cover):
            doc.remove(cover)

    def proponent(self, p: etree._Element) -> None:
        """"[on the report of the Third Committee (A/77/455, para. 32)]" with the committee as
        `refersTo` and the report as the originating document."""
        res = self.res
        node = element(p, "proponent", refersTo=self.committee_ref())
        committee = f"the {res.committee}" if res.committee else "a committee"
        if not res.report_symbol:
            node.text = f"[{res.committee}]"
            return
        node.text = f"[on the report of {committee} ("
        where = f"{res.report_symbol}, para. {res.report_paragraph}" if res.report_paragraph else res.report_symbol
        element(node, "report", where).tail = ")]"

    def preface(self, doc: etree._Element) -> None:
        res = self.res
        preface = element(doc, "preface")
        if res.number or res.title:
            p = raw(preface, "p")
            if res.number:
                element(p, "number", f"{res.number}.")
            if res.title:
                title = element(p, "title", res.title, refersTo="#resolutionTitle")
                self.attach_notes(title, res.heading_refs)  # the heading's own notes
        if res.sponsors:
            p = raw(preface, "p", class_="sponsors")
            for k, sponsor in enumerate(res.sponsors):
                node = element(p, "sponsors", sponsor.name, refersTo=self.sponsor(sponsor), class_=sponsor.kind)
                node.tail = ", " if k < len(res.sponsors) - 1 else None
        if not len(preface):
            doc.remove(preface)

    def sponsor(self, sponsor: Sponsor) -> str:
        if sponsor.iso3:
            return self.organization(sponsor.iso3, f"/id/state/{sponsor.iso3}", sponsor.name)
        group = lookup_group(sponsor.name)
        key = group.key if group else token(sponsor.name)
        return self.organization(f"group_{key}", self.rel(group_iri(self.base, key)) if group else f"/id/sponsor/{key}",
                                 sponsor.name)

    # --- preamble and paragraphs --------------------------------------------------------------
    def preamble(self, doc: etree._Element) -> etree._Element | None:
        """The preamble; returns the formula's `p` (footnotes no paragraph refers to go there)."""
        res = self.res
        if not res.preamble and not res.preamble_formula and not self.unanchored:
            return None
        pre = element(doc, "preamble")
        formula = raw(element(pre, "formula", eId="formula_1"), "p", res.preamble_formula)
        for n, para in enumerate(res.preamble, 1):
            pid = para.eid or f"preamble__para_{n}"
            box = element(pre, "preambular", eId=pid, name=para.verb or None)
            if not para.subparagraphs:
                self.text(raw(box, "p"), para.text, pid, para.verb, para.footnote_refs)
                continue
            # with points, as the UN writes a preambular paragraph's list: its words before the
            # first point as the list's introduction, each point an item
            block = raw(box, "blockList", eId=f"{pid}__list_1")
            intro = para.intro or ""
            self.text(raw(block, "listIntroduction"), intro, pid, para.verb, para.footnote_refs)
            self.labels = printed_labels(para.text, len(intro), para.subparagraphs)
            self.items(block, para.subparagraphs, f"{pid}__list_1")
        return formula

    def items(self, block: etree._Element, points: Sequence[SubParagraph], lid: str) -> None:
        """A preambular paragraph's points as a `blockList`'s items, a point's own points in a
        list inside its item."""
        for k, point in enumerate(points, 1):
            qid = point.eid or eid(lid, ("point", point.num or k))
            node = raw(block, "item", eId=qid)
            element(node, "num", self.labels.get(id(point)) or (f"({point.num})" if point.num else None))
            self.text(raw(node, "p"), point.text, qid, None, [])
            if point.subparagraphs:
                self.items(raw(node, "blockList", eId=f"{qid}__list_1"), point.subparagraphs, f"{qid}__list_1")

    def paragraphs(self, parent: etree._Element, paragraphs: Sequence[OperativeParagraph], prefix: str = "") -> None:
        """Paragraphs in order; a run of paragraphs under one printed heading goes into a
        section (`hcontainer name="section"` with its `heading`), as AKN groups them."""
        section, holder, count = None, parent, 0
        for n, para in enumerate(paragraphs, 1):
            if para.section != section:
                holder = parent
                if para.section:
                    count += 1
                    holder = element(parent, "section", eId=f"{prefix}sec_{count}")
                    element(holder, "heading", para.section)
            section = para.section
            self.paragraph(holder, para, n)

    def paragraph(self, parent: etree._Element, para: OperativeParagraph, n: int) -> None:
        """`num` printed "8.", then the text in `content`, or (with points) the text before the
        first point as the list's `intro`, as the UN's files write it."""
        pid = para.eid or eid(("para", para.num or f"u{n}"))
        node = element(parent, "paragraph", eId=pid)
        if para.num:
            element(node, "num", f"{para.num}.")
        if para.subparagraphs:
            block = element(node, "points", eId=f"{pid}__list_1")
            intro = para.intro if para.intro is not None else ""
            self.text(raw(element(block, "intro"), "p"), intro, pid, para.verb, para.footnote_refs)
            self.labels = printed_labels(para.text, len(intro), para.subparagraphs)
            self.points(block, para.subparagraphs, f"{pid}__list_1")
        else:
            self.text(raw(element(node, "content"), "p"), para.text, pid, para.verb, para.footnote_refs)

    def points(self, block: etree._Element, points: Sequence[SubParagraph], lid: str) -> None:
        """Points "(a)" in a list; a point's own points follow it as a list of their own inside
        the same list (AKN gives a point either text or sub-points, and a point "(a)" that
        introduces "(i)" has both)."""
        for k, point in enumerate(points, 1):
            qid = point.eid or eid(lid, ("point", point.num or k))
            node = element(block, "point", eId=qid)
            element(node, "num", self.labels.get(id(point)) or (f"({point.num})" if point.num else None))
            self.text(raw(element(node, "content"), "p"), point.text, qid, None, [])
            if point.subparagraphs:
                inner = f"{qid}__list_1"
                self.points(element(block, "points", eId=inner), point.subparagraphs, inner)

    def empty(self, body: etree._Element, eid_: str) -> None:
        """AKN requires a main body; a document (or annex) with no paragraphs says so in an
        empty container rather than producing an invalid file."""
        raw(element(element(body, "empty", eId=eid_), "content"), "p")

    def attachments(self, doc: etree._Element) -> None:
        if not self.res.annexes:
            return
        block = element(doc, "attachments")
        for k, annex in enumerate(self.res.annexes, 1):
            self.annex(element(block, "attachment"), annex, k)

    def annex(self, parent: etree._Element, annex: Annex, k: int) -> None:
        """`attachment/doc name="annex"` with its own FRBR identification (component `!annex_k`);
        its number ("Annex I") and title are headings around its paragraphs, as printed."""
        aid = annex.eid or f"annex_{k}"
        parent.set("eId", aid)
        doc = element(parent, "annex")
        self.identification(element(doc, "meta"), aid)
        holder = element(doc, "body")
        if annex.num is not None or annex.title is None:
            holder = element(holder, "annex_heading", eId=f"{aid}__heading_1")
            element(holder, "heading", f"Annex {annex.num}" if annex.num else "Annex")
        if annex.title:
            holder = element(holder, "annex_heading", eId=f"{aid}__heading_2")
            element(holder, "heading", annex.title)
        self.paragraphs(holder, annex.paragraphs, f"{aid}__")
        if not annex.paragraphs:
            self.empty(holder, f"{aid}__para_u0")
        self.tables(holder, aid)

    def tables(self, parent: etree._Element, location: str) -> None:
        """The tables of one part, after its paragraphs (the model keeps the part a table
        stands in, not its place between paragraphs): an `hcontainer name="table"` whose
        content is the table (the UN's `container name="table"` is not allowed among an annex's
        hcontainers), its title as the caption, header cells as `th`; its notes and legend as
        `p`s after the table, a note's marker raised in the cells that print it."""
        for table in (t for t in self.res.tables if t.location == location):
            box = element(parent, "table_block", eId=f"{location}__{table.eid}" if location else table.eid)
            content = element(box, "content")
            grid = element(content, "table", eId=f"{box.get('eId')}__grid")
            if table.title:
                element(grid, "caption", table.title)
            raised: dict[tuple[int, int], list[str]] = defaultdict(list)  # (row, column) → the markers it raises
            for note in table.notes:
                for cell in note.cells:
                    raised[cell].append(note.marker)
            last = None
            rows = [(table.header, "header_cell", 0)] * bool(table.header) + [(r, "cell", k) for k, r in enumerate(table.rows, 1)]
            for cells, kind, k in rows:
                row = element(grid, "row")
                for column, text in enumerate(cells or [""], 1):
                    last = raw(element(row, kind), "p", text)
                    for marker in raised.get((k, column), []):
                        raw(last, "sup", marker)
            self.attach_notes(last, table.footnote_refs)  # the model keeps which notes, not which cell
            for note in table.notes:
                raw(raw(content, "p", class_="tableNote"), "sup", note.marker).tail = f" {note.text}"
            if table.legend:
                raw(content, "p", table.legend, class_="tableLegend")

    # --- inline text: verb, citations, footnotes ---------------------------------------------
    def text(self, p: etree._Element, text: str, location: str, verb: str | None, notes: Sequence[str]) -> None:
        """`text` into `p`: the leading verb in an italic span, each citation printed here as a
        `<ref>` to its work, footnotes as `authorialNote` at the end of the paragraph."""
        start = 0
        if verb and text.startswith(verb):
            element(p, "verb", verb, class_="italic", refersTo="#verb")
            start = len(verb)
        spans: list[tuple[int, int, str]] = []
        cursor = start
        for cite in self.cites.get(location, []):
            href = self.href(cite)
            at = place(text, cite.text, spans, cursor, start) if href and cite.text else -1
            if at >= 0:
                spans.append((at, at + len(cite.text), href))  # type: ignore[arg-type]
                cursor = at
        spans.sort(key=lambda s: (s[0], -s[1]))
        inside = verb_inside(text, verb) if verb and not start else None
        if inside is None:
            fill(p, text, start, len(text), spans)
        else:  # a decision's verb after its opening words ("At its 45th plenary meeting, …, elected")
            at, end = inside
            fill(p, text, 0, at, [s for s in spans if s[1] <= at])
            element(p, "verb", text[at:end], class_="italic", refersTo="#verb")
            fill(p, text, end, len(text), [s for s in spans if s[0] >= end])
        self.attach_notes(p, notes)

    def attach_notes(self, p: etree._Element | None, markers: Sequence[str]) -> None:
        """Footnotes where their markers are printed; each is followed by the footnotes after it
        that no paragraph refers to, so the notes keep their printed order (an "Ibid." means the
        note before it)."""
        if p is None:
            return
        for marker in markers:
            note = self.notes.get(marker)
            if note is None:
                continue
            if marker in self.placed_notes:  # referred to again: a reference to the note, not a copy
                element(p, "note_ref", marker=marker, href=f"#{note.eid or 'fn_' + token(marker)}")
                continue
            self.note(p, marker)
            for follower in self.order[self.order.index(marker) + 1:]:
                if follower not in self.unanchored or follower in self.placed_notes:
                    break
                self.note(p, follower, anchored=False)

    def note(self, p: etree._Element, marker: str, anchored: bool = True) -> None:
        """An `authorialNote`; one whose marker the text does not print is `class="unanchored"`
        (it is read back as a footnote of the document, not of the paragraph that holds it)."""
        self.placed_notes.add(marker)
        note = self.notes[marker]
        nid = note.eid or f"fn_{token(marker)}"
        node = element(p, "footnote", marker=marker, placement="bottom", eId=nid,
                       class_=None if anchored else "unanchored")
        self.text(raw(node, "p"), note.text, nid, None, [])

    def unplaced_notes(self) -> list[str]:
        """Markers of footnotes no paragraph refers to (the converter found no marker in the text)."""
        refs = {m for p in self.res.preamble for m in p.footnote_refs}
        refs |= {m for p in self.all_paragraphs() for m in p.footnote_refs}
        refs |= {m for t in self.res.tables for m in t.footnote_refs}
        refs |= set(self.res.closing_refs) | set(self.res.heading_refs)
        return [f.marker for f in self.res.footnotes if f.marker not in refs]

    def leading_notes(self, formula: etree._Element | None) -> None:
        """Unanchored footnotes before the first anchored one go into the enacting formula
        (where they print no words), so they come first as printed."""
        for marker in self.order:
            if marker not in self.unanchored or formula is None:
                return
            self.note(formula, marker, anchored=False)

    def notes_left(self, doc: etree._Element, formula: etree._Element | None) -> None:
        """Any footnote still not written (its predecessor was not either) goes to the formula:
        none is lost."""
        for marker in self.order:
            if marker not in self.placed_notes and formula is not None:
                self.note(formula, marker, anchored=False)

    def href(self, cite: Citation) -> str | None:
        """A UN document by its symbol at undocs.org, as the UN's files link it (the symbol is the
        citation's identity; a reader maps it to the work); anything else, a treaty, by its IRI here."""
        if cite.symbol and not cite.placeholder:
            href = str(undocs_iri(cite.symbol))
            if link_symbol(href) == cite.symbol:  # a link an AKN reader maps back to this very symbol
                return href
        try:
            target = self.registry.work_for_citation(cite, self.res.body_key, self.res.body)
        except (RegistryError, IRIError):
            return None
        return self.rel(target) if target else None
