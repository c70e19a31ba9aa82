"""Annotated edition: load, validate and render sourced annotations of a document."""

__version__ = "0.1.0"
