"""An edition of two documents: each keeps its own notes, feed, credits and links."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from .conftest import FIXTURES, ROOT

SITE_URL = "https://example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"
PAGES = {
    "second.md": "---\ntitle: Démonstration\ndescription: Un second document, pour les tests de l’édition.\nedition: demo\n---\n",
    "second.en.md": "---\ntitle: Demonstration\ndescription: A second document, for the edition's tests.\nedition: demo\n---\n",
    "second-log.md": "---\ntitle: Journal\ndescription: Les corrections du second document, pour les tests.\ncorrections: demo\n---\n",
}


def two_documents(tmp_path: Path, pages: dict[str, str] = PAGES) -> Path:
    """A copy of the repository with the demo document and its notes beside the statement."""
    for name in ("mkdocs.yml", "docs", "overrides", "annotations", "CONTRIBUTING.md", "CONTRIBUTING.fr.md"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    shutil.copytree(FIXTURES / "documents" / "demo", tmp_path / "docs" / "documents" / "demo")
    log = '- date: 2026-11-28\n  note: summit-dates\n  fr: "Date corrigée."\n  en: "Date corrected."\n'
    (tmp_path / "docs" / "documents" / "demo" / "corrections.yml").write_text(log, encoding="utf-8")
    (tmp_path / "annotations" / "demo").mkdir()
    for note in (FIXTURES / "valid").glob("*.yml"):
        shutil.copy(note, tmp_path / "annotations" / "demo" / note.name)
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    return tmp_path


def build(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tree / "site")],
        cwd=tree,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL},
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tree = two_documents(tmp_path_factory.mktemp("two"))
    result = build(tree)
    assert result.returncode == 0, result.stderr
    return tree / "site"


def entry_ids(path: Path) -> list[str]:
    return [entry.find(f"{ATOM}id").text for entry in ElementTree.parse(path).getroot().iter(f"{ATOM}entry")]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_document_has_its_feed_and_the_site_feed_has_both(site: Path, prefix: str):
    demo = entry_ids(site / prefix / "data/v1/demo/feed.xml")
    statement = entry_ids(site / prefix / "data/v1/pcf-sommet-ia/feed.xml")
    assert demo and all(f"{SITE_URL}{prefix}second/#" in entry for entry in demo)
    assert len(statement) >= 33 and not any("second/" in entry for entry in statement)
    assert sorted(entry_ids(site / prefix / "feed.xml")) == sorted(demo + statement)


def test_each_document_credits_its_own_publisher(site: Path):
    demo = json.loads((site / "data/v1/demo/annotations.json").read_text("utf-8"))
    assert "© Example" in demo["license"]["text"] and "Parti communiste" not in demo["license"]["text"]
    assert demo["page"] == f"{SITE_URL}second/"
    text = json.loads((site / "data/v1/demo/text.json").read_text("utf-8"))
    assert "Parti communiste" not in json.dumps(text)


def test_a_documents_pages_link_to_that_document(site: Path):
    log = BeautifulSoup((site / "second-log" / "index.html").read_text("utf-8"), "html.parser")
    assert [a["href"] for a in log.select(".ed-corrections a")] == ["../second/#summit-dates"]
    second = BeautifulSoup((site / "second" / "index.html").read_text("utf-8"), "html.parser")
    assert [n["id"] for n in second.select("details.ed-note")] == ["summit-dates", "money-term"]
    assert second.select_one('a[href^="notes/summit-dates/"]') is not None
    assert (site / "notes" / "summit-dates" / "index.html").is_file()


def test_two_pages_claiming_one_document_is_a_clear_error(tmp_path: Path):
    pages = {**PAGES, "third.md": PAGES["second.md"]}
    result = build(two_documents(tmp_path, pages))
    assert result.returncode != 0
    assert "docs/second.md and docs/third.md both show document `demo`" in result.stderr
    assert "Traceback" not in result.stderr
