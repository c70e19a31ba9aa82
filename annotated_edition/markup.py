"""Turn contributors' Markdown into safe HTML: Python-Markdown, then the nh3 sanitiser."""

from __future__ import annotations

from functools import cache

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
