"""MkDocs glue: load and validate the edition once per build, render it into its pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .model import Edition
from .problems import EditionError
from .render import render_document
from .validate import load_edition


class EditionConfig(Config):
    annotations = c.Type(str, default="annotations")
    documents = c.Type(str, default="docs/documents")


class EditionPlugin(BasePlugin[EditionConfig]):
    """Pages whose front matter says `edition: <document-id>` show that document annotated."""

    def __init__(self) -> None:
        self.edition: Edition | None = None
        self._stamp: tuple | None = None

    def on_pre_build(self, *, config) -> None:
        # mkdocs-static-i18n rebuilds once per language: reload only when a file changed.
        root = Path(config.config_file_path).parent
        annotations, documents = root / self.config.annotations, root / self.config.documents
        stamp = _stamp(annotations, documents)
        if stamp == self._stamp and self.edition is not None:
            return
        try:
            self.edition = load_edition(annotations, documents, root, date.today())
        except EditionError as error:
            self.edition = None
            raise PluginError(error.report()) from None
        self._stamp = stamp

    def on_page_content(self, html: str, *, page, config, files) -> str:
        document_id = page.meta.get("edition")
        if not document_id:
            return html
        if document_id not in self.edition.documents:
            known = ", ".join(sorted(self.edition.documents))
            raise PluginError(
                f"{page.file.src_uri}:1: no document `{document_id}` (known: {known}): fix `edition:` in the front matter"
            )
        return render_document(self.edition, document_id, _language(config), intro_html=html)


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.language


def _stamp(*folders: Path) -> tuple:
    """Names, sizes and modification times of every file: cheap to compare between builds."""
    return tuple(
        (str(path), stat.st_size, stat.st_mtime_ns)
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if (stat := path.stat())
    )
