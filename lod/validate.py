"""SHACL validation of one document's graph against shapes/lod-shapes.ttl.

Validation runs per document, with inference off: the shapes are written against the triples
the mapping emits, not against what a reasoner could infer. Two engines give the same results:
"sparql" (lod.validate_sparql: the shapes compiled to SPARQL over an in-memory pyoxigraph
store, a few ms per document, the default and what the build uses through `validate_lines`, or
`validate_batch` for many documents at once)
and "pyshacl" (the reference implementation, ~30 times slower, kept to check the other). Violations make a graph
unpublishable; warnings are flags (an unresolved sponsor or citation) that a reviewer should
see but that do not stop publication, which is why `conforms` counts violations only.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from lod.validate_run import Finding
from lod.validate_sparql import compile_shapes

SHAPES_PATH = Path(__file__).resolve().parent.parent / "shapes" / "lod-shapes.ttl"

Engine = typing.Literal["sparql", "pyshacl"]
ENGINES: tuple[Engine, ...] = ("sparql", "pyshacl")
DEFAULT_ENGINE: Engine = "sparql"

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class ShapeResult:
    """One validation result: which rule (shape), on which node and property, and why."""

    severity: str
    focus: str
    path: str | None
    message: str
    shape: str
    value: str | None = None


@dataclass
class ValidationResult:
    """The outcome for one document; `source` names the input file so reports can be traced."""

    source: str
    conforms: bool
    results: list[ShapeResult] = field(default_factory=list)

    @property
    def violations(self) -> list[ShapeResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ShapeResult]:
        return [r for r in self.results if r.severity == "Warning"]

    def shapes(self, severity: str | None = None) -> set[str]:
        """The names of the rules reported (short form, e.g. "WorkDate"), optionally by severity."""
        return {_short(r.shape) for r in self.results if severity is None or r.severity == severity}

    def report(self) -> str:
        """A readable report: one line per result, naming the document, the node and the rule."""
        head = f"{self.source}: {'conforms' if self.conforms else 'does NOT conform'}"
        head += f" ({len(self.violations)} violation(s), {len(self.warnings)} warning(s))"
        lines = [head]
        for r in self.results:
            where = f"{r.focus}" + (f" {_short(r.path)}" if r.path else "")
            value = f" [value: {r.value}]" if r.value is not None else ""
            lines.append(f"  {r.severity}: {_short(r.shape)}: {r.message} — at {where}{value}")
        return "\n".join(lines)


def _short(iri: str | None) -> str:
    if not iri:
        return ""
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rsplit("/", 1)[-1]


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The shapes, parsed once per process."""
    return Graph().parse(SHAPES_PATH, format="turtle")


def _named_shape(shapes: Graph, shape: Node) -> str:
    """The shape a result belongs to: a blank property or `sh:or` shape is reported as the
    named node shape that holds it, so results always name a rule of the shapes file."""
    seen: set[Node] = set()
    frontier = [shape]
    while frontier:
        node = frontier.pop()
        if isinstance(node, URIRef):
            return str(node)
        if node in seen:
            continue
        seen.add(node)
        frontier.extend(s for s, _, _ in shapes.triples((None, None, node)))
    return str(shape)


def validate(graph: Graph, source: str, engine: Engine = DEFAULT_ENGINE) -> ValidationResult:
    """Validate one document's graph; never raises on invalid data, only on broken shapes."""
    if engine == "sparql":
        return _validate_sparql([ln for ln in graph.serialize(format="nt").split("\n") if ln], source)
    if engine == "pyshacl":
        return _validate_pyshacl(graph, source)
    raise ValueError(f"unknown validation engine {engine!r} (one of {', '.join(ENGINES)})")


def validate_lines(lines: Sequence[str], source: str, engine: Engine = DEFAULT_ENGINE) -> ValidationResult:
    """Validate one document given as its N-Triples lines, as the build holds it: no rdflib graph
    is built, so validation costs only the engine's own work."""
    if engine == "sparql":
        return _validate_sparql(lines, source)
    if engine == "pyshacl":
        return _validate_pyshacl(Graph().parse(data="\n".join(lines), format="nt"), source)
    raise ValueError(f"unknown validation engine {engine!r} (one of {', '.join(ENGINES)})")


def validate_batch(documents: Sequence[tuple[str, Sequence[str]]]) -> list[ValidationResult]:
    """Validate several documents, each given as (source, N-Triples lines), with the default
    engine: for each, exactly what `validate_lines(lines, source)` gives, in input order.

    Each document is still judged on its own triples only (it gets its own named graph), but
    every compiled query is asked once per batch rather than once per document, which halves
    the engine's cost at batches of a few dozen documents.
    """
    compiled = compile_shapes(shapes_graph())
    findings = compiled.run_batch([lines for _, lines in documents])
    return [_outcome(source, _sparql_results(found)) for (source, _), found in zip(documents, findings)]


def _validate_sparql(lines: Sequence[str], source: str) -> ValidationResult:
    return _outcome(source, _sparql_results(compile_shapes(shapes_graph()).run(lines)))


def _sparql_results(findings: Iterable[Finding]) -> list[ShapeResult]:
    shapes = shapes_graph()
    return [
        ShapeResult(
            severity=f.check.severity,
            focus=f.focus,
            path=f.path,
            message=f.check.message,
            shape=_named_shape(shapes, f.check.source_shape),
            value=f.value,
        )
        for f in findings
    ]


def _validate_pyshacl(graph: Graph, source: str) -> ValidationResult:
    from pyshacl import validate as shacl_validate  # imported only where the reference engine is used

    shapes = shapes_graph()
    _, report, _ = shacl_validate(
        graph, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True, abort_on_first=False
    )
    results: list[ShapeResult] = []
    for result in report.subjects(predicate=SH.resultSeverity):
        severity = _SEVERITY.get(report.value(result, SH.resultSeverity), "Violation")
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        results.append(
            ShapeResult(
                severity=severity,
                focus=str(focus),
                path=str(path) if path is not None and not isinstance(path, BNode) else None,
                message=str(message) if isinstance(message, Literal) else "constraint not met",
                shape=_named_shape(shapes, report.value(result, SH.sourceShape)),
                value=str(value) if value is not None else None,
            )
        )
    return _outcome(source, results)


def _outcome(source: str, results: list[ShapeResult]) -> ValidationResult:
    """Results in a stable order; only violations make a document non-conforming."""
    results.sort(key=lambda r: (r.severity != "Violation", r.shape, r.focus, r.path or "", r.message, r.value or ""))
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationResult(source=source, conforms=conforms, results=results)
