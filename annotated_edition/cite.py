"""Citations of the edition, a paragraph or a note: APA 7, MLA 9, Chicago 17 and BibTeX (biblatex).

The access date belongs to the reader, not to the build: it is left as a placeholder element
that the page's script fills in with today's date (`data-format` says how).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from . import strings
from .model import Annotation, Document

STYLES = ("apa", "mla", "chicago", "bibtex")
LABELS = {"apa": "APA", "mla": "MLA", "chicago": "Chicago", "bibtex": "BibTeX"}


@dataclass(frozen=True)
class Work:
    """What is cited: the page, one of its paragraphs, or one of its notes."""

    document: Document
    language: str
    site_name: str
    page_url: str
    paragraph: int | None = None
    note: Annotation | None = None

    @property
    def url(self) -> str:
        if self.note:
            return f"{self.page_url}#{self.note.id}"
        if self.paragraph:
            return f"{self.page_url}#p{self.paragraph}"
        return self.page_url


def citations(work: Work) -> list[dict[str, str]]:
    """Every style for `work`: label and HTML, in the order of STYLES."""
    render = {"apa": apa, "mla": mla, "chicago": chicago, "bibtex": bibtex}
    return [{"style": style, "label": LABELS[style], "html": str(render[style](work))} for style in STYLES]


def citation_index(document: Document, notes, language: str, site_name: str, page_url: str) -> dict[str, dict]:
    """Citations of every paragraph (`p3`) and note (its id), for the page to load when asked."""
    works = [Work(document, language, site_name, page_url, paragraph=n) for n in range(1, document.size + 1)]
    works += [Work(document, language, site_name, page_url, note=note) for note in notes]
    return {
        (work.note.id if work.note else f"p{work.paragraph}"): {"in_text": in_text(work), "styles": citations(work)}
        for work in works
    }


def in_text(work: Work) -> str:
    """APA in-text citation, e.g. (Parti communiste français, 2025, para. 3)."""
    author = work.document.source_publisher  # the statement is cited under its publisher, its author
    year = work.note.added.year if work.note else work.document.date.year
    if work.note:
        return f"({work.site_name}, {year})"
    where = f", {_t(work, 'cite.para')} {work.paragraph}" if work.paragraph else ""
    return f"({author}, {year}{where})"


def apa(work: Work) -> Markup:
    language, document = work.language, work.document
    if work.note:
        note = work.note
        return _fill(
            "{site}. ({date}). <i>{title}</i> [{what}]. {in_} <i>{doc}</i>{version}. {url}",
            site=work.site_name,
            date=_apa_date(note.added, language),
            title=_no_end(note.title[language]),
            what=_describe_note(work),
            in_=_t(work, "cite.in"),
            doc=_no_end(document.title[language]),
            version=f" ({_version(work)})" if _version(work) else "",
            url=_link(work.url),
        )
    return _fill(
        "{author}. ({date}). <i>{title}</i> ({ed}). {site}. {url}",
        author=document.source_publisher,
        date=_apa_date(document.date, language),
        title=_no_end(document.title[language]),
        ed=", ".join(part for part in (_t(work, "cite.ed"), _version(work)) if part),
        site=work.site_name,
        url=_link(work.url),
    )


def mla(work: Work) -> Markup:
    language, document = work.language, work.document
    accessed = _fill("{label} {date}.", label=_t(work, "cite.accessed"), date=_accessed(work, "mla"))
    if work.note:
        note = work.note
        return _fill(
            "{title} <i>{site}</i>, {version}{date}, {url}. {accessed}",
            title=_quoted(note.title[language], language),
            site=work.site_name,
            version=f"{_version(work)}, " if _version(work) else "",
            date=strings.short_date(note.added, language),
            url=_link(work.url, mla=True),
            accessed=accessed,
        )
    where = f"{_t(work, 'cite.para')} {work.paragraph}, " if work.paragraph else ""
    return _fill(
        "{author}. {title} <i>{site}</i>, {version}{date}, {where}{url}. {accessed}",
        author=document.source_publisher,
        title=_quoted(document.title[language], language),
        site=work.site_name,
        version=f"{_version(work)}, " if _version(work) else "",
        date=strings.short_date(document.date, language),
        where=where,
        url=_link(work.url, mla=True),
        accessed=accessed,
    )


def chicago(work: Work) -> Markup:
    language, document = work.language, work.document
    if work.note:
        note = work.note
        return _fill(
            "{site}. {title} {what}.{version} {date}. {url}.",
            site=work.site_name,
            title=_quoted(note.title[language], language),
            what=_describe_note(work),
            version=f" {_version(work).capitalize()}." if _version(work) else "",
            date=strings.us_date(note.added, language),
            url=_link(work.url),
        )
    where = f" {_t(work, 'paragraph')} {work.paragraph}." if work.paragraph else ""
    return _fill(
        "{author}. {title}{where} {site}.{version} {date}. {url}.",
        author=document.source_publisher,
        title=_quoted(document.title[language], language),
        where=where,
        site=work.site_name,
        version=f" {_version(work).capitalize()}." if _version(work) else "",
        date=strings.us_date(document.date, language),
        url=_link(work.url),
    )


def bibtex(work: Work) -> Markup:
    """A biblatex @online entry; organisations are braced so they are not split into names."""
    language, document = work.language, work.document
    key = document.id + (f"-{work.note.id}" if work.note else f"-p{work.paragraph}" if work.paragraph else "")
    if work.note:
        fields = [
            ("author", "{" + _bib(work.site_name) + "}"),
            ("title", _bib(work.note.title[language])),
            ("date", work.note.added.isoformat()),
        ]
    else:
        fields = [
            ("author", "{" + _bib(document.source_publisher) + "}"),
            ("title", _bib(document.title[language])),
            ("date", document.date.isoformat()),
        ]
    fields += [("organization", _bib(work.site_name)), ("url", work.url)]
    if document.version:
        fields.append(("version", document.version.number))
    if work.paragraph:
        fields.append(("note", _bib(f"{_t(work, 'paragraph')} {work.paragraph}")))
    fields.append(("langid", strings.language_name(language, "en").lower()))  # biblatex: french, english
    lines = [_fill("@online{{{key},", key=key)]
    lines += [_fill("  {name} = {{{value}}},", name=name, value=value) for name, value in fields]
    lines.append(_fill("  urldate = {{{date}}}", date=_accessed(work, "iso")))
    return Markup("<pre><code>") + Markup("\n").join(lines) + Markup("\n}</code></pre>")


def _version(work: Work) -> str:
    """`version 1.1`: which state of the edition the reader saw, or nothing before a first release."""
    version = work.document.version
    return _t(work, "version", n=version.number) if version else ""


def _describe_note(work: Work) -> str:
    """Fact-check note on paragraph 3 / Note (vérification) sur le paragraphe 3."""
    kind = _t(work, f"kind.{work.note.kind}").lower()
    text = _t(work, "cite.note.kind", kind=kind, n=work.note.paragraph)
    return text[0].upper() + text[1:]


def _accessed(work: Work, form: str) -> Markup:
    placeholder = "YYYY-MM-DD" if form == "iso" else _t(work, "accessed.placeholder")
    return _fill('<span class="ed-accessed" data-format="{form}">{text}</span>', form=form, text=placeholder)


def _apa_date(value, language: str) -> str:
    month = strings.months(language)[value.month - 1]
    return f"{value.year}, {month} {value.day}" if language == "en" else f"{value.year}, {value.day} {month}"


def _quoted(title: str, language: str) -> Markup:
    """A title in quotation marks; English puts the closing period inside them (MLA, Chicago)."""
    opening, closing = strings.text(language, "quote.open"), strings.text(language, "quote.close")
    if language == "en":
        return _fill("{o}{t}{c}", o=opening, t=_with_end(title), c=closing)
    return (
        _fill("{o}{t}{c}.", o=opening, t=_no_end(title), c=closing)
        if not _ends(title)
        else _fill("{o}{t}{c}", o=opening, t=title, c=closing)
    )


def _ends(title: str) -> bool:
    return title.rstrip().endswith(("?", "!", "."))


def _with_end(title: str) -> str:
    return title if _ends(title) else f"{title}."


def _no_end(title: str) -> str:
    return title.rstrip().rstrip(".")


def _link(url: str, mla: bool = False) -> Markup:
    shown = url.split("://", 1)[-1] if mla else url  # MLA 9 drops the scheme
    return _fill('<a href="{url}">{shown}</a>', url=url, shown=shown)


def _bib(text: str) -> str:
    for char, replacement in (
        ("\\", r"\textbackslash{}"),
        ("{", r"\{"),
        ("}", r"\}"),
        ("&", r"\&"),
        ("%", r"\%"),
        ("$", r"\$"),
        ("#", r"\#"),
        ("_", r"\_"),
    ):
        text = text.replace(char, replacement)
    return text


def _fill(template: str, **values) -> Markup:
    """`template` with every value escaped, as `Markup(template).format` does, several times faster."""
    return Markup(template.format_map({key: escape(value) for key, value in values.items()}))


def _t(work: Work, key: str, **values) -> str:
    return strings.text(work.language, key, **values)
