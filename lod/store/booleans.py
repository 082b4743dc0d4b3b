"""Booleans an engine returned as the integers 0 and 1, given back their type.

Virtuoso 7.2 writes every boolean a query computes in its projection or in a BIND (`(BOUND(?x)
AS ?b)`, `(?a = ?b AS ?same)`, even the constant `true`) as `"1"^^xsd:integer`, where the
embedded store and the Oxigraph server write `"true"^^xsd:boolean`. An answer cannot tell a
boolean 1 from a count of 1, so the query says which variables are booleans: those bound by an
expression whose value is a boolean (a comparison, `&&`, `!`, `BOUND`, `isIRI`, `REGEX`,
`EXISTS` …), read from the query's algebra (rdflib's parser). The query is parsed only when the
answer holds a 0 or 1 at all, once per query text (the templates of lod's pages are few).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

from rdflib import Literal, Variable
from rdflib.namespace import XSD
from rdflib.plugins.sparql.parserutils import CompValue

INTEGER = str(XSD.integer)
BOOLEAN = str(XSD.boolean)
BOOLEAN_EXPRESSIONS = frozenset({
    "RelationalExpression", "ConditionalAndExpression", "ConditionalOrExpression", "UnaryNot",
    "Builtin_BOUND", "Builtin_isIRI", "Builtin_isBLANK", "Builtin_isLITERAL", "Builtin_isNUMERIC",
    "Builtin_REGEX", "Builtin_CONTAINS", "Builtin_STRSTARTS", "Builtin_STRENDS", "Builtin_sameTerm",
    "Builtin_LANGMATCHES", "Builtin_EXISTS", "Builtin_NOTEXISTS",
})
"""rdflib's names of the SPARQL expressions whose value is always an xsd:boolean."""


def algebra_nodes(value: object) -> Iterator[CompValue]:
    """Every node of a parsed query's algebra under `value`, itself included."""
    if isinstance(value, CompValue):
        yield value
        for child in value.values():
            yield from algebra_nodes(child)
    elif isinstance(value, (list, tuple)):
        for child in value:
            yield from algebra_nodes(child)


def _is_boolean(expr: object) -> bool:
    if isinstance(expr, Literal):
        return expr.datatype == XSD.boolean
    return isinstance(expr, CompValue) and expr.name in BOOLEAN_EXPRESSIONS


@lru_cache(maxsize=512)
def boolean_variables(sparql: str) -> frozenset[str]:
    """Names of the variables the query binds to a boolean expression (`(expr AS ?v)`, `BIND`);
    none when rdflib cannot read the query (an engine's own syntax: nothing is changed then)."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(sparql).algebra
    except Exception:  # noqa: BLE001 - any parse failure means "do not touch the answer"
        return frozenset()
    return frozenset(str(n.var) for n in algebra_nodes(algebra)
                     if n.name == "Extend" and isinstance(n.var, Variable) and _is_boolean(n.expr))


def _zero_or_one(cell: object) -> bool:
    return isinstance(cell, dict) and cell.get("datatype") == INTEGER and cell.get("value") in ("0", "1")


def restore_booleans(document: dict[str, Any], sparql: str) -> bool:
    """Turn the 0/1 integers of the query's boolean variables in a SPARQL JSON results document
    back into xsd:boolean, in place; True when anything changed."""
    rows = document.get("results", {}).get("bindings", [])
    if not any(_zero_or_one(cell) for row in rows for cell in row.values()):
        return False
    names = boolean_variables(sparql)
    changed = False
    for row in rows:
        for name in names & row.keys():
            if _zero_or_one(row[name]):
                row[name] = {"type": "literal", "datatype": BOOLEAN,
                             "value": "true" if row[name]["value"] == "1" else "false"}
                changed = True
    return changed
