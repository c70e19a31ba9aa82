"""The text of a built page as a W3C annotation client reads it, and where each paragraph sits in it.

Clients such as Hypothesis anchor a TextQuoteSelector or TextPositionSelector in the page's
`document.body.textContent`: every text node under <body>, script and style included, template
contents excluded. Selectors computed on that text anchor in the page the export names.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .joining import join_in_batches

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class PageText:
    """`text` is the body's textContent; `paragraphs[(n, lang)]` the (start, end) of paragraph n's text."""

    text: str = ""
    paragraphs: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)


# One token of HTML: a comment, a doctype or processing instruction, or a start or end tag
# (attribute values may hold `>` when quoted). Text is what lies between tokens.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(/?)([A-Za-z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S
)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_TEXT = ("script", "style")  # their content is text up to their end tag, entities and all
_NEWLINE_DROPPED = ("pre", "textarea", "listing")  # a newline right after their start tag is not text


def _attributes(source: str) -> dict[str, str]:
    if "=" not in source:
        return {}
    found = {}
    for match in _ATTRIBUTE.finditer(source):
        name = match.group(1).lower()
        if name not in found:
            value = next((group for group in match.groups()[1:] if group is not None), "")
            found[name] = html.unescape(value)
    return found


def read_page(page_html: str) -> PageText:
    """The page's body text and the place of each paragraph's text in it."""
    page = PageText()
    # Millions of small pieces in a large page: joined a batch at a time, not all held at once.
    page.text = join_in_batches(_texts(page_html, page))
    return page


def _texts(page_html: str, page: PageText) -> Iterator[str]:
    """The body's text nodes in order, recording in `page` where each paragraph's text starts and ends."""
    length = 0
    in_body = False
    skip = 0  # inside <template>: not part of textContent
    stack: list[tuple[str, str, str]] = []  # (tag, class, lang) of the open elements
    paragraph: int | None = None
    open_text: tuple[int, str, int] | None = None  # paragraph, language, start
    drop_newline = False
    cursor = 0
    size = len(page_html)
    while cursor < size:
        match = _TOKEN.search(page_html, cursor)
        end = match.start() if match else size
        if end > cursor:
            data = html.unescape(page_html[cursor:end])
            if drop_newline and data.startswith("\n"):
                data = data[1:]
            if in_body and not skip:
                yield data
                length += len(data)
        drop_newline = False
        if not match:
            break
        cursor = match.end()
        name = match.group(2)
        if name is None:
            continue  # a comment, doctype or processing instruction
        tag = name.lower()
        if match.group(1):  # an end tag
            if tag == "template":
                skip = max(0, skip - 1)
            if tag == "p" and open_text:
                number, language, start = open_text
                page.paragraphs.setdefault((number, language), (start, length))
                open_text = None
            if tag == "section":
                paragraph = None
            for index in range(len(stack) - 1, -1, -1):  # tolerate implied end tags
                if stack[index][0] == tag:
                    del stack[index:]
                    break
            continue
        source = match.group(3)
        # Only ids of sections, languages and the text class matter: most tags need no attribute parsing.
        wanted = tag == "section" or "lang=" in source or "ed-text" in source
        attributes = _attributes(source) if wanted else {}
        self_closing = source.rstrip().endswith("/")
        drop_newline = tag in _NEWLINE_DROPPED and not self_closing
        if tag == "body":
            in_body = True
        if tag == "template":
            skip += 1
        if tag in _RAW_TEXT:
            close = re.compile(rf"</{tag}\s*>", re.I).search(page_html, cursor)
            stop = close.start() if close else size
            if in_body and not skip:
                yield page_html[cursor:stop]
                length += stop - cursor
            cursor = close.end() if close else size
            continue
        if tag in VOID or self_closing:
            continue
        identifier = attributes.get("id", "")
        if tag == "section" and identifier[:1] == "p" and identifier[1:].isdigit():
            paragraph = int(identifier[1:])
        if tag == "p" and paragraph and any("ed-text" in classes.split() for _, classes, _ in stack):
            language = next((lang for _, _, lang in reversed(stack) if lang), "")
            open_text = (paragraph, language, length)
        stack.append((tag, attributes.get("class", ""), attributes.get("lang", "")))
