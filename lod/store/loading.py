"""Loading a build's N-Quads dump into the on-disk store, once per checksum, and swapping
to a new build when one lands (see the package docstring)."""

from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from lod import output
from lod.store.oxigraph import OxigraphStore

DUMP = output.dump(output.DUMP_NQUADS)
MERGED = output.dump(output.DUMP_NTRIPLES)
log = logging.getLogger(__name__)
SUMS = output.CHECKSUMS
_COMPLETE = ".complete"
_QUADS = ".quads"
STORE_FORMAT = "v2"
"""What the loader puts where (v2: named graphs from lod.nq.gz, default graph from lod.nt.gz).
Part of each store directory's name, so a server upgraded to a new loader never reuses a
store that an older loader wrote for the same dump."""


def dump_checksum(data: Path) -> str:
    """The dump's sha256, from SHA256SUMS when the build wrote one (cheap), else computed."""
    sums = data / SUMS
    if sums.exists():
        for line in sums.read_text().splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1].lstrip("*").lstrip("./") == DUMP:
                return parts[0]
    digest = hashlib.sha256()
    with open(data / DUMP, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def store_root(data: Path, configured: str | Path | None = None) -> Path:
    """Where the stores of builds of `data` live: the setting `store-dir`, else `.{name}.store`
    next to `data`. Never inside `data`: `lod build` replaces that directory as a whole, which
    would delete the store that requests in flight (and fresh query processes) still read."""
    if configured:
        return Path(configured)
    data = Path(data).resolve()
    return data.parent / f".{data.name}.store"


def _immutable_files(directory: Path) -> list[Path]:
    """The store's files that never change after the load (RocksDB's tables and manifest);
    LOG and OPTIONS files are rewritten by every read-only open and are left out."""
    return sorted(p for p in directory.iterdir()
                  if p.is_file() and (p.suffix == ".sst" or p.name == "CURRENT" or p.name.startswith("MANIFEST-")))


def _digest(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0")
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _write_marker(directory: Path, checksum: str, quads: int) -> None:
    """The `.complete` marker: what was loaded, how many quads, and each table's size and a
    digest of them all, so a store damaged afterwards is noticed (verify_store)."""
    files = _immutable_files(directory)
    marker = {"dump": checksum, "quads": quads, "files": {p.name: p.stat().st_size for p in files},
              "sha256": _digest(files)}
    (directory / _COMPLETE).write_text(json.dumps(marker, indent=1, sort_keys=True))


def verify_store(directory: Path, deep: bool = False) -> str | None:
    """Why the store in `directory` cannot be trusted, or None when it can.

    Always: the marker is readable and every table is there with its size (a truncated,
    deleted or replaced file); `deep`: their content too (sha256; a second per GB or so, done
    once by `lod serve` at start, since a damaged table may open fine and answer wrongly)."""
    try:
        marker = json.loads((directory / _COMPLETE).read_text())
        expected: dict[str, int] = marker["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return f"{directory / _COMPLETE} is missing or not a marker this loader wrote"
    present = {p.name: p for p in _immutable_files(directory)}
    for name, size in sorted(expected.items()):
        if name not in present:
            return f"{directory / name} is missing"
        if present[name].stat().st_size != size:
            return f"{directory / name} has {present[name].stat().st_size} bytes, {size} when it was loaded"
    if set(present) - set(expected):
        return f"{directory} has tables it did not have when it was loaded: {sorted(set(present) - set(expected))}"
    if deep and _digest([present[name] for name in sorted(expected)]) != marker.get("sha256"):
        return f"the tables in {directory} are not what was loaded (sha256 differs)"
    return None


def load_build(data: Path, keep: int = 2, root: Path | None = None, deep: bool = False) -> Path:
    """Load `{data}/dumps/lod.nq.gz` into `{root}/{checksum}` once; return that directory.

    Safe to call from every process at once: a file lock serializes loaders, the load goes to a
    temporary directory renamed into place only when complete, and an existing complete
    directory is reused once verified (verify_store; `deep` checks the content too): a damaged
    one is loaded again. Older versions beyond `keep` are removed (open read-only handles on
    Linux keep their files alive until closed).
    """
    data = Path(data)
    if not (data / DUMP).exists():
        raise FileNotFoundError(f"{data / DUMP} not found: run `lod build` first")
    root = Path(root) if root else store_root(data)
    root.mkdir(parents=True, exist_ok=True)
    checksum = dump_checksum(data)
    target = root / f"{STORE_FORMAT}-{checksum[:16]}"
    if (target / _COMPLETE).exists() and verify_store(target, deep) is None:
        return target
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / _COMPLETE).exists():
            problem = verify_store(target, deep)
            if problem is None:
                return target
            log.warning("the store of %s cannot be trusted (%s): loading it again", data, problem)
        tmp = root / f".loading-{os.getpid()}-{int(time.time() * 1000)}"
        # A separate, freshly spawned process writes the store: RocksDB's global state does not
        # survive fork(), and a gunicorn worker (forked) that opens a writable store hangs.
        loader = multiprocessing.get_context("spawn").Process(
            target=_bulk_load, args=(str(tmp), str(data / DUMP), str(data / MERGED)), name="lod-store-load")
        loader.start()
        loader.join()
        if loader.exitcode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            raise RuntimeError(f"loading {data / DUMP} into {root} failed (exit code {loader.exitcode}; "
                               "a damaged dump, or no space left?)")
        quads = int((tmp / _QUADS).read_text())
        (tmp / _QUADS).unlink()
        _write_marker(tmp, checksum, quads)
        if target.exists():
            shutil.rmtree(target)
        os.rename(tmp, target)
        _prune(root, keep=keep, current=target)
    return target


def _bulk_load(target: str, dump: str, merged: str) -> None:
    """Named graphs from the N-Quads dump, and the default graph from the merged N-Triples."""
    store = ox.Store(target)
    with gzip.open(dump, "rb") as fh:
        store.bulk_load(fh, format=ox.RdfFormat.N_QUADS)
    if Path(merged).exists():
        with gzip.open(merged, "rb") as fh:
            store.bulk_load(fh, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    store.flush()
    (Path(target) / _QUADS).write_text(str(len(store)))


def _prune(root: Path, keep: int, current: Path) -> None:
    versions = sorted(
        (p for p in root.iterdir() if p.is_dir() and (p / _COMPLETE).exists() and p != current),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in versions[max(keep - 1, 0):]:
        shutil.rmtree(old, ignore_errors=True)


@dataclass
class StoreHolder:
    """The store in force, swapped atomically when a new build lands in `data`.

    Each request takes `current()` once and keeps that object, so a swap never changes the data
    under a request in flight. Checking costs one stat() per `check_every` seconds. A new build
    is loaded in the background while requests go on being answered from the old one; only the
    very first load makes requests wait.
    """

    data: Path
    check_every: float = 2.0
    root: Path | None = None
    _store: OxigraphStore | None = None
    _stamp: tuple[int, float, int] | None = None
    _checked: float = 0.0
    _reloading: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)
    loaded_at: float = 0.0

    def _signature(self) -> tuple[int, float, int]:
        path = self.data / SUMS if (self.data / SUMS).exists() else self.data / DUMP
        st = path.stat()
        return (st.st_ino, st.st_mtime, st.st_size)

    def current(self) -> OxigraphStore:
        now = time.monotonic()
        if self._store is not None and now - self._checked < self.check_every:
            return self._store
        with self._lock:
            self._checked = now
            try:
                stamp = self._signature()
            except FileNotFoundError:
                if self._store is not None:
                    return self._store  # a build is being swapped in: keep serving the old one
                raise
            if self._store is None:
                try:
                    self._install(load_build(self.data, root=self.root), stamp)
                except OSError:
                    # a store that does not open (damaged after its check): verify it whole, which
                    # loads it again if its tables changed, and try once more
                    self._install(load_build(self.data, root=self.root, deep=True), stamp)
            elif stamp != self._stamp and not self._reloading:
                self._reloading = True
                threading.Thread(target=self._reload, args=(stamp,), name="lod-store-reload", daemon=True).start()
            assert self._store is not None
            return self._store

    def _install(self, path: Path, stamp: tuple[int, float, int]) -> None:
        if self._store is None or self._store.path != path:
            self._store = OxigraphStore.open_read_only(path)
            self.loaded_at = time.time()
        self._stamp = stamp

    def _reload(self, stamp: tuple[int, float, int]) -> None:
        try:
            path = load_build(self.data, root=self.root)
            with self._lock:
                self._install(path, stamp)
        except Exception:  # noqa: BLE001 - a half-landed build: keep the old store, retry later
            log.warning("could not load the new build in %s; still serving the previous one", self.data, exc_info=True)
        finally:
            self._reloading = False
