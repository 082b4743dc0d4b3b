"""Inputs that are not resolutions fail with ParseError naming the file, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from lod.parse import ParseError, parse_file, parse_text

from corpora import CORPUS  # noqa: E402


def _fails(path: Path) -> ParseError:
    with pytest.raises(ParseError) as info:
        parse_file(path)
    err = info.value
    assert err.source == path.name and str(err) == f"{path.name}: {err.reason}"
    return err


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _fails(path).reason
    path.write_bytes(b"  \n\n \t\n")
    assert "empty" in _fails(path).reason


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"\x00\x01\x02 some bytes \x00\x00")
    assert "binary" in _fails(path).reason


@pytest.mark.parametrize(("name", "data", "named"), [
    ("N1730150.DOC", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "a Word 97-2003 (.doc) file"),
    ("A_RES_75_1.rtf", b"{\\rtf1\\ansi {\\i Recalling} its resolution 74/1,\\par}", "an RTF document"),
    ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "a PNG image"),
    ("scan.tif", b"II*\x00\x08\x00\x00\x00", "a TIFF image"),
])
def test_a_format_lod_does_not_read_is_named(tmp_path: Path, name: str, data: bytes, named: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    reason = _fails(path).reason
    assert reason.startswith(f"the file is {named}") and reason.endswith("save it as DOCX, PDF or text")


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "garbage.md"
    path.write_bytes(bytes(range(128, 256)) * 10)
    assert "UTF-8" in _fails(path).reason


def test_latin1_garbage_that_cp1252_decodes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([0xE9, 0xC0, 0xFF, 0xD7, 0xA9, 0xBF, 0xF1, 0xB5]) * 50)
    _fails(path)


def test_cp1252_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("The General Assembly,\n\nRecalling its résolution,\n\n1. Decides to act.\n".encode("cp1252"))
    assert parse_file(path).preamble[0].text == "Recalling its résolution,"


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("The General Assembly,\n\nRecalling its work,\n\n1. Decides to act.\n".encode("utf-16"))
    assert parse_file(path).operative[0].verb == "Decides"


def test_truncated_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes((CORPUS / "A_RES_73_8.pdf").read_bytes()[:3000])
    assert "PDF" in _fails(path).reason


def test_pdf_recognised_by_magic_bytes_not_name(tmp_path: Path) -> None:
    path = tmp_path / "resolution.txt"
    path.write_bytes((CORPUS / "A_RES_73_8.pdf").read_bytes())
    assert parse_file(path).layout == "pdf"


def test_text_that_is_not_a_resolution(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Dear colleagues,\n\nPlease find attached the minutes.\n\n1. Item one\n\nRegards", encoding="utf-8")
    assert "opening formula" in _fails(path).reason


def test_formula_without_paragraphs() -> None:
    with pytest.raises(ParseError) as info:
        parse_text("The General Assembly,\n", source="bare.txt")
    assert info.value.source == "bare.txt"


def test_missing_file(tmp_path: Path) -> None:
    _fails(tmp_path / "nowhere.txt")
