"""Which cached files need their sha256 read again: a file's stat signature (inode, size, mtime).

The build cache (lod.publish.cache) and the dump chunks (lod.publish.chunks) keep the sha256 of
every file they hold, so that a damaged file is made again instead of published. Reading every
cached file to check it was what an incremental build spent most of its time on at 10,000
documents (≈ 2 GB of runs, Turtle, AKN and records, and the dumps' pieces once more). A file is
written once, by the build, and then only read: its inode, size and modification time (in
nanoseconds) recorded right after it landed in the cache change if anything writes, truncates,
replaces or copies it. So a file whose signature is the recorded one is taken as checked; any
other (a copied cache, an edited or half-written file) is read and compared with its sha256.
What this gives up: a bit flipped on the disk under an unchanged inode and mtime is not seen.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

SIGNATURES = "signatures"
"""The key (in entry.json) or file name (beside a chunk's manifest) of the recorded signatures."""


def signature(path: Path | str) -> str:
    """`inode:size:mtime_ns` of a file (the stat of what is there now)."""
    st = os.stat(path)
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def signatures(folder: Path, names: list[str] | tuple[str, ...] | dict[str, str]) -> dict[str, str]:
    """name → signature of each of `names` that exists in `folder`."""
    found = {}
    for name in names:
        try:
            found[name] = signature(folder / name)
        except FileNotFoundError:
            continue
    return found


def sha256_file(path: Path) -> str:
    """The sha256 of a file, read in blocks (lod.publish.dumps.sha256 is this function)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def unchanged(path: Path, sha256: str | None, recorded: str | None) -> bool:
    """Whether the file at `path` is the one whose sha256 was recorded: by its signature when
    that is the recorded one, else by reading it. False for a missing or unreadable file."""
    if sha256 is None:
        return False
    try:
        if recorded is not None and signature(path) == recorded:
            return True
        return sha256_file(path) == sha256
    except OSError:
        return False
