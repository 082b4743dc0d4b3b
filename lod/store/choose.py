"""`open_store(settings)`: which store serves, chosen from the settings `store` and `engine` alone,
so the web layer never names a store class.

* `store` empty: the embedded store built from the data directory, reloaded when a new build
  lands (`StoreHolder`);
* `store` a directory: a pyoxigraph store already loaded there, opened read-only;
* `store` an http(s) URL: an external engine of kind `engine` (virtuoso, oxigraph, or sparql for
  any SPARQL 1.1 endpoint given by its query URL), spoken to through `RemoteStore`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Protocol

from lod import output
from lod.store.base import QueryError, Store
from lod.store.loading import StoreHolder, store_root
from lod.store.oxigraph import OxigraphStore
from lod.store.remote import RemoteStore


class StoreSource(Protocol):
    """Gives each request the store in force; a request takes it once and keeps it."""

    def current(self) -> Store: ...


@dataclass
class FixedStore:
    """A store that never changes under the server (an engine; a directory loaded beforehand)."""

    store: Store

    def current(self) -> Store:
        return self.store


def is_remote(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def open_store(settings: Mapping[str, Any]) -> StoreSource:
    """The store the settings ask for (see the module docstring). Opening a remote store sends
    nothing: an engine that is down makes requests fail with 502, not the server refuse to start."""
    location = str(settings.get("store") or "").strip()
    data = Path(settings["data"])
    if not location:
        return StoreHolder(data, check_every=float(settings["reload-check-seconds"]),
                           root=store_root(data, settings.get("store-dir") or None))
    if is_remote(location):
        return FixedStore(remote_store(location, str(settings.get("engine") or "virtuoso"), data,
                                       str(settings["base"]), float(settings["query-timeout"])))
    folder = Path(location)
    if not folder.is_dir():
        raise QueryError(f"setting store: {location!r} is neither an http(s) URL of a SPARQL engine nor a "
                         "directory holding a loaded store", 500)
    return FixedStore(OxigraphStore.open_read_only(folder))


def remote_store(url: str, kind: str, data: Path, base: str, timeout: float) -> RemoteStore:
    """The engine at `url`; for engines `lod publish` fills, the merge graph of the build's base
    (report.json's, else the `base` setting) is the default graph."""
    from lod.engines import open_engine

    engine = open_engine(url, kind, timeout=timeout)
    if kind == "sparql":
        return RemoteStore(engine, None, timeout=timeout)
    return RemoteStore(engine, engine.merge_graph(build_base(data, base)), timeout=timeout)


def build_base(data: Path, fallback: str) -> str:
    try:
        return str(json.loads((data / output.REPORT).read_text(encoding="utf-8"))["base"]).rstrip("/")
    except (OSError, ValueError, KeyError):
        return fallback.rstrip("/")
