"""The published dataset conforms to its own shapes under its own ontology.

The build validates each document's graph alone and without inference. Here the whole
dataset the build wrote (dumps/lod.nt.gz, authorities included) is validated at once by
pyshacl with ontology/ as `ont_graph` and RDFS inference, so `unres:Resolution ⊑ unres:Work`
makes every cited-work stub a target of the work shapes: a stub must satisfy them as a work
known by its symbol or number, organ and date (unres:CitedWork), without an expression.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from corpora import REAL, needs_shared
from lod.rdf.namespaces import UNRES

ROOT = Path(__file__).resolve().parent.parent
DQV_ANNOTATION = URIRef("http://www.w3.org/ns/dqv#QualityAnnotation")
OA_TARGET = URIRef("http://www.w3.org/ns/oa#hasTarget")
OA_BODY = URIRef("http://www.w3.org/ns/oa#hasBody")


def _ontology() -> Graph:
    ont = Graph()
    for name in ("lod.ttl", "verbs.ttl"):
        ont.parse(ROOT / "ontology" / name)
    return ont


def test_sample_dataset_conforms_under_its_ontology(corpus_build: Path) -> None:
    with gzip.open(corpus_build / "dumps" / "lod.nt.gz") as dump:
        data = Graph().parse(dump, format="nt")
    stubs = set(data.subjects(RDF.type, UNRES.CitedWork))
    assert stubs, "the sample corpus cites works outside it: the test must see stubs"
    conforms, report, text = validate(
        data, shacl_graph=Graph().parse(ROOT / "shapes" / "lod-shapes.ttl"), ont_graph=_ontology(),
        inference="rdfs", allow_warnings=True, advanced=True,
    )
    violations = [r for r in report.subjects(SH.resultSeverity, SH.Violation)]
    assert conforms, text
    assert not violations


def test_a_stub_without_expression_is_a_cited_work_not_a_published_work(corpus_build: Path) -> None:
    """The same validation fails once a stub loses its CitedWork type: the shape still asks
    every published work for an expression."""
    with gzip.open(corpus_build / "dumps" / "lod.nt.gz") as dump:
        data = Graph().parse(dump, format="nt")
    stub = sorted(data.subjects(RDF.type, UNRES.CitedWork))[0]
    data.remove((stub, RDF.type, UNRES.CitedWork))
    conforms, report, _ = validate(
        data, shacl_graph=Graph().parse(ROOT / "shapes" / "lod-shapes.ttl"), ont_graph=_ontology(),
        inference="rdfs", allow_warnings=True, advanced=True,
    )
    assert not conforms
    focus = {str(report.value(r, SH.focusNode)) for r in report.subjects(SH.resultSeverity, SH.Violation)}
    assert focus == {str(stub)}


@needs_shared
def test_each_language_has_its_own_quality_annotations() -> None:
    """The six expressions of a work share its component, so a finding of the French text must
    not land on the node of a finding of the English one (two targets, two bodies)."""
    from lod.parse import parse_file
    from lod.quality import findings
    from lod.rdf import WorkRegistry, resolution_lines

    french = next(res for path in sorted((REAL / "ga-akn").rglob("French/*.xml"))
                  if findings(res := parse_file(path)))
    english_path = next(p for p in (REAL / "ga-akn").rglob("English/*.xml") if parse_file(p).symbol == french.symbol)
    english = parse_file(english_path)
    registry = WorkRegistry.from_corpus([english, french])
    merged = Graph()
    for res in (english, french):
        for line in resolution_lines(res, registry, registry.base):
            merged.parse(data=line, format="nt")
    notes = set(merged.subjects(RDF.type, DQV_ANNOTATION))
    assert any("#quality_fra_" in str(n) for n in notes)
    for note in notes:
        assert len(set(merged.objects(note, OA_TARGET))) == 1, note
        body = merged.value(note, OA_BODY)
        assert len(set(merged.objects(body, RDF.value))) == 1, note
