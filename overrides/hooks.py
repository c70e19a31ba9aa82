"""Workarounds for Material for MkDocs 9.8 with mkdocs-static-i18n 1.3 (MkDocs hooks).

Kept apart from the edition plugin: they concern the theme, not the annotations.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from annotated_edition.i18n import languages

# Material writes `autocomplete="off"` on its checkbox toggles, which HTML does not allow on
# checkboxes (the Nu HTML checker reports it on every page).
_INVALID = ('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__search" autocomplete="off"')
_INVALID_PATTERN = re.compile("|".join(re.escape(attribute) for attribute in _INVALID))


# The theme's pages (every language's): the only files whose scripts the theme decides.
_THEMED: set[Path] = set()


def on_config(config):
    _THEMED.clear()  # `mkdocs serve` loads the configuration again before each build
    return config


def on_post_page(output: str, page, config) -> str:
    _THEMED.add(Path(page.file.abs_dest_path))
    return _valid(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    _THEMED.add(Path(config.site_dir) / template_name)
    return _valid(output_content)  # 404.html is a template, not a page


def _valid(html: str) -> str:
    # One pass, so that a large page is copied once, not once per fix.
    return _INVALID_PATTERN.sub(lambda match: match.group().removesuffix(' autocomplete="off"'), html)


@event_priority(-150)  # after mkdocs-static-i18n has built every language
def on_post_build(config) -> None:
    """One sitemap per language, each listing only its own pages (a sitemap may only list addresses
    under its own folder), and a robots.txt that names them. Material's language switch also
    fetches `sitemap.xml` beside each alternate page, which these files answer."""
    site_languages = languages(config)
    if site_languages.nested or len(site_languages.built) < 2:
        return
    site = Path(config.site_dir)
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = sitemap.read_text("utf-8")
    head, tail = text[: text.index("<url>")], text[text.rindex("</url>") + len("</url>") :]
    entries = _URL.findall(text)
    others = list(site_languages.built[1:])
    addresses = []
    for language in site_languages.built:
        folder = site_languages.root(language)
        mine = [
            entry
            for entry in entries
            if _language_of(entry, config.site_url, others, site_languages.default) == language
        ]
        data = (head + "\n    ".join(mine) + tail).encode("utf-8")
        (site / folder / "sitemap.xml").write_bytes(data)
        (site / folder / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))
        addresses.append(f"{config.site_url}{folder}sitemap.xml")
    robots = ["User-agent: *", "Allow: /", "", *[f"Sitemap: {address}" for address in addresses]]
    (site / "robots.txt").write_text("\n".join(robots) + "\n", encoding="utf-8")
    _drop_unused_assets(site, sorted(path for path in _THEMED if path.is_file()))


def _drop_unused_assets(site: Path, pages: list[Path]) -> None:
    """Material ships its main script, its search worker, lunr's languages and source maps; this site
    loads none of them (about 2 MB). Drop Material's scripts that no themed page refers to, and every map."""
    loaded = {
        reference.rsplit("/", 1)[-1]
        for path in pages
        for reference in _LOADED.findall(path.read_text("utf-8", errors="replace"))
    }
    scripts = site / "assets" / "javascripts"
    for path in sorted(scripts.rglob("*"), reverse=True):
        if path.is_file() and path.name not in loaded:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for path in (site / "assets").rglob("*.map"):
        path.unlink()


_URL = re.compile(r"<url>.*?</url>", re.DOTALL)
_LOADED = re.compile(r"""<script[^>]*\ssrc=["']([^"'?#]+)""")
_LOC = re.compile(r"<loc>([^<]*)</loc>")


def _language_of(entry: str, site_url: str, others: list[str], default: str) -> str:
    path = _LOC.search(entry).group(1).removeprefix(site_url)
    return next((language for language in others if path.startswith(f"{language}/")), default)
