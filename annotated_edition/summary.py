"""What a pull request does to the notes: added, changed and removed notes, as Markdown for reviewers."""

from __future__ import annotations

import re
from typing import Any

from .model import Release

Notes = dict[str, dict[str, Any]]  # "document/note-id" -> the note's data as read from its file


def changed_keys(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The keys whose value differs, one level deep for texts given per language (`body.en`)."""
    keys = []
    for key in dict.fromkeys([*after, *before]):  # the file's order, then keys that were removed
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            keys += [f"{key}.{part}" for part in sorted(set(old) | set(new)) if old.get(part) != new.get(part)]
        else:
            keys.append(key)
    return keys


def summarize(before: Notes, after: Notes) -> str:
    """A short Markdown table of the notes added, changed and removed between two states of the repository."""
    rows = []
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        status = "added" if old is None else "removed" if new is None else "changed"
        data = new if new is not None else old
        what = ", ".join(_code(key) for key in changed_keys(old, new)) if status == "changed" else ""
        rows.append(
            f"| {status} | {_code(name)} | {_cell(data.get('paragraph'))} | {_cell(data.get('kind'))}"
            f"{' · ' + _cell(data['verdict']) if data.get('verdict') else ''} | {_title(data)} | {what} |"
        )
    if not rows:
        return "### Notes\n\nThis pull request adds, changes or removes no note.\n"
    counts = {status: sum(row.startswith(f"| {status} ") for row in rows) for status in ("added", "changed", "removed")}
    heading = ", ".join(f"{count} {status}" for status, count in counts.items() if count)
    return "\n".join(
        [
            f"### Notes: {heading}",
            "",
            "| | Note | ¶ | Kind | Title | What changed |",
            "| --- | --- | --- | --- | --- | --- |",
            *rows,
            "",
            "Reviewers: open each source and check that its excerpt says what the note says.",
            "",
        ]
    )


def release_notes(release: Release) -> str:
    """A version's release notes, in both languages: what it changed, the notes added and corrected."""
    version = release.version
    lines = [
        f"## Version {release.number} ({version.date.isoformat()})",
        "",
        version.text["en"],
        "",
        version.text["fr"],
    ]
    for label, notes in (
        ("Notes added · Notes ajoutées", release.added),
        ("Notes corrected · Notes corrigées", release.corrected),
    ):
        if notes:
            lines += [
                "",
                f"**{label}** ({len(notes)}):",
                *(f"- `{note.id}`: {_cell(note.title['en'])}" for note in notes),
            ]
    if version.retracted:
        lines += ["", "**Notes retracted · Notes retirées**: " + ", ".join(f"`{i}`" for i in version.retracted)]
    return "\n".join(lines) + "\n"


def _title(data: dict[str, Any]) -> str:
    title = data.get("title")
    if isinstance(title, dict):
        return " / ".join(_cell(text) for text in title.values() if isinstance(text, str))
    return _cell(title)


# Everything a contributor wrote is shown as text: no link, emphasis, heading, HTML or @mention.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#.!|~:])")


def _cell(value: Any) -> str:
    """A value made safe for a Markdown table cell: one line of plain text, at most 120 characters."""
    text = " ".join(("" if value is None else str(value)).split())[:120]
    text = _MARKDOWN.sub(r"\\\1", text)
    for character, replacement in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("@", "&#64;")):
        text = text.replace(character, replacement)
    return text


def _code(value: Any) -> str:
    """A name shown as code: backticks cannot close it early."""
    return "`" + " ".join(str(value).replace("`", "'").split())[:120] + "`"
