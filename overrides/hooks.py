"""Workarounds for Material for MkDocs 9.8 with mkdocs-static-i18n 1.3 (MkDocs hooks).

Kept apart from the edition plugin: they concern the theme, not the annotations.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

# Material writes `autocomplete="off"` on its checkbox toggles, which HTML does not allow on
# checkboxes (the Nu HTML checker reports it on every page).
_INVALID = ('type="checkbox" id="__drawer" autocomplete="off"', 'type="checkbox" id="__search" autocomplete="off"')


def on_post_page(output: str, page, config) -> str:
    return _valid(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    return _valid(output_content)  # 404.html is a template, not a page


def _valid(html: str) -> str:
    for attribute in _INVALID:
        html = html.replace(attribute, attribute.removesuffix(' autocomplete="off"'))
    return html


@event_priority(-150)  # after mkdocs-static-i18n has built every language
def on_post_build(config) -> None:
    """Material's language switch fetches `sitemap.xml` beside each alternate page, but the i18n
    plugin writes only the root one (which lists every language): give each language a copy, so
    that readers' browsers get no 404."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return
    site = Path(config.site_dir)
    sitemap = site / "sitemap.xml"
    for language in i18n.build_languages:
        copy = site / language / "sitemap.xml"
        if language != i18n.default_language and sitemap.is_file() and copy.parent.is_dir():
            copy.write_bytes(sitemap.read_bytes())
