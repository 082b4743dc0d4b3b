"""HTTP publishing of a build: dereferenceable IRIs, HTML, the SPARQL endpoint, dumps.

`create_app` is imported on first use, not with the package: the SPARQL query processes'
forkserver preloads lod.web.querychild, and importing the whole app there (Flask, the
describers, the build pipeline) cost each forkserver about 1.5 s of CPU on start.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from lod.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
