"""The text of a built page as a W3C annotation client reads it, and where each paragraph sits in it.

Clients such as Hypothesis anchor a TextQuoteSelector or TextPositionSelector in the page's
`document.body.textContent`: every text node under <body>, script and style included, template
contents excluded. Selectors computed on that text anchor in the page the export names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class PageText:
    """`text` is the body's textContent; `paragraphs[(n, lang)]` the (start, end) of paragraph n's text."""

    text: str = ""
    paragraphs: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageText()
        self.parts: list[str] = []
        self.length = 0
        self.in_body = False
        self.skip = 0  # inside <template>: not part of textContent
        self.stack: list[tuple[str, dict]] = []
        self.paragraph: int | None = None
        self.open_text: tuple[int, str, int] | None = None  # paragraph, language, start
        self.after_pre = False

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        self.after_pre = tag in ("pre", "textarea", "listing")
        if tag == "body":
            self.in_body = True
        if tag == "template":
            self.skip += 1
        if tag in VOID:
            return
        identifier = attributes.get("id") or ""
        if tag == "section" and identifier[:1] == "p" and identifier[1:].isdigit():
            self.paragraph = int(identifier[1:])
        if tag == "p" and self.paragraph and self._within("ed-text"):
            self.open_text = (self.paragraph, self._language(), self.length)
        self.stack.append((tag, attributes))

    def handle_startendtag(self, tag, attrs) -> None:
        self.after_pre = False

    def handle_endtag(self, tag) -> None:
        self.after_pre = False
        if tag == "template":
            self.skip = max(0, self.skip - 1)
        if tag == "p" and self.open_text:
            number, language, start = self.open_text
            self.page.paragraphs.setdefault((number, language), (start, self.length))
            self.open_text = None
        if tag == "section":
            self.paragraph = None
        for index in range(len(self.stack) - 1, -1, -1):  # tolerate implied end tags
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data) -> None:
        if self.after_pre and data.startswith("\n"):
            data = data[1:]  # the HTML parser drops a newline right after <pre>
        self.after_pre = False
        if not self.in_body or self.skip:
            return
        self.parts.append(data)
        self.length += len(data)

    def _within(self, css_class: str) -> bool:
        return any(css_class in (attributes.get("class") or "").split() for _, attributes in self.stack)

    def _language(self) -> str:
        return next((attributes["lang"] for _, attributes in reversed(self.stack) if attributes.get("lang")), "")


def read_page(html: str) -> PageText:
    """The page's body text and the place of each paragraph's text in it."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.page.text = "".join(reader.parts)
    return reader.page
