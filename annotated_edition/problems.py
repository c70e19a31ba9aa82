"""Problems found in contributors' files, reported as `FILE:LINE: what is wrong, how to fix it`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class EditionError(Exception):
    """Raised with every problem found, so that all of them are reported in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [str(problem) for problem in self.problems]
        return "\n".join([*lines, f"{count} {noun} found in the annotations or documents."])


def display_path(path: Path, root: Path) -> str:
    """`path` as the contributor knows it: relative to the repository, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
