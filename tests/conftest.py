"""Shared fixtures. The server fixtures live in server_fixtures.py (a real build, a real gunicorn).

A test that reads a real document from ../shared is skipped, with the reason, where ../shared is
absent: a missing file there becomes a skip, never a failure, and never a silent pass.
"""

from __future__ import annotations

from collections.abc import Generator

import pytest

from corpora import ABSENT, SHARED
from lod.parse import ParseError
from server_fixtures import corpus_build, published_works, server  # noqa: F401


def _skip_where_shared_is_absent() -> Generator[None, object, object]:
    try:
        return (yield)
    except (FileNotFoundError, ParseError) as exc:  # the parser says a missing file "cannot be read"
        missing = not isinstance(exc, ParseError) or exc.reason.startswith("the file cannot be read (No such file")
        if SHARED.is_dir() or not missing:
            raise
        pytest.skip(ABSENT)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, object, object]:
    return (yield from _skip_where_shared_is_absent())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    return (yield from _skip_where_shared_is_absent())
