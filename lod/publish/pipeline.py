"""`lod build`: a folder of resolution texts in, a published dataset out.

The stages, each in its module: the documents (lod.publish.documents: parse, register, map,
validate, with the workers in lod.publish.workers and the cache of earlier builds in
lod.publish.cache), then the dataset over all documents (lod.publish.dumps and
lod.publish.chunks, the search index, akn.zip, VoID, SHA256SUMS). A document that fails to
parse or to validate is reported by name with the reason and left out; the others are
published. Nothing reaches `out` unless the whole build succeeds.

Memory does not grow with the corpus: between the passes each parsed document waits in a
pickle, and each mapped document's sorted N-Triples in a run file (in the build cache, or in
the staging directory's `.parts/`, deleted before the output is swapped in); the main process
keeps only names and counts, and the dataset dumps are merged from the run files.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lod import output, settings
from lod.publish.akn import write_akn_zip
from lod.publish.atomic import staged_directory
from lod.describe.reuse import MEMO as DESCRIPTIONS_MEMO
from lod.publish.cache import DocumentCache, code_fingerprint
from lod.publish.collector import build_collector
from lod.publish.chunks import ChunkedDumps
from lod.publish.describe import describe_dataset
from lod.publish.descriptions import DescriptionStage, write_link_records
from lod.publish.documents import DocumentStage
from lod.publish.groups import MANIFEST as GROUPS_MANIFEST, Manifest, RunGroups
from lod.publish.dumps import DocumentPart, dump_pool, with_files, write_checksums, write_dataset, write_part, write_turtle
from lod.publish.limits import DocumentLimits, fork_context
from lod.publish.links import unreadable_links
from lod.publish.lists import ListsStage
from lod.publish.newest import write_newest
from lod.publish.report import BuildError, BuildReport, DocumentOutcome, failures
from lod.publish.searchindex import IndexStage
from lod.publish.statistics import DatasetStatistics
from lod.publish.vocabulary import VocabularyStage
from lod.publish.workiris import write_work_iris
from lod.rdf.authorities import AUTHORITIES_SLUG, authorities_iri, authorities_lines
from lod.parse.parts import inputs
from lod.search import INDEX_FILE
from lod.uri import DEFAULT_BASE

__all__ = ["BuildError", "BuildReport", "DocumentOutcome", "SCRATCH", "build", "discover"]

SKIPPED_NAMES = {"readme", "readme.md", "readme.txt", "license", "license.md", "notice"}
SCRATCH = ".parts"
"""Folder of the staging directory holding per-document files until the dumps are merged."""


def discover(corpus: Path) -> list[Path]:
    """Input files under `corpus`, in a stable order; sidecars and READMEs are not documents."""
    if corpus.is_file():
        return inputs(corpus)
    if not corpus.is_dir():
        raise BuildError(f"{corpus}: no such file or directory")
    found = []
    for path in sorted(corpus.rglob("*")):
        rel = path.relative_to(corpus)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        if path.name.lower() in SKIPPED_NAMES or path.name.endswith((".meta.yaml", ".meta.yml")):
            continue
        found.extend(inputs(path))  # an AKN collection: one input per resolution (lod.parse.parts)
    return found


def build(
    corpus: Path,
    out: Path,
    *,
    base: str = DEFAULT_BASE,
    strict: bool = False,
    jobs: int | None = None,
    progress: bool | None = None,
    limits: DocumentLimits | None = None,
    cache: bool | None = None,
) -> BuildReport:
    """Parse, map, validate and publish every document under `corpus` into `out`, atomically.

    The main process never holds more than one document: parsed models wait in pickles and
    mapped triples in per-document run files, and the dataset dumps are merged from those files
    (lod.publish.dumps). With `cache` (default: the setting build-cache) a document unchanged
    since an earlier build into `out` is taken from that build (lod.publish.cache), and so are
    the unchanged chunks of the dumps; the output is byte-identical to a full build's.

    Each document is held to `limits` (default: the settings max-pages, document-seconds,
    document-memory-mb) and refused beyond them. A write that fails (disk full, read-only
    output) stops the build with a BuildError naming the file; the previous output is untouched.
    """
    use_cache = settings.resolve("build-cache") if cache is None else cache
    try:
        with build_collector():
            return _build(Path(corpus), Path(out), base.rstrip("/"), strict, jobs or os.cpu_count() or 1,
                          sys.stderr.isatty() if progress is None else progress,
                          limits or DocumentLimits.from_settings(), bool(use_cache))
    except OSError as exc:
        where = exc.filename2 or exc.filename or out  # a link or rename: where it was going
        raise BuildError(f"cannot write {where}: {exc.strerror or exc}; nothing was written, "
                         f"{out} is as it was") from None


def _build(corpus: Path, out: Path, base: str, strict: bool, jobs: int, show: bool,
           limits: DocumentLimits, use_cache: bool) -> BuildReport:
    paths = discover(corpus)
    outcomes = {p: DocumentOutcome(source=_display(p, corpus), status="published") for p in paths}

    # holds the build lock (the cache is ours too); the index is written (or its writer waited
    # for, on failure) before the staging directory goes
    with staged_directory(out) as staging, IndexStage(staging) as index, \
            VocabularyStage(staging, base, Path(out)) as vocabularies:
        scratch = staging / SCRATCH
        scratch.mkdir()
        (staging / output.DOCUMENTS).mkdir()
        documents = DocumentCache(out, enabled=use_cache)
        stage = DocumentStage(outcomes, scratch, staging, base, jobs, show, limits, documents, index)
        parts = stage.run(paths)

        report = BuildReport(str(corpus), str(out), base, [outcomes[p] for p in paths], seconds=stage.timings,
                             dump_seconds=stage.dump_seconds, skipped=unreadable_links(corpus),
                             reused=stage.reused, remapped=stage.remapped)
        if strict and report.failed:
            raise BuildError("strict build stopped; nothing was written:\n" + failures(report))
        if not parts:
            raise BuildError("no document could be published; nothing was written:\n" + failures(report))

        t0 = time.perf_counter()
        # States, organs, treaties and groups the documents link to, described once, in their own graph
        authorities = authorities_lines(base)
        write_part(scratch / "authorities.nt", authorities)
        write_turtle(staging / output.document_turtle(AUTHORITIES_SLUG), authorities)
        parts.append(DocumentPart(AUTHORITIES_SLUG, authorities_iri(base), scratch / "authorities.nt", len(authorities)))
        write_link_records(scratch / "authorities.links", scratch / "authorities.labels", authorities, None, base)
        timings = stage.timings
        timings["dumps"] = time.perf_counter() - t0
        # the search index and lists.sqlite, each by a process of its own from what the documents'
        # stage left (their records, runs and facts; the authorities' run), beside the descriptions
        # and the dumps: on a one-document rebuild they were a third of the time, waited for alone
        index.start_closing()
        lists = ListsStage(staging, parts)
        try:
            statistics, chunks, descriptions = _describe_and_dump(staging, scratch, out, parts, jobs, use_cache,
                                                                  documents, stage, report, timings)
        finally:
            t0 = time.perf_counter()
            try:
                report.dump_seconds[INDEX_FILE] = index.finish()
            finally:  # waited for whatever the index did, before scratch (authorities' run) goes
                report.dump_seconds[output.LISTS] = lists.finish()
        shutil.rmtree(scratch)
        report.triples = statistics.triples
        published = {d.work: d.source for d in report.published if d.work}
        published_record = write_work_iris(staging, Path(out), statistics.works, published, base, statistics.aliases)
        report.dump_seconds["vocab/"] = vocabularies.finish()  # written beside the documents' stage
        (staging / output.REPORT).write_text(json.dumps(report.to_json(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        write_newest(staging, report.published)
        checksums = write_checksums(staging, known={**stage.known, **chunks.digests, **descriptions.checksums})
        examples = sorted(d.work for d in report.published if d.work)[:3]
        void = describe_dataset(base, staging, statistics, checksums, examples)
        void.serialize(staging / output.VOID, format="turtle")
        last = descriptions.describe_dataset(void)
        # only void.ttl, the dataset's description and inputs.tsv are new: the rest is neither
        # listed nor read again
        write_checksums(staging, known={**checksums, **descriptions.checksums},
                        listed=with_files(list(checksums), [output.VOID, *last]))
        timings["dumps"] += time.perf_counter() - t0
        if use_cache:
            chunks.manifest().write(documents.root / GROUPS_MANIFEST)
        # the cache keeps what this build used
        documents.prune(chunks.used, chunks.groups.used() if chunks.groups else (),
                        descriptions.link_groups.used() if descriptions.link_groups else ())
    published_record.save()  # the output is in place: its work paths join the record of published IRIs
    return report


def _describe_and_dump(staging: Path, scratch: Path, out: Path, parts: list[DocumentPart], jobs: int, use_cache: bool,
                       documents: DocumentCache, stage: DocumentStage, report: BuildReport,
                       timings: dict[str, float]) -> tuple[DatasetStatistics, ChunkedDumps, DescriptionStage]:
    """Every resource's description (from the documents' link and label records, cached or new),
    then the dataset dumps and akn.zip."""
    t0 = time.perf_counter()
    base = report.base
    previous = out if use_cache and out.is_dir() else None  # a full build (`--no-cache`) takes nothing of it
    descriptions = DescriptionStage(staging, scratch, base, previous,
                                    documents.root / DESCRIPTIONS_MEMO if use_cache else None,
                                    RunGroups(documents.link_groups, documents.root) if use_cache else None)
    descriptions.describe(parts, jobs, fork_context())
    timings["describe"] = time.perf_counter() - t0
    timings["describe cpu"] = descriptions.cpu_seconds
    timings["describe join"] = descriptions.join_seconds
    report.dump_seconds["descriptions"] = timings["describe"]
    report.descriptions_reused, report.descriptions_by_key = descriptions.reused, descriptions.by_key
    report.link_keys_gathered = descriptions.gathered
    t0 = time.perf_counter()
    chunks = ChunkedDumps(documents.chunks if use_cache else scratch / "chunks", recipe=code_fingerprint())
    if use_cache:  # runs merged in groups kept in the cache; only the chunks of changed groups made again
        chunks.groups = RunGroups(documents.groups, documents.root)
        chunks.previous = Manifest.read(documents.root / GROUPS_MANIFEST)
    # every process is forked before a thread starts; zlib compresses akn.zip without the GIL
    with dump_pool(jobs) as pool, ThreadPoolExecutor(1) as zipper:
        akn_zip = zipper.submit(write_akn_zip, staging, report.dump_seconds, previous,
                                stage.known)
        statistics = write_dataset(staging, parts, scratch, report.dump_seconds, chunks, pool)
        akn_zip.result()
    timings["dumps"] += time.perf_counter() - t0
    return statistics, chunks, descriptions


def _display(path: Path, corpus: Path) -> str:
    """How the report names an input; a resolution of a collection file adds its part ("#B")."""
    part = f"#{path.part}" if getattr(path, "part", None) else ""
    try:
        return (str(path.relative_to(corpus)) if corpus.is_dir() else path.name) + part
    except ValueError:
        return str(path) + part


