"""External SPARQL engines (Virtuoso, the Oxigraph server): what lod needs of them, behind one interface.

`lod publish --to URL` loads a build into an engine and `lod serve --store URL` serves from one.
Everything goes through the standard protocols (SPARQL 1.1 Protocol, Update, Graph Store HTTP
Protocol); what differs between engines is confined to an `Engine` class per engine, and there
to three things only: where its authenticated endpoints are and how it authenticates, how it
bulk-loads, and its full-text syntax.

Credentials come from the environment (LOD_ENGINE_USER, LOD_ENGINE_PASSWORD), never from the
command line, and are never logged.
"""

from __future__ import annotations

from lod.engines.base import ENGINES, Engine, EngineError, credentials_from_env, open_engine

__all__ = ["ENGINES", "Engine", "EngineError", "credentials_from_env", "open_engine"]
