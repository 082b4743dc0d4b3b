"""What a work's IRI date is made of, when the corpus does not print it: the organ's session
rhythm and the year its number implies (split from lod.rdf.registry, which decides IRIs).

A partial date is written as 1 January of its year (AKN4UN), flagged approximate. The same
rules give `approximate_work_iri`, the IRI a build that knew no date would have minted, which
the RDF keeps as an alias and the server answers with a 301 once the date is known.
"""

from __future__ import annotations

import re

from lod.bodies import TLC_PATH, Body, by_key, session_year, slug_actor
from lod.symbols import roman_to_int

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


def year_from_number(body_key: str | None, number: str) -> int | None:
    """The year a printed number implies: 1373 (2001) → 2001, 2017/16 → 2017, 70/174 → 2015."""
    n = " ".join(number.split())
    if m := re.fullmatch(r"\d+\s*\((\d{4})\)", n):
        return int(m.group(1))
    if m := re.fullmatch(r"(\d{4})/\d+.*", n):
        return int(m.group(1))
    if m := re.fullmatch(r"\d+\s*\(([IVXLC]+)\)", n):
        return session_year("ga", roman_to_int(m.group(1)))
    if m := re.fullmatch(r"(\d{1,3})/\d+.*", n):
        return session_year(body_key, int(m.group(1)))
    return None


def approximate_date(body_key: str | None, number: str) -> str | None:
    """The date a work's IRI carries while no text prints it: 1 January of the year its number
    implies, or None when the number implies none."""
    year = year_from_number(body_key, number)
    return f"{year}-01-01" if year else None
