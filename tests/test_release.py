"""Releases: one version number everywhere a reader or an archive looks for it."""

from __future__ import annotations

import json

import yaml

from annotated_edition.cli import main

from .conftest import ROOT

VERSIONS = yaml.safe_load((ROOT / "docs" / "documents" / "pcf-sommet-ia" / "versions.yml").read_text("utf-8"))
LATEST = VERSIONS[-1]


def test_citation_file_names_the_latest_version():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert {"message", "title", "authors"} <= set(citation)
    assert citation["version"] == LATEST["version"]
    assert str(citation["date-released"]) == str(LATEST["date"])


def test_zenodo_metadata_names_the_latest_version():
    zenodo = json.loads((ROOT / ".zenodo.json").read_text("utf-8"))
    assert zenodo["version"] == LATEST["version"]
    assert zenodo["publication_date"] == str(LATEST["date"])
    assert zenodo["upload_type"] in {"dataset", "publication", "software", "other"} and zenodo["creators"]


def test_version_command_gives_the_number_and_the_release_notes(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["version"]) == 0
    assert capsys.readouterr().out.strip() == LATEST["version"]
    assert main(["version", "--notes"]) == 0
    notes = capsys.readouterr().out
    assert notes.startswith(f"## Version {LATEST['version']} ({LATEST['date']})")
    assert LATEST["en"] in notes and LATEST["fr"] in notes


def test_release_workflow_checks_the_tag_against_the_version_and_publishes_the_site():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text("utf-8"))
    assert workflow[True]["push"]["tags"] == ["v*"]  # YAML reads the key `on` as true
    steps = " ".join(step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"])
    assert "edition version" in steps and '"v$version"' in steps
    assert "make build SITE_URL=" in steps and "gh release create" in steps
    assert workflow["jobs"]["release"]["needs"] == "test"
