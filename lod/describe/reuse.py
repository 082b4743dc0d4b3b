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
without a worker. When some labels changed (a document added brings its title and symbol), a
description whose key is the same is still taken over when none of the IRIs whose labels it
holds is among them: the table keeps, per description, those IRIs (hashed: the worker that
made it listed them) and, per label subject, a digest of its lines. Any other description goes
to the workers, which check its full input digest as before: slower, never wrong.

The table (`descriptions.tsv` in the build cache, lod.output.cache_root) is tied to the output
it describes by the sha256 of that output's inputs.tsv: a table left by another build (an
output rebuilt without the cache, a failed build) is not used.
"""

from __future__ import annotations

import hashlib
import os
import zlib
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


def labels_digest(digests: Mapping[str, str]) -> str:
    """One digest of the whole label table, from its subjects' digests (`subject_digests`)."""
    return hashlib.sha256("".join(f"{s}\t{d}\n" for s, d in sorted(digests.items())).encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def subject_digests(labels: Mapping[str, list[str]]) -> dict[str, str]:
    """subject → the digest of its label lines, in order (which labels changed since the previous
    build; `labels_digest` is made of them)."""
    return {subject: hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:32] for subject, lines in labels.items()}


def named_hash(iri: str) -> int:
    """A short hash of an IRI whose labels a description holds (a collision only makes a
    description again that could have been taken over)."""
    return zlib.crc32(iri.encode("utf-8"))


def named_field(iris: Iterable[str]) -> str:
    """How the table writes the IRIs whose labels a description holds: their hashes, in hex."""
    return ",".join(sorted({format(named_hash(iri), "x") for iri in iris}))


LABELS_SECTION = "#labels"


@dataclass
class ReuseTable:
    """iri → reuse key of the previous build's descriptions, if they may be reused at all; and,
    so that a change of some labels (a document added: its title, its symbol) does not send every
    description to the workers, the IRIs whose labels each description holds and every label
    subject's digest."""

    keys: dict[str, str] = field(default_factory=dict)
    labels: str = ""
    named: dict[str, str] = field(default_factory=dict)
    """iri → `named_field` of the IRIs whose labels its description holds."""
    label_digests: dict[str, str] = field(default_factory=dict)

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
        entries, _, label_lines = body.partition(f"{LABELS_SECTION}\n")
        keys, named = {}, {}
        for line in entries.splitlines():
            key, _, rest = line.partition("\t")
            iri, _, hashes = rest.partition("\t")
            keys[iri] = key
            named[iri] = hashes
        label_digests = {}
        for line in label_lines.splitlines():
            digest, _, subject = line.partition("\t")
            label_digests[subject] = digest
        return cls(keys, fields[2], named, label_digests)

    def changed_labels(self, digests: Mapping[str, str]) -> frozenset[int] | None:
        """The hashes of the subjects whose labels differ between this table and `digests` (one
        that has labels in only one of them included); None when this table has none."""
        if not self.label_digests:
            return None
        before = self.label_digests
        changed = {s for s, d in digests.items() if before.get(s) != d} | {s for s in before if s not in digests}
        return frozenset(named_hash(s) for s in changed)

    def reusable(self, iri: str, key: str | None, labels: str, changed: frozenset[int] | None = None) -> bool:
        """Whether the previous description of `iri` is this build's: its key is the same and
        either no label changed or none of those it holds (`changed`: ReuseTable.changed_labels)."""
        if key is None or self.keys.get(iri) != key:
            return False
        if labels == self.labels:
            return True
        held = self.named.get(iri)
        if changed is None or not held:
            return False  # a table of before this record (or a description naming nothing): made again
        return changed.isdisjoint(int(h, 16) for h in held.split(","))

    @staticmethod
    def write(path: Path, out: Path, keys: Mapping[str, str], labels: str, named: Mapping[str, str] | None = None,
              label_digests: Mapping[str, str] | None = None) -> None:
        """The table of the build written into `out` (after its inputs.tsv), replaced whole."""
        held = named or {}
        head = f"{HEADER}\t{file_digest(out / output.DESCRIPTION_INPUTS)}\t{labels}\n"
        temporary = path.with_name(f".{path.name}.new")
        with open(temporary, "w", encoding="utf-8") as f:
            f.write(head)
            f.writelines(f"{keys[iri]}\t{iri}\t{held.get(iri, '')}\n" for iri in sorted(keys))
            f.write(f"{LABELS_SECTION}\n")
            f.writelines(f"{d}\t{s}\n" for s, d in sorted((label_digests or {}).items()))
        os.replace(temporary, path)
