"""Citations follow their styles' rules (APA 7, MLA 9, Chicago 17, biblatex)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import bibtexparser
import pytest
from bs4 import BeautifulSoup

from annotated_edition.annotation import check_annotation
from annotated_edition.cite import Work, bibtex, citations, in_text
from annotated_edition.model import Version
from annotated_edition.strings import short_months

from .conftest import FIXTURES, TODAY

URL = "https://example.org/en/"


@pytest.fixture(scope="module")
def note(demo):
    path = FIXTURES / "valid" / "summit-dates.yml"
    return check_annotation(path, path.name, demo, TODAY)[0]


def text(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


def styles(work: Work) -> dict[str, str]:
    return {c["style"]: c["html"] for c in citations(work)}


def test_apa_reference_for_the_page(demo):
    html = styles(Work(demo, "en", "Annotated edition", URL))["apa"]
    assert re.fullmatch(
        r"Example\. \(2025, February 10\)\. <i>Demonstration document</i> \(annotated ed\.\)\. Annotated edition\. <a href=\"https://example\.org/en/\">https://example\.org/en/</a>",
        html,
    )


def test_apa_in_text_citation_of_a_paragraph(demo):
    assert in_text(Work(demo, "en", "Annotated edition", URL, paragraph=2)) == "(Example, 2025, para. 2)"
    assert in_text(Work(demo, "fr", "Édition annotée", URL, paragraph=2)) == "(Example, 2025, par. 2)"


def test_apa_note_has_bracketed_description_and_container(demo, note):
    html = styles(Work(demo, "en", "Annotated edition", URL, note=note))["apa"]
    assert text(html) == (
        "Annotated edition. (2026, November 28). The summit's dates [Fact-check note on paragraph 1]. "
        "In Demonstration document. https://example.org/en/#summit-dates"
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_mla_uses_abbreviated_months_no_scheme_and_an_access_date(demo, language):
    html = styles(Work(demo, language, "Site", URL, paragraph=1))["mla"]
    plain = text(html)
    assert f"10 {short_months(language)[1]} 2025" in plain
    assert "example.org/en/#p1" in plain and "https://" not in plain
    assert plain.endswith(".") and ("Accessed" in plain if language == "en" else "Consulté le" in plain)
    assert 'class="ed-accessed" data-format="mla"' in html


def test_mla_english_title_keeps_the_period_inside_the_quotation_marks(demo):
    plain = text(styles(Work(demo, "en", "Site", URL))["mla"])
    assert "“Demonstration document.” Site, 10 Feb. 2025, example.org/en/." in plain


def test_chicago_bibliography_entry(demo):
    plain = text(styles(Work(demo, "en", "Site", URL))["chicago"])
    assert plain == "Example. “Demonstration document.” Site. February 10, 2025. https://example.org/en/."
    plain = text(styles(Work(demo, "fr", "Site", URL))["chicago"])
    assert plain == "Example. «\u202fDocument de démonstration\u202f». Site. 10 février 2025. https://example.org/en/."


@pytest.mark.parametrize("part", [{}, {"paragraph": 3}, {"note": "summit"}], ids=["page", "paragraph", "note"])
def test_bibtex_parses_as_a_biblatex_online_entry(demo, note, part):
    if "note" in part:
        part = {"note": note}
    entry_text = text(str(bibtex(Work(demo, "en", "Site & Co", URL, **part)))).replace("YYYY-MM-DD", "2026-11-28")
    library = bibtexparser.parse_string(entry_text)
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "online"
    fields = {field.key: field.value for field in entry.fields}
    assert fields["author"].startswith("{") and fields["author"].endswith("}")  # an organisation, not a person's name
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields["date"]) and fields["urldate"] == "2026-11-28"
    assert fields["url"].startswith(URL) and fields["organization"] == r"Site \& Co"
    assert entry.key.startswith("demo")


def test_every_citation_names_the_version_the_reader_saw(demo, note):
    """Notes change: a citation says which version of the edition it refers to."""
    released = replace(demo, versions=(Version("1.0", date(2026, 1, 2), {"fr": "a", "en": "a"}),))
    released = replace(
        released, versions=(*released.versions, Version("1.1", date(2026, 3, 4), {"fr": "b", "en": "b"}))
    )
    for part in ({}, {"paragraph": 2}, {"note": note}):
        cited = styles(Work(released, "en", "Site", URL, **part))
        assert all("version 1.1" in text(cited[style]).lower() for style in ("apa", "mla", "chicago")), cited
        assert "version = {1.1}" in text(cited["bibtex"])
        assert "version" not in text(styles(Work(demo, "en", "Site", URL, **part))["apa"])  # none before a release
    assert text(styles(Work(released, "en", "Site", URL))["apa"]).startswith(
        "Example. (2025, February 10). Demonstration document (annotated ed., version 1.1). Site."
    )
