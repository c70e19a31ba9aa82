"""The real site, built: both languages, the French text verbatim, every note on both pages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup

from annotated_edition.document import read_paragraphs
from annotated_edition.typography import spaced

from .conftest import ROOT, site_copy

DOCUMENT = ROOT / "docs" / "documents" / "pcf-sommet-ia"
SEED = ROOT.parent / "shared" / "seed" / "statement-fr.txt"
PAGES = {"fr": "index.html", "en": "en/index.html"}
NOTES = sorted(path.stem for path in (ROOT / "annotations" / "pcf-sommet-ia").glob("*.yml"))


def page(site: Path, language: str) -> BeautifulSoup:
    return BeautifulSoup((site / PAGES[language]).read_text("utf-8"), "html.parser")


def text_of(element) -> str:
    """The paragraph's words as a reader sees them, without the note markers."""
    for marker in element.select(".ed-ref"):
        marker.decompose()
    return element.get_text()


def test_french_file_is_the_statement_as_received():
    paragraphs = [text for _, text in read_paragraphs(DOCUMENT / "fr.txt")]
    assert len(paragraphs) == 16
    assert paragraphs[0].startswith("Le sommet organisé")
    assert paragraphs[-2:] == ["Paris, le 10 février 2025", "Parti communiste français"]
    if SEED.is_file():  # the statement as received, beside the repository
        received = SEED.read_text("utf-8").removeprefix(" date 2025-02 ")
        assert paragraphs == [line for line in received.splitlines() if line.strip()]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_statement_page(built_site: Path, language: str):
    html = page(built_site, language)
    assert html.html["lang"] == language
    rows = html.select("section.ed-par")
    french = [text for _, text in read_paragraphs(DOCUMENT / "fr.txt")]
    english = [text for _, text in read_paragraphs(DOCUMENT / "en.txt")]
    assert len(rows) == len(french) == len(english) == 16
    assert [row["id"] for row in rows] == [f"p{n}" for n in range(1, 17)]
    for row, fr, en in zip(rows, french, english, strict=True):
        assert text_of(row.select_one('[lang="fr"] p')) == fr  # verbatim, apostrophes included
        assert text_of(row.select_one('[lang="en"] p')) == en
        assert row.select_one(".ed-main")["lang"] == language  # the page's language first
    rendered = sorted(note["id"] for note in html.select("details.ed-note"))
    assert rendered == NOTES


@pytest.mark.parametrize("language", ["fr", "en"])
def test_notes_link_both_ways(built_site: Path, language: str):
    html = page(built_site, language)
    for note in html.select("details.ed-note"):
        back = html.select_one(f"#q-{note['id']}-{language}")
        assert back is not None and back["href"] == f"#{note['id']}"
        assert note.select_one(".ed-note-title").get_text(strip=True)
        assert note.select(".ed-sources a[href^='https://']") or "ed-kind-translation" in note["class"]


def test_translation_is_labelled_as_ours(built_site: Path):
    assert "celle de l’édition" in page(built_site, "fr").select_one(".ed-translation-note").get_text()
    assert "ours" in page(built_site, "en").select_one(".ed-translation-note").get_text()


def test_language_switch_points_to_the_same_page(built_site: Path):
    for language in PAGES:
        links = {a["hreflang"]: a["href"] for a in page(built_site, language).select("a.md-select__link")}
        assert links == {"fr": "/", "en": "/en/"}


def test_no_third_party_requests(built_site: Path):
    for path in built_site.rglob("*.html"):
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in html.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and element.get("rel") in (["alternate"], ["canonical"]):
                    continue
                assert not re.match(r"(https?:)?//", value), f"{path}: {element}"


def test_hreflang_alternates_are_absolute(built_site: Path, site_origin: str):
    for language, path in PAGES.items():
        links = {
            link["hreflang"]: link["href"]
            for link in page(built_site, language).select('link[rel="alternate"][hreflang]')
        }
        assert links == {"fr": f"{site_origin}/", "en": f"{site_origin}/en/", "x-default": f"{site_origin}/"}, path


def test_every_page_has_its_language_its_own_description_and_no_stray_front_matter(built_site: Path):
    for path in built_site.rglob("index.html"):
        if "search" in path.parts:
            continue
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        assert html.html["lang"] == ("en" if path.relative_to(built_site).parts[0] == "en" else "fr"), path
        description = html.select_one('meta[name="description"]')
        assert description is not None and len(description["content"]) > 40, path
        for example in html.select("article pre"):  # the contributor guide shows notes' YAML
            example.decompose()
        assert "title:" not in html.select_one("article").get_text(), path


@pytest.mark.parametrize("language", ["fr", "en"])
def test_teachers_guide_lists_vocabulary_and_questions(built_site: Path, language: str):
    root = "" if language == "fr" else "en/"
    html = BeautifulSoup((built_site / root / "guide" / "index.html").read_text("utf-8"), "html.parser")
    definitions = [
        p.stem
        for p in (ROOT / "annotations" / "pcf-sommet-ia").glob("*.yml")
        if "kind: definition" in p.read_text("utf-8")
    ]
    links = [a["href"] for a in html.select(".ed-vocabulary dt a")]
    assert sorted(link.split("#")[1] for link in links) == sorted(definitions)
    assert all(link.startswith("../#") for link in links)
    questions = yaml.safe_load((DOCUMENT / "questions.yml").read_text("utf-8"))
    for number, by_language in questions.items():
        items = [li.get_text() for li in html.select(f"#questions-p{number} + ol li")]
        assert items == [spaced(question, language) for question in by_language[language]]


def build_copy(tmp_path: Path, path: str, old: str, new: str) -> subprocess.CompletedProcess:
    """Build a copy of the repository in which `old` is replaced by `new` in the file `path`."""
    site_copy(tmp_path)
    changed = tmp_path / path
    text = changed.read_text("utf-8") if changed.exists() else ""
    assert old in text
    changed.write_text(text.replace(old, new, 1), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )


MGX = "annotations/pcf-sommet-ia/mgx-abu-dhabi-fund.yml"


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        (MGX, "url: https://", "url: http://", "mgx-abu-dhabi-fund.yml:{line}: `url` of source 1 must use https://"),
        (MGX, "paragraph: 3", "paragraph: 10.0", "mgx-abu-dhabi-fund.yml:2: `paragraph` must be a whole number"),
        (
            "docs/documents/pcf-sommet-ia/document.yml",
            "date: 2025-02-10",
            "date: 10 février 2025",
            "document.yml:12: `date` must be a date written YYYY-MM-DD",
        ),
        (
            "docs/guide.md",
            "(index.md#data-centers-only)",
            "(index.md#data-centres-only)",
            "the doc 'index.md' does not contain an anchor '#data-centres-only'",
        ),
        (
            "docs/about.md",
            "# À propos de ce document\n",
            '--8<-- "../../../etc/passwd"\n',
            "docs/about.md:{line}: `../../../etc/passwd` cannot be included: give the path of a file of the repository",
        ),
    ],
    ids=["note-http", "paragraph-float", "document-date-in-words", "broken-note-link", "snippet-outside"],
)
def test_a_bad_input_stops_the_build_with_a_clear_message_and_no_traceback(
    tmp_path: Path, path: str, old: str, new: str, expected: str
):
    # The line the message must name: that of the first changed text, wherever the note has it today.
    line = (ROOT / path).read_text("utf-8").split(old, 1)[0].count("\n") + 1
    result = build_copy(tmp_path, path, old, new)
    assert result.returncode != 0
    assert expected.format(line=line) in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("language", "path"), [("fr", "contributing/index.html"), ("en", "en/contributing/index.html")]
)
def test_the_contributor_guide_is_on_the_site_and_linked_from_about(built_site: Path, language: str, path: str):
    guide = BeautifulSoup((built_site / path).read_text("utf-8"), "html.parser")
    assert "investors-notre-dame-strategy" in guide.get_text()
    assert guide.select("table") and guide.select("pre code")  # the verdicts table and the commands
    assert "8<" not in guide.get_text()
    about = "about/index.html" if language == "fr" else "en/about/index.html"
    links = [a["href"] for a in BeautifulSoup((built_site / about).read_text("utf-8"), "html.parser").select("a")]
    assert "../contributing/" in links


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_version_is_on_the_page_on_paper_and_in_the_changelog(built_site: Path, language: str):
    versions = yaml.safe_load((DOCUMENT / "versions.yml").read_text("utf-8"))
    latest = versions[-1]["version"]
    root = "" if language == "fr" else "en/"
    html = BeautifulSoup((built_site / root / "index.html").read_text("utf-8"), "html.parser")
    link = html.select_one(".ed-meta a[href$='versions/']")
    assert link is not None and link.get_text() == f"version {latest}"
    assert f"version {latest} (" in html.select_one('style[media="print"]').get_text()
    changelog = BeautifulSoup((built_site / root / "versions" / "index.html").read_text("utf-8"), "html.parser")
    headings = [h.get_text() for h in changelog.select(".ed-version h2")]
    assert [h.split(" — ")[0] for h in headings] == [f"Version {v['version']}" for v in reversed(versions)]
    assert len(changelog.select(f"#version-{versions[0]['version'].replace('.', '-')} a")) == len(NOTES)  # all added


def test_each_paragraph_links_to_its_words_in_the_original_publication(built_site: Path):
    source = yaml.safe_load((DOCUMENT / "document.yml").read_text("utf-8"))["source"]["url"]
    french = [text for _, text in read_paragraphs(DOCUMENT / "fr.txt")]
    links = page(built_site, "en").select("section.ed-par .ed-original-link")
    assert len(links) == len(french)
    for link, text in zip(links, french, strict=True):
        address, fragment = link["href"].split("#:~:text=")
        assert address == source
        start = unquote(fragment.split(",")[0])
        assert text.startswith(start) and len(start) >= min(len(text), 10), (start, text)


def test_only_what_is_meant_is_published(built_site: Path):
    """No theme asset that nothing loads; the plain texts where the Data page offers them, and only there."""
    assets = sorted(path.relative_to(built_site).as_posix() for path in (built_site / "assets").rglob("*.*"))
    assert not [name for name in assets if name.endswith(".map") or "lunr" in name or "workers" in name], assets
    pages = " ".join(path.read_text("utf-8") for path in built_site.rglob("*.html"))
    assert all(name.rsplit("/", 1)[-1] in pages for name in assets), assets
    assert not (built_site / "documents").exists()
    for language in ("fr", "en"):
        published = (built_site / "data" / "v1" / "pcf-sommet-ia" / f"{language}.txt").read_text("utf-8")
        assert published.splitlines() == (DOCUMENT / f"{language}.txt").read_text("utf-8").splitlines()
    data_page = (built_site / "data" / "index.html").read_text("utf-8")
    assert 'href="v1/pcf-sommet-ia/fr.txt"' in data_page and 'href="v1/pcf-sommet-ia/en.txt"' in data_page


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_and_every_note_previews_itself_when_shared(built_site: Path, site_origin: str, language: str):
    root = "" if language == "fr" else "en/"
    for path in (built_site / root).glob("*/index.html"):
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        if path.parent.name in ("en", "notes", "data"):
            continue
        meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in html.select("meta[content]")}
        assert meta["og:title"] and meta["og:description"] and meta["twitter:card"] == "summary_large_image", path
        assert meta["og:image"] == f"{site_origin}/assets/images/social.png"
        assert meta["og:locale"] == {"fr": "fr_FR", "en": "en_GB"}[language]
    assert (built_site / "assets" / "images" / "social.png").is_file()
    statement = page(built_site, language)
    for note in statement.select("details.ed-note"):
        note_page = built_site / root / "notes" / note["id"] / "index.html"
        html = BeautifulSoup(note_page.read_text("utf-8"), "html.parser")
        meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in html.select("meta[content]")}
        assert meta["og:title"] == html.select_one("h1").get_text() == note.select_one(".ed-note-title").get_text()
        assert meta["og:url"] == f"{site_origin}/{root}notes/{note['id']}/"
        assert html.select_one(f'a[href="../../#{note["id"]}"]') is not None  # back to it in the statement
        assert note.select_one(f'a[href="notes/{note["id"]}/"]') is not None  # and from the statement to it


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_source_shows_its_kind_of_evidence_and_every_note_a_way_to_report_an_error(
    built_site: Path, language: str
):
    html = page(built_site, language)
    notes = html.select("details.ed-note")
    assert len(notes) == len(list((ROOT / "annotations" / "pcf-sommet-ia").glob("*.yml")))
    labels = {
        "fr": {"Source primaire", "Presse", "Ouvrage de référence", "Autre"},
        "en": {"Primary source", "Press", "Reference work", "Other"},
    }
    for note in notes:
        sources = note.select(".ed-sources > li")
        assert all(source.select_one(".ed-source-type").get_text() in labels[language] for source in sources)
        if note["data-kind"] == "fact-check":
            assert "ed-source-primary" in str(note.select(".ed-source-type")), note["id"]
        report = note.select_one("a.ed-report")
        assert report is not None and report["href"].endswith("methodology/"), note["id"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_statement_page_heading_is_in_the_pages_language(built_site: Path, language: str):
    document = yaml.safe_load((DOCUMENT / "document.yml").read_text("utf-8"))
    heading = page(built_site, language).select_one("h1.ed-title")
    assert heading.get_text() == spaced(document["title"][language], language)
    other = "en" if language == "fr" else "fr"
    assert heading.get_text() != spaced(document["title"][other], other)
