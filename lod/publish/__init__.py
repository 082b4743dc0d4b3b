"""Publish stage: the build output (per-document Turtle, dataset dumps, VoID/DCAT, checksums).

The names below are loaded on first use (PEP 562), so that a module of the stage the web layer
reads (lod.publish.workiris: the table of moved work IRIs) does not bring the parser, the mapping
and the validator into every server process."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lod.publish.pipeline import BuildError, BuildReport, DocumentOutcome, build, discover

__all__ = ["BuildError", "BuildReport", "DocumentOutcome", "build", "discover"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("lod.publish.pipeline"), name)
    raise AttributeError(f"module 'lod.publish' has no attribute {name!r}")
