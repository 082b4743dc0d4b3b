"""Atomic replacement of the build output directory.

A build writes everything into a fresh sibling directory and only then puts it in place, so a
failed or interrupted build never leaves a half-written output behind, and a server reading the
old output keeps a complete, consistent set of files until the new one lands.

On Linux the swap is one `renameat2(RENAME_EXCHANGE)` system call: there is no instant at which
`output/` is missing. Elsewhere (or on file systems that refuse the flag) it falls back to two
renames, which leave the previous output under `output.old-*` if interrupted between them.

Builds into one folder take turns (flock on the target's parent folder, which the kernel
releases when a build dies however it dies, and which leaves no file behind). Holding the lock, a build
knows that any `.{name}.building-*` or `.{name}.old-*` beside the target is the leftover of a
build that was killed (`kill -9`, power loss) and removes it before starting.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when the platform cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


@contextmanager
def staged_directory(target: Path) -> Iterator[Path]:
    """Yield an empty staging directory that replaces `target` when the block succeeds.

    If the block raises, the staging directory is removed and `target` is untouched.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)  # another build beside `target` finishes first
        remove_leftovers(target)
        with _staged(target) as staging:
            yield staging
    finally:
        os.close(folder)  # releases the lock


def remove_leftovers(target: Path) -> list[Path]:
    """Remove staging and old-output directories that killed builds left beside `target`.
    Call only while holding the target's build lock (no live build owns them then)."""
    removed = []
    # an old output is only a leftover once the target is in place (else it is the only copy)
    prefixes = [f".{target.name}.building-"] + ([f".{target.name}.old-"] if target.exists() else [])
    for prefix in prefixes:
        for leftover in sorted(target.parent.glob(prefix + "*")):
            if leftover.is_dir() and not leftover.is_symlink():
                log.warning("removing %s, left by a build that was stopped", leftover)
                if prefix.endswith(".old-"):  # a previous output (maybe still being removed by `_discard`'s process)
                    _remove_apart(leftover)
                else:
                    shutil.rmtree(leftover, ignore_errors=True)
                removed.append(leftover)
    return removed


@contextmanager
def _staged(target: Path) -> Iterator[Path]:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    os.chmod(staging, 0o755)
    if target.exists() and _exchange(staging, target):
        _discard(staging, target)  # staging now holds the previous output
        return
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        os.rename(target, old)
        os.rename(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, target)


def _discard(previous: Path, target: Path) -> None:
    """Remove a previous output without making the build wait: renamed to `.{name}.old-*`, it
    is removed by a process of its own (tens of thousands of files and folders take seconds to
    unlink, minutes on a busy disk). If that process is stopped, the next build beside `target`
    removes what is left (`remove_leftovers`)."""
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old.rmdir()
    os.rename(previous, old)
    _remove_apart(old)


def _remove_apart(old: Path) -> None:
    """Remove a folder the build no longer needs in a process of its own (the build does not wait)."""
    subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)", str(old)],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)
