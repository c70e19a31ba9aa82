"""French spacing: the rule on its own (data-driven), and every French page of the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from annotated_edition.typography import spaced, spaced_html, spacing_faults

from .conftest import FIXTURES

TEXTS = yaml.safe_load((FIXTURES / "typography.yml").read_text("utf-8"))
HTML = yaml.safe_load((FIXTURES / "typography-html.yml").read_text("utf-8"))


@pytest.mark.parametrize(("language", "text", "expected"), TEXTS)
def test_french_text_gets_narrow_spaces_and_other_languages_do_not(language, text, expected):
    assert spaced(text, language) == expected


@pytest.mark.parametrize(("html", "expected"), HTML)
def test_only_text_outside_tags_and_code_changes(html, expected):
    assert spaced_html(html, "fr") == expected
    assert spacing_faults(expected) == []


def test_the_check_finds_a_fault_outside_verbatim_text_only():
    page = (
        '<p>Une erreur : ici</p><div class="ed-text"><p>Le texte publié : intact</p></div>'
        '<ol class="ed-sources"><li>Titre de la source : tel quel</li></ol><pre>a : b</pre>'
    )
    assert spacing_faults(page) == ["Une erreur : ici"]


def french_pages(site: Path) -> list[Path]:
    return [path for path in sorted(site.rglob("*.html")) if '<html lang="fr"' in path.read_text("utf-8")[:2000]]


def test_every_french_page_is_set_with_narrow_spaces(built_site: Path):
    pages = french_pages(built_site)
    assert len(pages) >= 30  # the pages, the handout and every note's own page
    faults = {str(page.relative_to(built_site)): spacing_faults(page.read_text("utf-8")) for page in pages}
    assert {page: found for page, found in faults.items() if found} == {}
    home = (built_site / "index.html").read_text("utf-8")
    assert home.count("\u202f") > 100  # notes, interface and page text alike


def test_the_statement_itself_stays_exactly_as_published(built_site: Path):
    home = (built_site / "index.html").read_text("utf-8")
    statement = re.findall(r'<div class="ed-text ed-main" lang="fr"[^>]*>(.*?)</div>', home, re.DOTALL)
    assert len(statement) == 16
    assert all("\u202f" not in text for text in statement)
    assert "européenne ?" in re.sub(r"<[^>]+>", "", " ".join(statement))


def test_french_feeds_carry_the_same_spacing(built_site: Path):
    feeds = [built_site / "feed.xml", built_site / "data" / "v1" / "pcf-sommet-ia" / "feed.xml"]
    assert all("\u202f" in path.read_text("utf-8") for path in feeds)
    assert "\u202f" not in (built_site / "en" / "feed.xml").read_text("utf-8")
