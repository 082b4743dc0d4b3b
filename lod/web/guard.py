"""What the public SPARQL endpoint refuses before a query reaches the store, and why.

First the codepoint escapes (`\\uXXXX`, `\\UXXXXXXXX`). SPARQL 1.1 §19.2 applies them to the whole
query before parsing, and so does rdflib; the engine (pyoxigraph 0.5) applies them only inside
string literals and IRIs. `FILTER("\\u0022) } #" != "") SERVICE <...> {...}` is therefore a
finished filter and a comment for rdflib, and a SERVICE call for the engine. The two readings
agree exactly when no escape stands for a character that delimits SPARQL tokens (quotes,
backslash, angle brackets, `#`, line breaks, braces, any ASCII punctuation or control), so such
an escape is refused, as is an invalid one; escapes of letters, digits and non-ASCII characters
(`"\\u00E9t\\u00E9"`) read the same both ways and are allowed. The engine gets the text unchanged.

That text is parsed with rdflib's SPARQL grammar and the parse tree is walked (no regular
expressions, which comments, strings and IRIs would fool):

* SPARQL Update of any kind is refused (403): the endpoint is read-only;
* `SERVICE` is refused (400) because executing it would make the server send requests to any
  address a stranger names (pyoxigraph's HTTP client is native and cannot be audited);
* anything that is neither a query nor an update is a malformed query (400, parser message).

FROM / FROM NAMED are allowed: pyoxigraph treats them as a selection of the store's own named
graphs and never dereferences them (tests/test_server_sparql.py shows it).

This check is a courtesy (a clear 400), not the guarantee: two parsers may still read some text
differently, so the query process itself has no network (lod.web.sandbox). It runs inside the
query process too, so its time is bounded and charged like the query's (lod.web.querypool).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any, Iterator

from cachetools import LRUCache
from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

QUERY_FORMS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct", "DescribeQuery": "describe"}
FORBIDDEN = {
    "ServiceGraphPattern": "SERVICE is not allowed here: this endpoint never sends requests to other "
    "servers. Query the other endpoint yourself, or download our dumps from /dumps/ and join locally.",
}


class Rejected(Exception):
    """A query the endpoint will not run; `status` is the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class CheckedQuery:
    text: str
    form: str  # select, ask, construct or describe
    dataset_in_query: bool = False
    """The query names its graphs (FROM / FROM NAMED): a remote store must not add its default."""

    @property
    def kind(self) -> str:
        """The shape of the answer: "solutions", "boolean" or "graph"."""
        return {"select": "solutions", "ask": "boolean"}.get(self.form, "graph")


def _nodes(node: Any) -> Iterator[str]:
    if isinstance(node, CompValue):
        yield node.name
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _nodes(value)


VERDICTS_KEPT = 1024
"""Verdicts a web worker remembers (`KnownVerdicts`). rdflib's grammar takes tens of
milliseconds per query, more than most queries take to run, and clients (dashboards, the example
queries, benchmarks) send the same query text again and again; the verdict depends on the text
alone, so it is reused — for refusals as well as for accepted queries. Texts longer than
`LONGEST_KEPT` are parsed each time (a stranger must not fill the memory with huge one-off
queries). The query process keeps no verdicts of its own: it only sees texts its worker has not
judged before."""
LONGEST_KEPT = 16_384


def check_query(text: str) -> CheckedQuery:
    """Parse `text`; return its form, or raise `Rejected` saying exactly what is wrong."""
    verdict = _judge(text)
    if isinstance(verdict, Rejected):
        raise Rejected(verdict.status, str(verdict))
    return verdict


def _judge(text: str) -> CheckedQuery | Rejected:
    try:
        return _parse_and_check(text)
    except Rejected as exc:
        return Rejected(exc.status, str(exc))  # without the traceback and the parser's frames


class KnownVerdicts:
    """The verdicts a web worker has already received from its query processes, by query text.

    The check runs in a query process (it can take seconds on a hostile text), so even a cached
    verdict there costs a child and two pipe messages. A query the worker has seen before is
    judged here instead: a query run by an external engine then needs no query process at all,
    which is most of lod's own time on such a request. Only verdicts that depend on the text
    alone are kept (accepted, or refused as malformed/read-only); texts longer than
    `LONGEST_KEPT` are never kept.
    """

    KEPT_REFUSALS = (400, 403)

    def __init__(self, size: int = VERDICTS_KEPT) -> None:
        self._known: LRUCache[str, CheckedQuery | Rejected] = LRUCache(maxsize=size)
        self._lock = threading.Lock()

    def get(self, text: str) -> CheckedQuery | None:
        """The accepted query, None when unknown; raises `Rejected` for a known refusal."""
        with self._lock:
            verdict = self._known.get(text)
        if isinstance(verdict, Rejected):
            raise Rejected(verdict.status, str(verdict))
        return verdict

    def remember(self, text: str, verdict: CheckedQuery | Rejected) -> None:
        if len(text) > LONGEST_KEPT or (isinstance(verdict, Rejected) and verdict.status not in self.KEPT_REFUSALS):
            return
        with self._lock:
            self._known[text] = verdict


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def refuse_syntax_escapes(text: str) -> None:
    """Refuse a codepoint escape that the engine and a §19.2 reader would read differently
    (one standing for a character that delimits tokens), or one that names no character.
    A backslash-u without its hex digits is left to the parsers: neither decodes it."""
    for match in _CODEPOINT.finditer(text):
        token = match.group(0)
        where = f"at character {match.start() + 1}"
        point = int(match.group(1) or match.group(2), 16)
        if point > 0x10FFFF or 0xD800 <= point <= 0xDFFF:
            raise Rejected(400, f"malformed query: {token} {where} is not a Unicode character")
        if point < 0x80 and not chr(point).isalnum():
            raise Rejected(400, f"the escape {token} {where} stands for {chr(point)!r}, which delimits SPARQL "
                                "syntax: SPARQL engines disagree on where such an escape applies, so it is "
                                'refused. Write the character itself (inside a string, escaped as \\" or \\\\ or \\n)')


def _parse_and_check(text: str) -> CheckedQuery:
    if not text or not text.strip():
        raise Rejected(400, "empty query")
    refuse_syntax_escapes(text)
    # A comment ends at CR as well as LF (SPARQL 1.1 §19.4, and so the engine reads it); rdflib
    # ends it at LF only, so `# x\r SERVICE ...` would be a comment to rdflib and a call to the
    # engine. Checked with CRs as LFs, both read the same structure (only long strings change).
    readable = text.replace("\r", "\n")
    try:
        tree = parseQuery(readable)
    except ParseBaseException as query_error:
        try:
            parseUpdate(readable)
        except ParseBaseException:
            raise Rejected(400, f"malformed query: {query_error}") from None
        raise Rejected(
            403, "this endpoint is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, "
            "COPY, MOVE, ADD) is not accepted",
        ) from None
    except Exception as exc:  # noqa: BLE001 - rdflib raises plain exceptions for some bad input
        raise Rejected(400, f"malformed query: {exc}") from None
    names = set(_nodes(tree))
    for name in sorted(names & set(FORBIDDEN)):
        raise Rejected(400, FORBIDDEN[name])
    form = QUERY_FORMS.get(tree[1].name)
    if form is None:
        raise Rejected(400, f"unsupported query form {tree[1].name}")
    return CheckedQuery(text, form, "datasetClause" in tree[1].keys())
