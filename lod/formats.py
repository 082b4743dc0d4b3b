"""Every format the project reads, writes or serves, in ONE table.

A format is named once here with its media type, file suffix, label, rdflib serializer name and
pyoxigraph format; content negotiation (lod.web.conneg), the descriptions the build writes
(lod.describe), the store's result and graph formats (lod.store.base), the dumps and the VoID
distributions (lod.publish) all take their values from these records, so that the suffix URLs,
the media types in `Link` headers, the 406 message and the files on disk never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    ext: str
    """The suffix of a file or URL (`data.ttl`), without the dot."""
    mime: str
    label: str
    rdflib: str | None = None
    """rdflib's serializer name, for graphs rdflib writes (the VoID description)."""
    oxigraph: ox.RdfFormat | ox.QueryResultsFormat | None = None
    """pyoxigraph's format: what the build and the store serialize with."""
    w3c: str | None = None
    """Its name under http://www.w3.org/ns/formats/ (the SPARQL service description)."""


HTML = Format("html", "text/html", "HTML")
TURTLE = Format("ttl", "text/turtle", "Turtle", "turtle", ox.RdfFormat.TURTLE, "Turtle")
JSONLD = Format("jsonld", "application/ld+json", "JSON-LD", "json-ld", ox.RdfFormat.JSON_LD, "JSON-LD")
RDFXML = Format("rdf", "application/rdf+xml", "RDF/XML", "pretty-xml", ox.RdfFormat.RDF_XML, "RDF_XML")
NTRIPLES = Format("nt", "application/n-triples", "N-Triples", "nt", ox.RdfFormat.N_TRIPLES, "N-Triples")
NQUADS = Format("nq", "application/n-quads", "N-Quads", "nquads", ox.RdfFormat.N_QUADS, "N-Quads")
AKN = Format("xml", "application/akn+xml", "Akoma Ntoso XML")
"""A document's AKN4UN manifestation (a file of the build, not a description: lod.web.manifestations)."""

SPARQL_JSON = Format("srj", "application/sparql-results+json", "SPARQL JSON", oxigraph=ox.QueryResultsFormat.JSON,
                     w3c="SPARQL_Results_JSON")
SPARQL_XML = Format("srx", "application/sparql-results+xml", "SPARQL XML", oxigraph=ox.QueryResultsFormat.XML,
                    w3c="SPARQL_Results_XML")
CSV = Format("csv", "text/csv", "CSV", oxigraph=ox.QueryResultsFormat.CSV, w3c="SPARQL_Results_CSV")
TSV = Format("tsv", "text/tab-separated-values", "TSV", oxigraph=ox.QueryResultsFormat.TSV, w3c="SPARQL_Results_TSV")

GZIP = Format("gz", "application/gzip", "gzip")
ZIP = Format("zip", "application/zip", "zip")
JSON = Format("json", "application/json", "JSON")
PLAIN = Format("txt", "text/plain", "text")

RDF_FORMATS: tuple[Format, ...] = (TURTLE, JSONLD, RDFXML, NTRIPLES)
"""Graph formats in order of preference when the client has none (curl's `*/*` gets Turtle)."""
RESOURCE_FORMATS: tuple[Format, ...] = RDF_FORMATS + (HTML,)
"""Every representation of a description: what the build writes and the server negotiates."""
RESULT_FORMATS: tuple[Format, ...] = (SPARQL_JSON, SPARQL_XML, CSV, TSV)
DOCUMENT_FORMATS: tuple[Format, ...] = RESOURCE_FORMATS + (AKN,)
"""What a work or expression IRI offers: its descriptions, and the document itself as AKN."""

BY_EXT: dict[str, Format] = {f.ext: f for f in RESOURCE_FORMATS}
"""A description's format by the suffix of its URL (`…/data.jsonld`)."""
BY_MIME: dict[str, Format] = {f.mime: f for f in (*RESOURCE_FORMATS, *RESULT_FORMATS, NQUADS, AKN)}

FILE_TYPES: dict[str, str] = {
    f".{f.ext}": f.mime for f in (TURTLE, JSONLD, NTRIPLES, NQUADS, GZIP, ZIP, JSON)
} | {".xml": AKN.mime}
"""A build file's media type by its last suffix (the downloads; `.xml` files are AKN)."""

COMPRESSIBLE: tuple[str, ...] = (
    "text/", JSON.mime, JSONLD.mime, RDFXML.mime, NTRIPLES.mime, "application/sparql-results", "application/xml",
    "application/javascript", "image/svg+xml",
)
"""Media type prefixes worth compressing on the way out."""
