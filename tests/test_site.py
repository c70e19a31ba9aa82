"""Site-wide guarantees: every internal link and fragment resolves; builds are reproducible."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from .conftest import ROOT

ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))


def target_file(site: Path, page: Path, url: str, origin: str) -> tuple[Path, str] | None:
    """The file and fragment an internal URL points to, or None for an external one."""
    if url.startswith(origin):
        url = url[len(origin) :]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    base = site if parts.path.startswith("/") else page.parent
    path = (base / unquote(parts.path).lstrip("/")).resolve()
    if path.is_dir() or parts.path.endswith("/"):
        path = path / "index.html"
    return path, unquote(parts.fragment)


def test_every_internal_link_and_fragment_resolves(built_site: Path, site_origin: str):
    ids: dict[Path, set[str]] = {}
    pages = [p for p in built_site.rglob("*.html")]

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
            ids[path] = {element["id"] for element in html.select("[id]")}
        return ids[path]

    checked = 0
    for page in pages:
        html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for tag, attribute in ATTRIBUTES:
            for element in html.find_all(tag):
                url = element.get(attribute)
                if not url:
                    continue
                resolved = target_file(built_site, page.resolve(), url, site_origin)
                if resolved is None:
                    continue
                path, fragment = resolved
                assert path.is_file(), f"{page.relative_to(built_site)}: {url} -> missing {path}"
                if fragment and path.suffix == ".html":
                    assert fragment in ids_of(path), f"{page.relative_to(built_site)}: {url} -> no #{fragment}"
                checked += 1
    assert checked > 500


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path):
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1767225600",
        "SITE_URL": "https://example.org/",
    }
    for name in ("one", "two"):
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / name)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one.keys() == two.keys()
    different = sorted(str(path) for path in one if one[path] != two[path])
    assert different == []
