"""The XML building blocks the AKN writer shares: namespaces and element constructors that
take the element name from the vocabulary table (lod.akn.vocabulary), never from the caller."""

from __future__ import annotations

import re

from lxml import etree

from lod.akn.vocabulary import AKN, AKN_NS

LOD_NS = "https://w3id.org/un-lod/akn#"
"""Our namespace for `<proprietary>` facts and UN voters lists (same authority as the `unres:` ontology)."""
NSMAP = {None: AKN_NS, "lod": LOD_NS}


def element(parent: etree._Element | None, part: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    """An element for a model part (looked up in the vocabulary), with its `name` when the table
    gives one; attributes whose value is None are left out."""
    spec = AKN[part]
    tag = f"{{{AKN_NS}}}{spec.tag}"
    node = etree.SubElement(parent, tag) if parent is not None else etree.Element(tag, nsmap=NSMAP)  # type: ignore[arg-type]
    if spec.name and attrs.get("name") is None:
        node.set("name", spec.name)
    for key, value in attrs.items():
        if value is not None:
            node.set(key.rstrip("_"), value)
    if text:
        node.text = text
    return node


def raw(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """An AKN element the vocabulary does not list per model part (FRBR metadata, `p`, `span`)."""
    node = etree.SubElement(parent, f"{{{AKN_NS}}}{tag}")
    for key, value in attrs.items():
        node.set(key.rstrip("_"), value)
    if text:
        node.text = text
    return node


def token(value: str) -> str:
    """An eId-safe token (AKN ids are noWhiteSpace; we keep them NCName-like)."""
    return re.sub(r"[^A-Za-z0-9.-]+", "_", value).strip("_") or "x"



def attr(obj: object, *names: str) -> str | None:
    """The first of `names` the object (a dataclass or a dict of the model) has a value for."""
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None and value != "":
            return str(value)
    return None


def unique_eids(root: etree._Element) -> list[tuple[str, str]]:
    """AKN requires unique eIds (the strict schema checks it). A model with two points printed
    with the same letter would give two equal ones: the second becomes `{eId}_2`, and the
    renaming is recorded (`<lod:duplicateEId>`) rather than made silently."""
    seen: set[str] = set()
    renamed: list[tuple[str, str]] = []
    for node in root.iter():
        value = node.get("eId") if isinstance(node.tag, str) else None
        if value is None:
            continue
        if value in seen:
            k = 2
            while f"{value}_{k}" in seen:
                k += 1
            renamed.append((value, f"{value}_{k}"))
            value = f"{value}_{k}"
            node.set("eId", value)
        seen.add(value)
    return renamed
