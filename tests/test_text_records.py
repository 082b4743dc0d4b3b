"""JSON records holding a document's text (lod.parse.textrecords): the UN's PDFs extracted by a
pipeline (`symbol` + `text`, masthead included) and a benchmark's Security Council drafts (`ID`,
`Date`, `Title`, `Authors`, `Content`: the body only). Checked against the PDFs of the same drafts
in ../shared, and on records written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpora import ABSENT, REAL
from lod.parse import parse_file

SC_DRAFTS = REAL / "sc-drafts"
UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"


def _record(tmp_path: Path, name: str, **fields: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(fields), encoding="utf-8")
    return path


def test_a_record_of_the_printed_text_reads_as_the_text_does(tmp_path: Path) -> None:
    """The record's text is the UN's PDF text (masthead included): the model is the one the text
    file gives, whatever the record calls its fields."""
    text = (UNSEEN / "hrc_res_52_1.txt").read_text(encoding="utf-8")
    alone = parse_file(UNSEEN / "hrc_res_52_1.txt")
    for fields in ({"symbol": "A/HRC/RES/52/1", "filename": "x.pdf", "text": text, "paragraphs": {}},
                   {"Symbol": "A/HRC/RES/52/1", "full_text": text}):
        res = parse_file(_record(tmp_path, "record.json", **fields))
        assert (res.symbol, res.kind, res.title, res.adoption_date) == (alone.symbol, alone.kind, alone.title,
                                                                       alone.adoption_date)
        assert [p.text for p in res.operative] == [p.text for p in alone.operative]
        assert [(f.marker, f.text) for f in res.footnotes] == [(f.marker, f.text) for f in alone.footnotes]


def test_a_body_only_record_gets_its_masthead_from_its_fields(tmp_path: Path) -> None:
    content = ("The Security Council,\nRecalling its resolution 2719 (2023),\n"
               "1.\tDecides to extend the mandate until 31 May 2025;\n2.\tDecides to remain seized of the matter.")
    res = parse_file(_record(tmp_path, "draft.json", ID="S/2024/999", Date="3 May 2024", Title="draft resolution",
                             Authors=["Ecuador", "Japan", "Malta"], Content=content))
    assert (res.symbol, res.kind, res.body, res.date) == ("S/2024/999", "draft-resolution", "Security Council", "2024-05-03")
    assert [(s.name, s.iso3) for s in res.sponsors] == [("Ecuador", "ECU"), ("Japan", "JPN"), ("Malta", "MLT")]
    assert [p.num for p in res.operative] == ["1", "2"] and res.preamble[0].verb == "Recalling"


def test_what_a_body_only_record_gets_wrong_is_not_believed(tmp_path: Path) -> None:
    """A job number where the symbol should be; the sponsor line in the title; the Council itself
    as the author: no symbol is made up, the title's sponsors are the sponsors, the Council none."""
    content = "The Security Council,\nRecalling its resolutions,\n1.\tDecides to remain seized of the matter."
    res = parse_file(_record(tmp_path, "a.json", ID="17-08449", Date="24 May 2017",
                             Title="United States of America: draft resolution",
                             Authors="United Nations Security Council", Content=content))
    assert res.symbol is None and [s.iso3 for s in res.sponsors] == ["USA"] and res.kind == "draft-resolution"
    council = parse_file(_record(tmp_path, "b.json", ID="S/2022/501", Title="draft resolution",
                                 Authors=["The Security Council"], Content=content))
    assert council.sponsors == [] and council.kind == "draft-resolution" and council.symbol == "S/2022/501"


@pytest.mark.skipif(not SC_DRAFTS.is_dir(), reason=ABSENT)
def test_the_benchmarks_records_agree_with_the_pdfs_of_the_same_drafts() -> None:
    """34 drafts, each as the PDF and as the record: the same sponsors and operative numbering in
    every one (where the record's ID is a symbol, the same symbol). The records lose the PDF's
    italics, so the lexicon and not the italic run bounds a verb phrase: not compared."""
    records = sorted(SC_DRAFTS.rglob("*.json"))
    assert len(records) == 34
    sponsors = numbering = symbols = 0
    for record in records:
        from_record, from_pdf = parse_file(record), parse_file(record.with_suffix(".pdf"))
        sponsors += [s.name for s in from_record.sponsors] == [s.name for s in from_pdf.sponsors]
        numbering += [p.num for p in from_record.operative] == [p.num for p in from_pdf.operative]
        symbols += from_record.symbol in (None, from_pdf.symbol)
    assert (sponsors, numbering, symbols) == (34, 34, 34)
