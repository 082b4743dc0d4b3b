"""SPARQL storage behind the web layer: one small `Store` interface, two implementations.

`OxigraphStore` is an embedded on-disk pyoxigraph store built from the build's N-Quads dump;
`RemoteStore` talks SPARQL 1.1 Protocol to an external engine (Virtuoso, the Oxigraph server,
another endpoint) with a requests Session. The pages and the endpoint only use the interface and
its `Capabilities`, so the same tests run against both; `open_store(settings)` chooses.

Why the loading dance: several gunicorn workers must share one store directory, and RocksDB
allows only one writer. The master (or whichever process first takes the lock) loads the dump
into a directory named after the dump's checksum; everybody then opens that directory read-only.
A new build has a new checksum, hence a new directory: requests in flight keep reading the old
one while new requests get the new one (see `StoreHolder`).
"""

from __future__ import annotations

from lod.store.base import (
    BINDINGS_MARKER, GRAPH_CAP_FACTOR, GRAPH_FORMATS, RESULT_FORMATS, Capabilities, QueryError, RawResult, Store,
    bind_values, to_rdflib,
)
from lod.store.loading import DUMP, SUMS, StoreHolder, dump_checksum, load_build, store_root
from lod.store.oxigraph import OxigraphStore
from lod.store.remote import RemoteStore
from lod.store.choose import FixedStore, StoreSource, open_store

__all__ = [
    "BINDINGS_MARKER", "Capabilities", "FixedStore", "StoreSource", "open_store", "DUMP", "GRAPH_CAP_FACTOR", "GRAPH_FORMATS", "RESULT_FORMATS", "SUMS", "OxigraphStore",
    "QueryError", "RawResult", "RemoteStore", "Store", "StoreHolder", "bind_values", "dump_checksum", "load_build", "store_root",
    "to_rdflib",
]
