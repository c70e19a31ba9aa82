"""A strict Content-Security-Policy for each page: the browser runs only the scripts and styles the
site shipped (its files, and each inline block by its hash) and loads nothing from another origin.

A static host cannot send headers, so the policy is a `<meta http-equiv>` placed before any script.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE = re.compile(r"<(?P<tag>script|style)(?P<attributes>[^>]*)>(?P<body>.*?)</(?P=tag)>", re.DOTALL)
# Scripts of these types are data, which browsers never run: the policy does not need to know them.
_DATA = re.compile(r"""type=["']application/(?:ld\+)?json["']""")
_CHARSET = '<meta charset="utf-8">'


def policy(html: str) -> str:
    """The policy for one page: its own inline scripts and styles by hash, everything else same-origin."""
    scripts, styles = [], []
    for block in _INLINE.finditer(html):
        attributes = block.group("attributes")
        if block.group("tag") == "script" and ("src=" in attributes or _DATA.search(attributes)):
            continue
        digest = base64.b64encode(hashlib.sha256(block.group("body").encode("utf-8")).digest()).decode("ascii")
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


def with_policy(html: str) -> str:
    """`html` with its policy declared right after `<meta charset>`, before any script can run."""
    if _CHARSET not in html or 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(_CHARSET, f"{_CHARSET}\n  {meta}", 1)
