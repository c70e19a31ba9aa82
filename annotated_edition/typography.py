"""French spacing: a narrow no-break space before ; : ! ? and » and after «, as French print sets them.

Applied by the renderer to every French text the edition writes (notes, interface strings, pages),
so that contributors type ordinary spaces and a line never starts with a lone mark. The statement
itself is left exactly as published; its lines are kept together by markup instead (render.typeset).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

NARROW_NBSP = "\u202f"
# An ordinary or no-break space before the high marks, or after an opening guillemet.
_BEFORE = re.compile(r"[ \u00a0]+(?=[;:!?»])")
_AFTER = re.compile(r"(?<=«)[ \u00a0]+")
# What must not change: markup, and code (file paths, YAML, commands), written as typed.
_UNTOUCHED = re.compile(r"<(pre|code|script|style|textarea)\b.*?</\1>|<[^>]*>", re.DOTALL | re.IGNORECASE)
# What the check reports: an ordinary space where French wants a narrow no-break one.
FAULT = re.compile(r"[ \u00a0][;:!?»]|«[ \u00a0]")


def is_french(language: str) -> bool:
    return language.split("-")[0].split("_")[0].lower() == "fr"


def french_text(text: str) -> str:
    """Plain French text with its spaces set: `Verdict : exact` -> `Verdict\u202f: exact`."""
    return _AFTER.sub(NARROW_NBSP, _BEFORE.sub(NARROW_NBSP, text))


def spaced(text: str, language: str) -> str:
    """`text` as `language` sets it: French gets its narrow spaces, other languages are unchanged."""
    return french_text(text) if is_french(language) else text


def spaced_html(html: str, language: str) -> str:
    """The same for HTML: only text between tags changes, never a tag, an attribute or code."""
    if not is_french(language):
        return html
    pieces, cursor = [], 0
    for match in _UNTOUCHED.finditer(html):
        pieces.append(french_text(html[cursor : match.start()]))
        pieces.append(match.group())
        cursor = match.end()
    pieces.append(french_text(html[cursor:]))
    return "".join(pieces)


class _Faults(HTMLParser):
    """Collects the French spacing faults of a page's text, outside what is quoted as published."""

    # Not ours to set: code, scripts, and words reproduced exactly as their authors wrote them
    # (the statement and its quotes, sources' titles and excerpts, citations of those titles).
    SKIPPED_TAGS = {"script", "style", "pre", "code", "textarea", "template"}
    VERBATIM = re.compile(r"\bed-(text|h-text|note-quote|note-page-paragraph|q|sources|excerpt|cite|cite-text)\b")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.faults: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        skipped = tag in self.SKIPPED_TAGS or bool(self.VERBATIM.search(dict(attrs).get("class") or ""))
        self.stack.append((tag, skipped or (bool(self.stack) and self.stack[-1][1])))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][1]:
            return
        for match in FAULT.finditer(data):
            self.faults.append(data[max(0, match.start() - 30) : match.end() + 10].strip())


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def spacing_faults(html: str) -> list[str]:
    """The places in a French page where an ordinary space stands before ; : ! ? » or after «."""
    parser = _Faults()
    parser.feed(html)
    return parser.faults
