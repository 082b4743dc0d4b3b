"""Every SPARQL query the browse and listing pages run, in one place (descriptions are not
queried: the build writes them, lod.describe).

They are deliberately generic (a work is the named graph that carries its IRI), so they survive
changes to the ontology. Variables such as
`?work`, `?iri` and `?symbol` are bound by the store as an escaped VALUES block put where
`$BINDINGS` stands (lod.store.bind_values): user input never becomes query syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from lod.describe.labels import LABEL_PREDICATES
from lod.rdf import examples as link_examples

PREFIXES = """\
PREFIX unres: <https://w3id.org/un-lod/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX akn: <http://docs.oasis-open.org/legaldocml/ns/akn/3.0/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX verb: <https://w3id.org/un-lod/vocab/verb/>
"""

_LABEL_IN = ", ".join(f"<{p}>" for p in LABEL_PREDICATES)

EXISTS = "ASK { { $BINDINGS ?iri ?p ?o } UNION { $BINDINGS ?s ?p ?iri } }"

WORK_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { $BINDINGS GRAPH ?work { ?s ?p ?o } }"
"""The document as published: its named graph (graph name = work IRI)."""

WORKS = "SELECT DISTINCT ?work WHERE { GRAPH ?work { ?work ?p ?o } }"
"""Every published work: the graphs named after the work they describe."""

SYMBOL_TO_WORK = PREFIXES + """\
SELECT ?work WHERE {
  { $BINDINGS ?work unres:symbol ?symbol } UNION { $BINDINGS ?work unres:docNumber ?symbol }
  UNION { $BINDINGS ?work eli:number ?symbol }
  FILTER(isIRI(?work))
} LIMIT 1"""
"""The work that carries a document symbol (bound as a plain literal, never pasted)."""

COUNTS = PREFIXES + """\
SELECT ?documents ?triples WHERE {
  { SELECT (COUNT(DISTINCT ?g) AS ?documents) WHERE { GRAPH ?g { ?g ?p ?o } } }
  { SELECT (COUNT(*) AS ?triples) WHERE { GRAPH ?x { ?s ?p2 ?o2 } } }
}"""
"""Documents are the graphs named after the work they describe (other graphs, such as the
authorities graph of States and bodies, are not documents); triples are all of them."""

DOCUMENTS = PREFIXES + """\
SELECT ?work (SAMPLE(?sym) AS ?symbol) (SAMPLE(?t) AS ?title) (SAMPLE(?d) AS ?date) WHERE {
  GRAPH ?work { ?work ?p ?o }
  OPTIONAL { ?work unres:symbol ?sym }
  OPTIONAL { ?work eli:is_realized_by/dcterms:title ?t }
  OPTIONAL { ?work unres:docDate ?d }
} GROUP BY ?work ORDER BY DESC(?date) ?symbol LIMIT 500"""

SPONSORS = PREFIXES + """\
SELECT ?sponsor (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?work) AS ?documents) WHERE {
  GRAPH ?work { ?work ?p ?sponsor }
  FILTER(isIRI(?sponsor) && (?p = unres:docProponent || CONTAINS(LCASE(STR(?p)), "sponsor")))
  OPTIONAL { ?sponsor ?lp ?l FILTER(?lp IN (%s)) }
} GROUP BY ?sponsor ORDER BY ?label LIMIT 1000""" % _LABEL_IN
"""States (and groups) named as sponsors (unres:docProponent, or any property named for sponsors)."""

TREATIES = PREFIXES + """\
SELECT ?treaty (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?g) AS ?documents) WHERE {
  ?treaty a ?class FILTER(CONTAINS(LCASE(STR(?class)), "treaty"))
  OPTIONAL { ?treaty ?lp ?l FILTER(?lp IN (%s)) }
  OPTIONAL { GRAPH ?g { ?s ?q ?treaty } }
} GROUP BY ?treaty ORDER BY ?label LIMIT 1000""" % _LABEL_IN
"""Treaties: resources typed with a class whose name says treaty, and how many documents cite them."""


@dataclass(frozen=True)
class Example:
    title: str
    query: str
    needs: str = ""
    """What input the question needs to have answers ("AKN4UN"); empty: any corpus answers it."""


EXAMPLES: tuple[Example, ...] = (
    Example("Documents, newest first", PREFIXES + """\
SELECT DISTINCT ?work ?symbol ?title ?date WHERE {
  ?work a unres:Work ; unres:symbol ?symbol .
  OPTIONAL { ?work eli:is_realized_by/dcterms:title ?title }
  OPTIONAL { ?work unres:docDate ?date }
} ORDER BY DESC(?date) LIMIT 100"""),
    Example("Sponsors of a draft resolution (A/C.6/80/L.2)", PREFIXES + """\
SELECT DISTINCT ?state ?name ?iso3 WHERE {
  ?work unres:symbol "A/C.6/80/L.2" ;
        unres:docProponent ?state .
  OPTIONAL { ?state rdfs:label ?name }
  OPTIONAL { ?state unres:iso3 ?iso3 }
} ORDER BY ?name"""),
    Example("Documents co-sponsored by two States (Austria and Canada)", PREFIXES + """\
SELECT DISTINCT ?work ?symbol WHERE {
  ?work unres:docProponent ?a, ?b .
  ?a unres:iso3 "AUT" .
  ?b unres:iso3 "CAN" .
  OPTIONAL { ?work unres:symbol ?symbol }
}"""),
    Example("What cites resolution 70/174, and where", PREFIXES + """\
SELECT DISTINCT ?citing ?paragraph ?printed WHERE {
  { ?cited unres:symbol "A/RES/70/174" . ?citation unres:citesWork ?cited }
  UNION { ?citation unres:citedSymbol "A/RES/70/174" }
  GRAPH ?citing { ?citation unres:inPortion ?paragraph ; unres:citationText ?printed }
} ORDER BY ?citing ?paragraph"""),
    Example("Operative paragraphs that request something of a given body (UNODC)", PREFIXES + """\
SELECT DISTINCT ?work ?paragraph ?text WHERE {
  GRAPH ?work {
    ?paragraph a unres:OperativeParagraph ;
               unres:hasAddressee ?addressee ;
               unres:text ?text .
    ?addressee unres:actionLemma "request" ;
               unres:addresseeName ?body .
  }
  FILTER(CONTAINS(?body, "Office on Drugs and Crime"))
} LIMIT 100"""),
    Example("Treaty citations: which paragraphs cite which treaty", PREFIXES + """\
SELECT DISTINCT ?treaty ?volume ?number ?printed ?paragraph WHERE {
  ?treaty a unres:Treaty .
  OPTIONAL { ?treaty unres:untsVolume ?volume }
  OPTIONAL { ?treaty unres:untsNumber ?number }
  ?citation unres:citesWork ?treaty ;
            unres:inPortion ?paragraph ;
            unres:citationText ?printed .
} ORDER BY ?treaty"""),
    *(Example(e.title, e.query) for e in (
        link_examples.CO_SPONSORED_REAFFIRMING_TREATY,
        link_examples.SPONSORS_WITH_WIKIDATA,
        link_examples.DRAFTS_AND_ADOPTED,
    )),
    *(Example(e.title, e.query, needs="AKN4UN") for e in link_examples.AKN_EXAMPLES),
    Example("Everything about one resolution (CONSTRUCT of its graph)", PREFIXES + """\
CONSTRUCT { ?s ?p ?o } WHERE {
  ?work unres:symbol "A/RES/80/2" .
  GRAPH ?work { ?s ?p ?o }
}"""),
    Example("How many documents each State sponsored (a chart)", PREFIXES + """\
SELECT ?state (COUNT(DISTINCT ?work) AS ?documents) WHERE {
  GRAPH ?work { ?work unres:docProponent ?sponsor }
  ?sponsor skos:prefLabel ?state .
} GROUP BY ?state ORDER BY DESC(?documents) ?state LIMIT 30"""),
)
