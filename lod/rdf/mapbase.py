"""What every part of one document's mapping shares: the graph, the IRIs, the helpers.

The mapping is split by job (structure in mapping.py, agents in agents.py, citations and
links in links.py); each part is a mixin over this base so that they all write into one
graph with one language tag and one base, and none of them needs to know the others.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from lod.model import Resolution
from lod.rdf.namespaces import ALLOT, DCTERMS, ELI, RDF, RDFS, UNRES, XSD, bind_prefixes, language_tag
from lod.rdf.registry import RegistryError, WorkEntry, WorkRegistry, actor_token, body_iri, iso_date, resolve_body
from lod.states import State, all_states
from lod.uri import IRIError, WorkIRI

TRUE = Literal(True)


class MappingError(ValueError):
    """A model that cannot be published as it stands (e.g. no language for its expression)."""


@lru_cache(maxsize=1)
def states_by_iso3() -> dict[str, State]:
    return {state.iso3: state for state in all_states()}


class MapperBase:
    """One document's mapping state; the mixins add the levels and the links."""

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
        """A body as a TLCOrganization: type and label here, the rest in the authorities graph."""
        body = resolve_body(name)
        if not name:
            return None
        node = URIRef(body_iri(body, name, self.base))
        for t in (UNRES.TLCOrganization, ALLOT.Organization):
            self.add(node, RDF.type, t)
        self.add(node, RDFS.label, Literal(body.name if body else name, lang="en"))
        self.add(node, UNRES.actorToken, actor_token(body, name))
        return node
