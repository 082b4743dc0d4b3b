"""A description as compact JSON-LD under the package's context, written straight from its triples.

pyoxigraph writes expanded JSON-LD only (every IRI in full); the descriptions use the shipped
context (lod/contexts/lod.jsonld, generated from the one prefix table) so that a reader sees
`unres:text`, not `https://w3id.org/un-lod/ontology#text`. That context holds prefixes only, so
compaction is exactly: IRIs written as `prefix:local`, `rdf:type` as `@type` (IRIs only), an
xsd:string as a plain string, a single value without its array. Each value is encoded once as
JSON text (json's own string encoder) and the nodes are joined, one per line: the document is
not built as Python objects and encoded again, which cost more than all the other formats.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_GEN_DELIMS = tuple(":/?#[]@")


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, str]:
    """The JSON-LD context shipped in the package: never fetched from the network."""
    from importlib import resources

    text = resources.files("lod.contexts").joinpath(CONTEXT_FILE).read_text(encoding="utf-8")
    return json.loads(text)["@context"]


CONTEXT_FILE = "lod.jsonld"


@lru_cache(maxsize=1)
def _prefixes_longest_first() -> tuple[tuple[str, str], ...]:
    """(namespace, prefix) pairs usable for compact IRIs: JSON-LD 1.1 only expands a term as a
    prefix when its IRI ends with a gen-delim, and the longest namespace must win."""
    pairs = [(ns, p) for p, ns in jsonld_context().items() if isinstance(ns, str) and ns.endswith(_GEN_DELIMS)]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=65536)
def compact_iri(iri: str) -> str:
    """`prefix:local` when a context prefix covers `iri`, else the IRI itself (always expandable
    back to `iri` under the shipped context)."""
    for ns, prefix in _prefixes_longest_first():
        if iri.startswith(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


@lru_cache(maxsize=65536)
def _key(iri: str) -> str:
    """A property's compact IRI as a JSON key, encoded."""
    return encode_basestring(compact_iri(iri))


@lru_cache(maxsize=65536)
def _reference(iri: str) -> str:
    """`{"@id": "prefix:local"}`, encoded."""
    return f'{{"@id": {encode_basestring(compact_iri(iri))}}}'


def _value(term: str | ox.BlankNode | ox.Literal) -> str:
    if type(term) is str:
        return _reference(term)
    if type(term) is ox.BlankNode:
        return f'{{"@id": {encode_basestring("_:" + term.value)}}}'
    if term.language:  # type: ignore[union-attr]
        return f'{{"@language": {encode_basestring(term.language)}, "@value": {encode_basestring(term.value)}}}'  # type: ignore[union-attr]
    datatype = term.datatype.value  # type: ignore[union-attr]
    if datatype == XSD_STRING:
        return encode_basestring(term.value)
    return f'{{"@type": {_key(datatype)}, "@value": {encode_basestring(term.value)}}}'


def _node(subject: str | ox.BlankNode, pairs: list[tuple[str, Any]]) -> str:
    name = compact_iri(subject) if type(subject) is str else "_:" + subject.value  # type: ignore[union-attr]
    fields = [f'"@id": {encode_basestring(name)}']
    properties: dict[str, list[Any]] = {}
    for predicate, obj in pairs:
        found = properties.get(predicate)
        if found is None:
            properties[predicate] = [obj]
        else:
            found.append(obj)
    types = properties.get(RDF_TYPE)
    if types is not None and all(type(o) is str for o in types):
        del properties[RDF_TYPE]
        names = [encode_basestring(compact_iri(o)) for o in types]
        fields.append(f'"@type": {names[0]}' if len(names) == 1 else f'"@type": [{", ".join(names)}]')
    for predicate, objects in properties.items():
        if len(objects) == 1:
            fields.append(f"{_key(predicate)}: {_value(objects[0])}")
        else:
            fields.append(f'{_key(predicate)}: [{", ".join([_value(o) for o in objects])}]')
    return "{" + ", ".join(fields) + "}"


@lru_cache(maxsize=1)
def _context_json() -> str:
    """The shipped context as the JSON text every description starts with (encoded once)."""
    return json.dumps(jsonld_context(), ensure_ascii=False, indent=1).replace("\n", "\n ")


def jsonld_document(subjects: Mapping[Any, list[tuple[str, Any]]]) -> bytes:
    """`{"@context": the shipped context, "@graph": [one node per subject, one per line]}`, from
    each subject's (predicate IRI, object) pairs: an IRI as `str`, a literal or blank node as
    pyoxigraph's term (lod.describe.graph.DescriptionGraph.out is such a table)."""
    body = ",\n  ".join([_node(subject, pairs) for subject, pairs in subjects.items()])
    graph = f"[\n  {body}\n ]" if body else "[]"
    return f'{{\n "@context": {_context_json()},\n "@graph": {graph}\n}}\n'.encode("utf-8")
