"""Every SPARQL query the browse and listing pages run, in one place (descriptions are not
queried: the build writes them, lod.describe).

A document is the named graph that carries its work's IRI (`GRAPH ?work { ?work a unres:Work }`).
The listings name the properties they count (unres:docProponent, unres:cites, unres:Treaty) and
count before they label: generic patterns (`GRAPH ?work { ?work ?p ?o }`, a filter on the
property's name over every quad) were scans of the whole dataset, 99 s (documents), 37 s
(sponsors) and 13 s (treaties) at 17,000 documents, 10.8 M triples. Variables such as
`?work`, `?iri` and `?symbol` are bound by the store as an escaped VALUES block put where
`$BINDINGS` stands (lod.store.bind_values): user input never becomes query syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from lod.describe.labels import LABEL_PREDICATES
from lod.rdf import examples as link_examples
from lod.rdf.namespaces import prefix_lines

PREFIXES = prefix_lines("unres", "dcterms", "rdfs", "skos", "foaf", "rdf", "akn", "eli", "verb")

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
SELECT ?work ?symbol (SAMPLE(?t) AS ?title) ?date WHERE {
  { SELECT ?work (SAMPLE(?d) AS ?date) (SAMPLE(?sym) AS ?symbol) WHERE {
      GRAPH ?work { ?work a unres:Work OPTIONAL { ?work unres:docDate ?d } OPTIONAL { ?work unres:symbol ?sym } }
    } GROUP BY ?work ORDER BY DESC(?date) ?symbol LIMIT 500 }
  OPTIONAL { ?work eli:is_realized_by/dcterms:title ?t }
} GROUP BY ?work ?date ?symbol ORDER BY DESC(?date) ?symbol"""
"""The newest 500 documents, for data without the build's list (lod.output.NEWEST, which the pages
read first): chosen by date and symbol looked up in each work's own graph, titled after."""

SPONSORS = PREFIXES + """\
SELECT ?sponsor (SAMPLE(?l) AS ?label) ?documents WHERE {
  { SELECT ?sponsor (COUNT(DISTINCT ?work) AS ?documents) WHERE {
      GRAPH ?work { ?work unres:docProponent ?sponsor } FILTER(isIRI(?sponsor))
    } GROUP BY ?sponsor }
  OPTIONAL { ?sponsor ?lp ?l FILTER(?lp IN (%s) && lang(?l) IN ("", "en")) }
} GROUP BY ?sponsor ?documents ORDER BY ?label ?sponsor LIMIT 1000""" % _LABEL_IN
"""States and groups named as sponsors (unres:docProponent), with how many documents each."""

TREATIES = PREFIXES + """\
SELECT ?treaty (SAMPLE(?l) AS ?label) ?documents WHERE {
  { SELECT ?treaty (COUNT(DISTINCT ?g) AS ?documents) WHERE {
      ?treaty a unres:Treaty
      OPTIONAL { GRAPH ?g { ?g a unres:Work . ?s unres:cites ?treaty } }
    } GROUP BY ?treaty }
  OPTIONAL { ?treaty ?lp ?l FILTER(?lp IN (%s) && lang(?l) IN ("", "en")) }
} GROUP BY ?treaty ?documents ORDER BY ?label ?treaty LIMIT 1000""" % _LABEL_IN
"""Treaties (unres:Treaty), named in English (they are named in the six languages), and how many documents cite each: the count the treaty's own page lists
(lod.web.browse_queries.CITING), not graphs that merely mention it (a protocol that supplements it)."""


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
    *(Example(e.title, e.query, needs="Security Council texts") for e in link_examples.SECURITY_COUNCIL_EXAMPLES),
    *(Example(e.title, e.query, needs="amendments to drafts") for e in link_examples.AMENDMENT_EXAMPLES),
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
