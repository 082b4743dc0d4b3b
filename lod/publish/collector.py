"""Python's cyclic garbage collector as a build wants it.

A build makes millions of short-lived containers (a model's dataclasses, rdflib's terms and
graphs, a page's Jinja context, the tuples of a description's index) and keeps few cycles. With
the interpreter's thresholds (a young collection every 700 allocations, an older one every tenth
of those) the collector ran far more often than the few cycles need: on the AKN build of
../shared/corpus/real/ga-akn (613 files, 2 workers, docs/benchmarks.md) raising the first
threshold to 50,000 took the build from 61-62 s of CPU to 52 s and the describe stage from 26 to
21 s; 200,000 gave no more, and freezing the heap the describe workers inherit (gc.freeze) gave
nothing measurable. Memory stays as it was (the build's maximum resident set 355-360 MB either
way): what the build keeps is acyclic and freed by reference counting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BUILD_THRESHOLDS = (50_000, 20, 20)
"""Allocations between young collections, and young (then middle) collections between older ones."""


@contextmanager
def build_collector() -> Iterator[None]:
    """The collector's thresholds for the length of a build (its forked workers inherit them);
    the caller's afterwards (a build may run inside a test or a server)."""
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
