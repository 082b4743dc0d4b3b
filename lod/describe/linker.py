"""Links and names on a description page: IRIs on our base become paths, nodes get labels.

Pages are written by the build and sent as they are by any server that serves the build, so a
link to one of our resources is a path (`/akn/un/…`), never an absolute URL of one host.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from lod.describe.graph import DescriptionGraph, as_description_graph, property_name, text
from lod.describe.labels import LABEL_PREDICATES
from lod.describe.serialize import jsonld_context
from lod.uri import IRIError, WorkIRI

def local_name(iri: Any) -> str:
    """The last segment of an IRI, lower case: how the page knows a property by its name."""
    return property_name(str(iri) if isinstance(iri, str) else text(iri))


@lru_cache(maxsize=65536)
def _qname(iri: str) -> str:
    for prefix, ns in jsonld_context().items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def qname(iri: Any) -> str:
    return _qname(str(iri) if isinstance(iri, str) else text(iri))


@lru_cache(maxsize=65536)
def work_iri(iri: str) -> WorkIRI | None:
    """`iri` read as an AKN4UN work IRI (None if it is not one): a page asks it of the same
    IRIs many times."""
    try:
        return WorkIRI.parse(iri)
    except IRIError:
        return None


@lru_cache(maxsize=65536)
def work_of(iri: str) -> str | None:
    """The work an AKN4UN IRI belongs to (None for any other IRI)."""
    parsed = work_iri(iri)
    return parsed.work() if parsed is not None else None


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
        self._links: dict[str, Link] = {}

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
                values = [value for p, value in pairs if p == pred]
                if values:  # an agenda item titled in six languages: English, else the first
                    return text(min(values, key=lambda v: getattr(v, "language", None) not in ("en", None)))
        if key.startswith(self.base):
            iri = work_iri(key)
            if iri is not None:
                return iri.eid or iri.number.replace("-", "/")
        return key.rsplit("/", 1)[-1] or key

    def is_ours(self, iri: str) -> bool:
        return iri.startswith(self.base + "/")

    def href(self, iri: str) -> str:
        """A path on this site for IRIs on our base; never a path a browser reads as another
        host (`//evil.example/x`, `/\\evil.example/x` are network-path references)."""
        if self.is_ours(iri):
            path = iri[len(self.base):]
            if not path.startswith(("//", "/\\")):
                return path
        return "/resource?iri=" + quote(iri, safe="")

    def link(self, node: Any) -> Link:
        """A link to `node` (the same Link object for the same node: callers never change one)."""
        iri = str(node) if isinstance(node, str) else text(node)
        found = self._links.get(iri)
        if found is None:
            found = self._links[iri] = Link(self.href(iri), self.label(node), iri)
        return found


def literal_text(graph: DescriptionGraph, subject: Any, names: tuple[str, ...], lang: str | None = None) -> str | None:
    """The first literal whose property is named like one of `names`, in that order of preference
    (in language `lang` where the resource has it in several: see `literal_in`)."""
    return literal_in(graph, subject, names, lang)[0]


def literal_in(graph: DescriptionGraph, subject: Any, names: tuple[str, ...], lang: str | None = None) -> tuple[str | None, str | None]:
    """(text, its language tag): a paragraph of a six-language work has one text per language;
    the one in `lang` is preferred, then English, then untagged, then any."""
    found = graph.literals(subject)
    for name in names:
        if name in found:
            # the first of the ranking among the values in (property, text) order
            values = sorted(found[name], key=lambda v: (v[0], v[1]))
            _, value, tag = min(values, key=lambda v: (v[2] != lang, v[2] != "en", v[2] is not None))
            return value, tag
    return None, None
