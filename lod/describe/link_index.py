"""Each key's link records, as the describe workers read them: from one merged file, or from the groups.

The link records (lod.describe.incoming) of a build are what other documents say about each
resource. A full build merges every document's records into one sorted file (`sort -m`, ≈ 800
MB at 10,000 documents) and indexes it in one pass, taking each key's sha256 on the way: that
digest is part of the key's reuse key (lod.describe.reuse). With the build cache the records
are also kept merged in groups of documents (lod.publish.groups); a one-document change then
changes one group, and the keys whose records changed are those of the lines in which its old
and new group runs differ. Every other key's digest is the previous build's, kept in a table in
the cache (`KeyTable`), so the build neither merges nor indexes the whole: the few keys whose
description is made again read their records from the group runs by binary search.

Both sources give the same lines and the same digests for the same records (the sorted,
de-duplicated records of the key, as `sort -m -u` writes them), so a build made either way
writes the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lod.describe.incoming import Slice, index_records, read_slice
from lod.publish.groups import first_line_at_or_after
from lod.publish.runs import merge_to_file

MOST_PER_PROPERTY = 1000
"""The most link records of one property a description holds (the last in IRI order: a work's
IRI holds its date, so the newest). A hub is linked from every paragraph of every document (the
General Assembly is the proponent of 200,000 paragraphs at 10,000 documents): its description
held all of them (336,803 triples, a 30 MB page) and was made again whenever a document was
added. SPARQL and the dumps have every link; a description is what one request can use."""

KEY_END = b"\t"
"""What ends a record's key (lod.describe.incoming.records)."""
_AFTER_KEY = b"\t\xff"
"""Above every record of a key (0xff is never a byte of UTF-8): the end of its records in a sorted run."""


@dataclass
class MergedLinks:
    """The records of every key in one merged, sorted file, found by offset."""

    path: Path
    index: dict[str, Slice]
    digests: dict[str, str]

    def __iter__(self) -> Iterator[str]:
        return iter(self.index)

    def lines(self, key: str) -> list[str]:
        return read_slice(self.path, self.index.get(key))


def bounded(lines: list[str]) -> list[str]:
    """A key's N-Triples lines with at most MOST_PER_PROPERTY of each property (see there); the
    page of a description that left some out says how many (lod.describe.page.ResourcePage)."""
    by_property: dict[str, list[str]] = {}
    for line in lines:
        by_property.setdefault(line.split(" ", 2)[1], []).append(line)
    if all(len(found) <= MOST_PER_PROPERTY for found in by_property.values()):
        return lines
    return [line for found in by_property.values()
            for line in (sorted(found)[-MOST_PER_PROPERTY:] if len(found) > MOST_PER_PROPERTY else found)]


def merge_links(runs: Sequence[Path], target: Path, scratch: Path, fan_in: int | None = None) -> MergedLinks:
    """Merge the record `runs` into `target` (`fan_in` at once) and index it, digests taken."""
    merge_to_file(runs, target, scratch, fan_in)
    digests: dict[str, str] = {}
    return MergedLinks(target, index_records(target, digests), digests)


@dataclass
class GroupedLinks:
    """The records of every key spread over sorted group runs, gathered per key when asked."""

    runs: Sequence[Path]
    digests: dict[str, str]
    """key → sha256 of its records (every key that has any)."""
    _maps: list[mmap.mmap | bytes] | None = field(default=None, repr=False)

    def __iter__(self) -> Iterator[str]:
        return iter(self.digests)

    def lines(self, key: str) -> list[str]:
        return [r.decode("utf-8").split("\t", 1)[1] for r in self.records(key)]

    def records(self, key: str) -> list[bytes]:
        """The key's records (without their line feeds), sorted and de-duplicated."""
        if self._maps is None:  # opened in the process that reads (a forked worker opens its own)
            self._maps = [_mapped(run) for run in self.runs]
        return gather(self._maps, key.encode("utf-8"))


def gather(maps: Iterable[mmap.mmap | bytes], key: bytes) -> list[bytes]:
    """The sorted, de-duplicated records of `key` in sorted record runs `maps`."""
    found: set[bytes] = set()
    for data in maps:
        start = first_line_at_or_after(data, key + KEY_END)
        end = first_line_at_or_after(data, key + _AFTER_KEY, start)
        if start < end:
            found.update(data[start:end].rstrip(b"\n").split(b"\n"))
    return sorted(found)


def records_digest(records: Sequence[bytes]) -> str:
    """What lod.describe.incoming.index_records takes of a key's records in the merged file."""
    digest = hashlib.sha256()
    for record in records:
        digest.update(record + b"\n")
    return digest.hexdigest()


def _mapped(run: Path) -> mmap.mmap | bytes:
    with open(run, "rb") as f:
        if not os.fstat(f.fileno()).st_size:
            return b""
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


KEY_TABLE = "link-keys.tsv"
"""In the cache root: the digest of every key's link records, and the group runs they were taken from."""


@dataclass
class KeyTable:
    """key → sha256 of its link records, as of the link groups `groups` (name → digest)."""

    groups: dict[str, str]
    digests: dict[str, str]

    @classmethod
    def read(cls, path: Path) -> KeyTable | None:
        """The table at `path`, or None when there is none or it is not whole."""
        try:
            text = path.read_text(encoding="utf-8")
            head, _, body = text.partition("\n")
            groups = json.loads(head)
            if not isinstance(groups, dict) or not body.endswith("\n.\n"):  # the last line: written whole
                return None
        except (OSError, ValueError):
            return None
        digests = {}
        for line in body[:-2].splitlines():
            digest, _, key = line.partition("\t")
            digests[key] = digest
        return cls({str(k): str(v) for k, v in groups.items()}, digests)

    @staticmethod
    def write(path: Path, groups: Mapping[str, str], digests: Mapping[str, str]) -> None:
        """Replace the table at `path` whole (a build that stops half-way leaves the old one)."""
        temporary = path.with_name(f".{path.name}.new")
        lines = "".join(f"{digests[k]}\t{k}\n" for k in sorted(digests))
        temporary.write_text(json.dumps(dict(sorted(groups.items()))) + "\n" + lines + ".\n", encoding="utf-8")
        os.replace(temporary, path)


def updated(previous: KeyTable, runs: Sequence[Path], changed: Iterable[bytes]) -> GroupedLinks:
    """The records of the group `runs`, from the `previous` table's digests and the keys whose
    records `changed` (gathered again from the runs; a key with none left is dropped)."""
    links = GroupedLinks(runs, dict(previous.digests))
    for key in changed:
        name = key.decode("utf-8")
        found = links.records(name)
        if found:
            links.digests[name] = records_digest(found)
        else:
            links.digests.pop(name, None)
    return links
