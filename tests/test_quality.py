"""Curator findings (lod.quality): what each check finds, and that `lod check`, the build report,
the RDF (DQV annotations, valid against the shapes) and the HTML page all carry the same."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from lod.cli import main
from lod.model import Addressee, Footnote, Sponsor
from lod.quality import CHECKS, Finding, findings, in_lexicon
from lod.rdf.namespaces import DQV, OA, RDF
from lod.validate import validate
from test_rdf import BASE, draft_004, graph_of, res_80_1
from test_shapes import MAIN_80_1, _remove


def codes(res) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(f.code, f.location) for f in findings(res)]


def test_well_read_documents_have_no_findings() -> None:
    assert findings(res_80_1()) == [] and findings(draft_004()) == []


def test_numbering_gap_and_repeat_are_found_where_they_are() -> None:
    res = draft_004()
    res.operative[2].num = "4"  # 1, 2, 4, 4, 5, ...
    found = findings(res)
    assert [(f.code, f.location) for f in found] == [("numbering-gap", "para_2"), ("numbering-repeat", "para_4")]
    assert found[0].message == "operative paragraph numbers jump from 2 to 4 (3 missing)"


def test_a_new_part_restarting_at_one_is_not_a_gap() -> None:
    res = draft_004()
    for k, para in enumerate(res.operative[5:], 1):
        para.num = str(k)
    assert codes(res) == []


def test_footnote_markers_and_notes_must_meet() -> None:
    res = res_80_1()
    res.operative[0].footnote_refs = ["2"]
    res.footnotes.append(Footnote("3", "A/80/3.", "fn_3"))
    res.footnotes.append(Footnote("*", "Reissued for technical reasons.", "fn_star"))  # notes the title: fine
    assert codes(res) == [("marker-without-note", "para_1"), ("note-without-marker", "fn_3")]


def test_unresolved_sponsors_and_addressees() -> None:
    res = draft_004()
    res.sponsors.append(Sponsor("Atlantis", None, "state"))
    res.operative[0].addressees = [Addressee("the Expert Group", "body", "invite"), Addressee("Member States", "states", "urge")]
    assert codes(res) == [("sponsor-unresolved", ""), ("addressee-unresolved", "para_1")]


def test_a_sponsor_read_from_a_misspelling_is_for_a_curator_to_confirm() -> None:
    res = draft_004()
    res.sponsors = [Sponsor("Qata", "QAT", "state"), Sponsor("Qatar", "QAT", "state"),
                    Sponsor("United Arab Emirates (in its capacity as Chair)", "ARE", "state")]
    found = findings(res)
    assert [(f.code, f.message) for f in found] == [("sponsor-misspelt", "sponsor 'Qata' read as Qatar")]
    assert found[0].for_curator


def test_verbs_outside_the_lexicon_and_paragraphs_of_odd_length() -> None:
    assert in_lexicon("Recalling") and in_lexicon("Reiterates its call upon") and not in_lexicon("Frobnicates")
    res = res_80_1()
    res.operative[1].verb = "Frobnicates"
    res.operative[2].text = "x" * 3001
    res.preamble[0].text = "2/2"
    assert codes(res) == [("verb-not-in-lexicon", "para_2"), ("paragraph-length", "preamble__para_1"), ("paragraph-length", "para_3")]


def test_a_chinese_paragraph_is_held_to_chinese_lengths() -> None:
    """Chinese prints a paragraph in about a quarter of the English characters: "决定不断审查上述问题。"
    (11 characters, "Decides to remain seized of the matter.", E/RES/2021/2 in Chinese) is a paragraph,
    where 11 English characters are a stray; 1,000 Chinese characters are as long as 3,800 English."""
    res = res_80_1()
    res.preamble[0].text = "决定不断审查上述问题。"
    assert codes(res) == [("paragraph-length", "preamble__para_1")]
    res.language = "zho"
    res.preamble[0].verb = None
    assert [c for c in codes(res) if c[0] == "paragraph-length"] == []
    res.operative[2].text = "问" * 1000
    assert ("paragraph-length", "para_3") in codes(res)


def _with_gap():  # type: ignore[no-untyped-def]
    res = res_80_1()
    res.operative[2].num = "4"
    return res


def test_findings_are_dqv_annotations_of_the_paragraph_they_concern() -> None:
    g = graph_of(_with_gap())
    [note] = list(g.subjects(RDF.type, DQV.QualityAnnotation))
    assert str(note) == f"{MAIN_80_1}#quality_1"
    assert g.value(note, OA.hasTarget) == URIRef(f"{MAIN_80_1}#para_2")
    assert g.value(note, OA.motivatedBy) == DQV.qualityAssessment
    assert g.value(g.value(note, OA.hasBody), RDF.value) == Literal(
        "operative paragraph numbers jump from 2 to 4 (3 missing)", lang="en")
    assert (None, DQV.hasQualityAnnotation, note) in g
    result = validate(g, "A_RES_80_1.txt")
    assert result.conforms and result.results == [], result.report()


def test_an_annotation_without_target_or_body_text_is_refused() -> None:
    def broken(predicate: URIRef, body: bool = False) -> set[str]:
        g = graph_of(_with_gap())
        note = URIRef(f"{MAIN_80_1}#quality_1")
        _remove(g, URIRef(f"{note}_body") if body else note, predicate)
        return validate(g, "A_RES_80_1.txt").shapes()

    assert broken(OA.hasTarget) == {"QualityAnnotation"}
    assert broken(RDF.value, body=True) == {"QualityAnnotationBody"}


def test_every_kind_of_finding_has_a_label_and_a_meaning() -> None:
    assert len({c.code for c in CHECKS}) == len(CHECKS)
    assert all(c.label and c.meaning for c in CHECKS)


def test_metadata_placeholders_are_informational_listed_but_not_counted() -> None:
    """AKN4UN's `0001-01-01` and `by=""` are the source's: listed, never a document "with findings"."""
    from lod.check import Checked, Tally

    res = res_80_1()
    res.meta_warnings = ["FRBRWork date 0001-01-01 is a placeholder: read as absent"]
    [found] = findings(res)
    assert (found.code, found.severity, found.for_curator) == ("meta-placeholder", "informational", False)
    assert found.to_json()["severity"] == "informational" and "(informational)" in str(found)
    tally = Tally()
    tally.add(Checked("a.xml", "a.xml", False, findings=[found]))
    assert (tally.with_findings, tally.by_kind["meta-placeholder"]) == (0, 1)
    tally.add(Checked("b.xml", "b.xml", False, findings=[found, Finding("numbering-gap", "1 to 3", "para_1")]))
    assert tally.with_findings == 1


def test_lod_check_lists_findings_and_refusals(tmp_path: Path) -> None:
    (tmp_path / "gap.md").write_text(
        "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n",
        encoding="utf-8")
    (tmp_path / "note.json").write_text('{"title": "not a decision"}', encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(tmp_path), "--jobs", "1"])
    assert out.exit_code == 0, out.output
    assert "Numbering gap [para_1]: operative paragraph numbers jump from 1 to 3 (2 missing)" in out.output
    assert "note.json  -  refused" in out.output and "not a record of the UN decisions database" in out.output
    assert "2 documents: 1 read, 1 refused, 1 read with findings" in out.output
    # no date printed or derivable: the build could not name its work, and `lod check` says so
    assert "Not publishable: gap.md: no date, and none can be derived for its work IRI" in out.output
    lines = CliRunner().invoke(main, ["check", str(tmp_path), "--json", "--jobs", "1"]).output.splitlines()
    assert [json.loads(line)["refused"] for line in lines] == [False, True]


def test_lod_check_says_when_the_build_would_not_publish_what_was_read() -> None:
    """A model the shapes refuse (one eId for two parts, as six real documents had been read)
    was "ok" for `lod check` while `lod build` left the document out: now `lod check` says why."""
    from lod.check import unpublishable

    res = draft_004()
    assert unpublishable(res) == []
    res.operative[1].eid = res.operative[0].eid
    found = unpublishable(res)
    assert found and {f.code for f in found} == {"invalid"}
    assert any("UniqueEid" in f.message for f in found)


def test_the_build_report_carries_the_findings(tmp_path: Path) -> None:
    from lod.publish import build

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "gap.md").write_text(
        "---\nsymbol: A/RES/99/1\ndate: 2044-01-01\n---\nThe General Assembly,\n\n*Recalling* its resolution 70/1,\n\n"
        "1. *Decides* to act;\n\n3. *Requests* a report.\n", encoding="utf-8")
    report = build(corpus, tmp_path / "out", jobs=1)
    [doc] = report.documents
    assert doc.status == "published"
    assert doc.findings == [{"code": "numbering-gap", "location": "para_1", "severity": "curator",
                             "message": "operative paragraph numbers jump from 1 to 3 (2 missing)"}]
    saved = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert saved["documents"][0]["findings"] == doc.findings


def test_the_html_page_shows_curator_notes() -> None:
    from lod.describe.page import work_page

    g = Graph()
    for t in graph_of(_with_gap()):
        g.add(t)
    work = MAIN_80_1.removesuffix("/!main")
    page = work_page(g, work, BASE)
    assert [(n.kind, n.anchor, n.message) for n in page.curator_notes] == [
        ("Numbering gap", "para_2", "operative paragraph numbers jump from 2 to 4 (3 missing)")]
    assert not any(p.eid.startswith("quality") for p in page.other)


def test_phrases_of_the_older_texts_and_the_councils_drafts_are_in_the_lexicon() -> None:
    """Phrases the UN prints that the lexicon lacked: the scans' "Indignant at …", session 76's
    "Applauds" (A/RES/76/16), the British spelling of a Security Council penholder ("Recognises")."""
    assert all(in_lexicon(p) for p in ("Indignant", "Strongly supportive", "Applauds", "Recognises", "Elects", "Thanks", "Heartened"))


def test_an_operative_phrase_of_the_third_committee_s_drafts_is_in_the_lexicon() -> None:
    """"Raises awareness of the fact that …" (A/C.3/80/L.17) was a verb not in the lexicon, "Promotes the use of …"
    (A/C.2/80/L.21) read as a misspelt "Proposes"."""
    from lod.quality import in_lexicon, lexicon_concept

    assert in_lexicon("Raises") and in_lexicon("Raises awareness of") and lexicon_concept("Raises") == "raises"
    assert not in_lexicon("Raised")
    assert in_lexicon("Promotes") and lexicon_concept("Promotes the use of digital technologies") == "promotes"  # A/C.2/80/L.21


def test_a_preambular_phrase_of_the_second_committee_s_drafts_is_in_the_lexicon() -> None:
    """"Striving to adopt an integrated approach to wildland fire management …" (A/C.2/80/L.22)."""
    from lod.quality import in_lexicon, lexicon_concept

    assert in_lexicon("Striving") and lexicon_concept("Striving to adopt an integrated approach") == "striving"


def test_a_preambular_phrase_of_an_anniversary_is_in_the_lexicon() -> None:
    """"Commemorating the fact that 2023 marks the seventy-fifth anniversary of the adoption of the Universal
    Declaration of Human Rights …" (A/RES/78/215) was a verb not in the lexicon."""
    from lod.quality import in_lexicon, lexicon_concept

    assert in_lexicon("Commemorating") and lexicon_concept("Commemorating the fact that 2023 marks") == "commemorating"
    assert not in_lexicon("Commemorated")


def test_phrases_of_praise_and_striving_in_both_parts_are_in_the_lexicon() -> None:
    """"Praising the Government of Japan for conducting … the Fourteenth Congress" (A/RES/78/223) and "37. Strives to
    help landlocked developing countries …" (A/C.2/80/L.49) were verbs not in the lexicon; the participles of the
    scheme's "Applauds", "Salutes", "Insists", "Denounces" are the preamble's forms of them."""
    from lod.quality import in_lexicon, lexicon_concept

    assert lexicon_concept("Praising the Government of Japan") == "praising" and lexicon_concept("Praises the work") == "praises"
    assert lexicon_concept("Strives to help landlocked developing countries") == "strives"
    assert [lexicon_concept(p) for p in ("Applauding", "Saluting", "Insisting", "Denouncing")] == [
        "applauding", "saluting", "insisting", "denouncing"]
    assert not in_lexicon("Praised")

