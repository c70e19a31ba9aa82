"""The notes as they are in the working tree and as they were at a git revision, for `edition summary`."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from .summary import Notes
from .yamlfile import read_yaml


class HistoryError(Exception):
    """git could not say what the notes were: the message says why."""


def notes_in_tree(annotations: Path) -> Notes:
    """Every note file under `annotations/<document>/`, by `document/id`."""
    return {f"{path.parent.name}/{path.stem}": _data(path) for path in sorted(annotations.glob("*/*.yml"))}


def notes_at(revision: str, annotations: Path, root: Path) -> Notes:
    """The note files as they were at `revision` (a branch, tag or commit)."""
    folder = annotations.relative_to(root).as_posix()
    listing = _git(root, "ls-tree", "-r", "--name-only", revision, "--", f"{folder}/")
    notes = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name in listing.splitlines():
            parts = Path(name).relative_to(folder).parts
            if len(parts) != 2 or not name.endswith(".yml"):
                continue
            copy = Path(scratch) / parts[0] / parts[1]
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(_git(root, "show", f"{revision}:{name}"), encoding="utf-8")
            notes[f"{parts[0]}/{copy.stem}"] = _data(copy)
    return notes


def _data(path: Path) -> dict:
    parsed, _ = read_yaml(path, path.name)
    if parsed is None or not isinstance(parsed.data, dict):
        return {"title": "(this file cannot be read: run `make check`)"}
    return parsed.data


def _git(root: Path, *arguments: str) -> str:
    try:
        result = subprocess.run(["git", *arguments], cwd=root, capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError:
        raise HistoryError("git is not installed") from None
    if result.returncode != 0:
        raise HistoryError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed")
    return result.stdout
