"""Incremental builds (lod.publish.cache, lod.publish.chunks): what an earlier build made of an
unchanged document or dump chunk is reused, and the output is byte-identical to a full build's."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import lod
from lod.cli import main
from lod.describe import build as describe_stage, link_index
from lod.publish import build, descriptions
from lod import output
from lod.publish import cache
from lod.publish.cache import CONFIRMED, ENTRY, LABELS, LINKS, RUN, TURTLE, cache_root, code_fingerprint

from corpora import DEV, REPO_CORPUS, needs_shared  # noqa: E402
from trees import assert_same_tree

SEEDS = sorted(p for p in REPO_CORPUS.iterdir() if p.suffix == ".txt")
EDITED, REMOVED = "004_a62735c9b0a34126.txt", "003_5f0c7ad5381111d8.txt"
ADDED = "A_RES_80_2.md"
PRINTED_DATE = (
    "Commission on Crime Prevention and Criminal Justice resolution 26/4 of 26 May 2017",
    "General Assembly resolution 70/1 of 25 September 2015",
)
"""The edit: the edited document now prints the adoption date of a work that another document
(001) cites without a date, so that document's cited-work IRI, and so its RDF, changes."""


def _corpus(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True)
    for name in names:
        source = REPO_CORPUS / name if (REPO_CORPUS / name).exists() else DEV / name
        shutil.copy(source, folder / name)
    return folder


def _copy_build(out: Path, target: Path) -> Path:
    """A copy of a build and of the cache beside it, so each test changes its own."""
    shutil.copytree(out, target)
    shutil.copytree(cache_root(out), cache_root(target))
    return target


def _sums(out: Path) -> str:
    return (out / "SHA256SUMS").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A corpus of the four seeds and two real documents, built once with the cache."""
    if not DEV.is_dir():
        pytest.skip("needs ../shared")
    root = tmp_path_factory.mktemp("incremental")
    corpus = _corpus(root / "corpus", [p.name for p in SEEDS] + ["A_RES_80_1.txt", "A_C.6_80_L.2.txt"])
    report = build(corpus, root / "out", jobs=2, progress=False, cache=True)
    assert report.reused == 0 and len(report.published) == 6
    return corpus, root / "out"


@needs_shared
def test_an_edited_an_added_and_a_removed_document_give_the_bytes_of_a_full_build(
        first: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, out = first
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    edited = (changed / EDITED).read_text(encoding="utf-8")
    assert PRINTED_DATE[0] in edited
    (changed / EDITED).write_text(edited.replace(PRINTED_DATE[0], PRINTED_DATE[1], 1), encoding="utf-8")
    (changed / REMOVED).unlink()
    shutil.copy(DEV / ADDED, changed / ADDED)
    again = _copy_build(out, tmp_path / "out")
    build(corpus, again, jobs=2, progress=False, cache=True)  # a copied cache's groups are merged again once

    incremental = build(changed, again, jobs=2, progress=False, cache=True)
    full = build(changed, tmp_path / "full", jobs=2, progress=False, cache=False)

    # the keys of the removed document's and of the added one's link records gathered from the
    # groups (lod.describe.link_index), not every record merged; the label table changed (a new
    # title, a cited work's new IRI), yet the descriptions that hold none of the changed labels
    # are taken over by their key (lod.describe.reuse): the same bytes all the same
    described = len((again / output.DESCRIPTION_INPUTS).read_text(encoding="utf-8").splitlines())
    assert incremental.link_keys_gathered and described // 2 < incremental.descriptions_by_key < described - 2
    assert _sums(again) == _sums(tmp_path / "full")
    assert f"  {output.SYMBOLS}\n" in _sums(again)  # the descriptions are among the files compared
    assert len(incremental.published) == len(full.published) == 6
    # four documents are unchanged: three are taken whole, and 001, whose cited work got its
    # printed date from the edited document, is mapped again from its cached model, not parsed
    assert (incremental.reused, incremental.remapped) == (3, 1)
    assert (full.reused, full.remapped) == (0, 0)
    # the cache holds this build's documents only
    entries = list((cache_root(again) / "documents").iterdir())
    assert len(entries) == 6
    # a reused document's link and label records (the describe stage's inputs) are in its entry
    assert all((entry / LINKS).is_file() and (entry / LABELS).is_file() for entry in entries)


@needs_shared
def test_a_one_word_change_gives_the_files_of_a_full_build_and_reuses_the_other_descriptions(
        first: tuple[Path, Path], tmp_path: Path) -> None:
    """The change bench.incremental makes: a word added to the text of one document. Its work's
    description is made again; the others' inputs are unchanged, so they are taken over by their
    reuse key (lod.describe.reuse) without a worker reading them."""
    corpus, out = first
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    edited = changed / "A_RES_80_1.txt"
    text = edited.read_text(encoding="utf-8")
    at = text.index(" the ", len(text) // 2)
    edited.write_text(text[:at] + " the present " + text[at + len(" the "):], encoding="utf-8")
    again = _copy_build(out, tmp_path / "out")
    link_groups = cache_root(again) / "link-groups"
    build(corpus, again, jobs=2, progress=False, cache=True)  # a copied cache's groups are merged again once
    before = {p.name for p in link_groups.glob("*.run")}

    incremental = build(changed, again, jobs=2, progress=False, cache=True)
    full = build(changed, tmp_path / "full", jobs=2, progress=False, cache=False)

    assert_same_tree(again, tmp_path / "full")
    # the link records merged in groups: the edited document's groups (its cache key, which names
    # its group, changed with its bytes: the group it left and the group it joined, either of which
    # may be new or gone) and the authorities' (written anew by every build) merged again, at most
    # three runs each way; every other group's merged run taken from the cache
    after = {p.name for p in link_groups.glob("*.run")}
    assert len(after - before) <= 3 and len(before - after) <= 3 and len(before & after) >= len(before) - 3 >= 1
    assert incremental.reused == 5 and full.reused == 0
    assert full.descriptions_reused == 0
    described = len((again / output.DESCRIPTION_INPUTS).read_text(encoding="utf-8").splitlines())
    # every description but the edited work's own and the dataset's (made after the dumps)
    # and those its changed lines link to or from
    assert described - 20 < incremental.descriptions_by_key <= incremental.descriptions_reused < described - 1
    # the link records of the unchanged keys were neither merged nor indexed: the keys' digests are
    # the previous build's (lod.describe.link_index); the full build merged them all
    assert incremental.link_keys_gathered is not None and full.link_keys_gathered is None
    incremental_again = build(changed, again, jobs=2, progress=False, cache=True)  # nothing changed
    assert incremental_again.descriptions_by_key == described - 1
    assert incremental_again.link_keys_gathered == 0
    assert_same_tree(again, tmp_path / "full")


def _one_word(corpus: Path, changed: Path) -> None:
    shutil.copytree(corpus, changed)
    edited = changed / "A_RES_80_1.txt"
    text = edited.read_text(encoding="utf-8")
    at = text.index(" the ", len(text) // 2)
    edited.write_text(text[:at] + " the present " + text[at + len(" the "):], encoding="utf-8")


@needs_shared
@pytest.mark.parametrize("case", ["many to describe", "key table cut short"])
def test_the_link_records_are_merged_after_all_when_gathering_would_not_pay_or_cannot_be_trusted(
        first: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """Past GATHERED_AT_MOST descriptions to make, each gathering its records from the 257 group
    runs would cost more than one merge; a key table that is not whole is not used."""
    corpus, out = first
    _one_word(corpus, tmp_path / "corpus")
    again = _copy_build(out, tmp_path / "out")
    build(corpus, again, jobs=2, progress=False, cache=True)  # the copied cache's groups merged again once
    table = cache_root(again) / link_index.KEY_TABLE
    if case == "many to describe":
        monkeypatch.setattr(descriptions, "GATHERED_AT_MOST", 0)
    else:
        table.write_bytes(table.read_bytes()[:-3])

    incremental = build(tmp_path / "corpus", again, jobs=2, progress=False, cache=True)
    build(tmp_path / "corpus", tmp_path / "full", jobs=2, progress=False, cache=False)

    assert incremental.link_keys_gathered is None
    assert incremental.reused == 5
    assert_same_tree(again, tmp_path / "full")
    assert link_index.KeyTable.read(table) is not None  # written whole again for the next build


@needs_shared
def test_damaged_cache_entries_are_made_again_not_trusted(first: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, out = first
    again = _copy_build(out, tmp_path / "out")
    entries = sorted((cache_root(again) / "documents").iterdir())
    run = entries[0] / RUN
    run.write_bytes(run.read_bytes()[: run.stat().st_size // 2])  # truncated
    (entries[1] / ENTRY).write_text((entries[1] / ENTRY).read_text().replace('"triples": ', '"triples": 1'))
    turtle = entries[2] / TURTLE
    turtle.write_bytes(turtle.read_bytes().replace(b"unres:", b"unrez:", 1))  # same size, other bytes
    chunk = next((cache_root(again) / "chunks").iterdir())
    (chunk / "ttl").write_bytes(b"# not the chunk\n")

    report = build(corpus, again, jobs=2, progress=False, cache=True)

    assert _sums(again) == _sums(out)
    assert report.reused == len(report.documents) - 3


@needs_shared
def test_cli_says_how_many_documents_were_reused_and_no_cache_reuses_none(
        first: tuple[Path, Path], tmp_path: Path) -> None:
    corpus, out = first
    again = _copy_build(out, tmp_path / "out")
    runner = CliRunner()
    cached = runner.invoke(main, ["build", str(corpus), "--out", str(again), "--jobs", "1"])
    assert cached.exit_code == 0, cached.output
    assert "6 of 6 documents reused from the build cache" in cached.output
    assert "; 0 descriptions" not in cached.output
    full = runner.invoke(main, ["build", str(corpus), "--out", str(again), "--jobs", "1", "--no-cache"])
    assert full.exit_code == 0, full.output
    assert "0 of 6 documents reused from the build cache" in full.output
    assert "; 0 descriptions taken from the previous output" in full.output  # nor the descriptions' files
    assert _sums(again) == _sums(out)
    assert json.loads((again / "report.json").read_text())["published"] == 6


@needs_shared
def test_a_new_sidecar_makes_its_document_parsed_again(first: tuple[Path, Path], tmp_path: Path) -> None:
    """The parser reads `NAME.meta.yaml` beside a document: it is part of the document's input."""
    corpus, out = first
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    (changed / f"{SEEDS[1].name}.meta.yaml").write_text("symbol: E/CN.15/2019/L.4\n", encoding="utf-8")
    again = _copy_build(out, tmp_path / "out")
    report = build(changed, again, jobs=2, progress=False, cache=True)
    assert report.reused + report.remapped == 5
    assert next(d for d in report.documents if d.source == SEEDS[1].name).symbol == "E/CN.15/2019/L.4"



@needs_shared
def test_answers_given_again_by_a_new_registry_are_recorded_in_one_table_not_in_every_entry(
        first: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document added changes the registry, so every cached entry's questions are asked again;
    those answered as before are recorded once (cache.CONFIRMED), where every entry.json had been
    written again, and the next build takes them without asking."""
    corpus, out = first
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    shutil.copy(DEV / ADDED, changed / ADDED)
    again = _copy_build(out, tmp_path / "out")
    entries = {p.name: (p / ENTRY).read_bytes() for p in (cache_root(again) / "documents").iterdir()}

    added = build(changed, again, jobs=2, progress=False, cache=True)

    assert added.reused == len(entries) == 6
    assert all((cache_root(again) / "documents" / key / ENTRY).read_bytes() == body for key, body in entries.items())
    confirmed = (cache_root(again) / CONFIRMED).read_text(encoding="ascii").splitlines()
    assert sorted(line.split("\t")[0] for line in confirmed) == sorted(entries)
    assert len({line.split("\t")[1] for line in confirmed}) == 1  # this build's registry
    asked: list[object] = []
    monkeypatch.setattr(cache.Answers, "digest", lambda self, questions: asked.append(questions) or "")
    sums = _sums(again)
    for _ in range(2):  # and the build after it: the table carries them on
        unchanged = build(changed, again, jobs=2, progress=False, cache=True)
        assert unchanged.reused == 7 and asked == []
        assert _sums(again) == sums

@needs_shared
def test_another_version_of_a_library_takes_nothing_from_the_cache(
        first: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A serializer, parser or SHACL engine of another version may make other bytes of the same
    input: documents, dump chunks and descriptions are all made again, to the same output."""
    corpus, out = first
    again = _copy_build(out, tmp_path / "out")
    chunks = cache_root(again) / "chunks"
    earlier = {p.name for p in chunks.iterdir()}
    assert earlier and lod.dependency_versions()  # lod is installed: its metadata names its libraries
    monkeypatch.setattr(lod, "dependency_versions", lambda: "pyoxigraph==99.0")
    code_fingerprint.cache_clear()
    describe_stage.stage_version.cache_clear()
    try:
        report = build(corpus, again, jobs=2, progress=False, cache=True)
    finally:
        monkeypatch.undo()
        code_fingerprint.cache_clear()
        describe_stage.stage_version.cache_clear()
    assert (report.reused, report.remapped, report.descriptions_reused) == (0, 0, 0)
    assert not earlier & {p.name for p in chunks.iterdir()}  # every chunk made again (and the old ones pruned)
    # every file the same but the digests of the descriptions' inputs, the version among them
    assert _sums_but(again, output.DESCRIPTION_INPUTS) == _sums_but(out, output.DESCRIPTION_INPUTS)
    assert _sums(again) != _sums(out)


def _sums_but(out: Path, name: str) -> list[str]:
    return [line for line in _sums(out).splitlines() if not line.endswith(f"  {name}")]


@needs_shared
def test_a_bounded_description_counts_what_it_leaves_out_after_an_older_document_is_removed(
        first: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A description keeps the newest MOST_PER_PROPERTY lines of other documents per property and
    its page says how many older ones it leaves out: a change among the older ones changes the
    page, so the description is made again, not taken over."""
    corpus, _ = first
    monkeypatch.setattr(link_index, "MOST_PER_PROPERTY", 1)
    again = tmp_path / "out"
    build(corpus, again, jobs=2, progress=False, cache=True)
    bounded = [p for p in (again / output.RESOURCES).rglob("*.html.gz") if b'class="bounded"' in gzip.decompress(p.read_bytes())]
    assert bounded
    changed = tmp_path / "corpus"
    shutil.copytree(corpus, changed)
    (changed / REMOVED).unlink()

    build(changed, again, jobs=2, progress=False, cache=True)
    build(changed, tmp_path / "full", jobs=2, progress=False, cache=False)

    assert_same_tree(again, tmp_path / "full")
