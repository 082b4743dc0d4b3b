"""Sending a description the build wrote: the file as it is, with the headers HTTP asks for.

Descriptions are stored gzip-compressed once (lod.describe.build); a client that accepts gzip
gets those bytes with `Content-Encoding: gzip` and, as ETag, their sha256 (the one in
SHA256SUMS); any other client gets them decompressed. Pages link the static files at
`/static/…`; a server mounted under a path prefix (SCRIPT_NAME) gets that one link rewritten.
"""

from __future__ import annotations

import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from isal import igzip
from werkzeug.http import quote_etag
from werkzeug.wrappers import Request, Response

from lod import output
from lod.describe.html import STATIC
from lod.formats import HTML, Format


def send_description(req: Request, data: Path, relative: str, fmt: Format) -> Response | None:
    """The stored description at `relative` in `fmt` as `req` accepts it, or None when the build has none.

    Its headers are given to the response whole: each werkzeug `Headers` update scans all
    of them. A client that does not accept gzip gets the bytes inflated by ISA-L (lod.describe
    compressed them with it), two to three times faster than zlib."""
    try:
        with open(os.path.join(data, relative), "rb") as stored_file:
            stored = stored_file.read()
    except OSError:
        return None
    root = req.script_root
    if fmt is HTML and root:
        body = igzip.decompress(stored).replace(f'"{STATIC}'.encode(), f'"{root}{STATIC}'.encode())
        response = Response(body, mimetype=fmt.mime)  # compressed on the way out like any page
        response.vary.add("Accept-Encoding")
        return response
    digest = hashlib.sha256(stored).hexdigest()
    if "gzip" in req.headers.get("Accept-Encoding", "").lower():
        headers = [("Content-Encoding", "gzip"), ("ETag", quote_etag(digest)), ("Vary", "Accept-Encoding")]
        return Response(stored, mimetype=fmt.mime, headers=headers)
    headers = [("ETag", quote_etag(digest + "-identity")), ("Vary", "Accept-Encoding")]
    return Response(igzip.decompress(stored), mimetype=fmt.mime, headers=headers)


def has_description(data: Path, relative: str) -> bool:
    return (data / relative).is_file()


@dataclass
class SymbolTable:
    """descriptions/symbols.tsv of the build in use (symbol → work IRI), read again when the
    build is replaced (its file's identity changes)."""

    _identity: tuple[int, int, int] | None = None
    _table: dict[str, str] | None = None
    _lock: threading.Lock = threading.Lock()

    def work(self, data: Path, symbol: str) -> str | None:
        path = data / output.SYMBOLS
        try:
            stat = path.stat()
        except OSError:
            return None
        identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if identity != self._identity or self._table is None:
                text = path.read_text(encoding="utf-8")
                self._table = dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)
                self._identity = identity
            return self._table.get(symbol)


SYMBOLS = SymbolTable()
