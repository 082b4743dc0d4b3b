"""Reusing the previous build's descriptions without reading their inputs again.

The describe workers know whether a description can be reused only after reading its graph's
run files, its slice of the link records and the labels of every IRI it names, and hashing the
result (lod.describe.build's input digest): about 1 ms per description, 45 s of CPU for the
≈ 45,000 descriptions of a 10,000-document build in which one document changed. The main
process knows cheaper facts that decide the same thing:

* the sha256 of each run file of a work's graph (recorded in its build cache entry);
* the sha256 of each key's slice of the merged link records (taken while they are indexed);
* whether the label table as a whole is the previous build's (one digest over it);
* the version of the describe code and templates, the base, the task's kind and IRI.

A description's *reuse key* is the digest of the first two, the last, and nothing else; the
label digest is the same for every description and is kept once, in the table's header. When
the label table and a description's reuse key are those of the previous build, its input
digest is the previous one too (the named IRIs are a function of the lines, the labels a
function of the table), so its files are taken over, hard-linked, from the previous output
without a worker. When any label changed, every description goes to the workers, which check
its full input digest as before: slower, never wrong.

The table (`descriptions.tsv` in the build cache, lod.output.cache_root) is tied to the output
it describes by the sha256 of that output's inputs.tsv: a table left by another build (an
output rebuilt without the cache, a failed build) is not used.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lod import output

MEMO = "descriptions.tsv"
"""The table's file name in the build cache."""
HEADER = "#"


def reuse_key(version: str, base: str, kind: str, iri: str, runs: Iterable[str | None], links: str | None) -> str | None:
    """The key of a description from the digests of its graph's runs and of its link slice;
    None when a run's digest is unknown (its description is then always made by a worker)."""
    digests = list(runs)
    if any(d is None for d in digests):
        return None
    text = "\n".join([version, base, kind, iri, *sorted(digests), links or "-"])  # type: ignore[list-item]
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def labels_digest(labels: Mapping[str, list[str]]) -> str:
    """One digest of the whole label table (subjects in order, each with its lines in order)."""
    digest = hashlib.sha256()
    for subject in sorted(labels):
        digest.update(subject.encode("utf-8") + b"\t" + "\n".join(labels[subject]).encode("utf-8") + b"\0")
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


@dataclass
class ReuseTable:
    """iri → reuse key of the previous build's descriptions, if they may be reused at all."""

    keys: dict[str, str] = field(default_factory=dict)
    labels: str = ""

    @classmethod
    def read(cls, path: Path | None, previous_out: Path | None) -> ReuseTable:
        """The table at `path` if it describes `previous_out` (else an empty one)."""
        if path is None or previous_out is None:
            return cls()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            return cls()
        head, _, body = text.partition("\n")
        fields = head.split("\t")
        if len(fields) != 3 or fields[0] != HEADER or fields[1] != file_digest(previous_out / output.DESCRIPTION_INPUTS):
            return cls()
        keys = {}
        for line in body.splitlines():
            key, _, iri = line.partition("\t")
            keys[iri] = key
        return cls(keys, fields[2])

    def reusable(self, iri: str, key: str | None, labels: str) -> bool:
        return key is not None and labels == self.labels and self.keys.get(iri) == key

    @staticmethod
    def write(path: Path, out: Path, keys: Mapping[str, str], labels: str) -> None:
        """The table of the build written into `out` (after its inputs.tsv), replaced whole."""
        head = f"{HEADER}\t{file_digest(out / output.DESCRIPTION_INPUTS)}\t{labels}\n"
        temporary = path.with_name(f".{path.name}.new")
        temporary.write_text(head + "".join(f"{keys[iri]}\t{iri}\n" for iri in sorted(keys)), encoding="utf-8")
        os.replace(temporary, path)
