"""The Oxigraph server (`oxigraph serve`, shipped by the `oxigraph` package on PyPI): the same
engine as lod's embedded store, as a separate process.

Its endpoints are /query, /update and /store (Graph Store Protocol, `?graph=`). It has no
authentication of its own: bind it to 127.0.0.1 (or put it behind a proxy that authenticates)
and run it WITHOUT `--union-default-graph`: `lod publish` puts the build's RDF merge into its
default graph, so it answers exactly as lod's embedded store (the union would count a triple
of several documents once per document).
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

    def merge_graph(self, base: str) -> str | None:
        return None  # its own default graph, kept apart from the named graphs

    def authenticate(self) -> None:
        """Basic credentials go with every request: there is no challenge to answer first."""
