"""The contributor guides, followed literally: their example note passes, their commands and messages are real."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from annotated_edition.cli import main
from annotated_edition.validate import load_edition
from annotated_edition.yamlfile import read_yaml

from .conftest import ROOT

GUIDES = {"en": ROOT / "CONTRIBUTING.md", "fr": ROOT / "CONTRIBUTING.fr.md"}
EXAMPLE_ID = "investors-notre-dame-strategy"


def blocks(guide: Path, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", guide.read_text("utf-8"), re.DOTALL)


def example(guide: Path) -> str:
    [note] = [block for block in blocks(guide, "yaml") if block.startswith("# yaml-language-server")]
    return note


def repository_copy(tmp_path: Path) -> Path:
    for name in ("annotations", "docs"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("language", GUIDES)
def test_the_guides_example_note_is_accepted_beside_every_published_note(tmp_path: Path, language: str):
    root = repository_copy(tmp_path)
    path = root / "annotations" / "pcf-sommet-ia" / f"{EXAMPLE_ID}.yml"
    path.write_text(example(GUIDES[language]), encoding="utf-8")
    edition = load_edition(root / "annotations", root / "docs" / "documents", root, date.today())
    assert EXAMPLE_ID in [note.id for note in edition.annotations["pcf-sommet-ia"]]


def test_both_guides_give_the_same_example(tmp_path: Path):
    data = {}
    for language, guide in GUIDES.items():
        path = tmp_path / f"{language}.yml"
        path.write_text(example(guide), encoding="utf-8")
        data[language] = read_yaml(path, path.name)[0].data
        data[language].pop("contributors")  # "Your Name" / "Votre nom"
    assert data["fr"] == data["en"]


@pytest.mark.parametrize("language", GUIDES)
def test_the_guides_commands_and_messages_are_what_a_contributor_sees(
    tmp_path: Path, monkeypatch, capsys, language: str
):
    guide = GUIDES[language]
    [command] = [line for block in blocks(guide, "sh") for line in block.splitlines() if "edition new" in line]
    monkeypatch.chdir(repository_copy(tmp_path))
    arguments = re.findall(r'"[^"]*"|\S+', command.split("edition ", 1)[1])
    assert main([argument.strip('"') for argument in arguments]) == 0
    out, err = capsys.readouterr()
    assert out.strip() in blocks(guide, "text")[1]  # "Created …: fill it in, then run `make check`."
    assert err == ""  # the guide's words are highlighted by no other note
    assert main(["check"]) == 1
    reported = capsys.readouterr().err.splitlines()
    shown = [line for block in blocks(guide, "text") for line in block.splitlines() if line.startswith("annotations/")]
    assert shown and all(line in reported for line in shown)


def test_the_pull_request_template_asks_the_contributor_in_both_languages():
    template = (ROOT / ".github" / "pull_request_template.md").read_text("utf-8")
    for asked in (
        "Identifiant(s) · Id(s)",
        "## Aperçu · Preview",
        "J'ai ouvert chaque source",
        "I opened every source",
    ):
        assert asked in template


@pytest.mark.parametrize("form", sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml")), ids=lambda p: p.stem)
def test_issue_forms_speak_both_languages(form: Path):
    data = yaml.safe_load(form.read_text("utf-8"))
    labels = [data["name"], data["description"]]
    labels += [field["attributes"]["label"] for field in data["body"] if "label" in field.get("attributes", {})]
    assert all(" · " in label for label in labels), labels
