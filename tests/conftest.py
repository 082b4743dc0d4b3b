"""Shared fixtures. The server fixtures live in server_fixtures.py (a real build, a real gunicorn)."""

from server_fixtures import corpus_build, published_works, server  # noqa: F401
