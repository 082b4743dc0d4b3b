"""One prefix table (lod.rdf.namespaces.PREFIXES): what every other prefix list is derived from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from lod.contexts import CONTEXT_PATH, context_text
from lod.rdf import examples
from lod.rdf.namespaces import PREFIXES, bind_prefixes, prefix_lines, vocabularies
from lod.web import browse_queries, queries

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_jsonld_context_is_what_the_table_generates() -> None:
    assert CONTEXT_PATH.read_text(encoding="utf-8") == context_text(), "run: python -m lod.contexts"
    assert json.loads(context_text())["@context"] == {p: str(ns) for p, ns in PREFIXES.items()}


def test_every_prefix_line_in_the_code_says_what_the_table_says() -> None:
    """No module declares a prefix the table has not, or binds one to another namespace."""
    declared = re.compile(r"PREFIX\s+([A-Za-z][\w-]*):\s*<([^>]+)>")
    offenders = []
    for path in [*(ROOT / "lod").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]:
        for prefix, iri in declared.findall(path.read_text(encoding="utf-8")):
            if PREFIXES.get(prefix) != iri:
                offenders.append(f"{path.relative_to(ROOT)}: {prefix}: <{iri}>")
    assert not offenders, offenders


def test_queries_built_from_the_table_parse_and_use_only_declared_prefixes() -> None:
    texts = [e.query for e in examples.EXAMPLES] + [e.query for e in queries.EXAMPLES]
    texts += [v for v in vars(browse_queries).values() if isinstance(v, str) and "SELECT" in v]
    store = ox.Store()
    for text in texts:
        store.query(text.replace("$BINDINGS", ""))  # raises on an undeclared prefix


def test_prefix_lines_are_the_tables() -> None:
    assert prefix_lines("unres", "rdf") == (f"PREFIX unres: <{PREFIXES['unres']}>\n"
                                            f"PREFIX rdf: <{PREFIXES['rdf']}>\n")
    assert prefix_lines().count("PREFIX ") == len(PREFIXES)


def test_turtle_bindings_are_the_tables() -> None:
    bound = dict(bind_prefixes(Graph()).namespaces())
    assert all(str(bound[p]) == str(ns) for p, ns in PREFIXES.items())


def test_void_vocabularies_are_the_namespaces_the_terms_use() -> None:
    terms = [str(PREFIXES["unres"]) + "text", str(PREFIXES["rdf"]) + "type", str(PREFIXES["eli"]) + "title",
             "http://example.org/not-ours#p"]
    assert vocabularies(terms) == sorted({str(PREFIXES[p]) for p in ("unres", "rdf", "eli")})
