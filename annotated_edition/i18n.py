"""Everything the edition reads from mkdocs-static-i18n, in one place, through what it documents.

Its configuration (`languages:` with `locale`, `default`, `build`) says which languages exist and
where each is built; `reconfigure_material` sets `theme.language` to the language being built.
Only one thing is not documented: whether a language is being built from inside the default one
(`building`). If a new version changes any of this, a warning says so and the edition falls back
to a single-language site rather than failing.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)
_warned: set[str] = set()


@dataclass(frozen=True)
class Languages:
    current: str  # the language being built
    default: str  # built at the site's root; every other one under `<language>/`
    built: tuple[str, ...]  # every language built, the default first
    nested: bool = False  # a language built from inside the default one's build

    def root(self, language: str) -> str:
        """Where a language's pages are, relative to the site's root: "" or "en/"."""
        return "" if language == self.default else f"{language}/"


def languages(config) -> Languages:
    """The site's languages as mkdocs-static-i18n builds them (one language without the plugin)."""
    current = config.theme["language"]
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return Languages(current, current, (current,))
    try:
        declared = list(plugin.config.languages)
        default = next(language.locale for language in declared if language.default)
        built = [language.locale for language in declared if language.build]
        nested = bool(plugin.building)
    except (AttributeError, StopIteration, TypeError) as error:
        _warn(f"mkdocs-static-i18n no longer exposes what the edition reads ({error}): building one language only")
        return Languages(current, current, (current,))
    return Languages(current, default, (default, *[language for language in built if language != default]), nested)


def _warn(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        log.warning(message)
