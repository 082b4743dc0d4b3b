"""The shape of the browse and example queries that keeps their answers the same on every store.

Two shapes answered differently on Virtuoso 7.2 than on the embedded store (measured with
`make engine-test` on the sample corpus: the bodies page counted 50 General Assembly documents
of 4): a UNION inside `GRAPH ?work { … }` followed by an OPTIONAL (Virtuoso loses the join of the
graph variable with the subject), and a `GRAPH ?work` block that never names ?work as a subject
(it also matches the merge graph `lod publish` keeps beside the documents, so every fact counts
twice). The answers themselves are compared against a live engine in tests/test_engine_serve.py
and bench/engines.py; this test reads the queries' algebra (rdflib) and needs no engine.
"""

from __future__ import annotations

import pytest
from rdflib.paths import Path as RdfPath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

from lod.rdf.examples import AKN_EXAMPLES, AMENDMENT_EXAMPLES, EXAMPLES, SECURITY_COUNCIL_EXAMPLES
from lod.store.base import bind_values
from lod.store.booleans import algebra_nodes as nodes
from lod.web import browse_queries

BROWSE = {name: text for name, text in vars(browse_queries).items()
          if name.isupper() and isinstance(text, str) and "SELECT" in text}
QUERIES = {**BROWSE, **{e.slug: e.query for e in EXAMPLES + AKN_EXAMPLES + SECURITY_COUNCIL_EXAMPLES + AMENDMENT_EXAMPLES}}


def graph_blocks(sparql: str) -> list[CompValue]:
    algebra = prepareQuery(bind_values(sparql, None)).algebra
    return [n for n in nodes(algebra) if n.name == "Graph" and isinstance(n.term, Variable)]


def subjects(block: CompValue) -> set[object]:
    return {t[0] for n in nodes(block.p) if n.name == "BGP" for t in n.triples}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_no_union_inside_a_graph_variable(name: str) -> None:
    for block in graph_blocks(QUERIES[name]):
        assert not any(n.name == "Union" for n in nodes(block.p)), \
            f"{name}: a UNION inside GRAPH ?{block.term}: write the alternatives as a property path (a|b)"


@pytest.mark.parametrize("name", sorted(BROWSE))
def test_a_document_graph_names_its_work_as_a_subject(name: str) -> None:
    for block in graph_blocks(BROWSE[name]):
        if block.term == Variable("work"):
            assert Variable("work") in subjects(block), \
                f"{name}: GRAPH ?work never has ?work as a subject: the merge graph of an engine would match"


def test_the_check_sees_the_shapes_that_differed_on_virtuoso() -> None:
    """The two forms that answered wrongly, as they were written before: both are caught."""
    union = browse_queries.PREFIXES_BROWSE + """SELECT ?body (COUNT(DISTINCT ?work) AS ?n) WHERE {
  GRAPH ?work { { ?work unres:actor ?body } UNION { ?work unres:docCommittee ?body } }
  OPTIONAL { ?body skos:prefLabel ?l } } GROUP BY ?body"""
    bare = browse_queries.PREFIXES_BROWSE + """SELECT ?work WHERE {
  GRAPH ?work { ?paragraph unres:cites ?iri } }"""
    assert any(n.name == "Union" for b in graph_blocks(union) for n in nodes(b.p))
    assert all(Variable("work") not in subjects(b) for b in graph_blocks(bare))
    path = graph_blocks(browse_queries.BODIES)[0]
    assert any(isinstance(t[1], RdfPath) for n in nodes(path.p) if n.name == "BGP" for t in n.triples)
