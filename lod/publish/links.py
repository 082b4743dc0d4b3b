"""Entries of a corpus folder that look like files but lead nowhere: reported, never silent.

discover() passes over anything that is not a readable file; a symbolic link loop or a dangling
link is most likely a mistake in how the corpus was assembled, so report.json names each one.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


def unreadable_links(corpus: Path) -> list[dict[str, str]]:
    """Symbolic links under `corpus` that lead nowhere a build could read: loops (a link to
    itself, to each other, or to a folder that contains it) and dangling links. discover()
    passes over them; the report says so, by name."""
    if not corpus.is_dir():
        return []
    found = []
    for path in sorted(corpus.rglob("*")):
        if not path.is_symlink() or any(part.startswith(".") for part in path.relative_to(corpus).parts):
            continue
        reason = None
        try:
            target = path.resolve(strict=True)
            here = path.parent.resolve()
            if target.is_dir() and (target == here or target in here.parents):
                reason = f"symbolic link loop: a link to {target}, a folder that contains it"
        except (RuntimeError, OSError) as exc:
            looping = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
            reason = "symbolic link loop" if looping else f"broken symbolic link to {os.readlink(path)}"
        if reason:
            found.append({"source": str(path.relative_to(corpus)), "reason": f"skipped: {reason}"})
    return found
