"""Comparing two build outputs file by file (what "byte-identical to a full build" means)."""

from __future__ import annotations

import filecmp
from pathlib import Path


def files(root: Path) -> list[str]:
    """Every file under `root`, relative, sorted."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def assert_same_tree(a: Path, b: Path) -> None:
    """`a` and `b` hold the same files with the same bytes; the failure names what differs."""
    left, right = files(a), files(b)
    only_a, only_b = sorted(set(left) - set(right)), sorted(set(right) - set(left))
    assert not only_a and not only_b, f"only in {a}: {only_a[:10]}; only in {b}: {only_b[:10]}"
    differ = [name for name in left if not filecmp.cmp(a / name, b / name, shallow=False)]
    assert not differ, f"{len(differ)} of {len(left)} files differ between {a} and {b}: {differ[:10]}"
