"""Load the annotated documents: `<documents>/<id>/document.yml` and one `<lang>.txt` per language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .model import Correction, Document
from .problems import Problem, display_path
from .yamlfile import YamlDocument, read_yaml

ROLES = ("dateline", "signature")


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
                "the documents folder does not exist: check `documents` in mkdocs.yml",
            )
        ]
    for folder in sorted(p for p in documents_dir.iterdir() if p.is_dir()):
        document, found = _load_document(folder, root)
        problems += found
        if document:
            documents[document.id] = document
    return documents, problems


def _load_document(folder: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    meta_path = folder / "document.yml"
    display = display_path(meta_path, root)
    if not meta_path.is_file():
        return None, [Problem(display, 1, "missing document.yml: every document folder describes its document")]
    meta, problems = read_yaml(meta_path, display)
    if meta is None:
        return None, problems
    data = meta.data if isinstance(meta.data, dict) else {}
    missing = [
        key
        for key in ("original", "languages", "title", "author", "date", "place", "source", "translation")
        if key not in data
    ]
    if missing:
        return None, [Problem(display, 1, f"missing key `{key}` in document.yml") for key in missing]
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
    roles = _roles(meta, display, problems)
    corrections = _corrections(folder / "corrections.yml", root, problems)
    questions = _questions(folder / "questions.yml", root, languages, len(texts.get(data["original"], ())), problems)
    if problems:
        return None, problems
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
    ), []


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


def _roles(meta: YamlDocument, display: str, problems: list[Problem]) -> dict[int, str]:
    roles = meta.data.get("roles") or {}
    result = {}
    for number, role in roles.items():
        if role not in ROLES:
            problems.append(
                Problem(display, meta.line(("roles", number)), f"unknown role `{role}`: use one of {', '.join(ROLES)}")
            )
        result[int(number)] = role
    return result


def _corrections(path: Path, root: Path, problems: list[Problem]) -> tuple[Correction, ...]:
    """The corrections log, if any: a list of `date`, `note`, `fr`, `en`."""
    log, display = _read_optional(path, root, problems)
    if log is None:
        return ()
    entries = log.data if isinstance(log.data, list) else None
    if entries is None:
        problems.append(Problem(display, 1, "the corrections log is a list of entries starting with `- date:`"))
        return ()
    corrections = []
    for index, entry in enumerate(entries):
        line = log.line((index,))
        keys = {"date", "note", "fr", "en"}
        if not isinstance(entry, dict) or set(entry) != keys or not all(isinstance(entry[k], str) for k in keys):
            problems.append(
                Problem(display, line, "each correction has exactly `date`, `note`, `fr` and `en`, all text")
            )
            continue
        try:
            when = date.fromisoformat(entry["date"])
        except ValueError:
            problems.append(Problem(display, line, f"`date` `{entry['date']}` is not a date written YYYY-MM-DD"))
            continue
        corrections.append(Correction(when, entry["note"], {"fr": entry["fr"], "en": entry["en"]}, line))
    return tuple(corrections)


def _questions(path: Path, root: Path, languages: tuple[str, ...], size: int, problems: list[Problem]) -> dict:
    """Discussion questions for teachers: paragraph number -> language -> questions."""
    parsed, display = _read_optional(path, root, problems)
    if parsed is None:
        return {}
    if not isinstance(parsed.data, dict):
        problems.append(Problem(display, 1, "questions are `<paragraph number>:` then one list per language"))
        return {}
    questions = {}
    for key, by_language in parsed.data.items():
        line = parsed.line((key,))
        if not key.isdigit() or not 1 <= int(key) <= size:
            problems.append(Problem(display, line, f"`{key}` is not a paragraph number from 1 to {size}"))
            continue
        if not isinstance(by_language, dict) or set(by_language) != set(languages):
            problems.append(
                Problem(display, line, f"paragraph {key} needs a list of questions for each of: {', '.join(languages)}")
            )
            continue
        lists = {language: by_language[language] for language in languages}
        if not all(
            isinstance(items, list) and items and all(isinstance(q, str) and q.strip() for q in items)
            for items in lists.values()
        ):
            problems.append(
                Problem(
                    display, line, f"paragraph {key}: each language is a list of questions (lines starting with `- `)"
                )
            )
            continue
        if len({len(items) for items in lists.values()}) != 1:
            problems.append(
                Problem(display, line, f"paragraph {key}: the languages do not have the same number of questions")
            )
            continue
        questions[int(key)] = {language: tuple(items) for language, items in lists.items()}
    return questions


def _read_optional(path: Path, root: Path, problems: list[Problem]) -> tuple[YamlDocument | None, str]:
    """An optional data file of a document: its content (None if absent or unreadable) and its name."""
    display = display_path(path, root)
    if not path.is_file():
        return None, display
    parsed, found = read_yaml(path, display)
    problems += found
    return parsed, display
