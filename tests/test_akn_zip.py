"""dumps/akn.zip made again after a change: unchanged members are copied raw from the previous
zip (lod.publish.akn.write_akn_zip), and the zip is byte for byte the one made from scratch."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from lod import output
from lod.publish.akn import AKN_DUMP, write_akn_zip
from lod.publish.dumps import write_checksums

from corpora import REAL, needs_shared

GA_AKN = REAL / "ga-akn" / "GAresolutions-main" / "77session" / "English"


def _output(folder: Path, sources: list[Path]) -> Path:
    """An output folder holding `sources` as AKN files, with its SHA256SUMS."""
    for source in sources:
        target = folder / "akn" / "un" / "resolution" / source.stem / "eng@" / "!main.xml"
        target.parent.mkdir(parents=True)
        shutil.copy(source, target)
    write_akn_zip(folder)
    write_checksums(folder)
    return folder


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the members compressed (not copied) from now on."""
    compressed: list[str] = []
    original = zipfile.ZipFile.writestr

    def writestr(self: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes, *args: object, **kwargs: object) -> None:
        compressed.append(info.filename)
        original(self, info, data, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", writestr)
    return compressed


@needs_shared
def test_unchanged_members_are_copied_and_the_zip_is_the_one_made_from_scratch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = sorted(GA_AKN.glob("*.xml"))[:6]
    assert len(sources) == 6
    previous = _output(tmp_path / "previous", sources[:5])
    current = tmp_path / "current"
    shutil.copytree(previous, current)
    (current / output.dump(AKN_DUMP)).unlink()
    edited = next((current / "akn").rglob("*.xml"))
    edited.write_text(edited.read_text(encoding="utf-8").replace(" the ", " the present ", 1), encoding="utf-8")
    added = current / "akn" / "un" / "resolution" / sources[5].stem / "eng@" / "!main.xml"
    added.parent.mkdir(parents=True)
    shutil.copy(sources[5], added)

    compressed = _counting(monkeypatch)
    write_akn_zip(current, previous=previous)
    incremental = (current / output.dump(AKN_DUMP)).read_bytes()
    assert sorted(compressed) == sorted(str(p.relative_to(current)) for p in (edited, added))

    compressed.clear()
    write_akn_zip(current)
    assert len(compressed) == 6
    assert incremental == (current / output.dump(AKN_DUMP)).read_bytes()
    with zipfile.ZipFile(current / output.dump(AKN_DUMP)) as archive:
        assert archive.testzip() is None
        assert archive.read(str(edited.relative_to(current))) == edited.read_bytes()


@needs_shared
def test_a_zip_made_otherwise_gives_no_member(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A previous zip without this build's comment (another zlib, an older lod) is not trusted."""
    previous = _output(tmp_path / "previous", sorted(GA_AKN.glob("*.xml"))[:3])
    with zipfile.ZipFile(previous / output.dump(AKN_DUMP), "a") as archive:
        archive.comment = b"made by another tool"
    write_checksums(previous)
    current = tmp_path / "current"
    shutil.copytree(previous, current)
    compressed = _counting(monkeypatch)
    write_akn_zip(current, previous=previous)
    assert len(compressed) == 3
