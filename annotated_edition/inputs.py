"""Every input of the edition is a plain file inside the repository: no links, no devices.

A symbolic link could make the checker read /dev/zero (and exhaust memory) or a file outside the
repository, and MkDocs would copy a linked file from docs/ into the published site.
"""

from __future__ import annotations

import os
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
