"""Publish stage: the build output (per-document Turtle, dataset dumps, VoID/DCAT, checksums)."""

from lod.publish.pipeline import BuildError, BuildReport, DocumentOutcome, build, discover

__all__ = ["BuildError", "BuildReport", "DocumentOutcome", "build", "discover"]
