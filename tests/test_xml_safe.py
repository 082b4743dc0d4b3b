"""Every published document is also AKN XML: characters XML cannot carry never reach it.

PDFium reports a hyphen it found at a line end as U+FFFE (a noncharacter); five Security Council
draft PDFs in ../shared have them ("Secretary\ufffeGeneral"), and each used to stop the whole
build in the AKN writer. Stray control characters in other inputs are the same class.
"""

from __future__ import annotations

from pathlib import Path

from corpora import REAL, needs_shared
from lod.akn import akn_document, akn_errors
from lod.parse import parse_file
from lod.rdf import WorkRegistry
from lod.uri import DEFAULT_BASE

SC_DRAFT = REAL / "sc-drafts" / "task2" / "2268" / "S_2019_266-EN.pdf"


def _written(path: Path) -> tuple[str, bytes]:
    res = parse_file(path)
    registry = WorkRegistry(base=DEFAULT_BASE)
    registry.add(res)
    text = " ".join(p.text for p in res.operative)
    return text, akn_document(res, registry, DEFAULT_BASE)


@needs_shared
def test_a_pdf_hyphen_marker_is_read_as_the_hyphen_it_stands_for() -> None:
    text, xml = _written(SC_DRAFT)
    assert "\ufffe" not in text
    assert "Secretary-General" in text
    assert akn_errors(xml, SC_DRAFT.name) == []


def test_control_characters_of_a_text_do_not_stop_its_akn_file(tmp_path: Path) -> None:
    source = tmp_path / "A_RES_80_900.txt"
    source.write_text(
        "United Nations A/RES/80/900\nGeneral Assembly\n\n"
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "80/900. A test of stray characters\n\nThe General Assembly,\n\n"
        "Recalling its resolution 79/1 of 1 October 2024,\n\n"
        "1. Requests the Secretary-General to report on the\x02 matter;\n",
        encoding="utf-8",
    )
    text, xml = _written(source)
    assert "\x02" not in text and "report on the" in text
    assert akn_errors(xml, source.name) == []
