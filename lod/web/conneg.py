"""Content negotiation: which representation a client gets, by Accept header or by suffix.

The formats are lod.formats' table (one for the whole project); this module only chooses among
them, so that the suffix URLs, the media types in `Link`/`<link rel=alternate>`, the SPARQL
result formats and the 406 message never disagree.
Accept parsing is werkzeug's (q-values, wildcards, specificity), never hand-written.

Suffix convention (documented in docs/endpoints.md): a description document is
`{thing}/data.{ext}` (`…/70-174/data.ttl`); the thing's own IRI answers 303 to one of them.
"""

from __future__ import annotations

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from lod.formats import CSV, HTML, JSONLD, NTRIPLES, RDFXML, SPARQL_JSON, SPARQL_XML, TSV, TURTLE, Format

ALIASES: dict[str, str] = {
    # media types clients send that name one of ours under another name
    "application/turtle": TURTLE.mime,
    "application/x-turtle": TURTLE.mime,
    "application/x-json+ld": JSONLD.mime,
    "application/json": SPARQL_JSON.mime,
    "text/plain": NTRIPLES.mime,
    "application/xhtml+xml": HTML.mime,
}

FORMAT_PARAM: dict[str, dict[str, str]] = {
    # `format=` values (SPARQLWrapper sends format=, output= and results=) per answer kind
    "solutions": {
        "json": SPARQL_JSON.mime, "srj": SPARQL_JSON.mime, "xml": SPARQL_XML.mime, "srx": SPARQL_XML.mime,
        "csv": CSV.mime, "tsv": TSV.mime,
    },
    "graph": {
        "turtle": TURTLE.mime, "ttl": TURTLE.mime, "n3": TURTLE.mime, "json-ld": JSONLD.mime,
        "jsonld": JSONLD.mime, "json": JSONLD.mime, "xml": RDFXML.mime, "rdf": RDFXML.mime,
        "rdf+xml": RDFXML.mime, "rdfxml": RDFXML.mime, "nt": NTRIPLES.mime, "ntriples": NTRIPLES.mime,
        "n-triples": NTRIPLES.mime,
    },
}


def _accept(header: str | None) -> MIMEAccept:
    """Parse Accept, folding alias media types onto ours (keeping each one's q-value)."""
    parsed = parse_accept_header(header or "", MIMEAccept)
    if not parsed:
        return parsed
    values = [(ALIASES.get(mime.lower(), mime), q) for mime, q in parsed]
    return MIMEAccept(values)


def negotiate(header: str | None, offered: tuple[Format, ...]) -> Format | None:
    """The offered format the client prefers; the first offered when it has no preference;
    None when it accepts none of them (the caller answers 406)."""
    if not header or not header.strip():
        return offered[0]
    accept = _accept(header)
    best = accept.best_match([f.mime for f in offered])
    if best is None:
        return None
    return next(f for f in offered if f.mime == best)


def from_format_param(value: str | None, kind: str, offered: tuple[Format, ...]) -> Format | None:
    """The format named by a `format=` (or output=/results=) parameter, by short name or media type."""
    if not value:
        return None
    value = value.strip().lower()
    mime = FORMAT_PARAM.get(kind, {}).get(value) or ALIASES.get(value, value)
    return next((f for f in offered if f.mime == mime), None)


def not_acceptable_message(offered: tuple[Format, ...]) -> str:
    return "None of the media types in Accept is offered here. Offered: " + ", ".join(f.mime for f in offered)


def link_header(alternates: list[tuple[str, Format]]) -> str:
    """An HTTP `Link` header value listing machine-readable alternates of a page."""
    return ", ".join(f'<{url}>; rel="alternate"; type="{fmt.mime}"' for url, fmt in alternates)
