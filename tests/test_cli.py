"""The contributor's commands: `edition check` and `edition new`."""

from __future__ import annotations

import shutil

import pytest

from annotated_edition.cli import main

from .conftest import FIXTURES


def setup_repo(tmp_path, monkeypatch, notes=()):
    shutil.copytree(FIXTURES / "documents", tmp_path / "docs" / "documents")
    (tmp_path / "annotations" / "demo").mkdir(parents=True)
    for name in notes:
        shutil.copy(name, tmp_path / "annotations" / "demo" / name.name)
    monkeypatch.chdir(tmp_path)


def test_check_passes_on_valid_notes(tmp_path, monkeypatch, capsys):
    setup_repo(tmp_path, monkeypatch, sorted((FIXTURES / "valid").glob("*.yml")))
    assert main(["check"]) == 0
    assert "OK: 2 notes on 1 document(s)" in capsys.readouterr().out


def test_check_fails_with_file_and_line(tmp_path, monkeypatch, capsys):
    setup_repo(tmp_path, monkeypatch, [FIXTURES / "invalid" / "url-http.yml"])
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "annotations/demo/url-http.yml:13: `url` of source 1 must use https://" in err
    assert "Traceback" not in err


def test_new_scaffolds_a_note_the_checker_then_guides(tmp_path, monkeypatch, capsys):
    setup_repo(tmp_path, monkeypatch)
    assert main(["new", "summit-place", "-p", "1", "-q", "Le sommet de Paris", "-k", "fact-check"]) == 0
    created = tmp_path / "annotations" / "demo" / "summit-place.yml"
    text = created.read_text("utf-8")
    for key in ("paragraph: 1", "kind: fact-check", 'fr: "Le sommet de Paris"', "verdict:", "sources:", "added:"):
        assert key in text
    for key in ("claim:", "excerpt:", "checked:"):  # format 2
        assert key in text
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "annotations/demo/summit-place.yml:9: `title.fr` is empty: write the text" in err


@pytest.mark.parametrize("kind", ["context", "fact-check", "definition", "translation"])
def test_new_without_a_quote_writes_a_paragraph_note(tmp_path, monkeypatch, capsys, kind):
    setup_repo(tmp_path, monkeypatch)
    assert main(["new", "whole-paragraph", "-p", "2", "-k", kind]) == 0
    text = (tmp_path / "annotations" / "demo" / "whole-paragraph.yml").read_text("utf-8")
    assert "quote:" not in text and f"kind: {kind}" in text
    assert main(["check"]) == 1  # the empty texts are still to be written, and the checker says where
    assert "Traceback" not in capsys.readouterr().err


def test_new_refuses_an_id_that_is_one_of_the_pages_anchors(tmp_path, monkeypatch, capsys):
    setup_repo(tmp_path, monkeypatch)
    assert main(["new", "q-summit-dates-fr", "-p", "1"]) == 2
    assert "one of the page's own anchors" in capsys.readouterr().err


def test_new_refuses_bad_input(tmp_path, monkeypatch, capsys):
    setup_repo(tmp_path, monkeypatch)
    assert main(["new", "Bad_Id", "-p", "9"]) == 2
    err = capsys.readouterr().err
    assert "cannot be an id" in err and "paragraph 9 is outside the document" in err
    assert main(["new", "ok-id", "-p", "1", "-q", "absent words"]) == 2
    assert not (tmp_path / "annotations" / "demo" / "ok-id.yml").exists()


def test_check_warns_about_notes_due_for_rechecking_without_failing(tmp_path, monkeypatch, capsys):
    setup_repo(tmp_path, monkeypatch, sorted((FIXTURES / "valid").glob("*.yml")))
    note = tmp_path / "annotations" / "demo" / "money-term.yml"
    assert main(["check"]) == 0
    assert "due for re-checking" not in capsys.readouterr().err
    text = note.read_text("utf-8").replace("checked: 2026-11-28", "checked: 2025-01-01")
    text = text.replace("added: 2026-11-28", "added: 2025-01-01")
    note.write_text(text + "recheck: 2025-06-01\n", encoding="utf-8")
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert "1 note(s) due for re-checking" in err
    line = note.read_text("utf-8").splitlines().index("recheck: 2025-06-01") + 1
    assert f"annotations/demo/money-term.yml:{line}: `recheck` 2025-06-01 has passed (last checked 2025-01-01)" in err


def fill_scaffold_titles_and_source(text: str) -> str:
    """What a hurried contributor does: titles, claim, quote and source filled, body and verdict untouched."""
    text = text.replace('en: ""', 'en: "The Paris summit"', 1)  # the quote's translation
    text = text.replace('fr: ""', 'fr: "Un titre"', 1).replace('en: ""', 'en: "A title"', 1)
    text = text.replace('title: ""', 'title: "Une page"').replace('publisher: ""', 'publisher: "Example"')
    text = text.replace('url: "https://"', 'url: "https://example.org/page"')
    text = text.replace('excerpt: ""', 'excerpt: "Le sommet s’est tenu à Paris les 10 et 11 février."')
    return text.replace('fr: ""', 'fr: "Une affirmation."').replace('en: ""', 'en: "A claim."')


def test_an_untouched_scaffold_is_refused(tmp_path, monkeypatch, capsys):
    setup_repo(tmp_path, monkeypatch)
    assert main(["new", "summit-place", "-p", "1", "-q", "Le sommet de Paris", "-k", "fact-check"]) == 0
    created = tmp_path / "annotations" / "demo" / "summit-place.yml"
    created.write_text(fill_scaffold_titles_and_source(created.read_text("utf-8")), encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    lines = created.read_text("utf-8").splitlines()
    body_fr = lines.index("    Écrivez la note ici, en Markdown.")  # 0-based index of the line after `fr: |`
    assert f"summit-place.yml:{body_fr}: `body.fr` is still the example text of `edition new`: write the note" in err
    assert "`body.en` is still the example text" in err
    verdict = next(n for n, line in enumerate(lines, 1) if line.startswith("verdict:"))
    assert f"summit-place.yml:{verdict}: `verdict` has not been chosen: write one of accurate," in err
    assert len(err.strip().splitlines()) == 4  # the three problems and the count: nothing else


def test_new_names_the_note_that_already_highlights_the_words(tmp_path, monkeypatch, capsys):
    setup_repo(tmp_path, monkeypatch, [FIXTURES / "valid" / "summit-dates.yml"])
    assert main(["new", "paris", "-p", "1", "-q", "sommet de Paris s"]) == 0
    err = capsys.readouterr().err
    assert "already highlighted by annotations/demo/summit-dates.yml (“Le sommet de Paris”)" in err
    assert main(["new", "p2", "-p", "1"]) == 2
    assert "`p2` is reserved for the link to paragraph 2" in capsys.readouterr().err


def test_commands_use_the_folders_mkdocs_yml_gives_the_plugin(tmp_path, monkeypatch, capsys):
    shutil.copytree(FIXTURES / "documents", tmp_path / "texts")
    (tmp_path / "notes" / "demo").mkdir(parents=True)
    shutil.copy(FIXTURES / "valid" / "summit-dates.yml", tmp_path / "notes" / "demo")
    (tmp_path / "mkdocs.yml").write_text(
        'site_name: x\nsite_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n'
        "plugins:\n  - i18n\n  - edition:\n      annotations: notes\n      documents: texts\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert "OK: 1 notes on 1 document(s)" in capsys.readouterr().out
