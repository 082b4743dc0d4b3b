"""Full-text search through the engine's own text index (Virtuoso's `bif:contains`), so search
scales with the engine rather than with one server's SQLite file.

Same interface as lod.search's `SearchIndex`: `search(q, filters, page, size, timeout)` →
`SearchResult`, the same query language (`parse_terms`: words, "phrases", `prefix*`), the same
errors (`SearchError` 400, `SearchTimeout` 503). What it searches: the paragraph texts
(`unres:text`) of every document graph; hits are paragraphs, best first by the engine's score.
Facets are the build index's (they come from the document model, not from RDF): a search with
facet filters is refused with a message saying so, and no facet counts are returned.

Virtuoso's `bif:contains` takes only a constant: the text expression is made here from the
words' letters and digits alone (anything else is dropped), then written into the query as an
escaped literal by rdflib (`lod.store.base.literal_text`), never pasted as text.

The engine needs its text index (once, on the SQL port):
`DB.DBA.RDF_OBJ_FT_RULE_ADD(null, null, 'lod'); DB.DBA.VT_INC_INDEX_DB_DBA_RDF_OBJ();`
(docs/deploy.md; `lod publish` does it when LOD_ENGINE_SQL_PORT is set).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from rdflib import Literal, URIRef

from lod.search import MARK_END, MARK_START, Hit, SearchError, SearchResult, SearchTimeout
from lod.search.query import parse_terms
from lod.store.base import QueryError, literal_text
from lod.store.remote import RemoteStore

PREFIX_MIN = 4
"""Virtuoso expands `word*` only from four leading characters on."""
_WORD = re.compile(r"\w+", re.UNICODE)
PREFIXES = """PREFIX unres: <https://w3id.org/un-lod/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
_PASSAGES = PREFIXES + """SELECT ?work ?p ?eid ?symbol ?label ?date ?rank
  (bif:search_excerpt(bif:vector(%(words)s), ?text) AS ?excerpt) WHERE {
  GRAPH ?work { ?p unres:text ?text . ?text bif:contains %(expr)s OPTION (score ?rank) .
                OPTIONAL { ?p unres:eId ?eid } }
  FILTER(?work != %(merged)s)
  OPTIONAL { ?work unres:symbol ?symbol } OPTIONAL { ?work rdfs:label ?label } OPTIONAL { ?work unres:docDate ?date }
} ORDER BY DESC(?rank) ?p LIMIT %(limit)d OFFSET %(offset)d"""
_TOTAL = PREFIXES + """SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH ?work { ?p unres:text ?text . ?text bif:contains %(expr)s } FILTER(?work != %(merged)s)
}"""
"""Every graph holding a paragraph text is a document's, but for the merge (the default graph)."""


def text_expression(q: str) -> tuple[str, list[str]]:
    """`q` as a Virtuoso text expression ("a b" AND "c*") from its words' letters and digits,
    and the words (for the excerpt). SearchError when nothing searchable is left."""
    terms = parse_terms(q)
    phrases, words = [], []
    for phrase, star in zip(terms.phrases, terms.prefix):
        tokens = _WORD.findall(phrase)
        if not tokens:
            continue
        if star and len(tokens[-1]) < PREFIX_MIN:
            raise SearchError(f"{tokens[-1]}*: a prefix needs at least {PREFIX_MIN} letters here")
        phrases.append('"' + " ".join(tokens) + ("*" if star else "") + '"')
        words += tokens
    if not phrases:
        raise SearchError("nothing to search for: give words to find (q=)")
    return " AND ".join(phrases), words


def _part(eid: str) -> str:
    if eid.startswith("preamble"):
        return "preamble"
    if eid.startswith("annex"):
        return "annex"
    return "point" if "__point_" in eid else "operative"


def _marked(excerpt: str) -> str:
    """Virtuoso's excerpt marks words with <b>…</b> and escapes the rest as HTML."""
    text = excerpt.replace("<b>", MARK_START).replace("</b>", MARK_END)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


class EngineSearch:
    """Search through a remote store whose engine has a text index (`capabilities.text_index`)."""

    def __init__(self, store: RemoteStore) -> None:
        if not store.capabilities.text_index:
            raise ValueError(f"{store.engine.name} has no full-text index: use the build's search index")
        self.store = store
        self.merged = store.default_graph or "urn:lod:no-merge-graph"

    def search(self, q: str, filters: Mapping[str, Sequence[str]], page: int = 1, size: int = 20,
               timeout: float = 5.0) -> SearchResult:
        if any(filters.values()):
            raise SearchError("facet filters are answered by the build's search index, not by the engine's "
                              "text index: search words only here, or serve search from the build")
        expr, words = text_expression(q)
        values = {"expr": literal_text(Literal(expr)), "words": ", ".join(literal_text(Literal(w)) for w in words),
                  "limit": size, "offset": (page - 1) * size, "merged": literal_text(URIRef(self.merged))}
        result = SearchResult(q, {}, 0, page, size)
        try:
            total = self.store.select_within(_TOTAL % values, timeout)
            rows = self.store.select_within(_PASSAGES % values, timeout)
        except QueryError as exc:
            if exc.status == 504:
                raise SearchTimeout(f"search stopped after {timeout:g} s (setting search-timeout): {exc}") from None
            raise
        result.total = int(total[0]["n"].toPython()) if total else 0
        for row in rows:
            eid = str(row.get("eid", ""))
            result.hits.append(Hit(
                iri=str(row["p"]), work=str(row["work"]), symbol=str(row.get("symbol", "")), title=str(row.get("label", "")),
                date=str(row.get("date", "")), label=eid.replace("__", " ").replace("_", " "), part=_part(eid),
                snippet=_marked(str(row.get("excerpt", ""))),
            ))
        return result
