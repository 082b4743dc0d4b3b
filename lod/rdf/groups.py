"""The IRIs of sponsor groups (`{base}/id/group/{key}`); the table itself is lod.groups."""

from __future__ import annotations

from lod.groups import GROUPS, SponsorGroup, lookup_group

__all__ = ["GROUPS", "SponsorGroup", "group_iri", "lookup_group"]


def group_iri(base: str, key: str) -> str:
    return f"{base.rstrip('/')}/id/group/{key}"
