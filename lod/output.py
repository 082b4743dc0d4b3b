"""The build's output layout, as ONE grammar: every path of output/ is made here.

`lod build` writes these paths (lod.publish), the store loads from them (lod.store) and the
web layer sends them (lod.web); none of them spells a path of its own, so a file cannot be
written under one name and looked for under another.

    output/
      documents/{slug}.ttl                 one per document file        document_turtle(slug)
      documents/authorities.ttl            States, bodies, treaties     document_turtle(AUTHORITIES)
      dumps/{name}                         the dataset                  DUMPS (name → format, label)
      akn/un/…/{lang}@/!main.xml           AKN manifestations           (lod.akn: the IRI's own path)
      descriptions/                        every description, in every format, gzip-compressed once
        {work path}/data.{ext}.gz          a work (or cited-work stub)  work_description(path, fmt)
        {work path}/data.{lang}.html.gz    its page in another language work_description(path, HTML, lang)
        resource/{hh}/{sha256}.{ext}.gz    any other resource           resource_description(iri, fmt)
        symbols.tsv                        document symbol → work IRI   SYMBOLS
        inputs.tsv                         digest of each one's inputs  DESCRIPTION_INPUTS
      search/                              full-text index (tantivy)    SEARCH_INDEX
      report.json                          the build report             REPORT
      newest.json                          the newest documents         NEWEST
      lists.sqlite                         the browse pages' lists      LISTS (lod.lists)
      void.ttl                             VoID + DCAT                  VOID
      SHA256SUMS                           sha256 of every file above   CHECKSUMS
    .output.cache/                         beside output/, never in it: cache_root(out)
                                           (the build cache, lod.publish.cache)

`{work path}` is the work IRI without the base (`akn/un/statement/deliberation/unga/2015-12-17/
70-174`); `{hh}/{sha256}` is the sha256 of a resource's IRI (any IRI can be described, ours or
not, and an IRI is not a safe file name). `{ext}` is the format's suffix (lod.formats).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from isal import igzip

from lod import formats
from lod.formats import HTML, Format

DOCUMENTS = "documents"
DUMPS_DIR = "dumps"
AKN_DIR = "akn"
DESCRIPTIONS = "descriptions"
RESOURCES = f"{DESCRIPTIONS}/resource"
SYMBOLS = f"{DESCRIPTIONS}/symbols.tsv"
DESCRIPTION_INPUTS = f"{DESCRIPTIONS}/inputs.tsv"
"""`{sha256 of its inputs}\t{IRI}` per description: an unchanged one is reused by the next build."""
SEARCH_INDEX = "search"
REPORT = "report.json"
NEWEST = "newest.json"
"""The newest documents, newest first (work, symbol, title, date): what the home page and
/documents list, read from the build instead of ordering every work of the store by date per
view (1-3 s at 17,000 documents on the embedded store)."""
NEWEST_COUNT = 500
LISTS = "lists.sqlite"
"""Every browse page's document list (a State's sponsored documents, a treaty's citing ones, a
body's, a subject's, a State's votes), written by lod.publish.lists, read by lod.lists."""
VOID = "void.ttl"
CHECKSUMS = "SHA256SUMS"
AUTHORITIES = "authorities"
"""The slug of the authorities graph's Turtle file (documents/authorities.ttl)."""

COMPRESSED = ".gz"
"""Descriptions are stored gzip-compressed, once; the server sends them as they are."""
DEFAULT_PAGE_LANGUAGE = "en"

DUMP_TURTLE = "lod.ttl"
DUMP_NTRIPLES = "lod.nt.gz"
DUMP_NQUADS = "lod.nq.gz"
DUMP_JSONLD = "lod.jsonld"
DUMP_AKN = "akn.zip"
DUMPS: dict[str, tuple[Format, str]] = {
    DUMP_TURTLE: (formats.TURTLE, "Turtle"),
    DUMP_NTRIPLES: (formats.NTRIPLES, "N-Triples (gzip)"),
    DUMP_NQUADS: (formats.NQUADS, "N-Quads, one named graph per document (gzip)"),
    DUMP_JSONLD: (formats.JSONLD, "JSON-LD"),
    DUMP_AKN: (formats.AKN, "Akoma Ntoso (AKN4UN) XML of every document (zip)"),
}
"""File name under dumps/ → (format, label): the distributions the dataset description lists."""

TOP_FILES = (VOID, CHECKSUMS, REPORT)
"""Files at the top of output/ offered for download."""
LISTED = (DUMPS_DIR, DOCUMENTS)
"""Folders whose files are offered for download (/dumps/, /documents/)."""


GZIP_LEVEL = 2
"""ISA-L's level for every gzip file the build writes: the descriptions (which the server sends as
they are), the dump chunks of lod.nt.gz and the N-Quads members of lod.nq.gz. Measured on the
work descriptions of a 200-document build, zlib's default (6) took 0.75 ms per file for 9.7 % of
the size, ISA-L 2 0.09 ms for 12.0 %; on 200 MB of the dataset's N-Triples zlib 6 compressed
145 MB/s to 5.7 %, ISA-L 2 1,655 MB/s to 7.3 % (docs/benchmarks.md): files a fifth larger,
made eight to eleven times faster."""


def gzip_bytes(data: bytes) -> bytes:
    """`data` as one gzip member as the build writes it: no file name, no timestamp, so the same
    bytes in give the same bytes out (RFC 1952 lets members follow each other in one file)."""
    return igzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def cache_root(out: Path) -> Path:
    """`.{name}.cache` beside the output folder: the build cache (lod.publish.cache), which
    each build keeps and the atomic swap of output/ does not touch."""
    out = Path(out).resolve()
    return out.parent / f".{out.name}.cache"


def read_newest(data: Path) -> list[dict[str, str]] | None:
    """newest.json of the build in `data`, or None where there is none (an older build, or data
    served without one): rows of work, symbol, title and date (lod.publish.newest writes them)."""
    try:
        rows = json.loads((Path(data) / NEWEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return rows if isinstance(rows, list) else None


def dump(name: str) -> str:
    """dumps/{name}"""
    return f"{DUMPS_DIR}/{name}"


def document_turtle(slug: str) -> str:
    """documents/{slug}.ttl"""
    return f"{DOCUMENTS}/{slug}.{formats.TURTLE.ext}"


def work_path(work: str, base: str) -> str | None:
    """A work IRI's path without the base and slashes (`akn/un/…/70-174`), or None for an IRI
    that is not on `base` or whose path could leave its folder."""
    prefix = base.rstrip("/") + "/"
    if not work.startswith(prefix):
        return None
    path = work[len(prefix):]
    if not path or any(seg in ("", ".", "..") for seg in path.split("/")) or "\\" in path or "\0" in path:
        return None
    return path


def work_description(path: str, fmt: Format, lang: str = DEFAULT_PAGE_LANGUAGE) -> str:
    """descriptions/{work path}/data.{ext}.gz (HTML in a language other than English:
    data.{lang}.html.gz)."""
    name = f"data.{lang}.{fmt.ext}" if fmt is HTML and lang != DEFAULT_PAGE_LANGUAGE else f"data.{fmt.ext}"
    return f"{DESCRIPTIONS}/{path}/{name}{COMPRESSED}"


def dataset_iri(base: str) -> str:
    """The dataset's own IRI (described by void.ttl, and like any resource under descriptions/)."""
    return f"{base.rstrip('/')}/dataset"


def resource_key(iri: str) -> str:
    return hashlib.sha256(iri.encode("utf-8")).hexdigest()


def resource_description(iri: str, fmt: Format) -> str:
    """descriptions/resource/{hh}/{sha256 of the IRI}.{ext}.gz"""
    key = resource_key(iri)
    return f"{RESOURCES}/{key[:2]}/{key}.{fmt.ext}{COMPRESSED}"
