"""Read one YAML file safely into plain data, remembering the line of every value.

Contributors' YAML is untrusted: no anchors or aliases (no alias bombs), no custom tags,
no duplicate keys, UTF-8 only, bounded size and depth. Dates stay strings so that the
validator, not the YAML parser, decides what a valid date is.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .inputs import regular_file_problem
from .problems import Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 20

Path_ = tuple[str | int, ...]

# Characters no text of the edition may hold: controls other than tab and newlines (they break the
# Atom feeds' XML), non-characters, lone surrogates, and the bidirectional controls that make a page
# read otherwise than its file ("Trojan Source").
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def invisible_character_problem(text: str) -> str | None:
    """What is wrong with `text` if it holds a character the edition refuses, else None."""
    found = INVISIBLE.search(text)
    if not found:
        return None
    code = ord(found.group())
    what = "a bidirectional control" if 0x202A <= code <= 0x2069 else "an invisible control character"
    return f"this text contains U+{code:04X}, {what}, which could break the feeds or disguise the text: remove it"


_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclass
class YamlDocument:
    """The data of one file and the 1-based line where each value (by its path) starts."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """The line of the value at `path`, or of its nearest enclosing value."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


class _Alias(Exception):
    """Stops the walk at the first alias: it is reported once, and an alias bomb is never expanded."""


# libyaml's parser when PyYAML has it (several times faster), the pure-Python one otherwise.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `path`; return its data with line numbers, or the problems that stop it."""
    problem = regular_file_problem(path, display)
    if problem:
        return None, [problem]
    with path.open("rb") as file:
        raw = file.read(MAX_BYTES + 1)  # never more: the size limit holds for whatever the file is
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(display, 1, f"file is larger than {MAX_BYTES // 1024} KiB: one annotation should be short")
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(display, line, f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x}): save it as UTF-8")
        ]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(part for part in (error.context, error.problem) if part)
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            return None, [Problem(display, line, "this line contains a tab: YAML is indented with spaces only")]
        return None, [
            Problem(
                display,
                line,
                f"invalid YAML ({what}): check the indentation and put quotes around text that contains `: ` or starts with a special character",
            )
        ]
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        return None, [
            Problem(
                display,
                line,
                f"the file contains the control character U+{code:04X}, which YAML does not allow: remove it",
            )
        ]
    except yaml.YAMLError as error:
        return None, [Problem(display, 1, f"invalid YAML: {error}")]
    except RecursionError:
        return None, [Problem(display, 1, "the YAML is nested too deeply: an annotation has at most a few levels")]
    if node is None:
        return None, [Problem(display, 1, "the file is empty: start from the example in CONTRIBUTING.md")]
    document = YamlDocument(data=None)
    problems: list[Problem] = []
    with contextlib.suppress(_Alias):  # already reported
        document.data = _to_data(node, (), document, problems, display, 0, set())
    return (None if problems else document), problems


def _to_data(
    node: yaml.Node, path: Path_, document: YamlDocument, problems: list[Problem], display: str, depth: int, seen: set
) -> Any:
    line = node.start_mark.line + 1
    document.lines.setdefault(path, line)
    if id(node) in seen:  # an alias: the composer shares the anchored node instead of copying it
        problems.append(
            Problem(
                display, line, "anchors and aliases (`&name`, `*name`) are not allowed: write each value out in full"
            )
        )
        raise _Alias
    seen.add(id(node))
    if depth > MAX_DEPTH:
        problems.append(Problem(display, line, "the YAML is nested too deeply: an annotation has at most a few levels"))
        return None
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, path, document, problems, display, depth, seen)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            problems.append(Problem(display, line, f"unsupported YAML tag `{node.tag}`: remove it"))
            return None
        return [
            _to_data(item, (*path, index), document, problems, display, depth + 1, seen)
            for index, item in enumerate(node.value)
        ]
    if node.tag not in _SCALAR_TAGS:
        problems.append(Problem(display, line, f"unsupported YAML tag `{node.tag}`: remove it"))
        return None
    if node.tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:str"):
        message = invisible_character_problem(node.value)
        if message:
            problems.append(Problem(display, line, message))
        return node.value
    if node.tag == "tag:yaml.org,2002:int" and not re.fullmatch(r"[-+]?[0-9]+", node.value):
        problems.append(Problem(display, line, f"`{node.value}` is not a plain number: write it in digits, e.g. 2"))
        return None
    try:
        return yaml.constructor.SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError):
        problems.append(Problem(display, line, f"`{node.value}` is not a valid {node.tag.rsplit(':', 1)[-1]}"))
        return None


def _mapping(
    node: yaml.MappingNode,
    path: Path_,
    document: YamlDocument,
    problems: list[Problem],
    display: str,
    depth: int,
    seen: set,
) -> Any:
    line = node.start_mark.line + 1
    if node.tag != "tag:yaml.org,2002:map":
        problems.append(Problem(display, line, f"unsupported YAML tag `{node.tag}`: remove it"))
        return None
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            problems.append(
                Problem(display, key_line, "keys must be plain words (no `<<` merge keys, lists or maps as keys)")
            )
            continue
        key = key_node.value
        if key in result:
            first = document.lines.get((*path, key), key_line)
            problems.append(
                Problem(display, key_line, f"duplicate key `{key}` (first given on line {first}): keep only one")
            )
            continue
        result[key] = _to_data(value_node, (*path, key), document, problems, display, depth + 1, seen)
        document.lines[(*path, key)] = key_line
    return result
