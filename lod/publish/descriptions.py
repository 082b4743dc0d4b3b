"""The build's describe stage, as the pipeline calls it (the work itself is lod.describe.build).

Map workers call `write_link_records` beside each document's run file; after the map pass the
pipeline calls `DescriptionStage.describe(parts, …)`, which merges the records, forks the
describe workers (they inherit the merged inputs) and writes every description, the symbol
table and the input digests; `describe_dataset(void)` adds the dataset's own description once
void.ttl exists. `checksums` are the sha256 of every file written, for SHA256SUMS.
"""

from __future__ import annotations

import multiprocessing.context
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from lod import output
from lod.describe import build as stage
from lod.describe.incoming import Owners, records, write_records
from lod.describe import symbol_table
from lod.describe import link_index  # a module, not its names: lod.describe.build imports lod.publish
from lod.publish.describe import dataset_iri
from lod.publish.dumps import DocumentPart
from lod.publish.groups import Manifest, RunGroups
from lod.publish import runs as sorted_runs
from lod.publish.limits import exit_with_parent

_OWNERS: dict[str, Owners] = {}


def write_link_records(links: Path, labels: Path, lines: Sequence[str], own: str | None, base: str) -> None:
    """A document's link and label records (lod.describe.incoming), next to its run file."""
    owners = _OWNERS.get(base)
    if owners is None or len(owners) > 200_000:  # one table per worker, bounded
        owners = _OWNERS[base] = Owners.on(base)
    link_items, label_items = records(lines, own, owners)
    write_records(links, link_items)
    write_records(labels, label_items)


@dataclass
class DescriptionStage:
    """Every description of one build, written into `out` (the staging directory)."""

    out: Path
    scratch: Path
    base: str
    previous: Path | None = None
    """The output of the previous build, whose unchanged descriptions are reused."""
    memo: Path | None = None
    """The table of reuse keys in the build cache (lod.describe.reuse): read from the previous
    build, written for the next; None without the cache."""
    link_groups: RunGroups | None = None
    """With the cache: the link records merged in groups kept there (lod.publish.groups), so that
    a one-document change merges one group again, not the records of every document."""
    checksums: dict[str, str] = field(default_factory=dict)
    cpu_seconds: float = 0.0
    """CPU seconds the describe workers spent (summed over processes)."""
    join_seconds: float = 0.0
    """Seconds the main process spent merging and indexing the records."""
    reused: int = 0
    """Descriptions taken over from `previous` unchanged."""
    by_key: int = 0
    """Of those, the ones taken by their reuse key in the main process (lod.describe.reuse)."""
    described: list[stage.Described] = field(default_factory=list)
    gathered: int | None = None
    """Keys whose link records changed, gathered from the groups (None: every record merged)."""

    def describe(self, parts: Sequence[DocumentPart], jobs: int, context: multiprocessing.context.BaseContext) -> None:
        owners = Owners.on(self.base)
        runs = [p.path for p in parts]
        link_runs = [r.with_suffix(".links") for r in runs if r.with_suffix(".links").is_file()]
        label_runs = [r.with_suffix(".labels") for r in runs if r.with_suffix(".labels").is_file()]
        started = time.perf_counter()
        fan_in = None  # lod.publish.runs.FAN_IN: no command line grows with the corpus
        grouped = None
        if self.link_groups is not None:
            self.link_groups.merge(link_runs, self.scratch)
            link_runs = list(self.link_groups.runs.values())
            fan_in = max(sorted_runs.FAN_IN, len(link_runs))  # the 256 groups and the authorities' run in one pass, not two
            grouped = self._grouped(link_runs)
        links, labels = stage.prepare(self.out, self.scratch, self.base, link_runs, label_runs, self.previous,
                                      self.memo, fan_in=fan_in, grouped=grouped)
        works: dict[str, list[Path]] = defaultdict(list)
        for part in parts:
            if part.slug != output.AUTHORITIES:
                works[owners(part.graph)].append(part.path)
        todo = []
        found = stage.tasks(works, links, self.base, digests={p.path: p.digest for p in parts})
        batches = [found[i:i + TAKE_OVER_BATCH] for i in range(0, len(found), TAKE_OVER_BATCH)]
        with ThreadPoolExecutor(LINKERS) as linkers:  # in order: the batches are given back as listed
            for batch in linkers.map(_take_over, batches):
                for task, taken in batch:
                    if taken is None:
                        todo.append(task)
                    else:
                        self._collect([taken])
                        self.by_key += 1
        if grouped is not None and len(todo) > GATHERED_AT_MOST:
            stage.use_merged(link_runs, self.scratch, fan_in)
            self.gathered = None
        if self.link_groups is not None:
            link_index.KeyTable.write(self.link_groups.cache / link_index.KEY_TABLE, self.link_groups.digests, links.digests)
        self.join_seconds = time.perf_counter() - started
        if jobs > 1 and len(todo) > 1:
            # forked after `prepare` (they inherit the merged records and the labels); like every
            # build worker, they end with the build (lod.publish.limits.exit_with_parent)
            with ProcessPoolExecutor(jobs, mp_context=context, initializer=exit_with_parent) as pool:
                self._collect(stage.run(todo, pool))
        else:
            self._collect(stage.run(todo, None))
        symbol_table.write_symbols(self.out, symbol_table.symbols(labels, works))

    def _grouped(self, runs: Sequence[Path]) -> link_index.GroupedLinks | None:
        """The link records as the cache's groups hold them, when the previous build's key table
        says what the unchanged groups hold and its descriptions may be reused; else None."""
        assert self.link_groups is not None
        table = link_index.KeyTable.read(self.link_groups.cache / link_index.KEY_TABLE)
        if table is None or self.previous is None or self.memo is None:
            return None
        changed = self.link_groups.changed_subjects(Manifest(table.groups), link_index.KEY_END, at_least=FEW_GROUPS)
        if changed is None:
            return None
        self.gathered = len(changed)
        return link_index.updated(table, runs, changed)

    def describe_dataset(self, void: Graph) -> list[str]:
        """The dataset's description: its VoID + DCAT graph (written after the dumps it counts).
        The files it writes (relative to the output), the last of the build."""
        iri = str(dataset_iri(self.base))
        lines = sorted(set(void.serialize(format="nt", encoding="utf-8").splitlines()))  # rdflib's order varies
        triples = list(ox.parse(b"\n".join(lines) + b"\n", format=ox.RdfFormat.N_TRIPLES))
        described = stage.describe_triples(iri, triples)
        self._collect([described])
        stage.write_digests(self.out, self.described)
        if self.memo is not None:
            stage.write_memo(self.memo, self.out, self.described)
        return [*described.files, output.DESCRIPTION_INPUTS]

    def _collect(self, results: Sequence[stage.Described]) -> None:
        for result in results:
            self.described.append(result)
            self.cpu_seconds += result.cpu_seconds
            self.reused += result.reused
            self.checksums.update(result.files)


FEW_GROUPS = 8
"""Changed link groups compared line by line even when they are most of a small corpus's groups."""
GATHERED_AT_MOST = 500
"""Descriptions made again whose link records are gathered from the groups, key by key (a binary
search in each of the 257 group runs); beyond this many, the groups are merged into one file."""
LINKERS = 4
"""Threads that take over unchanged descriptions (hard links and folders: system calls, which
run without the GIL). One thread spent 4.4 s of a one-document change at 10,000 documents on them."""
TAKE_OVER_BATCH = 500


def _take_over(batch: list[stage.DescribeTask]) -> list[tuple[stage.DescribeTask, stage.Described | None]]:
    """Each task's previous description, linked in, if its inputs are unchanged (else None): no worker reads them."""
    return [(task, stage.take_over(task, stage.key_of(task))) for task in batch]
