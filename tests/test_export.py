"""The open-data exports of the built site, checked against the standards they claim to follow."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import msgspec_schemaorg.models as schemaorg
import pytest
from bs4 import BeautifulSoup
from pyld import jsonld

from annotated_edition import export
from annotated_edition.model import Correction
from annotated_edition.problems import EditionError
from annotated_edition.validate import load_edition

from .conftest import FIXTURES, ROOT

DOCUMENT = "pcf-sommet-ia"
ROOTS = {"fr": "", "en": "en/"}
NOTES = sorted(path.stem for path in (ROOT / "annotations" / DOCUMENT).glob("*.yml"))
FACT_CHECKS = sorted(
    path.stem
    for path in (ROOT / "annotations" / DOCUMENT).glob("*.yml")
    if "kind: fact-check" in path.read_text("utf-8")
)
ATOM = "{http://www.w3.org/2005/Atom}"


def exported(site: Path, language: str, name: str):
    return json.loads((site / ROOTS[language] / "data" / "v1" / DOCUMENT / name).read_text("utf-8"))


@pytest.mark.parametrize("language", ROOTS)
def test_nothing_is_lost_between_files_pages_and_exports(built_site, language):
    page = BeautifulSoup((built_site / ROOTS[language] / "index.html").read_text("utf-8"), "html.parser")
    assert sorted(note["id"] for note in page.select("details.ed-note")) == NOTES
    assert sorted(a["id"] for a in exported(built_site, language, "annotations.json")["annotations"]) == NOTES
    collection = exported(built_site, language, "annotations.jsonld")
    assert collection["total"] == len(NOTES)
    assert sorted(item["id"].rsplit("#", 1)[1] for item in collection["first"]["items"]) == NOTES
    reviews = exported(built_site, language, "claimreview.jsonld")
    assert sorted(review["url"].rsplit("#", 1)[1] for review in reviews) == FACT_CHECKS
    feed = ElementTree.parse(built_site / ROOTS[language] / "feed.xml").getroot()
    ids = [entry.find(f"{ATOM}id").text for entry in feed.iter(f"{ATOM}entry")]
    assert sorted(i.rsplit("#", 1)[1] for i in ids if "#correction-" not in i) == NOTES
    embedded = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert embedded == reviews


@pytest.mark.parametrize("language", ROOTS)
def test_web_annotations_follow_the_data_model(built_site, language):
    schema = json.loads((FIXTURES / "web-annotation.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(exported(built_site, language, "annotations.jsonld"))


def test_json_ld_expands_with_the_annotation_vocabulary(built_site):
    context = json.loads((FIXTURES / "anno-context.jsonld").read_text("utf-8"))

    def loader(url, options=None):
        assert url == "http://www.w3.org/ns/anno.jsonld", url  # nothing is fetched from the network
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": context}

    collection = exported(built_site, "fr", "annotations.jsonld")
    [expanded] = jsonld.expand(collection, {"documentLoader": loader})
    assert expanded["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    items = expanded["http://www.w3.org/ns/activitystreams#first"][0]["http://www.w3.org/ns/activitystreams#items"][0][
        "@list"
    ]
    assert len(items) == len(NOTES)
    for item, original in zip(items, collection["first"]["items"], strict=True):
        assert item["@type"] == ["http://www.w3.org/ns/oa#Annotation"]
        # every key of the export survives expansion: none is an unknown term that JSON-LD would drop
        assert len(item) == len(original)
        assert item["http://www.w3.org/ns/oa#motivatedBy"][0]["@id"].startswith("http://www.w3.org/ns/oa#")


def _check_schemaorg(value, path="$"):
    """Every property used is one schema.org defines for the object's type (or its parents)."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            _check_schemaorg(item, f"{path}[{index}]")
        return
    if not isinstance(value, dict):
        return
    kind = getattr(schemaorg, value["@type"])
    for key, inner in value.items():
        if key not in ("@type", "@context"):
            assert key in kind.__struct_encode_fields__, f"{path}: schema.org {value['@type']} has no property {key}"
            _check_schemaorg(inner, f"{path}.{key}")


@pytest.mark.parametrize("language", ROOTS)
def test_claim_reviews_use_schema_org_definitions(built_site, language):
    for review in exported(built_site, language, "claimreview.jsonld"):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        _check_schemaorg(review)
        rating = review["reviewRating"]
        assert rating["worstRating"] <= rating.get("ratingValue", 1) <= rating["bestRating"]
        note = next(
            n
            for n in exported(built_site, language, "annotations.json")["annotations"]
            if review["url"].endswith("#" + n["id"])
        )
        assert review["claimReviewed"] == note["claim"]  # the claim sentence of format 2, not a fragment


def test_text_json_is_the_document(built_site):
    data = exported(built_site, "fr", "text.json")
    assert data["version"] == 1 and data["original"] == "fr"
    source = (ROOT / "docs" / "documents" / DOCUMENT / "fr.txt").read_text("utf-8")
    assert [p["fr"] for p in data["paragraphs"]] == [line for line in source.splitlines() if line.strip()]
    assert [p["number"] for p in data["paragraphs"]] == list(range(1, 17))


@pytest.mark.parametrize("language", ROOTS)
def test_every_page_links_its_feed(built_site, language):
    for path in (built_site / ROOTS[language]).glob("*/index.html"):
        if path.parent.name in {"en", "data", "search", "assets"}:
            continue
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        link = html.select_one('link[type="application/atom+xml"]')
        assert (
            link is not None
            and (path.parent / link["href"]).resolve() == (built_site / ROOTS[language] / "feed.xml").resolve()
        )


def test_corrections_reach_the_feed():
    """A correction entered in corrections.yml appears in the feed, linked to its note."""
    edition = load_edition(ROOT / "annotations", ROOT / "docs" / "documents", ROOT, date.today())
    note = edition.annotations[DOCUMENT][0]
    document = edition.documents[DOCUMENT]
    corrected = replace(
        document,
        corrections=(Correction(date(2026, 11, 28), note.id, {"fr": "Chiffre corrigé.", "en": "Figure corrected."}),),
    )
    edition = replace(edition, documents={DOCUMENT: corrected})
    feed = ElementTree.fromstring(
        export.atom_feed(edition, {DOCUMENT: "https://x.org/en/"}, "en", "https://x.org/en/feed.xml", "Ed")
    )
    entries = list(feed.iter(f"{ATOM}entry"))
    assert len(entries) == len(NOTES) + 1
    [entry] = [e for e in entries if "#correction-" in e.find(f"{ATOM}id").text]
    assert entry.find(f"{ATOM}title").text.startswith("Correction — ")
    assert "Figure corrected." in entry.find(f"{ATOM}content").text
    assert entry.find(f"{ATOM}link").get("href") == f"https://x.org/en/#{note.id}"


def test_each_feed_entry_is_updated_when_its_note_last_changed():
    """Atom `updated` per note: added, checked again, or corrected; a feed reader can tell what changed."""
    edition = load_edition(ROOT / "annotations", ROOT / "docs" / "documents", ROOT, date.today())
    first, second, third = edition.annotations[DOCUMENT][:3]
    notes = [
        replace(first, added=date(2025, 3, 1), checked=date(2025, 3, 1)),
        replace(second, added=date(2025, 3, 1), checked=date(2025, 9, 14)),
        replace(third, added=date(2025, 3, 1), checked=date(2025, 3, 1)),
    ]
    correction = Correction(date(2026, 1, 5), third.id, {"fr": "Corrigé.", "en": "Corrected."})
    document = replace(edition.documents[DOCUMENT], corrections=(correction,))
    edition = replace(edition, documents={DOCUMENT: document}, annotations={DOCUMENT: tuple(notes)})
    feed = ElementTree.fromstring(
        export.atom_feed(edition, {DOCUMENT: "https://x.org/en/"}, "en", "https://x.org/en/f", "Ed")
    )
    updated = {entry.find(f"{ATOM}id").text: entry.find(f"{ATOM}updated").text for entry in feed.iter(f"{ATOM}entry")}
    assert updated[f"https://x.org/en/#{first.id}"] == "2025-03-01T00:00:00Z"
    assert updated[f"https://x.org/en/#{second.id}"] == "2025-09-14T00:00:00Z"
    assert updated[f"https://x.org/en/#{third.id}"] == "2026-01-05T00:00:00Z"
    assert feed.find(f"{ATOM}updated").text == "2026-01-05T00:00:00Z"
    published = [entry.find(f"{ATOM}published").text for entry in feed.iter(f"{ATOM}entry")]
    assert published.count("2025-03-01T00:00:00Z") == 3


# The documented scale (docs/data.md and docs/data.en.md): a rating per verdict, none for unverifiable.
DOCUMENTED_RATINGS = {"accurate": 5, "mostly-accurate": 4, "misleading": 2, "inaccurate": 1, "unverifiable": None}


def test_each_verdict_has_its_documented_rating(built_site):
    scale = (ROOT / "docs" / "data.en.md").read_text("utf-8")
    assert "accurate = 5, mostly accurate = 4, misleading = 2, inaccurate = 1" in scale
    assert export.RATINGS == DOCUMENTED_RATINGS
    notes = {n["id"]: n for n in exported(built_site, "en", "annotations.json")["annotations"]}
    for review in exported(built_site, "en", "claimreview.jsonld"):
        verdict = notes[review["url"].rsplit("#", 1)[1]]["verdict"]
        assert review["reviewRating"].get("ratingValue") == DOCUMENTED_RATINGS[verdict]
        assert review["reviewRating"]["alternateName"]


def test_two_documents_cannot_have_notes_with_the_same_id(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "site-three-languages", site)
    shutil.copy(
        site / "annotations" / "beta" / "tool-definition.yml", site / "annotations" / "beta" / "summit-dates.yml"
    )
    with pytest.raises(EditionError) as refused:
        load_edition(site / "annotations", site / "docs" / "documents", site, date(2026, 12, 4))
    assert any(
        "the id `summit-dates` is already used by annotations/alpha/summit-dates.yml" in str(problem)
        for problem in refused.value.problems
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_paragraph_citation_links_its_paragraph_in_every_style(built_site, language):
    citations = exported(built_site, language, "citations.json")
    page = "http://127.0.0.1" if language == "fr" else "/en/"
    paragraphs = [key for key in citations if re.fullmatch(r"p[0-9]+", key)]
    assert len(paragraphs) == 16
    for key in paragraphs:
        apa = next(style for style in citations[key]["styles"] if style["style"] == "apa")
        link = BeautifulSoup(apa["html"], "html.parser").select_one("a")
        assert link["href"].endswith(f"#{key}") and page in link["href"], (key, link["href"])
        assert link.get_text() == link["href"]
