"""Full-text search: the index `lod build` writes from the document model, and its reader.

`document_record(res, work, main, cited_iri)` turns a parsed document into passages with facets
(in the build's workers); `IndexWriter` writes them to the tantivy index folder `INDEX_FILE` in
the output; the server opens it with `SearchIndex` and calls `search(q, filters, page, size,
timeout)`. The package knows the model and tantivy, never RDF nor HTTP.
"""

from lod.search.engine import INDEX_FILE, IndexWriter
from lod.search.index import MARK_END, MARK_START, FacetCount, Hit, SearchIndex, SearchResult, SearchTimeout
from lod.search.query import MAX_QUERY_CHARS, SearchError
from lod.search.records import FACET_NAMES, FACETS, PART_LABELS, DocumentRecord, Facet, FacetValue, Passage, document_record

__all__ = [
    "FACETS", "FACET_NAMES", "INDEX_FILE", "MARK_END", "MARK_START", "MAX_QUERY_CHARS", "PART_LABELS",
    "DocumentRecord", "Facet", "FacetCount", "FacetValue", "Hit", "IndexWriter", "Passage", "SearchError",
    "SearchIndex", "SearchResult", "SearchTimeout", "document_record",
]
