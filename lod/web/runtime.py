"""The per-process state the routes share: settings in force, the store, the query pool, budgets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import current_app

from lod import output
from lod.store import Store, StoreSource
from lod.web.budget import ClientBudget
from lod.web.querypool import QueryPool


@dataclass
class Runtime:
    config: dict[str, Any]
    holder: StoreSource | None
    fixed_store: Store | None
    pool: QueryPool
    budget: ClientBudget

    @property
    def base(self) -> str:
        return str(self.config["base"]).rstrip("/")

    @property
    def data(self) -> Path:
        return Path(self.config["data"])

    def store(self) -> Store:
        """The store for this request: take it once and keep it (a reload swaps the next one)."""
        if self.fixed_store is not None:
            return self.fixed_store
        assert self.holder is not None
        return self.holder.current()

    def last_modified(self) -> float | None:
        sums = self.data / output.CHECKSUMS
        try:
            return sums.stat().st_mtime
        except OSError:
            return None


def runtime() -> Runtime:
    return current_app.extensions["lod"]  # type: ignore[no-any-return]
