"""`edition summary`: what a pull request does to the notes, for the reviewers' summary."""

from __future__ import annotations

import os
import shutil
import subprocess

import markdown
import yaml

from annotated_edition.cli import main
from annotated_edition.summary import changed_keys, summarize

from .conftest import FIXTURES, ROOT

NOTE = {"paragraph": 1, "kind": "context", "title": {"fr": "Titre", "en": "Title"}, "body": {"fr": "a", "en": "b"}}


def test_changed_keys_name_the_language_that_changed():
    after = {**NOTE, "body": {"fr": "a", "en": "c"}, "checked": "2026-11-29"}
    assert changed_keys(NOTE, after) == ["body.en", "checked"]


def test_summary_lists_added_changed_and_removed_notes_and_nothing_unchanged():
    before = {"demo/same": NOTE, "demo/edited": NOTE, "demo/gone": NOTE}
    after = {"demo/same": NOTE, "demo/edited": {**NOTE, "title": {"fr": "Titre", "en": "New"}}, "demo/new": NOTE}
    text = summarize(before, after)
    assert text.startswith("### Notes: 1 added, 1 changed, 1 removed")
    assert "| changed | `demo/edited` | 1 | context | Titre / New | `title.en` |" in text
    assert "| added | `demo/new` |" in text and "| removed | `demo/gone` |" in text
    assert "demo/same" not in text


def test_summary_cells_cannot_break_the_table_or_carry_html():
    hostile = {**NOTE, "title": {"fr": "a | b <script>x</script>", "en": "line\nbreak"}}
    [row] = [line for line in summarize({}, {"demo/x": hostile}).splitlines() if line.startswith("| added")]
    assert "<script>" not in row and "a \\| b &lt;script&gt;" in row and "line break" in row


def test_summary_command_compares_the_tree_with_a_git_revision(tmp_path, monkeypatch, capsys):
    notes = tmp_path / "annotations" / "demo"
    notes.mkdir(parents=True)
    shutil.copy(FIXTURES / "valid" / "summit-dates.yml", notes)
    shutil.copy(FIXTURES / "valid" / "money-term.yml", notes)
    env = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org"}
    env |= {"GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org"}
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "base"]):
        subprocess.run(["git", *command], cwd=tmp_path, env=env, check=True)
    edited = notes / "summit-dates.yml"
    edited.write_text(edited.read_text("utf-8").replace("checked: 2026-11-28", "checked: 2026-11-29"), "utf-8")
    (notes / "money-term.yml").unlink()
    monkeypatch.chdir(tmp_path)
    assert main(["summary", "--base", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("### Notes: 1 changed, 1 removed")
    assert "| changed | `demo/summit-dates` | 1 | fact-check · accurate | Les dates du sommet" in out
    assert "| `checked` |" in out
    assert main(["summary", "--base", "no-such-branch"]) == 2
    assert "edition summary: cannot read the notes at `no-such-branch`" in capsys.readouterr().err


def test_pull_requests_get_a_preview_and_the_summary():
    """The test workflow builds the site, uploads it, and runs the summary command tested above."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "test.yml").read_text("utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    on_pull_requests = [step for step in steps if "pull_request" in step.get("if", "")]
    assert any("make build" in step.get("run", "") for step in on_pull_requests)
    assert any(step.get("uses", "").startswith("actions/upload-artifact@") for step in on_pull_requests)
    assert any("edition summary --base" in step.get("run", "") for step in on_pull_requests)


def test_nothing_a_contributor_wrote_is_rendered_as_markdown_in_the_summary():
    hostile = {
        **NOTE,
        "kind": "context](https://evil.example)",
        "title": {"fr": "[lien](https://evil.example) **gras** @octocat", "en": "<img src=x> # Heading ![i](x)"},
        "`key` [x](y)": "z",
    }
    text = summarize({}, {"demo/new`id": hostile})
    rendered = markdown.markdown(text, extensions=["tables"])
    assert "<a " not in rendered and "<strong>" not in rendered and "<img" not in rendered
    assert "@octocat" not in text  # no mention, which would notify that account
    assert "[lien](https://evil.example)" not in text
    assert "<img" not in text
