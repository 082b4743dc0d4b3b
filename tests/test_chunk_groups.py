"""The dump chunks gathered from group runs by subject range (lod.publish.groups) are the bytes
that cutting the whole merged dataset gives (lod.publish.chunks.cut), and a one-document change
makes only a few chunks again."""

from __future__ import annotations

import json
import mmap
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from lod.publish import build, chunks
from lod.publish.cache import ENTRY, RUN, cache_root
from lod.publish.chunks import MANIFEST, cut, ranges
from lod.publish.groups import first_line_at_or_after, lines_between
from lod.publish.runs import merge_to_file

from corpora import DEV, REPO_CORPUS, needs_shared  # noqa: E402

NAMES = [p.name for p in sorted(REPO_CORPUS.iterdir()) if p.suffix == ".txt"] + ["A_RES_80_1.txt", "A_C.6_80_L.2.txt"]


@pytest.fixture(scope="module", autouse=True)
def small_chunks() -> Iterator[None]:
    """Chunks of 8 subjects on average instead of 1,024, so that six documents make many
    (every build of this module, full or incremental, cuts at the same subjects)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chunks, "CHUNK_BITS", 3)
        yield


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not DEV.is_dir():
        pytest.skip("needs ../shared")
    root = tmp_path_factory.mktemp("groups")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in NAMES:
        shutil.copy(REPO_CORPUS / name if (REPO_CORPUS / name).exists() else DEV / name, corpus / name)
    build(corpus, root / "out", jobs=1, progress=False, cache=True)
    return corpus, root / "out"


def test_first_line_at_or_after_finds_the_first_line_not_below_the_key() -> None:
    data = b"<a> p o .\n<b> p o .\n<b> q o .\n<c> p o .\n"
    assert first_line_at_or_after(data, b"<a> ") == 0
    assert first_line_at_or_after(data, b"<b> ") == data.index(b"<b>")
    assert first_line_at_or_after(data, b"<bb> ") == data.index(b"<c>")
    assert first_line_at_or_after(data, b"<d> ") == len(data)


def test_lines_that_move_from_one_group_to_another_are_no_change(tmp_path: Path) -> None:
    """A changed document leaves its old group for a new one (its cache key, which names the
    group, changed): only the lines it really changed name changed subjects."""
    from lod.publish.groups import Manifest, RunGroups

    cache, store = tmp_path / "cache", tmp_path / "store"
    old_a, same_b, new_c = _run(cache / "aa0", b"<a> p o .\n<d> p o .\n"), _run(cache / "bb0", b"<b> p o .\n"), \
        _run(cache / "cc0", b"<a> p o .\n<d> p CHANGED .\n")
    before = RunGroups(store, cache)
    before.merge([old_a, same_b], tmp_path)
    now = RunGroups(store, cache)
    now.merge([same_b, new_c], tmp_path)
    assert sorted(now.digests) == ["bb", "cc"] and now.digests["bb"] == before.digests["bb"]
    assert now.changed_subjects(Manifest(dict(before.digests)), at_least=8) == {b"<d>"}  # <a> moved: no change


def _run(folder: Path, data: bytes) -> Path:
    folder.mkdir(parents=True)
    (folder / "run.nt").write_bytes(data)
    return folder / "run.nt"


@needs_shared
def test_every_range_gathered_from_the_runs_is_the_cut_of_the_merged_file(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = built
    entries = sorted((cache_root(out) / "documents").iterdir())
    runs = [e / RUN for e in entries]
    boundaries = {b for e in entries for b in json.loads((e / ENTRY).read_text())["body"]["boundaries"]}
    assert boundaries, "the corpus is big enough to be cut"
    merged = tmp_path / "lod.nt"
    merge_to_file(runs, merged, tmp_path)
    pieces = list(cut(merged, boundaries))
    every = ranges(boundaries)  # the first is left out when the file's first subject is a boundary
    assert len(pieces) in (len(every), len(every) - 1) and len(pieces) > 20
    assert [(lo, hi) for lo, hi, _ in pieces] == every[-len(pieces):]
    with open(merged, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as whole:
        assert b"".join(data for _, _, data in pieces) == whole[:]
    maps = [r.read_bytes() for r in runs]
    for lower, upper, data in pieces:
        gathered = lines_between(maps, None if lower is None else lower.encode(), None if upper is None else upper.encode())
        assert gathered == data


@needs_shared
def test_a_one_document_change_makes_few_chunks_and_the_bytes_of_a_full_build(built: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, out = built
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    edited = changed / NAMES[-1]
    text = edited.read_text(encoding="utf-8")
    at = text.index(" the ", len(text) // 2)
    edited.write_text(text[:at] + " the present " + text[at + 5:], encoding="utf-8")
    store = cache_root(out) / "chunks"
    before = {p.name for p in store.iterdir()}

    build(changed, out, jobs=1, progress=False, cache=True)
    full = build(changed, tmp_path / "full", jobs=1, progress=False, cache=False)

    assert (out / "SHA256SUMS").read_text() == (tmp_path / "full" / "SHA256SUMS").read_text()
    after = {p.name for p in store.iterdir() if (p / MANIFEST).exists()}
    made = after - before
    assert 0 < len(made) < len(after) / 2, (len(made), len(after))
    assert full.published and len(full.published) == len(NAMES)
