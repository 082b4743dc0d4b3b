"""The SPARQL query mix: what users of the dataset actually ask, in the mapping's vocabulary.

Vocabulary as lod.rdf produces it (ontology/lod.ttl): works carry unres:symbol and
unres:docProponent (sponsor States); paragraphs carry unres:action (a verb concept),
unres:text; citations are nodes with unres:citesWork; every document is one named graph
whose name is its work IRI, and the default graph is the union of them (lod.store), so the
Oxigraph server runs with --union-default-graph and rdflib with default_union=True.
"""

from __future__ import annotations

from lod.rdf.namespaces import prefix_lines

PREFIXES = prefix_lines("unres", "verb", "dcterms")

TEMPLATES: dict[str, tuple[str, str]] = {
    "describe": ("one resolution's description", """
SELECT ?p ?o WHERE { ?work unres:symbol "{symbol}" ; ?p ?o }"""),
    "cosponsors": ("co-sponsorship counts (State pairs)", """
SELECT ?a ?b (COUNT(DISTINCT ?d) AS ?n) WHERE {
  ?d unres:docProponent ?a . ?d unres:docProponent ?b . FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b ORDER BY DESC(?n) ?a ?b LIMIT 20"""),
    "two-hop": ("two-hop citations of a landmark resolution (join)", """
SELECT DISTINCT ?a WHERE {
  ?t unres:symbol "{landmark}" .
  GRAPH ?b { ?c1 unres:citesWork ?t }
  GRAPH ?a { ?c2 unres:citesWork ?b }
} ORDER BY ?a LIMIT 1000"""),
    "verb-addressee": ("operative paragraphs by verb and addressee", """
SELECT ?para ?text WHERE {
  VALUES ?verb { verb:urges verb:also-urges verb:further-urges verb:strongly-urges }
  ?para unres:action ?verb ; unres:text ?text .
  FILTER(CONTAINS(?text, "Member States"))
} ORDER BY ?para LIMIT 200"""),
    "text-filter": ("full-text FILTER over every paragraph", """
SELECT ?para WHERE { ?para unres:text ?text . FILTER(CONTAINS(LCASE(STR(?text)), "cybercrime")) }
ORDER BY ?para LIMIT 200"""),
    "aggregate": ("aggregation over the whole dataset (verbs)", """
SELECT ?verb (COUNT(?para) AS ?n) WHERE { ?para unres:action ?verb } GROUP BY ?verb ORDER BY DESC(?n) ?verb"""),
}

JOIN_AND_AGGREGATION = ("cosponsors", "two-hop", "aggregate")
"""The queries the "≥ 20× faster than rdflib" target is about."""


def query_mix(symbol: str, landmark: str) -> dict[str, str]:
    """The queries with their parameters filled in (a described resolution, a landmark)."""
    return {
        name: PREFIXES + text.replace("{symbol}", symbol).replace("{landmark}", landmark)
        for name, (_, text) in TEMPLATES.items()
    }
