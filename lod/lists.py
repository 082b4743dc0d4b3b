"""The browse pages' document lists, written by the build (lists.sqlite) and read by the pages.

A State's page lists what it sponsored, a treaty's page what cites it, a body's page its
documents: asked of the store, each list described and ordered every matching work before the
newest 1,000 were kept, 7-8 s on the embedded store for the General Assembly or the most cited
treaty at 17,000 documents (docs/benchmarks.md). The build has every triple already, so it writes
every list once (lod.publish.lists) into one SQLite file, and a page reads its rows by an index:
the same rows the store's queries (lod.web.browse_queries) give, in the same order
(tests/test_lists.py holds every list of the sample build to the store's answer).

The schema, one table per fact:

    works(work, symbol, label, title, date, status, session, committee, actor)
        one row per published work (a named graph of the dataset): the columns every list shows;
        /documents pages through them all
    members(list, target, work, count, value)
        `work` is in the list `list` of `target` (an IRI):
        sponsor   the work's graph says `work unres:docProponent target`
        cites     paragraphs of the work cite `target` (count: how many paragraphs), target != work
        body      `work unres:actor|unres:docCommittee target`
        subject   `work dcterms:subject target`, or one of its expressions has it
        vote      a recorded vote of the work has `unres:voter target` (value: the vote choice IRI)
        submitter the work's graph says `work unres:submitterState target` (a draft an officer of
                  that State submitted)
    addressed(target, work, paragraph, action, text)
        a paragraph of `work` whose addressee record names `target` as receiver, with its action
    names(iri, pref, name, treaty)
        each target's and committee's skos:prefLabel (`pref`) and name (prefLabel, else another of
        LABEL_PREDICATES), and whether it is an unres:Treaty (the treaties listing shows all)

Values are the lexical forms of the RDF terms (IRIs without brackets, dates as `YYYY-MM-DD`);
a column the data does not give is NULL, which SQLite orders first, as SPARQL orders unbound
values. Text is compared as SQLite's BINARY (UTF-8 bytes, the code-point order SPARQL uses).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from lod import output

SPONSOR, CITES, BODY, SUBJECT, VOTE, SUBMITTER = "sponsor", "cites", "body", "subject", "vote", "submitter"
LISTS = (SPONSOR, CITES, BODY, SUBJECT, VOTE, SUBMITTER)

SCHEMA = """\
CREATE TABLE works (work TEXT PRIMARY KEY, symbol TEXT, label TEXT, title TEXT, date TEXT, status TEXT,
                    session TEXT, committee TEXT, actor TEXT) WITHOUT ROWID;
CREATE TABLE members (list TEXT NOT NULL, target TEXT NOT NULL, work TEXT NOT NULL, count INTEGER,
                      value TEXT, PRIMARY KEY (list, target, work)) WITHOUT ROWID;
CREATE TABLE names (iri TEXT PRIMARY KEY, pref TEXT, name TEXT, treaty INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX works_newest_first ON works (date DESC, symbol);
CREATE INDEX members_of_work ON members (list, work);
CREATE TABLE addressed (target TEXT NOT NULL, work TEXT NOT NULL, paragraph TEXT NOT NULL, action TEXT NOT NULL,
                        text TEXT NOT NULL, PRIMARY KEY (target, work, paragraph)) WITHOUT ROWID;
"""

Row = dict[str, str]
"""A list's row, keyed as the store's answer is (work, symbol, label, title, date, status, and the
list's own: paragraphs, session, committee, committeeLabel, choice); absent where unbound."""

_COLUMNS = ("w.work", "w.symbol", "w.label", "w.title", "w.date", "w.status")
_KEYS = ("work", "symbol", "label", "title", "date", "status")
NEWEST_FIRST = "w.date DESC, w.symbol"
OLDEST_FIRST = "w.date, w.symbol"


def _counted(key: str, list_name: str, label: str, order: str, limit: int) -> tuple[tuple[str, ...], str]:
    return ((key, "label", "documents"),
            f"SELECT m.target, n.{label}, COUNT(*) AS documents FROM members m LEFT JOIN names n ON n.iri = m.target "
            f"WHERE m.list = '{list_name}' GROUP BY m.target ORDER BY {order} LIMIT {limit}")


LISTINGS: dict[str, tuple[tuple[str, ...], str]] = {
    "sponsors": _counted("sponsor", SPONSOR, "name", "n.name, m.target", 1000),
    "bodies": _counted("body", BODY, "pref", "documents DESC, n.pref, m.target", 1000),
    "subjects": _counted("subject", SUBJECT, "name", "n.name, m.target", 2000),
    "treaties": (("treaty", "label", "documents"),
                 "SELECT n.iri, n.name, (SELECT COUNT(*) FROM members m WHERE m.list = 'cites' AND m.target = n.iri) "
                 "FROM names n WHERE n.treaty ORDER BY n.name, n.iri LIMIT 1000"),
    "sessions": (("body", "label", "session", "documents"),
                 "SELECT w.actor, n.pref, w.session, COUNT(*) FROM works w LEFT JOIN names n ON n.iri = w.actor "
                 "WHERE w.actor IS NOT NULL AND w.session IS NOT NULL GROUP BY w.actor, w.session "
                 "ORDER BY n.pref, w.actor, CAST(w.session AS INTEGER) DESC LIMIT 2000"),
    "per_year": (("body", "label", "year", "documents"),
                 "SELECT w.actor, n.pref, CAST(substr(w.date, 1, 4) AS INTEGER) AS year, COUNT(*) FROM works w "
                 "LEFT JOIN names n ON n.iri = w.actor WHERE w.actor IS NOT NULL AND w.date IS NOT NULL "
                 "GROUP BY w.actor, year ORDER BY year, n.pref, w.actor"),
}
"""Listing name → (row keys, SQL): lod.web.queries.SPONSORS and TREATIES, browse_queries.BODIES,
SUBJECTS, SESSIONS and PER_YEAR_AND_BODY, counted over the lists instead of the dataset."""


def _as_rows(keys: tuple[str, ...], found: list[tuple[object, ...]]) -> list[Row]:
    return [{k: str(v) for k, v in zip(keys, row) if v is not None} for row in found]


class BuiltLists:
    """The lists of one build, read from its lists.sqlite (opened read-only, per call: the build's
    folder is swapped whole by the next build, and an open file would keep the old one)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def of(cls, data: Path) -> BuiltLists | None:
        """The build's lists in `data`, or None where it wrote none (an older build)."""
        path = Path(data) / output.LISTS
        return cls(path) if path.is_file() else None

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            yield connection
        finally:
            connection.close()

    def _select(self, sql: str, parameters: tuple[object, ...], keys: tuple[str, ...]) -> list[Row]:
        """The rows of one query as the store's answers are keyed (NULL: the key is absent)."""
        with self._connection() as db:
            found = db.execute(sql, parameters).fetchall()
        return _as_rows(keys, found)

    def _rows(self, list_name: str, target: str, order: str, limit: int,
              extra: tuple[tuple[str, str], ...] = (), where: str = "", parameters: tuple[str, ...] = ()) -> list[Row]:
        columns = ", ".join((*_COLUMNS, *(sql for sql, _ in extra)))
        keys = (*_KEYS, *(key for _, key in extra))
        sql = (f"SELECT {columns} FROM members m JOIN works w ON w.work = m.work "
               f"LEFT JOIN names c ON c.iri = w.committee "
               f"WHERE m.list = ? AND m.target = ? {where} ORDER BY {order} LIMIT ?")
        return self._select(sql, (list_name, target, *parameters, limit), keys)

    def sponsored_by(self, iri: str) -> list[Row]:
        """What a State (or group) sponsored, newest first (browse_queries.SPONSORED_BY)."""
        return self._rows(SPONSOR, iri, NEWEST_FIRST, 1000)

    def submitted_as_officer(self, iri: str) -> list[Row]:
        """What a State's representatives submitted as officers (a Vice-Chair, the Bureau), newest
        first (browse_queries.SUBMITTED_AS_OFFICER)."""
        return self._rows(SUBMITTER, iri, NEWEST_FIRST, 1000)

    def citing(self, iri: str) -> list[Row]:
        """Documents whose paragraphs cite `iri`, oldest first, with how many paragraphs (CITING)."""
        return self._rows(CITES, iri, OLDEST_FIRST, 1000, (("m.count", "paragraphs"),))

    def by_body(self, iri: str) -> list[Row]:
        """A body's documents, newest first, with session and committee (BY_BODY)."""
        return self._rows(BODY, iri, NEWEST_FIRST, 1000,
                          (("w.session", "session"), ("w.committee", "committee"), ("c.pref", "committeeLabel")))

    def session(self, iri: str, number: int) -> list[Row]:
        """A body's documents of one session, by committee label and symbol (SESSION)."""
        return self._rows(BODY, iri, "c.pref, w.symbol", 2000,
                          (("w.committee", "committee"), ("c.pref", "committeeLabel")),
                          "AND w.session = ?", (str(number),))

    def subject_documents(self, iri: str) -> list[Row]:
        """Documents classified under a subject, newest first (SUBJECT_DOCUMENTS)."""
        return self._rows(SUBJECT, iri, NEWEST_FIRST, 1000)

    def votes_of(self, iri: str) -> list[Row]:
        """How a State voted, document by document, newest first (VOTES_OF)."""
        return self._rows(VOTE, iri, NEWEST_FIRST, 2000, (("m.value", "choice"),))

    def cosponsors(self, iri: str) -> list[Row]:
        """The 15 States (or groups) that most often sponsored together with `iri` (COSPONSORS)."""
        # CROSS JOIN keeps the State's own documents outside (SQLite chose to scan every sponsor
        # row first: 0.5 s at 17,000 documents); named after counting, as the store's query is
        sql = ("SELECT g.target, n.pref, g.documents FROM (SELECT o.target, COUNT(*) AS documents FROM members s "
               "CROSS JOIN members o ON o.list = s.list AND o.work = s.work AND o.target != s.target "
               "WHERE s.list = ? AND s.target = ? GROUP BY o.target) g LEFT JOIN names n ON n.iri = g.target "
               "ORDER BY g.documents DESC, n.pref, g.target LIMIT 15")
        return self._select(sql, (SPONSOR, iri), ("other", "label", "documents"))

    def listing(self, name: str) -> list[Row]:
        """A listing page's rows: every sponsor, treaty, body, session or subject with how many
        documents (LISTINGS: the same rows and order as lod.web.queries / browse_queries give)."""
        keys, sql = LISTINGS[name]
        return self._select(sql, (), keys)

    def documents(self, words: str, offset: int, limit: int) -> tuple[int, list[Row]]:
        """(how many, a page of them): every published work, newest first (date, then symbol), or
        those whose symbol or title holds `words` (compared case-folded, as Python folds them)."""
        where, parameters = "", ()
        if words:
            where, parameters = "WHERE instr(fold(symbol), ?) OR instr(fold(title), ?)", (words.casefold(),) * 2
        with self._connection() as db:
            db.create_function("fold", 1, lambda text: (text or "").casefold(), deterministic=True)
            total = db.execute(f"SELECT COUNT(*) FROM works {where}", parameters).fetchone()[0]
            found = db.execute(f"SELECT work, symbol, title, date FROM works {where} ORDER BY date DESC, symbol "
                               "LIMIT ? OFFSET ?", (*parameters, limit, offset)).fetchall()
        return int(total), _as_rows(("work", "symbol", "title", "date"), found)

    def addressed_to(self, iri: str) -> list[Row]:
        """Paragraphs that ask `iri` to act, by work and paragraph, with the action (ADDRESSED_TO)."""
        sql = ("SELECT a.work, a.paragraph, a.text, a.action, w.symbol, w.label FROM addressed a "
               "LEFT JOIN works w ON w.work = a.work WHERE a.target = ? ORDER BY a.work, a.paragraph LIMIT 500")
        return self._select(sql, (iri,), ("work", "paragraph", "text", "action", "symbol", "label"))


class DocumentLists(Protocol):
    """What a browse page asks for its document lists: the build's file (BuiltLists) or, for data
    served without one, the store's SPARQL (lod.web.lists.StoreLists); the same rows from both."""

    def sponsored_by(self, iri: str) -> list[Row]: ...
    def submitted_as_officer(self, iri: str) -> list[Row]: ...
    def citing(self, iri: str) -> list[Row]: ...
    def by_body(self, iri: str) -> list[Row]: ...
    def session(self, iri: str, number: int) -> list[Row]: ...
    def subject_documents(self, iri: str) -> list[Row]: ...
    def votes_of(self, iri: str) -> list[Row]: ...
    def addressed_to(self, iri: str) -> list[Row]: ...
    def listing(self, name: str) -> list[Row]: ...
    def cosponsors(self, iri: str) -> list[Row]: ...
