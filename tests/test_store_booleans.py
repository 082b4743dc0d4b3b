"""Virtuoso's 0/1 for computed booleans turned back into xsd:boolean (lod.store.booleans).

The document below is in the form Virtuoso 7.2 writes (captured from it: `typed-literal`, every
computed value an xsd:integer); the embedded store answers the same query with booleans. A count
that happens to be 1 must stay a count. The live comparison with the embedded store is
tests/test_engine_serve.py::test_booleans_answer_as_on_the_embedded_store (`make engine-test`).
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from lod.store.booleans import boolean_variables, restore_booleans

QUERY = """SELECT ?s (BOUND(?x) AS ?b) (COUNT(*) AS ?n) (1 = 1 AS ?t) (STR(?s) AS ?name) WHERE {
  VALUES ?s { <http://a/> } OPTIONAL { ?s <http://p> ?x } BIND(!isIRI(?s) AS ?literal) } GROUP BY ?s ?x"""
INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def virtuoso_answer() -> dict:  # type: ignore[type-arg]
    def number(value: str) -> dict[str, str]:
        return {"type": "typed-literal", "datatype": INTEGER, "value": value}

    return {"head": {"link": [], "vars": ["s", "b", "n", "t", "name"]},
            "results": {"distinct": False, "ordered": True, "bindings": [
                {"s": {"type": "uri", "value": "http://a/"}, "b": number("0"), "n": number("1"), "t": number("1"),
                 "name": {"type": "literal", "value": "1"}}]}}


def test_the_boolean_variables_are_read_from_the_query() -> None:
    assert boolean_variables(QUERY) == {"b", "t", "literal"}
    assert boolean_variables("SELECT (COUNT(*) AS ?n) (MAX(?x) AS ?m) WHERE { ?s ?p ?x }") == frozenset()
    assert boolean_variables("DEFINE input:inference 'x' SELECT * WHERE { ?s ?p ?o }") == frozenset()  # not SPARQL: untouched


def test_zero_and_one_become_false_and_true_and_a_count_stays_a_count() -> None:
    document = virtuoso_answer()
    assert restore_booleans(document, QUERY)
    solution = next(iter(ox.parse_query_results(json.dumps(document).encode(), format=ox.QueryResultsFormat.JSON)))
    assert solution["b"] == ox.Literal("false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    assert solution["t"] == ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    assert solution["n"] == ox.Literal("1", datatype=ox.NamedNode(INTEGER))
    assert solution["name"] == ox.Literal("1")


def test_an_answer_without_zero_or_one_is_left_alone_unparsed() -> None:
    document = virtuoso_answer()
    for cell in ("b", "n", "t"):
        document["results"]["bindings"][0][cell]["value"] = "7"
    before = json.dumps(document)
    assert not restore_booleans(document, "this is not SPARQL and is never parsed")
    assert json.dumps(document) == before
