"""HTTP publishing of a build: dereferenceable IRIs, HTML, the SPARQL endpoint, dumps."""

from lod.web.app import create_app

__all__ = ["create_app"]
