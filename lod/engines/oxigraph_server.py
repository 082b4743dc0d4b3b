"""The Oxigraph server (`oxigraph serve`, shipped by the `oxigraph` package on PyPI): the same
engine as lod's embedded store, as a separate process.

Its endpoints are /query, /update and /store (Graph Store Protocol, `?graph=`). It has no
authentication of its own: bind it to 127.0.0.1 (or put it behind a proxy that authenticates)
and run it with `--union-default-graph` so the default graph is the union of the documents'
graphs, as in lod's embedded store.
"""

from __future__ import annotations

from typing import ClassVar

from requests.auth import AuthBase, HTTPBasicAuth

from lod.engines.base import Engine, register


@register
class OxigraphServer(Engine):
    name: ClassVar[str] = "oxigraph"
    query_path: ClassVar[str] = "/query"
    update_path: ClassVar[str] = "/update"
    graph_store_path: ClassVar[str] = "/store"
    graph_param: ClassVar[str] = "graph"

    def auth(self) -> AuthBase | None:
        # a proxy in front of it would take basic credentials; the server itself ignores them
        return HTTPBasicAuth(self.credentials.user, self.credentials.password) if self.credentials else None
