"""What every part of one document's mapping shares: the triples, the IRIs, the helpers.

The mapping is split by job (structure in mapping.py, agents in agents.py, citations and
links in links.py); each part is a mixin over this base so that they all write into one
`MappedDocument` with one language tag and one base, and none of them needs to know the others.
The triples become a Graph or N-Triples lines only at the end (see ntriples.py).
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.term import Node

from lod.bodies import Body
from lod.dates import is_iso_day
from lod.model import Resolution
from lod.rdf.namespaces import ALLOT, DCTERMS, ELI, RDF, RDFS, UNRES, XSD, language_tag
from lod.rdf.ntriples import MappedDocument, Text, literal_of
from lod.rdf.registry import RegistryError, WorkEntry, WorkRegistry, actor_token, body_iri
from lod.uri import IRIError, WorkIRI

TRUE = Literal(True)


class MappingError(ValueError):
    """A model that cannot be published as it stands (e.g. no language for its expression)."""


@lru_cache(maxsize=4096)
def date_literal(iso: str) -> Literal:
    """An xsd:date Literal, made once per date: work and citation dates repeat across documents."""
    return Literal(iso, datatype=XSD.date)


class MapperBase:
    """One document's mapping state; the mixins add the levels and the links."""

    def __init__(self, res: Resolution, registry: WorkRegistry, base: str) -> None:
        self.res, self.registry, self.base = res, registry, base
        self.doc = MappedDocument()
        self._emit = self.doc.triples.append
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
        own_body = self.entry.body or res.organ
        self.body_node = URIRef(body_iri(own_body, res.body, base)) if own_body or res.body else None
        self.footnote_eids = {f.marker: f.eid or f"fn_{f.marker}" for f in res.footnotes}
        self.work_positions = registry.outline_positions(res)
        """Positions the work's order gives portions where this expression's own differs
        (lod.rdf.outline): one order per work, however each language file is marked up."""

    def add(self, s: Node, p: URIRef, o: Node | Text | str | int | bool | None) -> None:
        """One triple; None and "" are no value, any other Python value becomes a Literal."""
        kind = type(o)
        if kind is URIRef or kind is Text or kind is Literal:
            self._emit((s, p, o))
        elif kind is str:
            if o:
                self._emit((s, p, Text(o)))
        elif o is None or o == "":
            return
        else:
            self._emit((s, p, o if isinstance(o, (URIRef, Literal, Text)) else literal_of(o)))

    def text(self, value: str | None) -> Text | None:
        """A string in the document's language (its tag is valid: the expression IRI checked it)."""
        return Text(value, self.tag) if value else None

    def date(self, value: str | None) -> Literal | Text | None:
        """An xsd:date; a date the converter could not read is kept as printed, so the
        DateDatatype shape stops the document instead of the date silently disappearing."""
        if not value:
            return None
        return date_literal(value) if is_iso_day(value) else Text(value)

    def portion(self, eid: str) -> URIRef:
        return URIRef(self.iri.portion(eid))

    def part_of(self, child: URIRef, parent: URIRef, position: int) -> None:
        self.add(child, DCTERMS.isPartOf, parent)
        self.add(child, ELI.is_part_of, parent)
        self.add(parent, DCTERMS.hasPart, child)
        self.add(parent, ELI.has_part, child)
        self.add(child, UNRES.position, literal_of(self.position(child, position)))

    def position(self, node: URIRef, own: int) -> int:
        """The work's position of a portion, which is its own unless the expressions disagree."""
        if self.work_positions:
            return self.work_positions.get(node.partition("#")[2], own)
        return own

    def organization(self, body: Body | None, name: str | None = None) -> URIRef | None:
        """A body as a TLCOrganization: type and label here, the rest in the authorities graph.
        `name` is the name as printed, for a body the table does not know (it gets an IRI from it)."""
        if body is None and not name:
            return None
        node = URIRef(body_iri(body, name, self.base))
        for t in (UNRES.TLCOrganization, ALLOT.Organization):
            self.add(node, RDF.type, t)
        self.add(node, RDFS.label, Text(body.name if body else name, "en"))
        self.add(node, UNRES.actorToken, actor_token(body, name))
        return node
