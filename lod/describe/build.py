"""The describe stage of `lod build`: every description, in every format, written once.

After the map pass the build has each document's sorted run and its link and label records
(lod.describe.incoming). This stage merges the records, then, in the build's worker
processes, makes each resource's description and writes it in every format of
lod.formats.RESOURCE_FORMATS, gzip-compressed once, where lod.output says:

* every published work: its named graph(s) + what other documents say about it or its parts +
  the labels of both ends (its page in each language its text is in);
* every other resource the data speaks of (States, bodies, treaties, groups, agenda items,
  cited-work stubs, the dataset, external concepts): what the data says about it, the links
  into it, and the labels of both ends.

A description is a function of its inputs (its graph, its records, the labels it uses, the
base): each gets a digest of them (descriptions/inputs.tsv), and a resource whose digest is
the previous build's keeps that build's files (hard-linked) instead of being made again.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote
from concurrent.futures import Executor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal as Kind

import pyoxigraph as ox

import lod
from lod import output
from lod.describe import html
from lod.describe.adoption import text_languages
from lod.describe.akn_files import akn_alternates
from lod.describe.graph import DescriptionGraph
from lod.describe.incoming import Owners, label_table
from lod.describe import link_index  # the module: it imports lod.publish, which imports this module
from lod.describe.page import resource_page, work_page
from lod.describe.jsonld import jsonld_document
from lod.describe.reuse import ReuseTable, labels_digest, named_field, reuse_key, subject_digests
from lod.describe.serialize import serialize_triples
from lod.formats import HTML, JSONLD, NTRIPLES, RDF_FORMATS, RESOURCE_FORMATS, Format
from lod.publish.runs import merge_to_file
from lod.uri import IRIError, WorkIRI


@lru_cache(maxsize=1)
def stage_version() -> str:
    """Part of every input digest: the sha256 of this package's code, templates and catalogues and of the
    installed libraries' versions (Jinja, pyoxigraph…), so a change to how descriptions are made
    invalidates every one of them."""
    digest = hashlib.sha256(lod.dependency_versions().encode())
    folder = Path(__file__).parent
    for path in sorted([*folder.glob("*.py"), *folder.glob("templates/*"), *folder.glob("locale/*")]):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class DescribeTask:
    """One resource to describe: a work (with the run files of its graph) or any other IRI."""

    iri: str
    kind: Kind["work", "resource"]
    runs: tuple[Path, ...] = ()
    digests: tuple[str | None, ...] = ()
    """The sha256 of each run (None: unknown), for its reuse key (lod.describe.reuse)."""


@dataclass
class Described:
    """What a worker tells the main process: the files it wrote (path → sha256) and the digest."""

    iri: str
    digest: str
    files: dict[str, str]
    reused: bool = False
    cpu_seconds: float = 0.0
    """CPU time of the worker spent on this description (the stage's cost, reliable under load)."""
    key: str | None = None
    """Its reuse key (lod.describe.reuse), which the next build compares with its own."""
    named: str = ""
    """The IRIs whose labels it holds (lod.describe.reuse.named_field), for the next build."""


@dataclass
class _Inputs:
    """The join's outputs, inherited by the forked workers (never pickled per task)."""

    out: Path
    base: str
    links: link_index.MergedLinks | link_index.GroupedLinks
    """Each key's link records, and their sha256 (lod.describe.link_index)."""
    labels: dict[str, list[str]]
    previous: dict[str, str] = field(default_factory=dict)
    previous_out: Path | None = None
    previous_sums: dict[str, str] = field(default_factory=dict)
    """The previous build's SHA256SUMS: a reused file's sha256 without reading it."""
    owners: Owners | None = None
    """Each IRI's owner, remembered by each worker across its descriptions (bounded)."""
    folders: set[str] = field(default_factory=set)
    """Folders of `out` this process made already."""
    labels_digest: str = ""
    label_digests: dict[str, str] = field(default_factory=dict)
    """Each label subject's digest (lod.describe.reuse.subject_digests)."""
    table: ReuseTable = field(default_factory=ReuseTable)
    """The previous build's reuse keys."""
    changed_labels: frozenset[int] | None = None
    """The hashes of the subjects whose labels changed since the previous build (None: unknown)."""

    def owner_table(self) -> Owners:
        if self.owners is None or len(self.owners) > 500_000:
            self.owners = Owners.on(self.base)
        return self.owners


_STATE: _Inputs | None = None


def prepare(out: Path, scratch: Path, base: str, link_runs: Sequence[Path], label_runs: Sequence[Path],
            previous_out: Path | None = None, memo: Path | None = None, fan_in: int | None = None,
            grouped: link_index.GroupedLinks | None = None) -> tuple[link_index.MergedLinks | link_index.GroupedLinks, dict[str, list[str]]]:
    """Merge the records (`fan_in` link runs at once) and make them the workers' inputs; returns (link
    records, labels). `memo`: the previous build's table of reuse keys (lod.describe.reuse), if any;
    `grouped`: the link records as the cache's groups hold them, which are then not merged."""
    global _STATE
    labels_file = scratch / "labels.sorted"
    links = grouped or link_index.merge_links(link_runs, scratch / "links.sorted", scratch, fan_in)
    merge_to_file(label_runs, labels_file, scratch)
    labels: dict[str, list[str]] = defaultdict(list)
    for subject, line in label_table(labels_file):
        labels[subject].append(line)
    labels_file.unlink()
    table, digests = ReuseTable.read(memo, previous_out), subject_digests(labels)  # one pass over the labels
    _STATE = _Inputs(out, base.rstrip("/"), links, dict(labels), _previous_digests(previous_out), previous_out,
                     _previous_digests(previous_out, output.CHECKSUMS, "  "), labels_digest=labels_digest(digests),
                     label_digests=digests, table=table, changed_labels=table.changed_labels(digests))
    return links, _STATE.labels


def use_merged(link_runs: Sequence[Path], scratch: Path, fan_in: int | None = None) -> None:
    """Read the link records from one merged file from now on (before the workers fork): for
    many descriptions, cheaper than gathering each key's records from the groups."""
    assert _STATE is not None
    _STATE.links = link_index.merge_links(link_runs, scratch / "links.sorted", scratch, fan_in)


def key_of(task: DescribeTask) -> str | None:
    """A task's reuse key (lod.describe.reuse) under the inputs `prepare` made."""
    state = _STATE
    assert state is not None
    return reuse_key(stage_version(), state.base, task.kind, task.iri, task.digests, state.links.digests.get(task.iri))


def take_over(task: DescribeTask, key: str | None) -> Described | None:
    """The previous build's description of `task`, hard-linked in without reading its inputs,
    when its reuse key and the label table are the previous build's (lod.describe.reuse)."""
    state = _STATE
    assert state is not None
    digest = state.previous.get(task.iri)
    if digest is None or not state.table.reusable(task.iri, key, state.labels_digest, state.changed_labels):
        return None
    files = _link_previous(state, task)
    return None if files is None else Described(task.iri, digest, files, reused=True, key=key,
                                                named=state.table.named.get(task.iri, ""))


def write_memo(memo: Path, out: Path, described: Iterable[Described]) -> None:
    """The reuse keys of this build's descriptions, for the next build (after inputs.tsv)."""
    state = _STATE
    assert state is not None
    made = [d for d in described if d.key is not None]
    ReuseTable.write(memo, out, {d.iri: d.key for d in made}, state.labels_digest, {d.iri: d.named for d in made},
                     state.label_digests)


VOCABULARY = "https://w3id.org/un-lod/"
"""The project's own vocabulary (ontology, verb and relation schemes): its terms are described
by the vocabulary's own documents (served by the vocabulary module), not as resources of the
data; a verb's "links into it" would be every paragraph using it."""


def tasks(works: dict[str, list[Path]], keys: Iterable[str], base: str, extra: Iterable[str] = (),
          digests: Mapping[Path, str | None] | None = None) -> list[DescribeTask]:
    """A task per published work and per other resource the records (or `extra`) name;
    `digests`: each run's sha256, where known (a work's reuse key needs all of its runs')."""
    owners = Owners.on(base)
    known = digests or {}
    found = [DescribeTask(work, "work", tuple(runs), tuple(known.get(r) for r in runs))
             for work, runs in sorted(works.items())]
    others = sorted({key for key in (*keys, *extra)
                     if owners(key) not in works and key not in works and not key.startswith(VOCABULARY)})
    return found + [DescribeTask(key, "resource") for key in others]


def write_digests(out: Path, described: Iterable[Described]) -> None:
    path = out / output.DESCRIPTION_INPUTS
    path.write_text("".join(f"{d.digest}\t{d.iri}\n" for d in sorted(described, key=lambda d: d.iri)), encoding="utf-8")


def _previous_digests(previous: Path | None, name: str = output.DESCRIPTION_INPUTS, separator: str = "\t") -> dict[str, str]:
    """What the previous build's `name` (digest, separator, key per line: inputs.tsv or
    SHA256SUMS) says: key → digest."""
    try:
        text = (previous / name).read_text(encoding="utf-8") if previous else ""
    except OSError:
        return {}
    return {key: digest for digest, _, key in (line.partition(separator) for line in text.splitlines())}


def run(todo: Sequence[DescribeTask], pool: Executor | None) -> list[Described]:
    """Describe every task (in the pool's forked workers, which inherit `prepare`'s inputs)."""
    chunk = max(1, min(64, len(todo) // 32))
    results = pool.map(describe, todo, chunksize=chunk) if pool else map(describe, todo)
    return list(results)


def describe(task: DescribeTask) -> Described:
    """Make and write one resource's description in every format."""
    started = time.process_time()
    described = _describe(task)
    described.cpu_seconds = time.process_time() - started
    return described


def _describe(task: DescribeTask) -> Described:
    state = _STATE
    task_key = key_of(task)
    assert state is not None, "lod.describe.build.prepare must run before the workers start"
    owners = state.owner_table()
    lines: set[str] = set()
    for run_file in task.runs:
        lines.update(run_file.read_bytes().decode("utf-8").splitlines())
    linked = state.links.lines(task.iri)
    kept = link_index.bounded(linked)
    lines.update(kept)
    named: set[str] = set()
    for line in lines:  # the IRIs of both ends (N-Triples: `<s> <p> <o> .`, an IRI never holds a space or `>`)
        subject, _, rest = line.split(" ", 2)
        if subject[0] == "<":
            named.add(subject[1:-1])
        if rest[0] == "<":
            named.add(rest[1:rest.index(">")])
    named.update([owners(iri) for iri in named])
    labels, whole = state.labels, task.kind == "resource"
    held = [iri for iri in named if whole or owners(iri) != task.iri]  # the IRIs whose labels it holds
    for iri in held:
        found = labels.get(iri)
        if found:
            lines.update(found)
    # no line holds a line feed or is a prefix of another (each ends " ."): the order with line feeds
    ntriples = ("\n".join(sorted(lines)) + "\n").encode("utf-8") if lines else b""
    left_out = len(linked) - len(kept)  # the page says how many: an input as much as the lines kept
    head = "\n".join([stage_version(), state.base, task.kind, task.iri, str(left_out), ""]).encode("utf-8")
    digest = hashlib.sha256(head + ntriples).hexdigest()
    reused = _reuse(state, task, digest)
    if reused is not None:
        return Described(task.iri, digest, reused, reused=True, key=task_key, named=named_field(held))
    triples = list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
    files = {path: _write(f"{state.out}/{path}", body, state.folders)
             for path, body in _representations(state, task, triples, ntriples, left_out)}
    return Described(task.iri, digest, files, key=task_key, named=named_field(held))


def describe_triples(iri: str, triples: list[ox.Triple]) -> Described:
    """A resource whose description is given whole (the dataset's VoID graph): written, not joined."""
    state = _STATE
    assert state is not None
    task = DescribeTask(iri, "resource")
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    digest = hashlib.sha256(b"\n".join([stage_version().encode(), iri.encode("utf-8"), data])).hexdigest()
    files = {path: _write(f"{state.out}/{path}", body, state.folders) for path, body in _representations(state, task, triples)}
    return Described(iri, digest, files)


def _representations(state: _Inputs, task: DescribeTask, triples: list[ox.Triple],
                     ntriples: bytes | None = None, left_out: int = 0) -> Iterable[tuple[str, bytes]]:
    """(where, body) of every representation; `ntriples`: the sorted N-Triples lines the triples
    were parsed from, which are the N-Triples representation as they stand."""
    path = output.work_path(task.iri, state.base)
    at_path = path is not None and (task.kind == "work" or _is_work(task.iri))
    if at_path:
        assert path is not None
        data = f"/{path}/data"
        alternates = [(f"{data}.{f.ext}", f) for f in RDF_FORMATS] + _akn_alternates(state.out, task.iri, state.base)
        location = lambda fmt, lang=output.DEFAULT_PAGE_LANGUAGE: output.work_description(path, fmt, lang)  # noqa: E731
    else:
        query = "?iri=" + quote(task.iri, safe="")
        alternates = [(f"/resource.{f.ext}{query}", f) for f in RDF_FORMATS]
        location = lambda fmt, lang=output.DEFAULT_PAGE_LANGUAGE: output.resource_description(task.iri, fmt)  # noqa: E731
    graph = DescriptionGraph.of(triples)  # the pages' index, and the JSON-LD's nodes
    for fmt in RDF_FORMATS:
        if fmt is NTRIPLES and ntriples is not None:
            yield location(fmt), ntriples
        elif fmt is JSONLD:
            yield location(fmt), jsonld_document(graph.out)
        else:
            yield location(fmt), serialize_triples(triples, fmt)
    if task.kind == "work":
        languages = text_languages(graph, task.iri)
        for lang in [output.DEFAULT_PAGE_LANGUAGE, *(t for t in languages if t != output.DEFAULT_PAGE_LANGUAGE)]:
            if lang != output.DEFAULT_PAGE_LANGUAGE and len(languages) < 2:
                break
            page = work_page(graph, task.iri, state.base, lang)
            yield location(HTML, lang), html.render_work(page, state.base, alternates).encode("utf-8")
    else:
        page = resource_page(graph, task.iri, state.base)
        page.left_out, page.bound = left_out, link_index.MOST_PER_PROPERTY
        yield location(HTML), html.render_resource(page, alternates).encode("utf-8")


def _is_work(iri: str) -> bool:
    try:
        return WorkIRI.parse(iri).work() == iri
    except IRIError:
        return False


def _akn_alternates(out: Path, work: str, base: str) -> list[tuple[str, Format]]:
    try:
        return akn_alternates(out, WorkIRI.parse(work), base)
    except IRIError:
        return []


def _reuse(state: _Inputs, task: DescribeTask, digest: str) -> dict[str, str] | None:
    """The previous build's files of this resource, hard-linked in, when its inputs are the same."""
    if state.previous_out is None or state.previous.get(task.iri) != digest:
        return None
    return _link_previous(state, task)


def _link_previous(state: _Inputs, task: DescribeTask) -> dict[str, str] | None:
    """Hard-link the previous build's files of `task` into the output: path → sha256. Paths are
    plain strings: 250,000 files at N = 10,000, where pathlib's objects cost more than the links."""
    if state.previous_out is None:
        return None
    old, new = str(state.previous_out), str(state.out)
    names = _files_of(state, task)
    if not names:
        return None
    linked: dict[str, str] = {}
    for relative in names:
        target = f"{new}/{relative}"
        folder = os.path.dirname(target)
        if folder not in state.folders:
            os.makedirs(folder, exist_ok=True)
            state.folders.add(folder)
        try:
            os.link(f"{old}/{relative}", target)  # a file missing from the previous output fails here
        except OSError:
            for done in linked:  # never written through: the inode is the previous output's file
                os.unlink(f"{new}/{done}")
            return None
        linked[relative] = state.previous_sums.get(relative) or _sha256(target)
    return linked


def _sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def _files_of(state: _Inputs, task: DescribeTask) -> list[str]:
    path = output.work_path(task.iri, state.base)
    if path is not None and (task.kind == "work" or _is_work(task.iri)):
        folder = output.work_description(path, HTML).rsplit("/", 1)[0]
        try:
            with os.scandir(f"{state.previous_out}/{folder}") as entries:
                return sorted(f"{folder}/{e.name}" for e in entries if e.name.startswith("data.") and e.is_file())
        except OSError:
            return []
    return [output.resource_description(task.iri, f) for f in RESOURCE_FORMATS]


def _write(path: str, body: bytes, folders: set[str]) -> str:
    """Write `body` gzip-compressed (no name, no timestamp: same input, same bytes); its sha256.
    `folders`: those made already (a description's five files share one). `path` is a plain
    string: a Path per file cost more than compressing it (about 40,000 files per 1,000 documents)."""
    data = output.gzip_bytes(body)
    folder = os.path.dirname(path)
    if folder not in folders:
        os.makedirs(folder, exist_ok=True)
        folders.add(folder)
    with open(path, "wb") as f:
        f.write(data)
    return hashlib.sha256(data).hexdigest()


__all__ = ["describe_triples", "DescribeTask", "Described", "describe", "prepare", "run", "tasks", "use_merged",
           "write_digests"]
