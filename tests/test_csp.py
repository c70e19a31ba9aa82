"""The security policy: only the theme's own inline scripts are hashed into it; any other stops the build."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from annotated_edition.csp import UnknownScript, known_scripts, policy

from .conftest import ROOT

THEME = [ROOT / "overrides", Path(__import__("material").__file__).parent / "templates"]


@pytest.fixture(scope="module")
def known():
    return known_scripts(THEME)


def digest(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def test_the_themes_scripts_are_hashed_with_whatever_their_template_filled_in(known):
    scope = '__md_scope=new URL("../..",location),__md_hash=e=>'
    theme = next(p for p in known if p.pattern.startswith(re.escape("__md_scope=new URL(")))
    body = theme.pattern.replace("[^<>]*?", "../..").replace("\\", "")
    assert body.startswith(scope) and theme.fullmatch(body)
    page = (
        f'<meta charset="utf-8"><script>{body}</script><script>document.documentElement.classList.add("ed-js")</script>'
    )
    assert digest(body) in policy(page, known)


@pytest.mark.parametrize(
    "script",
    ["alert(1)", 'document.documentElement.classList.add("ed-js");alert(1)', "__md_scope=1", ""],
)
def test_any_other_inline_script_stops_the_build(known, script):
    with pytest.raises(UnknownScript):
        policy(f'<meta charset="utf-8"><script>{script}</script>', known)


def test_data_and_file_scripts_need_no_hash(known):
    page = '<script type="application/ld+json">{"a": 1}</script><script src="assets/edition.js"></script>'
    assert "sha256" not in policy(page, known)


def test_every_built_page_carries_the_policy_with_only_known_scripts(built_site: Path, known):
    for path in built_site.rglob("*.html"):
        html = path.read_text("utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, path
        policy(html, known)  # raises on an inline script the theme did not write
