"""An embedded store holding the mapped graphs of some documents, mapped together (so links
between them resolve): what the example queries are tested on without a build."""

from __future__ import annotations

import pyoxigraph

from lod.model import Resolution
from lod.rdf import WorkRegistry, map_resolution

BASE = "http://lod.test"


def store_of(*docs: Resolution, base: str = BASE) -> pyoxigraph.Store:
    registry = WorkRegistry(base=base)
    for res in docs:
        registry.add(res)
    store = pyoxigraph.Store()
    for res in docs:
        store.load("\n".join(map_resolution(res, registry, base).lines()).encode(), pyoxigraph.RdfFormat.N_TRIPLES)
    return store
