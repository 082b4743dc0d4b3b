"""Links and names on a description page: IRIs on our base become paths, nodes get labels.

Pages are written by the build and sent as they are by any server that serves the build, so a
link to one of our resources is a path (`/akn/un/…`), never an absolute URL of one host.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from lod.describe.graph import DescriptionGraph, as_description_graph, is_literal, text
from lod.describe.labels import LABEL_PREDICATES
from lod.describe.serialize import jsonld_context
from lod.uri import IRIError, WorkIRI

_LOCAL = re.compile(r"[#/]")


@lru_cache(maxsize=65536)
def _local_name(iri: str) -> str:
    return _LOCAL.split(iri.rstrip("/#"))[-1].lower()


def local_name(iri: Any) -> str:
    """The last segment of an IRI, lower case: how the page knows a property by its name."""
    return _local_name(text(iri) if not isinstance(iri, str) else str(iri))


@lru_cache(maxsize=65536)
def _qname(iri: str) -> str:
    for prefix, ns in jsonld_context().items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def qname(iri: Any) -> str:
    return _qname(str(iri) if isinstance(iri, str) else text(iri))


@dataclass
class Link:
    href: str
    label: str
    iri: str


@dataclass
class Value:
    text: str
    link: Link | None = None
    lang: str | None = None


class Linker:
    """Makes links that work on whatever host serves the page: IRIs on our base become paths.
    `graph` (a DescriptionGraph, or an rdflib Graph) is where labels are looked up."""

    def __init__(self, base: str, graph: Any = None) -> None:
        self.base = base.rstrip("/")
        self.graph = as_description_graph(graph) if graph is not None else DescriptionGraph()
        self._labels: dict[str, str] = {}

    def label(self, node: Any) -> str:
        key = str(node) if isinstance(node, str) else text(node)
        found = self._labels.get(key)
        if found is None:
            found = self._labels[key] = self._label(node, key)
        return found

    def _label(self, node: Any, key: str) -> str:
        pairs = self.graph.out.get(key if isinstance(node, str) else node)
        if pairs:
            for pred in LABEL_PREDICATES:
                for p, value in pairs:
                    if p == pred:
                        return text(value)
        if key.startswith(self.base):
            try:
                iri = WorkIRI.parse(key)
                return iri.eid or iri.number.replace("-", "/")
            except IRIError:
                pass
        return key.rsplit("/", 1)[-1] or key

    def href(self, iri: str) -> str:
        """A path on this site for IRIs on our base; never a path a browser reads as another
        host (`//evil.example/x`, `/\\evil.example/x` are network-path references)."""
        if iri.startswith(self.base + "/"):
            path = iri[len(self.base):]
            if not path.startswith(("//", "/\\")):
                return path
        return "/resource?iri=" + quote(iri, safe="")

    def link(self, node: Any) -> Link:
        iri = str(node) if isinstance(node, str) else text(node)
        return Link(self.href(iri), self.label(node), iri)


def literal_text(graph: DescriptionGraph, subject: Any, names: tuple[str, ...], lang: str | None = None) -> str | None:
    """The first literal whose property is named like one of `names`, in that order of preference
    (in language `lang` where the resource has it in several: see `literal_in`)."""
    return literal_in(graph, subject, names, lang)[0]


def literal_in(graph: DescriptionGraph, subject: Any, names: tuple[str, ...], lang: str | None = None) -> tuple[str | None, str | None]:
    """(text, its language tag): a paragraph of a six-language work has one text per language;
    the one in `lang` is preferred, then English, then untagged, then any."""
    found: dict[str, list[tuple[str, str, str | None]]] = {}
    for pred, obj in graph.out.get(subject, ()):
        if is_literal(obj):
            name = _local_name(pred)
            if name in names:
                found.setdefault(name, []).append((pred, obj.value, obj.language))
    for name in names:
        if name in found:
            # the first of the ranking among the values in (property, text) order
            values = sorted(found[name], key=lambda v: (v[0], v[1]))
            _, value, tag = min(values, key=lambda v: (v[2] != lang, v[2] != "en", v[2] is not None))
            return value, tag
    return None, None
