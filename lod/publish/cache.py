"""The build cache: what each document produced last time, so an unchanged one is not redone.

An entry is keyed by everything a document's results depend on that the build knows before
parsing: its bytes and file name, the base IRI, the document limits, and a fingerprint of the
code, ontology and shapes (a new version of lod never reuses a stale result). What a document's
RDF also depends on, the facts of the works it cites, is only known once every document is
registered: the mapping records every question it asks the WorkRegistry (`RecordingRegistry`),
and the entry is reused only if the registry of this build gives the same answers. When the
whole registry is unchanged (same `WorkRegistry` contributions from every document), the answers
are the same without asking.

The cache lies beside the output (`.output.cache/` next to `output/`, like the store's
`.output.store/`), never inside it: `output/` is replaced as a whole by each build. Every file of
an entry is listed with its sha256 in `entry.json`, which carries a digest of itself; an entry
that fails a check (truncated, edited, half-written) is deleted and its document built again.
Builds beside one folder take turns (lod.publish.atomic), so one build at a time writes here.
Where it lies is part of the output layout: `lod.output.cache_root` (re-exported here).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import lod
from lod.model import Resolution
from lod.output import cache_root as cache_root  # re-exported: where the cache lies
from lod.parse.readers import sidecar_paths
from lod.publish.signatures import SIGNATURES, sha256_file, signatures, unchanged
from lod.rdf import WorkRegistry
from lod.rdf.outline import skeleton

ENTRY = "entry.json"
VIEW = "view.pickle"
"""The document as the WorkRegistry sees it (`registry_view`): enough to register it unparsed."""
MODEL = "model.pickle"
QUESTIONS = "questions.pickle"
RUN, TURTLE, AKN, RECORD, QUADS = "run.nt", "doc.ttl", "akn.xml", "search.pickle", "quads.gz"
CONFIRMED = "confirmed.tsv"
"""In the cache root: `{entry key}\t{registry digest}` for each entry whose recorded answers the
last build's registry gave again (`DocumentCache.confirm`). One file written per build, where
each such entry's entry.json had been rewritten: 10,000 files whenever a document was added or
edited at 10,000 documents, seconds on a file system slow to create files."""
LINKS, LABELS = "run.links", "run.labels"
"""The document's link and label records (lod.publish.descriptions.write_link_records): beside
RUN with its suffix changed, where the describe stage looks for them."""
CODE_FOLDERS = ("lod", "ontology", "shapes")
"""Folders (beside each other in the source tree) whose files make the code fingerprint."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over every file of the code, ontology and shapes (not byte code), the version, and
    the installed version of each library lod runs on (`lod.dependency_versions`): what a parser, a
    serializer or the SHACL engine of another version makes of the same bytes may differ."""
    root = Path(lod.__file__).resolve().parent.parent
    digest = hashlib.sha256(lod.__version__.encode())
    digest.update(lod.dependency_versions().encode() + b"\0")
    for folder in CODE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def entry_key(data: bytes, source: str, context: str) -> str:
    """The key of a document's entry: its bytes, its name in the corpus, and the build context
    (code fingerprint, base, limits: `build_context`)."""
    digest = hashlib.sha256(context.encode())
    digest.update(b"\0" + source.encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


def input_bytes(path: Path) -> bytes:
    """Everything the parser reads for a document: its bytes and its sidecar's, if any."""
    data = [path.read_bytes()]
    for sidecar in sidecar_paths(path):
        if sidecar.is_file():
            data.append(b"\0sidecar " + sidecar.name.encode() + b"\0" + sidecar.read_bytes())
    return b"".join(data)


def build_context(base: str, limits: object) -> str:
    return f"{code_fingerprint()}|{base}|{limits!r}"


def registry_view(res: Resolution) -> Resolution:
    """The document without its text: what `WorkRegistry.add` and `entry_for` read (names,
    dates, numbers, the citations that print a date, and the structure whose order the work's
    expressions share: lod.rdf.outline). Pickled in every entry, so the
    registry is filled for an unchanged document without parsing it."""
    return replace(skeleton(res), sponsors=[], citations=[c for c in res.citations if c.date], workflow=[],
                   subjects=[], voting=None, agenda_titles=[])


def view_digest(view: Resolution) -> str:
    return hashlib.sha256(pickle.dumps(view, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()


def registry_digest(view_digests: Iterable[str]) -> str:
    """One digest of every document's registry view: the registry's answers are a function of
    that multiset (they do not depend on the order documents were added)."""
    return hashlib.sha256("\n".join(sorted(view_digests)).encode()).hexdigest()


Question = bytes
"""A question asked of the registry: its method's name, arguments and keyword arguments, pickled
as it is asked. A later build asks a cached document's questions again with the same registry
calls; many documents ask the same ones (they cite the same works), so each question is looked
up by its bytes and unpickled only the first time (at 10,000 documents 440,000 questions, which
pickling again and unpickling whole took 9 s of a one-document addition)."""


class RecordingRegistry:
    """A WorkRegistry that remembers every question asked of it and its answer's digest.

    Resolutions asked about are recorded as their `registry_view`, so the questions stay small."""

    def __init__(self, registry: WorkRegistry) -> None:
        self._registry = registry
        self.questions: list[Question] = []
        self.answers: list[str] = []

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._registry, name)
        if name.startswith("_") or not callable(value):
            return value

        def asked(*args: Any, **kwargs: Any) -> Any:
            answer = value(*args, **kwargs)
            shown = tuple(registry_view(a) if isinstance(a, Resolution) else a for a in args)
            self.questions.append(pickle.dumps((name, shown, tuple(sorted(kwargs.items()))), protocol=pickle.HIGHEST_PROTOCOL))
            self.answers.append(repr(answer))
            return answer

        return asked

    def digest(self) -> str:
        return answers_digest(self.answers)


def answers_digest(answers: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(answers).encode()).hexdigest()


@dataclass
class Answers:
    """Questions answered by this build's registry, each once (many documents cite one work)."""

    registry: WorkRegistry
    memo: dict[bytes, str] = field(default_factory=dict)

    def digest(self, questions: list[Question]) -> str:
        answers = []
        for question in questions:
            found = self.memo.get(question)
            if found is None:
                name, args, kwargs = pickle.loads(question)
                found = self.memo[question] = repr(getattr(self.registry, name)(*args, **dict(kwargs)))
            answers.append(found)
        return answers_digest(answers)


def _sealed(body: dict[str, Any]) -> str:
    text = json.dumps(body, sort_keys=True)
    return json.dumps({"body": body, "sha256": hashlib.sha256(text.encode()).hexdigest()}, sort_keys=True)


@dataclass
class CachedDocument:
    """An entry found for a document: its folder and what entry.json says."""

    folder: Path
    body: dict[str, Any]

    @property
    def files(self) -> dict[str, str]:
        return self.body["files"]

    def path(self, name: str) -> Path:
        return self.folder / name

    def has(self, name: str) -> bool:
        return name in self.files

    def load(self, name: str) -> Any:
        return pickle.loads(self.path(name).read_bytes())

    def intact(self, names: Iterable[str]) -> bool:
        """Whether the named files are there with their recorded sha256: a file whose stat
        signature is the one recorded when the entry was stored is not read again
        (lod.publish.signatures), any other is read in full."""
        recorded = self.body.get(SIGNATURES, {})
        return all(unchanged(self.path(n), self.files[n], recorded.get(n)) for n in names if n in self.files)


class DocumentCache:
    """The entries beside one output folder; `None`-like when disabled (every lookup misses)."""

    def __init__(self, out: Path, enabled: bool = True) -> None:
        self.root = cache_root(out)
        self.enabled = enabled
        self.documents = self.root / "documents"
        self.chunks = self.root / "chunks"
        self.groups = self.root / "groups"
        """The documents' runs merged in groups (lod.publish.groups), with the manifest beside them."""
        self.link_groups = self.root / "link-groups"
        """The documents' link records merged in groups (lod.publish.descriptions)."""
        self.used: set[str] = set()
        self._confirmed: dict[str, str] | None = None
        self._confirmed_now: dict[str, str] = {}
        if enabled:
            self.documents.mkdir(parents=True, exist_ok=True)
            self.chunks.mkdir(parents=True, exist_ok=True)

    def lookup(self, key: str) -> CachedDocument | None:
        """The entry of `key` if its entry.json and registry view are intact; a damaged entry is removed."""
        if not self.enabled:
            return None
        folder = self.documents / key
        try:
            sealed = json.loads((folder / ENTRY).read_text(encoding="utf-8"))
            body = sealed["body"]
            ok = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest() == sealed["sha256"]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            ok = False
        entry = CachedDocument(folder, body) if ok else None
        if entry is None or not entry.intact([VIEW]):
            self.discard(key)
            return None
        self.used.add(key)
        return entry

    def discard(self, key: str) -> None:
        shutil.rmtree(self.documents / key, ignore_errors=True)

    def store(self, key: str, folder: Path, files: dict[str, str], **body: Any) -> CachedDocument | None:
        """Move a document's finished `folder` into the cache as the entry of `key`; its files are
        `files` (name → sha256, computed where they were written), `body` the rest of entry.json."""
        if not self.enabled:
            return None
        body = {**body, "files": files, SIGNATURES: signatures(folder, files)}  # kept by the rename below
        (folder / ENTRY).write_text(_sealed(body), encoding="utf-8")
        target = self.documents / key
        shutil.rmtree(target, ignore_errors=True)
        os.replace(folder, target)
        self.used.add(key)
        return CachedDocument(target, body)

    def confirmed(self, key: str) -> str | None:
        """The registry digest under which the last build found entry `key`'s answers again, if it did."""
        if self._confirmed is None:
            self._confirmed = {}
            try:
                for line in (self.root / CONFIRMED).read_text(encoding="ascii").splitlines():
                    entry, _, state = line.partition("\t")
                    self._confirmed[entry] = state
            except (OSError, ValueError):
                pass  # none yet, or unreadable: the answers are asked again
        return self._confirmed.get(key)

    def confirm(self, key: str, state: str) -> None:
        """Entry `key` answers as recorded under the registry of digest `state` (kept by `prune`)."""
        self._confirmed_now[key] = state

    def prune(self, keep_chunks: set[str], keep_groups: Iterable[str] = (), keep_link_groups: Iterable[str] = ()) -> None:
        """Remove the entries, chunks and group runs this build did not use: the cache holds one build."""
        if not self.enabled:
            return
        confirmed = "".join(f"{key}\t{state}\n" for key, state in sorted(self._confirmed_now.items()) if key in self.used)
        temporary = self.root / f".{CONFIRMED}.new"
        temporary.write_text(confirmed, encoding="ascii")
        os.replace(temporary, self.root / CONFIRMED)
        self.groups.mkdir(exist_ok=True)
        self.link_groups.mkdir(exist_ok=True)
        for folder, keep in ((self.documents, self.used), (self.chunks, keep_chunks), (self.groups, set(keep_groups)),
                             (self.link_groups, set(keep_link_groups))):
            for path in folder.iterdir():
                if path.name not in keep:
                    shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink()


def written(folder: Path, names: Iterable[str], digest: Callable[[Path], str] = sha256_file) -> dict[str, str]:
    """name → sha256 of the files of `folder` that exist among `names`."""
    return {n: digest(folder / n) for n in names if (folder / n).exists()}
