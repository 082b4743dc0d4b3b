"""Akoma Ntoso (AKN4UN) output: the UN's own XML format, written from the model and checked
against the OASIS schema. `akn_document(res, registry, base) -> bytes`, `akn_errors(xml)`.

Only the vocabulary is imported eagerly: the web layer needs the output paths and media type,
not the writer (which pulls in the RDF registry and lxml's schema), so query processes stay small.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from lod.akn.vocabulary import AKN, AKN_DIR, AKN_FORMAT, AKN_MEDIA_TYPE, AKN_NS

_LAZY = {
    "akn_errors": "lod.akn.schema", "akn_schema": "lod.akn.schema",
    "AKNWriteError": "lod.akn.writer", "akn_document": "lod.akn.writer", "manifestation_iri": "lod.akn.writer",
}

__all__ = ["AKN", "AKN_DIR", "AKN_FORMAT", "AKN_MEDIA_TYPE", "AKN_NS", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lod.akn' has no attribute {name!r}")
