"""The authorities graph: every State, organ, treaty and sponsor group, described once.

Documents link to these entities by IRI and carry only what they need to validate alone
(type, label, codes); this graph, published as the named graph `{base}/graph/authorities`,
carries the rest: ISO 3166-1 codes, the UN name and the names used in older documents
("Swaziland", "the former Yugoslav Republic of Macedonia"), membership, parent organs, UNTS
numbers and volumes, and `owl:sameAs` to Wikidata where a confirmed item exists. It is built
from the tables shipped with the package (lod/data, lod.bodies, lod.groups), so it is the
same offline as online, and it describes every entry, cited or not: a query for "resolutions
sponsored by Czechia" must find the State even before any document names it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef

from lod import output, treaties
from lod.bodies import BODIES, Body, by_key
from lod.rdf.groups import GROUPS, group_iri
from lod.rdf.namespaces import (
    ALLOT, OWL, RDF, RDFS, SKOS, UNDO, UNRES, WD, XSD, bind_prefixes, state_iri, treaty_iri,
)
from lod.rdf.ntriples import nt_lines
from lod.rdf.registry import body_iri
from lod.states import NAMES_CSV, all_states, fold

AUTHORITIES_SLUG = output.AUTHORITIES


def authorities_iri(base: str) -> str:
    """The named graph the authorities are published in."""
    return f"{base.rstrip('/')}/graph/{AUTHORITIES_SLUG}"


def _en(text: str) -> Literal:
    return Literal(text, lang="en")


def _printed_names() -> dict[str, list[tuple[str, str]]]:
    """ISO3 → [(kind, name)] as state_names.csv tags them (un / alternative / historic)."""
    with NAMES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = [{k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]
    out: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        out.setdefault(row["iso3"], []).append((row["kind"], row["name"]))
    return out


def _states(base: str) -> Iterator[tuple[URIRef, URIRef, Literal | URIRef]]:
    printed = _printed_names()
    for state in all_states():
        node = state_iri(base, state.iso3)
        yield node, RDF.type, UNRES.State
        yield node, RDF.type, ALLOT.Organization
        yield node, UNRES.iso3, Literal(state.iso3)
        yield node, UNRES.iso2, Literal(state.iso2)
        yield node, RDFS.label, _en(state.un_name)
        yield node, SKOS.prefLabel, _en(state.un_name)
        yield node, UNRES.unStatus, Literal(state.status)
        if state.member_since is not None:
            yield node, UNRES.memberSince, Literal(str(state.member_since), datatype=XSD.gYear)
        historic = {name for kind, name in printed.get(state.iso3, []) if kind == "historic"}
        for name in sorted(set(state.names) - {state.un_name}):
            yield node, SKOS.hiddenLabel if name in historic else SKOS.altLabel, _en(name)
        for name in sorted({fold(n) for n in state.names} - set(state.names)):
            yield node, SKOS.hiddenLabel, _en(name)  # as extracted text prints it, without diacritics
        if state.wikidata.startswith(str(WD)):
            yield node, OWL.sameAs, URIRef(state.wikidata)


def _body_node(body: Body, base: str) -> URIRef:
    return URIRef(body_iri(body, body.name, base))


def _bodies(base: str) -> Iterator[tuple[URIRef, URIRef, Literal | URIRef]]:
    for body in BODIES:
        node = _body_node(body, base)
        yield node, RDF.type, UNRES.TLCOrganization
        yield node, RDF.type, ALLOT.Organization
        yield node, RDFS.label, _en(body.name)
        yield node, SKOS.prefLabel, _en(body.name)
        for alias in body.aliases:
            if alias not in ("Assembly", "Council"):  # bare short forms name no body out of context
                yield node, SKOS.altLabel, _en(alias)
        yield node, UNRES.actorToken, Literal(body.actor)
        yield node, UNRES.bodyKind, Literal(body.kind)
        if body.parent:
            yield node, UNRES.parentBody, _body_node(by_key(body.parent), base)
        if body.wikidata.startswith(str(WD)):
            yield node, OWL.sameAs, URIRef(body.wikidata)


def _treaties(base: str) -> Iterator[tuple[URIRef, URIRef, Literal | URIRef]]:
    for treaty in treaties.all_treaties():
        node = treaty_iri(base, treaty.key)
        yield node, RDF.type, UNRES.Treaty
        yield node, RDF.type, UNDO.Protocol if treaty.is_protocol else UNDO.Treaty
        yield node, RDFS.label, _en(treaty.title)
        yield node, SKOS.prefLabel, _en(treaty.title)
        for name in treaty.names[1:]:
            yield node, SKOS.altLabel, _en(name)
        for language, names in treaty.translations:  # its names in the other official languages
            yield node, RDFS.label, Literal(names[0], lang=language)
            yield node, SKOS.prefLabel, Literal(names[0], lang=language)
            for name in names[1:]:
                yield node, SKOS.altLabel, Literal(name, lang=language)
        yield node, UNRES.untsNumber, Literal(treaty.unts_number)
        for volume in treaty.volumes:
            yield node, UNRES.untsVolume, Literal(volume)
        if treaty.adopted:
            yield node, UNRES.adoptionDate, Literal(treaty.adopted, datatype=XSD.date)
        if treaty.parent:
            yield node, UNRES.supplements, treaty_iri(base, treaty.parent)
        if treaties.is_wikidata_iri(treaty.wikidata):
            yield node, OWL.sameAs, URIRef(treaty.wikidata)


def _groups(base: str) -> Iterator[tuple[URIRef, URIRef, Literal | URIRef]]:
    for group in GROUPS:
        node = URIRef(group_iri(base, group.key))
        yield node, RDF.type, UNRES.SponsorGroup
        if group.kind == "organization":
            yield node, RDF.type, ALLOT.Organization
        yield node, RDFS.label, _en(group.name)
        yield node, SKOS.prefLabel, _en(group.name)
        for alias in group.aliases:
            yield node, SKOS.altLabel, _en(alias)
        yield node, UNRES.sponsorKind, Literal(group.kind)
        if group.wikidata.startswith(str(WD)):
            yield node, OWL.sameAs, URIRef(group.wikidata)


def _triples(base: str) -> Iterator[tuple[URIRef, URIRef, Literal | URIRef]]:
    base = base.rstrip("/")
    for part in (_states, _bodies, _treaties, _groups):
        yield from part(base)


def authorities_graph(base: str) -> Graph:
    """Every State, body, treaty and sponsor group of the shipped tables, as RDF."""
    g = bind_prefixes(Graph())
    for triple in _triples(base):
        g.add(triple)
    return g


def authorities_lines(base: str) -> tuple[str, ...]:
    """The authorities as sorted N-Triples lines, the form the build publishes graphs in
    (the lines of `authorities_graph(base)`'s N-Triples, written without the Graph)."""
    return tuple(nt_lines(_triples(base)))
