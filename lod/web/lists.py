"""The browse pages' document lists: the build's lists.sqlite (lod.lists), else the store.

A build writes every list once; data served without that file (an older build, a store loaded by
other means), or with a file SQLite cannot read (damaged, cut short), gets the same rows from the
store's SPARQL (lod.web.browse_queries), values bound, never pasted.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from lod.lists import BuiltLists, DocumentLists, Row
from lod.store import Store
from lod.web import browse_queries as q
from lod.web import queries
from lod.web.runtime import Runtime


log = logging.getLogger(__name__)


def _strings(rows: list[dict[str, Node]]) -> list[Row]:
    return [{key: str(value) for key, value in row.items() if value is not None} for row in rows]


class StoreLists:
    """The lists asked of a store, one query each (lod.web.browse_queries)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _ask(self, sparql: str, bindings: Mapping[str, Node]) -> list[Row]:
        return _strings(self.store.select(sparql, bindings))

    def sponsored_by(self, iri: str) -> list[Row]:
        return self._ask(q.SPONSORED_BY, {"iri": URIRef(iri)})

    def submitted_as_officer(self, iri: str) -> list[Row]:
        return self._ask(q.SUBMITTED_AS_OFFICER, {"iri": URIRef(iri)})

    def citing(self, iri: str) -> list[Row]:
        return self._ask(q.CITING, {"iri": URIRef(iri)})

    def by_body(self, iri: str) -> list[Row]:
        return self._ask(q.BY_BODY, {"iri": URIRef(iri)})

    def session(self, iri: str, number: int) -> list[Row]:
        return self._ask(q.SESSION, {"iri": URIRef(iri), "session": Literal(number, datatype=XSD.integer)})

    def subject_documents(self, iri: str) -> list[Row]:
        return self._ask(q.SUBJECT_DOCUMENTS, {"iri": URIRef(iri)})

    def votes_of(self, iri: str) -> list[Row]:
        return self._ask(q.VOTES_OF, {"iri": URIRef(iri)})

    def addressed_to(self, iri: str) -> list[Row]:
        return self._ask(q.ADDRESSED_TO, {"iri": URIRef(iri)})

    def listing(self, name: str) -> list[Row]:
        return self._ask(LISTING_QUERIES[name], {})

    def cosponsors(self, iri: str) -> list[Row]:
        return self._ask(q.COSPONSORS, {"iri": URIRef(iri)})


LISTING_QUERIES = {"sponsors": queries.SPONSORS, "treaties": queries.TREATIES, "bodies": q.BODIES,
                   "sessions": q.SESSIONS, "subjects": q.SUBJECTS, "per_year": q.PER_YEAR_AND_BODY}
"""The store's query of each listing lod.lists.LISTINGS counts from the build's file."""


class ReadableLists:
    """The build's lists, and for a call its file cannot answer (sqlite3.DatabaseError: damaged,
    cut short) the store's, the reason logged: a page is never lost to a bad lists.sqlite."""

    def __init__(self, built: BuiltLists, rt: Runtime) -> None:
        self.built, self.rt = built, rt

    def _either(self, method: str, *arguments: object) -> list[Row]:
        try:
            rows: list[Row] = getattr(self.built, method)(*arguments)
        except sqlite3.DatabaseError as exc:
            log.warning("%s cannot be read (%s): the store answers %s", self.built.path, exc, method)
            rows = getattr(StoreLists(self.rt.store()), method)(*arguments)
        return rows

    def sponsored_by(self, iri: str) -> list[Row]:
        return self._either("sponsored_by", iri)

    def submitted_as_officer(self, iri: str) -> list[Row]:
        return self._either("submitted_as_officer", iri)

    def citing(self, iri: str) -> list[Row]:
        return self._either("citing", iri)

    def by_body(self, iri: str) -> list[Row]:
        return self._either("by_body", iri)

    def session(self, iri: str, number: int) -> list[Row]:
        return self._either("session", iri, number)

    def subject_documents(self, iri: str) -> list[Row]:
        return self._either("subject_documents", iri)

    def votes_of(self, iri: str) -> list[Row]:
        return self._either("votes_of", iri)

    def addressed_to(self, iri: str) -> list[Row]:
        return self._either("addressed_to", iri)

    def listing(self, name: str) -> list[Row]:
        return self._either("listing", name)

    def cosponsors(self, iri: str) -> list[Row]:
        return self._either("cosponsors", iri)


def document_lists(rt: Runtime) -> DocumentLists:
    """The build's lists where it wrote them, else the store's (opened only then)."""
    built = BuiltLists.of(rt.data)
    return ReadableLists(built, rt) if built is not None else StoreLists(rt.store())
