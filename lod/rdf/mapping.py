"""The model → RDF mapping: one `rdflib.Graph` per document, nothing of the model left out.

Every resource has an IRI (no blank nodes), so the per-document graphs merge into one dataset
without renaming and the Turtle is byte-identical from run to run. The structure follows
Akoma Ntoso as AKN4UN applies it: work → expression (one language) → component `!main` →
preamble / mainBody / annexes → paragraphs → points, with footnotes and citations as
resources at their eId IRIs. Each level is typed with our class and with its UNDO, ALLOT,
FRBR, ELI and DoCO counterparts so clients of those vocabularies can read it unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from lod import treaties
from lod.model import Addressee, Citation, Footnote, OperativeParagraph, Resolution, Sponsor, SubParagraph
from lod.rdf.namespaces import (
    ALLOT, DCTERMS, DOCO, ELI, FRBR, LANG1, LANG2, OWL, RDF, RDFS, RELATION, SKOS, UNDO, UNRES, WD, XSD,
    bind_prefixes, language_tag, slug, state_iri, undocs_iri, verb_concept,
)
from lod.rdf.registry import (
    RegistryError, WorkEntry, WorkRegistry, actor_token, body_iri, iso_date, resolve_body, source_slug,
)
from lod.states import State, all_states
from lod.uri import IRIError, WorkIRI

TRUE = Literal(True)

WORK_TYPES: dict[str, tuple[URIRef, ...]] = {
    "resolution": (UNRES.Resolution, UNDO.Resolution),
    "decision": (UNRES.Decision, UNDO.Decision),
    "draft-resolution": (UNRES.DraftResolution, UNDO.DeliberativeDocument),
    "draft-decision": (UNRES.DraftDecision, UNDO.DeliberativeDocument),
}


class MappingError(ValueError):
    """A model that cannot be published as it stands (e.g. no language for its expression)."""


@lru_cache(maxsize=1)
def _states() -> dict[str, State]:
    return {state.iso3: state for state in all_states()}


def resolution_graph(res: Resolution, registry: WorkRegistry, base: str) -> Graph:
    """The RDF of one document; `registry` must already know the corpus (see WorkRegistry)."""
    if registry.base.rstrip("/") != base.rstrip("/"):
        raise MappingError(f"the registry names works on {registry.base!r}, not on {base!r}: one base for all IRIs")
    if not res.language:
        raise MappingError(f"{res.source or res.symbol}: no language, so no expression IRI can be formed")
    return _Mapper(res, registry, base.rstrip("/")).run()


class _Mapper:
    """One document's mapping; a class only to share the graph, IRIs and language tag."""

    def __init__(self, res: Resolution, registry: WorkRegistry, base: str) -> None:
        self.res, self.registry, self.base = res, registry, base
        self.g = bind_prefixes(Graph())
        try:
            self.entry: WorkEntry = registry.entry_for(res)
        except RegistryError as exc:
            raise MappingError(str(exc)) from exc
        self.iri: WorkIRI = self.entry.iri
        self.lang = res.language or ""
        self.tag = language_tag(self.lang)
        try:
            self.expression = URIRef(self.iri.expression(self.lang))
        except IRIError as exc:
            raise MappingError(f"{res.source}: {exc}") from exc
        self.work = URIRef(self.iri.work())
        self.main = URIRef(self.iri.component_iri("main"))
        own_body = self.entry.body or resolve_body(res.body)
        self.body_node = URIRef(body_iri(own_body, res.body, base)) if own_body or res.body else None
        self.footnote_eids = {f.marker: f.eid or f"fn_{f.marker}" for f in res.footnotes}

    # --- helpers --------------------------------------------------------------------------
    def add(self, s: Node, p: URIRef, o: Node | str | int | bool | None) -> None:
        if o is None or o == "":
            return
        self.g.add((s, p, o if isinstance(o, (URIRef, Literal)) else Literal(o)))

    def text(self, value: str | None) -> Literal | None:
        return Literal(value, lang=self.tag) if value else None

    def date(self, value: str | None) -> Literal | None:
        """An xsd:date; a date that cannot be read is kept as printed, so the DateDatatype
        shape stops the document instead of the date silently disappearing."""
        if not value:
            return None
        when = iso_date(value)
        return Literal(when, datatype=XSD.date) if when else Literal(value)

    def portion(self, eid: str) -> URIRef:
        return URIRef(self.iri.portion(eid))

    def part_of(self, child: URIRef, parent: URIRef, position: int) -> None:
        self.add(child, DCTERMS.isPartOf, parent)
        self.add(child, ELI.is_part_of, parent)
        self.add(parent, DCTERMS.hasPart, child)
        self.add(parent, ELI.has_part, child)
        self.add(child, UNRES.position, Literal(position))

    def organization(self, name: str | None) -> URIRef | None:
        body = resolve_body(name)
        if not name:
            return None
        node = URIRef(body_iri(body, name, self.base))
        for t in (UNRES.TLCOrganization, ALLOT.Organization):
            self.add(node, RDF.type, t)
        self.add(node, RDFS.label, Literal(body.name if body else name, lang="en"))
        self.add(node, UNRES.actorToken, actor_token(body, name))
        return node

    # --- levels ---------------------------------------------------------------------------
    def run(self) -> Graph:
        self.work_level()
        self.expression_level()
        self.structure()
        self.footnotes()
        self.citations()
        return self.g

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
        self.add(w, UNRES.docDate, Literal(self.iri.date, datatype=XSD.date))
        self.add(w, ELI.date_document, Literal(self.iri.date, datatype=XSD.date))
        if e.approximate:
            self.add(w, UNRES.dateIsApproximate, TRUE)
        self.add(w, UNRES.adoptionDate, self.date(res.adoption_date))
        self.add(w, UNRES.issueDate, self.date(res.date))
        self.add(w, UNRES.docStatus, "adopted" if e.kind in ("resolution", "decision") else "draft")
        actor = self.organization(e.body.key if e.body else res.body)
        self.add(w, UNRES.actor, actor)
        if e.kind in ("resolution", "decision"):
            self.add(w, ELI.passed_by, actor)
        self.add(w, UNRES.docCommittee, self.organization(res.committee))
        self.add(w, UNRES.session, Literal(res.session) if res.session is not None else None)
        self.add(w, UNRES.sessionLabel, res.session_label)
        for item in res.agenda_items:
            self.add(w, UNRES.agendaItem, item)
        self.add(w, UNRES.draftSymbol, res.draft_symbol)
        self.add(w, UNRES.reportSymbol, res.report_symbol)
        self.add(w, UNRES.meeting, res.meeting)
        if res.symbol:
            self.add(w, RDFS.seeAlso, undocs_iri(res.symbol))
        for sponsor in res.sponsors:
            self.add(w, UNRES.docProponent, self.sponsor(sponsor))
        self.add(w, ALLOT.hasRealization, self.expression)
        self.add(w, ELI.is_realized_by, self.expression)

    def sponsor(self, sponsor: Sponsor) -> URIRef:
        if sponsor.iso3:
            node = state_iri(self.base, sponsor.iso3)
            state = _states().get(sponsor.iso3.upper())
            for t in (UNRES.State, ALLOT.Organization):
                self.add(node, RDF.type, t)
            self.add(node, UNRES.iso3, sponsor.iso3.upper())
            self.add(node, RDFS.label, Literal(state.un_name if state else sponsor.name, lang="en"))
            if state is not None:
                for name in sorted({state.name, sponsor.name} - {state.un_name}):
                    self.add(node, SKOS.altLabel, Literal(name, lang="en"))
                self.add(node, UNRES.unStatus, state.status)
                if state.wikidata.startswith(str(WD)):
                    self.add(node, OWL.sameAs, URIRef(state.wikidata))
            return node
        node = URIRef(f"{self.base}/id/sponsor/{slug(sponsor.name)}")
        self.add(node, RDF.type, UNRES.SponsorGroup if sponsor.kind in ("group", "organization") else UNRES.Sponsor)
        self.add(node, RDFS.label, Literal(sponsor.name, lang=self.tag))
        self.add(node, UNRES.sponsorKind, sponsor.kind)
        if sponsor.kind not in ("group", "organization"):
            self.add(node, UNRES.unresolved, TRUE)
        return node

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
                self.leading(node, para.verb)
                self.notes(node, para.footnote_refs)
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
            self.add(node, UNRES.action, verb_concept(verb))

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
            self.add(node, UNRES.section, para.section)
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
            self.add(node, UNRES.num, point.num)
            self.add(node, UNRES.text, self.text(point.text))
            self.addressees(node, point.addressees)
            self.points(node, eid, point.subparagraphs)

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
        self.add(node, UNRES.position, Literal(n))

    # --- citations ------------------------------------------------------------------------
    def citations(self) -> None:
        seen: dict[str, int] = {}
        for cited in self.res.citations:
            where = cited.location or ""
            seen[where] = seen.get(where, 0) + 1
            n = seen[where]
            node = URIRef(f"{self.portion(where)}__cit_{n}" if where else self.portion(f"cit_{n}"))
            self.citation(node, cited, self.portion(where) if where else self.main)

    def citation(self, node: URIRef, cited: Citation, portion: URIRef) -> None:
        for t in (UNRES.Citation, UNDO.Relation):
            self.add(node, RDF.type, t)
        self.add(node, UNRES.inPortion, portion)
        self.add(portion, UNRES.hasCitation, node)
        self.add(node, UNRES.citationText, self.text(cited.text))
        self.add(node, UNRES.citationType, cited.type)
        self.add(node, UNRES.citedNumber, cited.number)
        self.add(node, UNRES.citedSymbol, cited.symbol)
        self.add(node, UNRES.citedBody, self.organization(cited.body))
        self.add(node, UNRES.citedDate, self.date(cited.date))
        for volume in cited.unts_volumes:
            self.add(node, UNRES.untsVolume, volume)
        self.add(node, UNRES.untsNumber, cited.unts_number)
        self.add(node, UNDO.hasProponent, self.body_node)
        if cited.relation:
            self.add(node, UNRES.relation, RELATION[slug(cited.relation)])
            self.add(node, UNDO.hasSemantics, RELATION[slug(cited.relation)])
        if cited.placeholder:
            self.add(node, UNRES.placeholder, TRUE)
            return
        if cited.type == "treaty":
            targets: list[tuple[URIRef, WorkEntry | str]] = [(URIRef(t), t) for t in self.registry.treaty_works(cited)]
        else:
            entry = self.registry.entry_for_citation(cited, self.res.body)
            iri = entry.iri.work() if isinstance(entry, WorkEntry) else entry
            targets = [] if iri is None else [(URIRef(iri), entry)]
        if not targets:
            self.add(node, UNRES.unresolved, TRUE)
        for target, found in targets:
            for p in (UNRES.citesWork, UNDO.hasReceiver):
                self.add(node, p, target)
            for p in (UNRES.cites, ELI.cites):
                self.add(portion, p, target)
            self.cited_work(target, found, cited)

    def cited_work(self, target: URIRef, entry: WorkEntry | str, cited: Citation) -> None:
        """A minimal description of a cited work that no corpus document describes."""
        if isinstance(entry, WorkEntry):
            if entry.in_corpus:
                return
            for t in (UNRES.CitedWork, *WORK_TYPES.get(entry.kind, (UNRES.Resolution, UNDO.Resolution))):
                self.add(target, RDF.type, t)
            self.add(target, UNRES.docNumber, entry.number)
            self.add(target, UNRES.symbol, entry.symbol)
            self.add(target, RDFS.label, entry.symbol or entry.number)
            self.add(target, UNRES.actor, self.organization(entry.body.key if entry.body else entry.actor_name))
            self.add(target, UNRES.docDate, Literal(entry.iri.date, datatype=XSD.date))
            if entry.approximate:
                self.add(target, UNRES.dateIsApproximate, TRUE)
            if entry.symbol:
                self.add(target, RDFS.seeAlso, undocs_iri(entry.symbol))
        elif cited.type == "treaty":
            self.treaty(target, cited)
        else:
            for t in (UNRES.CitedDocument, UNDO.Document):
                self.add(target, RDF.type, t)
            self.add(target, UNRES.symbol, cited.symbol)
            self.add(target, RDFS.label, cited.symbol)
            if cited.symbol:
                self.add(target, RDFS.seeAlso, undocs_iri(cited.symbol))

    def treaty(self, target: URIRef, cited: Citation) -> None:
        """A treaty, described from lod.treaties when its key is in the table."""
        known = treaties.by_key(unquote(str(target).rsplit("/", 1)[-1]))
        self.add(target, RDF.type, UNRES.Treaty)
        self.add(target, RDF.type, UNDO.Protocol if known and known.is_protocol else UNDO.Treaty)
        if known is None:
            self.add(target, UNRES.untsNumber, cited.unts_number)
            self.add(target, RDFS.label, Literal(f"United Nations Treaty Series No. {cited.unts_number}", lang="en"))
            return
        self.add(target, UNRES.untsNumber, known.unts_number)
        self.add(target, RDFS.label, Literal(known.title, lang="en"))
        for volume in known.volumes:
            self.add(target, UNRES.untsVolume, volume)
        self.add(target, UNRES.adoptionDate, self.date(known.adopted))
        if known.parent:
            self.add(target, UNRES.supplements, URIRef(f"{self.base}/id/treaty/unts/{known.parent}"))
        if treaties.is_wikidata_iri(known.wikidata):
            self.add(target, OWL.sameAs, URIRef(known.wikidata))

    # --- addressees -----------------------------------------------------------------------
    def addressees(self, node: URIRef, addressees: list[Addressee]) -> None:
        """Who a paragraph asks to act, as an undo:Relation from the organ to the addressee."""
        for n, who in enumerate(addressees, 1):
            rel = URIRef(f"{node}__addressee_{n}")
            for t in (UNRES.Addressee, UNDO.Relation):
                self.add(rel, RDF.type, t)
            self.add(node, UNRES.hasAddressee, rel)
            self.add(rel, UNRES.addresseeName, self.text(who.name))
            self.add(rel, UNRES.addresseeKind, who.kind)
            self.add(rel, UNRES.actionLemma, who.action)
            self.add(rel, UNDO.hasProponent, self.body_node)
            body = resolve_body(who.body_key) if who.body_key else None
            target = (state_iri(self.base, who.iso3) if who.iso3 else self.organization(who.body_key) if body else None)
            if who.iso3:
                self.sponsor(Sponsor(who.name, who.iso3))
            self.add(rel, UNRES.headOf, self.organization(who.head_of) if who.head_of else None)
            if target is not None:
                self.add(rel, UNDO.hasReceiver, target)
                self.add(node, UNRES.addresses, target)
