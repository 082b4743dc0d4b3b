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

_DOCUMENT_COLUMNS = """
  OPTIONAL { ?work unres:symbol ?sym }
  OPTIONAL { ?work rdfs:label ?lab }
  OPTIONAL { ?work eli:is_realized_by/dcterms:title ?t }
  OPTIONAL { ?work unres:docDate ?d }
  OPTIONAL { ?work unres:docStatus ?st }"""


def documents_query(matching: str, order: str, limit: int, also: tuple[str, ...] = (),
                    carried: tuple[str, ...] = (), outside: str = "") -> str:
    """A list of documents: the works `matching` finds (a `GRAPH ?work { $BINDINGS … }` block, or a
    subquery that counts, projecting the `carried` variables), each with its symbol, label,
    title, date and status, the `also` items (`(SAMPLE(?x) AS ?name)`, from the `outside`
    patterns), ordered by `order`, at most `limit`.

    The bound value goes inside the document graph (`GRAPH ?work { $BINDINGS … }`) and a FILTER
    outside it: written the other way, the embedded store matched the whole dataset first (a
    treaty nobody cites: 220–300 ms at 17,000 documents, now 1 ms). The columns are read from the
    merged default graph: looked up inside the document graph they cost the embedded store a
    third as much, but Virtuoso 7.2 twenty times as much (a State's 569 sponsored documents at
    10.8 M triples: 2.3 s against 90 ms; docs/benchmarks.md), and one shape serves every store."""
    kept = " ".join(f"?{name}" for name in carried)
    return PREFIXES_BROWSE + f"""\
SELECT ?work {kept} (SAMPLE(?sym) AS ?symbol) (SAMPLE(?lab) AS ?label) (SAMPLE(?t) AS ?title) (SAMPLE(?d) AS ?date)
       (SAMPLE(?st) AS ?status) {" ".join(also)} WHERE {{
  {matching}{_DOCUMENT_COLUMNS}{outside}
}} GROUP BY ?work {kept} ORDER BY {order} LIMIT {limit}"""


ENTITY = PREFIXES_BROWSE + """\
SELECT ?label ?kind ?sameAs WHERE {
  $BINDINGS
  OPTIONAL { ?iri skos:prefLabel ?pl FILTER(lang(?pl) IN ("", "en")) }
  OPTIONAL { ?iri rdfs:label ?rl FILTER(lang(?rl) IN ("", "en")) }
  OPTIONAL { ?iri a ?kind }
  OPTIONAL { ?iri owl:sameAs ?sameAs }
  BIND(COALESCE(?pl, ?rl) AS ?label)
}"""
"""An authority's name (in English: a treaty is named in the six languages), classes and outside
identifiers (Wikidata), from the authorities graph."""

SPONSORED_BY = documents_query("GRAPH ?work { $BINDINGS ?work unres:docProponent ?iri }", "DESC(?date) ?symbol", 1000)
"""The documents a State (or group) sponsored."""

SUBMITTED_AS_OFFICER = documents_query("GRAPH ?work { $BINDINGS ?work unres:submitterState ?iri }", "DESC(?date) ?symbol", 1000)
"""The drafts (and the texts adopted from them) a State's representatives submitted as officers."""

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

CITING = documents_query("""{ SELECT ?work (COUNT(DISTINCT ?paragraph) AS ?paragraphs) WHERE {
      GRAPH ?work { $BINDINGS ?work a unres:Work . ?paragraph unres:cites ?iri } FILTER(?work != ?iri)
    } GROUP BY ?work }""", "?date ?symbol", 1000, carried=("paragraphs",))
"""Documents whose paragraphs cite a treaty (or any work), with how many paragraphs, oldest first.
Counted in a subquery first, so the columns are looked up once per document, not once per citing
paragraph (2,000 documents, a treaty cited by 3,108 paragraphs of 1,347 documents: 334 → 144 ms)."""

BY_BODY = documents_query(
    "GRAPH ?work { $BINDINGS ?work unres:actor|unres:docCommittee ?iri }", "DESC(?date) ?symbol", 1000,
    also=("(SAMPLE(?s) AS ?session)", "(SAMPLE(?c) AS ?committee)", "(SAMPLE(?cl) AS ?committeeLabel)"),
    outside="\n  OPTIONAL { ?work unres:session ?s }\n  OPTIONAL { ?work unres:docCommittee ?c OPTIONAL { ?c skos:prefLabel ?cl } }")
"""The documents of a body: adopted by it (its actor) or drafted in it (a committee)."""

SUBSIDIARIES = PREFIXES_BROWSE + """\
SELECT ?child (SAMPLE(?l) AS ?label) WHERE {
  $BINDINGS
  ?child unres:parentBody ?iri OPTIONAL { ?child skos:prefLabel ?l }
} GROUP BY ?child ORDER BY ?label"""

SESSION = documents_query(
    "GRAPH ?work { $BINDINGS ?work unres:actor|unres:docCommittee ?iri ; unres:session ?session }", "?committeeLabel ?symbol",
    2000, also=("(SAMPLE(?c) AS ?committee)", "(SAMPLE(?cl) AS ?committeeLabel)"),
    outside="\n  OPTIONAL { ?work unres:docCommittee ?c OPTIONAL { ?c skos:prefLabel ?cl } }")
"""A session of a body: its documents (adopted by it, or drafted in it when a committee), with the
committee each was drafted in."""

SESSIONS = PREFIXES_BROWSE + """\
SELECT ?body (SAMPLE(?l) AS ?label) ?session ?documents WHERE {
  { SELECT ?body ?session (COUNT(DISTINCT ?work) AS ?documents) WHERE {
      GRAPH ?work { ?work unres:actor ?body ; unres:session ?session }
    } GROUP BY ?body ?session }
  OPTIONAL { ?body skos:prefLabel ?l }
} GROUP BY ?body ?session ?documents ORDER BY ?label ?body DESC(?session) LIMIT 2000"""
"""Every (body, session) that has documents."""

BODIES = PREFIXES_BROWSE + """\
SELECT ?body (SAMPLE(?l) AS ?label) ?documents WHERE {
  { SELECT ?body (COUNT(DISTINCT ?work) AS ?documents) WHERE {
      GRAPH ?work { ?work unres:actor|unres:docCommittee ?body }
    } GROUP BY ?body }
  OPTIONAL { ?body skos:prefLabel ?l }
} GROUP BY ?body ?documents ORDER BY DESC(?documents) ?label ?body LIMIT 1000"""
"""Bodies that adopted or drafted documents here, with how many."""

PER_YEAR_AND_BODY = PREFIXES_BROWSE + """\
SELECT ?body (SAMPLE(?l) AS ?label) ?year ?documents WHERE {
  { SELECT ?body ?year (COUNT(DISTINCT ?work) AS ?documents) WHERE {
      GRAPH ?work { ?work unres:actor ?body ; unres:docDate ?d }
      BIND(YEAR(?d) AS ?year)
    } GROUP BY ?body ?year }
  OPTIONAL { ?body skos:prefLabel ?l }
} GROUP BY ?body ?year ?documents ORDER BY ?year ?label ?body"""
"""Documents per year and adopting body (the picture on the bodies page and the home page)."""

SUBJECT_DOCUMENTS = documents_query(
    "GRAPH ?work { $BINDINGS ?work dcterms:subject|(eli:is_realized_by/dcterms:subject) ?iri }", "DESC(?date) ?symbol", 1000)
"""The documents classified under a subject (SDG, UNBIS, EuroVoc: dcterms:subject)."""

SUBJECTS = PREFIXES_BROWSE + """\
SELECT ?subject (SAMPLE(?l) AS ?label) ?documents WHERE {
  { SELECT ?subject (COUNT(DISTINCT ?work) AS ?documents) WHERE {
      GRAPH ?work { ?work dcterms:subject|(eli:is_realized_by/dcterms:subject) ?subject }
      FILTER(isIRI(?subject))
    } GROUP BY ?subject }
  OPTIONAL { ?subject skos:prefLabel|rdfs:label ?l }
} GROUP BY ?subject ?documents ORDER BY ?label ?subject LIMIT 2000"""
"""Every subject documents are classified under, with how many documents."""

COSPONSORS = PREFIXES_BROWSE + """\
SELECT ?other (SAMPLE(?l) AS ?label) ?documents WHERE {
  { SELECT ?other (COUNT(DISTINCT ?work) AS ?documents) WHERE {
      GRAPH ?work { $BINDINGS ?work unres:docProponent ?iri, ?other } FILTER(?other != ?iri)
    } GROUP BY ?other }
  OPTIONAL { ?other skos:prefLabel ?l }
} GROUP BY ?other ?documents ORDER BY DESC(?documents) ?label ?other LIMIT 15"""
"""The States that most often sponsored together with this one. Counted first, labelled after:
with the label's OPTIONAL beside the count, the store joined it to every (document, co-sponsor)
pair, 4.6 s for France at 17,000 documents; counted first, 0.2 s, the same 15 rows. The bound
State inside the graph and the FILTER outside it, as in `documents_query`: 194 → 60 ms for the
busiest sponsor of that corpus, the same rows."""

VOTES_OF = documents_query(
    "GRAPH ?work { $BINDINGS ?work unres:voting/unres:hasVote ?vote . ?vote unres:voter ?iri ; unres:voteChoice ?c }",
    "DESC(?date) ?symbol", 2000, also=("(SAMPLE(?c) AS ?choice)",))
"""How a State voted, document by document, where the vote was recorded (AKN4UN voting records)."""
