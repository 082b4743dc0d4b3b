"""`resolution_lines` is exactly what the build made of rdflib's serializer, on every document.

The build publishes each document as the sorted unique lines of
`resolution_graph(...).serialize(format="nt")`; `resolution_lines` writes them without the
Graph. These tests hold the two to byte equality on the sample corpus, the unseen documents,
a synthetic corpus, and hand-made strings that exercise N-Triples escaping; and check that
the two fail alike on what N-Triples cannot hold.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef

from lod.model import Footnote, OperativeParagraph, PreambularParagraph, Resolution, Sponsor
from lod.parse import ParseError, parse_file
from lod.parse.resolved import resolve
from lod.publish import discover
from lod.rdf import MappingError, WorkRegistry, map_resolution, resolution_graph, resolution_lines
from lod.rdf.authorities import authorities_graph, authorities_lines
from lod.rdf.namespaces import UNRES, TermNamespace
from lod.rdf.ntriples import Text, nt_lines
from lod.synth import synthesize
from lod.uri import DEFAULT_BASE

ROOT = Path(__file__).resolve().parent.parent
from corpora import CORPUS  # noqa: E402
UNSEEN = ROOT / "tests" / "data" / "unseen"


def serializer_lines(res: Resolution, registry: WorkRegistry) -> list[str]:
    """The lines of rdflib's serializer: split at line feeds only, because N-Triples lets a
    literal hold a raw form feed, vertical tab, U+2028 and the like (`str.splitlines` would cut
    the row there and publish broken lines, which the build once did)."""
    graph = resolution_graph(res, registry, DEFAULT_BASE)
    return sorted({ln for ln in graph.serialize(format="nt").split("\n") if ln.strip()})


def parsed(folder: Path) -> list[Resolution]:
    out = []
    for path in discover(folder):
        try:
            out.append(parse_file(path))
        except ParseError:
            continue  # a document the parser rejects never reaches the mapping
    return out


def assert_same_lines(documents: list[Resolution]) -> int:
    """Every document maps to the same lines both ways (or fails the same way); the number mapped."""
    registry = WorkRegistry.from_corpus(documents, DEFAULT_BASE)
    mapped = 0
    for res in documents:
        try:
            expected = serializer_lines(res, registry)
        except MappingError as exc:
            with pytest.raises(MappingError, match=re.escape(str(exc))):
                resolution_lines(res, registry, DEFAULT_BASE)
            continue
        assert resolution_lines(res, registry, DEFAULT_BASE) == expected, res.source
        mapped += 1
    return mapped


def test_sample_corpus() -> None:
    documents = parsed(CORPUS)
    assert assert_same_lines(documents) == len(documents) > 0


def test_unseen_documents() -> None:
    documents = parsed(UNSEEN)
    assert assert_same_lines(documents) == len(documents) >= 20


def test_synthetic_corpus(tmp_path: Path) -> None:
    synthesize(30, tmp_path, seed=5)
    documents = parsed(tmp_path)
    assert len(documents) >= 25
    assert assert_same_lines(documents) >= 25


# --- escaping: hand-made strings ---------------------------------------------------------------
TRICKY = [
    'a "quoted" word',
    "back\\slash and \\n printed",
    "two\nlines",
    "carriage\rreturn and \r\n pair",
    "a\ttab",
    "Côte d’Ivoire, Türkiye, 中国, Россия, عربي",
    "emoji 🌍 outside the BMP",
    "control \x00 \x01 \x07 \x1f \x7f characters",
    "form\x0cfeed, vertical\x0btab, \x1cfile \x1dgroup \x1erecord separators",
    "next\x85line, line\u2028separator, paragraph\u2029separator",
    " leading and trailing spaces ",
    "\x0c",
    "\u2028\u2029",
    '""',
    "\\",
]


def tricky_resolution(text: str) -> Resolution:
    """A small adopted resolution that prints `text` in every kind of literal it has."""
    return resolve(Resolution(
        symbol="A/RES/80/9", kind="resolution", body="ga", number="80/9", session=80,
        session_label=text, adoption_date="2025-10-01", language="eng", title=text,
        sponsors=[Sponsor(text or "x", None, "group")],
        preamble_formula=text,
        preamble=[PreambularParagraph(text=text, verb="Recalling", eid="preamble__para_1")],
        operative=[OperativeParagraph(num="1", text=text, verb="Decides", eid="para_1", intro=text)],
        footnotes=[Footnote("1", text, "fn_1")],
        warnings=[text], agenda_items=[text], meeting=text, source=f"{text[:3]}.txt",
    ))


@pytest.mark.parametrize("text", TRICKY)
def test_escaping_matches_the_serializer(text: str) -> None:
    res = tricky_resolution(text)
    registry = WorkRegistry.from_corpus([res], DEFAULT_BASE)
    assert resolution_lines(res, registry, DEFAULT_BASE) == serializer_lines(res, registry)


def test_a_literal_with_a_raw_line_separator_stays_one_parseable_line() -> None:
    import pyoxigraph as ox

    text = "form\x0cfeed \x0b \x1c \x85 \u2028 \u2029 end"
    res = tricky_resolution(text)
    lines = resolution_lines(res, WorkRegistry.from_corpus([res], DEFAULT_BASE), DEFAULT_BASE)
    triples = list(ox.parse("\n".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) == len(lines)
    assert any(t.object.value == text for t in triples if isinstance(t.object, ox.Literal))


def test_every_tricky_string_at_once() -> None:
    documents = [replace(tricky_resolution(text), symbol=f"A/RES/80/{n}", number=f"80/{n}")
                 for n, text in enumerate(TRICKY, 10)]
    assert assert_same_lines(documents) == len(TRICKY)


def test_lines_of_typed_and_tagged_literals() -> None:
    """Each kind of object the mapper emits, against rdflib's own N-Triples of the same Literal."""
    s, p = URIRef("http://example.org/s"), URIRef("http://example.org/p")
    objects = [
        Text('say "hi"\n', "fr"), Text("plain"), Text("", "en"), Literal(True), Literal(7),
        Literal("2020-02-30", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
        URIRef("http://example.org/o"),
    ]
    graph = Graph()
    for o in objects:
        graph.add((s, p, o.literal() if isinstance(o, Text) else o))
    expected = sorted(ln for ln in graph.serialize(format="nt").split("\n") if ln)
    assert nt_lines([(s, p, o) for o in objects]) == expected
    assert '<http://example.org/s> <http://example.org/p> "say \\"hi\\"\\n"@fr .' in expected


# --- what N-Triples cannot hold fails both ways ------------------------------------------------
def test_an_iri_with_forbidden_characters_fails_both_ways() -> None:
    res = replace(tricky_resolution("x"), report_symbol='A/80/<"bad">')
    registry = WorkRegistry.from_corpus([res], DEFAULT_BASE)
    with pytest.raises(Exception, match="does not look like a valid URI") as serializer:
        serializer_lines(res, registry)
    with pytest.raises(Exception, match="does not look like a valid URI") as lines:
        resolution_lines(res, registry, DEFAULT_BASE)
    assert str(lines.value) == str(serializer.value)


def test_a_lone_surrogate_fails_both_ways() -> None:
    res = tricky_resolution("broken \udcff byte")
    registry = WorkRegistry.from_corpus([res], DEFAULT_BASE)
    with pytest.raises(UnicodeEncodeError):
        serializer_lines(res, registry)
    with pytest.raises(UnicodeEncodeError):
        resolution_lines(res, registry, DEFAULT_BASE)


# --- one mapping, two renderings ---------------------------------------------------------------
def test_graph_and_lines_come_from_the_same_triples() -> None:
    res = tricky_resolution("Reaffirming")
    registry = WorkRegistry.from_corpus([res], DEFAULT_BASE)
    mapped = map_resolution(res, registry, DEFAULT_BASE)
    graph = mapped.graph()
    assert len(graph) == len(set(mapped.lines()))
    assert dict(graph.namespaces())["unres"] == URIRef(str(UNRES))
    assert mapped.lines() == resolution_lines(res, registry, DEFAULT_BASE)


def test_term_namespace_gives_the_same_terms_once() -> None:
    plain, cached = Namespace("http://example.org/v#"), TermNamespace("http://example.org/v#")
    assert cached.thing == plain.thing and type(cached.thing) is URIRef
    assert cached.thing is cached.thing
    assert cached["other-thing"] == plain["other-thing"]
    with pytest.raises(AttributeError):
        cached.__missing_dunder__  # noqa: B018


def test_authorities_lines_are_the_serializers() -> None:
    graph = authorities_graph(DEFAULT_BASE)
    expected = tuple(sorted({ln for ln in graph.serialize(format="nt").split("\n") if ln.strip()}))
    assert authorities_lines(DEFAULT_BASE) == expected
    assert len(expected) > 1000
