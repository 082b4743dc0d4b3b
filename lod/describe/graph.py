"""One description's triples indexed once in plain dicts: what the page builder walks.

The page of a resolution asks a few thousand small questions of its description (a part's
text, a node's label, who links into an IRI). An rdflib Graph answered them through its
generic triple-pattern machinery and cost more to fill than the page cost to build; this index
is filled once from the triples pyoxigraph already parsed, without making a term of our own:
an IRI is a plain `str`, a literal or blank node stays the pyoxigraph term it was parsed as.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Union

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

Term = Union[str, ox.BlankNode, ox.Literal]
"""An IRI (its text), a blank node or a literal."""


def text(term: Any) -> str:
    """An IRI's text, a literal's lexical form, a blank node's label (what rdflib's `str` gave)."""
    return term if isinstance(term, str) else term.value


def is_literal(term: object) -> bool:
    return isinstance(term, ox.Literal)


def is_iri(term: object) -> bool:
    return isinstance(term, str)


@dataclass
class DescriptionGraph:
    """subject → [(predicate, object)] and object → [(subject, predicate)], in the triples' order."""

    out: dict[Term, list[tuple[str, Term]]] = field(default_factory=dict)
    into: dict[Term, list[tuple[Term, str]]] = field(default_factory=dict)
    _literals: dict[Term, dict[str, list[tuple[str, str, str | None]]]] = field(default_factory=dict, repr=False)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False)
    """What the pages made from this graph share (lod.describe.workfacts: a work's facts that
    are the same in every language): computed by the first page, read by the others."""

    @classmethod
    def of(cls, triples: Iterable[ox.Triple | ox.Quad]) -> DescriptionGraph:
        """From pyoxigraph triples (or quads: the graph name is ignored)."""
        graph = cls()
        out, into = graph.out, graph.into
        named = ox.NamedNode
        for t in triples:
            s, o = t.subject, t.object
            if type(s) is named:
                s = s.value
            if type(o) is named:
                o = o.value
            p = t.predicate.value
            found = out.get(s)
            if found is None:
                out[s] = [(p, o)]
            else:
                found.append((p, o))
            found_in = into.get(o)
            if found_in is None:
                into[o] = [(s, p)]
            else:
                found_in.append((s, p))
        return graph

    @classmethod
    def from_rdflib(cls, graph: Any) -> DescriptionGraph:
        """From an rdflib Graph (tests and callers that made one): its triples converted once,
        an IRI kept as it is even where pyoxigraph would refuse it (the pages must still
        show, and never link as another host, an IRI such as `{base}/\\evil.example`)."""
        found = cls()
        for s, p, o in graph:
            subject, obj = _term(s), _term(o)
            found.out.setdefault(subject, []).append((str(p), obj))
            found.into.setdefault(obj, []).append((subject, str(p)))
        return found

    def __iter__(self) -> Iterator[tuple[Term, str, Term]]:
        for s, pairs in self.out.items():
            for p, o in pairs:
                yield s, p, o

    def __len__(self) -> int:
        return sum(len(pairs) for pairs in self.out.values())

    def predicate_objects(self, subject: Term) -> list[tuple[str, Term]]:
        return self.out.get(subject, [])

    def objects(self, subject: Term, predicate: str) -> list[Term]:
        return [o for p, o in self.out.get(subject, ()) if p == predicate]

    def first(self, subject: Term, predicate: str) -> Term | None:
        for p, o in self.out.get(subject, ()):
            if p == predicate:
                return o
        return None

    def subject_predicates(self, obj: Term) -> list[tuple[Term, str]]:
        return self.into.get(obj, [])

    def subjects(self) -> Iterable[Term]:
        return self.out.keys()

    def nodes(self) -> list[Term]:
        """Every subject and object, once each, in the triples' order (never a set's order, which
        differs between processes: every worker must write the same page)."""
        return list(dict.fromkeys(chain(self.out, self.into)))

    def has_subject(self, subject: Term) -> bool:
        return subject in self.out

    def literals(self, subject: Term) -> dict[str, list[tuple[str, str, str | None]]]:
        """A subject's literals by property name (the IRI's last segment, lower case) as
        (property, text, language): a page asks several names of each part (its text, number,
        order…), each answered from this table made once per subject."""
        found = self._literals.get(subject)
        if found is None:
            found = self._literals[subject] = {}
            for p, o in self.out.get(subject, ()):
                if type(o) is ox.Literal:
                    found.setdefault(property_name(p), []).append((p, o.value, o.language))  # type: ignore[union-attr]
        return found


@lru_cache(maxsize=65536)
def property_name(iri: str) -> str:
    """The last segment of an IRI, lower case: how the page knows a property by its name."""
    return _SEGMENT.split(iri.rstrip("/#"))[-1].lower()


_SEGMENT = re.compile(r"[#/]")


def as_description_graph(graph: Any) -> DescriptionGraph:
    """`graph` itself, or the index of an rdflib Graph."""
    return graph if isinstance(graph, DescriptionGraph) else DescriptionGraph.from_rdflib(graph)


def _term(term: Any) -> Term:
    """An rdflib term as this index holds it."""
    kind = type(term).__name__
    if kind == "BNode":
        return ox.BlankNode(str(term))
    if kind == "Literal":
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return str(term)
