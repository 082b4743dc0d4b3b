"""The per-process state the routes share: settings in force, the store, the query pool, budgets."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app

from lod import output
from lod.settings import Settings
from lod.store import Store, StoreSource
from lod.web.budget import ClientBudget
from lod.web.querypool import QueryPool


@dataclass
class Runtime:
    config: Settings
    holder: StoreSource | None
    fixed_store: Store | None
    pool: QueryPool
    budget: ClientBudget

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

    _modified: tuple[float, float | None] | None = field(default=None, repr=False, compare=False)
    """(when it was looked at, the build's time) of the latest `last_modified`."""

    def last_modified(self) -> float | None:
        """When the build in use was made (its checksum file's time), looked at again at most
        every reload-check seconds, as the store is (not with a stat at every request)."""
        now = time.monotonic()
        known = self._modified
        if known is not None and now - known[0] < self.config.reload_check_seconds:
            return known[1]
        try:
            modified: float | None = (self.data / output.CHECKSUMS).stat().st_mtime
        except OSError:
            modified = None
        self._modified = (now, modified)
        return modified


def runtime() -> Runtime:
    return current_app.extensions["lod"]  # type: ignore[no-any-return]
