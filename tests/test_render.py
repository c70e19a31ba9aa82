"""Rendering: quotes become highlights linked to notes; contributor Markdown cannot run script."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from annotated_edition.annotation import check_annotation
from annotated_edition.joining import join_in_batches
from annotated_edition.markup import render_markdown
from annotated_edition.model import Edition
from annotated_edition.render import render_document, segment

from .conftest import FIXTURES, TODAY


@pytest.fixture(scope="module")
def edition(demo) -> Edition:
    notes = [check_annotation(p, p.name, demo, TODAY)[0] for p in sorted((FIXTURES / "valid").glob("*.yml"))]
    return Edition(documents={"demo": demo}, annotations={"demo": tuple(sorted(notes, key=lambda n: n.paragraph))})


def test_segment_splits_around_quotes(edition):
    note = edition.annotations["demo"][0]
    pieces = segment("Le sommet de Paris s’est tenu.", [note], "fr", {note.id: 1})
    assert [(p.text, p.note) for p in pieces] == [("Le sommet de Paris", "summit-dates"), (" s’est tenu.", None)]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_page_has_every_paragraph_note_and_link(edition, demo, language):
    page = BeautifulSoup(render_document(edition, "demo", language), "html.parser")
    rows = page.select("section.ed-par")
    assert [row["id"] for row in rows] == ["p1", "p2", "p3"]
    assert rows[0].select_one(".ed-main")["lang"] == language
    other = "en" if language == "fr" else "fr"
    assert rows[0].select_one(".ed-alt")["lang"] == other
    quote = page.select_one(f"#q-summit-dates-{language}")
    assert quote["href"] == "#summit-dates"
    note = page.select_one("details#summit-dates")
    assert note.select_one(".ed-note-quote a")["href"] == f"#q-summit-dates-{language}"
    assert page.select_one("details#money-term") is not None
    assert (
        page.select_one("#q-money-term-" + language)["href"] == "#money-term"
    )  # a note without quote still has a marker
    assert "ed-role-dateline" in rows[2]["class"]


def test_note_in_reader_language(edition):
    page = BeautifulSoup(render_document(edition, "demo", "en"), "html.parser")
    note = page.select_one("details#summit-dates")
    assert note.select_one(".ed-note-title").get_text() == "The summit's dates"
    assert note.select_one(".ed-verdict").get_text(" ", strip=True) == "Verdict: Accurate"
    assert "(in French)" in note.select_one(".ed-sources li").get_text()


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[x](javascript:alert(1))",
        '<iframe src="https://example.org"></iframe>',
        '<a href="https://example.org" onclick="alert(1)" style="color:red">x</a>',
        "<style>body{display:none}</style>",
        "[x](JaVaScRiPt:alert(1))",
        "<svg onload=alert(1)>",
    ],
)
def test_markdown_is_sanitised_even_if_validation_were_bypassed(source):
    html = render_markdown(source, "en").lower()
    for forbidden in ("<script", "onerror", "javascript:", "<iframe", "onclick", "style=", "<style", "<svg", "onload"):
        assert forbidden not in html


def test_markdown_keeps_links_emphasis_and_lists():
    html = render_markdown("*a* **b** [c](https://example.org)\n\n- d\n- e", "en")
    assert "<em>a</em>" in html and "<strong>b</strong>" in html and "<li>d</li>" in html
    assert 'href="https://example.org"' in html and 'rel="noopener"' in html


@given(st.lists(st.text(max_size=5), max_size=50), st.integers(min_value=1, max_value=7))
def test_joining_in_batches_gives_the_same_string(pieces, batch):
    assert join_in_batches(iter(pieces), batch=batch) == "".join(pieces)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_report_an_error_opens_the_form_filled_in_with_the_note(edition, language):
    form = "https://forge.example/edition/issues/new?template=correction.yml"
    page_url = "https://edition.example/"
    html = render_document(edition, "demo", language, page_url=page_url, report_form=form)
    link = BeautifulSoup(html, "html.parser").select_one("#summit-dates a.ed-report")
    query = parse_qs(urlsplit(link["href"]).query)
    assert link["href"].startswith(form + "&")
    assert query["template"] == ["correction.yml"]
    assert query["link"] == [page_url + "#summit-dates"]
    assert "summit-dates" in query["title"][0]
    assert link.get_text() == {"fr": "Signaler une erreur", "en": "Report an error"}[language]


def test_without_a_form_report_an_error_leads_to_how_to_ask_for_a_correction(edition):
    html = render_document(edition, "demo", "en", report_page="../methodology/")
    links = BeautifulSoup(html, "html.parser").select("a.ed-report")
    assert links and {link["href"] for link in links} == {"../methodology/"}
    assert BeautifulSoup(render_document(edition, "demo", "en"), "html.parser").select("a.ed-report") == []
