"""Every setting of lod in one typed table: its name, default, type, environment variable and help.

The table is the frozen dataclass `Settings` itself: each field is a setting (`query_timeout`
is the setting `query-timeout`, variable `LOD_QUERY_TIMEOUT`, option `--query-timeout`), its
annotation the type the value is converted to once, when the settings are resolved, so no caller
casts (`int(config["workers"])`) again. The CLI options (lod.cli), the server and
docs/settings.md are made from or checked against it (tests/test_settings_documented.py fails
when a setting is undocumented, tests/test_cli.py when one cannot be set by option or variable).
"""

from __future__ import annotations

import dataclasses
import os
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from lod.uri import DEFAULT_BASE


class SettingError(ValueError):
    """A setting given a value of the wrong kind; the message names the setting and where it came from."""


def flag(raw: str | bool) -> bool:
    """A yes/no setting from the environment or the command line ("1", "true", "yes", "on")."""
    if isinstance(raw, bool):
        return raw
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"not a yes/no value: {raw!r}")


CONVERTERS: dict[str, Callable[[Any], Any]] = {"str": str, "int": int, "float": float, "bool": flag, "Path": Path}
"""How a value from the environment or a caller becomes the field's type (by its annotation)."""


SERVE = ("serve",)
BUILD = ("build",)


def _setting(default: Any, help: str, commands: tuple[str, ...] = SERVE, choices: tuple[str, ...] = ()) -> Any:
    """A field of `Settings`: its default, the help shown by `lod … --help` (docs/settings.md says
    more), the `lod` commands that take it as an option, and the values it may take if it is a choice."""
    return field(default=default, metadata={"help": help, "commands": commands, "choices": choices})


@dataclass(frozen=True)
class Settings(Mapping[str, Any]):
    """The settings in force, typed. Read them as attributes (`settings.query_timeout`).

    `settings["query-timeout"]` (read-only mapping access by setting name) still works for
    code written against the earlier `dict[str, Any]`; new code uses the attributes.
    """

    base: str = _setting(DEFAULT_BASE, 'IRI base of every published resource (work, expression, paragraph IRIs).',
                         ("serve", "build", "validate"))
    data: Path = _setting(
        Path("output"),
        'Build output directory that `lod serve` publishes (dumps, per-document Turtle, store).',
        ("serve", "publish"),
    )
    host: str = _setting('127.0.0.1', 'Interface the server listens on.')
    port: int = _setting(8080, 'TCP port the server listens on.')
    workers: int = _setting(2, 'gunicorn worker processes.')
    query_timeout: float = _setting(30.0, 'Seconds a SPARQL query may run before it is stopped and answered 503.')
    max_rows: int = _setting(
        10000,
        'Most result rows a SPARQL SELECT returns; beyond it the query fails, never truncates.'
    )
    max_request_bytes: int = _setting(1000000, 'Largest request body accepted (a SPARQL query by POST).')
    search_timeout: float = _setting(
        5.0,
        'Seconds a full-text search (/search) may run before it is stopped and answered 503.'
    )
    search_cache: int = _setting(
        500,
        'Answers of /search each server worker keeps in memory (least recently asked dropped first, all of'
        ' them when the build changes); 0 keeps none.'
    )
    client_concurrency: int = _setting(
        4,
        'SPARQL queries one client may have running at once (429 beyond); always fewer than workers x query-'
        'processes.'
    )
    client_seconds_per_minute: float = _setting(
        60.0,
        'SPARQL query seconds one client may use per minute (429 beyond).'
    )
    trusted_proxies: int = _setting(
        0,
        'Reverse proxies in front of the server whose X-Forwarded-For, -Proto and -Host are believed (the'
        ' client a budget is charged to is then the address the nearest of them saw); 0 believes none.'
    )
    cache_max_age: int = _setting(300, 'Seconds clients and proxies may cache a response (Cache-Control max-age).')
    threads: int = _setting(
        8,
        'Threads per server worker running the app: requests one worker answers at once (connections are read'
        " by the worker's event loop, not by these threads)."
    )
    query_processes: int = _setting(
        2,
        'Killable child processes per server worker that run SPARQL queries (their concurrency).'
    )
    query_processes_idle: int = _setting(
        1,
        'Of those, how many stay started while no query comes (ready at once); the others stop after a minute'
        ' idle and start again (milliseconds) when queries arrive together. 0 keeps none.'
    )
    access_log: bool = _setting(
        True,
        "Write one line per request to standard output (gunicorn's access log); off saves a little CPU per "
        'request.'
    )
    reload_check_seconds: float = _setting(
        2.0,
        'How often the server checks whether a new build landed in the data directory.'
    )
    max_query_bytes: int = _setting(
        100000,
        'Longest SPARQL query text accepted, in UTF-8 bytes (413 beyond); checking a query costs time in '
        'proportion.'
    )
    query_memory_mb: int = _setting(
        1024,
        'Megabytes of memory each SPARQL query process may use (an OS limit); a query needing more is stopped'
        ' and answered 503. 0: unlimited.'
    )
    query_queue: int = _setting(
        2,
        'SPARQL queries that may wait for a free query process, per server worker; beyond, 503 at once with '
        'Retry-After.'
    )
    query_queue_seconds: float = _setting(
        5.0,
        'Most seconds a SPARQL query waits in that queue before it is answered 503 with Retry-After.'
    )
    query_network_unconfined: bool = _setting(
        False,
        'Accept the risk of running SPARQL queries in processes that can reach the network, where this system'
        ' allows neither network namespaces nor seccomp. Off (the default): SPARQL is refused there, with a '
        'start-up error.'
    )
    max_connections: int = _setting(
        1000,
        'Open connections one server worker holds (idle and slow ones included); more wait in the listen '
        'backlog.'
    )
    request_read_seconds: float = _setting(
        10.0,
        "Seconds a client has to send a request's head, and again its body; then the connection is closed "
        '(head) or answered 408 (body).'
    )
    max_url_bytes: int = _setting(
        8192,
        'Longest request target (path and query) accepted outside /sparql (414 beyond); a /sparql query in '
        'the URL may be as long as max-request-bytes.'
    )
    build_cache: bool = _setting(
        True,
        '`lod build`: reuse what an earlier build into the same output folder made of unchanged documents '
        'and dump chunks (kept in `.{output}.cache/` beside it). Off (or `--no-cache`): a full build.',
        BUILD,
    )
    max_pages: int = _setting(
        2000,
        '`lod build`: a document with more pages (PDF) is refused and reported, not published.',
        BUILD,
    )
    document_seconds: float = _setting(
        120.0,
        '`lod build`: seconds one document may take to parse, or to map and validate; beyond, it is refused '
        'and reported.',
        BUILD,
    )
    document_memory_mb: int = _setting(
        2048,
        '`lod build`: memory (MB) a build worker may use for one document; beyond, the document is refused '
        'and reported.',
        BUILD,
    )
    store: str = _setting(
        '',
        'HTTP root of an external SPARQL engine to serve from (e.g. http://127.0.0.1:8890 for Virtuoso); '
        'empty: the embedded store built from the data directory; a directory: a pyoxigraph store loaded '
        'there. `lod publish --to` loads a build into an engine.'
    )
    engine: str = _setting(
        'virtuoso',
        'Kind of the external engine at `store` / `lod publish --to`: virtuoso, oxigraph, or sparql (any '
        'SPARQL 1.1 endpoint, `store` being its query URL; serving only).',
        ("serve", "publish"),
        ("virtuoso", "oxigraph", "sparql"),
    )
    store_dir: str = _setting(
        '',
        "Directory of the server's on-disk SPARQL store (one subdirectory per build); empty: .{data}.store "
        'next to the data directory.'
    )

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self, _BY_NAME[name].attribute)
        except KeyError:
            raise KeyError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(_BY_NAME)

    def __len__(self) -> int:
        return len(_BY_NAME)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed (names with `_` or `-`), converted like any other value."""
        return resolve(changes, start=self)


@dataclass(frozen=True)
class Setting:
    """One row of the table, as the CLI and the documentation test read it."""

    name: str
    default: Any
    help: str
    type: Callable[[Any], Any]
    commands: tuple[str, ...] = SERVE
    """The `lod` commands that take it as an option (every setting is also read from its variable)."""
    choices: tuple[str, ...] = ()

    @property
    def env(self) -> str:
        return "LOD_" + self.name.upper().replace("-", "_")

    @property
    def attribute(self) -> str:
        return self.name.replace("-", "_")


def _rows() -> tuple[Setting, ...]:
    hints = typing.get_type_hints(Settings)
    rows = []
    for f in dataclasses.fields(Settings):
        kind = getattr(hints[f.name], "__name__", str(hints[f.name]))
        rows.append(Setting(f.name.replace("_", "-"), f.default, f.metadata["help"], CONVERTERS[kind],
                            f.metadata["commands"], f.metadata["choices"]))
    return tuple(rows)


SETTINGS: tuple[Setting, ...] = _rows()
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    return _BY_NAME[name]


_KIND_NAMES: dict[Callable[[Any], Any], str] = {int: "whole number", float: "number", flag: "yes/no value",
                                                Path: "path", str: "text"}


def _convert(s: Setting, raw: Any, origin: str) -> Any:
    """`raw` as the setting's type; a value that is not one is an error naming the setting and its origin."""
    kind = _KIND_NAMES[s.type]
    if isinstance(raw, bool):
        if s.type is flag:
            return raw
        raise SettingError(f"{origin}: {raw!r} is not a {kind}")
    if s.type is float and isinstance(raw, int) or s.type is Path and isinstance(raw, Path):
        return s.type(raw)
    if s.type in (int, float) and isinstance(raw, s.type):  # type: ignore[arg-type]
        return raw
    if not isinstance(raw, str):
        raise SettingError(f"{origin}: {raw!r} is not a {kind}")
    try:
        converted = s.type(raw)
    except ValueError:
        raise SettingError(f"{origin}: {raw!r} is not a {kind}") from None
    if s.choices and converted not in s.choices:
        raise SettingError(f"{origin}: {raw!r} is not one of {', '.join(s.choices)}")
    return converted


def value(name: str, override: Any = None) -> Any:
    """One setting in force: an explicit override, else the environment variable, else the default."""
    s = _BY_NAME[name]
    if override is not None:
        return _convert(s, override, f"setting {name}")
    raw = os.environ.get(s.env)
    return _convert(s, raw, f"environment variable {s.env}") if raw is not None else s.default


@typing.overload
def resolve(overrides: str, override: Any = None) -> Any: ...


@typing.overload
def resolve(overrides: Mapping[str, Any] | None = None, *, start: Settings | None = None) -> Settings: ...


def resolve(overrides: Mapping[str, Any] | str | None = None, override: Any = None, *,
            start: Settings | None = None) -> Any:
    """The `Settings` in force: explicit overrides (names with `-` or `_`; None means not given),
    else the environment, else the defaults, each converted to its type once, here.

    `resolve("query-timeout")` (a name) still answers that one value, for callers written
    against the earlier registry; it is `value(name)`.
    """
    if isinstance(overrides, str):
        return value(overrides, override)
    given = {k.replace("_", "-"): v for k, v in (overrides or {}).items() if v is not None}
    unknown = set(given) - set(_BY_NAME)
    if unknown:
        raise SettingError(f"unknown settings: {sorted(unknown)}")
    if start is not None:
        changes = {_BY_NAME[n].attribute: _convert(_BY_NAME[n], v, f"setting {n}") for n, v in given.items()}
        return dataclasses.replace(start, **changes)
    return Settings(**{s.attribute: value(s.name, given.get(s.name)) for s in SETTINGS})
