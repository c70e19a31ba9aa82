"""MkDocs glue: load and validate the edition once per build, render it into its pages, write exports."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from . import export, strings
from .anchoring import PageText, read_page
from .csp import UnknownScript, known_scripts, with_policy
from .i18n import languages
from .inputs import linked_inputs, snippet_problems
from .model import Edition
from .problems import EditionError, display_path
from .render import (
    anchor_ids,
    json_script,
    render_corrections,
    render_document,
    render_guide,
    render_handout,
    render_note_page,
    render_versions,
)
from .typography import spaced, spaced_html
from .validate import load_edition

# Front-matter keys that name the document a page shows.
DOCUMENT_KEYS = ("edition", "handout", "guide", "corrections", "versions")


log = get_plugin_logger(__name__)


class EditionConfig(Config):
    """The plugin's settings in mkdocs.yml (folders are relative to it); `edition` commands read them too."""

    enabled = c.Type(bool, default=True)  # false: pages show their Markdown only, nothing is checked
    annotations = c.Dir(exists=True, default="annotations")
    documents = c.Dir(exists=True, default="docs/documents")
    strings = c.Optional(c.Dir(exists=True))  # the site's own interface strings: <language>.yml files
    # The correction request form (an https address, e.g. the repository's issue form); each note's
    # "Report an error" link opens it with the note's id and address filled in. Empty: the link goes
    # to the page that explains how to ask for a correction.
    report_form = c.Type(str, default="")


class EditionPlugin(BasePlugin[EditionConfig]):
    """Pages whose front matter says `edition: <document-id>` show that document annotated."""

    def __init__(self) -> None:
        self.edition: Edition | None = None
        self.pages: dict[str, dict[str, str]] = {}  # document id -> language -> page URL
        self.site_names: dict[str, str] = {}  # language -> site name (the i18n plugin changes it per language)
        self.page_texts: dict[tuple[str, str], PageText] = {}  # (document id, language) -> the page's text
        self._serving = False
        self.statement_pages: dict[str, str] = {}  # document id -> URL of the page showing it (this language)
        self.page_urls: dict[str, dict[str, str]] = {}  # front-matter key -> document id -> URL of that page
        self._theme_folders: list[str] = []  # the theme's template folders, ours first
        self._known_scripts = None  # the inline scripts those templates write, read once

    def on_config(self, config):
        if not self.config.enabled:
            return config
        # MkDocs would copy a linked file (`../.git/config`, /proc/self/environ) into the site.
        linked = linked_inputs(Path(config.docs_dir), Path(config.config_file_path).parent)
        if linked:
            raise PluginError(EditionError(linked).report())
        self._theme_folders = list(config.theme.dirs)
        form = self.config.report_form
        if form and not re.fullmatch(r"https://[^\s\"'<>]+", form):
            raise PluginError(
                f"mkdocs.yml: `report_form` must be a full https:// address (the correction form), not `{form}`"
            )
        try:
            strings.use(Path(self.config.strings) if self.config.strings else None)
            for language in languages(config).built:
                self._check_strings(language)
        except EditionError as error:
            raise PluginError(error.report()) from None
        return config

    def _check_strings(self, language: str) -> None:
        """A language without all its interface strings is still built, in English where it lacks them."""
        words = strings.words(language)
        if words.file is None:
            log.warning(
                f"no interface strings for `{language}`: its pages use English; add {language}.yml to the folder "
                "of the plugin's `strings` setting (copy annotated_edition/strings/en.yml and translate it)"
            )
        elif words.missing:
            shown = ", ".join(words.missing[:5]) + (", …" if len(words.missing) > 5 else "")
            log.warning(f"{words.file} lacks {len(words.missing)} strings, shown in English: {shown}")

    def on_pre_build(self, *, config) -> None:
        if not self.config.enabled:
            return
        if self._serving:
            # MkDocs logs a message once per process: a note that fails the same way on the next
            # rebuild would otherwise say only "Aborted with a BuildError!", with no FILE:LINE.
            for log_filter in logging.getLogger("mkdocs.commands.build").filters:
                getattr(log_filter, "msgs", set()).clear()
        # mkdocs-static-i18n builds each other language from inside the default one's build: the
        # edition loaded there serves them all (`mkdocs serve` makes a new plugin for every build).
        if self.edition is not None and languages(config).nested:
            return
        root = Path(config.config_file_path).parent
        annotations, documents = Path(self.config.annotations), Path(self.config.documents)
        try:
            self.edition = load_edition(annotations, documents, root, date.today())
        except EditionError as error:
            self.edition = None
            raise PluginError(error.report()) from None

    def on_startup(self, *, command, dirty) -> None:
        self._serving = command == "serve"

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve` rebuilds and reloads the page when a note or a document's data changes."""
        if not self.config.enabled:
            return server
        for folder in (self.config.annotations, self.config.documents):
            server.watch(folder, recursive=True)
        return server

    def on_nav(self, nav, *, config, files):
        """Which page shows each document, from the pages' front matter (`edition: <id>`), in this language."""
        if not self.config.enabled:
            return nav
        claims: dict[str, dict[str, list]] = {key: {} for key in DOCUMENT_KEYS}
        for file in files.documentation_pages():
            _, meta = get_data(file.content_string)
            for key in DOCUMENT_KEYS:
                if isinstance(meta, dict) and meta.get(key):
                    claims[key].setdefault(str(meta[key]), []).append(file)
        for document_id, claimed in claims["edition"].items():
            if len(claimed) > 1:
                names = " and ".join(_source(file, config) for file in claimed)
                raise PluginError(f"{names} both show document `{document_id}`: keep `edition:` in one of them")
        unshown = sorted(set(self.edition.documents if self.edition else ()) - set(claims["edition"]))
        if unshown:
            raise PluginError(
                "\n".join(
                    f"{_shown(Path(self.config.documents) / document_id / 'document.yml', config)}:1: "
                    f"no page shows document `{document_id}`: add `edition: {document_id}` to the front matter "
                    "of the page that should (see README, Adding a statement)"
                    for document_id in unshown
                )
            )
        self.statement_pages = {document_id: claimed[0].url for document_id, claimed in claims["edition"].items()}
        self.page_urls = {
            key: {document_id: claimed[0].url for document_id, claimed in by_document.items()}
            for key, by_document in claims.items()
        }
        return nav

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        if not self.config.enabled:
            return markdown
        source = Path(page.file.abs_src_path).read_text("utf-8-sig")
        problems = snippet_problems(source, markdown, _source(page.file, config), Path(config.config_file_path).parent)
        if problems:
            raise PluginError(EditionError(problems).report())
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        if not self.config.enabled:
            return html
        # The page's own words are set as its language is printed; so are its title and description.
        html = spaced_html(html, _language(config))
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = spaced(page.meta[key], _language(config))
        if page.meta.get("corrections"):
            return html + self._corrections(page, config)
        if page.meta.get("versions"):
            document_id = self._document(page, "versions", config)
            statement = self._statement_url(page, document_id)
            return html + render_versions(self.edition, document_id, _language(config), statement)
        if page.meta.get("guide"):
            return html + self._guide(page, config)
        if page.meta.get("handout"):
            document_id = self._document(page, "handout", config)
            statement = config.site_url + self.statement_pages[document_id]
            return html + render_handout(self.edition, document_id, _language(config), statement)
        if not page.meta.get("edition"):
            return html
        document_id = self._document(page, "edition", config)
        language = _language(config)
        self.pages.setdefault(document_id, {})[language] = page.canonical_url
        self.site_names[language] = config.site_name
        reviews = export.claim_reviews(
            self.edition, document_id, language, page.canonical_url, config.site_name, config.site_url
        )
        prefix = _language_root(language, config)
        data = f"{prefix}{export.data_folder(document_id)}"
        fragment = render_document(
            self.edition,
            document_id,
            language,
            html,
            page_url=page.canonical_url,
            site_name=config.site_name,
            citations_url=get_relative_url(f"{data}citations.json", page.url),
            excerpts_url=get_relative_url(f"{data}excerpts.json", page.url),
            handout_url=self._link(page, "handout", document_id),
            versions_url=self._link(page, "versions", document_id),
            report_form=self.config.report_form,
            report_page=self._link(page, "corrections", document_id),
        )
        # MkDocs checks `page.md#id` links against the ids it saw in the Markdown: add the notes' and paragraphs'.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(fragment)
        return fragment + json_script(reviews)

    def on_page_context(self, context, *, page, config, nav):
        """Every page's template knows the edition's version, which printed pages carry."""
        if not self.config.enabled:
            return context
        documents = self.edition.documents if self.edition else {}
        named = next((page.meta[key] for key in DOCUMENT_KEYS if page.meta.get(key) in documents), None)
        document = documents.get(named) or (next(iter(documents.values())) if len(documents) == 1 else None)
        context["edition_version"] = document.version if document else None
        # The theme's own words for this language: printed page margins, shared-link locales.
        site = languages(config)
        context["edition_words"] = strings.words(site.current).table
        context["edition_locales"] = {language: strings.locale_code(language) for language in site.built}
        return context

    @event_priority(-200)  # last: the annotations' selectors describe the page exactly as published
    def on_post_page(self, output: str, *, page, config) -> str:
        if not self.config.enabled:
            return output
        if page.meta.get("edition") in (self.edition.documents if self.edition else ()):
            # The page is made: its rendered notes (megabytes in a large edition) need not stay in memory.
            page.content = ""
            self.page_texts[(page.meta["edition"], _language(config))] = read_page(output)
        return self._secured(output, page.file.src_uri)

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        if not self.config.enabled:
            return output_content
        return self._secured(output_content, template_name)  # 404.html is a template, not a page

    def _secured(self, html: str, where: str) -> str:
        # `mkdocs serve` adds its own inline live-reload script to every page: no policy there.
        if self._serving:
            return html
        if self._known_scripts is None:
            self._known_scripts = known_scripts(self._theme_folders)
        try:
            return with_policy(html, self._known_scripts)
        except UnknownScript as script:
            raise PluginError(
                f"{where}: the page holds an inline script that no template of the theme wrote "
                f"(`{script}`): it was not published; report this bug"
            ) from None

    def _corrections(self, page, config) -> str:
        document_id = self._document(page, "corrections", config)
        statement = self._statement_url(page, document_id)
        return render_corrections(self.edition.documents[document_id], _language(config), statement)

    def _guide(self, page, config) -> str:
        document_id = self._document(page, "guide", config)
        statement = self._statement_url(page, document_id)
        return render_guide(self.edition, document_id, _language(config), statement)

    def _statement_url(self, page, document_id: str) -> str:
        """A link from `page` to the page that shows `document_id`."""
        return _folder_link(self.statement_pages[document_id], page.url)

    def _link(self, page, key: str, document_id: str) -> str:
        """A link from `page` to the document's page of that kind (`handout`, `versions`), or "" if it has none."""
        target = self.page_urls[key].get(document_id)
        return "" if target is None else _folder_link(target, page.url)

    def _document(self, page, key: str, config) -> str:
        """The document a page's front matter names under `key`, or a clear error."""
        document_id = page.meta[key]
        if document_id not in self.edition.documents:
            known = ", ".join(sorted(self.edition.documents))
            raise PluginError(
                f"{_source(page.file, config)}:1: no document `{document_id}` (known: {known}): "
                f"fix `{key}:` in the front matter"
            )
        document, language = self.edition.documents[document_id], _language(config)
        if language not in document.languages:
            raise PluginError(
                f"{_source(page.file, config)}:1: the site is built in `{language}` but document `{document_id}` has no "
                f"`{language}` text: add `{language}` to its `languages` and its text as {language}.txt"
            )
        return document_id

    @event_priority(-150)  # after mkdocs-static-i18n has built the other languages: every page URL is known
    def on_post_build(self, *, config) -> None:
        if not self.config.enabled:
            return
        try:
            self._write_exports(config)
        except EditionError as error:
            raise PluginError(error.report()) from None

    def _write_exports(self, config) -> None:
        """Write every language's open-data exports beside its pages (see docs/data.md)."""
        if languages(config).nested:
            return  # a language built from inside the default one: the outer build writes everything
        # One feed per language gathering every document's notes (each document also has its own).
        built = {language for urls in self.pages.values() for language in urls}
        for language in sorted(built):
            prefix = _language_root(language, config)
            pages = {
                document_id: urls[language] for document_id, urls in sorted(self.pages.items()) if language in urls
            }
            feed = export.atom_feed(
                self.edition, pages, language, f"{config.site_url}{prefix}feed.xml", self.site_names[language]
            )
            (Path(config.site_dir) / prefix / "feed.xml").write_text(feed, encoding="utf-8")
        for document_id, urls in sorted(self.pages.items()):
            for language in urls:
                prefix = _language_root(language, config)
                files = export.exports(
                    self.edition,
                    document_id,
                    language,
                    urls,
                    config.site_url,
                    prefix,
                    self.site_names[language],
                    self.page_texts[(document_id, language)],
                )
                # Written as they are made: a large edition's files never sit in memory together.
                try:
                    for name, text in itertools.chain(files, self._note_pages(document_id, language, prefix, config)):
                        path = Path(config.site_dir) / prefix / name
                        path.parent.mkdir(parents=True, exist_ok=True)
                        path.write_text(text, encoding="utf-8")
                except export.AnchoringError as error:
                    raise PluginError(str(error)) from None

    def _note_pages(self, document_id: str, language: str, prefix: str, config) -> Iterator[tuple[str, str]]:
        """`notes/<id>/index.html` for every note: a page of its own, which a shared link previews."""
        site = Path(config.site_dir)
        stylesheets = [
            path.relative_to(site).as_posix()
            for pattern in ("assets/stylesheets/main.*.css", "assets/stylesheets/palette.*.css", "assets/edition.css")
            for path in sorted(site.glob(pattern))
        ]
        root = "../../" + "../" * prefix.count("/")
        statement = self.pages[document_id][language].removeprefix(config.site_url)
        for note in self.edition.annotations[document_id]:
            urls = {
                other: f"{config.site_url}{_language_root(other, config)}notes/{note.id}/"
                for other in self.pages[document_id]
            }
            page = render_note_page(
                self.edition,
                document_id,
                note,
                language,
                urls,
                statement_url=_folder_link(statement, f"{prefix}notes/{note.id}/"),
                site_name=self.site_names[language],
                root=root,
                stylesheets=stylesheets,
                image=f"{config.site_url}assets/images/social.png",
            )
            yield f"notes/{note.id}/index.html", self._secured(page, f"notes/{note.id}/")


def _language(config) -> str:
    return languages(config).current


def _language_root(language: str, config) -> str:
    return languages(config).root(language)


def _source(file, config) -> str:
    """A page's Markdown file as the contributor knows it (`docs/index.md`)."""
    return _shown(Path(file.abs_src_path), config)


def _shown(path: Path, config) -> str:
    """A file's path from the folder of mkdocs.yml, as messages give it."""
    return display_path(path, Path(config.config_file_path).parent)


def _folder_link(target: str, here: str) -> str:
    """A link from the page at `here` to the page at `target`, both site-relative folder URLs ("" is the root)."""
    return "./" if target == here else get_relative_url(target or ".", here).rstrip("/") + "/"
