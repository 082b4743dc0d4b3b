"""SHA256SUMS lists the build's files in the order of their path parts (`Path`s' order), as
`files_under` walks them, and files written after a listing go in their place (`with_files`)."""

from __future__ import annotations

from pathlib import Path

from lod.publish.dumps import files_under, with_files, write_checksums

NAMES = ["a/x", "a.b", "a-b/c", "b", "a/y/z", "a/y.t", "A", "dumps/lod.ttl", "descriptions/inputs.tsv"]


def _tree(root: Path, names: list[str]) -> Path:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name)
    return root


def test_files_come_in_the_order_of_their_parts(tmp_path: Path) -> None:
    _tree(tmp_path, NAMES)
    expected = sorted((p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()))
    assert files_under(tmp_path) == [str(p) for p in expected]
    assert files_under(tmp_path).index("a/y/z") < files_under(tmp_path).index("a.b")  # ("a", …) < ("a.b",)


def test_files_written_after_a_listing_go_in_their_place(tmp_path: Path) -> None:
    _tree(tmp_path, NAMES[:5])
    listed = files_under(tmp_path)
    _tree(tmp_path, NAMES[5:])
    assert with_files(listed, [*NAMES[5:], "a/x"]) == files_under(tmp_path)


def test_sha256sums_of_a_known_listing_is_that_of_a_fresh_one(tmp_path: Path) -> None:
    _tree(tmp_path, NAMES)
    fresh = write_checksums(tmp_path)
    text = (tmp_path / "SHA256SUMS").read_text()
    assert write_checksums(tmp_path, known=fresh, listed=files_under(tmp_path)) == fresh
    assert (tmp_path / "SHA256SUMS").read_text() == text
