"""Every reader-facing word of the edition: one file per language, `strings/<language>.yml`.

English (`en.yml`) is complete and is the fallback: a language whose file lacks a string, or has
no file, shows that string in English and `Words.missing` names it, so that the build can warn.
A site may add or override languages with its own folder of such files (`use()`).
Dates, month names and language names come from Babel, in the file's `locale`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from string import Formatter

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_month_names

from .problems import EditionError, Problem
from .typography import spaced
from .yamlfile import read_yaml

FALLBACK = "en"
_folders: list[Path] = []  # the site's own strings folders, before the built-in one


@dataclass(frozen=True)
class Words:
    """One language's strings (with the fallback's where it has none) and its locale."""

    language: str
    table: dict[str, str]
    locale: Locale
    mla_months: tuple[str, ...]
    missing: tuple[str, ...]  # keys taken from the fallback
    file: str | None  # where its strings were read, None when it has no file


def use(folder: Path | None) -> None:
    """Read the site's strings from `folder` first (None: the built-in files only)."""
    _folders[:] = [folder] if folder else []
    for cached in (words, long_date, language_name):
        cached.cache_clear()


def _file(language: str) -> Path | None:
    for folder in [*_folders, Path(str(resources.files(__package__).joinpath("strings")))]:
        path = folder / f"{language}.yml"
        if path.is_file():
            return path
    return None


@cache
def words(language: str) -> Words:
    """The strings of `language`; a missing file or key falls back to English."""
    path = _file(language)
    fallback = words(FALLBACK).table if language != FALLBACK else {}
    data, locale = _read(path, fallback) if path else ({}, _locale(language))
    # Strings are set as their language is printed (French spacing), like every text of the edition.
    own = {
        str(key): spaced(value, language) if isinstance(value, str) else value
        for key, value in (data.get("strings") or {}).items()
    }
    months = data.get("mla_months") or list(get_month_names("abbreviated", locale=locale).values())
    return Words(
        language,
        {**fallback, **own},
        locale,
        tuple(months),
        tuple(key for key in fallback if key not in own),
        str(path) if path else None,
    )


def _locale(code: str) -> Locale:
    """Babel's locale for a language code; English's for a code Babel does not know."""
    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return Locale.parse(FALLBACK)


def _read(path: Path, fallback: dict[str, str]) -> tuple[dict, Locale]:
    """A strings file and its locale, or an EditionError that says where it is wrong."""
    display = str(path)
    parsed, problems = read_yaml(path, display)
    if parsed is None:
        raise EditionError(problems)
    data = parsed.data
    table = data.get("strings") if isinstance(data, dict) else None
    if not isinstance(table, dict) or not all(isinstance(value, str) for value in table.values()):
        raise EditionError(
            [Problem(display, 1, 'a strings file has `strings:`, then one `key: "text"` line per string')]
        )
    locale_code = str(data.get("locale") or path.stem)
    try:
        locale = Locale.parse(locale_code)
    except (ValueError, UnknownLocaleError):
        problems.append(
            Problem(
                display,
                parsed.line(("locale",)),
                f"`locale` `{locale_code}` is not a locale Babel knows, e.g. ar, de_DE",
            )
        )
        locale = Locale.parse(FALLBACK)
    months = data.get("mla_months")
    if months is not None and not (isinstance(months, list) and len(months) == 12):
        problems.append(
            Problem(display, parsed.line(("mla_months",)), "`mla_months` lists the twelve months, January first")
        )
    for key, value in table.items():
        wanted = _fields(fallback.get(key, value))
        if _fields(value) - wanted:
            allowed = ", ".join(f"{{{name}}}" for name in sorted(wanted)) or "none"
            problems.append(
                Problem(
                    display,
                    parsed.line(("strings", key)),
                    f"`{key}` uses {', '.join(f'{{{name}}}' for name in sorted(_fields(value) - wanted))}, "
                    f"which it is not given (it may use: {allowed})",
                )
            )
    if problems:
        raise EditionError(problems)
    return data, locale


def _fields(text: str) -> set[str]:
    """The `{placeholders}` of a string."""
    try:
        return {name for _, name, _, _ in Formatter().parse(text) if name}
    except ValueError:
        return {"?"}  # an unbalanced brace: reported as a placeholder the string is not given


def text(language: str, key: str, **values: object) -> str:
    """The string `key` in `language`, with `{placeholders}` filled in."""
    return words(language).table[key].format(**values)


def locale_code(language: str) -> str:
    """fr_FR, en_GB, ar: the language's locale, as Open Graph writes it."""
    return str(words(language).locale)


def direction(language: str) -> str:
    """`rtl` or `ltr`, for a text's `dir` attribute."""
    return words(language).locale.text_direction


@cache
def language_name(code: str, language: str) -> str:
    """The name of the language `code` (`fr`, `en-GB`) in `language`: français, French, arabe."""
    # The names are in the reader's locale data: no need to load the named language's own.
    return words(language).locale.languages.get(code.split("-")[0].lower()) or code


def months(language: str) -> list[str]:
    """January … December, in `language`."""
    return list(get_month_names("wide", locale=words(language).locale).values())


def short_months(language: str) -> list[str]:
    """The month abbreviations MLA citations use (Jan., févr.)."""
    return list(words(language).mla_months)


@cache  # a few dates, written thousands of times
def long_date(value: date, language: str) -> str:
    """10 février 2025 / 10 February 2025; French writes the first of the month 1er."""
    written = format_date(value, "long", locale=words(language).locale)
    if words(language).locale.language == "fr" and value.day == 1:
        written = written.replace("1", "1er", 1)
    return written


def short_date(value: date, language: str) -> str:
    """10 févr. 2025 / 10 Feb. 2025 (MLA)."""
    return f"{value.day} {short_months(language)[value.month - 1]} {value.year}"


def us_date(value: date, language: str) -> str:
    """February 10, 2025 (Chicago, APA in English); 10 février 2025 in any other language."""
    if language == "en":
        return f"{months('en')[value.month - 1]} {value.day}, {value.year}"
    return long_date(value, language)


def all_labels() -> dict[str, dict[str, str]]:
    """Every built-in language's strings, for guessing what a contributor meant."""
    folder = Path(str(resources.files(__package__).joinpath("strings")))
    return {path.stem: words(path.stem).table for path in sorted(folder.glob("*.yml"))}
