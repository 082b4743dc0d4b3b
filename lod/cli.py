"""The `lod` command: one entry point for every stage (parse, validate, build, serve).

The one parser of the project: every setting of lod/settings.py is an option of the commands
that read it, made from the settings table (so `LOD_BASE=... lod build` and `lod build --base
...` mean the same thing and both are documented in one place), and `python -m lod.serve` is
`lod serve`.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from lod import __version__
from lod import settings as table
from lod.settings import Settings

_CLICK_TYPES: dict[Any, Any] = {int: click.INT, float: click.FLOAT, table.flag: click.BOOL, str: click.STRING,
                                Path: click.Path(path_type=Path)}


def _option(s: table.Setting, default: Any = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The click option of one setting: its type, help, default and variable from the settings table
    (None: not given, so the environment or the table's default applies when it is resolved)."""
    kind = click.Choice(s.choices) if s.choices else _CLICK_TYPES[s.type]
    return click.option(f"--{s.name}", s.attribute, default=default, type=kind, show_envvar=True, envvar=s.env,
                        help=f"{s.help} [default: {s.default if default is None else default}]")


def settings_options(command: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Every setting `command` takes, as options; the command receives them resolved, as `settings`."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        names = [s.attribute for s in table.SETTINGS if command in s.commands]

        @functools.wraps(function)
        def with_settings(**kwargs: Any) -> Any:
            given = {name: kwargs.pop(name) for name in names}
            try:
                resolved = table.resolve(given)
            except table.SettingError as exc:
                raise click.UsageError(str(exc)) from None
            return function(settings=resolved, **kwargs)

        for s in reversed([s for s in table.SETTINGS if command in s.commands]):
            with_settings = _option(s)(with_settings)
        return with_settings

    return decorate


def jobs_option(default: int | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--jobs`, the one definition wherever documents are read in parallel (`lod check`,
    `lod build`, the benchmarks, which default to 2 on a shared machine)."""
    shown = "all cores" if default is None else default
    return click.option("--jobs", type=click.IntRange(min=1), default=default, help=f"Worker processes [default: {shown}].")


def seed_option() -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--seed` of a synthetic corpus (`lod corpus synth`, the benchmarks that synthesize one)."""
    return click.option("--seed", type=int, default=0, show_default=True, help="Same N and seed, byte-identical corpus.")


def setting_option(name: str, default: Any = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The option of one setting, for a tool outside `lod` (the benchmarks) that takes it too;
    `default` where that tool wants another (a benchmark's server without its access log)."""
    return _option(table.setting(name), default)


JOBS = jobs_option()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lod")
def main() -> None:
    """Linked Open Data for United Nations resolutions.

    \b
    lod parse FILE --json     what the converter reads in one document
    lod validate PATH         SHACL-validate documents without publishing
    lod check PATH            what a curator must look at in each document
    lod build [DIR]           publish a folder of documents into output/
    lod serve                 serve a build over HTTP (RDF, HTML, SPARQL)
    lod publish --to URL      load a build into Virtuoso or the Oxigraph server
    lod corpus synth N        write N synthetic documents (benchmarks)
    """


@main.command()
@click.argument("file", metavar="FILE[#PART]")
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON (the default).")
def parse(file: str, as_json: bool) -> None:
    """Convert one document and print its model; FILE#B reads resolution B of an AKN collection
    file ("A_RES_77_256 A-B-2300172E.xml#B")."""
    from lod.parse import ParseError, parse_file
    from lod.parse.parts import part_path

    path = part_path(file)
    if not path.is_file():
        raise click.BadParameter(f"{str(path)!r} is not a file", param_hint="FILE")
    try:
        res = parse_file(path)
    except ParseError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(res.to_json(), indent=2, ensure_ascii=False))
    label = getattr(path, "label", path.name)
    for warning in res.warnings:
        click.echo(f"warning: {label}: {warning}", err=True)
    for warning in res.meta_warnings:
        click.echo(f"warning: {label}: metadata: {warning}", err=True)


@main.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path), default="corpus")
@settings_options("validate")
@click.option("--validator", type=click.Choice(["sparql", "pyshacl"]), default="sparql", show_default=True,
              help="Which SHACL validator runs the shapes: compiled to SPARQL (what the build uses) or pyshacl "
                   "(the reference). Not the setting `engine`, which is the kind of SPARQL store served from.")
def validate(path: Path, settings: Settings, validator: str) -> None:
    """Parse, map and SHACL-validate documents; report every violation, publish nothing."""
    from lod.parse import ParseError, parse_file
    from lod.publish import discover
    from lod.rdf import WorkRegistry, resolution_graph
    from lod.validate import validate as shacl

    base = settings.base
    registry = WorkRegistry(base=base)
    parsed = []
    failures = 0
    for file in discover(path):
        try:
            res = parse_file(file)
        except ParseError as exc:
            click.echo(f"error: {exc}", err=True)
            failures += 1
            continue
        registry.add(res)
        parsed.append(res)
    for res in parsed:
        result = shacl(resolution_graph(res, registry, base), res.source, engine=validator)  # type: ignore[arg-type]
        if result.conforms:
            click.echo(f"ok: {res.source}")
        else:
            failures += 1
        if result.results:
            click.echo(result.report(), err=not result.conforms)
    if failures:
        raise click.ClickException(f"{failures} document(s) failed")


@main.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path), default="corpus")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document (JSON Lines) instead of text.")
@click.option("--summary", is_flag=True, help="Only the counts: documents, read, refused, with findings, by kind.")
@JOBS
def check(path: Path, as_json: bool, summary: bool, jobs: int | None) -> None:
    """Convert documents without publishing; list per document what a curator must look at.

    Refusals, paragraph numbering gaps or repeats, footnote markers without notes (and notes
    without markers), sponsors or addressees not resolved, sponsor names and verb phrases read
    from a misspelling, verbs not in the lexicon and paragraphs of unusual length. The build report
    and each document's HTML page carry the same findings. Informational findings (metadata
    placeholders of the source) are listed but do not count a document as read with findings.
    """
    from lod.check import Tally, check_all, heading
    from lod.publish import discover

    counts = Tally()
    for checked in check_all(discover(path), jobs):
        counts.add(checked)
        if as_json:
            click.echo(json.dumps(checked.to_json(), ensure_ascii=False))
        elif not summary:
            status = "refused" if checked.refused else f"{len(checked.findings)} finding(s)" if checked.findings else "ok"
            click.echo(f"{checked.source}  {checked.symbol or '-'}  {status}")
            for finding in checked.findings:
                click.echo(f"  {finding}")
    if not as_json:
        click.echo(
            f"\n{counts.documents} documents: {counts.read} read, {counts.refused} refused, "
            f"{counts.with_findings} read with findings"
        )
        for code, n in counts.by_kind.most_common():
            click.echo(f"  {heading(code)}: {n}")


@main.command()
@click.argument("corpus", type=click.Path(path_type=Path), default="corpus")
@click.option("--out", type=click.Path(path_type=Path), default="output", show_default=True, help="Output directory (replaced atomically).")
@click.option("--strict", is_flag=True, help="Any document that fails to parse or validate stops the build.")
@JOBS
@click.option("--no-cache", "no_cache", is_flag=True,
              help="A full build: reuse nothing from earlier builds (same as --build-cache 0).")
@settings_options("build")
def build(corpus: Path, out: Path, strict: bool, jobs: int | None, no_cache: bool, settings: Settings) -> None:
    """Publish every document under CORPUS as Linked Open Data in OUT."""
    from lod.publish import BuildError
    from lod.publish import build as run_build
    from lod.publish.limits import DocumentLimits

    try:
        report = run_build(corpus, out, base=settings.base, strict=strict, jobs=jobs,
                           limits=DocumentLimits.from_settings(settings),
                           cache=False if no_cache else settings.build_cache)
    except BuildError as exc:
        raise click.ClickException(str(exc)) from None
    _summary(report)


def _summary(report) -> None:  # type: ignore[no-untyped-def]
    rows = [("document", "symbol", "layout", "status", "triples")]
    for d in report.documents:
        rows.append((d.source, d.symbol or "-", d.layout or "-", d.status, str(d.triples) if d.triples else "-"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if n == 0:
            click.echo("  ".join("-" * w for w in widths))
    for d in report.failed:
        for error in d.errors:
            click.echo(f"error: {error}" if error.startswith(d.source) else f"error: {d.source}: {error}", err=True)
    seconds = " ".join(f"{k} {v:.2f}s" for k, v in report.seconds.items())
    click.echo(
        f"\n{len(report.published)} published, {len(report.failed)} failed, {report.triples} triples "
        f"→ {report.out}  ({seconds})"
    )
    click.echo(f"{report.reused} of {len(report.documents)} documents reused from the build cache, "
               f"{report.remapped} mapped again from their cached model (cited works changed); "
               f"{report.descriptions_reused} descriptions taken from the previous output")


@main.command()
@settings_options("serve")
def serve(settings: Settings) -> None:
    """Serve a build: content-negotiated IRIs, HTML, dumps and a SPARQL endpoint (gunicorn).

    Every setting of the server is an option here and a variable (LOD_…); docs/settings.md
    says what each does.
    """
    from lod.serve import serve as run_server

    run_server(settings)


@main.command()
@click.option("--to", "url", required=True, metavar="URL",
              help="HTTP root of the engine (http://127.0.0.1:8890). Credentials: LOD_ENGINE_USER, LOD_ENGINE_PASSWORD.")
@settings_options("publish")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def publish(url: str, settings: Settings, quiet: bool) -> None:
    """Load a build into a SPARQL engine: one named graph per document; only changed graphs are sent."""
    from lod.engines import EngineError, open_engine
    from lod.engines.publish import publish as run_publish

    try:
        report = run_publish(settings.data, open_engine(url, settings.engine), progress=not quiet)
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(report.summary())


@main.group()
def corpus() -> None:
    """Corpora for tests and benchmarks."""


@corpus.command()
@click.argument("n", type=click.IntRange(min=0))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to write the documents into.")
@seed_option()
def synth(n: int, out: Path, seed: int) -> None:
    """Write N synthetic resolution texts recombined from corpus/ (lod.synth)."""
    from lod.synth import synthesize

    paths = synthesize(n, out, seed=seed)
    click.echo(f"{len(paths)} documents → {out}")


if __name__ == "__main__":
    sys.exit(main())
