"""Files linked into the output in threads: creating folders and links is the kernel's work.

A build places each document's files (its Turtle, its AKN manifestation under the work's path)
by hard link from the build cache or the scratch folder. At 10,000 documents that is 20,000
links and 23,000 folders (an AKN path is several folders deep per document), which took the
main thread 5 s of a one-document change: system calls that release the GIL, so a few threads
make them side by side.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

THREADS = 4
BATCH = 500


def link_all(pairs: Sequence[tuple[str, str]], threads: int = THREADS) -> None:
    """Hard-link each (source, target), making the target's folders; the first failure is raised."""
    batches = [pairs[i:i + BATCH] for i in range(0, len(pairs), BATCH)]
    if len(batches) < 2:
        _link(pairs)
        return
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(_link, batches))


def _link(pairs: Sequence[tuple[str, str]]) -> None:
    made: set[str] = set()
    for source, target in pairs:
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        os.link(source, target)
