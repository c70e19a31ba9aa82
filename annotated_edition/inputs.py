"""Every input of the edition is a plain file inside the repository: no links, no devices.

A symbolic link could make the checker read /dev/zero (and exhaust memory) or a file outside the
repository, and MkDocs would copy a linked file from docs/ into the published site.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .problems import Problem, display_path


def regular_file_problem(path: Path, display: str) -> Problem | None:
    """Inputs are plain files: a link could read /dev/zero, or a file outside the repository."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return Problem(display, 1, "this file cannot be read: check that it exists")
    if stat.S_ISLNK(mode):
        return Problem(display, 1, "this is a symbolic link (symlink): put the file itself here, not a link to it")
    if not stat.S_ISREG(mode):
        return Problem(display, 1, "this is not a regular file: only plain text files belong here")
    return None


def linked_inputs(folder: Path, root: Path) -> list[Problem]:
    """A problem for every symbolic link or special file under `folder` (links are not followed)."""
    problems = []
    for directory, folders, files in os.walk(folder):
        for name in sorted([*folders, *files]):
            path = Path(directory) / name
            problem = (
                regular_file_problem(path, display_path(path, root)) if not path.is_dir() or path.is_symlink() else None
            )
            if problem:
                problems.append(problem)
    return problems


# pymdownx.snippets' include line, `--8<-- "file"` or `--8<-- "file:section"` (a leading `;` escapes it).
_SNIPPET = re.compile(r"""^\s*-{1,}8<-{1,}\s*(?:(["'])(?P<path>[^"']*)\1)?\s*$""")


def snippet_problems(source: str, markdown: str, display: str, root: Path) -> list[Problem]:
    """Every snippet a page includes must be a plain file inside the repository: the snippets
    extension would otherwise stop the build with a traceback (or read outside the repository).

    `source` is the page's file, `markdown` its body as MkDocs passes it (without front matter)."""
    offset = _body_offset(source, markdown)
    problems = []
    in_block = False
    for number, line in enumerate(markdown.splitlines(), start=1 + offset):
        match = _SNIPPET.match(line)
        if match and match.group("path") is None:
            in_block = not in_block  # a block of paths, one per line, between two bare markers
            continue
        target = match.group("path") if match else (line.strip() if in_block and line.strip() else None)
        if target is None:
            continue
        name = re.sub(r":[A-Za-z0-9_-]+$", "", target)  # `file:section` includes a section of `file`
        path = (root / name).resolve()
        if not path.is_relative_to(root.resolve()) or path.is_symlink() or not path.is_file():
            problems.append(
                Problem(display, number, f"`{target}` cannot be included: give the path of a file of the repository")
            )
    return problems


def _body_offset(source: str, markdown: str) -> int:
    """How many lines of the file come before its Markdown body (front matter, blank lines), so that
    messages count lines as an editor does."""
    lines = source.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
    body = markdown.splitlines()
    skipped = next((k for k, line in enumerate(body) if line.strip()), 0)
    first = body[skipped] if body else None
    return next((i - skipped for i in range(start, len(lines)) if lines[i] == first), start)
