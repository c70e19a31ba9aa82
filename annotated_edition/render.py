"""Render a document with its annotations as one HTML fragment, for one reader language."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup, escape

from . import strings
from .cite import Work, citations, in_text
from .joining import join_in_batches
from .markup import render_markdown
from .model import KINDS, Annotation, Document, Edition, Source
from .typography import spaced


@dataclass(frozen=True)
class Segment:
    """A run of paragraph text, highlighted for `note` when it is a quote."""

    text: str
    note: str | None = None
    number: int | None = None
    kind: str | None = None


# A word followed by a space and ? ! : ; or », or « and a space before a word: kept on one line,
# so that no line starts with a lone mark. Only markup changes: the characters stay as published.
_KEEP_TOGETHER = re.compile(r"\S+[ \u00a0\u202f][?!:;»]+|«[ \u00a0\u202f]\S+")
ANCHOR_ID = re.compile(r'\sid="([^"]+)"')


def typeset(text: str) -> Markup:
    """Escaped text in which French punctuation never starts a line."""
    pieces, cursor = [], 0
    for match in _KEEP_TOGETHER.finditer(text):
        pieces.append(escape(text[cursor : match.start()]))
        pieces.append(Markup('<span class="ed-nw">{}</span>').format(match.group()))
        cursor = match.end()
    pieces.append(escape(text[cursor:]))
    return Markup("").join(pieces)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("annotated_edition", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # the templates are part of the package: no need to look at their files again
        # Compiled templates are kept between builds (in a per-user temporary folder, by checksum).
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    environment.filters["typeset"] = typeset
    return environment


def _words(language: str) -> dict:
    """What every template uses to speak the reader's language."""
    return {
        "t": lambda key, **values: strings.text(language, key, **values),
        "long_date": lambda value: strings.long_date(value, language),
        "name": lambda code: strings.language_name(code, language),
        "dir": strings.direction,
        "spaced": lambda text: spaced(text, language),
    }


def render_document(
    edition: Edition,
    document_id: str,
    language: str,
    intro_html: str = "",
    page_url: str = "",
    site_name: str = "",
    citations_url: str = "",
    excerpts_url: str = "",
    handout_url: str = "handout/",
    versions_url: str = "versions/",
    report_form: str = "",
    report_page: str = "",
) -> str:
    """The edition page's content: header, then every paragraph with its texts, notes and citations.

    Each note links to the correction form (`report_form`, filled in with the note's id and address)
    or, without one, to the page that says how to ask for a correction (`report_page`)."""
    document = edition.documents[document_id]

    def cite(**part) -> dict:
        work = Work(document, language, site_name, page_url, **part)
        return {"in_text": in_text(work), "styles": citations(work)}

    notes = edition.annotations[document_id]
    order = document.pair(language)
    paragraphs = paragraph_views(document, notes, language)
    for paragraph in paragraphs:
        paragraph["in_text"] = in_text(Work(document, language, site_name, page_url, paragraph=paragraph["number"]))
    return _render_in_batches(
        "edition.html.j2",
        dict(
            document=document,
            language=language,
            order=order,
            paragraphs=paragraphs,
            intro_html=intro_html,
            **_words(language),
            kinds=_kinds(notes),
            cite_page=cite(),
            citations_url=citations_url,
            handout_url=handout_url,
            versions_url=versions_url,
            report_form=report_form,
            report_page=report_page,
            excerpts_url=excerpts_url,
            updated=edition.updated(document_id),
            page_url=page_url,
            short_months=strings.short_months(language),
            long_months=strings.months(language),
        ),
    )


def _render_in_batches(name: str, context: dict) -> str:
    """A template rendered as `render` does, without holding every small piece of a large page at once."""
    return join_in_batches(_environment().get_template(name).generate(**context))


def render_handout(edition: Edition, document_id: str, language: str, statement_url: str) -> str:
    """The printable handout: the statement with numbered references, then one line per note."""
    document = edition.documents[document_id]
    notes = edition.annotations[document_id]
    paragraphs = paragraph_views(document, notes, language)
    return (
        _environment()
        .get_template("handout.html.j2")
        .render(
            document=document,
            language=language,
            others=document.pair(language)[1:],
            paragraphs=paragraphs,
            notes=[note for paragraph in paragraphs for note in paragraph["notes"]],
            kinds=_kinds(notes),
            statement_url=statement_url,
            updated=edition.updated(document_id),
            **_words(language),
        )
    )


def paragraph_views(document: Document, notes: tuple[Annotation, ...], language: str) -> list[dict]:
    """Every paragraph with its texts (the reader's language, then the one beside it), highlights and notes."""
    numbers = {note.id: index for index, note in enumerate(notes, start=1)}
    order = document.pair(language)
    by_paragraph: dict[int, list[Annotation]] = {}
    for note in notes:
        by_paragraph.setdefault(note.paragraph, []).append(note)
    views = []
    for index in range(document.size):
        here = by_paragraph.get(index + 1, [])
        views.append(
            {
                "number": index + 1,
                "role": document.roles.get(index + 1, "text"),
                "texts": [
                    {"lang": lang, "segments": segment(document.paragraphs[lang][index], here, lang, numbers)}
                    for lang in order
                ],
                "notes": [note_view(note, numbers[note.id], language) for note in here],
                # The same words in the original publication, for a reader who checks the quotation.
                "original_url": fragment_url(document.source_url, document.paragraphs[document.original][index]),
            }
        )
    return views


def _kinds(notes: tuple[Annotation, ...]) -> list[str]:
    """The kinds of note present, in the format's order (the filters offer these)."""
    return [kind for kind in KINDS if any(note.kind == kind for note in notes)]


def render_note_page(
    edition: Edition,
    document_id: str,
    note: Annotation,
    language: str,
    urls: dict[str, str],
    statement_url: str,
    site_name: str,
    root: str,
    stylesheets: list[str],
    image: str,
) -> str:
    """A note's own page (`notes/<id>/`): what a shared link previews, with the way back to the statement."""
    document = edition.documents[document_id]
    text = document.paragraphs[language][note.paragraph - 1]
    before, after = text.split(note.quote[language], 1) if note.quote else (text, "")
    view = note_view(note, 0, language)
    plain = " ".join(html.unescape(re.sub(r"<[^>]+>", "", view["body_html"])).split())
    return (
        _environment()
        .get_template("note-page.html.j2")
        .render(
            document=document,
            language=language,
            note=view,
            before=before,
            after=after,
            description=plain if len(plain) <= 200 else plain[:199].rsplit(" ", 1)[0] + "…",
            url=urls[language],
            alternates=urls,
            locale=strings.locale_code(language),
            statement_url=statement_url,
            site_name=site_name,
            root=root,
            stylesheets=stylesheets,
            image=image,
            **_words(language),
        )
    )


def render_versions(edition: Edition, document_id: str, language: str, page_url: str) -> str:
    """The edition's changelog: every version, newest first, with the notes it added and corrected."""
    return (
        _environment()
        .get_template("versions.html.j2")
        .render(releases=edition.releases(document_id), language=language, page_url=page_url, **_words(language))
    )


def render_corrections(document: Document, language: str, page_url: str) -> str:
    """The corrections log of `document`, newest first, linking each corrected note."""
    return (
        _environment()
        .get_template("corrections.html.j2")
        .render(
            corrections=sorted(document.corrections, key=lambda c: c.date, reverse=True),
            language=language,
            page_url=page_url,
            **_words(language),
        )
    )


def render_guide(edition: Edition, document_id: str, language: str, statement_url: str) -> str:
    """Vocabulary (the definition notes) and discussion questions for the teacher's guide."""
    document = edition.documents[document_id]
    notes = edition.annotations[document_id]
    definitions = [note_view(note, 0, language) for note in notes if note.kind == "definition"]
    return (
        _environment()
        .get_template("guide.html.j2")
        .render(
            definitions=sorted(definitions, key=lambda note: note["title"].lower()),
            questions=[
                (number, [spaced(question, language) for question in document.questions[number][language]])
                for number in sorted(document.questions)
            ],
            statement=statement_url,
            **_words(language),
        )
    )


def json_script(data) -> str:
    """JSON-LD for the page; `<` is escaped so no text in it can close the script element."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'


def segment(text: str, notes: list[Annotation], language: str, numbers: dict[str, int]) -> list[Segment]:
    """Split a paragraph's text around the quotes of its notes (quotes never overlap)."""
    spans = sorted(
        (text.index(note.quote[language]), note) for note in notes if note.quote and note.quote.get(language)
    )
    segments, cursor = [], 0
    for start, note in spans:
        end = start + len(note.quote[language])
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(Segment(text[start:end], note.id, numbers[note.id], note.kind))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return segments


def note_view(note: Annotation, number: int, language: str) -> dict:
    """What the template needs to show one note in one language."""
    return {
        "id": note.id,
        "number": number,
        "kind": note.kind,
        "verdict": note.verdict,
        "title": spaced(note.title[language], language),
        "body_html": render_markdown(note.body[language], language),
        "quote": note.quote[language] if note.quote else None,
        "claim": spaced(note.claim[language], language) if note.claim else None,
        "checked": note.checked,
        "has_quote": bool(note.quote),
        "paragraph": note.paragraph,
        "sources": [source_view(source, language) for source in note.sources],
    }


def source_view(source: Source, language: str) -> dict:
    """A source, with the name of its language when it differs from the reader's."""
    foreign = source.lang and source.lang.split("-")[0] != language
    return {
        **source.__dict__,
        "language_name": strings.language_name(source.lang, language) if foreign else None,
        # The excerpt is on the page that was read: the copy, when there is one.
        "fragment_url": fragment_url(source.via or source.url, source.excerpt) if source.excerpt else source.url,
        "via_host": urlsplit(source.via).hostname if source.via else None,
    }


def fragment_url(url: str, excerpt: str, words: int = 4) -> str:
    """The source's address with a text fragment (`#:~:text=start,end`) that scrolls a browser to
    the excerpt; a browser that does not find it just opens the page."""
    parts = excerpt.split()
    if len(parts) <= 2 * words:
        directive = _fragment_text(parts)
    else:
        directive = f"{_fragment_text(parts[:words])},{_fragment_text(parts[-words:])}"
    return f"{url.split('#')[0]}#:~:text={directive}"


def _fragment_text(words: list[str]) -> str:
    # The fragment's syntax reserves `-`, `,` and `&`: quote them along with everything else.
    return quote(" ".join(words), safe="").replace("-", "%2D")


def anchor_ids(html: str) -> set[str]:
    """The ids of the elements of a fragment this module rendered (attributes always double-quoted)."""
    return set(ANCHOR_ID.findall(html))
