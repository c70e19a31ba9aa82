"""Any statement, any languages: a site of two documents in three languages, one written right to left.

The fixture (tests/fixtures/site-three-languages) is data only: two document folders, their notes,
pages that name them, and the Arabic interface strings in the site's own `strings/` folder.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from annotated_edition.anchoring import read_page
from annotated_edition.annotation import check_annotation
from annotated_edition.document import load_documents

from .conftest import FIXTURES

SITE = FIXTURES / "site-three-languages"
LANGUAGES = {"fr": "", "en": "en/", "ar": "ar/"}  # language -> its folder in the built site
DOCUMENTS = {"alpha": "", "beta": "beta/"}  # document -> its page under a language's folder
ORIGINAL = {"alpha": "fr", "beta": "ar"}
ATOM = "{http://www.w3.org/2005/Atom}"


def build(tree: Path, site_url: str, strict: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--site-dir", str(tree / "site")],
        cwd=tree,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url},
        capture_output=True,
        text=True,
    )


def copy_site(tmp_path: Path) -> Path:
    """The fixture with the theme files it names from the repository beside it, so it can be edited."""
    tree = tmp_path / "tests" / "fixtures" / "site-three-languages"
    shutil.copytree(SITE, tree)
    shutil.copytree(FIXTURES.parent.parent / "overrides", tmp_path / "overrides")
    return tree


@pytest.fixture(scope="module")
def site_url() -> str:
    """An address of its own: the main site's server may hold the session's one."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/"


@pytest.fixture(scope="module")
def site(tmp_path_factory, site_url) -> Path:
    tree = copy_site(tmp_path_factory.mktemp("three"))
    result = build(tree, site_url)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return tree / "site"


@pytest.fixture(scope="module")
def documents() -> dict:
    """The fixture's documents, as the edition loads them (with no problem)."""
    loaded, problems = load_documents(SITE / "docs" / "documents", SITE)
    assert not problems
    return loaded


def page(site: Path, language: str, path: str = "") -> BeautifulSoup:
    return BeautifulSoup((site / LANGUAGES[language] / path / "index.html").read_text("utf-8"), "html.parser")


def exported(site: Path, language: str, document: str, name: str):
    return json.loads((site / LANGUAGES[language] / f"data/v1/{document}/{name}").read_text("utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_each_page_shows_its_language_and_one_other(site, documents, document, language):
    """The page's language first; beside it the original, or beside the original its first translation."""
    html = page(site, language, DOCUMENTS[document])
    other = documents[document].pair(language)[1]
    assert other == (ORIGINAL[document] if language != ORIGINAL[document] else documents[document].languages[1])
    for section in html.select("section.ed-par"):
        number = int(section["id"][1:])
        main, alt = section.select_one(".ed-main"), section.select("details.ed-alt")
        assert len(alt) == 1, "two texts per paragraph, never three"
        assert (main["lang"], alt[0]["lang"]) == (language, other)
        assert main.p.get_text() == documents[document].paragraphs[language][number - 1]
        assert alt[0].select_one(".ed-text p").get_text() == documents[document].paragraphs[other][number - 1]
    modes = [radio["value"] for radio in html.select('input[name="show"]')]
    assert modes == ["both", language, other]


@pytest.mark.parametrize("language", LANGUAGES)
def test_right_to_left_text_carries_its_direction(site, language):
    html = page(site, language, "beta/")
    expected = "rtl" if language == "ar" else "ltr"
    assert html.body["dir"] == expected  # Material, from theme.language
    for block in html.select(".ed-main, .ed-alt, .ed-alt > summary"):
        assert block["dir"] == ("rtl" if block["lang"] == "ar" else "ltr"), block.name
    assert {block["dir"] for block in html.select(".ed-main")} == {expected}
    assert "rtl" in {block["dir"] for block in html.select(".ed-main, .ed-alt")}  # beta is Arabic
    note = BeautifulSoup(
        (site / LANGUAGES[language] / "notes/tool-definition/index.html").read_text("utf-8"), "html.parser"
    )
    assert note.html["dir"] == expected


def test_the_style_sheet_uses_logical_directions():
    """`left` and `right` would put borders, triangles and indents on the wrong side in Arabic."""
    css = (FIXTURES.parent.parent / "overrides/assets/edition.css").read_text("utf-8")
    rules = [line.strip() for line in css.splitlines() if not line.strip().startswith(("/*", "*"))]
    physical = [
        rule
        for rule in rules
        if rule.split(":")[0].endswith(("-left", "-right", "-left-width", "-right-width"))
        or rule.split(":")[0] in ("left", "right")
        or rule.replace(" ", "") in ("float:left;", "float:right;", "text-align:left;", "text-align:right;")
    ]
    # The only physical properties left reset Material's own (its language menu is placed with `left`).
    assert physical and all(rule.split(":")[1].strip() in ("auto;", "0;") for rule in physical), physical


@pytest.mark.parametrize("language", LANGUAGES)
def test_interface_words_dates_and_language_names_are_the_pages(site, language):
    html = page(site, language, "beta/")
    assert html.select_one(".ed-col-notes").get_text() == {"fr": "Notes", "en": "Notes", "ar": "الملاحظات"}[language]
    assert (
        html.select_one(".ed-filters legend").get_text() == {"fr": "Notes", "en": "Notes", "ar": "الملاحظات"}[language]
    )
    written = html.select_one(".ed-meta time").get_text()
    assert written == {"fr": "1er mars 2025", "en": "1 March 2025", "ar": "1 مارس 2025"}[language]
    columns = [span.get_text() for span in html.select(".ed-col-text")]
    names = {"fr": "arabe", "en": "Arabic", "ar": "العربية"}
    assert names[language] in " ".join(columns)
    locale = html.select_one('meta[property="og:locale"]')["content"]
    assert locale == {"fr": "fr_FR", "en": "en_GB", "ar": "ar"}[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("document", DOCUMENTS)
def test_each_document_exports_its_own_notes_in_each_language(site, site_url, documents, document, language):
    data = exported(site, language, document, "annotations.json")
    on_disk = sorted(path.stem for path in (SITE / "annotations" / document).glob("*.yml"))
    assert sorted(note["id"] for note in data["annotations"]) == on_disk
    assert data["page"] == f"{site_url}{LANGUAGES[language]}{DOCUMENTS[document]}"
    publisher = {"alpha": "Éditions Alpha", "beta": "Beta Press"}[document]
    assert publisher in data["license"]["text"]
    notes = {path.stem: path for path in (SITE / "annotations" / document).glob("*.yml")}
    for note in data["annotations"]:
        built, problems = check_annotation(notes[note["id"]], note["id"], documents[document], date(2026, 11, 29))
        assert not problems and note["title"] == built.title[language]
    by_id = {note["id"]: note for note in data["annotations"]}
    collection = exported(site, language, document, "annotations.jsonld")
    page_text = read_page((site / LANGUAGES[language] / DOCUMENTS[document] / "index.html").read_text("utf-8")).text
    for item in collection["first"]["items"]:
        note = by_id[item["id"].rsplit("#", 1)[1]]
        quote, position = item["target"]["selector"]
        assert quote["exact"] == note["quote"]  # the quote in the page's language
        assert quote["exact"] in documents[document].paragraphs[language][note["paragraph"] - 1]
        assert page_text[position["start"] : position["end"]] == quote["exact"]
    feed = ElementTree.parse(site / LANGUAGES[language] / f"data/v1/{document}/feed.xml").getroot()
    assert len(list(feed.iter(f"{ATOM}entry"))) >= len(on_disk)


def test_the_plain_texts_of_each_document_are_published_in_every_language(site, documents):
    for document, original in ORIGINAL.items():
        folder = site / LANGUAGES[original] / f"data/v1/{document}"
        text = json.loads((folder / "text.json").read_text("utf-8"))
        assert text["languages"] == list(documents[document].languages)
        for language in LANGUAGES:
            assert (folder / f"{language}.txt").read_text("utf-8").strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_guide_handout_and_corrections_link_their_own_document(site, documents, language):
    guide = page(site, language, "guide/")
    assert {a["href"] for a in guide.select(".ed-guide a[href*='#p']")} <= {"../beta/#p1"}
    assert guide.select(".ed-guide a[href*='#p']")
    log = page(site, language, "log/")
    assert [a["href"] for a in log.select("a[href*='#summit-dates']")] == ["../#summit-dates"]
    handout = page(site, language, "handout/")
    assert handout.select_one(".ed-h-text p")["lang"] == language
    offered = [box["value"] for box in handout.select('input[name="with"]')]
    assert offered == [documents["beta"].pair(language)[1]]
    beta, alpha = page(site, language, "beta/"), page(site, language)
    assert beta.select_one(".ed-handout-link")["href"] == "../handout/"
    assert alpha.select_one(".ed-handout-link") is None  # alpha has no handout page


def test_a_note_without_a_language_of_its_document_gets_file_and_line(tmp_path, documents):
    note = tmp_path / "summit-dates.yml"
    text = (SITE / "annotations/alpha/summit-dates.yml").read_text("utf-8")
    note.write_text(text.replace('  ar: "تاريخا القمة"\n', ""), encoding="utf-8")
    built, problems = check_annotation(note, "summit-dates.yml", documents["alpha"], date(2026, 11, 29))
    assert built is None
    line = text.splitlines().index("title:") + 1
    assert [str(problem) for problem in problems] == [
        f"summit-dates.yml:{line}: `title` has no `ar`: every text is given in French (`fr`), English (`en`) "
        "and Arabic (`ar`)"
    ]


def test_a_language_short_of_strings_is_built_in_english_where_it_lacks_them(tmp_path, site_url):
    tree = copy_site(tmp_path)
    table = tree / "strings" / "ar.yml"
    table.write_text(table.read_text("utf-8").replace('  column.notes: "الملاحظات"\n', ""), encoding="utf-8")
    strict = build(tree, site_url)
    assert strict.returncode == 1
    assert "strings/ar.yml lacks 1 strings, shown in English: column.notes" in strict.stderr
    assert "Traceback" not in strict.stderr
    loose = build(tree, site_url, strict=False)
    assert loose.returncode == 0, loose.stderr
    html = BeautifulSoup((tree / "site/ar/index.html").read_text("utf-8"), "html.parser")
    assert html.select_one(".ed-col-notes").get_text() == "Notes"
    assert html.select_one(".ed-col-text").get_text().startswith("ترجمتنا")


def test_a_site_language_the_document_lacks_is_a_clear_error(tmp_path, site_url):
    tree = copy_site(tmp_path)
    folder = tree / "docs/documents/beta"
    (folder / "en.txt").unlink()
    meta = folder / "document.yml"
    text = meta.read_text("utf-8").replace("[ar, fr, en]", "[ar, fr]")
    meta.write_text("\n".join(line for line in text.splitlines() if not line.startswith("  en:")) + "\n", "utf-8")
    for note in [*(tree / "annotations/beta").glob("*.yml"), folder / "questions.yml"]:
        lines = note.read_text("utf-8").splitlines()
        note.write_text("\n".join(line for line in lines if not line.startswith("  en:")) + "\n", "utf-8")
    result = build(tree, site_url)
    assert result.returncode == 1
    assert (
        "docs/beta.md:1: the site is built in `en` but document `beta` has no `en` text: add `en` to its "
        "`languages` and its text as en.txt"
    ) in result.stderr
    assert "Traceback" not in result.stderr


# ---- In a browser -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    if not Path("/usr/bin/chromium").exists():
        if os.environ.get("CI") == "true":
            raise RuntimeError("CI=true but /usr/bin/chromium is missing: the browser tests cannot be skipped in CI")
        pytest.skip("headless Chromium is not installed (make browser)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def served(site, site_url):
    from .siteserver import serve

    httpd, origin = serve(site, int(site_url.rstrip("/").rsplit(":", 1)[1]))
    yield origin
    httpd.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1400])
def test_arabic_page_reads_right_to_left_without_sideways_scrolling(chromium, served, width):
    page = chromium.new_page(viewport={"width": width, "height": 900})
    page.goto(served + "/ar/beta/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    text = page.locator("#p1 .ed-main p").bounding_box()
    number = page.locator("#p1 .ed-num").bounding_box()
    assert number["x"] > text["x"]  # the paragraph number sits at the start of the line: on the right
    card = page.locator("#tool-definition")
    border = card.evaluate("e => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth]")
    assert border[0] != "0px" and border[1] == "0px"
    page.close()


@pytest.mark.browser
def test_arabic_page_modes_and_accessibility(chromium, served):
    from axe_playwright_python.sync_playwright import Axe

    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    page.goto(served + "/ar/?show=fr")
    assert page.locator("#p1 .ed-main").is_hidden() and page.locator("#p1 .ed-alt .ed-text p").is_visible()
    page.goto(served + "/ar/")
    page.get_by_label("العربية فقط").check()
    assert "show=ar" in page.url and page.locator("#p1 .ed-alt").is_hidden()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}})
    assert [violation["id"] for violation in results.response["violations"]] == []
    page.close()


def test_a_new_note_has_a_line_for_each_language_of_its_document(tmp_path, monkeypatch, capsys):
    from annotated_edition.cli import main

    tree = copy_site(tmp_path)
    monkeypatch.chdir(tree)
    assert main(["new", "tool-meaning", "--document", "beta", "-p", "1", "-q", "قدرًا", "-k", "definition"]) == 0
    created = tree / "annotations/beta/tool-meaning.yml"
    text = created.read_text("utf-8")
    assert 'quote:\n  ar: "قدرًا"\n  fr: ""\n  en: ""\n' in text and 'title:\n  ar: ""\n  fr: ""\n  en: ""\n' in text
    documents, _ = load_documents(tree / "docs/documents", tree)
    for language in ("ar", "fr", "en"):
        text = text.replace(f'  {language}: ""', f"  {language}: x", 2)
    created.write_text(text, "utf-8")
    _, problems = check_annotation(created, "tool-meaning.yml", documents["beta"], date(2026, 11, 29))
    assert {problem.message for problem in problems if "example text" in problem.message} == {
        f"`body.{language}` is still the example text of `edition new`: write the note"
        for language in ("ar", "fr", "en")
    }


def test_a_document_no_page_shows_is_a_clear_error(tmp_path, site_url):
    tree = copy_site(tmp_path)
    (tree / "docs/beta.md").unlink()
    text = (tree / "mkdocs.yml").read_text("utf-8")
    (tree / "mkdocs.yml").write_text(text.replace("  - beta.md\n", ""), encoding="utf-8")
    result = build(tree, site_url)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "docs/documents/beta/document.yml:1: no page shows document `beta`: add `edition: beta` to the front matter "
        "of the page that should"
    ) in result.stderr


def test_the_plugin_can_be_switched_off(tmp_path, site_url):
    tree = copy_site(tmp_path)
    text = (tree / "mkdocs.yml").read_text("utf-8")
    (tree / "mkdocs.yml").write_text(text.replace("      strings: strings\n", "      enabled: false\n"), "utf-8")
    result = build(tree, site_url, strict=False)
    assert result.returncode == 0, result.stderr
    html = BeautifulSoup((tree / "site/index.html").read_text("utf-8"), "html.parser")
    assert html.select(".ed") == [] and html.h1.get_text().strip() == "Alpha"
    assert not (tree / "site/data").exists() and not (tree / "site/notes").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'locale: xx_QQ\nstrings:\n  note: "Nota"\n',
            ["1: `locale` `xx_QQ` is not a locale Babel knows, e.g. ar, de_DE"],
        ),
        (
            'locale: de\nstrings:\n  note: "Notiz"\n  mode.only: "Nur {sprache}"\n',
            ["4: `mode.only` uses {sprache}, which it is not given (it may use: {name})"],
        ),
        ('locale: de\nmla_months: ["Jan."]\nstrings: {}\n', ["2: `mla_months` lists the twelve months, January first"]),
        ("- just a list\n", ['1: a strings file has `strings:`, then one `key: "text"` line per string']),
        ('strings:\n  note: "Notiz\n', None),  # a YAML error: reported by the YAML reader, with its line
    ],
    ids=["locale", "placeholder", "months", "shape", "syntax"],
)
def test_a_broken_strings_file_gets_file_and_line(tmp_path, text, expected):
    from annotated_edition import strings
    from annotated_edition.problems import EditionError

    (tmp_path / "de.yml").write_text(text, encoding="utf-8")
    strings.use(tmp_path)
    try:
        with pytest.raises(EditionError) as raised:
            strings.words("de")
    finally:
        strings.use(None)
    found = [f"{problem.line}: {problem.message}" for problem in raised.value.problems]
    assert all(problem.file == str(tmp_path / "de.yml") for problem in raised.value.problems)
    if expected is None:
        assert found and all("Traceback" not in line for line in found)
    else:
        assert found == expected
    assert strings.words("fr").file.endswith("annotated_edition/strings/fr.yml")  # the site's folder is forgotten


@pytest.mark.browser
@pytest.mark.parametrize("document", DOCUMENTS)
def test_exported_annotations_anchor_in_the_arabic_pages_as_a_client_reads_them(chromium, served, site, document):
    from .test_browser import ANCHOR

    collection = exported(site, "ar", document, "annotations.jsonld")
    notes = {note["id"]: note for note in exported(site, "ar", document, "annotations.json")["annotations"]}
    page = chromium.new_page()
    page.goto(f"{served}/ar/{DOCUMENTS[document]}")
    found = page.evaluate(ANCHOR, collection["first"]["items"])
    assert len(found) == len(notes)
    for item, where in zip(collection["first"]["items"], found, strict=True):
        note = notes[item["id"].rsplit("#", 1)[1]]
        assert where == {
            "id": item["id"],
            "hits": 1,
            "position": True,
            "section": f"p{note['paragraph']}",
            "lang": "ar",
            "inNote": False,
        }
    page.close()
