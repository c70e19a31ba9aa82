"""Open-data exports of an edition: W3C Web Annotations, schema.org ClaimReview, Atom, JSON.

Every function is pure: it takes the edition and the addresses where things are published,
and returns data (dicts ready for JSON, or Atom XML text). Output is deterministic, so two
builds of the same commit give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from xml.etree import ElementTree

from markupsafe import escape

from . import strings
from .anchoring import PageText
from .cite import citation_index
from .joining import join_in_batches
from .markup import render_markdown
from .model import Annotation, Document, Edition
from .problems import EditionError, Problem
from .typography import spaced

FORMAT_VERSION = 1
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


def licence_text(document: Document, language: str) -> str:
    """Our notes and translation are CC BY 4.0; the original belongs to its publisher."""
    return strings.text(language, "licence.text", publisher=document.source_publisher)


MOTIVATIONS = {
    "fact-check": "assessing",
    "context": "commenting",
    "definition": "describing",
    "translation": "commenting",
}
# ClaimReview ratings: 1 (worst) to 5 (best). "unverifiable" has no place on that scale: no ratingValue.
RATINGS = {"accurate": 5, "mostly-accurate": 4, "misleading": 2, "inaccurate": 1, "unverifiable": None}
CONTEXT_CHARS = 32


def to_json(data, readable: bool = True) -> str:
    """Stable JSON: the same data always gives the same bytes. Files meant for people are
    indented; those only the page's script reads are compact (and several times faster)."""
    if readable:  # the indenting encoder is pure Python: its pieces are joined a batch at a time
        return join_in_batches(json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data)) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


class AnchoringError(Exception):
    """The built page does not show a paragraph's text as the document has it."""


def _quote_position(page: PageText, document: Document, note: Annotation, language: str) -> tuple[int, int]:
    """Where the note's quote sits in the page's text: inside its paragraph, in its language."""
    paragraph = document.paragraphs[language][note.paragraph - 1]
    span = page.paragraphs.get((note.paragraph, language))
    if span is None or page.text[span[0] : span[1]] != paragraph:
        raise AnchoringError(
            f"paragraph {note.paragraph} ({language}) of {document.id} is not on its page as the text file has it: "
            "the template must show each paragraph's words, and nothing else, in its <p>"
        )
    start = span[0] + paragraph.index(note.quote[language])
    return start, start + len(note.quote[language])


def web_annotation_collection(
    edition: Edition,
    document_id: str,
    language: str,
    page_url: str,
    collection_url: str,
    publisher: str,
    page: PageText,
    publisher_url: str = "",
) -> dict:
    """Every note as a W3C Web Annotation, in one AnnotationCollection (JSON-LD) of one page."""
    document = edition.documents[document_id]
    notes = edition.annotations[document_id]
    first = f"{collection_url}#page-1"
    publisher_agent = {"id": publisher_url or page_url, "type": "Organization", "name": publisher}
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": collection_url,
        "type": "AnnotationCollection",
        "label": f"{document.title[language]} — {strings.text(language, 'column.notes')}",
        "total": len(notes),
        "rights": LICENSE_URL,
        "first": {
            "id": first,
            "type": "AnnotationPage",
            "partOf": collection_url,
            "startIndex": 0,
            "items": [web_annotation(document, note, language, page_url, publisher_agent, page) for note in notes],
        },
        "last": first,
    }


def date_time(day: date) -> str:
    """A day as the xsd:dateTime the Web Annotation and Atom formats require (midnight UTC)."""
    return f"{day.isoformat()}T00:00:00Z"


def web_annotation(
    document: Document, note: Annotation, language: str, page_url: str, publisher: dict, page: PageText
) -> dict:
    """One note: its text as a TextualBody, its sources as linked bodies, its target on the page."""
    body = [
        {
            "type": "TextualBody",
            "purpose": MOTIVATIONS[note.kind],
            "format": "text/html",
            "language": language,
            "value": f"<p><strong>{escape(spaced(note.title[language], language))}</strong></p>"
            f"{render_markdown(note.body[language], language)}",
        }
    ]
    if note.verdict:
        body.append({"type": "TextualBody", "purpose": "classifying", "value": note.verdict, "language": "en"})
    for source in note.sources:
        linked = {"id": source.url, "type": "Text"}
        if source.lang:
            linked["language"] = source.lang
        body.append({"type": "SpecificResource", "purpose": "linking", "source": linked})
    creators = [publisher, *({"type": "Person", "name": name} for name in note.contributors)]
    annotation = {
        "id": f"{page_url}#{note.id}",
        "type": "Annotation",
        "motivation": MOTIVATIONS[note.kind],
        "created": date_time(note.added),
        "creator": creators,
        "rights": LICENSE_URL,
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": {"id": page_url, "type": "Text", "format": "text/html", "language": language},
            "selector": _selectors(page, document, note, language),
        },
    }
    changed = document.last_change(note)
    if changed > note.added:
        annotation["modified"] = date_time(changed)
    return annotation


def _selectors(page: PageText, document: Document, note: Annotation, language: str) -> list[dict] | dict:
    if not note.quote:
        return {
            "type": "FragmentSelector",
            "conformsTo": "http://tools.ietf.org/rfc/rfc3986",
            "value": f"p{note.paragraph}",
        }
    text = page.text
    start, end = _quote_position(page, document, note, language)
    return [
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - CONTEXT_CHARS) : start],
            "suffix": text[end : end + CONTEXT_CHARS],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def claim_reviews(
    edition: Edition, document_id: str, language: str, page_url: str, publisher: str, site_url: str
) -> list[dict]:
    """A schema.org ClaimReview for each fact-check, for fact-checking aggregators."""
    document = edition.documents[document_id]
    reviews = []
    for note in edition.annotations[document_id]:
        if note.kind != "fact-check":
            continue
        claim = note.claim[language]
        rating = {
            "@type": "Rating",
            "alternateName": strings.text(language, f"verdict.{note.verdict}"),
            "bestRating": 5,
            "worstRating": 1,
        }
        if RATINGS[note.verdict] is not None:
            rating["ratingValue"] = RATINGS[note.verdict]
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "url": f"{page_url}#{note.id}",
                "name": note.title[language],
                "claimReviewed": claim,
                "itemReviewed": {
                    "@type": "Claim",
                    "author": {"@type": "Organization", "name": document.source_publisher},
                    "datePublished": document.date.isoformat(),
                    "appearance": {"@type": "CreativeWork", "url": document.source_url},
                },
                "author": {"@type": "Organization", "name": publisher, "url": site_url},
                "datePublished": note.added.isoformat(),
                "inLanguage": language,
                "reviewRating": rating,
                "license": LICENSE_URL,
            }
        )
    return reviews


def annotations_json(edition: Edition, document_id: str, language: str, page_url: str) -> dict:
    """The documented, versioned JSON of every note in one language (see docs/data.md)."""
    document = edition.documents[document_id]
    return {
        "version": FORMAT_VERSION,
        "document": document_id,
        "language": language,
        "page": page_url,
        "license": {"url": LICENSE_URL, "text": licence_text(document, language)},
        "annotations": [
            {
                "id": note.id,
                "url": f"{page_url}#{note.id}",
                "paragraph": note.paragraph,
                "kind": note.kind,
                "verdict": note.verdict,
                "claim": note.claim[language] if note.claim else None,
                "quote": note.quote[language] if note.quote else None,
                "title": note.title[language],
                "body_markdown": note.body[language],
                "body_html": render_markdown(note.body[language], language),
                "sources": [_source_json(source) for source in note.sources],
                "contributors": list(note.contributors),
                "added": note.added.isoformat(),
                "checked": note.checked.isoformat(),
                "recheck": note.recheck.isoformat() if note.recheck else None,
            }
            for note in edition.annotations[document_id]
        ],
    }


def excerpts(edition: Edition, document_id: str) -> dict[str, str]:
    """Each source's excerpt, keyed `<note id>/<source index>`, for the page to load when a reader
    asks what the source says (kept out of the page to keep its first load light)."""
    return {
        f"{note.id}/{index}": source.excerpt
        for note in edition.annotations[document_id]
        for index, source in enumerate(note.sources)
        if source.excerpt
    }


def _source_json(source) -> dict:
    data = asdict(source)
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in data.items()}


def text_json(document: Document, page_urls: dict[str, str]) -> dict:
    """The document's text, paragraph by paragraph, in every language, with numbers and roles."""
    return {
        "version": FORMAT_VERSION,
        "document": document.id,
        "original": document.original,
        "languages": list(document.languages),
        "title": document.title,
        "author": document.author,
        "date": document.date.isoformat(),
        "place": document.place,
        "source": {"url": document.source_url, "publisher": document.source_publisher},
        "pages": page_urls,
        "license": {language: licence_text(document, language) for language in document.languages},
        "paragraphs": [
            {
                "number": index + 1,
                "role": document.roles.get(index + 1, "text"),
                **{language: document.paragraphs[language][index] for language in document.languages},
            }
            for index in range(document.size)
        ],
    }


def atom_feed(edition: Edition, pages: dict[str, str], language: str, feed_url: str, publisher: str) -> str:
    """An Atom feed of the notes added and corrected on the documents `pages` maps to their page's URL,
    newest first: one document's feed, or the whole site's."""
    atom = "http://www.w3.org/2005/Atom"
    ElementTree.register_namespace("", atom)
    entries = []
    for document_id, page_url in pages.items():
        document = edition.documents[document_id]
        notes = {note.id: note for note in edition.annotations[document_id]}
        entries += [(document.last_change(note), note, None, 0, page_url) for note in notes.values()]
        # A correction's place in its log (1, 2…) keeps its entry's id unique and stable: the log only grows.
        entries += [
            (correction.date, notes[correction.note], correction, number, page_url)
            for number, correction in enumerate(document.corrections, start=1)
        ]
    entries.sort(key=lambda entry: (entry[0], entry[4], entry[1].id, entry[3]), reverse=True)
    first = edition.documents[next(iter(pages))]
    updated = max((entry[0] for entry in entries), default=first.date)

    def sub(parent, tag, text=None, **attributes):
        element = ElementTree.SubElement(parent, f"{{{atom}}}{tag}", attributes)
        element.text = text
        return element

    feed = ElementTree.Element(f"{{{atom}}}feed", {"xml:lang": language})
    title = first.title[language] if len(pages) == 1 else publisher
    sub(feed, "title", f"{spaced(title, language)} — {strings.text(language, 'column.notes')}")
    sub(feed, "id", feed_url)
    sub(feed, "updated", date_time(updated))
    sub(feed, "link", rel="self", href=feed_url)
    if len(pages) == 1:
        sub(feed, "link", rel="alternate", href=next(iter(pages.values())))
    sub(sub(feed, "author"), "name", publisher)
    sub(feed, "rights", "\n".join(licence_text(edition.documents[document_id], language) for document_id in pages))
    for when, note, correction, number, page_url in entries:
        entry = sub(feed, "entry")
        kind = strings.text(language, f"kind.{note.kind}")
        if correction:
            sub(entry, "title", f"{strings.text(language, 'correction')} — {spaced(note.title[language], language)}")
            sub(entry, "id", f"{page_url}#correction-{number}")
            sub(entry, "content", f"<p>{escape(spaced(correction.text[language], language))}</p>", type="html")
        else:
            sub(entry, "title", f"{kind} — {spaced(note.title[language], language)}")
            sub(entry, "id", f"{page_url}#{note.id}")
            sub(entry, "content", render_markdown(note.body[language], language), type="html")
        sub(entry, "published", date_time(correction.date if correction else note.added))
        sub(entry, "updated", date_time(when))
        sub(entry, "link", rel="alternate", href=f"{page_url}#{note.id}")
        sub(entry, "category", term=note.kind, label=kind)
    ElementTree.indent(feed)
    xml = '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"
    # The checker refuses what would break it; should anything slip through, no reader gets a broken feed.
    try:
        ElementTree.fromstring(xml.encode("utf-8"))
    except ElementTree.ParseError as error:
        raise EditionError(
            [Problem(feed_url, 1, f"the feed would not be well-formed XML ({error}): report this bug")]
        ) from None
    return xml


def data_folder(document_id: str) -> str:
    """Where a document's exports live, under each language's root; `v1` is the format version."""
    return f"data/v{FORMAT_VERSION}/{document_id}/"


def exports(
    edition: Edition,
    document_id: str,
    language: str,
    page_urls: dict[str, str],
    site_url: str,
    prefix: str,
    publisher: str,
    page: PageText,
) -> Iterator[tuple[str, str]]:
    """Every export file of one document in one language: path under the language's root (`prefix`)
    and text, one at a time, so that a large edition's files are never all in memory together."""
    page_url = page_urls[language]
    folder = data_folder(document_id)
    here = site_url + prefix
    document = edition.documents[document_id]
    yield f"{folder}annotations.json", to_json(annotations_json(edition, document_id, language, page_url))
    citations = citation_index(document, edition.annotations[document_id], language, publisher, page_url)
    yield f"{folder}citations.json", to_json(citations, readable=False)
    del citations
    yield f"{folder}excerpts.json", to_json(excerpts(edition, document_id), readable=False)
    yield (
        f"{folder}annotations.jsonld",
        to_json(
            web_annotation_collection(
                edition, document_id, language, page_url, f"{here}{folder}annotations.jsonld", publisher, page, here
            )
        ),
    )
    yield (
        f"{folder}claimreview.jsonld",
        to_json(claim_reviews(edition, document_id, language, page_url, publisher, site_url)),
    )
    yield (
        f"{folder}feed.xml",
        atom_feed(edition, {document_id: page_url}, language, f"{here}{folder}feed.xml", publisher),
    )
    if language == document.original:
        yield f"{folder}text.json", to_json(text_json(document, page_urls))
        for each in document.languages:  # the plain text, one paragraph per line, for reuse and diffing
            yield f"{folder}{each}.txt", "\n\n".join(document.paragraphs[each]) + "\n"
