"""One annotation file: its schema, the rules a schema cannot say, and the typed note it becomes.

Every problem in the file is collected, so a contributor sees all of them in one run.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from .markup import MAX_NESTING, read_markdown
from .model import SOURCE_TYPES, Annotation, Document, Source
from .problems import Problem
from .schemas import Schema, describe, real_date
from .yamlfile import Path_, YamlDocument, invisible_character_problem, read_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_ID = re.compile(r"^p[0-9]+$")
# The page's other anchors: a note with one of these ids would take over a quote's "back to the
# words" link (q-<note>-<language>), a correction or a section of the guide.
PAGE_ANCHOR = re.compile(r"^(q-.+|correction-[0-9]+|questions(-p[0-9]+)?|vocabulary)$")
ALLOWED_IN_ROOT = {"README.md"}
# A tag-like `<x`, `</x`, `<!--` or `<?` that is not a Markdown autolink such as <https://…>.
RAW_HTML = re.compile(r"<(?!https://|mailto:)[/!?]?[A-Za-z!]")
CHARACTER_REFERENCE = re.compile(r"&#([0-9]{1,8}|[xX][0-9A-Fa-f]{1,8});?")
# What `edition new` writes in a note's body: left in place, it would be published as is.
PLACEHOLDER_BODY = {"fr": "Écrivez la note ici, en Markdown.", "en": "Write the note here, in Markdown."}
FACT_CHECK_ONLY = ("verdict", "claim")


def _missing_message(key: str, path: Path_) -> str | None:
    if key == "verdict":
        return "a fact-check needs a `verdict`: one of accurate, mostly-accurate, misleading, inaccurate, unverifiable"
    if key == "sources":
        return "missing `sources`: list at least one source (only translation notes may have none)"
    if key == "claim":
        return "a fact-check needs a `claim` (format 2): the claim being checked, as one sentence in each language"
    if key == "checked":
        return (
            "missing `checked` (format 2): the date you last checked every claim of the note against its sources, "
            "e.g. `checked: 2026-11-29`"
        )
    if key == "type":
        return (
            f"{describe(path)} has no `type` (format 3): say what kind of evidence it is — primary (the official "
            "text, statistics, a court decision, a paper, the actor's own statement), press (a newsroom), "
            "reference (an encyclopaedia, a dictionary) or other"
        )
    if key == "reason":
        return (
            f"{describe(path)} is `type: other`: add a `reason` saying why no primary, press or reference "
            "source could be cited instead"
        )
    if key == "excerpt":
        return (
            f"{describe(path)} has no `excerpt` (format 2): copy, word for word, the passage of the source that "
            "supports the note (20 to 600 characters)"
        )
    return None


def _fact_check_only(error, path: Path_) -> list[tuple[Path_, str]] | None:
    if error.validator == "not" and path == ():
        return [
            ((key,), f"only fact-check notes have a `{key}`: remove it, or set `kind: fact-check`")
            for key in FACT_CHECK_ONLY
            if key in error.instance
        ]
    return None


NOTE = Schema("annotation", missing=_missing_message, special=_fact_check_only)


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
    problems += NOTE.for_languages(document.languages).problems(parsed, display)
    problems += _rule_problems(parsed, display, document, today)
    if problems:
        return None, problems
    return _build(path.stem, document.id, display, parsed.data, _key_lines(parsed)), []


def _rule_problems(parsed: YamlDocument, display: str, document: Document, today: date) -> list[Problem]:
    """What a schema cannot say: real dates, paragraph range, quotes in the text, no HTML."""
    data = parsed.data
    problems: list[Problem] = []

    def report(path: Path_, message: str) -> None:
        problems.append(Problem(display, parsed.line(path), message))

    for path, value in _dates(data):
        problem = _date_problem(value, path, None if path == ("recheck",) else today)
        if problem:
            report(path, problem)
    for index, source in enumerate(data.get("sources") or []):
        published = real_date(source.get("published")) if isinstance(source, dict) else None
        accessed = real_date(source.get("accessed")) if isinstance(source, dict) else None
        if published and accessed and published > accessed:
            path = ("sources", index, "published")
            report(path, f"{describe(path)} is after its `accessed` date: check both dates")
    checked, recheck = real_date(data.get("checked")), real_date(data.get("recheck"))
    added = real_date(data.get("added"))
    if checked and added and checked < added <= today:  # a future `added` is reported already
        report(
            ("checked",), f"`checked` {checked} is before `added` {added}: a note is checked when it is added or later"
        )
    for index, source in enumerate(data.get("sources") or []):
        accessed = real_date(source.get("accessed")) if isinstance(source, dict) else None
        if checked and accessed and checked < accessed <= today:  # a future `accessed` is reported already
            report(
                ("checked",),
                f"`checked` {checked} is before source {index + 1} was read ({accessed}): "
                "give the day you last checked the note against every source",
            )
    if checked and recheck and recheck <= checked:
        report(
            ("recheck",),
            f"`recheck` {recheck} is not after `checked` {checked}: give the date the note should be checked again",
        )
    for path, message in _evidence_problems(data):
        report(path, message)
    paragraph = data.get("paragraph")
    whole = isinstance(paragraph, int) and not isinstance(paragraph, bool)
    in_range = whole and 1 <= paragraph <= document.size
    if whole and paragraph >= 1 and not in_range:
        report(
            ("paragraph",),
            f"`paragraph` {paragraph} is outside the document, which has paragraphs 1 to {document.size}",
        )
    quote = data.get("quote")
    if in_range and isinstance(quote, dict):
        for language in document.languages:
            if isinstance(quote.get(language), str) and quote[language].strip():
                message = _quote_problem(
                    quote[language], document.paragraphs[language][paragraph - 1], paragraph, language
                )
                if message:
                    report(("quote", language), message)
    body = data.get("body")
    for language, text in body.items() if isinstance(body, dict) else ():
        if isinstance(text, str) and text.strip() in PLACEHOLDER_BODY.values():
            report(("body", language), f"`body.{language}` is still the example text of `edition new`: write the note")
    for key in ("title", "body", "quote", "claim"):
        texts = data.get(key)
        for language, text in texts.items() if isinstance(texts, dict) else ():
            if isinstance(text, str):
                for message in _markup_problems(text, (key, language)):
                    report((key, language), message)
    return problems


def _evidence_problems(data: dict) -> list[tuple[Path_, str]]:
    """Format 3's rule of evidence: a fact-check rests on at least one primary source, and no note
    rests on `other` sources alone."""
    sources = [s for s in data.get("sources") or [] if isinstance(s, dict)]
    types = [s.get("type") for s in sources]
    if not sources or any(kind not in SOURCE_TYPES for kind in types):
        return []  # the schema reports a missing list, or a missing or unknown type
    if data.get("kind") == "fact-check" and "primary" not in types:
        return [
            (
                ("sources",),
                "a fact-check needs at least one `type: primary` source (the official text, the statistics, "
                "the decision, the paper or the actor's own statement): add it",
            )
        ]
    if all(kind == "other" for kind in types):
        return [
            (
                ("sources",),
                "every source of this note is `type: other`: add a primary, press or reference source that supports it",
            )
        ]
    return []


def _dates(data: dict) -> list[tuple[Path_, Any]]:
    found = [((key,), data.get(key)) for key in ("added", "checked", "recheck")]
    for index, source in enumerate(data.get("sources") or []):
        if isinstance(source, dict):
            found += [(("sources", index, key), source.get(key)) for key in ("published", "accessed")]
    return [(path, value) for path, value in found if isinstance(value, str)]


def _date_problem(value: str, path: Path_, today: date | None) -> str | None:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return None  # the schema already reports the format
    parsed = real_date(value)
    if parsed is None:
        return f"{describe(path)} `{value}` is not a real date: check the month and the day"
    if today and parsed > today:
        return f"{describe(path)} `{value}` is in the future (today is {today.isoformat()}): give the date it happened"
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
    where = describe(path)
    problems = []
    # A character reference (`&#x1;`) becomes the character itself once rendered: judge that.
    for reference in CHARACTER_REFERENCE.finditer(text):
        digits = reference.group(1)
        code = int(digits[1:], 16) if digits[0] in "xX" else int(digits)
        if code > 0x10FFFF or invisible_character_problem(chr(code)):
            problems.append(
                f"{where} contains `{reference.group()}`, which the page would show as an invisible or "
                "disguising character: remove it"
            )
    if path[0] != "body":  # plain text, shown as typed: only what looks like markup is refused
        tag = RAW_HTML.search(text)
        if tag:
            problems.append(_raw_html_message(where, text[tag.start() :]))
        return problems
    # A body is judged by what the Markdown parser makes of it, the way the page will render it.
    findings = read_markdown(text)
    if findings.raw_html:
        problems.append(_raw_html_message(where, findings.raw_html[0]))
    if findings.images:
        problems.append(f"{where} contains an image (`![…](…)`): notes have no images; link to the page instead")
    for target in findings.links:
        if not (target.startswith(("https://", "#")) or re.fullmatch(r"mailto:[^\s]+", target)):
            problems.append(f"{where} links to `{target[:80]}`: links must be full https:// addresses")
    if findings.depth > MAX_NESTING:
        problems.append(f"{where} nests quotes or lists {findings.depth} levels deep: keep to {MAX_NESTING} at most")
    return problems


def _raw_html_message(where: str, html: str) -> str:
    snippet = html[:12].split(">")[0]
    return f"{where} contains raw HTML (`{snippet}`): use Markdown only (*emphasis*, [link](https://…), lists)"


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
    if PAGE_ANCHOR.fullmatch(note_id):
        return [Problem(display, 1, f"`{note_id}` is one of the page's own anchors: choose a descriptive name")]
    return []


def _key_lines(parsed: YamlDocument) -> dict[str, int]:
    """The line of every key and language of the note (`recheck`, `quote.fr`), for later messages."""
    return {".".join(map(str, path)): line for path, line in parsed.lines.items() if 0 < len(path) <= 2}


def _build(note_id: str, doc_id: str, display: str, data: dict, lines: dict[str, int]) -> Annotation:
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
        lines=lines,
        sources=tuple(
            Source(
                title=s["title"],
                publisher=s["publisher"],
                url=s["url"],
                type=s["type"],
                reason=s.get("reason"),
                via=s.get("via"),
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
