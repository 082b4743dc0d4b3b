"""What a work's IRI date is made of, when the corpus does not print it: the organ's session
rhythm and the year its number implies (split from lod.rdf.registry, which decides IRIs).

A partial date is written as 1 January of its year (AKN4UN), flagged approximate. The same
rules give `approximate_work_iri`, the IRI a build that knew no date would have minted, which
the RDF keeps as an alias and the server answers with a 301 once the date is known.
"""

from __future__ import annotations

from lod.bodies import TLC_PATH, Body, by_key, session_year, slug_actor
from lod.symbols import NumberInfo

__all__ = ["session_year"]  # re-exported: lod.bodies owns it


def adopting_body(body: Body | None) -> Body | None:
    """Main Committees draft but never adopt: their drafts are adopted by the General Assembly."""
    if body is not None and body.kind == "committee" and body.parent:
        return by_key(body.parent)
    return body


def actor_token(body: Body | None, name: str | None) -> str:
    if body is not None:
        return body.actor
    return slug_actor(name or "unknown")


def body_iri(body: Body | None, name: str | None, base: str) -> str:
    """The TLCOrganization IRI; bodies missing from lod.bodies get one from their actor token."""
    local = body.tlc if body is not None else actor_token(None, name)
    return f"{base.rstrip('/')}{TLC_PATH}{local}"


def approximate_date(body_key: str | None, implied: NumberInfo | None) -> str | None:
    """The date a work's IRI carries while no text prints it: 1 January of the year its number
    implies (`implied`, read by the converter: lod.symbols.parse_number), a session's year by
    the organ's rule; None when the number implies none."""
    if implied is None:
        return None
    year = implied.year
    if year is None and implied.session is not None:
        year = session_year(implied.body or body_key, implied.session)
    return f"{year}-01-01" if year else None
