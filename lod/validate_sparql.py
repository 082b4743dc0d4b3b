"""The build's SHACL engine: the shapes file compiled to SPARQL, run by pyoxigraph per document.

pyshacl walks the data graph in Python over rdflib and costs ~100 ms of CPU per document, three
quarters of a build; pyrudof (Rust) was measured at ~24 ms, most of it spent adding triples one
by one. Loading a document's N-Triples into an in-memory pyoxigraph store and asking one SELECT
per constraint costs a few milliseconds, so the shapes are translated into SPARQL once per
process and pyshacl stays as the reference engine (`lod.validate.validate(..., engine="pyshacl")`).
Half of that is a fixed cost per query, so `CompiledShapes.run_batch` asks each query once for a
batch of documents, each held in its own named graph (`lod.validate.validate_batch`).

The translator covers exactly the part of SHACL Core (and SHACL-SPARQL constraints) that
shapes/lod-shapes.ttl uses, with pyshacl's semantics where SHACL leaves room (sh:pattern is
Python's `re.search`, as in pyshacl; ill-typed literals fail sh:datatype). Any other construct
raises `UnsupportedShape` when the shapes are compiled, so the shapes file cannot grow a rule
this engine would silently ignore; tests/test_validate_engines.py checks that both engines give
the same results on every corpus, unseen and synthetic document and on every broken graph of
tests/test_shapes.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node, Variable

from lod.validate_run import PATTERN_FUNCTION, Check, CompiledShapes


_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
_CASTABLE = {XSD.date, XSD.integer, XSD.decimal, XSD.boolean, XSD.dateTime, XSD.double, XSD.float}
"""Datatypes whose lexical form is checked (ill-typed literals fail, as in pyshacl)."""
_ANY_LEXICAL = {XSD.string, RDF.langString}
_DESCRIPTIVE = {RDF.type, RDFS.comment, RDFS.label, SH.name, SH.description}
_VALUE_PARAMETERS = {SH["class"], SH.datatype, SH.nodeKind, SH.pattern, SH.minLength, SH.minInclusive, SH["in"],
                     SH["or"], SH["not"]}
"""Constraints on each value node (the focus node itself, for a node shape)."""
_REPORTING = _DESCRIPTIVE | _VALUE_PARAMETERS | {SH.severity, SH.message}
_NODE_SHAPE = _REPORTING | {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.property, SH.sparql}
_PROPERTY_SHAPE = _REPORTING | {SH.path, SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.qualifiedMinCount}
_NESTED_SHAPE = _REPORTING | {SH.path, SH.minCount, SH.maxCount, SH.hasValue, SH.property, SH.qualifiedValueShape,
                              SH.qualifiedMinCount}
"""What each kind of shape may say; anything else is refused rather than ignored."""


class UnsupportedShape(ValueError):
    """The shapes use a construct this engine does not translate: extend it, or validate with pyshacl."""


class _Compiler:
    """Translates the named node shapes of a shapes graph into `Check`s.

    `instance` is how "is an instance of" is written: with rdfs:subClassOf* as SHACL requires,
    or as a plain rdf:type for the (usual) documents holding no rdfs:subClassOf triple, which
    oxigraph answers faster.
    """

    def __init__(self, shapes: Graph, subclasses: bool) -> None:
        self.shapes = shapes
        self.instance = f"{RDF.type.n3()}/{RDFS.subClassOf.n3()}*" if subclasses else RDF.type.n3()
        self.fresh = 0
        self.patterns: dict[str, re.Pattern[str]] = {}

    def compile(self) -> list[Check]:
        named = {s for s in self.shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}
        targeted = {s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
                    for s in self.shapes.subjects(p, None)}
        if targeted - named:
            raise UnsupportedShape(f"targets on shapes that are not named node shapes: {sorted(map(str, targeted - named))}")
        checks: list[Check] = []
        for shape in sorted(named, key=str):
            checks += self._node_shape(shape)
        return checks

    # --- top level: few queries per named node shape ------------------------------------------
    def _node_shape(self, shape: URIRef) -> list[Check]:
        self._refuse_unknown(shape, _NODE_SHAPE)
        if (shape, RDF.type, RDFS.Class) in self.shapes:
            raise UnsupportedShape(f"{shape}: implicit class target")
        targets = self._targets(shape)
        severity = self._severity(shape)
        checks: list[Check] = []
        parameters = sorted({p for p in self.shapes.predicates(shape) if p in _VALUE_PARAMETERS})
        if parameters:
            binds, flags = self._flags([f"(!{self._value_condition(shape, p, '?this')})" for p in parameters])
            checks.append(Check(*_select(" ".join(flags), f"{targets} {binds} FILTER({' || '.join(flags)})", distinct=True),
                                shape, severity, None, self._message(shape), "focus", flags))
        for constraint in self.shapes.objects(shape, SH.sparql):
            checks.append(self._sparql(shape, constraint, targets, severity))
        for prop in self.shapes.objects(shape, SH.property):
            checks += self._property_shape(prop, targets)
        return checks

    def _targets(self, shape: URIRef) -> str:
        """The focus nodes as ?this (possibly repeated: every query counts or selects DISTINCT)."""
        alternatives = [f"?this {self.instance} {c.n3()}" for c in self._iris(shape, SH.targetClass)]
        alternatives += [f"?this {p.n3()} ?target" for p in self._iris(shape, SH.targetSubjectsOf)]
        alternatives += [f"?target {p.n3()} ?this" for p in self._iris(shape, SH.targetObjectsOf)]
        if not alternatives:
            raise UnsupportedShape(f"{shape}: a named node shape without target")
        if len(alternatives) == 1:
            return alternatives[0] + " ."
        return " UNION ".join(f"{{ {a} }}" for a in sorted(alternatives))

    @staticmethod
    def _flags(failures: list[str]) -> tuple[str, tuple[str, ...]]:
        """BIND each failure expression to a flag variable: (the BIND clauses, the flags)."""
        flags = tuple(f"?f{i}" for i in range(len(failures)))
        return " ".join(f"BIND({f} AS {flag})" for f, flag in zip(failures, flags)), flags

    def _property_shape(self, prop: Node, targets: str) -> list[Check]:
        self._refuse_unknown(prop, _PROPERTY_SHAPE)
        path = self._path(prop)
        severity, message = self._severity(prop), self._message(prop)
        p = path.n3()
        checks: list[Check] = []
        counts = [f"COUNT(DISTINCT ?v) < {self._int(n)}" for n in self.shapes.objects(prop, SH.minCount)]
        counts += [f"COUNT(DISTINCT ?v) > {self._int(n)}" for n in self.shapes.objects(prop, SH.maxCount)]
        patterns = f"OPTIONAL {{ ?this {p} ?v }}" if counts else ""
        qualified = self.shapes.value(prop, SH.qualifiedValueShape)
        if qualified is not None:
            minimum = self.shapes.value(prop, SH.qualifiedMinCount)
            if minimum is None:
                raise UnsupportedShape(f"{prop}: sh:qualifiedValueShape without sh:qualifiedMinCount")
            patterns += f" OPTIONAL {{ ?this {p} ?q FILTER({self._conforms(qualified, '?q')}) }}"
            counts.append(f"COUNT(DISTINCT ?q) < {self._int(minimum)}")
        elif self.shapes.value(prop, SH.qualifiedMinCount) is not None:
            raise UnsupportedShape(f"{prop}: sh:qualifiedMinCount without sh:qualifiedValueShape")
        if counts:
            flags = tuple(f"?f{i}" for i in range(len(counts)))
            projection = " ".join(f"(({c}) AS {f})" for c, f in zip(counts, flags))
            checks.append(Check(*_select(projection, f"{targets} {patterns}", having=" || ".join(counts)),
                                prop, severity, str(path), message, "none", flags))
        parameters = sorted({p for p in self.shapes.predicates(prop) if p in _VALUE_PARAMETERS})
        if parameters:
            binds, flags = self._flags([f"(!{self._value_condition(prop, q, '?value')})" for q in parameters])
            checks.append(Check(*_select(f"?value {' '.join(flags)}",
                                         f"{targets} ?this {p} ?value . {binds} FILTER({' || '.join(flags)})", distinct=True),
                                prop, severity, str(path), message, "row", flags))
        return checks

    def _sparql(self, shape: URIRef, constraint: Node, targets: str, severity: str) -> Check:
        allowed = {RDF.type, SH.select, SH.message}
        extra = {p for p in self.shapes.predicates(constraint) if p not in allowed}
        if extra:
            raise UnsupportedShape(f"{shape}: sh:sparql with {sorted(map(str, extra))}")
        select = str(self.shapes.value(constraint, SH.select))
        if any(v in select for v in ("$PATH", "$currentShape", "$shapesGraph")):
            raise UnsupportedShape(f"{shape}: sh:sparql uses a pre-bound variable other than $this")
        messages = list(self.shapes.objects(constraint, SH.message)) or list(self.shapes.objects(shape, SH.message))
        message = self._one_message(shape, messages)
        per_focus, batch_focus = _select("", targets, distinct=True)
        return Check(select, None, shape, severity, None, message, "row", per_focus=per_focus,
                     batch_per_focus=batch_focus, prebind=not _restriction_is_prebinding(select))

    # --- conformance of a node to a (nested) shape, as a SPARQL expression ---------------------
    def _conforms(self, shape: Node, node: str) -> str:
        """An expression true when `node` conforms to `shape` (used inside sh:or, sh:not, qualified shapes)."""
        self._refuse_unknown(shape, _NESTED_SHAPE)
        parts: list[str] = []
        path = self.shapes.value(shape, SH.path)
        if path is None:
            parts += [self._value_condition(shape, parameter, node)
                      for parameter in sorted({p for p in self.shapes.predicates(shape) if p in _VALUE_PARAMETERS})]
            if self.shapes.value(shape, SH.hasValue) is not None:
                parts.append(f"sameTerm({node}, {self.shapes.value(shape, SH.hasValue).n3()})")
            if self.shapes.value(shape, SH.minCount) is not None or self.shapes.value(shape, SH.maxCount) is not None:
                raise UnsupportedShape(f"{shape}: a count without sh:path")
        else:
            p = self._path(shape).n3()
            value = self._variable()
            for count in self.shapes.objects(shape, SH.minCount):
                if self._int(count) != 1:
                    raise UnsupportedShape(f"{shape}: nested sh:minCount other than 1")
                parts.append(f"EXISTS {{ {node} {p} {value} }}")
            for count in self.shapes.objects(shape, SH.maxCount):
                if self._int(count) != 0:
                    raise UnsupportedShape(f"{shape}: nested sh:maxCount other than 0")
                parts.append(f"NOT EXISTS {{ {node} {p} {value} }}")
            for required in self.shapes.objects(shape, SH.hasValue):
                parts.append(f"EXISTS {{ {node} {p} {required.n3()} }}")
            for qualified in self.shapes.objects(shape, SH.qualifiedValueShape):
                if self._int(self.shapes.value(shape, SH.qualifiedMinCount) or Literal(0)) != 1:
                    raise UnsupportedShape(f"{shape}: nested sh:qualifiedMinCount other than 1")
                parts.append(f"EXISTS {{ {node} {p} {value} FILTER({self._conforms(qualified, value)}) }}")
            each = [self._value_condition(shape, parameter, value)
                    for parameter in sorted({p for p in self.shapes.predicates(shape) if p in _VALUE_PARAMETERS})]
            if each:
                parts.append(f"NOT EXISTS {{ {node} {p} {value} FILTER(!({' && '.join(each)})) }}")
        for prop in self.shapes.objects(shape, SH.property):
            if path is not None:
                raise UnsupportedShape(f"{shape}: sh:property inside a property shape")
            parts.append(self._conforms(prop, node))
        return "(" + (" && ".join(parts) or "true") + ")"

    def _value_condition(self, shape: Node, parameter: URIRef, v: str) -> str:
        """An error-free expression true when value node `v` satisfies `parameter` of `shape`."""
        objects = list(self.shapes.objects(shape, parameter))
        if len(objects) != 1:
            raise UnsupportedShape(f"{shape}: {len(objects)} values of {parameter}")
        rule = objects[0]
        if parameter == SH["class"]:
            return f"EXISTS {{ {v} {self.instance} {rule.n3()} }}"
        if parameter == SH.datatype:
            if rule in _ANY_LEXICAL:
                return f"(isLiteral({v}) && datatype({v}) = {rule.n3()})"
            if rule not in _CASTABLE:
                raise UnsupportedShape(f"{shape}: sh:datatype {rule}")
            return (f"(isLiteral({v}) && datatype({v}) = {rule.n3()} && "
                    f"COALESCE(STRLEN(STR({rule.n3()}(STR({v})))) >= 0, false))")
        if parameter == SH.nodeKind:
            if rule not in _NODE_KINDS:
                raise UnsupportedShape(f"{shape}: sh:nodeKind {rule}")
            return _NODE_KINDS[rule].format(v=v)
        if parameter == SH.pattern:
            if self.shapes.value(shape, SH.flags) is not None:
                raise UnsupportedShape(f"{shape}: sh:flags")
            pattern = str(rule)
            self.patterns[pattern] = re.compile(pattern)
            return f"COALESCE(<{PATTERN_FUNCTION}>({v}, {Literal(pattern).n3()}), false)"
        if parameter == SH.minLength:
            return f"(!isBlank({v}) && STRLEN(STR({v})) >= {self._int(rule)})"
        if parameter == SH.minInclusive:
            if not isinstance(rule, Literal) or not isinstance(rule.value, int | float) or isinstance(rule.value, bool):
                raise UnsupportedShape(f"{shape}: non-numeric sh:minInclusive")
            return f"(isLiteral({v}) && COALESCE({v} >= {rule.n3()}, false))"
        if parameter == SH["in"]:
            members = list(Collection(self.shapes, rule))
            return "(" + (" || ".join(f"sameTerm({v}, {m.n3()})" for m in members) or "false") + ")"
        if parameter == SH["or"]:
            return "(" + " || ".join(self._conforms(m, v) for m in Collection(self.shapes, rule)) + ")"
        if parameter == SH["not"]:
            return f"(!{self._conforms(rule, v)})"
        raise UnsupportedShape(f"{shape}: {parameter}")

    # --- helpers -------------------------------------------------------------------------------
    def _refuse_unknown(self, shape: Node, allowed: set[URIRef]) -> None:
        unknown = {p for p in self.shapes.predicates(shape) if p not in allowed}
        if unknown:
            raise UnsupportedShape(f"{shape}: unsupported {sorted(map(str, unknown))}")

    def _variable(self) -> str:
        self.fresh += 1
        return f"?v{self.fresh}"

    def _path(self, shape: Node) -> URIRef:
        path = self.shapes.value(shape, SH.path)
        if not isinstance(path, URIRef):
            raise UnsupportedShape(f"{shape}: only predicate paths are supported")
        return path

    def _iris(self, shape: Node, parameter: URIRef) -> list[URIRef]:
        values = list(self.shapes.objects(shape, parameter))
        if not all(isinstance(v, URIRef) for v in values):
            raise UnsupportedShape(f"{shape}: {parameter} must be IRIs")
        return values  # type: ignore[return-value]

    def _severity(self, shape: Node) -> str:
        severity = self.shapes.value(shape, SH.severity, default=SH.Violation)
        if severity not in _SEVERITY:
            raise UnsupportedShape(f"{shape}: severity {severity}")
        return _SEVERITY[severity]

    def _message(self, shape: Node) -> str:
        return self._one_message(shape, list(self.shapes.objects(shape, SH.message)))

    @staticmethod
    def _one_message(shape: Node, messages: list[Node]) -> str:
        """Exactly one sh:message: pyshacl's generated messages are not reproduced."""
        if len(messages) != 1 or not isinstance(messages[0], Literal) or "{" in str(messages[0]):
            raise UnsupportedShape(f"{shape}: needs exactly one plain sh:message")
        return str(messages[0])

    @staticmethod
    def _int(node: Node) -> int:
        if not isinstance(node, Literal) or not isinstance(node.value, int) or isinstance(node.value, bool):
            raise UnsupportedShape(f"{node}: not an integer")
        return node.value


def _select(projection: str, pattern: str, *, distinct: bool = False, having: str | None = None) -> tuple[str, str]:
    """A compiled query over ?this, for one document and for a batch: the batch spelling matches
    the same pattern inside each document's named graph, bound to ?document, and groups by it."""
    select = "SELECT DISTINCT" if distinct else "SELECT"
    columns = f"?this {projection}".rstrip()
    single = f"{select} {columns} WHERE {{ {pattern} }}"
    batch = f"{select} ?document {columns} WHERE {{ GRAPH ?document {{ {pattern} }} }}"
    if having is not None:
        single += f" GROUP BY ?this HAVING ({having})"
        batch += f" GROUP BY ?document ?this HAVING ({having})"
    return single, batch


def _restriction_is_prebinding(select: str) -> bool:
    """Whether pre-binding $this to a focus node (SHACL-SPARQL) gives exactly the rows of the
    unbound query whose ?this is that node, so one query serves every focus node.

    True for a query that projects $this and whose pattern is one basic graph pattern binding
    $this under filters: every filter, EXISTS included, is then evaluated on solutions that
    already bind $this, as with pre-binding. Anything else (OPTIONAL, nested groups, subqueries)
    is run once per focus node.
    """
    from rdflib.plugins.sparql import prepareQuery  # rdflib's SPARQL parser, only to read the constraint

    algebra = prepareQuery(select).algebra
    node = algebra.p
    if node.name != "Project" or Variable("this") not in node.PV:
        return False
    node = node.p
    while node.name == "Filter":
        node = node.p
    return node.name == "BGP" and any(Variable("this") in triple for triple in node.triples)


@lru_cache(maxsize=4)
def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Translate `shapes` (raises UnsupportedShape on any construct it cannot translate)."""
    plain, with_subclasses = _Compiler(shapes, subclasses=False), _Compiler(shapes, subclasses=True)
    checks, checks_with_subclasses = tuple(plain.compile()), tuple(with_subclasses.compile())
    patterns = plain.patterns

    def pattern(term: ox.NamedNode | ox.BlankNode | ox.Literal, rule: ox.Literal) -> ox.Literal:
        """sh:pattern as pyshacl applies it: `re.search` on the lexical form; blank nodes fail."""
        matched = not isinstance(term, ox.BlankNode) and patterns[rule.value].search(term.value) is not None
        return ox.Literal("true" if matched else "false", datatype=ox.NamedNode(str(XSD.boolean)))

    return CompiledShapes(checks, checks_with_subclasses, {ox.NamedNode(PATTERN_FUNCTION): pattern})
