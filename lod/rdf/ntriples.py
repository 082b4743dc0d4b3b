"""One document's triples, kept as plain tuples until someone asks for a graph or for lines.

The build needs each document as sorted, de-duplicated N-Triples lines; tests, `lod validate`
and the web layer want an rdflib `Graph`. Filling a `Graph` (rdflib's Memory store indexes
every triple three ways and fires an event per add) and then serializing it was most of the
mapping's CPU time, so the mapper collects `(subject, predicate, object)` tuples and
`MappedDocument` renders them either way. Lines are written with rdflib's own N-Triples
functions (`n3()` of IRIs, the nt serializer's `_quote_encode` / `_quoteLiteral`), so they are
byte for byte what `Graph.serialize(format="nt")` writes (tests/test_mapping_lines.py holds
them to it), one line per triple: a raw form feed or U+2028 inside a literal is legal N-Triples
and does not end the line (the build once split rows with `str.splitlines` and broke them).

Language-tagged and plain strings, most of a document's literals, are kept as `Text` rather
than as `rdflib.Literal`: building a Literal runs its datatype machinery (several µs each),
and for a string without datatype that machinery never changes the lexical form.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, TypeAlias

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _quote_encode, _quoteLiteral
from rdflib.term import Node

from lod.rdf.namespaces import bind_prefixes


class Text(NamedTuple):
    """A string literal, with a language tag or none: `Literal(value, lang=lang)` in a graph."""

    value: str
    lang: str | None = None

    def literal(self) -> Literal:
        return Literal(self.value, lang=self.lang or None)


Object: TypeAlias = "URIRef | Literal | Text"
Triple: TypeAlias = "tuple[URIRef, URIRef, Object]"


@lru_cache(maxsize=4096)
def _typed(value: object, kind: type) -> Literal:
    """`Literal(value)` for a Python value (an int, a bool, ...), made once per value; `kind` is
    part of the key because True == 1 and their Literals differ."""
    return Literal(value)


def literal_of(value: object) -> Literal | Text:
    """What `Literal(value)` would be, cheaply: `Text` for strings, a shared Literal otherwise."""
    if isinstance(value, str):
        return Text(value)
    try:
        return _typed(value, type(value))
    except TypeError:  # unhashable: not worth caching
        return Literal(value)


@dataclass
class MappedDocument:
    """The triples of one document, in the order the mapper emitted them (duplicates included)."""

    triples: list[Triple] = field(default_factory=list)

    def graph(self) -> Graph:
        """An rdflib Graph with our prefixes bound, holding exactly these triples."""
        graph = bind_prefixes(Graph())
        add = graph.add
        for s, p, o in self.triples:
            add((s, p, o.literal() if type(o) is Text else o))
        return graph

    def lines(self) -> list[str]:
        """Sorted, de-duplicated N-Triples lines: what the build made of `graph().serialize("nt")`."""
        return nt_lines(self.triples)


def nt_lines(triples: Iterable[Triple]) -> list[str]:
    """Sorted unique lines of `Graph.serialize(format="nt")` (split at line feeds), without the Graph.

    Each IRI is checked and rendered once by `URIRef.n3()` (which raises on the characters
    N-Triples forbids, as the serializer does); a row is encoded to UTF-8 when not ASCII, so a
    lone surrogate fails here as it fails in the serializer.
    """
    nodes: dict[Node, str] = {}
    rows: set[str] = set()
    add = rows.add
    for s, p, o in triples:
        subject = nodes.get(s) or _node(s, nodes)
        predicate = nodes.get(p) or _node(p, nodes)
        kind = type(o)
        if kind is Text:
            value, lang = o
            obj = f"{_quote_encode(value)}@{lang}" if lang else _quote_encode(value)
        elif kind is Literal:
            obj = _quoteLiteral(o)
        else:  # an IRI (or a blank node): as the serializer writes it
            obj = nodes.get(o) or _node(o, nodes)
        row = f"{subject} {predicate} {obj} ."
        if not row.isascii():
            row.encode()
        add(row)  # one row, even when a literal holds a raw \x0c or \u2028: N-Triples allows them
    return sorted(rows)


def _node(node: Node, cache: dict[Node, str]) -> str:
    cache[node] = rendered = node.n3()
    return rendered
