"""Inputs that are one resolution of a file holding several.

The UN marks up some resolutions adopted together as one AKN `documentCollection`
(A/RES/77/256 A-B: resolutions 77/256 A and 77/256 B, each a statement with its own FRBR
identification, preamble, paragraphs and meeting). Each is a work of its own, with its own
IRI, AKN file, page and graph, so the build takes each as an input of its own: a `PartPath` is
the file's path (it opens, reads and names the file like any path) that also says which part
it stands for. `inputs(path)` is what the build's discovery calls for every file.
"""

from __future__ import annotations

from pathlib import Path, PosixPath, WindowsPath
from typing import Any

from lod.parse.akn import collection_parts

_BASE = WindowsPath if isinstance(Path(), WindowsPath) else PosixPath
_HEAD = 8192
"""Bytes read to decide whether a file may be a collection (its root's first child)."""


class PartPath(_BASE):  # type: ignore[misc, valid-type]
    """The path of a collection file, standing for its resolution `part` ("B")."""

    part: str | None = None

    @classmethod
    def of(cls, path: Path, part: str) -> PartPath:
        made = cls(path)
        made.part = part
        return made

    @property
    def label(self) -> str:
        """How reports name it: the file and the part, "A_RES_77_256 A-B-2300172E.xml#B"."""
        return f"{self.name}#{self.part}" if self.part else self.name

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and getattr(other, "part", None) == self.part

    def __hash__(self) -> int:
        return hash((super().__hash__(), self.part))

    def __lt__(self, other: Any) -> bool:
        return (str(self), self.part or "") < (str(other), getattr(other, "part", None) or "")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (str(self), self.part))


def _rebuild(path: str, part: str | None) -> PartPath:
    made = PartPath(path)
    made.part = part
    return made


def part_path(argument: str) -> Path:
    """The input a command line names: a file, or one resolution of a collection file as
    "FILE#B" (how reports name it, `PartPath.label`). A file whose own name holds "#" is that file."""
    whole = Path(argument)
    file, hash_, part = argument.rpartition("#")
    if whole.exists() or not hash_ or not part or not file:
        return whole
    return PartPath.of(Path(file), part)


def inputs(path: Path) -> list[Path]:
    """The inputs a file holds: itself, or one `PartPath` per resolution of an AKN collection."""
    if path.suffix.lower() != ".xml":
        return [path]
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
        if b"documentCollection" not in head:
            return [path]
        parts = collection_parts(path.read_bytes())
    except OSError:
        return [path]  # the build reports an unreadable file when it reads it
    return [PartPath.of(path, p) for p in parts] or [path]
