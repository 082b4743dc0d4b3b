"""Links and names on a description page: IRIs on our base become paths, nodes get labels.

Pages are written by the build and sent as they are by any server that serves the build, so a
link to one of our resources is a path (`/akn/un/…`), never an absolute URL of one host.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from lod.describe.labels import LABEL_PREDICATES
from lod.describe.serialize import jsonld_context
from lod.uri import IRIError, WorkIRI


def local_name(iri: Node) -> str:
    text = str(iri)
    return re.split(r"[#/]", text.rstrip("/#"))[-1].lower()


def qname(iri: Node) -> str:
    text = str(iri)
    for prefix, ns in jsonld_context().items():
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text


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
    """Makes links that work on whatever host serves the page: IRIs on our base become paths."""

    def __init__(self, base: str, graph: Graph) -> None:
        self.base = base.rstrip("/")
        self.graph = graph

    def label(self, node: Node) -> str:
        for pred in LABEL_PREDICATES:
            for value in self.graph.objects(node, URIRef(pred)):
                return str(value)
        text = str(node)
        if text.startswith(self.base):
            try:
                iri = WorkIRI.parse(text)
                return iri.eid or iri.number.replace("-", "/")
            except IRIError:
                pass
        return text.rsplit("/", 1)[-1] or text

    def href(self, iri: str) -> str:
        """A path on this site for IRIs on our base; never a path a browser reads as another
        host (`//evil.example/x`, `/\\evil.example/x` are network-path references)."""
        if iri.startswith(self.base + "/"):
            path = iri[len(self.base):]
            if not path.startswith(("//", "/\\")):
                return path
        return "/resource?iri=" + quote(iri, safe="")

    def link(self, node: Node) -> Link:
        return Link(self.href(str(node)), self.label(node), str(node))


def literal_text(graph: Graph, subject: Node, names: tuple[str, ...], lang: str | None = None) -> str | None:
    """The first literal whose property is named like one of `names`, in that order of preference
    (in language `lang` where the resource has it in several: see `literal_in`)."""
    return literal_in(graph, subject, names, lang)[0]


def literal_in(graph: Graph, subject: Node, names: tuple[str, ...], lang: str | None = None) -> tuple[str | None, str | None]:
    """(text, its language tag): a paragraph of a six-language work has one text per language;
    the one in `lang` is preferred, then English, then untagged, then any."""
    found: dict[str, list[Literal]] = defaultdict(list)
    for pred, obj in sorted(graph.predicate_objects(subject), key=lambda po: (str(po[0]), str(po[1]))):
        if isinstance(obj, Literal):
            found[local_name(pred)].append(obj)
    for name in names:
        if name in found:
            ranked = sorted(found[name], key=lambda o: (o.language != lang, o.language != "en", o.language is not None))
            return str(ranked[0]), ranked[0].language
    return None, None
