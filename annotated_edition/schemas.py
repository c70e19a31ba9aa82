"""Check a contributor's YAML against one of the JSON Schemas, with FILE:LINE messages a person can act on.

Two readers of the same schema: a compiled one decides quickly that a file is valid (the usual
case, on every build); jsonschema, loaded only when a file is not, lists every error with its
path so that each can be explained. tests/test_validate.py checks that they agree.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import cached_property
from importlib import resources
from typing import Any

import fastjsonschema

from .model import KINDS, VERDICTS
from .problems import Problem
from .strings import all_labels, language_name
from .yamlfile import Path_, YamlDocument


def _plain(word: str) -> str:
    """Lowercase, without accents: `Vérification` and `verification` are the same guess."""
    return "".join(c for c in unicodedata.normalize("NFD", word.strip().lower()) if not unicodedata.combining(c))


# The labels the site shows for kinds and verdicts, in every language, accepted as a guess for
# the value the file needs: `vérification` -> `fact-check`, `trompeur` -> `misleading`.
SITE_LABELS = {
    _plain(label): key.split(".", 1)[1]
    for table in all_labels().values()
    for key, label in table.items()
    if key.startswith(("kind.", "verdict.")) and key.split(".", 1)[1] in (*KINDS, *VERDICTS)
}

MissingMessage = Callable[[str, Path_], "str | None"]
SpecialMessages = Callable[[Any, Path_], "list[tuple[Path_, str]] | None"]


class Schema:
    """One JSON Schema of `annotated_edition/schema/`, and how to explain its refusals.

    The published files list French and English; `for_languages` gives the same schema for a
    document's own languages (every object marked `x-localised` then has one text per language).
    """

    def __init__(
        self,
        name: str,
        missing: MissingMessage | None = None,
        special: SpecialMessages | None = None,
        languages: tuple[str, ...] = ("fr", "en"),
    ) -> None:
        self.name = name
        published = json.loads(resources.files(__package__).joinpath(f"schema/{name}.schema.json").read_text("utf-8"))
        self.languages = languages
        self.data: dict[str, Any] = _localised(published, languages)
        self._variants: dict[tuple[str, ...], Schema] = {}
        self.defs: dict[str, Any] = self.data.get("$defs", {})
        self._missing = missing or (lambda key, path: None)
        self._special = special or (lambda error, path: None)

    def for_languages(self, languages: tuple[str, ...]) -> Schema:
        """This schema for a document in `languages` (made once per set of languages)."""
        if tuple(languages) == self.languages:
            return self
        if tuple(languages) not in self._variants:
            self._variants[tuple(languages)] = Schema(self.name, self._missing, self._special, tuple(languages))
        return self._variants[tuple(languages)]

    @cached_property
    def is_valid_fast(self):
        """The compiled reader, made the first time a file of this kind is read."""
        return fastjsonschema.compile(self.data)

    @cached_property
    def full(self):
        """jsonschema's validator for the schema, with booleans and 1.0 not counted as integers."""
        import jsonschema

        checker = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
            "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)
        )
        return jsonschema.validators.extend(jsonschema.Draft202012Validator, type_checker=checker)(self.data)

    def is_valid(self, data: Any) -> bool:
        """The fast reader's answer, except that 10.0 is not a whole number here (it is for JSON Schema)."""
        if _has_float(data):
            return self.full.is_valid(data)
        try:
            self.is_valid_fast(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    def problems(self, parsed: YamlDocument, display: str) -> list[Problem]:
        """Every refusal of the schema, as FILE:LINE: what is wrong and how to fix it."""
        if self.is_valid(parsed.data):
            return []
        found: dict[Problem, None] = {}
        for error in self.full.iter_errors(parsed.data):
            path = tuple(error.absolute_path)
            for line_path, message in self._explain(error, path):
                found[Problem(display, parsed.line(line_path), message)] = None
        # Should the two readers of the schema ever disagree, the stricter one wins.
        return list(found) or [Problem(display, 1, f"this file does not follow {self.name}.schema.json")]

    def _def(self, schema: dict) -> str | None:
        return next((name for name, value in self.defs.items() if value == schema), None)

    def _explain(self, error, path: Path_) -> list[tuple[Path_, str]]:
        where = describe(path)
        instance = error.instance
        special = self._special(error, path)
        if special is not None:
            return special
        if error.validator == "required":
            missing = [key for key in error.validator_value if key not in instance]
            return [(path, self._missing(key, path) or _missing_message(key, path, self.languages)) for key in missing]
        if error.validator == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            result = []
            for key in instance:
                if key not in allowed:
                    guess = difflib.get_close_matches(str(key), allowed, n=1)
                    hint = f"did you mean `{guess[0]}`?" if guess else f"allowed keys here: {', '.join(allowed)}"
                    result.append(((*path, key), f"unknown key `{key}`{_in(path)}: {hint}"))
            return result
        if error.validator == "type":
            quoted = ': write it in quotes, e.g. "1.0"' if path[-1:] == ("version",) else ""
            return [(path, f"{where} must be {_wanted(error.validator_value)}, not {kind_of(instance)}{quoted}")]
        if error.validator == "enum":
            return [(path, _enum_message(where, instance, error.validator_value))]
        if error.validator == "minProperties":
            return [(path, f"{where} is empty: give its text in each language (`fr:`, `en:`)")]
        if error.validator == "minItems":
            if path[-1:] == ("sources",):
                return [(path, f"{where} needs at least one source: readers must be able to check the note")]
            return [(path, f"{where} needs at least one item")]
        if error.validator == "minimum":
            return [(path, f"{where} must be {error.validator_value} or more: paragraphs are numbered from 1")]
        defined = self._def(error.schema)
        if defined == "excerpt" and error.validator in ("minLength", "maxLength") and instance.strip():
            return [
                (
                    path,
                    f"{where} has {len(instance)} characters; it must have 20 to 600: copy the passage of the source "
                    "that supports the note, word for word, and no more",
                )
            ]
        if error.validator == "maxLength":
            return [(path, f"{where} has {len(instance)} characters, more than {error.validator_value}: shorten it")]
        if error.validator in ("pattern", "minLength"):
            return [(path, _pattern_message(defined, where, instance))]
        return [(path, f"{where}: {error.message}")]


def _has_float(data: Any) -> bool:
    if isinstance(data, float):
        return True
    if isinstance(data, dict):
        return any(_has_float(value) for value in data.values())
    if isinstance(data, list):
        return any(_has_float(value) for value in data)
    return False


def _wanted(types: str | list[str]) -> str:
    words = {
        "integer": "a whole number",
        "string": "text",
        "object": "a set of `key: value` lines",
        "array": "a list (lines starting with `- `)",
    }
    names = [types] if isinstance(types, str) else types
    return " or ".join(words.get(name, name) for name in names)


def _enum_message(where: str, instance: Any, options: list) -> str:
    listed = ", ".join(str(option) for option in options)
    if instance is None or instance == "":
        return f"{where} has not been chosen: write one of {listed}"
    shown = instance if isinstance(instance, str) else json.dumps(instance, ensure_ascii=False)
    words = [str(option) for option in options]
    label = SITE_LABELS.get(_plain(str(instance)))
    guess = [label] if label in words else difflib.get_close_matches(str(instance), words, n=1)
    hint = f" (did you mean `{guess[0]}`?)" if guess else ""
    return f"{where} must be one of: {listed}; `{shown}` is not{hint}"


def _pattern_message(defined: str | None, where: str, instance: Any) -> str:
    if defined == "date":
        return f"{where} must be a date written YYYY-MM-DD, e.g. 2025-02-10; `{instance}` is not"
    if defined == "url":
        if isinstance(instance, str) and instance.lower().startswith("http://"):
            return f"{where} must use https://, not http://: find the secure address of the page"
        if isinstance(instance, str) and instance.startswith("https://") and any(c.isspace() for c in instance):
            return f"{where} contains a space: copy the address from the browser's address bar (spaces are written %20)"
        if isinstance(instance, str) and re.match(r"https://[^/?#]*\.(?:[/?#]|$)", instance):
            return f"{where} has a dot at the end of its host name (`{instance.split('/')[2]}`): remove it"
        shown = instance if len(str(instance)) <= 80 else f"{str(instance)[:77]}…"
        return f"{where} must be a full web address starting with https://; `{shown}` is not"
    if defined in ("text", "excerpt"):
        return f"{where} is empty: write the text"
    if defined == "paragraph":
        return f"`{instance}` is not a paragraph number: write the number shown on the site (1, 2, 3…)"
    if defined == "version":
        return f"{where} must be a version number such as 1.1 (in quotes); `{instance}` is not"
    if defined == "id":
        return f"{where} must be a note's id (its file name without .yml); `{instance}` is not"
    if defined == "language":
        return f"{where} must be a language code such as `fr` or `en`; `{instance}` is not"
    return f"{where}: `{instance}` is not allowed here"


def _localised(schema: Any, languages: tuple[str, ...]) -> Any:
    """`schema` with each object marked `x-localised: [fr, en]` given one text per language in `languages`."""
    if isinstance(schema, list):
        return [_localised(item, languages) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {key: _localised(value, languages) for key, value in schema.items()}
    marked = schema.get("x-localised")
    if marked:
        template = {key: value for key, value in schema["properties"][marked[0]].items() if key != "description"}
        properties = {key: value for key, value in result["properties"].items() if key not in marked}
        result["properties"] = {**properties, **{language: dict(template) for language in languages}}
        required = [key for key in schema.get("required", []) if key not in marked]
        result["required"] = [*required, *languages]
    return result


def _missing_message(key: str, path: Path_, languages: tuple[str, ...]) -> str:
    if key in languages:
        names = [f"{language_name(code, 'en')} (`{code}`)" for code in languages]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"{describe(path)} has no `{key}`: every text is given in {listed}"
    return f"missing required key `{key}`{_in(path)}: add it (see CONTRIBUTING.md)"


def real_date(value: Any) -> date | None:
    """A YYYY-MM-DD text as a date, or None when it is not text or not a day of the calendar."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def describe(path: Path_) -> str:
    """A value's place in a file, in words: `title.fr`, `url` of source 2, `date` of entry 3."""
    if not path:
        return "the file"
    if isinstance(path[0], int):
        entry = f"entry {path[0] + 1}"
        return f"`{'.'.join(str(p) for p in path[1:])}` of {entry}" if len(path) > 1 else entry
    if path[0] == "sources" and len(path) >= 2:
        source = f"source {path[1] + 1}"
        return f"`{path[2]}` of {source}" if len(path) > 2 else source
    if path[0] == "contributors" and len(path) == 2:
        return f"contributor {path[1] + 1}"
    return "`" + ".".join(str(part) for part in path) + "`"


def _in(path: Path_) -> str:
    return f" in {describe(path)}" if path else ""


def kind_of(value: Any) -> str:
    """What a contributor actually wrote, in words."""
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
