"""The build's SHACL engine (lod.validate_sparql) against the pyshacl reference.

Both engines must report exactly the same results (severity, rule, node, path, message, value)
on every corpus document, every unseen document and a synthetic corpus; the broken graphs of
tests/test_shapes.py are compared there, by its `validate`. The translator must refuse any
SHACL it does not translate rather than ignore it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import Graph

from corpora import CORPUS, needs_shared
from lod.parse import ParseError, parse_file
from lod.publish.pipeline import discover
from lod.rdf import WorkRegistry, resolution_graph
from lod.synth import synthesize
from lod.uri import DEFAULT_BASE
from lod.validate import ValidationResult, shapes_graph, validate, validate_batch, validate_lines
from lod.validate_sparql import UnsupportedShape, _restriction_is_prebinding, compile_shapes

TESTS = Path(__file__).resolve().parent
FOLDERS = {"corpus": CORPUS, "unseen": TESTS / "data" / "unseen"}
SYNTHETIC = 30


@lru_cache(maxsize=None)
def mapped_documents(folder: Path) -> list[tuple[str, list[str]]]:
    """(source, sorted N-Triples lines) of every document of a folder, mapped as `lod build` maps them."""
    registry = WorkRegistry(base=DEFAULT_BASE)
    parsed = []
    for path in discover(folder):
        try:
            parsed.append(parse_file(path))
        except ParseError:
            continue
    for res in parsed:
        registry.add(res)
    documents = []
    for res in parsed:
        graph = resolution_graph(res, registry, DEFAULT_BASE)
        documents.append((res.source, sorted({ln for ln in graph.serialize(format="nt").splitlines() if ln.strip()})))
    return documents


@pytest.fixture(scope="module")
def synthetic_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    synthesize(SYNTHETIC, folder, seed=5)
    return folder


def results_of(result: ValidationResult) -> list[tuple[str | None, ...]]:
    return [(r.severity, r.shape, r.focus, r.path, r.message, r.value) for r in result.results]


@needs_shared
@pytest.mark.parametrize("name", ["corpus", "unseen", "synthetic"])
def test_engines_agree_on_every_document(name: str, synthetic_folder: Path) -> None:
    documents = mapped_documents(synthetic_folder if name == "synthetic" else FOLDERS[name])
    assert len(documents) >= (SYNTHETIC if name == "synthetic" else 5)
    disagreements = []
    for source, lines in documents:
        fast, reference = validate_lines(lines, source), validate_lines(lines, source, engine="pyshacl")
        if results_of(fast) != results_of(reference) or fast.conforms != reference.conforms:
            disagreements.append(f"{fast.report()}\n--- pyshacl:\n{reference.report()}")
    assert not disagreements, "\n\n".join(disagreements)


MUTATED = {"A_RES_80_1.txt", "004_a62735c9b0a34126.txt"}
"""An adopted resolution with points, footnotes and a treaty citation; a draft with sponsors and addressees."""
XSD = "http://www.w3.org/2001/XMLSchema#"
UNRES = "https://w3id.org/un-lod/ontology#"
MUTATIONS: dict[str, tuple[str, str]] = {
    # property whose every object is replaced → the new object (N-Triples)
    "untagged title": (f"{UNRES}docTitle", '"A title"'),
    "title typed as string": (f"{UNRES}docTitle", f'"A title"^^<{XSD}string>'),
    "position zero": (f"{UNRES}position", f'"0"^^<{XSD}integer>'),
    "position ill-typed": (f"{UNRES}position", f'"first"^^<{XSD}integer>'),
    "position decimal": (f"{UNRES}position", f'"1.5"^^<{XSD}decimal>'),
    "position plain string": (f"{UNRES}position", '"1"'),
    "num with a trailing newline": (f"{UNRES}num", '"(a)\\n"'),
    "num language-tagged": (f"{UNRES}num", '"1"@en'),
    "num an IRI": (f"{UNRES}num", "<http://example.org/1>"),
    "marker a dagger": (f"{UNRES}marker", '"\u2020"'),
    "marker a word": (f"{UNRES}marker", '"note"'),
    "language code tagged": (f"{UNRES}language", '"eng"@en'),
    "language code of two letters": (f"{UNRES}language", '"en"'),
    "language as a literal": ("http://purl.org/dc/terms/language", '"en"'),
    "date ill-typed": (f"{UNRES}docDate", f'"2025-02-30"^^<{XSD}date>'),
    "date a dateTime": (f"{UNRES}adoptionDate", f'"2025-09-19T00:00:00"^^<{XSD}dateTime>'),
    "empty text": (f"{UNRES}text", '""'),
    "text an IRI": (f"{UNRES}text", "<http://example.org/text>"),
    "cited work a literal": (f"{UNRES}citesWork", '"169 (II)"'),
    "every citation a treaty citation": (f"{UNRES}citationType", '"treaty"'),
    "addressee of another kind": (f"{UNRES}addresseeKind", '"other"'),
    "treaty number zero-led": (f"{UNRES}untsNumber", '"0147"'),
    "iso3 lower case": (f"{UNRES}iso3", '"can"'),
    "actor a literal": (f"{UNRES}actor", '"un-ga"'),
    "flags false": (f"{UNRES}unresolved", f'"false"^^<{XSD}boolean>'),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_engines_agree_on_values_the_mapping_never_emits(mutation: str) -> None:
    """Each constraint's edge cases (datatypes, patterns, lengths, ranges, lists) judged alike."""
    predicate, replacement = MUTATIONS[mutation]
    changed = 0
    for source, lines in mapped_documents(FOLDERS["corpus"]):
        if source not in MUTATED:
            continue
        mutated = [re.sub(r"^(\S+ <" + re.escape(predicate) + r">) .* \.$", lambda m: f"{m.group(1)} {replacement} .", line)
                   for line in lines]
        if mutated == lines:
            continue
        changed += 1
        fast, reference = validate_lines(mutated, source), validate_lines(mutated, source, engine="pyshacl")
        assert results_of(fast) == results_of(reference), f"{fast.report()}\n--- pyshacl:\n{reference.report()}"
    assert changed, f"no corpus document has {predicate}"


def test_the_synthetic_corpus_exercises_warnings(synthetic_folder: Path) -> None:
    """The agreement above means something only if the documents carry results to compare."""
    results = [validate_lines(lines, source) for source, lines in mapped_documents(synthetic_folder)]
    assert any(r.warnings for r in results)


def test_validate_lines_and_validate_of_the_graph_agree() -> None:
    source, lines = mapped_documents(FOLDERS["corpus"])[0]
    graph = Graph().parse(data="\n".join(lines), format="nt")
    assert results_of(validate(graph, source)) == results_of(validate_lines(lines, source))
    assert validate_lines(lines, source).source == source


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown validation engine"):
        validate_lines([], "x", engine="fast")  # type: ignore[arg-type]


def test_an_empty_document_has_no_focus_node_and_conforms() -> None:
    result = validate_lines([], "empty")
    assert result.conforms and result.results == []


SHAPES_HEAD = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
"""


@pytest.mark.parametrize("shape", [
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:xone ( [ sh:path ex:p ; sh:minCount 1 ] ) ; sh:message \"m\" .",
    "ex:S a sh:NodeShape ; sh:targetNode ex:n ; sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:message \"m\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:pattern \"a\" ; sh:flags \"i\" ; sh:message \"m\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ; sh:message \"m\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:deactivated true ; sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:message \"m\" ] .",
    "[] a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:message \"m\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:or ( [ sh:path ex:p ; sh:minCount 2 ] ) ; sh:message \"m\" .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:hasValue ex:v ; sh:message \"m\" .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:hasValue ex:v ; sh:message \"m\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:node ex:T ; sh:message \"m\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:not [ sh:sparql [ sh:select \"SELECT $this {}\" ] ] ; sh:message \"m\" .",
])
def test_the_translator_refuses_what_it_does_not_translate(shape: str) -> None:
    shapes = Graph().parse(data=SHAPES_HEAD + shape, format="turtle")
    with pytest.raises(UnsupportedShape):
        compile_shapes(shapes)


def test_the_shapes_file_compiles() -> None:
    compiled = compile_shapes(shapes_graph())
    assert compiled.checks and len(compiled.checks) == len(compiled.checks_with_subclasses)


def test_instances_of_subclasses_are_targeted_as_pyshacl_does() -> None:
    """SHACL targets and sh:class follow rdfs:subClassOf in the data graph."""
    lines = [
        "<http://example.org/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/SpecialCitation> .",
        "<http://example.org/SpecialCitation> <http://www.w3.org/2000/01/rdf-schema#subClassOf> "
        "<https://w3id.org/un-lod/ontology#Citation> .",
    ]
    fast, reference = validate_lines(lines, "sub"), validate_lines(lines, "sub", engine="pyshacl")
    assert fast.shapes() == {"CitationResolved", "CitationText"}
    assert results_of(fast) == results_of(reference)


def test_a_sparql_constraint_is_run_once_only_when_that_equals_prebinding() -> None:
    once = "SELECT $this ?value WHERE { $this <http://e/p> ?value . FILTER NOT EXISTS { ?value <http://e/q> $this } }"
    nested = "SELECT $this ?value WHERE { ?x <http://e/p> ?value . OPTIONAL { $this <http://e/q> ?x } }"
    unprojected = "SELECT ?value WHERE { $this <http://e/p> ?value }"
    assert _restriction_is_prebinding(once)
    assert not _restriction_is_prebinding(nested)
    assert not _restriction_is_prebinding(unprojected)


def test_lod_validate_reports_alike_with_either_engine() -> None:
    from click.testing import CliRunner

    from lod.cli import main

    document = str(CORPUS / "001_a434e5ae4ec07524.txt")
    runs = {engine: CliRunner().invoke(main, ["validate", document, "--validator", engine]) for engine in ("sparql", "pyshacl")}
    assert {r.exit_code for r in runs.values()} == {0}
    assert runs["sparql"].output == runs["pyshacl"].output
    assert "Warning" in runs["sparql"].output  # the draft's flags are reported, not hidden


# --- many documents per query: validate_batch ---------------------------------------------------
def lines_of(graph: Graph) -> list[str]:
    return sorted({ln for ln in graph.serialize(format="nt").splitlines() if ln.strip()})


def broken_documents() -> list[tuple[str, list[str]]]:
    """Every graph tests/test_shapes.py breaks, named by the rule it breaks, and the intact graphs
    they come from (so the batch holds documents sharing subjects that differ in one triple)."""
    import test_shapes as shapes  # the test module of the broken graphs, on the path as tests/ is

    documents = [("intact A_RES_80_1", lines_of(shapes.graph_of(shapes.res_80_1()))),
                 ("intact 004", lines_of(shapes.graph_of(shapes.draft_004())))]
    documents += [(f"broken {rule}", lines_of(breaks(shapes.graph_of(shapes.res_80_1()))))
                  for rule, breaks in sorted(shapes.BREAKS.items())]
    documents += [(f"broken 004 {rule}", lines_of(breaks(shapes.graph_of(shapes.draft_004()))))
                  for rule, breaks in sorted(shapes.BREAKS_004.items())]
    return documents


def mutated_documents() -> list[tuple[str, list[str]]]:
    """The corpus documents with each value the mapping never emits (MUTATIONS)."""
    documents = []
    for mutation, (predicate, replacement) in sorted(MUTATIONS.items()):
        for source, lines in mapped_documents(FOLDERS["corpus"]):
            if source in MUTATED:
                mutated = [re.sub(r"^(\S+ <" + re.escape(predicate) + r">) .* \.$",
                                  lambda m: f"{m.group(1)} {replacement} .", line) for line in lines]
                if mutated != lines:
                    documents.append((f"{source} {mutation}", mutated))
    return documents


SUBCLASSED = [
    "<http://example.org/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/SpecialCitation> .",
    "<http://example.org/SpecialCitation> <http://www.w3.org/2000/01/rdf-schema#subClassOf> "
    "<https://w3id.org/un-lod/ontology#Citation> .",
]


def test_a_batch_gives_each_document_what_validate_lines_gives(synthetic_folder: Path) -> None:
    """Corpus, unseen, synthetic, broken and mutated documents, a document with rdfs:subClassOf and
    an empty one, all in one batch: per document, exactly the single-document result."""
    documents = (mapped_documents(FOLDERS["corpus"]) + mapped_documents(FOLDERS["unseen"])
                 + mapped_documents(synthetic_folder) + broken_documents() + mutated_documents()
                 + [("subclassed", SUBCLASSED), ("empty", [])])
    batched = validate_batch(documents)
    assert [r.source for r in batched] == [source for source, _ in documents]
    for (source, lines), result in zip(documents, batched):
        single = validate_lines(lines, source)
        assert (results_of(result), result.conforms) == (results_of(single), single.conforms), \
            f"{result.report()}\n--- validate_lines:\n{single.report()}"
    assert any(not r.conforms for r in batched) and any(r.warnings for r in batched)
    assert batched[-2].shapes() == {"CitationResolved", "CitationText"}  # subclass targets, as pyshacl


def test_each_document_of_a_batch_is_judged_on_its_own_triples() -> None:
    """Documents that share subjects: a work cited by both but described by one only, a link or
    a date one of them lacks, a second date only another has. Another document's triples must
    neither satisfy a rule (described, linked, minCount) nor break it (maxCount)."""
    import test_shapes as shapes
    from rdflib import Literal
    from rdflib.namespace import XSD as XSD_NS

    intact = shapes.graph_of(shapes.res_80_1())
    undescribed = shapes.BREAKS["CitedWorkDescribed"](shapes.graph_of(shapes.res_80_1()))
    unlinked = shapes.BREAKS["CitationLinked"](shapes.graph_of(shapes.res_80_1()))
    undated = shapes.BREAKS["WorkDate"](shapes.graph_of(shapes.res_80_1()))
    redated = shapes.BREAKS["WorkDate"](shapes.graph_of(shapes.res_80_1()))
    redated.add((shapes.WORK_80_1, shapes.UNRES.docDate, Literal("2025-09-20", datatype=XSD_NS.date)))
    graphs = {"intact": intact, "undescribed": undescribed, "unlinked": unlinked, "undated": undated, "redated": redated}
    expected = {"intact": set(), "undescribed": {"CitedWorkDescribed"}, "unlinked": {"CitationLinked"},
                "undated": {"WorkDate"}, "redated": set()}
    for order in (list(graphs), list(reversed(graphs))):
        documents = [(name, lines_of(graphs[name])) for name in order]
        for (name, lines), result in zip(documents, validate_batch(documents)):
            reference = validate_lines(lines, name, engine="pyshacl")
            assert results_of(result) == results_of(reference) and result.conforms == reference.conforms, result.report()
            assert result.shapes() == expected[name], result.report()


def test_a_batch_of_one_or_none() -> None:
    source, lines = mapped_documents(FOLDERS["corpus"])[0]
    assert results_of(validate_batch([(source, lines)])[0]) == results_of(validate_lines(lines, source))
    assert validate_batch([]) == []


def test_a_batch_may_hold_the_same_document_twice() -> None:
    """Identical documents get one graph each: nothing is counted twice or merged."""
    source, lines = next((s, ln) for s, ln in broken_documents() if s == "broken Footnote")
    twice = validate_batch([(source, lines), (source, lines)])
    assert results_of(twice[0]) == results_of(twice[1]) == results_of(validate_lines(lines, source))


def test_blank_nodes_of_the_same_label_in_two_documents_are_not_merged() -> None:
    """`_:c` of one document is not `_:c` of another: each is judged by its own document's triples
    (here: one has its citation text, the other not). oxigraph gives blank nodes fresh ids on
    every load, in a batch as for one document, so results are compared without the node."""
    citation = "_:c <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/un-lod/ontology#Citation> ."
    text = f'_:c <{UNRES}citationText> "resolution 169 (II)" .'
    documents = [("with text", [citation, text]), ("without text", [citation])]
    batched = validate_batch(documents)

    def anonymous(result: ValidationResult) -> list[tuple[str | None, ...]]:
        return [(r.severity, r.shape, r.path, r.message) for r in result.results]

    for (source, lines), result in zip(documents, batched):
        assert anonymous(result) == anonymous(validate_lines(lines, source)), result.report()
    assert "CitationText" in batched[1].shapes() and "CitationText" not in batched[0].shapes()


def test_one_documents_subclasses_do_not_type_another_documents_nodes() -> None:
    """rdfs:subClassOf is followed within the document that states it only."""
    other = ["<http://example.org/d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/SpecialCitation> .",
             "<http://example.org/Other> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <http://example.org/Thing> ."]
    documents = [("subclassed", SUBCLASSED), ("untargeted", other), ("plain", other[:1])]
    batched = validate_batch(documents)
    assert batched[0].shapes() == {"CitationResolved", "CitationText"}
    assert batched[1].results == [] and batched[2].results == []
    for (source, lines), result in zip(documents, batched):
        assert results_of(result) == results_of(validate_lines(lines, source, engine="pyshacl")), result.report()
