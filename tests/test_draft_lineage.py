"""A Vice-Chair's draft names the draft it was made from ("Draft resolution submitted by the
Vice-Chair of the Committee, … (Poland), on the basis of informal consultations on draft
resolution A/C.2/80/L.9", as the Second Committee's drafts print it): the lineage of drafts in RDF,
beside that of an adopted text and its draft. Lines written for the test, in the shape of
A/C.2/80/L.57 and L.59."""

from __future__ import annotations

from rdflib import URIRef

from lod.parse import parse_text
from lod.rdf import WorkRegistry, resolution_graph
from lod.rdf.namespaces import UNRES
from lod.validate import validate

BASE = "http://127.0.0.1:8080"
FRBR_TRANSFORMATION = URIRef("http://purl.org/spar/frbr/transformation")
MASTHEAD = """United Nations A/C.2/80/L.{number}

General Assembly Distr.: Limited
{date} November 2025

Original: English

Eightieth session
Second Committee
Agenda item 16
Macroeconomic policy questions

{proponent}

Follow-up to and implementation of the outcomes of the International Conferences on Financing for Development

The General Assembly,

Recalling its resolution 79/1 of 22 September 2024,

1. Decides to include in the provisional agenda of its eighty-first session the sub-item entitled "Financing for development".
"""
ORIGINAL = MASTHEAD.format(number=9, date=3, proponent="Iraq: draft resolution")
VICE_CHAIR = MASTHEAD.format(number=57, date=28, proponent=(
    "Draft resolution submitted by the Vice-Chair of the Committee, Weronika Garbacz\n"
    "(Poland), on the basis of informal consultations on draft resolution A/C.2/80/L.9"))


def test_a_vice_chair_s_draft_names_the_draft_it_was_made_from() -> None:
    later = parse_text(VICE_CHAIR, source="A_C.2_80_L.57.txt")
    assert (later.symbol, later.kind, later.draft_symbol, later.sponsors) == (
        "A/C.2/80/L.57", "draft-resolution", "A/C.2/80/L.9", [])
    assert parse_text(ORIGINAL, source="A_C.2_80_L.9.txt").draft_symbol is None


def test_the_lineage_of_two_drafts_in_one_corpus() -> None:
    original, later = parse_text(ORIGINAL, source="A_C.2_80_L.9.txt"), parse_text(VICE_CHAIR, source="A_C.2_80_L.57.txt")
    registry = WorkRegistry.from_corpus([original, later], BASE)
    first, second = URIRef(registry.work_for(original).work()), URIRef(registry.work_for(later).work())
    g_later, g_original = resolution_graph(later, registry, BASE), resolution_graph(original, registry, BASE)
    assert (second, UNRES.draft, first) in g_later and (first, FRBR_TRANSFORMATION, second) in g_later
    assert (second, UNRES.alias, None) not in g_later  # the later draft is no other name of the first
    assert (first, UNRES.adoptedAs, None) not in g_original  # a draft is not what the first became on adoption
    for graph, res in ((g_later, later), (g_original, original)):
        assert validate(graph, res.source).results == []


def test_a_draft_outside_the_corpus_is_linked_as_a_un_document() -> None:
    later = parse_text(VICE_CHAIR, source="A_C.2_80_L.57.txt")
    registry = WorkRegistry.from_corpus([later], BASE)
    graph = resolution_graph(later, registry, BASE)
    assert (URIRef(registry.work_for(later).work()), UNRES.draft, URIRef(f"{BASE}/id/document/A-C.2-80-L.9")) in graph


def test_a_draft_in_parts_is_titled_above_its_first_part_s_letter() -> None:
    """"United Nations common system" ⏎ "A" ⏎ "The General Assembly," (A/C.5/80/L.17, a Fifth
    Committee draft in two parts): the title is the line above the letter, the letter part A's."""
    text = MASTHEAD.format(number=17, date=24, proponent=(
        "Draft resolution submitted by the Chair of the Committee following\ninformal consultations"))
    text = text.replace("\n\nThe General Assembly,", "\n\nA\n\nThe General Assembly,", 1)
    res = parse_text(text.replace("A/C.2/80/L.17", "A/C.5/80/L.17"), source="A_C.5_80_L.17.txt")
    assert res.title == "Follow-up to and implementation of the outcomes of the International Conferences on Financing for Development"
    assert res.draft_symbol is None and [p.section for p in res.operative] == ["A"]
