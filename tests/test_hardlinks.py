"""Placing a document's files in the output (lod.publish.hardlinks, lod.publish.akn.place_manifestation)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lod.publish.akn import place_manifestation
from lod.publish.hardlinks import BATCH, link_all
from lod.publish.report import DocumentOutcome


def test_files_are_linked_into_folders_made_on_the_way(tmp_path: Path) -> None:
    sources = []
    for n in range(BATCH * 2 + 3):  # batches in threads
        source = tmp_path / "cache" / f"{n}.xml"
        source.parent.mkdir(exist_ok=True)
        source.write_text(str(n), encoding="utf-8")
        sources.append(source)
    pairs = [(str(s), f"{tmp_path}/out/akn/un/{n % 7}/{n}/eng@/!main.xml") for n, s in enumerate(sources)]
    link_all(pairs)
    for source, target in pairs:
        assert os.stat(source).st_ino == os.stat(target).st_ino  # the cache's file, not a copy


def test_a_link_that_cannot_be_made_fails_the_placing(tmp_path: Path) -> None:
    source = tmp_path / "a"
    source.write_text("x", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "taken").write_text("y", encoding="utf-8")
    pairs = [(str(source), f"{tmp_path}/out/{n}") for n in range(BATCH * 2)] + [(str(source), f"{tmp_path}/out/taken")]
    with pytest.raises(FileExistsError):
        link_all(pairs)


def test_the_first_file_of_an_expression_keeps_its_place() -> None:
    placed: set[str] = set()
    first, second = DocumentOutcome("a.xml", "published"), DocumentOutcome("b.docx", "published")
    path = "akn/un/statement/deliberation/un-ga/2022-12-07/77-106/eng@/!main.xml"
    assert place_manifestation(path, first, placed) and first.akn == path
    assert not place_manifestation(path, second, placed) and not second.akn
    assert any("already written from another file of the same expression" in w for w in second.warnings)
