"""Sponsors and addressees: the States, groups and organs a document names, as entities.

A per-document graph says only what it needs to validate on its own (type, label, the codes
the shapes check); the full description of every State, group and organ (ISO codes, names
through history, Wikidata) is the authorities graph (lod/rdf/authorities.py), published once.
A name that resolves to nothing is kept and flagged `unres:unresolved`, never dropped.
"""

from __future__ import annotations

from rdflib import URIRef

from lod.bodies import known
from lod.groups import by_key as by_group_key
from lod.model import Addressee, Sponsor
from lod.rdf.groups import group_iri
from lod.rdf.mapbase import TRUE, MapperBase
from lod.rdf.namespaces import ALLOT, OWL, RDF, RDFS, SKOS, UNDO, UNRES, WD, slug, state_iri
from lod.rdf.ntriples import Text
from lod.states import by_iso3

RESOLVABLE_ADDRESSEES = ("body", "office", "state")
"""Addressee kinds that name one entity, so an unresolved one is flagged; "states" (a class
of States), "group" ("other donors") and "organization" name no entity of our tables."""


class AgentMapping(MapperBase):
    """Sponsors and addressees of one document (a mixin of the document mapper)."""

    def state(self, iso3: str, printed: str) -> URIRef:
        """A State by its ISO code; the printed name is kept as an alternative label."""
        node = state_iri(self.base, iso3)
        state = by_iso3(iso3)
        for t in (UNRES.State, ALLOT.Organization):
            self.add(node, RDF.type, t)
        self.add(node, UNRES.iso3, iso3.upper())
        self.add(node, RDFS.label, Text(state.un_name if state else printed, "en"))
        if state is not None:
            for name in sorted({state.name, printed} - {state.un_name}):
                self.add(node, SKOS.altLabel, Text(name, "en"))
            self.add(node, UNRES.unStatus, state.status)
            if state.wikidata.startswith(str(WD)):
                self.add(node, OWL.sameAs, URIRef(state.wikidata))
        return node

    def sponsor(self, sponsor: Sponsor) -> URIRef:
        """A State by its ISO code, a known group by its key, anything else flagged."""
        if sponsor.iso3:
            return self.state(sponsor.iso3, sponsor.name)
        group = self.group(sponsor.group, sponsor.name)
        if group is not None:
            return group
        if sponsor.kind in ("group", "organization"):
            # a group the parser recognised by its form ("Group of …") but our table lacks
            node = URIRef(group_iri(self.base, slug(sponsor.name)))
            self.add(node, RDF.type, UNRES.SponsorGroup)
        else:
            node = URIRef(f"{self.base}/id/sponsor/{slug(sponsor.name)}")
            self.add(node, RDF.type, UNRES.Sponsor)
        self.add(node, RDFS.label, Text(sponsor.name, self.tag))
        self.add(node, UNRES.sponsorKind, sponsor.kind)
        self.add(node, UNRES.unresolved, TRUE)
        return node

    def group(self, key: str | None, printed: str) -> URIRef | None:
        """A group or organization of lod.groups by its key, as `printed` names it; None if unknown."""
        group = by_group_key(key) if key else None
        if group is None:
            return None
        node = URIRef(group_iri(self.base, group.key))
        self.add(node, RDF.type, UNRES.SponsorGroup)
        if group.kind == "organization":
            self.add(node, RDF.type, ALLOT.Organization)
        self.add(node, RDFS.label, Text(group.name, "en"))
        self.add(node, UNRES.sponsorKind, group.kind)
        if printed.removeprefix("the ") != group.name:  # "the African Union" is no other name
            self.add(node, SKOS.altLabel, Text(printed, self.tag))
        return node

    def established(self, who: Addressee) -> URIRef | None:
        """A body the text names by the resolution that established it (lod.parse.established),
        under the organ's actor: /id/body/un-sc/committee-2140-2014, linked to that resolution."""
        if not (who.established_by and who.established_head):
            return None
        organ = known(self.res.body_key)
        node = URIRef(f"{self.base}/id/body/{organ.actor if organ else 'un'}/"
                      f"{slug(who.established_head)}-{slug(who.established_by)}")
        self.add(node, RDF.type, ALLOT.Organization)
        self.add(node, RDFS.label, Text(f"{who.established_head} established pursuant to resolution {who.established_by}", "en"))
        cited = next((c for c in self.res.citations if c.type == "resolution" and c.number
                      and " ".join(c.number.split()) == who.established_by), None)
        work = self.registry.work_for_citation(cited, self.res.body_key, self.res.body) if cited else None
        if self.res.number and " ".join(self.res.number.split()) == who.established_by:
            work = str(self.work)  # "Establishes a Commission …": this resolution's own body
        self.add(node, UNRES.establishedBy, URIRef(work) if work else None)
        return node

    def addressees(self, node: URIRef, addressees: list[Addressee]) -> None:
        """Who a paragraph asks to act, as an undo:Relation from the organ to the addressee."""
        for n, who in enumerate(addressees, 1):
            # portions are shared by the six language versions; what a text says in one is its own
            rel = URIRef(f"{node}__addressee_{n}" if self.lang == "eng" else f"{node}__addressee_{self.lang}_{n}")
            for t in (UNRES.Addressee, UNDO.Relation):
                self.add(rel, RDF.type, t)
            self.add(node, UNRES.hasAddressee, rel)
            self.add(rel, UNRES.addresseeName, self.text(who.name))
            self.add(rel, UNRES.addresseeKind, who.kind)
            self.add(rel, UNRES.actionLemma, who.action)
            self.add(rel, UNDO.hasProponent, self.body_node)
            body = known(who.body_key)
            target = (self.state(who.iso3, who.name) if who.iso3 else self.organization(body) if body
                      else self.group(who.group, who.name) if who.group else self.established(who))
            head = self.organization(known(who.head_of))
            self.add(rel, UNRES.headOf, head)
            if target is not None:
                self.add(rel, UNDO.hasReceiver, target)
                self.add(node, UNRES.addresses, target)
            elif head is None and who.kind in RESOLVABLE_ADDRESSEES:
                self.add(rel, UNRES.unresolved, TRUE)
