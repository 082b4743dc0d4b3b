"""The SPARQL behind the pages people browse: a State, a treaty, a body, a session, a subject.

Like lod.web.queries, every value from a request (`?state`, `?treaty`, `?body`, `?session`,
`?subject`) is bound by the store as an escaped VALUES block where `$BINDINGS` stands, never
pasted. Documents are the named graphs named after their work; a fact is read from the work's
own graph, so a document cited by another (and described there) is not counted twice.

Alternatives are property paths (`unres:actor|unres:docCommittee`), never a UNION inside
`GRAPH ?work { … }`: Virtuoso 7.2, given such a UNION followed by an OPTIONAL, drops the join of
the graph variable with the subject and counts every cited work of every document (the bodies
page said 50 General Assembly documents of a corpus of 4). Written this way all three stores
give the same answers (tests/test_browse_queries_portable.py pins the shape; `make engine-test`
compares the answers). And every pattern in `GRAPH ?work` names ?work as a subject there
(`?work a unres:Work` where nothing else does): an engine holds `lod publish`'s merge as a named
graph too (lod.engines.base.MERGED_GRAPH), which a bare `GRAPH ?work { ?p unres:cites ?x }`
would count as one more document.
"""

from __future__ import annotations

from lod.rdf.namespaces import prefix_lines
from lod.web.queries import PREFIXES

PREFIXES_BROWSE = PREFIXES + prefix_lines("owl", "undo")

_DOCUMENT_COLUMNS = """\
  OPTIONAL { ?work unres:symbol ?sym }
  OPTIONAL { ?work rdfs:label ?lab }
  OPTIONAL { ?work eli:is_realized_by/dcterms:title ?t }
  OPTIONAL { ?work unres:docDate ?d }
  OPTIONAL { ?work unres:docStatus ?st }"""
_DOCUMENT_SELECT = ("?work (SAMPLE(?sym) AS ?symbol) (SAMPLE(?lab) AS ?label) (SAMPLE(?t) AS ?title) "
                    "(SAMPLE(?d) AS ?date) (SAMPLE(?st) AS ?status)")

ENTITY = PREFIXES_BROWSE + """\
SELECT ?label ?kind ?sameAs WHERE {
  $BINDINGS
  OPTIONAL { ?iri skos:prefLabel ?pl }
  OPTIONAL { ?iri rdfs:label ?rl }
  OPTIONAL { ?iri a ?kind }
  OPTIONAL { ?iri owl:sameAs ?sameAs }
  BIND(COALESCE(?pl, ?rl) AS ?label)
}"""
"""An authority's name, classes and outside identifiers (Wikidata), from the authorities graph."""

SPONSORED_BY = PREFIXES_BROWSE + """\
SELECT %s WHERE {
  $BINDINGS
  GRAPH ?work { ?work unres:docProponent ?iri }
%s
} GROUP BY ?work ORDER BY DESC(?date) ?symbol LIMIT 1000""" % (_DOCUMENT_SELECT, _DOCUMENT_COLUMNS)
"""The documents a State (or group) sponsored."""

ADDRESSED_TO = PREFIXES_BROWSE + """\
SELECT ?work ?paragraph (SAMPLE(?x) AS ?text) (SAMPLE(?a) AS ?action) (SAMPLE(?sym) AS ?symbol)
       (SAMPLE(?lab) AS ?label) WHERE {
  $BINDINGS
  GRAPH ?work {
    ?work a unres:Work . ?paragraph unres:hasAddressee ?r ; unres:text ?x .
    ?r undo:hasReceiver ?iri ; unres:actionLemma ?a
  }
  OPTIONAL { ?work unres:symbol ?sym }
  OPTIONAL { ?work rdfs:label ?lab }
} GROUP BY ?work ?paragraph ORDER BY ?work ?paragraph LIMIT 500"""
"""Paragraphs that ask a State or body to act: their addressee records naming it as receiver
(lod.rdf.agents writes `unres:addresses` only beside such a record), with the record's action
(`Addressee.action` is never empty). No OPTIONAL inside the graph:
the embedded store joined `OPTIONAL { ?paragraph unres:hasAddressee … }` by hashing every
addressee record of the dataset, 1.6 s for each State page at 17,000 documents (10.8 M
triples) whatever the State (bench.engines: 0.7 State pages/s); this form takes milliseconds."""

CITING = PREFIXES_BROWSE + """\
SELECT %s ?paragraphs WHERE {
  { SELECT ?work (COUNT(DISTINCT ?paragraph) AS ?paragraphs) WHERE {
      $BINDINGS
      GRAPH ?work { ?work a unres:Work . ?paragraph unres:cites ?iri FILTER(?work != ?iri) }
    } GROUP BY ?work }
%s
} GROUP BY ?work ?paragraphs ORDER BY ?date ?symbol LIMIT 1000""" % (_DOCUMENT_SELECT, _DOCUMENT_COLUMNS)
"""Documents whose paragraphs cite a treaty (or any work), with how many paragraphs, oldest first.
Counted first, described after: with the document's columns beside the paragraphs, the store
looked them up once per citing paragraph, not once per document (2,000 documents, a treaty cited
by 3,108 paragraphs of 1,347 documents: 334 → 144 ms, the same rows)."""

BY_BODY = PREFIXES_BROWSE + """\
SELECT %s (SAMPLE(?s) AS ?session) (SAMPLE(?c) AS ?committee) (SAMPLE(?cl) AS ?committeeLabel) WHERE {
  $BINDINGS
  GRAPH ?work { ?work unres:actor|unres:docCommittee ?iri }
  OPTIONAL { ?work unres:session ?s }
  OPTIONAL { ?work unres:docCommittee ?c OPTIONAL { ?c skos:prefLabel ?cl } }
%s
} GROUP BY ?work ORDER BY DESC(?date) ?symbol LIMIT 1000""" % (_DOCUMENT_SELECT, _DOCUMENT_COLUMNS)
"""The documents of a body: adopted by it (its actor) or drafted in it (a committee)."""

SUBSIDIARIES = PREFIXES_BROWSE + """\
SELECT ?child (SAMPLE(?l) AS ?label) WHERE {
  $BINDINGS
  ?child unres:parentBody ?iri OPTIONAL { ?child skos:prefLabel ?l }
} GROUP BY ?child ORDER BY ?label"""

SESSION = PREFIXES_BROWSE + """\
SELECT %s (SAMPLE(?c) AS ?committee) (SAMPLE(?cl) AS ?committeeLabel) WHERE {
  $BINDINGS
  GRAPH ?work { ?work unres:actor|unres:docCommittee ?iri ; unres:session ?session }
  OPTIONAL { ?work unres:docCommittee ?c OPTIONAL { ?c skos:prefLabel ?cl } }
%s
} GROUP BY ?work ORDER BY ?committeeLabel ?symbol LIMIT 2000""" % (_DOCUMENT_SELECT, _DOCUMENT_COLUMNS)
"""A session of a body: its documents (adopted by it, or drafted in it when a committee), with the
committee each was drafted in."""

SESSIONS = PREFIXES_BROWSE + """\
SELECT ?body (SAMPLE(?l) AS ?label) ?session (COUNT(DISTINCT ?work) AS ?documents) WHERE {
  GRAPH ?work { ?work unres:actor ?body ; unres:session ?session }
  OPTIONAL { ?body skos:prefLabel ?l }
} GROUP BY ?body ?session ORDER BY ?label DESC(?session) LIMIT 2000"""
"""Every (body, session) that has documents."""

BODIES = PREFIXES_BROWSE + """\
SELECT ?body (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?work) AS ?documents) WHERE {
  GRAPH ?work { ?work unres:actor|unres:docCommittee ?body }
  OPTIONAL { ?body skos:prefLabel ?l }
} GROUP BY ?body ORDER BY DESC(?documents) ?label LIMIT 1000"""
"""Bodies that adopted or drafted documents here, with how many."""

PER_YEAR_AND_BODY = PREFIXES_BROWSE + """\
SELECT ?body (SAMPLE(?l) AS ?label) ?year (COUNT(DISTINCT ?work) AS ?documents) WHERE {
  GRAPH ?work { ?work unres:actor ?body ; unres:docDate ?d }
  BIND(YEAR(?d) AS ?year)
  OPTIONAL { ?body skos:prefLabel ?l }
} GROUP BY ?body ?year ORDER BY ?year ?label"""
"""Documents per year and adopting body (the picture on the bodies page and the home page)."""

SUBJECT_DOCUMENTS = PREFIXES_BROWSE + """\
SELECT %s WHERE {
  $BINDINGS
  GRAPH ?work { ?work dcterms:subject|(eli:is_realized_by/dcterms:subject) ?iri }
%s
} GROUP BY ?work ORDER BY DESC(?date) ?symbol LIMIT 1000""" % (_DOCUMENT_SELECT, _DOCUMENT_COLUMNS)
"""The documents classified under a subject (SDG, UNBIS, EuroVoc: dcterms:subject)."""

SUBJECTS = PREFIXES_BROWSE + """\
SELECT ?subject (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?work) AS ?documents) WHERE {
  GRAPH ?work { ?work dcterms:subject|(eli:is_realized_by/dcterms:subject) ?subject }
  FILTER(isIRI(?subject))
  OPTIONAL { ?subject skos:prefLabel|rdfs:label ?l }
} GROUP BY ?subject ORDER BY ?label LIMIT 2000"""
"""Every subject documents are classified under, with how many documents."""

COSPONSORS = PREFIXES_BROWSE + """\
SELECT ?other (SAMPLE(?l) AS ?label) ?documents WHERE {
  { SELECT ?other (COUNT(DISTINCT ?work) AS ?documents) WHERE {
      $BINDINGS
      GRAPH ?work { ?work unres:docProponent ?iri, ?other FILTER(?other != ?iri) }
    } GROUP BY ?other }
  OPTIONAL { ?other skos:prefLabel ?l }
} GROUP BY ?other ?documents ORDER BY DESC(?documents) ?label LIMIT 15"""
"""The States that most often sponsored together with this one. Counted first, labelled after:
with the label's OPTIONAL beside the count, the store joined it to every (document, co-sponsor)
pair, 4.6 s for France at 17,000 documents; counted first, 0.2 s, the same 15 rows."""

VOTES_OF = PREFIXES_BROWSE + """\
SELECT %s (SAMPLE(?c) AS ?choice) WHERE {
  $BINDINGS
  GRAPH ?work { ?work unres:voting/unres:hasVote ?vote . ?vote unres:voter ?iri ; unres:voteChoice ?c }
%s
} GROUP BY ?work ORDER BY DESC(?date) ?symbol LIMIT 2000""" % (_DOCUMENT_SELECT, _DOCUMENT_COLUMNS)
"""How a State voted, document by document, where the vote was recorded (AKN4UN voting records)."""
