"""Hostile values in every field of a note and of a document's files: each ends in FILE:LINE
messages, or in a note whose page is safe and whose feed is well-formed XML. Never a traceback."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotated_edition import export
from annotated_edition.annotation import check_annotation
from annotated_edition.model import Edition
from annotated_edition.problems import EditionError
from annotated_edition.render import render_document
from annotated_edition.validate import load_edition
from annotated_edition.yamlfile import read_yaml

from .conftest import FIXTURES, TODAY

NOTE = read_yaml(FIXTURES / "valid" / "summit-dates.yml", "x")[0].data
ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "[x][r]\n\n[r]: //evil.example/",
    "![i](https://evil.example/i.png)",
    "<https://evil.example>",
    "&#x1;&#0;&#xFFFE;",
    "\x0b\x00\x1b[31m",
    "\u202eeurt si mialc ehT\u202c",
    "\u2066x\u2069",
    "> " * 40 + "deep",
    "- " * 40 + "deep",
    "a" * 12000,
    "https://" + "a." * 5000 + "org",
    "]]></content><script>",
    "{{ 7*7 }} {% raw %}",
    "@octocat **bold** `code`",
    "\ud800",
    "0x2",
    "1e3",
    "q-summit-dates-fr",
]
HOSTILE = (
    st.sampled_from(ATTACKS)
    | st.text(alphabet=st.characters(blacklist_categories=()), max_size=40)
    | st.builds(lambda a, b: a + b, st.sampled_from(ATTACKS), st.text(max_size=10))
    | st.integers(-5, 10**12)
    | st.none()
    | st.lists(st.sampled_from(ATTACKS), max_size=3)
)
FIELDS = [
    ("paragraph",),
    ("kind",),
    ("quote", "fr"),
    ("quote", "en"),
    ("title", "fr"),
    ("title", "en"),
    ("body", "fr"),
    ("body", "en"),
    ("verdict",),
    ("claim", "fr"),
    ("claim", "en"),
    ("contributors", 0),
    ("added",),
    ("checked",),
    ("recheck",),
    *[
        ("sources", 0, key)
        for key in ("title", "publisher", "type", "reason", "url", "via", "published", "accessed", "excerpt")
    ],
    *[("sources", 0, key) for key in ("archive", "lang")],
]
# Script, an event handler in a tag, or a link to another scheme (javascript:, data:, http:) or host (//…).
SCRIPT = re.compile(
    r"<script|<[^>]*\son[a-z]+\s*=|href=\"\s*(?:(?!https:|mailto:)[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE
)


def replaced(data, path, value):
    data = json.loads(json.dumps(data))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def written(path: Path, data) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, width=1000)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # a lone surrogate reaches the file as is


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FIELDS), HOSTILE)
def test_a_hostile_value_in_any_field_of_a_note_is_refused_or_harmless(tmp_path, demo, field, value):
    path = tmp_path / "hostile-note.yml"
    written(path, replaced(NOTE, field, value))
    note, problems = check_annotation(path, "hostile-note.yml", demo, TODAY)
    if problems:
        assert note is None
        assert all(problem.file == "hostile-note.yml" and problem.line >= 1 and problem.message for problem in problems)
        return
    edition = Edition(documents={"demo": demo}, annotations={"demo": (note,)})
    for language in demo.languages:
        page = render_document(edition, "demo", language, page_url="https://example.org/")
        assert not SCRIPT.search(page), page[:200]
        feed = export.atom_feed(
            edition, {"demo": "https://example.org/"}, language, "https://example.org/feed.xml", "P"
        )
        ElementTree.fromstring(feed.encode("utf-8"))


DEMO = FIXTURES / "documents" / "demo"
# Every text a document's own files hold, by file and place.
DOCUMENT_FIELDS = [
    *[("document.yml", (key, language)) for key in ("title", "author", "translation") for language in ("fr", "en")],
    ("document.yml", ("place",)),
    ("document.yml", ("source", "publisher")),
    ("document.yml", ("source", "url")),
    *[("corrections.yml", (0, key)) for key in ("fr", "en", "note", "date")],
    *[("questions.yml", ("1", language, 0)) for language in ("fr", "en")],
    *[("versions.yml", (0, key)) for key in ("fr", "en", "version", "date")],
]
DOCUMENT_DATA = {
    "document.yml": read_yaml(DEMO / "document.yml", "document.yml")[0].data,
    "corrections.yml": [{"date": "2026-01-15", "note": "summit-dates", "fr": "Corrigé.", "en": "Corrected."}],
    "questions.yml": {"1": {"fr": ["Une question ?"], "en": ["A question?"]}},
    "versions.yml": [{"version": "1.0", "date": "2026-01-15", "fr": "Première.", "en": "First."}],
}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(DOCUMENT_FIELDS), HOSTILE)
def test_a_hostile_value_in_a_documents_files_is_refused_or_harmless(tmp_path_factory, case, value):
    name, place = case
    tree = tmp_path_factory.mktemp("document")
    shutil.copytree(FIXTURES / "documents", tree / "documents")
    (tree / "annotations" / "demo").mkdir(parents=True)
    shutil.copy(FIXTURES / "valid" / "summit-dates.yml", tree / "annotations" / "demo" / "summit-dates.yml")
    written(tree / "documents" / "demo" / name, replaced(DOCUMENT_DATA[name], place, value))
    try:
        edition = load_edition(tree / "annotations", tree / "documents", tree, TODAY)
    except EditionError as refused:
        assert all(problem.line >= 1 and problem.message for problem in refused.problems)
        return
    for language in edition.documents["demo"].languages:
        page = render_document(edition, "demo", language, page_url="https://example.org/")
        assert not SCRIPT.search(page), page[:200]
        feed = export.atom_feed(
            edition, {"demo": "https://example.org/"}, language, "https://example.org/feed.xml", "P"
        )
        ElementTree.fromstring(feed.encode("utf-8"))
