"""An engine's HTTP session reads the environment's proxy settings for the engine's URL once,
not on every request (requests scanned the whole environment and ~/.netrc each time)."""

from __future__ import annotations

import pytest

from lod.engines.base import SparqlEndpoint

URL = "http://engine.example:8890"


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy",
                 "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_a_proxy_the_environment_names_is_used_for_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.example:3128")
    session = SparqlEndpoint(URL).session
    assert session.proxies.get("http") == "http://proxy.example:3128"
    assert session.trust_env is False  # read above, once: requests does not look again per request


def test_no_proxy_for_the_engines_host_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "engine.example")
    assert "http" not in SparqlEndpoint(URL).session.proxies


def test_without_proxy_settings_the_engine_is_reached_directly() -> None:
    assert SparqlEndpoint(URL).session.proxies == {}
