"""What one document may cost the build, enforced in the build's worker processes.

A hostile or broken input (a 3,000-page PDF, a text that sends a converter into a loop) must not
hold the build for minutes or take the machine's memory: each document gets at most
`max_pages` pages, `seconds` of work per pass and `memory_mb` of memory, and one that needs
more is refused and reported by name (report.json), while the others are published. The
limits are generic: they wrap whatever converter runs, never live inside one.

- pages: counted from the file before it is parsed (PDF: its page tree; Word: the page count
  the file declares), so a huge document is refused before any work;
- time: a timer signal in the worker interrupts the document's Python code at the deadline;
- memory: an OS limit on the worker process (RLIMIT_DATA), so an allocation beyond it fails
  with MemoryError in that worker instead of the machine swapping.

Every process of the build is started by `fork_context()`. Workers also die with the build: a worker whose main build process is gone (killed with
`kill -9`) exits instead of waiting forever for work (PR_SET_PDEATHSIG on Linux, else a thread
watching the parent's pid).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import multiprocessing.context
import os
import re
import resource
import signal
import sys
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from lod import settings as registry
from lod.settings import Settings

_PR_SET_PDEATHSIG = 1


class Refused(Exception):
    """A document over one of the limits; its message is what report.json says."""


@dataclass(frozen=True)
class DocumentLimits:
    max_pages: int = 2000
    seconds: float = 120.0
    memory_mb: int = 2048

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> DocumentLimits:
        """The limits in force (settings max-pages, document-seconds, document-memory-mb)."""
        s = settings or registry.resolve()
        return cls(s.max_pages, s.document_seconds, s.document_memory_mb)


def page_count(path: Path) -> int | None:
    """Pages of a PDF or Word file without parsing its content; None for other files or when
    the file does not say (a broken file is the converter's to report)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            from lod.parse.pdf import pdf_page_count

            return pdf_page_count(path)
        if suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                app = archive.read("docProps/app.xml").decode("utf-8", "replace")
            match = re.search(r"<(?:\w+:)?Pages>(\d+)</", app)
            return int(match.group(1)) if match else None
    except Exception:  # noqa: BLE001 - unreadable here: the converter gives the real error
        return None
    return None


def check_pages(path: Path, limits: DocumentLimits) -> None:
    pages = page_count(path)
    if pages is not None and pages > limits.max_pages:
        raise Refused(f"{path.name}: refused: more than {limits.max_pages} pages ({pages}; setting max-pages)")


@contextmanager
def deadline(name: str, limits: DocumentLimits, what: str) -> Iterator[None]:
    """Raise Refused in this (worker) process when the block runs past `limits.seconds`.
    Only in a process's main thread (where signals are delivered); elsewhere it does nothing."""
    if threading.current_thread() is not threading.main_thread() or limits.seconds <= 0:
        yield
        return

    def _expired(signum: int, frame: FrameType | None) -> None:
        raise Refused(f"{name}: refused: {what} took more than {limits.seconds:g} s (setting document-seconds)")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, limits.seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def memory_refusal(name: str, limits: DocumentLimits) -> str:
    return f"{name}: refused: needs more than {limits.memory_mb} MB of memory (setting document-memory-mb)"


def start_worker(limits: DocumentLimits) -> None:
    """Run first in each build worker process: cap its memory, and tie its life to the build's."""
    if limits.memory_mb > 0:
        cap = limits.memory_mb << 20
        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        resource.setrlimit(resource.RLIMIT_DATA, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    exit_with_parent()


def fork_context() -> multiprocessing.context.BaseContext:
    """How the build starts its processes: forked (they inherit what the parent has read), where
    the platform can."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def exit_with_parent() -> None:
    """End this process when its parent dies, rather than wait forever on a pipe nobody writes."""
    parent = os.getppid()
    libc_name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    if libc_name:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the call took effect
                os._exit(1)
            return

    def _watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(1.0)
        os._exit(1)

    threading.Thread(target=_watch, name="lod-exit-with-parent", daemon=True).start()
