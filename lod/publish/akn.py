"""The build's AKN output: one Akoma Ntoso XML file per published document, and a zip of all.

Each file lies in the output at the path of its manifestation IRI (`{base}/akn/un/…/eng@/!main.xml`
→ `akn/un/…/eng@/!main.xml`), so the server (or any static file server) finds it from the
IRI alone, and the six language expressions of a work sit side by side. Every file is checked
against the OASIS AKN 3.0 schema as it is written: a schema violation keeps the document out
of the build and is reported like a SHACL violation.
"""

from __future__ import annotations

import struct
import time
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from lod import output
from pathlib import Path
from typing import TYPE_CHECKING

from lod.akn.schema import akn_errors
from lod.akn.vocabulary import AKN_DIR
from lod.akn.writer import AKNWriteError, akn_document, manifestation_iri
from lod.model import Resolution
from lod.publish.dumps import files_under
from lod.publish.signatures import sha256_file
from lod.rdf.registry import WorkRegistry

if TYPE_CHECKING:  # the pipeline imports this module
    from lod.publish.report import DocumentOutcome

AKN_DUMP = output.DUMP_AKN
"""File name, in dumps/, of the zip of every AKN file (listed in void.ttl with the RDF dumps)."""

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every zip entry's timestamp: the same input gives a byte-identical zip."""


@dataclass
class AKNOutcome:
    """One document's AKN file: where it goes in the output, or why it could not be written."""

    path: str | None = None
    violations: list[str] = field(default_factory=list)


def manifestation_path(res: Resolution, registry: WorkRegistry, base: str) -> str:
    """The output-relative path of a document's AKN file: its manifestation IRI's path."""
    iri = manifestation_iri(registry.work_for(res), res.language or "")
    return iri[len(base.rstrip("/")) + 1:]


def write_manifestation(res: Resolution, registry: WorkRegistry, base: str, scratch: Path) -> AKNOutcome:
    """Write a document's AKN XML to `scratch` if it is valid; its violations otherwise."""
    try:
        xml = akn_document(res, registry, base)
        path = manifestation_path(res, registry, base)
    except AKNWriteError as exc:
        return AKNOutcome(violations=[f"Violation: AKN: {exc}"])
    except ValueError as exc:  # lxml refusing a text (a character XML cannot carry): this document's fault
        return AKNOutcome(violations=[f"Violation: AKN: the text cannot be written as XML ({exc})"])
    errors = akn_errors(xml)
    if errors:
        return AKNOutcome(violations=[f"Violation: AKN schema (akomantoso30.xsd): {e}" for e in errors])
    scratch.write_bytes(xml)
    return AKNOutcome(path=path)


def place_manifestation(path: str, outcome: DocumentOutcome, placed: set[str]) -> bool:
    """Whether a written AKN file goes to `path` in the output (`placed`: the paths given so far,
    to which it is added); it is then named in the document's outcome. When that expression
    already has one (two input files of the same document), the first in corpus order keeps it
    and the other's outcome says so. The caller links the file (lod.publish.hardlinks)."""
    if path in placed:
        outcome.warnings.append(f"{path} was already written from another file of the same expression")
        return False
    placed.add(path)
    outcome.akn = path
    return True


def write_akn_zip(out: Path, seconds: dict[str, float] | None = None, previous: Path | None = None,
                  known: Mapping[str, str] | None = None) -> Path | None:
    """dumps/akn.zip: every AKN file of the build under its output path, in path order, with
    fixed timestamps (`seconds` gets the time it took). None when the build has no AKN file.

    `previous`: the previous build's output. A file whose sha256 (in `known`, else read) is the
    one that build's SHA256SUMS gives for the same path has the same compressed bytes in that
    build's akn.zip (same bytes, same zlib, same level: `ZIP_MARK`, which the zip's comment
    carries), so its member is copied from there without compressing it again.
    """
    started = time.perf_counter()
    folder = out / AKN_DIR
    files = [folder / n for n in files_under(folder) if n.endswith(".xml")] if folder.is_dir() else []
    if not files:
        return None
    target = out / output.dump(AKN_DUMP)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
            _PreviousZip.open(previous) as old:
        archive.comment = ZIP_MARK
        for path in files:
            name = str(path.relative_to(out))
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if not old.copy(archive, info, (known or {}).get(name) or sha256_file(path)):
                archive.writestr(info, path.read_bytes())
    if seconds is not None:
        seconds[AKN_DUMP] = time.perf_counter() - started
    return target


ZIP_MARK = f"lod AKN: deflate at the default level of zlib {zlib.ZLIB_RUNTIME_VERSION}".encode()
"""The zip's comment: how its members were compressed. A previous zip whose comment differs
gives no member to copy."""


class _PreviousZip:
    """The previous build's akn.zip, whose unchanged members are copied raw (still compressed)."""

    def __init__(self, archive: zipfile.ZipFile | None, sums: dict[str, str]) -> None:
        self.archive = archive
        self.sums = sums

    @classmethod
    @contextmanager
    def open(cls, previous: Path | None) -> Iterator[_PreviousZip]:
        path = previous / output.dump(AKN_DUMP) if previous is not None else None
        try:
            archive = zipfile.ZipFile(path) if path is not None and path.is_file() else None
        except (OSError, zipfile.BadZipFile):
            archive = None
        if archive is not None and archive.comment != ZIP_MARK:
            archive.close()
            archive = None
        sums: dict[str, str] = {}
        if archive is not None:
            for line in (previous / output.CHECKSUMS).read_text(encoding="utf-8").splitlines():  # type: ignore[operator]
                digest, _, name = line.partition("  ")
                if name.startswith(AKN_DIR):
                    sums[name] = digest
        try:
            yield cls(archive, sums)
        finally:
            if archive is not None:
                archive.close()

    def copy(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, sha256: str) -> bool:
        """Write the previous zip's member of `info.filename` into `archive` as it is, with the
        local header `writestr` would write (zipfile has no public call for a raw copy: this is
        its own `_open_to_write` and `_ZipWriteFile.close` for already compressed bytes)."""
        if self.archive is None or self.sums.get(info.filename) != sha256:
            return False
        try:
            old = self.archive.getinfo(info.filename)
        except KeyError:
            return False
        if old.compress_type != zipfile.ZIP_DEFLATED or old.flag_bits & 0x08:
            return False
        fp = self.archive.fp
        assert fp is not None
        fp.seek(old.header_offset)
        header = fp.read(zipfile.sizeFileHeader)
        fields = struct.unpack(zipfile.structFileHeader, header)
        fp.seek(old.header_offset + zipfile.sizeFileHeader + fields[zipfile._FH_FILENAME_LENGTH]
                + fields[zipfile._FH_EXTRA_FIELD_LENGTH])
        raw = fp.read(old.compress_size)
        info.CRC, info.compress_size, info.file_size = old.CRC, old.compress_size, old.file_size
        zip64 = info.file_size * 1.05 > zipfile.ZIP64_LIMIT
        out = archive.fp
        assert out is not None
        out.seek(archive.start_dir)
        info.header_offset = out.tell()
        archive._writecheck(info)  # type: ignore[attr-defined]
        archive._didModify = True  # type: ignore[attr-defined]
        out.write(info.FileHeader(zip64))
        out.write(raw)
        archive.start_dir = out.tell()  # type: ignore[attr-defined]
        archive.filelist.append(info)
        archive.NameToInfo[info.filename] = info
        return True
