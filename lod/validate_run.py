"""Running compiled SHACL checks: one document, or a batch of documents in named graphs.

lod/validate_sparql.py translates the shapes file into `Check`s (SPARQL SELECTs) once per
process; this module asks them of pyoxigraph and reads their rows as `Finding`s, which
lod/validate.py turns into validation results. Kept apart so the translator (what a shape
means) and the runner (how the queries meet the data) can each be read on their own.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

import pyoxigraph as ox
from rdflib.namespace import RDFS
from rdflib.term import Node

PATTERN_FUNCTION = "urn:lod:validate:pattern"
"""The custom SPARQL function that applies sh:pattern with Python's `re` (pyshacl's semantics)."""
DOCUMENT_GRAPH = "urn:lod:validate:document:"
"""The named graph of the i-th document of a batch is this prefix and i."""

@dataclass(frozen=True)
class Check:
    """One compiled query over a shape's focus nodes: each row is a focus node (and ?value when
    `value` is "row") breaking the shape; when `flags` are given, the row holds one boolean per
    constraint component and is one validation result per flag that is true, as pyshacl
    reports one result per component."""

    query: str
    batch_query: str | None
    """The same check over every document of a batch, each in its own named graph bound to
    ?document (see `CompiledShapes.run_batch`); None for sh:sparql, whose text is the user's."""
    source_shape: Node
    severity: str
    path: str | None
    message: str
    value: typing.Literal["row", "focus", "none"]
    flags: tuple[str, ...] = ()
    per_focus: str | None = None
    """For sh:sparql: the targets query; the constraint's rows are kept for these focus nodes only."""
    batch_per_focus: str | None = None
    """For sh:sparql: the targets of every document of a batch (as `batch_query`)."""
    prebind: bool = False
    """For sh:sparql: run the constraint once per focus node with $this pre-bound, as SHACL
    defines it; false when running it once unbound and keeping the focus nodes' rows is provably
    the same (see `_restriction_is_prebinding`)."""


@dataclass(frozen=True)
class Finding:
    """A raw result of one check on one document (terms as strings)."""

    check: Check
    node: ox.NamedNode | ox.BlankNode | ox.Literal
    focus: str
    value: str | None
    path: str | None


@dataclass(frozen=True)
class CompiledShapes:
    """The checks of a shapes graph, in two spellings (with and without rdfs:subClassOf), and the
    custom function they call; compiled once per process."""

    checks: tuple[Check, ...]
    checks_with_subclasses: tuple[Check, ...]
    functions: dict[ox.NamedNode, Callable[..., ox.Literal]]

    def run(self, lines: Sequence[str]) -> Iterator[Finding]:
        """Every result of every check on one document given as N-Triples lines."""
        store = ox.Store()
        # lenient: the lines come from rdflib's serializer; re-checking every IRI is a third of the load
        store.load("\n".join(lines), format=ox.RdfFormat.N_TRIPLES, lenient=True)
        subclasses = bool(store.query(f"ASK {{ ?class {RDFS.subClassOf.n3()} ?super }}"))
        for check in self.checks_with_subclasses if subclasses else self.checks:
            if check.per_focus is None:
                yield from _findings(check, store.query(check.query, custom_functions=self.functions))
            else:
                focus_nodes = [row["this"] for row in store.query(check.per_focus)]
                yield from self._constraint(check, focus_nodes, store.query)

    def run_batch(self, documents: Sequence[Sequence[str]]) -> list[list[Finding]]:
        """The findings of `run` for each document, asking each query once for the whole batch.

        Each document is loaded into its own named graph and every compiled query matches
        inside `GRAPH ?document { ... }`, so its EXISTS, OPTIONAL and counts see that document's
        triples only, as `run` does; a fixed setup cost per query (~40 µs) is then paid once per
        batch instead of once per document. sh:sparql constraints are the user's text, which
        cannot be wrapped safely (oxigraph loses ?document in a sub-select), so they run per
        document that has focus nodes, with that document's graph as the default graph.
        """
        store = ox.Store()
        graphs = [ox.NamedNode(f"{DOCUMENT_GRAPH}{i}") for i in range(len(documents))]
        for graph, lines in zip(graphs, documents):
            store.load("\n".join(lines), format=ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=True)
        index = {graph: i for i, graph in enumerate(graphs)}
        findings: list[list[Finding]] = [[] for _ in documents]
        subclassed = {row["document"] for row in store.query(
            f"SELECT DISTINCT ?document WHERE {{ GRAPH ?document {{ ?class {RDFS.subClassOf.n3()} ?super }} }}")}
        for checks, members in ((self.checks, set(graphs) - subclassed), (self.checks_with_subclasses, subclassed)):
            if not members:
                continue
            for check in checks:
                if check.batch_query is None:
                    assert check.batch_per_focus is not None
                    focus_nodes: dict[ox.NamedNode, list[ox.NamedNode | ox.BlankNode | ox.Literal]] = {}
                    for row in store.query(check.batch_per_focus):
                        focus_nodes.setdefault(row["document"], []).append(row["this"])
                    for graph in sorted(focus_nodes.keys() & members, key=index.__getitem__):
                        query = partial(store.query, default_graph=graph, named_graphs=[])
                        findings[index[graph]] += self._constraint(check, focus_nodes[graph], query)
                    continue
                solutions = store.query(check.batch_query, custom_functions=self.functions)
                read = _reader(check, solutions)
                for row in solutions:
                    graph = row["document"]
                    if graph in members:
                        findings[index[graph]] += read(row)
        return findings

    def _constraint(self, check: Check, focus_nodes: list[ox.NamedNode | ox.BlankNode | ox.Literal],
                    query: Callable[..., ox.QuerySolutions]) -> Iterator[Finding]:
        """The results of a sh:sparql check on one document, asked through `query`."""
        if check.prebind:
            for focus in focus_nodes:
                bound = {ox.Variable("this"): focus}
                yield from _findings(check, query(check.query, substitutions=bound, custom_functions=self.functions))
        else:
            targeted = set(focus_nodes)
            rows = _findings(check, query(check.query, custom_functions=self.functions))
            yield from (finding for finding in rows if finding.node in targeted)


def _findings(check: Check, solutions: ox.QuerySolutions) -> Iterator[Finding]:
    """The validation results in the rows of one check."""
    read = _reader(check, solutions)
    for row in solutions:
        yield from read(row)


def _reader(check: Check, solutions: ox.QuerySolutions) -> Callable[[ox.QuerySolution], list[Finding]]:
    """Reads the validation results of one row of `check` (which variables to read depends on
    what the query projects)."""
    projected = set(solutions.variables)
    has_value = check.value == "row" and ox.Variable("value") in projected
    has_path = check.per_focus is not None and ox.Variable("path") in projected

    def read(row: ox.QuerySolution) -> list[Finding]:
        node = row["this"]
        value = None
        if check.value == "focus":
            value = node.value
        elif has_value and row["value"] is not None:
            value = row["value"].value
        path = row["path"].value if has_path and row["path"] is not None else check.path
        finding = Finding(check, node, node.value, value, path)
        if not check.flags:
            return [finding]
        return [finding for flag in check.flags if row[flag[1:]] is not None and row[flag[1:]].value == "true"]

    return read
