"""Where the tests find documents: the repository's corpus/ and, beside the repository, ../shared.

The repository holds only the documents the project may publish (the four seeds and the ones the
team wrote). Real UN documents from other people's repositories stay in ../shared (CI has it); a
test that needs one skips with a message where ../shared is absent (see conftest.py).

`CORPUS` is what most tests read: corpus/ plus ../shared/corpus/dev, linked into one temporary
folder so that a test can take any of them by file name.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPO_CORPUS = ROOT / "corpus"
SHARED = Path(os.environ.get("LOD_SHARED", ROOT.parent / "shared"))  # LOD_SHARED=/nowhere tries its absence
DEV = SHARED / "corpus" / "dev"
REAL = SHARED / "corpus" / "real"
UNDO_TTL = SHARED / "vendor" / "undo" / "undo.ttl"
ABSENT = f"needs {SHARED} (real UN documents, not kept in the repository); it is absent here"


def _combined() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="lod-test-corpus-"))
    atexit.register(shutil.rmtree, folder, True)
    for source in (REPO_CORPUS, DEV):
        if source.is_dir():
            for path in sorted(source.iterdir()):
                if path.is_file() and path.name != "README.md":
                    (folder / path.name).symlink_to(path)
    return folder


CORPUS = _combined()

needs_shared = pytest.mark.skipif(not DEV.is_dir(), reason=ABSENT)
"""For a test that reads the real documents of ../shared/corpus/dev by name (through `CORPUS`)."""
