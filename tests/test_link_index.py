"""The link records as the describe workers read them (lod.describe.link_index): gathered from the
cache's group runs, a key's records and digest are those of the one merged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from lod.describe.link_index import KeyTable, gather, merge_links, records_digest, updated

KEYS = ["http://x/a", "http://x/a/b", "http://x/aé", "http://x/a b", "http://x/b"]
"""Keys that are prefixes of one another, and one past ASCII: a key's records must not take its neighbours'."""


def _record(key: str, n: int) -> bytes:
    return f"{key}\t<http://y/{n}> <http://p> <{key}> .".encode("utf-8")


def _runs(tmp_path: Path) -> list[Path]:
    """Three sorted runs: a record in two of them (the merge keeps it once), an empty run."""
    groups = [
        [_record(k, n) for k in KEYS[:3] for n in (1, 2)],
        [_record(k, n) for k in KEYS[1:] for n in (2, 3)],
        [],
    ]
    paths = []
    for n, records in enumerate(groups):
        path = tmp_path / f"{n}.run"
        path.write_bytes(b"".join(r + b"\n" for r in sorted(records)))
        paths.append(path)
    return paths


def test_each_key_gathered_from_the_groups_is_its_slice_of_the_merged_file(tmp_path: Path) -> None:
    runs = _runs(tmp_path)
    merged = merge_links(runs, tmp_path / "links.sorted", tmp_path)
    assert sorted(merged) == sorted(KEYS)
    maps = [path.read_bytes() for path in runs]
    for key in KEYS:
        records = gather(maps, key.encode("utf-8"))
        assert [r.decode("utf-8").split("\t", 1)[1] for r in records] == merged.lines(key)
        assert records_digest(records) == merged.digests[key]
    assert len(merged.lines("http://x/a/b")) == 3  # in both runs, record 2 once
    assert gather(maps, b"http://x/c") == [] and merged.lines("http://x/c") == []


def test_a_table_updated_for_changed_keys_is_the_merged_files(tmp_path: Path) -> None:
    runs = _runs(tmp_path)
    merged = merge_links(runs, tmp_path / "links.sorted", tmp_path)
    stale = KeyTable({"0": "old"}, {**merged.digests, "http://x/a": "stale", "http://x/gone": "stale"})
    grouped = updated(stale, runs, [b"http://x/a", b"http://x/gone"])
    assert grouped.digests == merged.digests  # the changed key's digest taken again, the key without records dropped
    assert grouped.lines("http://x/aé") == merged.lines("http://x/aé")


def test_the_key_table_is_read_back_only_when_whole(tmp_path: Path) -> None:
    path = tmp_path / "link-keys.tsv"
    KeyTable.write(path, {"ab": "1", "own-authorities.links": "2"}, {"http://x/a": "d1", "http://x/aé": "d2"})
    table = KeyTable.read(path)
    assert table is not None
    assert table.groups == {"ab": "1", "own-authorities.links": "2"}
    assert table.digests == {"http://x/a": "d1", "http://x/aé": "d2"}
    path.write_bytes(path.read_bytes()[:-3])  # cut short
    assert KeyTable.read(path) is None
    path.write_text("not json\n.\n", encoding="utf-8")
    assert KeyTable.read(path) is None
    assert KeyTable.read(tmp_path / "absent.tsv") is None


@pytest.mark.parametrize("key", KEYS)
def test_a_key_found_in_one_run_only(tmp_path: Path, key: str) -> None:
    run = tmp_path / "one.run"
    run.write_bytes(b"".join(_record(k, 1) + b"\n" for k in sorted(KEYS, key=lambda k: k.encode("utf-8"))))
    assert gather([run.read_bytes()], key.encode("utf-8")) == [_record(key, 1)]


def test_a_description_holds_the_newest_links_of_a_property_up_to_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    from lod.describe import link_index

    monkeypatch.setattr(link_index, "MOST_PER_PROPERTY", 2)
    ga = "<http://e.org/id/body/ga>"
    proponent = [f"<http://e.org/akn/un/x/{year}-01-01/1/!main#para_1> <http://p/hasProponent> {ga} ." for year in (2015, 2017, 2016)]
    symbol = [f'{ga} <http://p/symbol> "GA" .']
    lines = proponent + symbol
    assert sorted(link_index.bounded(lines)) == sorted([proponent[1], proponent[2], *symbol])  # 2017 and 2016
    assert link_index.bounded(proponent[:2] + symbol) == proponent[:2] + symbol  # within the bound: as they were
