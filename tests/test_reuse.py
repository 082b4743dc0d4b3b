"""The table by which a build takes over the previous build's descriptions unread (lod.describe.reuse)."""

from __future__ import annotations

from pathlib import Path

from lod import output
from lod.describe.reuse import ReuseTable, named_field, subject_digests

STATE, BODY, NEW_WORK = "http://e.org/id/state/AUT", "http://e.org/id/body/ga", "http://e.org/akn/un/x/2024-01-01/1"


def _previous(tmp_path: Path) -> tuple[Path, Path]:
    """A previous output (its inputs.tsv ties the table to it) and its table: two descriptions,
    one holding the State's and the body's labels, one the State's only."""
    out = tmp_path / "out"
    (out / output.DESCRIPTION_INPUTS).parent.mkdir(parents=True)
    (out / output.DESCRIPTION_INPUTS).write_text("d1\thttp://e.org/a\n", encoding="utf-8")
    labels = {STATE: ['<http://e.org/id/state/AUT> <http://www.w3.org/2000/01/rdf-schema#label> "Austria"@en .'],
              BODY: ['<http://e.org/id/body/ga> <http://www.w3.org/2000/01/rdf-schema#label> "General Assembly"@en .']}
    memo = tmp_path / "descriptions.tsv"
    ReuseTable.write(memo, out, {"http://e.org/a": "k1", "http://e.org/b": "k2"}, "labels-1",
                     {"http://e.org/a": named_field([STATE, BODY]), "http://e.org/b": named_field([STATE])},
                     subject_digests(labels))
    return memo, out


def test_a_description_holding_none_of_the_changed_labels_is_taken_over(tmp_path: Path) -> None:
    memo, out = _previous(tmp_path)
    table = ReuseTable.read(memo, out)
    labels = {STATE: ['<http://e.org/id/state/AUT> <http://www.w3.org/2000/01/rdf-schema#label> "Austria"@en .'],
              BODY: ['<http://e.org/id/body/ga> <http://www.w3.org/2000/01/rdf-schema#label> "the General Assembly"@en .'],
              NEW_WORK: ['<http://e.org/akn/un/x/2024-01-01/1> <http://purl.org/dc/terms/title> "New"@en .']}
    changed = table.changed_labels(subject_digests(labels))
    assert changed is not None and len(changed) == 2  # the body's label changed, the new work's is new
    assert not table.reusable("http://e.org/a", "k1", "labels-2", changed)  # holds the body's label
    assert table.reusable("http://e.org/b", "k2", "labels-2", changed)  # holds the State's only
    assert not table.reusable("http://e.org/b", "other key", "labels-2", changed)
    assert table.reusable("http://e.org/a", "k1", "labels-1", None)  # no label changed at all


def test_a_label_gone_is_a_change_and_a_table_of_another_output_is_not_used(tmp_path: Path) -> None:
    memo, out = _previous(tmp_path)
    table = ReuseTable.read(memo, out)
    changed = table.changed_labels(subject_digests({BODY: ['<http://e.org/id/body/ga> <http://www.w3.org/2000/01/rdf-schema#label> "General Assembly"@en .']}))
    assert not table.reusable("http://e.org/b", "k2", "labels-2", changed)  # the State's labels are gone
    (out / output.DESCRIPTION_INPUTS).write_text("another output\n", encoding="utf-8")
    assert ReuseTable.read(memo, out).keys == {}


def test_a_table_without_the_labels_each_description_holds_reuses_only_under_the_same_labels(tmp_path: Path) -> None:
    """A table written before this record existed: two columns, no label section."""
    memo, out = _previous(tmp_path)
    head = memo.read_text(encoding="utf-8").splitlines()[0]
    memo.write_text(f"{head}\nk1\thttp://e.org/a\n", encoding="utf-8")
    table = ReuseTable.read(memo, out)
    assert table.changed_labels({STATE: "x"}) is None
    assert table.reusable("http://e.org/a", "k1", "labels-1") and not table.reusable("http://e.org/a", "k1", "labels-2", None)
