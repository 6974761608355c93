"""Extractors: one spaCy component per kind of item, each writing records into doc.spans[kind]."""
from . import dates, document, figures, officials, references, tables  # noqa: F401  (register factories)
