"""Load the annotated documents: `<documents>/<id>/document.yml` and one `<lang>.txt` per language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .model import Correction, Document, Version
from .problems import Problem, display_path
from .schemas import Schema, real_date
from .yamlfile import YamlDocument, read_yaml

DOCUMENT = Schema("document")
QUESTIONS = Schema("questions")
CORRECTIONS = Schema("corrections")
VERSIONS = Schema("versions")


def read_paragraphs(path: Path) -> list[tuple[int, str]]:
    """The paragraphs of a text file, one per non-empty line, with their line numbers."""
    text = path.read_text(encoding="utf-8")
    return [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]


def load_documents(documents_dir: Path, root: Path) -> tuple[dict[str, Document], list[Problem]]:
    """Every document under `documents_dir`, or the problems that stop them."""
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    if not documents_dir.is_dir():
        return documents, [
            Problem(
                display_path(documents_dir, root),
                1,
                "the documents folder does not exist: create it, or give its place in the edition's `documents` setting",
            )
        ]
    for folder in sorted(p for p in documents_dir.iterdir() if p.is_dir()):
        document, found = _load_document(folder, root)
        problems += found
        if document:
            documents[document.id] = document
    return documents, problems


def _load_document(folder: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    """A document, or None when document.yml or a text is wrong; broken questions or corrections
    are reported but do not stop the document, so that its notes are still checked."""
    meta_path = folder / "document.yml"
    display = display_path(meta_path, root)
    if not meta_path.is_file():
        return None, [Problem(display, 1, "missing document.yml: every document folder describes its document")]
    meta, problems = read_yaml(meta_path, display)
    if meta is None:
        return None, problems
    problems += DOCUMENT.problems(meta, display)
    if problems:
        return None, problems
    data = meta.data
    problems += _meta_problems(meta, display)
    languages = tuple(data["languages"])
    texts: dict[str, tuple[str, ...]] = {}
    for language in languages:
        path = folder / f"{language}.txt"
        if not path.is_file():
            problems.append(
                Problem(
                    display,
                    meta.line(("languages",)),
                    f"no text for language `{language}`: add {display_path(path, root)}",
                )
            )
            continue
        texts[language] = tuple(text for _, text in read_paragraphs(path))
    problems += _check_counts(folder, root, data["original"], texts)
    if problems:
        return None, problems
    size = len(texts[data["original"]])
    roles = _roles(meta, display, size, problems)
    if problems:
        return None, problems
    corrections = _corrections(folder / "corrections.yml", root, languages, problems)
    questions = _questions(folder / "questions.yml", root, languages, size, problems)
    versions = _versions(folder / "versions.yml", root, languages, problems)
    source = data["source"]
    return Document(
        id=folder.name,
        original=data["original"],
        languages=languages,
        paragraphs=texts,
        title=data["title"],
        author=data["author"],
        date=date.fromisoformat(data["date"]),
        place=data["place"],
        source_url=source["url"],
        source_publisher=source["publisher"],
        translation_note=data["translation"],
        roles=roles,
        corrections=corrections,
        questions=questions,
        versions=versions,
    ), problems


def _meta_problems(meta: YamlDocument, display: str) -> list[Problem]:
    """What the schema cannot say: a real date, the original among the languages, every text in each."""
    data = meta.data
    problems = []
    _date(meta, ("date",), display, problems)
    languages = data["languages"]
    if data["original"] not in languages:
        problems.append(
            Problem(display, meta.line(("original",)), f"`original` `{data['original']}` is not one of the `languages`")
        )
    for key in ("title", "author", "translation"):
        for language in languages:
            if language not in data[key]:
                problems.append(
                    Problem(display, meta.line((key,)), f"`{key}` has no `{language}`: give it in every language")
                )
        for language in data[key]:
            if language not in languages:
                problems.append(
                    Problem(
                        display,
                        meta.line((key, language)),
                        f"`{key}.{language}`: `{language}` is not one of the `languages` ({', '.join(languages)})",
                    )
                )
    return problems


def _check_counts(folder: Path, root: Path, original: str, texts: dict[str, tuple[str, ...]]) -> list[Problem]:
    """Every translation must have exactly as many paragraphs as the original."""
    if original not in texts:
        return []
    expected = len(texts[original])
    problems = []
    for language, paragraphs in texts.items():
        if len(paragraphs) != expected:
            path = folder / f"{language}.txt"
            numbered = read_paragraphs(path)
            line = numbered[min(len(numbered), expected) - 1][0] if numbered else 1
            problems.append(
                Problem(
                    display_path(path, root),
                    line,
                    f"has {len(paragraphs)} paragraphs but the original ({original}.txt) has {expected}: "
                    "each paragraph is one line, in the same order as the original; "
                    "the paragraphs stop matching at or before this line",
                )
            )
    return problems


def _roles(meta: YamlDocument, display: str, size: int, problems: list[Problem]) -> dict[int, str]:
    roles = meta.data.get("roles") or {}
    result = {}
    for number, role in roles.items():
        if not 1 <= int(number) <= size:
            problems.append(
                Problem(
                    display, meta.line(("roles", number)), f"`roles`: `{number}` is not a paragraph from 1 to {size}"
                )
            )
        result[int(number)] = role
    return result


def _corrections(path: Path, root: Path, languages: tuple[str, ...], problems: list[Problem]) -> tuple[Correction, ...]:
    """The corrections log, if any: a list of `date`, `note` and the text in each language."""
    log, display = _read_optional(path, root, problems, CORRECTIONS.for_languages(languages))
    if log is None:
        return ()
    corrections = []
    found = []
    for index, entry in enumerate(log.data or []):
        line = log.line((index,))
        when = _date(log, (index, "date"), display, found)
        if when is None:
            continue
        corrections.append(Correction(when, entry["note"], {lang: entry[lang] for lang in languages}, line))
    problems += found
    return () if found else tuple(corrections)


def _questions(path: Path, root: Path, languages: tuple[str, ...], size: int, problems: list[Problem]) -> dict:
    """Discussion questions for teachers: paragraph number -> language -> questions."""
    parsed, display = _read_optional(path, root, problems, QUESTIONS)
    if parsed is None:
        return {}
    questions = {}
    found = []
    for key, by_language in (parsed.data or {}).items():
        line = parsed.line((key,))
        if not 1 <= int(key) <= size:
            found.append(Problem(display, line, f"`{key}` is not a paragraph number from 1 to {size}"))
        elif set(by_language) != set(languages):
            found.append(
                Problem(display, line, f"paragraph {key} needs a list of questions for each of: {', '.join(languages)}")
            )
        elif len({len(items) for items in by_language.values()}) != 1:
            found.append(
                Problem(display, line, f"paragraph {key}: the languages do not have the same number of questions")
            )
        else:
            questions[int(key)] = {language: tuple(by_language[language]) for language in languages}
    problems += found
    return {} if found else questions


def _versions(path: Path, root: Path, languages: tuple[str, ...], problems: list[Problem]) -> tuple[Version, ...]:
    """The edition's releases, oldest first: numbers that grow, dates that do not go back."""
    log, display = _read_optional(path, root, problems, VERSIONS.for_languages(languages))
    if log is None:
        return ()
    versions: list[Version] = []
    found = []
    for index, entry in enumerate(log.data):
        when = _date(log, (index, "date"), display, found)
        line = log.line((index,))
        if when is None:
            continue
        version = Version(
            entry["version"], when, {lang: entry[lang] for lang in languages}, tuple(entry.get("retracted", ())), line
        )
        if versions and _number(version.number) <= _number(versions[-1].number):
            found.append(
                Problem(
                    display,
                    line,
                    f"version {version.number} does not come after {versions[-1].number}: list versions oldest first",
                )
            )
        elif versions and when < versions[-1].date:
            found.append(
                Problem(display, line, f"version {version.number} is dated before version {versions[-1].number}")
            )
        versions.append(version)
    problems += found
    return () if found else tuple(versions)


def _date(parsed: YamlDocument, path: tuple, display: str, problems: list[Problem]) -> date | None:
    """The date at `path` (which the schema has seen written YYYY-MM-DD), or a problem if no such day exists."""
    value = parsed.data
    for key in path:
        value = value[key]
    day = real_date(value)
    if day is None:
        problems.append(
            Problem(display, parsed.line(path), f"`date` `{value}` is not a real date: check the month and the day")
        )
    return day


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _read_optional(path: Path, root: Path, problems: list[Problem], schema: Schema) -> tuple[YamlDocument | None, str]:
    """An optional data file of a document: its content (None if absent or wrong) and its name."""
    display = display_path(path, root)
    if not path.is_file():
        return None, display
    parsed, found = read_yaml(path, display)
    if parsed is not None:
        found += schema.problems(parsed, display)
    problems += found
    return (None if found else parsed), display
