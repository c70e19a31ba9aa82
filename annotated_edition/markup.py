"""Turn contributors' Markdown into safe HTML: Python-Markdown, then the nh3 sanitiser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

import markdown
import nh3

from .typography import spaced_html

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "br", "sub", "sup"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"https", "mailto"}

_converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")


@cache  # the same body is rendered for the page, the handout, its own page and the exports
def render_markdown(source: str, language: str) -> str:
    """Sanitised HTML for a note's Markdown body in `language`, set as that language is printed;
    nothing in it can run or restyle the page."""
    html = _converter.reset().convert(source)
    return spaced_html(_sanitised(html), language)


def _sanitised(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener",
    )


ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
MAX_NESTING = 4  # quotes and lists inside one another: more would push the text out of the margin


@dataclass
class MarkdownFindings:
    """What a body's Markdown turns into, as the parser sees it (not as a pattern guesses it)."""

    raw_html: list[str] = field(default_factory=list)  # raw HTML written by the contributor
    links: list[str] = field(default_factory=list)  # every link target, inline, reference-style or autolink
    images: int = 0
    depth: int = 0  # the deepest nesting of quotes and lists


class _Reader(HTMLParser):
    NESTING = {"blockquote", "ul", "ol"}

    def __init__(self, findings: MarkdownFindings) -> None:
        super().__init__(convert_charrefs=True)
        self.findings, self.open = findings, 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.findings.links.append(dict(attrs).get("href") or "")
        elif tag == "img":
            self.findings.images += 1
        elif tag in self.NESTING:
            self.open += 1
            self.findings.depth = max(self.findings.depth, self.open)

    def handle_endtag(self, tag):
        if tag in self.NESTING:
            self.open -= 1


def read_markdown(source: str) -> MarkdownFindings:
    """Parse a body as the renderer will, and say what it holds."""
    html = _converter.reset().convert(source)  # the renderer's own parser, made once
    # The parser also sets character references (`&amp;`, `&#x1;`) aside: those are text, judged elsewhere.
    raw = [block for block in _converter.htmlStash.rawHtmlBlocks if not ENTITY.fullmatch(str(block))]
    findings = MarkdownFindings(raw_html=raw)
    _Reader(findings).feed(html)
    return findings
