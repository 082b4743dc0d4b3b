"""lod: Linked Open Data for United Nations resolutions.

parse (text → model) → rdf (model → RDF) → validate (SHACL) → publish (dumps, store, web).
"""

from __future__ import annotations

import re
from functools import lru_cache

__version__ = "0.1.0"


@lru_cache(maxsize=1)
def dependency_versions() -> str:
    """`name==version` of every run-time dependency of lod as installed (pyproject.toml's
    dependencies, not its extras), one per line; empty where lod runs from a source tree that
    was never installed (its metadata is what names the dependencies)."""
    from importlib import metadata  # only builds ask: 25 ms that `import lod` need not pay

    try:
        required = metadata.requires("lod") or []
    except metadata.PackageNotFoundError:
        return ""
    names = sorted({m.group(0) for r in required if "extra ==" not in r and (m := _REQUIREMENT_NAME.match(r))})
    found = []
    for name in names:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}==")
    return "\n".join(found)


_REQUIREMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
"""The distribution name at the start of a requirement (PEP 508)."""
