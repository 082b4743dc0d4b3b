"""Citations and the links they make: paragraph → cited work, typed by the verb; draft ↔ adopted.

Each printed citation is an `unres:Citation` (UNDO's Relation: proponent, receiver, semantics)
at the eId of the paragraph or footnote that prints it. On top of it, the citing paragraph is
linked straight to the cited work by `unres:cites` and by the typed property of its relation
(unres:reaffirms, unres:recalls, …; see relations.py), which is what queries join on.

A footnote's citation is also a citation of every paragraph that carries its marker: "the
Convention …,¹" with footnote 1 "United Nations, Treaty Series, vol. 2225, No. 39574" means
the paragraph cites treaty 39574. Its relation is the one the paragraph's own text gives the
same work, else the one its leading phrase expresses ("Reaffirming also" → reaffirms). A
citation printed in a paragraph with no verb of its own before it is likewise introduced by
the paragraph's leading phrase ("Recognizing … the Convention": recognizes).

Cited works outside the corpus get a minimal description (type, symbol, organ, the official
page by symbol) so every link lands on something a client can read; placeholders ("73/___")
and citations that cannot be resolved are kept and flagged, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote

from rdflib import Literal, URIRef

from lod import treaties
from lod.model import Citation
from lod.rdf.mapbase import TRUE, MapperBase, date_literal
from lod.rdf.namespaces import (
    DCTERMS, ELI, FRBR, OWL, RDF, RDFS, RELATION, UNDO, UNRES, XSD, document_iri, slug, treaty_iri, undocs_iri,
)
from lod.rdf.ntriples import Text
from lod.rdf.registry import WorkEntry
from lod.rdf.relations import relation_of_phrase, relation_property

WORK_TYPES: dict[str, tuple[URIRef, ...]] = {
    "resolution": (UNRES.Resolution, UNDO.Resolution),
    "decision": (UNRES.Decision, UNDO.Decision),
    "draft-resolution": (UNRES.DraftResolution, UNDO.DeliberativeDocument),
    "draft-decision": (UNRES.DraftDecision, UNDO.DeliberativeDocument),
    "draft-amendment": (UNRES.Amendment, UNDO.DeliberativeDocument),
}


@dataclass
class _Citing:
    """A paragraph as a citer: its leading phrase, its footnote markers, what its text cites."""

    verb: str | None
    markers: list[str]
    relations: dict[URIRef, str] = field(default_factory=dict)


class CitationMapping(MapperBase):
    """Citations, typed links and draft links of one document (a mixin of the document mapper)."""

    def citations(self) -> None:
        """Every printed citation, then the footnote citations carried over to the paragraphs
        that print their markers (so a footnote's relation can use what the paragraph says)."""
        citing = self._citing_paragraphs()
        by_note: dict[str, list[URIRef]] = {}
        seen: dict[str, int] = {}
        for cited in self.res.citations:
            where = cited.location or ""
            seen[where] = seen.get(where, 0) + 1
            local = f"cit_{seen[where]}" if self.lang == "eng" else f"cit_{self.lang}_{seen[where]}"
            node = URIRef(f"{self.portion(where)}__{local}" if where else self.portion(local))
            portion = self.portion(where) if where else self.main
            # no verb before the citation: the paragraph's leading phrase is what introduces it
            relation = cited.relation or (relation_of_phrase(citing[where].verb, self.lang) if where in citing else None)
            targets = self.citation(node, cited, portion, relation)
            if where in citing and relation:
                for target in targets:
                    citing[where].relations.setdefault(target, relation)
            if where.startswith("fn_"):
                by_note.setdefault(where, []).extend(targets)
        for eid, paragraph in citing.items():
            for marker in paragraph.markers:
                for target in by_note.get(self.footnote_eids.get(marker, f"fn_{marker}"), []):
                    relation = paragraph.relations.get(target) or relation_of_phrase(paragraph.verb, self.lang)
                    self.link(self.portion(eid), target, relation)

    def _citing_paragraphs(self) -> dict[str, _Citing]:
        res = self.res
        out = {p.eid or f"preamble__para_{n}": _Citing(p.verb, p.footnote_refs) for n, p in enumerate(res.preamble, 1)}
        for p in res.operative:
            out[p.eid] = _Citing(p.verb, p.footnote_refs)
        for annex in res.annexes:
            for p in annex.paragraphs:
                out[p.eid] = _Citing(p.verb, p.footnote_refs)
        out.pop("", None)
        return out

    def link(self, portion: URIRef, target: URIRef, relation: str | None) -> None:
        """The direct links a query joins on: cites, and the relation's typed property."""
        for p in (UNRES.cites, ELI.cites):
            self.add(portion, p, target)
        typed = relation_property(relation)
        if typed is not None:
            self.add(portion, typed, target)

    def citation(self, node: URIRef, cited: Citation, portion: URIRef, relation: str | None) -> list[URIRef]:
        """The Citation node and its links; returns the works it resolved to."""
        for t in (UNRES.Citation, UNDO.Relation):
            self.add(node, RDF.type, t)
        self.add(node, UNRES.inPortion, portion)
        self.add(portion, UNRES.hasCitation, node)
        self.add(node, UNRES.citationText, self.text(cited.text))
        self.add(node, UNRES.citationType, cited.type)
        self.add(node, UNRES.citedNumber, cited.number)
        self.add(node, UNRES.citedSymbol, cited.symbol)
        self.add(node, UNRES.citedBody, self.organization(cited.organ, cited.body))
        self.add(node, UNRES.citedDate, self.date(cited.date))
        for volume in cited.unts_volumes:
            self.add(node, UNRES.untsVolume, volume)
        self.add(node, UNRES.untsNumber, cited.unts_number)
        self.add(node, UNDO.hasProponent, self.body_node)
        if relation:
            self.add(node, UNRES.relation, RELATION[slug(relation)])
            self.add(node, UNDO.hasSemantics, RELATION[slug(relation)])
        if cited.placeholder:
            self.add(node, UNRES.placeholder, TRUE)
            return []
        if cited.type == "treaty":
            targets: list[tuple[URIRef, WorkEntry | str]] = [(URIRef(t), t) for t in self.registry.treaty_works(cited)]
        else:
            entry = self.registry.entry_for_citation(cited, self.res.body_key, self.res.body)
            iri = entry.iri.work() if isinstance(entry, WorkEntry) else entry
            targets = [] if iri is None else [(URIRef(iri), entry)]
        if not targets:
            self.add(node, UNRES.unresolved, TRUE)
        for target, found in targets:
            for p in (UNRES.citesWork, UNDO.hasReceiver):
                self.add(node, p, target)
            self.link(portion, target, relation)
            self.cited_work(target, found, cited)
        return [target for target, _ in targets]

    def cited_work(self, target: URIRef, entry: WorkEntry | str, cited: Citation) -> None:
        """A minimal description of a cited work that no corpus document describes."""
        if isinstance(entry, WorkEntry):
            if entry.in_corpus:
                self.corpus_work_label(target, entry)
                return
            for t in (UNRES.CitedWork, *WORK_TYPES.get(entry.kind, (UNRES.Resolution, UNDO.Resolution))):
                self.add(target, RDF.type, t)
            # a stub: a work known by its symbol (else its number, as alias), organ and date;
            # no expression, since no text of it is published here (shape:WorkExpression)
            self.add(target, UNRES.docNumber, entry.number)
            self.add(target, UNRES.symbol, entry.symbol)
            self.add(target, UNRES.alias, entry.alias)
            if entry.earlier:
                self.add(target, UNRES.alias, Literal(entry.earlier, datatype=XSD.anyURI))
            self.add(target, RDFS.label, entry.symbol or entry.number)
            self.add(target, UNRES.actor, self.organization(entry.body, entry.actor_name))
            self.add(target, UNRES.docDate, date_literal(entry.iri.date))
            if entry.approximate:
                self.add(target, UNRES.dateIsApproximate, TRUE)
            if entry.symbol:
                self.add(target, RDFS.seeAlso, undocs_iri(entry.symbol))
        elif cited.type == "treaty":
            self.treaty(target, cited)
        else:
            self.document(target, cited.symbol)

    def corpus_work_label(self, target: URIRef, entry: WorkEntry) -> None:
        """Type and label of a work another corpus document describes, so this graph validates
        alone; deliberately not unres:Work, whose full description is that document's job."""
        for t in WORK_TYPES.get(entry.kind, (UNRES.Resolution, UNDO.Resolution)):
            self.add(target, RDF.type, t)
        self.add(target, RDFS.label, entry.symbol or entry.alias or entry.number)

    def document(self, target: URIRef, symbol: str | None) -> None:
        """A UN document by its symbol: what it is, and where its official text is."""
        for t in (UNRES.CitedDocument, UNDO.Document):
            self.add(target, RDF.type, t)
        self.add(target, UNRES.symbol, symbol)
        self.add(target, RDFS.label, symbol)
        if symbol:
            self.add(target, RDFS.seeAlso, undocs_iri(symbol))

    def treaty(self, target: URIRef, cited: Citation) -> None:
        """A treaty as the shapes need it here; lod.treaties facts are in the authorities graph too."""
        known = treaties.by_key(unquote(str(target).rsplit("/", 1)[-1]))
        self.add(target, RDF.type, UNRES.Treaty)
        self.add(target, RDF.type, UNDO.Protocol if known and known.is_protocol else UNDO.Treaty)
        if known is None:
            self.add(target, UNRES.untsNumber, cited.unts_number)
            for volume in cited.unts_volumes:
                self.add(target, UNRES.untsVolume, volume)
            self.add(target, RDFS.label, Text(f"United Nations Treaty Series No. {cited.unts_number}", "en"))
            return
        self.add(target, UNRES.untsNumber, known.unts_number)
        self.add(target, RDFS.label, Text(known.title, "en"))
        for volume in known.volumes:
            self.add(target, UNRES.untsVolume, volume)
        self.add(target, UNRES.adoptionDate, self.date(known.adopted))
        if known.parent:
            self.add(target, UNRES.supplements, treaty_iri(self.base, known.parent))
        if treaties.is_wikidata_iri(known.wikidata):
            self.add(target, OWL.sameAs, URIRef(known.wikidata))

    # --- drafts, reports and adopted texts -----------------------------------------------
    def draft_links(self) -> None:
        """Adopted text → its draft and report; draft → the text it became (FRBR transformation);
        a draft made on the basis of consultations on another → that draft; amendment → the draft
        it would change."""
        res, w = self.res, self.work
        if res.kind == "draft-amendment":
            self.amended()
            return
        if res.draft_symbol:
            draft = self.registry.corpus_work(res.draft_symbol)
            if draft is not None and URIRef(draft.iri.work()) == w:
                draft = None  # a text printing its own symbol as its draft's: never a link to itself
            if draft is not None:
                target = URIRef(draft.iri.work())
                self.corpus_work_label(target, draft)
                self.add(target, FRBR.transformation, w)
                if not res.kind.startswith("draft"):  # a Vice-Chair's draft is no other name of the one it was made from
                    self.add(w, UNRES.alias, Literal(str(target), datatype=XSD.anyURI))
            else:
                target = document_iri(self.base, res.draft_symbol)
                self.document(target, res.draft_symbol)
            self.add(w, UNRES.draft, target)
            self.add(w, DCTERMS.references, target)
        if res.report_symbol:
            target = self.by_symbol(res.report_symbol)
            self.add(w, UNRES.report, target)
            self.add(w, DCTERMS.references, target)
        if res.symbol and res.kind.startswith("draft"):
            for adopted in self.registry.adopted_from(res.symbol):
                node = URIRef(adopted.iri.work())
                self.corpus_work_label(node, adopted)
                self.add(w, FRBR.transformation, node)
                self.add(w, UNRES.adoptedAs, node)

    def amended(self) -> None:
        """`unres:amends`: the draft's work when the corpus holds it, else the draft or the report
        that recommends it as a UN document."""
        for symbol in (self.res.draft_symbol, self.res.report_symbol):
            target = self.by_symbol(symbol) if symbol else None
            if target is not None and target != self.work:
                self.add(self.work, UNRES.amends, target)
                self.add(self.work, DCTERMS.references, target)

    def by_symbol(self, symbol: str) -> URIRef:
        """The work of the corpus a symbol names, labelled, else the UN document of that symbol."""
        work = self.registry.corpus_work(symbol)
        if work is None:
            target = document_iri(self.base, symbol)
            self.document(target, symbol)
            return target
        target = URIRef(work.iri.work())
        self.corpus_work_label(target, work)
        return target
