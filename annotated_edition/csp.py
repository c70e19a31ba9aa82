"""A strict Content-Security-Policy for each page: the browser runs only the scripts and styles the
site shipped (its files, and each inline block by its hash) and loads nothing from another origin.

A static host cannot send headers, so the policy is a `<meta http-equiv>` placed before any script.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

_INLINE = re.compile(r"<(?P<tag>script|style)(?P<attributes>[^>]*)>(?P<body>.*?)</(?P=tag)>", re.DOTALL)
# Scripts of these types are data, which browsers never run: the policy does not need to know them.
_DATA = re.compile(r"""type=["']application/(?:ld\+)?json["']""")
_CHARSET = '<meta charset="utf-8">'
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


class UnknownScript(Exception):
    """An inline script that no template of the theme contains: never allowed by the policy."""


def known_scripts(template_folders: Iterable[Path]) -> list[re.Pattern]:
    """The inline scripts the theme's templates write, as patterns (a template's `{{ … }}` may be
    anything without markup). Only these are hashed into a page's policy: should a rendering bug
    ever let another `<script>` through, the build stops instead of allowing it."""
    patterns = []
    for folder in template_folders:
        for template in sorted(Path(folder).rglob("*.html")):
            for block in _INLINE.finditer(template.read_text("utf-8")):
                attributes = block.group("attributes")
                if block.group("tag") != "script" or "src=" in attributes or _DATA.search(attributes):
                    continue
                pieces = _JINJA.split(block.group("body"))
                patterns.append(re.compile("[^<>]*?".join(re.escape(piece) for piece in pieces), re.DOTALL))
    return patterns


def policy(html: str, known: list[re.Pattern] | None = None) -> str:
    """The policy for one page: its own inline scripts and styles by hash, everything else same-origin.

    With `known`, an inline script that matches none of those patterns raises UnknownScript."""
    scripts, styles = [], []
    for block in _INLINE.finditer(html):
        attributes = block.group("attributes")
        if block.group("tag") == "script" and ("src=" in attributes or _DATA.search(attributes)):
            continue
        body = block.group("body")
        if block.group("tag") == "script" and known is not None and not any(p.fullmatch(body) for p in known):
            raise UnknownScript(" ".join(body.split())[:80])
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        (scripts if block.group("tag") == "script" else styles).append(f"'sha256-{digest}'")
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *dict.fromkeys(scripts)],
        "style-src": ["'self'", *dict.fromkeys(styles)],
        "img-src": ["'self'", "data:"],  # the theme's icons are data: SVGs in its stylesheet
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(html: str, known: list[re.Pattern] | None = None) -> str:
    """`html` with its policy declared right after `<meta charset>`, before any script can run."""
    if _CHARSET not in html or 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, known)}">'
    return html.replace(_CHARSET, f"{_CHARSET}\n  {meta}", 1)
