"""The model → RDF mapping: one graph per document, nothing of the model left out.

`resolution_lines` gives the document as the build publishes it (sorted unique N-Triples
lines), `resolution_graph` as an rdflib Graph; both come from one `map_resolution`.

Every resource has an IRI (no blank nodes), so the per-document graphs merge into one dataset
without renaming and the Turtle is byte-identical from run to run. The structure follows
Akoma Ntoso as AKN4UN applies it: work → expression (one language) → component `!main` →
preamble / mainBody / annexes → paragraphs → points, with footnotes and citations as
resources at their eId IRIs. Each level is typed with our class and with its UNDO, ALLOT,
FRBR, ELI and DoCO counterparts so clients of those vocabularies can read it unchanged.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef

from lod.model import Footnote, OperativeParagraph, Resolution, SubParagraph
from lod.rdf.links import WORK_TYPES
from lod.rdf.mapbase import TRUE, MappingError, date_literal
from lod.rdf.namespaces import (
    ALLOT, DCTERMS, DOCO, ELI, FRBR, LANG1, LANG2, RDF, RDFS, UNDO, UNRES, XSD, undocs_iri,
)
from lod.rdf.ntriples import MappedDocument, literal_of
from lod.rdf.proceedings import ProceedingsMapping
from lod.rdf.quality import QualityMapping
from lod.rdf.relations import phrase_concept
from lod.rdf.tables import TableMapping
from lod.rdf.registry import WorkRegistry, source_slug

__all__ = ["MappingError", "WORK_TYPES", "map_resolution", "resolution_graph", "resolution_lines"]


def map_resolution(res: Resolution, registry: WorkRegistry, base: str) -> MappedDocument:
    """The triples of one document; `registry` must already know the corpus (see WorkRegistry).

    For a caller that needs both the lines and the graph (map, validate, publish), so the
    document is mapped once."""
    if registry.base.rstrip("/") != base.rstrip("/"):
        raise MappingError(f"the registry names works on {registry.base!r}, not on {base!r}: one base for all IRIs")
    if not res.language:
        raise MappingError(f"{res.source or res.symbol}: no language, so no expression IRI can be formed")
    return _Mapper(res, registry, base.rstrip("/")).run()


def resolution_graph(res: Resolution, registry: WorkRegistry, base: str) -> Graph:
    """The RDF of one document as an rdflib Graph, prefixes bound."""
    return map_resolution(res, registry, base).graph()


def resolution_lines(res: Resolution, registry: WorkRegistry, base: str) -> list[str]:
    """The RDF of one document as its sorted, de-duplicated N-Triples lines, exactly the lines
    of `resolution_graph(...).serialize(format="nt")`, without building the Graph."""
    return map_resolution(res, registry, base).lines()


class _Mapper(ProceedingsMapping, QualityMapping, TableMapping):
    """One document's mapping: the FRBR levels and the structure; agents, links,
    proceedings (votes, subjects, workflow), curator findings (DQV) and tables are mixins."""

    # --- levels ---------------------------------------------------------------------------
    def run(self) -> MappedDocument:
        self.work_level()
        self.expression_level()
        self.structure()
        self.tables()
        self.footnotes()
        self.citations()
        self.draft_links()
        self.proceedings()
        self.quality()
        return self.doc

    def work_level(self) -> None:
        res, w, e = self.res, self.work, self.entry
        for t in (UNRES.Work, *WORK_TYPES[e.kind], ALLOT.FRBRWork, FRBR.Work, ELI.LegalResource):
            self.add(w, RDF.type, t)
        self.add(w, RDFS.label, res.symbol or e.alias)
        self.add(w, UNRES.docNumber, e.number)
        self.add(w, ELI.number, e.number)
        self.add(w, UNRES.symbol, res.symbol)
        self.add(w, DCTERMS.identifier, res.symbol)
        self.add(w, UNRES.alias, e.alias)
        if e.earlier:
            self.add(w, UNRES.alias, Literal(e.earlier, datatype=XSD.anyURI))
        self.add(w, UNRES.docDate, date_literal(self.iri.date))
        self.add(w, ELI.date_document, date_literal(self.iri.date))
        if e.approximate:
            self.add(w, UNRES.dateIsApproximate, TRUE)
        self.add(w, UNRES.adoptionDate, self.date(res.adoption_date))
        self.add(w, UNRES.issueDate, self.date(res.date))
        self.add(w, UNRES.docStatus, "adopted" if e.kind in ("resolution", "decision") else "draft")
        actor = self.organization(e.body, res.body)
        self.add(w, UNRES.actor, actor)
        if e.kind in ("resolution", "decision"):
            self.add(w, ELI.passed_by, actor)
        self.add(w, UNRES.docCommittee, self.organization(res.committee_organ, res.committee))
        self.add(w, UNRES.session, literal_of(res.session) if res.session is not None else None)
        self.add(w, UNRES.sessionLabel, self.text(res.session_label))  # as printed: in its language
        for item in res.agenda_items:
            self.add(w, UNRES.agendaItem, item)
        if res.kind != "draft-amendment":  # an amendment's draft is the one it amends: unres:amends
            self.add(w, UNRES.draftSymbol, res.draft_symbol)
            self.add(w, UNRES.reportSymbol, res.report_symbol)
        self.add(w, UNRES.meeting, self.text(res.meeting))
        if res.symbol:
            self.add(w, RDFS.seeAlso, undocs_iri(res.symbol))
        for sponsor in res.sponsors:
            self.add(w, UNRES.docProponent, self.sponsor(sponsor))
        self.add(w, ALLOT.hasRealization, self.expression)
        self.add(w, ELI.is_realized_by, self.expression)

    def expression_level(self) -> None:
        res, x = self.res, self.expression
        for t in (UNRES.Expression, ALLOT.FRBRExpression, UNDO.DocumentVersion, FRBR.Expression, ELI.LegalExpression):
            self.add(x, RDF.type, t)
        self.add(x, ELI.realizes, self.work)
        self.add(x, DCTERMS.language, LANG1[self.tag] if len(self.tag) == 2 else LANG2[self.lang])
        self.add(x, UNRES.language, self.lang)
        if res.title:
            for p in (UNRES.docTitle, DCTERMS.title, ELI.title):
                self.add(x, p, self.text(res.title))
        else:
            self.add(x, UNRES.titleMissing, TRUE)
        self.add(x, UNRES.preambleFormula, self.text(res.preamble_formula))
        self.add(x, DCTERMS.source, res.source)
        self.add(x, UNRES.layout, res.layout)
        for warning in res.warnings:
            self.add(x, UNRES.conversionNote, warning)
        self.add(x, UNRES.hasComponent, self.main)
        self.add(self.main, RDF.type, UNRES.Component)
        self.add(self.main, UNRES.componentOf, x)
        if res.kind == "extract":
            extract = URIRef(f"{self.iri.component_iri('main')}~extract_{source_slug(res.source)}")
            self.add(extract, RDF.type, UNRES.Extract)
            self.add(extract, DCTERMS.isPartOf, x)
            self.add(extract, DCTERMS.source, res.source)

    def structure(self) -> None:
        res = self.res
        if res.preamble:
            pre = self.portion("preamble")
            self.add(pre, RDF.type, UNRES.Preamble)
            self.add(pre, RDF.type, DOCO.Section)
            self.add(pre, UNRES.eId, "preamble")
            self.part_of(pre, self.main, 1)
            for n, para in enumerate(res.preamble, 1):
                node = self.portion(para.eid or f"preamble__para_{n}")
                self.element(node, para.eid or f"preamble__para_{n}", (UNRES.PreambularParagraph, DOCO.Paragraph))
                self.part_of(node, pre, n)
                self.add(node, UNRES.text, self.text(para.text))
                self.add(node, UNRES.intro, self.text(para.intro))
                self.leading(node, para.verb)
                self.notes(node, para.footnote_refs)
                self.points(node, para.eid or f"preamble__para_{n}", para.subparagraphs)
        if res.operative:
            body = self.portion("body")
            self.add(body, RDF.type, UNRES.MainBody)
            self.add(body, RDF.type, DOCO.Section)
            self.add(body, UNRES.eId, "body")
            self.part_of(body, self.main, 2)
            self.paragraphs(body, res.operative, "")
        for k, annex in enumerate(res.annexes, 1):
            eid = annex.eid or f"annex_{k}"
            node = self.portion(eid)
            self.element(node, eid, (UNRES.Annex, DOCO.Section))
            self.part_of(node, self.main, 2 + k)
            self.add(node, UNRES.num, annex.num)
            self.add(node, UNRES.heading, self.text(annex.title))
            self.paragraphs(node, annex.paragraphs, f"{eid}__")

    def element(self, node: URIRef, eid: str, types: tuple[URIRef, ...]) -> None:
        for t in (*types, ELI.LegalResourceSubdivision):
            self.add(node, RDF.type, t)
        self.add(node, UNRES.eId, eid)

    def leading(self, node: URIRef, verb: str | None) -> None:
        if verb:
            self.add(node, UNRES.leadingPhrase, self.text(verb))
            self.add(node, UNRES.action, phrase_concept(verb, self.lang))

    def notes(self, node: URIRef, markers: list[str]) -> None:
        for marker in markers:
            self.add(node, UNRES.hasNote, self.portion(self.footnote_eids.get(marker, f"fn_{marker}")))

    def paragraphs(self, parent: URIRef, paras: list[OperativeParagraph], prefix: str) -> None:
        for n, para in enumerate(paras, 1):
            eid = para.eid or f"{prefix}para_{para.num or f'u{n}'}"
            node = self.portion(eid)
            self.element(node, eid, (UNRES.OperativeParagraph, DOCO.Paragraph))
            self.part_of(node, parent, n)
            if para.num:
                self.add(node, UNRES.num, para.num)
            else:
                self.add(node, UNRES.unnumbered, TRUE)
            self.add(node, UNRES.text, self.text(para.text))
            self.add(node, UNRES.intro, self.text(para.intro))
            self.add(node, UNRES.section, self.text(para.section))
            self.leading(node, para.verb)
            self.notes(node, para.footnote_refs)
            if para.continued:
                self.add(node, UNRES.continued, TRUE)
            if para.truncated:
                self.add(node, UNRES.truncated, TRUE)
            self.addressees(node, para.addressees)
            self.points(node, eid, para.subparagraphs)

    def points(self, parent: URIRef, parent_eid: str, points: list[SubParagraph]) -> None:
        if not points:
            return
        lst = self.portion(f"{parent_eid}__list_1")
        self.element(lst, f"{parent_eid}__list_1", (UNRES.List,))
        self.part_of(lst, parent, 1)
        for n, point in enumerate(points, 1):
            eid = point.eid or f"{parent_eid}__list_1__point_{re.sub(r'[^A-Za-z0-9]+', '', point.num) or n}"
            node = self.portion(eid)
            self.element(node, eid, (UNRES.Point, DOCO.Paragraph))
            self.part_of(node, lst, n)
            self.point_number(node, eid, point.num)
            self.add(node, UNRES.text, self.text(point.text))
            self.addressees(node, point.addressees)
            self.points(node, eid, point.subparagraphs)

    def point_number(self, node: URIRef, eid: str, printed: str) -> None:
        """A point's number is the work's, as its eId names it ((a) in every language: the
        portion is shared); the letter this expression prints ((أ), а)) is its printedNum."""
        if printed.isascii():  # "a", "(a)", "iv", "1."
            self.add(node, UNRES.num, printed)
            return
        token = eid.rpartition("__point_")[2].partition("_")[0]
        self.add(node, UNRES.num, token or printed)
        self.add(node, UNRES.printedNum, self.text(printed))

    def footnotes(self) -> None:
        for n, note in enumerate(self.res.footnotes, 1):
            self.footnote(note, n)

    def footnote(self, note: Footnote, n: int) -> None:
        eid = note.eid or f"fn_{note.marker}"
        node = self.portion(eid)
        for t in (UNRES.AuthorialNote, DOCO.Footnote):
            self.add(node, RDF.type, t)
        self.add(node, UNRES.eId, eid)
        self.add(node, UNRES.marker, note.marker)
        self.add(node, UNRES.text, self.text(note.text))
        self.add(node, DCTERMS.isPartOf, self.main)
        self.add(node, UNRES.position, literal_of(self.position(node, n)))
