"""The validator, driven by fixture files: each invalid file and the exact messages it gets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from annotated_edition.annotation import NOTE, check_annotation
from annotated_edition.document import CORRECTIONS, DOCUMENT, QUESTIONS, VERSIONS, load_documents
from annotated_edition.problems import EditionError
from annotated_edition.validate import load_edition
from annotated_edition.yamlfile import read_yaml

from .conftest import FIXTURES, TODAY

EXPECTED = yaml.safe_load((FIXTURES / "invalid-expected.yml").read_text("utf-8"))
INVALID = sorted((FIXTURES / "invalid").glob("*.yml"))
VALID = sorted((FIXTURES / "valid").glob("*.yml"))


def test_every_invalid_file_has_expected_messages():
    assert sorted(EXPECTED) == [path.name for path in INVALID]
    assert len(INVALID) >= 30


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_file_is_refused_with_its_message(path: Path, demo):
    note, problems = check_annotation(path, path.name, demo, TODAY)
    assert note is None
    assert [f"{p.line}: {p.message}" for p in problems] == EXPECTED[path.name]
    assert all(p.file == path.name for p in problems)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_file_is_accepted(path: Path, demo):
    note, problems = check_annotation(path, path.name, demo, TODAY)
    assert problems == []
    assert note.id == path.stem


def test_valid_note_keeps_every_field(demo):
    path = FIXTURES / "valid" / "summit-dates.yml"
    note, _ = check_annotation(path, path.name, demo, TODAY)
    assert note.paragraph == 1 and note.kind == "fact-check" and note.verdict == "accurate"
    assert note.quote == {"fr": "Le sommet de Paris", "en": "The Paris summit"}
    assert note.sources[0].published.isoformat() == "2025-02-11"
    assert note.sources[0].archive == "https://example.org/archive/sommet"
    assert note.contributors == ("Ada",)


def make_tree(tmp_path: Path, files: dict[str, str]) -> Path:
    """A repository with the demo document and the given annotation files."""
    shutil.copytree(FIXTURES / "documents", tmp_path / "documents")
    for name, text in files.items():
        path = tmp_path / "annotations" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "annotations").mkdir(exist_ok=True)
    return tmp_path


def load(tmp_path: Path):
    return load_edition(tmp_path / "annotations", tmp_path / "documents", tmp_path, TODAY)


VALID_TEXT = (FIXTURES / "valid" / "summit-dates.yml").read_text("utf-8")
OTHER_TEXT = (FIXTURES / "valid" / "money-term.yml").read_text("utf-8")


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"notes.txt": "x"},
            "annotations/notes.txt:1: stray file: notes go in annotations/<document-id>/<note-id>.yml",
        ),
        ({"demo/a.yaml": VALID_TEXT}, "annotations/demo/a.yaml:1: notes use the `.yml` extension: rename it to a.yml"),
        ({"demo/a.md": "x"}, "annotations/demo/a.md:1: stray file: only `<note-id>.yml` files belong here"),
        (
            {"demo/sub/a.yml": VALID_TEXT},
            "annotations/demo/sub/a.yml:1: stray file in a subfolder: notes go directly in annotations/demo/",
        ),
        (
            {"other/a.yml": VALID_TEXT},
            "annotations/other:1: no document `other` (known documents: demo): move the notes into their document's folder",
        ),
        (
            # The note added later is blamed, at its quote, whatever the file names' order.
            {"demo/a.yml": VALID_TEXT, "demo/b.yml": VALID_TEXT.replace("added: 2026-11-28", "added: 2026-11-20")},
            "annotations/demo/a.yml:5: `quote.fr` shares words with the quote of annotations/demo/b.yml (note `b`): "
            "highlight other words, or add to that note instead",
        ),
    ],
    ids=["stray-root", "yaml-extension", "stray-in-document", "subfolder", "unknown-document", "overlapping-quotes"],
)
def test_tree_problems(tmp_path: Path, files: dict[str, str], expected: str):
    make_tree(tmp_path, files)
    with pytest.raises(EditionError) as raised:
        load(tmp_path)
    assert expected in [str(problem) for problem in raised.value.problems]


def test_every_problem_of_every_file_is_reported_at_once(tmp_path: Path):
    files = {f"demo/{path.name}": path.read_text("utf-8", errors="replace") for path in INVALID[:10]}
    make_tree(tmp_path, files)
    with pytest.raises(EditionError) as raised:
        load(tmp_path)
    reported = {problem.file for problem in raised.value.problems}
    assert reported == {f"annotations/{name}" for name in files}
    assert raised.value.report().endswith("problems found in the annotations or documents.")


def test_valid_tree_loads_in_text_order(tmp_path: Path):
    make_tree(tmp_path, {"demo/money-term.yml": OTHER_TEXT, "demo/summit-dates.yml": VALID_TEXT})
    edition = load(tmp_path)
    assert [note.id for note in edition.annotations["demo"]] == ["summit-dates", "money-term"]


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        ("9:\n  fr: [a]\n  en: [b]\n", "documents/demo/questions.yml:1: `9` is not a paragraph number from 1 to 3"),
        (
            "1:\n  fr: [a]\n",
            "documents/demo/questions.yml:1: paragraph 1 needs a list of questions for each of: fr, en",
        ),
        (
            "1:\n  fr: [a, b]\n  en: [b]\n",
            "documents/demo/questions.yml:1: paragraph 1: the languages do not have the same number of questions",
        ),
    ],
    ids=["out-of-range", "missing-language", "unequal"],
)
def test_teaching_questions_are_checked(tmp_path: Path, questions: str, expected: str):
    make_tree(tmp_path, {})
    (tmp_path / "documents" / "demo" / "questions.yml").write_text(questions, encoding="utf-8")
    with pytest.raises(EditionError) as raised:
        load(tmp_path)
    assert expected in [str(problem) for problem in raised.value.problems]


def test_corrections_must_name_an_existing_note(tmp_path: Path):
    make_tree(tmp_path, {})
    log = '- date: 2026-01-02\n  note: no-such-note\n  fr: "x"\n  en: "x"\n'
    (tmp_path / "documents" / "demo" / "corrections.yml").write_text(log, encoding="utf-8")
    with pytest.raises(EditionError) as raised:
        load(tmp_path)
    assert [str(p) for p in raised.value.problems] == [
        "documents/demo/corrections.yml:1: no note `no-such-note` in demo: give the id of the corrected note"
    ]


def test_translation_with_fewer_paragraphs_fails_the_build(tmp_path: Path):
    make_tree(tmp_path, {})
    english = tmp_path / "documents" / "demo" / "en.txt"
    english.write_text("Only one paragraph.\n\nParis, 10 February 2025\n", encoding="utf-8")
    with pytest.raises(EditionError) as raised:
        load(tmp_path)
    [problem] = raised.value.problems
    assert problem.file == "documents/demo/en.txt"
    assert problem.line == 3
    assert "has 2 paragraphs but the original (fr.txt) has 3" in problem.message


# The compiled schema (fast path) and jsonschema (explanations) must agree on every input.
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 30)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(
        ["2025-02-30", "2026-11-28", "https://example.org/a", "http://x.org", "fact-check", "context", "fr"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["fr", "en", "title", "url", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)
NOTES = st.fixed_dictionaries(
    {},
    optional={
        key: JSON_VALUES
        for key in (
            "paragraph",
            "kind",
            "quote",
            "title",
            "body",
            "verdict",
            "sources",
            "contributors",
            "added",
            "checked",
            "recheck",
            "claim",
            "extra",
        )
    },
)


def agree(data, schema=NOTE) -> None:
    assert schema.is_valid(data) == schema.full.is_valid(data), data


@settings(max_examples=400, deadline=None)
@given(NOTES)
def test_both_schema_readers_agree_on_any_data(data):
    agree(data)


VALID_DATA = read_yaml(FIXTURES / "valid" / "summit-dates.yml", "x")[0].data
PATHS = [
    ("paragraph",),
    ("kind",),
    ("quote", "fr"),
    ("title",),
    ("body", "en"),
    ("verdict",),
    ("sources", 0, "url"),
    ("sources", 0, "published"),
    ("sources", 0, "lang"),
    ("sources",),
    ("contributors", 0),
    ("added",),
    ("checked",),
    ("claim", "en"),
    ("sources", 0, "excerpt"),
]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PATHS), JSON_VALUES)
def test_both_schema_readers_agree_near_a_valid_note(path, value):
    """One field of a valid note replaced by anything: the cases where the readers could drift."""
    data = json.loads(json.dumps(VALID_DATA))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    agree(data)


@pytest.mark.parametrize("path", VALID + INVALID, ids=lambda p: p.stem)
def test_both_schema_readers_agree_on_every_fixture(path: Path):
    parsed, _ = read_yaml(path, path.name)
    if parsed is not None:
        agree(parsed.data)


# A document's own files: each broken file gets its own FILE:LINE messages, and nothing else.
DOCUMENT_FILES = sorted((FIXTURES / "invalid-document-files").glob("*.yml"))
DOCUMENT_EXPECTED = yaml.safe_load((FIXTURES / "invalid-document-files-expected.yml").read_text("utf-8"))


def document_file_problems(tmp_path: Path, path: Path) -> list[str]:
    """Load the demo tree, with one valid note, after putting `path` in place of the file it names."""
    make_tree(tmp_path, {"demo/summit-dates.yml": VALID_TEXT})
    target = path.name.split(".", 1)[1]  # date-in-words.document.yml -> document.yml
    shutil.copy(path, tmp_path / "documents" / "demo" / target)
    with pytest.raises(EditionError) as raised:
        load(tmp_path)
    return [str(problem) for problem in raised.value.problems]


def test_every_invalid_document_file_has_expected_messages():
    assert sorted(DOCUMENT_EXPECTED) == [path.name for path in DOCUMENT_FILES]


@pytest.mark.parametrize("path", DOCUMENT_FILES, ids=lambda p: p.name.removesuffix(".yml"))
def test_invalid_document_file_gets_its_own_messages_only(tmp_path: Path, path: Path):
    assert document_file_problems(tmp_path, path) == DOCUMENT_EXPECTED[path.name]


DEMO = FIXTURES / "documents" / "demo"
VALID_DOCUMENT_FILES = {
    "document.yml": read_yaml(DEMO / "document.yml", "document.yml")[0].data,
    "questions.yml": {"1": {"fr": ["Une question ?"], "en": ["A question?"]}},
    "corrections.yml": [{"date": "2026-01-15", "note": "summit-dates", "fr": "Corrigé.", "en": "Corrected."}],
    "versions.yml": [{"version": "1.0", "date": "2026-01-15", "fr": "Première.", "en": "First.", "retracted": ["x"]}],
}
DOCUMENT_PATHS = (
    [
        ("document.yml", path)
        for path in [(), ("date",), ("source",), ("source", "url"), ("languages",), ("languages", 1), ("original",)]
        + [("title",), ("title", "en"), ("roles",), ("roles", "3"), ("place",), ("extra",)]
    ]
    + [("questions.yml", path) for path in [(), ("1",), ("1", "fr"), ("1", "fr", 0), ("9",), ("x",)]]
    + [("corrections.yml", path) for path in [(), (0,), (0, "date"), (0, "note"), (0, "fr"), (1,)]]
)


def replaced(data, path, value):
    """`data` with the value at `path` replaced (or added) by `value`."""
    if not path:
        return value
    data = json.loads(json.dumps(data))
    target = data
    for key in path[:-1]:
        target = target[key]
    if isinstance(target, list) and path[-1] >= len(target):
        target.append(value)
    else:
        target[path[-1]] = value
    return data


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(DOCUMENT_PATHS), JSON_VALUES)
def test_no_value_in_a_document_file_crashes_the_loader(tmp_path_factory, case, value):
    """document.yml, questions.yml, corrections.yml: any value anywhere gives FILE:LINE messages or loads."""
    name, path = case
    data = replaced(VALID_DOCUMENT_FILES[name], path, value)
    tree = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(DEMO, tree / "demo")
    (tree / "demo" / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    documents, problems = load_documents(tree, tree)
    assert bool(problems) or "demo" in documents
    for problem in problems:
        assert problem.file == f"demo/{name}" and problem.line >= 1 and problem.message
    schema = {
        "document.yml": DOCUMENT,
        "questions.yml": QUESTIONS,
        "corrections.yml": CORRECTIONS,
        "versions.yml": VERSIONS,
    }[name]
    agree(data, schema)


@pytest.mark.parametrize("path", sorted((FIXTURES / "accepted").glob("*.yml")), ids=lambda p: p.stem)
def test_what_looks_like_markup_but_is_not_is_accepted(path: Path, demo):
    """A `<script>` in a code span, the word javascript: in prose: judged as the parser reads them."""
    note, problems = check_annotation(path, path.name, demo, TODAY)
    assert problems == [] and note is not None
