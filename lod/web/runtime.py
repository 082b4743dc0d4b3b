"""The per-process state the routes share: settings in force, the store, the query pool, budgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import current_app

from lod.settings import Settings
from lod.store import OxigraphStore, Store, StoreHolder
from lod.web.budget import ClientBudget
from lod.web.cache import Rendered, VersionedCache
from lod.web.querypool import QueryPool


@dataclass
class Runtime:
    config: Settings
    holder: StoreHolder | None
    fixed_store: Store | None
    pool: QueryPool
    budget: ClientBudget
    responses: VersionedCache[Rendered] = field(default_factory=lambda: VersionedCache(lambda r: r.size))
    """Finished descriptions and pages of the store version in use (lod.web.cache)."""
    facts: VersionedCache[Any] = field(default_factory=lambda: VersionedCache(lambda _: 256, max_bytes=8 << 20))
    """Small query answers the 303s need (does this IRI exist, which work has this symbol)."""

    @property
    def base(self) -> str:
        return self.config.base.rstrip("/")

    @property
    def data(self) -> Path:
        return self.config.data

    def store(self) -> Store:
        """The store for this request: take it once and keep it (a reload swaps the next one)."""
        if self.fixed_store is not None:
            return self.fixed_store
        assert self.holder is not None
        return self.holder.current()

    rendered: dict[str, Any] = field(default_factory=dict)
    """Per store version, its shared on-disk renderings (lod.web.rendered.RenderedDir)."""
    warmer: Any = None
    """Starts the renderer process of each new store version (lod.web.rendered.Warmer), made on first use."""

    def cache_version(self, store: Store) -> str | None:
        """The version answers from `store` may be cached under, or None when they must not be:
        an embedded store's version is its build checksum, so its data cannot change under a
        version; a remote endpoint can change at any time."""
        if isinstance(store, OxigraphStore) and store.version:
            return store.version
        return None

    def store_path(self, store: Store) -> Path | None:
        return store.path if isinstance(store, OxigraphStore) else None

    def last_modified(self) -> float | None:
        sums = self.data / "SHA256SUMS"
        try:
            return sums.stat().st_mtime
        except OSError:
            return None


def runtime() -> Runtime:
    return current_app.extensions["lod"]  # type: ignore[no-any-return]
