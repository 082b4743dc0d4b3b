"""Akoma Ntoso (AKN4UN) output: the UN's own XML format, written from the model and checked
against the OASIS schema. `akn_document(res, registry, base) -> bytes`, `akn_errors(xml)`."""

from lod.akn.schema import akn_errors, akn_schema
from lod.akn.vocabulary import AKN, AKN_FORMAT, AKN_MEDIA_TYPE, AKN_NS
from lod.akn.writer import AKNWriteError, akn_document, manifestation_iri

__all__ = [
    "AKN", "AKN_FORMAT", "AKN_MEDIA_TYPE", "AKN_NS", "AKNWriteError", "akn_document", "akn_errors", "akn_schema",
    "manifestation_iri",
]
