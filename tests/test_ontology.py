"""The ontology, the verb scheme and the shapes agree with what the mapping emits and with UNDO."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpora import UNDO_TTL
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from lod.model import Citation, Sponsor
from lod.rdf import verb_concept
from lod.rdf.namespaces import ALLOT, RELATION, UNDO, UNRES, VERB
from lod.rdf.authorities import authorities_graph
from lod.rdf.relations import RELATION_PROPERTIES
from test_rdf import BASE, draft_004, graph_of, res_80_1

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "lod.ttl")


@pytest.fixture(scope="module")
def verbs() -> Graph:
    return Graph().parse(ROOT / "ontology" / "verbs.ttl")


@pytest.fixture(scope="module")
def undo() -> Graph:
    return Graph().parse(UNDO_TTL)


def mapped_graphs() -> list[Graph]:
    """Graphs exercising every branch of the mapping: flags, groups, annexes-free and extracts."""
    flagged = draft_004()
    flagged.title = None
    flagged.sponsors += [Sponsor("Ruritania", None), Sponsor("Group of 77 and China", None, "group", "g77-china")]
    flagged.citations += [
        Citation("resolution", "resolution 73/__", "ga", "73/__", placeholder=True, location="para_1"),
        Citation("document", "the report", location="para_2"),
        Citation("document", "A/73/131", symbol="A/73/131", location="para_3"),
        Citation("treaty", "vols. 2225 and 2237, No. 39574", unts_volumes=["2225", "2237"], unts_number="39574",
                 location="fn_1"),
    ]
    flagged.warnings = ["page break inside paragraph 10"]
    # an adopted text on a report whose draft is in the corpus, and that draft: the draft ↔ adopted links
    adopted = res_80_1()
    adopted.report_symbol = "A/80/401"
    draft = draft_004()
    draft.symbol, adopted.draft_symbol = "E/CN.15/2019/L.4", "E/CN.15/2019/L.4"
    return [graph_of(res_80_1()), graph_of(draft_004()), graph_of(flagged), graph_of(adopted, draft),
            graph_of(draft, adopted), authorities_graph(BASE)]


def unres_terms(graphs: list[Graph]) -> set[URIRef]:
    terms: set[URIRef] = set()
    for g in graphs:
        for _, p, o in g:
            terms |= {t for t in (p, o) if isinstance(t, URIRef) and str(t).startswith(str(UNRES))}
    return terms


def english(g: Graph, term: URIRef, prop: URIRef) -> list[Literal]:
    return [o for o in g.objects(term, prop) if isinstance(o, Literal) and o.language == "en"]


def test_ontology_is_an_owl_ontology(ontology: Graph) -> None:
    assert (URIRef("https://w3id.org/un-lod/ontology"), RDF.type, OWL.Ontology) in ontology


def test_every_term_the_mapping_uses_is_declared_with_label_and_comment(ontology: Graph) -> None:
    used = unres_terms(mapped_graphs())
    assert len(used) > 60
    undeclared = sorted(str(t) for t in used if not english(ontology, t, RDFS.label) or not english(ontology, t, RDFS.comment))
    assert undeclared == []


def test_every_declared_term_has_english_label_and_comment(ontology: Graph) -> None:
    declared = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(str(UNRES))}
    assert {UNRES.Work, UNRES.Extract, UNRES.TLCConcept, UNRES.Manifestation} <= declared
    assert [str(t) for t in declared if not english(ontology, t, RDFS.label) or not english(ontology, t, RDFS.comment)] == []


def test_alignments_name_real_undo_and_allot_terms(ontology: Graph, undo: Graph) -> None:
    known = set(undo.subjects())
    aligned = {o for _, p, o in ontology if p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass)}
    external = {o for o in aligned if str(o).startswith((str(UNDO), str(ALLOT)))}
    assert {UNDO.Resolution, UNDO.Decision, UNDO.DocumentVersion, UNDO.Relation, UNDO.hasReceiver, UNDO.hasSemantics} <= external
    assert sorted(str(t) for t in external - known) == []


def test_document_types_are_aligned_to_undo(ontology: Graph) -> None:
    assert (UNRES.Resolution, RDFS.subClassOf, UNDO.Resolution) in ontology
    assert (UNRES.Decision, RDFS.subClassOf, UNDO.Decision) in ontology
    assert (UNRES.Citation, RDFS.subClassOf, UNDO.Relation) in ontology
    assert (UNRES.Expression, RDFS.subClassOf, UNDO.DocumentVersion) in ontology


def test_verbs_of_the_corpus_are_concepts_of_the_scheme(verbs: Graph) -> None:
    phrases = {p.verb for res in (draft_004(), res_80_1()) for p in (*res.preamble, *res.operative) if p.verb}
    missing = sorted(p for p in phrases if (verb_concept(p), SKOS.prefLabel, None) not in verbs)
    assert missing == []


def test_scheme_has_about_eighty_phrases_with_lemmas_and_relations(verbs: Graph) -> None:
    concepts = set(verbs.subjects(SKOS.inScheme, URIRef("https://w3id.org/un-lod/vocab/verb")))
    assert len(concepts) >= 80
    assert (VERB["also-requests"], SKOS.broader, VERB["requests"]) in verbs
    assert (VERB["recalling-also"], SKOS.broader, VERB["recalling"]) in verbs
    assert (VERB["recalling"], UNRES.expressesRelation, RELATION.recall) in verbs
    assert (VERB["takes-note-with-appreciation"], UNRES.expressesRelation, RELATION["take-note"]) in verbs
    for broader in set(verbs.objects(None, SKOS.broader)):
        assert (broader, SKOS.prefLabel, None) in verbs, broader
    for relation in set(verbs.objects(None, UNRES.expressesRelation)):
        assert (relation, RDF.type, ALLOT.Concept) in verbs, relation


@pytest.mark.parametrize(("phrase", "concept"), [
    ("Further reaffirms", "reaffirms"),  # degree words
    ("Taking note also", "taking-note"),  # a form the scheme lacks: the phrase it extends
    ("Reiterates its strong support", "reiterates"),
    ("decided", "decides"), ("took note", "takes-note"), ("elected", "elects"),  # a decision's narrative
    ("Recognize", "recognizes"),  # a declaration's bare verb
    ("Strongly condemning", "strongly-condemning"),
    ("Foster", None), ("Xyzzy", None),  # no concept rather than an IRI the scheme does not define
])
def test_an_action_is_a_concept_of_the_scheme_or_none(verbs: Graph, phrase: str, concept: str | None) -> None:
    """unres:action of a paragraph: 4,528 of the 53,670 phrases of ../shared's models (8 %) named
    IRIs the verb scheme does not define ("verb/decided", "verb/taking-note-also"), which no one
    could look up. Now the concept the phrase is a form of, or none."""
    from lod.rdf.relations import phrase_concept

    found = phrase_concept(phrase, "eng")
    assert found == (VERB[concept] if concept else None)
    assert found is None or (found, RDF.type, SKOS.Concept) in verbs


def test_every_action_of_the_mapped_documents_is_a_concept(verbs: Graph) -> None:
    actions = {o for g in mapped_graphs() for o in g.objects(None, UNRES.action)}
    assert actions and {a for a in actions if (a, RDF.type, SKOS.Concept) not in verbs} == set()


def test_every_labelled_verb_is_a_concept(verbs: Graph) -> None:
    """A label learned for a form (tools/derive_verb_labels.py) is a label of a declared concept."""
    labelled = {s for s in verbs.subjects(SKOS.prefLabel, None) if str(s).startswith(str(VERB))}
    concepts = set(verbs.subjects(RDF.type, SKOS.Concept)) | set(verbs.subjects(RDF.type, SKOS.Collection))
    assert labelled - concepts - {URIRef(str(VERB).rstrip("/"))} == set()


def test_trailing_of_is_not_part_of_the_concept() -> None:
    assert verb_concept("Takes note of") == verb_concept("Takes note") == VERB["takes-note"]


def test_shapes_only_use_declared_terms(ontology: Graph) -> None:
    shapes = Graph().parse(ROOT / "shapes" / "lod-shapes.ttl")
    used = {o for p in (SH.path, SH["class"], SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
            for o in shapes.objects(None, p) if str(o).startswith(str(UNRES))}
    assert UNRES.Citation in used
    assert sorted(str(t) for t in used if (t, RDFS.label, None) not in ontology) == []


def test_citation_relations_are_concepts_of_the_relation_scheme(verbs: Graph) -> None:
    graphs = mapped_graphs()
    used = {o for g in graphs for o in g.objects(None, UNRES.relation)}
    assert RELATION.recall in used and RELATION.welcome in used
    scheme = URIRef("https://w3id.org/un-lod/vocab/relation")
    assert sorted(str(r) for r in used if (r, SKOS.inScheme, scheme) not in verbs) == []


def test_every_typed_citation_property_is_a_cites_with_its_relation(ontology: Graph, verbs: Graph) -> None:
    scheme = URIRef("https://w3id.org/un-lod/vocab/relation")
    for lemma, local in RELATION_PROPERTIES.items():
        prop = UNRES[local]
        assert (prop, RDFS.subPropertyOf, UNRES.cites) in ontology, local
        assert (prop, UNRES.expressesRelation, RELATION[lemma]) in ontology, local
        assert (RELATION[lemma], SKOS.inScheme, scheme) in verbs, lemma
    assert (UNRES.cites, RDFS.subPropertyOf, URIRef("http://data.europa.eu/eli/ontology#cites")) in ontology
