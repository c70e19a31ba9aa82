"""The one place that reads mkdocs-static-i18n: its documented configuration, and a warning if it changes."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from annotated_edition.i18n import languages


class Plugins(dict):
    pass


def config(language="fr", plugin=None):
    return SimpleNamespace(theme={"language": language}, plugins=Plugins({"i18n": plugin} if plugin else {}))


def i18n(*declared, building=False):
    entries = [SimpleNamespace(locale=locale, default=default, build=build) for locale, default, build in declared]
    return SimpleNamespace(config=SimpleNamespace(languages=entries), building=building)


def test_without_the_plugin_the_site_has_one_language():
    site = languages(config("en"))
    assert (site.current, site.default, site.built, site.nested) == ("en", "en", ("en",), False)
    assert site.root("en") == ""


def test_languages_come_from_the_plugins_documented_configuration():
    plugin = i18n(("en", False, True), ("fr", True, True), ("ar", False, False), building=True)
    site = languages(config("en", plugin))
    assert (site.current, site.default, site.built, site.nested) == ("en", "fr", ("fr", "en"), True)
    assert (site.root("fr"), site.root("en")) == ("", "en/")


def test_a_changed_plugin_gives_a_warning_and_one_language(caplog):
    with caplog.at_level(logging.WARNING):
        site = languages(config("fr", SimpleNamespace(config=SimpleNamespace())))
    assert site.built == ("fr",)
    assert "mkdocs-static-i18n no longer exposes what the edition reads" in caplog.text
