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

from collections.abc import Sequence

from lxml import etree

from lod.akn.elements import NSMAP, element, raw, token
from lod.akn.meta import MetaWriter
from lod.akn.vocabulary import AKN_FORMAT, AKN_NS, KIND_ELEMENT
from lod.model import Annex, Citation, OperativeParagraph, Resolution, Sponsor, SubParagraph
from lod.rdf.groups import group_iri, lookup_group
from lod.rdf.registry import RegistryError, WorkEntry, WorkRegistry
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
        self.placed_notes: set[str] = set()
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
        self.preface(doc)
        self.preamble(doc)
        body = element(doc, "body")
        self.paragraphs(body, self.res.operative)
        if not len(body):
            self.empty_body(body)
        self.attachments(doc)
        self.notes_left(body)
        self.renamed = _unique_eids(root)
        self.meta(meta)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    # --- cover page and preface ---------------------------------------------------------------
    def cover(self, doc: etree._Element) -> None:
        res = self.res
        cover = element(doc, "cover", eId="coverPage_1")
        if res.symbol:
            element(raw(cover, "p"), "symbol", res.symbol, refersTo="#symbol")
        if res.body:
            element(raw(cover, "p"), "authority", res.body, refersTo=self.author())
        if res.date:
            element(raw(cover, "p"), "doc_date", res.date, date=res.date, refersTo="#dateOfIssuance")
        if res.session is not None or res.session_label:
            element(raw(cover, "p"), "session", res.session_label or str(res.session),
                value=str(res.session) if res.session is not None else "")
        for item in res.agenda_items:
            element(raw(cover, "p"), "agenda_item", f"Agenda item {item}", title=item)
        if res.committee:
            p = raw(cover, "p")
            element(p, "committee", res.committee, refersTo=self.committee_ref())
        if res.report_symbol:
            element(raw(cover, "p"), "report", res.report_symbol)
        if not len(cover):
            doc.remove(cover)

    def preface(self, doc: etree._Element) -> None:
        res = self.res
        preface = element(doc, "preface")
        if res.number or res.title:
            p = raw(preface, "p")
            if res.number:
                element(p, "number", f"{res.number}.")
            if res.title:
                element(p, "title", res.title, refersTo="#resolutionTitle")
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
    def preamble(self, doc: etree._Element) -> None:
        res = self.res
        if not res.preamble and not res.preamble_formula:
            return
        pre = element(doc, "preamble")
        if res.preamble_formula:
            raw(element(pre, "formula", eId="formula_1"), "p", res.preamble_formula)
        for n, para in enumerate(res.preamble, 1):
            pid = para.eid or f"preamble__para_{n}"
            box = element(pre, "preambular", eId=pid, name=token(para.verb) if para.verb else None)
            self.text(raw(box, "p"), para.text, pid, para.verb, para.footnote_refs)

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
        pid = para.eid or eid(("para", para.num or f"u{n}"))
        node = element(parent, "paragraph", eId=pid)
        if para.num:
            element(node, "num", f"{para.num}.")
        if para.subparagraphs:
            intro = para.intro if para.intro is not None else ""
            self.text(raw(element(node, "intro"), "p"), intro, pid, para.verb, para.footnote_refs)
            self.points(node, para.subparagraphs, pid)
        else:
            self.text(raw(element(node, "content"), "p"), para.text, pid, para.verb, para.footnote_refs)

    def points(self, parent: etree._Element, points: Sequence[SubParagraph], owner: str) -> None:
        lid = f"{owner}__list_1"
        block = element(parent, "points", eId=lid)
        for k, point in enumerate(points, 1):
            qid = point.eid or eid(lid, ("point", point.num or k))
            node = element(block, "point", eId=qid)
            element(node, "num", f"({point.num})" if point.num else None)
            if point.subparagraphs:
                self.text(raw(element(node, "intro"), "p"), point.text, qid, None, [])
                self.points(node, point.subparagraphs, qid)
            else:
                self.text(raw(element(node, "content"), "p"), point.text, qid, None, [])

    def empty_body(self, body: etree._Element) -> None:
        """AKN requires a main body; a document with no operative part (a preamble-only
        extract) says so in one empty paragraph rather than producing an invalid file."""
        raw(element(body, "paragraph", eId="para_u0", class_="empty"), "content").append(etree.Element(f"{{{AKN_NS}}}p"))

    def attachments(self, doc: etree._Element) -> None:
        if not self.res.annexes:
            return
        block = element(doc, "attachments")
        for k, annex in enumerate(self.res.annexes, 1):
            self.annex(element(block, "attachment"), annex, k)

    def annex(self, parent: etree._Element, annex: Annex, k: int) -> None:
        aid = annex.eid or f"annex_{k}"
        parent.set("eId", aid)
        doc = element(parent, "annex")
        self.identification(element(doc, "meta"), aid)
        if annex.num or annex.title:
            p = raw(element(doc, "preface"), "p")
            if annex.num:
                element(p, "number", annex.num)
            if annex.title:
                element(p, "title", annex.title)
        body = element(doc, "body")
        self.paragraphs(body, annex.paragraphs, f"{aid}__")
        if not len(body):
            raw(element(body, "paragraph", eId=f"{aid}__para_u0", class_="empty"), "content").append(
                etree.Element(f"{{{AKN_NS}}}p"))

    # --- inline text: verb, citations, footnotes ---------------------------------------------
    def text(self, p: etree._Element, text: str, location: str, verb: str | None, notes: Sequence[str]) -> None:
        """`text` into `p`: the leading verb in an italic span, each citation printed here as a
        `<ref>` to its work, footnotes as `authorialNote` at the end of the paragraph."""
        start = 0
        if verb and text.startswith(verb):
            span = raw(p, "span", verb, class_="italic")
            span.set("refersTo", "#verb")
            start = len(verb)
        pieces: list[tuple[int, int, str, str]] = []
        cursor = start
        for cite in self.cites.get(location, []):
            at = text.find(cite.text, cursor) if cite.text else -1
            href = self.href(cite)
            if at < 0 or href is None:
                continue
            pieces.append((at, at + len(cite.text), cite.text, href))
            cursor = at + len(cite.text)
        last: etree._Element | None = p[-1] if len(p) else None
        pos = start
        for at, end, label, href in pieces:
            _append_text(p, last, text[pos:at])
            last = element(p, "citation", label, href=href)
            pos = end
        _append_text(p, last, text[pos:])
        self.attach_notes(p, notes)

    def attach_notes(self, p: etree._Element | None, markers: Sequence[str]) -> None:
        if p is None:
            return
        for marker in markers:
            note = self.notes.get(marker)
            if note is None or marker in self.placed_notes:
                continue
            self.placed_notes.add(marker)
            self.note(p, marker)

    def note(self, p: etree._Element, marker: str) -> None:
        note = self.notes[marker]
        nid = note.eid or f"fn_{token(marker)}"
        node = element(p, "footnote", marker=marker, placement="bottom", eId=nid)
        self.text(raw(node, "p"), note.text, nid, None, [])

    def notes_left(self, body: etree._Element) -> None:
        """Footnotes no paragraph refers to (their marker was not found in the text) are kept,
        on a paragraph of their own at the end of the main body, so none is lost."""
        left = [f.marker for f in self.res.footnotes if f.marker not in self.placed_notes]
        if left:
            holder = raw(element(body, "paragraph", eId="para_notes", class_="footnotes"), "content")
            self.attach_notes(raw(holder, "p"), left)

    def href(self, cite: Citation) -> str | None:
        try:
            target = self.registry.work_for_citation(cite, self.res.body)
        except (RegistryError, IRIError):
            return None
        return self.rel(target) if target else None


def _unique_eids(root: etree._Element) -> list[tuple[str, str]]:
    """AKN requires unique eIds (the strict schema checks it). A model with two points printed
    with the same letter would give two equal ones: the second becomes `{eId}_2`, and the
    renaming is recorded (`<lod:duplicateEId>`) rather than made silently."""
    seen: set[str] = set()
    renamed: list[tuple[str, str]] = []
    for node in root.iter():
        value = node.get("eId") if isinstance(node.tag, str) else None
        if value is None:
            continue
        if value in seen:
            k = 2
            while f"{value}_{k}" in seen:
                k += 1
            renamed.append((value, f"{value}_{k}"))
            value = f"{value}_{k}"
            node.set("eId", value)
        seen.add(value)
    return renamed



def _append_text(p: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        p.text = (p.text or "") + text
    else:
        last.tail = (last.tail or "") + text

