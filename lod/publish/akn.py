"""The build's AKN output: one Akoma Ntoso XML file per published document, and a zip of all.

Each file lies in the output at the path of its manifestation IRI (`{base}/akn/un/…/eng@/!main.xml`
→ `akn/un/…/eng@/!main.xml`), so the server (or any static file server) finds it from the
IRI alone, and the six language expressions of a work sit side by side. Every file is checked
against the OASIS AKN 3.0 schema as it is written: a schema violation keeps the document out
of the build and is reported like a SHACL violation.
"""

from __future__ import annotations

import os
import time
import zipfile
from dataclasses import dataclass, field
from lod import output
from pathlib import Path
from typing import TYPE_CHECKING

from lod.akn.schema import akn_errors
from lod.akn.vocabulary import AKN_DIR
from lod.akn.writer import AKNWriteError, akn_document, manifestation_iri
from lod.model import Resolution
from lod.publish.dumps import files_under
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


def place_manifestation(scratch: Path, out: Path, path: str, outcome: DocumentOutcome) -> None:
    """Link a written AKN file to its place in the output and name it in the document's
    outcome; when that expression already has one (two input files of the same document), the
    first in corpus order keeps it and the other's outcome says so."""
    target = out / path
    if target.exists():
        outcome.warnings.append(f"{path} was already written from another file of the same expression")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    os.link(scratch, target)  # the file stays in the build cache (lod.publish.cache) too
    outcome.akn = path


def write_akn_zip(out: Path, seconds: dict[str, float] | None = None) -> Path | None:
    """dumps/akn.zip: every AKN file of the build under its output path, in path order, with
    fixed timestamps (`seconds` gets the time it took). None when the build has no AKN file."""
    started = time.perf_counter()
    folder = out / AKN_DIR
    files = [folder / n for n in files_under(folder) if n.endswith(".xml")] if folder.is_dir() else []
    if not files:
        return None
    target = out / output.dump(AKN_DUMP)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(str(path.relative_to(out)), date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    if seconds is not None:
        seconds[AKN_DUMP] = time.perf_counter() - started
    return target
