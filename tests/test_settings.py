"""The typed settings table (lod/settings.py) and the one CLI parser made from it (lod/cli.py)."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import lod.publish
import lod.serve
from lod import settings as registry
from lod.cli import main
from lod.publish.limits import DocumentLimits
from lod.settings import Settings, SettingError

ROOT = Path(__file__).resolve().parent.parent


def _other_value(s: registry.Setting) -> tuple[str, Any]:
    """A value that is not the default, as typed on a command line, and as the setting should hold it."""
    if s.choices:
        choice = next(c for c in s.choices if c != s.default)
        return choice, choice
    if s.type is registry.flag:
        return ("0", False) if s.default else ("1", True)
    if s.type is int:
        return str(s.default + 3), s.default + 3
    if s.type is float:
        return str(s.default + 0.5), s.default + 0.5
    if s.type is Path:
        return "elsewhere", Path("elsewhere")
    return "http://example.org/x", "http://example.org/x"


def test_values_are_converted_once_to_their_types() -> None:
    resolved = registry.resolve({"port": "9000", "query_timeout": 3, "access-log": "off", "data": "out"})
    assert isinstance(resolved, Settings)
    assert resolved.port == 9000 and resolved.query_timeout == 3.0 and isinstance(resolved.query_timeout, float)
    assert resolved.access_log is False and resolved.data == Path("out")
    with pytest.raises(dataclasses.FrozenInstanceError):
        resolved.port = 1  # type: ignore[misc]


def test_mapping_access_by_setting_name_still_answers() -> None:
    resolved = registry.resolve({"max-rows": 12})
    assert resolved["max-rows"] == 12 == resolved.max_rows
    assert set(resolved) == {s.name for s in registry.SETTINGS}
    assert dict(resolved)["workers"] == registry.setting("workers").default
    with pytest.raises(KeyError):
        resolved["no-such-setting"]


def test_environment_is_read_and_a_bad_value_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOD_WORKERS", "5")
    assert registry.resolve().workers == 5
    assert registry.resolve({"workers": 7}).workers == 7  # an explicit value beats the environment
    monkeypatch.setenv("LOD_WORKERS", "many")
    with pytest.raises(SettingError, match="LOD_WORKERS.*'many'"):
        registry.resolve()
    monkeypatch.setenv("LOD_ENGINE", "sesame")
    monkeypatch.delenv("LOD_WORKERS")
    with pytest.raises(SettingError, match="LOD_ENGINE.*virtuoso, oxigraph"):
        registry.resolve()
    with pytest.raises(SettingError, match="unknown settings.*'quiery-timeout'"):
        registry.resolve({"quiery-timeout": 1})


def test_replace_converts_like_resolve() -> None:
    changed = registry.resolve().replace(port="81", query_timeout=2)
    assert changed.port == 81 and changed.query_timeout == 2.0


def _served_with(monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str]) -> Settings:
    seen: list[Settings] = []
    monkeypatch.setattr(lod.serve, "serve", seen.append)
    result = CliRunner().invoke(main, ["serve", *args], env=env)
    assert result.exit_code == 0, result.output
    return seen[0]


def _built_with(monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str], tmp: Path) -> dict[str, Any]:
    seen: list[dict[str, Any]] = []

    def build(corpus: Path, out: Path, **kwargs: Any) -> None:
        seen.append(kwargs)
        raise lod.publish.BuildError("stopped by the test")

    monkeypatch.setattr(lod.publish, "build", build)
    result = CliRunner().invoke(main, ["build", str(tmp), "--out", str(tmp / "o"), *args], env=env)
    assert "stopped by the test" in result.output
    return seen[0]


@pytest.mark.parametrize("s", registry.SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_an_option_and_a_variable_of_the_commands_that_read_it(
        s: registry.Setting, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    typed, wanted = _other_value(s)
    assert s.commands, f"{s.name} is an option of no command"
    for command in s.commands:
        assert f"--{s.name}" in CliRunner().invoke(main, [command, "--help"], terminal_width=200).output
    for args, env in (([f"--{s.name}", typed], {}), ([], {s.env: typed})):
        if "serve" in s.commands:
            assert _served_with(monkeypatch, args, env)[s.name] == wanted
        if "build" in s.commands:
            given = _built_with(monkeypatch, args, env, tmp_path)
            held = {**dataclasses.asdict(given["limits"]), "base": given["base"], "cache": given["cache"]}
            field = {"max-pages": "max_pages", "document-seconds": "seconds", "document-memory-mb": "memory_mb",
                     "base": "base", "build-cache": "cache"}[s.name]
            assert held[field] == wanted


def test_a_bad_option_value_is_refused_with_the_option_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lod.serve, "serve", lambda settings: None)
    result = CliRunner().invoke(main, ["serve", "--port", "eighty"])
    assert result.exit_code == 2 and "--port" in result.output and "eighty" in result.output


def test_python_m_lod_serve_is_lod_serve() -> None:
    shown = subprocess.run([sys.executable, "-m", "lod.serve", "--help"], capture_output=True, text=True,
                           cwd=ROOT, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert "Usage: lod serve" in shown.stdout
    assert all(f"--{s.name}" in shown.stdout for s in registry.SETTINGS if "serve" in s.commands)


def test_lod_help_lists_every_command() -> None:
    shown = CliRunner().invoke(main, ["--help"]).output
    for name in main.commands:  # type: ignore[attr-defined]
        assert f"  {name} " in shown.split("Commands:")[1]
        assert f"lod {name}" in shown.split("Options:")[0]


def test_document_limits_come_from_the_settings() -> None:
    limits = DocumentLimits.from_settings(registry.resolve({"max-pages": 3, "document-seconds": 4}))
    assert (limits.max_pages, limits.seconds) == (3, 4.0)


def test_no_option_of_lod_is_defined_again_elsewhere() -> None:
    """Options that lod has (every setting, --jobs, --seed) are defined once, in lod/cli.py; the
    benchmarks take them from there (jobs_option, seed_option, setting_option)."""
    shared = {f"--{s.name}" for s in registry.SETTINGS} | {"--jobs", "--seed"}
    defined = re.compile(r"""(?:click\.option|add_argument)\(\s*["'](--[a-z-]+)["']""")
    offenders = [f"{path.relative_to(ROOT)}: {option}"
                 for path in [*(ROOT / "lod").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
                 if path != ROOT / "lod" / "cli.py"
                 for option in defined.findall(path.read_text(encoding="utf-8")) if option in shared]
    assert not offenders, offenders


def test_no_command_gives_a_setting_name_another_meaning() -> None:
    """An option named like a setting is that setting (`--engine` is the kind of SPARQL store,
    never the SHACL validator): lod/cli.py makes setting options only through settings_options."""
    names = {f"--{s.name}" for s in registry.SETTINGS}
    defined = re.compile(r"""click\.option\(\s*["'](--[a-z-]+)["']""")
    again = [option for option in defined.findall((ROOT / "lod" / "cli.py").read_text(encoding="utf-8")) if option in names]
    assert not again, again
