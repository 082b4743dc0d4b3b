"""JSON-LD contexts shipped with the package, so no context is ever fetched from the network.

lod.jsonld is generated from the prefix table by `python -m lod.contexts` (`context_text`)."""

from __future__ import annotations

import json
from pathlib import Path

CONTEXT_PATH = Path(__file__).resolve().parent / "lod.jsonld"


def context_text() -> str:
    """The text lod.jsonld must have: the table's prefixes, in the table's order."""
    from lod.rdf.namespaces import jsonld_context

    return json.dumps({"@context": jsonld_context()}, indent=2, ensure_ascii=False) + "\n"
