"""Where a person is sent for a thing the data names: the browse page of a State, treaty or body.

One table, used by the dereferencing of IRIs (lod.web.resources: a browser asking for a State's
IRI gets its page) and by every page that links to one (lod.web.browse, lod.web.pages).
"""

from __future__ import annotations

from lod.bodies import BODIES, Body
from lod.uri import tlc_iri

BROWSE_PREFIXES: tuple[tuple[str, str], ...] = (("/id/state/", "/states/"), ("/id/treaty/", "/treaties/"))
"""(IRI path on our base, browse path) for the authorities whose IRIs carry their key."""


def bodies_by_iri(base: str) -> dict[str, Body]:
    """Each body of lod.bodies by its TLCOrganization IRI on `base`."""
    return {tlc_iri(b, base): b for b in BODIES}


def browse_path(iri: str, base: str) -> str | None:
    """The browse page of an IRI when it names a State, a treaty or a body of ours, else None."""
    base = base.rstrip("/")
    for iri_path, page in BROWSE_PREFIXES:
        prefix = base + iri_path
        if iri.startswith(prefix) and len(iri) > len(prefix):
            return page + iri[len(prefix):]
    body = bodies_by_iri(base).get(iri)
    return f"/bodies/{body.key}" if body else None
