"""Validate annotation files against the format (schema + rules) and build the typed model.

Every problem in every file is collected, so a contributor sees all of them in one run.
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema

from .document import load_documents
from .model import Annotation, Document, Edition, Source
from .problems import EditionError, Problem, display_path
from .yamlfile import Path_, YamlDocument, read_yaml

SCHEMA: dict[str, Any] = json.loads(
    resources.files(__package__).joinpath("schema/annotation.schema.json").read_text("utf-8")
)
_DEFS = SCHEMA["$defs"]
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_ID = re.compile(r"^p[0-9]+$")
ALLOWED_IN_ROOT = {"README.md"}
# A tag-like `<x`, `</x`, `<!--` or `<?` that is not a Markdown autolink such as <https://…>.
RAW_HTML = re.compile(r"<(?!https://|mailto:)[/!?]?[A-Za-z!]")
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
LANGUAGES = ("fr", "en")
FACT_CHECK_ONLY = ("verdict", "claim")

# Two readers of the same schema: a compiled one decides quickly that a note is valid (the
# usual case, on every build); jsonschema, loaded only when one is not, lists every error
# with its path so that each can be explained. tests/test_validate.py checks they agree.
is_valid_fast = fastjsonschema.compile(SCHEMA)


@lru_cache(maxsize=1)
def full_validator():
    """jsonschema's validator for the schema, with booleans and 1.0 not counted as integers."""
    import jsonschema

    checker = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)
    )
    return jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=checker)(SCHEMA)


def load_edition(annotations_dir: Path, documents_dir: Path, root: Path, today: date) -> Edition:
    """Load every document and annotation, or raise EditionError listing every problem."""
    documents, problems = load_documents(documents_dir, root)
    found: dict[str, list[Annotation]] = {doc_id: [] for doc_id in documents}
    for path, doc_id, file_problems in _annotation_files(annotations_dir, root, documents):
        problems += file_problems
        if path is None or doc_id not in documents:
            continue
        annotation, note_problems = check_annotation(path, display_path(path, root), documents[doc_id], today)
        problems += note_problems
        if annotation:
            found[doc_id].append(annotation)
    problems += _check_unique_ids(found)
    problems += _check_corrections(found, documents, documents_dir, root, today)
    problems += _check_overlaps(found, documents)
    if problems:
        raise EditionError(problems)
    ordered = {
        doc_id: tuple(sorted(notes, key=lambda n: _order(n, documents[doc_id]))) for doc_id, notes in found.items()
    }
    return Edition(documents=documents, annotations=ordered)


def _annotation_files(annotations_dir: Path, root: Path, documents: dict[str, Document]):
    """Yield (path, document id, problems) for every file; stray files become problems."""
    if not annotations_dir.is_dir():
        yield (
            None,
            None,
            [Problem(display_path(annotations_dir, root), 1, "the annotations folder does not exist: create it")],
        )
        return
    for entry in sorted(annotations_dir.iterdir()):
        display = display_path(entry, root)
        if entry.is_file():
            if entry.name not in ALLOWED_IN_ROOT:
                yield (
                    None,
                    None,
                    [Problem(display, 1, "stray file: notes go in annotations/<document-id>/<note-id>.yml")],
                )
            continue
        if entry.name not in documents:
            known = ", ".join(sorted(documents)) or "none"
            yield (
                None,
                None,
                [
                    Problem(
                        display,
                        1,
                        f"no document `{entry.name}` (known documents: {known}): move the notes into their document's folder",
                    )
                ],
            )
            continue
        for path in sorted(entry.rglob("*")):
            shown = display_path(path, root)
            if path.is_dir():
                continue
            if path.parent != entry:
                yield None, None, [Problem(shown, 1, f"stray file in a subfolder: notes go directly in {display}/")]
            elif path.suffix == ".yaml":
                yield None, None, [Problem(shown, 1, f"notes use the `.yml` extension: rename it to {path.stem}.yml")]
            elif path.suffix != ".yml":
                yield None, None, [Problem(shown, 1, "stray file: only `<note-id>.yml` files belong here")]
            else:
                yield path, entry.name, []


def check_annotation(
    path: Path, display: str, document: Document, today: date
) -> tuple[Annotation | None, list[Problem]]:
    """Validate one annotation file against `document`; return the annotation or its problems."""
    problems = _check_id(path.stem, display)
    parsed, read_problems = read_yaml(path, display)
    if parsed is None:
        return None, problems + read_problems
    if not isinstance(parsed.data, dict):
        return None, problems + [
            Problem(
                display, 1, "an annotation is a set of `key: value` lines: start from the example in CONTRIBUTING.md"
            )
        ]
    problems += schema_problems(parsed, display)
    problems += _rule_problems(parsed, display, document, today)
    if problems:
        return None, problems
    return _build(path.stem, document.id, display, parsed.data, parsed.line(("recheck",))), []


def schema_problems(parsed: YamlDocument, display: str) -> list[Problem]:
    """The JSON Schema's findings, in words a contributor can act on."""
    try:
        is_valid_fast(parsed.data)
        return []
    except fastjsonschema.JsonSchemaException as refusal:
        fast_message = refusal.message
    problems: dict[Problem, None] = {}
    for error in full_validator().iter_errors(parsed.data):
        path = tuple(error.absolute_path)
        for line_path, message in _explain(error, path):
            problems[Problem(display, parsed.line(line_path), message)] = None
    # Should the two readers of the schema ever disagree, the stricter one wins.
    return list(problems) or [Problem(display, 1, f"{fast_message} (see CONTRIBUTING.md)")]


def _explain(error, path: Path_) -> list[tuple[Path_, str]]:
    where = _describe(path)
    instance = error.instance
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in instance]
        return [(path, _missing_message(key, path)) for key in missing]
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        result = []
        for key in instance:
            if key not in allowed:
                guess = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean `{guess[0]}`?" if guess else f"allowed keys here: {', '.join(allowed)}"
                result.append(((*path, key), f"unknown key `{key}`{_in(path)}: {hint}"))
        return result
    if error.validator == "not" and path == ():
        return [
            ((key,), f"only fact-check notes have a `{key}`: remove it, or set `kind: fact-check`")
            for key in FACT_CHECK_ONLY
            if key in instance
        ]
    if error.validator == "type":
        expected = {
            "integer": "a whole number",
            "string": "text",
            "object": "a set of `key: value` lines",
            "array": "a list (lines starting with `- `)",
        }
        wanted = expected.get(error.validator_value, error.validator_value)
        return [(path, f"{where} must be {wanted}, not {_kind_of(instance)}")]
    if error.validator == "enum":
        options = ", ".join(str(option) for option in error.validator_value)
        guess = difflib.get_close_matches(str(instance), [str(o) for o in error.validator_value], n=1)
        hint = f" (did you mean `{guess[0]}`?)" if guess else ""
        shown = instance if isinstance(instance, str) else json.dumps(instance)
        return [(path, f"{where} must be one of: {options}; `{shown}` is not{hint}")]
    if error.validator == "minItems":
        return [(path, f"{where} needs at least one source: readers must be able to check the note")]
    if error.validator == "minimum":
        return [(path, f"{where} must be 1 or more: paragraphs are numbered from 1")]
    if error.schema == _DEFS["excerpt"] and error.validator in ("minLength", "maxLength") and instance.strip():
        return [
            (
                path,
                f"{where} has {len(instance)} characters; it must have 20 to 600: copy the passage of the source "
                "that supports the note, word for word, and no more",
            )
        ]
    if error.validator in ("pattern", "minLength"):
        return [(path, _pattern_message(error.schema, where, instance))]
    return [(path, f"{where}: {error.message}")]


def _pattern_message(schema: dict, where: str, instance: Any) -> str:
    if schema == _DEFS["date"]:
        return f"{where} must be a date written YYYY-MM-DD, e.g. 2025-02-10; `{instance}` is not"
    if schema == _DEFS["url"]:
        if isinstance(instance, str) and instance.lower().startswith("http://"):
            return f"{where} must use https://, not http://: find the secure address of the page"
        return f"{where} must be a full web address starting with https://; `{instance}` is not"
    if schema in (_DEFS["text"], _DEFS["excerpt"]):
        return f"{where} is empty: write the text"
    return f"{where} must be a language code such as `fr` or `en`; `{instance}` is not"


def _missing_message(key: str, path: Path_) -> str:
    if key in LANGUAGES:
        return f"{_describe(path)} has no `{key}`: every text is given in French (`fr`) and English (`en`)"
    if key == "verdict":
        return "a fact-check needs a `verdict`: one of accurate, mostly-accurate, misleading, inaccurate, unverifiable"
    if key == "sources":
        return "missing `sources`: list at least one source (only translation notes may have none)"
    if key == "claim":
        return "a fact-check needs a `claim` (format 2): the claim being checked, as one sentence in `fr` and in `en`"
    if key == "checked":
        return (
            "missing `checked` (format 2): the date you last checked every claim of the note against its sources, "
            "e.g. `checked: 2026-11-29`"
        )
    if key == "excerpt":
        return (
            f"{_describe(path)} has no `excerpt` (format 2): copy, word for word, the passage of the source that "
            "supports the note (20 to 600 characters)"
        )
    return f"missing required key `{key}`{_in(path)}: add it (see CONTRIBUTING.md)"


def _rule_problems(parsed: YamlDocument, display: str, document: Document, today: date) -> list[Problem]:
    """What a schema cannot say: real dates, paragraph range, quotes in the text, no HTML."""
    data = parsed.data
    problems = []
    for path, value in _dates(data):
        problem = _date_problem(value, path, None if path == ("recheck",) else today)
        if problem:
            problems.append(Problem(display, parsed.line(path), problem))
    for index, source in enumerate(data.get("sources") or []):
        published = _real_date(source.get("published")) if isinstance(source, dict) else None
        accessed = _real_date(source.get("accessed")) if isinstance(source, dict) else None
        if published and accessed and published > accessed:
            path = ("sources", index, "published")
            problems.append(
                Problem(display, parsed.line(path), f"{_describe(path)} is after its `accessed` date: check both dates")
            )
    checked, recheck = _real_date(data.get("checked")), _real_date(data.get("recheck"))
    if checked and recheck and recheck <= checked:
        problems.append(
            Problem(
                display,
                parsed.line(("recheck",)),
                f"`recheck` {recheck} is not after `checked` {checked}: give the date the note should be checked again",
            )
        )
    paragraph = data.get("paragraph")
    in_range = isinstance(paragraph, int) and not isinstance(paragraph, bool) and 1 <= paragraph <= document.size
    if isinstance(paragraph, int) and not isinstance(paragraph, bool) and paragraph >= 1 and not in_range:
        problems.append(
            Problem(
                display,
                parsed.line(("paragraph",)),
                f"`paragraph` {paragraph} is outside the document, which has paragraphs 1 to {document.size}",
            )
        )
    quote = data.get("quote")
    if in_range and isinstance(quote, dict):
        for language in document.languages:
            if isinstance(quote.get(language), str) and quote[language].strip():
                message = _quote_problem(
                    quote[language], document.paragraphs[language][paragraph - 1], paragraph, language
                )
                if message:
                    problems.append(Problem(display, parsed.line(("quote", language)), message))
    for key in ("title", "body", "quote", "claim"):
        texts = data.get(key)
        for language, text in texts.items() if isinstance(texts, dict) else ():
            if isinstance(text, str):
                problems += [
                    Problem(display, parsed.line((key, language)), m) for m in _markup_problems(text, (key, language))
                ]
    return problems


def _dates(data: dict) -> list[tuple[Path_, Any]]:
    found = [((key,), data.get(key)) for key in ("added", "checked", "recheck")]
    for index, source in enumerate(data.get("sources") or []):
        if isinstance(source, dict):
            found += [(("sources", index, key), source.get(key)) for key in ("published", "accessed")]
    return [(path, value) for path, value in found if isinstance(value, str)]


def _real_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _date_problem(value: str, path: Path_, today: date | None) -> str | None:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return None  # the schema already reports the format
    parsed = _real_date(value)
    if parsed is None:
        return f"{_describe(path)} `{value}` is not a real date: check the month and the day"
    if today and parsed > today:
        return f"{_describe(path)} `{value}` is in the future (today is {today.isoformat()}): give the date it happened"
    return None


def _quote_problem(quote: str, text: str, paragraph: int, language: str) -> str | None:
    count = text.count(quote)
    if count == 1:
        return None
    if count > 1:
        return (
            f"`quote.{language}` occurs {count} times in paragraph {paragraph}: quote more words so that it occurs once"
        )
    hint = ""
    if _fold(quote) in _fold(text):
        hint = " (it does with other apostrophes, quotation marks or spaces: copy the words from the text exactly, e.g. ’ rather than ')"
    return f"`quote.{language}` does not occur in paragraph {paragraph} ({language}){hint}: copy the exact words from the text"


def _fold(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " "})
    return " ".join(text.translate(table).split())


def _markup_problems(text: str, path: Path_) -> list[str]:
    where = _describe(path)
    problems = []
    tag = RAW_HTML.search(text)
    if tag:
        snippet = text[tag.start() : tag.start() + 12].split(">")[0]
        problems.append(
            f"{where} contains raw HTML (`{snippet}`): use Markdown only (*emphasis*, [link](https://…), lists)"
        )
    for match in LINK_TARGET.finditer(text):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if path[0] == "body" and not (target.startswith(("https://", "#")) or re.fullmatch(r"mailto:[^\s]+", target)):
            problems.append(f"{where} links to `{target}`: links must be full https:// addresses")
    if re.search(r"javascript\s*:", text, re.IGNORECASE) and not problems:
        problems.append(f"{where} contains `javascript:`: scripts are not allowed")
    return problems


def _check_id(note_id: str, display: str) -> list[Problem]:
    if not ID_PATTERN.fullmatch(note_id):
        return [
            Problem(
                display,
                1,
                "the file name is the note's id: use lowercase letters a-z, digits and hyphens, e.g. mgx-share.yml",
            )
        ]
    if RESERVED_ID.fullmatch(note_id):
        return [
            Problem(display, 1, f"`{note_id}` is reserved for paragraph links (#p1, #p2…): choose a descriptive name")
        ]
    return []


def _check_unique_ids(found: dict[str, list[Annotation]]) -> list[Problem]:
    seen: dict[str, Annotation] = {}
    problems = []
    for notes in found.values():
        for note in notes:
            if note.id in seen:
                problems.append(
                    Problem(
                        note.file,
                        1,
                        f"the id `{note.id}` is already used by {seen[note.id].file}: ids are unique, choose another file name",
                    )
                )
            else:
                seen[note.id] = note
    return problems


def _check_corrections(found, documents, documents_dir: Path, root: Path, today: date) -> list[Problem]:
    """Every correction names an existing note of its document and a date that has passed."""
    problems = []
    for doc_id, document in documents.items():
        display = display_path(documents_dir / doc_id / "corrections.yml", root)
        ids = {note.id for note in found.get(doc_id, [])}
        for correction in document.corrections:
            if correction.note not in ids:
                problems.append(
                    Problem(
                        display,
                        correction.line,
                        f"no note `{correction.note}` in {doc_id}: give the id of the corrected note",
                    )
                )
            if correction.date > today:
                problems.append(Problem(display, correction.line, f"`date` {correction.date} is in the future"))
    return problems


def _check_overlaps(found: dict[str, list[Annotation]], documents: dict[str, Document]) -> list[Problem]:
    """Two highlights cannot share words: the reader could not tell which note is which."""
    problems = []
    for doc_id, notes in found.items():
        document = documents[doc_id]
        for language in document.languages:
            spans: dict[int, list[tuple[int, int, Annotation]]] = {}
            for note in sorted(notes, key=lambda n: n.file):
                if note.quote:
                    start = document.paragraphs[language][note.paragraph - 1].index(note.quote[language])
                    span = (start, start + len(note.quote[language]))
                    for other_start, other_end, other in spans.get(note.paragraph, []):
                        if span[0] < other_end and other_start < span[1]:
                            problems.append(
                                Problem(
                                    note.file,
                                    1,
                                    f"`quote.{language}` overlaps the quote of {other.file}: highlight different words",
                                )
                            )
                    spans.setdefault(note.paragraph, []).append((*span, note))
    return problems


def _order(note: Annotation, document: Document) -> tuple[int, int, str]:
    text = document.paragraphs[document.original][note.paragraph - 1]
    position = text.index(note.quote[document.original]) if note.quote else len(text)
    return (note.paragraph, position, note.id)


def _build(note_id: str, doc_id: str, display: str, data: dict, recheck_line: int = 1) -> Annotation:
    return Annotation(
        id=note_id,
        document=doc_id,
        paragraph=data["paragraph"],
        kind=data["kind"],
        title=data["title"],
        body=data["body"],
        added=date.fromisoformat(data["added"]),
        checked=date.fromisoformat(data["checked"]),
        recheck=date.fromisoformat(data["recheck"]) if "recheck" in data else None,
        file=display,
        quote=data.get("quote"),
        verdict=data.get("verdict"),
        claim=data.get("claim"),
        recheck_line=recheck_line,
        sources=tuple(
            Source(
                title=s["title"],
                publisher=s["publisher"],
                url=s["url"],
                accessed=date.fromisoformat(s["accessed"]),
                published=date.fromisoformat(s["published"]) if "published" in s else None,
                excerpt=s.get("excerpt"),
                archive=s.get("archive"),
                lang=s.get("lang"),
            )
            for s in data.get("sources") or []
        ),
        contributors=tuple(data.get("contributors") or ()),
    )


def _describe(path: Path_) -> str:
    if not path:
        return "the note"
    if path[0] == "sources" and len(path) >= 2:
        source = f"source {path[1] + 1}"
        return f"`{path[2]}` of {source}" if len(path) > 2 else source
    if path[0] == "contributors" and len(path) == 2:
        return f"contributor {path[1] + 1}"
    return "`" + ".".join(str(part) for part in path) + "`"


def _in(path: Path_) -> str:
    return f" in {_describe(path)}" if path else ""


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f'the text "{value[:40]}"'
    if isinstance(value, list):
        return "a list"
    return "a set of `key: value` lines"
