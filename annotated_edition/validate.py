"""Load a whole edition: find every note and document file, check each, then what only the whole
edition can show (unique ids, corrections and versions that name real notes, highlights that do not
overlap), and return the typed model or every problem at once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .annotation import ALLOWED_IN_ROOT, check_annotation
from .document import load_documents
from .inputs import linked_inputs
from .model import Annotation, Document, Edition
from .problems import EditionError, Problem, display_path


def load_edition(annotations_dir: Path, documents_dir: Path, root: Path, today: date) -> Edition:
    """Load every document and annotation, or raise EditionError listing every problem."""
    # Nothing is read until every input is known to be a plain file.
    linked = [problem for folder in (annotations_dir, documents_dir) for problem in linked_inputs(folder, root)]
    if linked:
        raise EditionError(linked)
    documents, problems = load_documents(documents_dir, root)
    found: dict[str, list[Annotation]] = {doc_id: [] for doc_id in documents}
    for path, doc_id, file_problems in _annotation_files(annotations_dir, documents_dir, root, documents):
        problems += file_problems
        if path is None or doc_id not in documents:
            continue
        annotation, note_problems = check_annotation(path, display_path(path, root), documents[doc_id], today)
        problems += note_problems
        if annotation:
            found[doc_id].append(annotation)
    problems += _check_unique_ids(found)
    problems += _check_corrections(found, documents, documents_dir, root, today)
    problems += _check_overlaps(found, documents)
    if problems:
        raise EditionError(problems)
    ordered = {
        doc_id: tuple(sorted(notes, key=lambda n: _order(n, documents[doc_id]))) for doc_id, notes in found.items()
    }
    return Edition(documents=documents, annotations=ordered)


def _annotation_files(annotations_dir: Path, documents_dir: Path, root: Path, documents: dict[str, Document]):
    """Yield (path, document id, problems) for every file; stray files become problems.

    The notes of a document that could not be loaded are skipped: its own files' problems say why.
    """
    if not annotations_dir.is_dir():
        yield (
            None,
            None,
            [Problem(display_path(annotations_dir, root), 1, "the annotations folder does not exist: create it")],
        )
        return
    for entry in sorted(annotations_dir.iterdir()):
        display = display_path(entry, root)
        if entry.is_file():
            if entry.name not in ALLOWED_IN_ROOT:
                yield (
                    None,
                    None,
                    [Problem(display, 1, "stray file: notes go in annotations/<document-id>/<note-id>.yml")],
                )
            continue
        if entry.name not in documents and (documents_dir / entry.name / "document.yml").is_file():
            continue
        if entry.name not in documents:
            known = ", ".join(sorted(documents)) or "none"
            yield (
                None,
                None,
                [
                    Problem(
                        display,
                        1,
                        f"no document `{entry.name}` (known documents: {known}): move the notes into their document's folder",
                    )
                ],
            )
            continue
        for path in sorted(entry.rglob("*")):
            shown = display_path(path, root)
            if path.is_dir():
                continue
            if path.parent != entry:
                yield None, None, [Problem(shown, 1, f"stray file in a subfolder: notes go directly in {display}/")]
            elif path.suffix == ".yaml":
                yield None, None, [Problem(shown, 1, f"notes use the `.yml` extension: rename it to {path.stem}.yml")]
            elif path.suffix != ".yml":
                yield None, None, [Problem(shown, 1, "stray file: only `<note-id>.yml` files belong here")]
            else:
                yield path, entry.name, []


def _check_unique_ids(found: dict[str, list[Annotation]]) -> list[Problem]:
    seen: dict[str, Annotation] = {}
    problems = []
    for notes in found.values():
        for note in notes:
            if note.id in seen:
                problems.append(
                    Problem(
                        note.file,
                        1,
                        f"the id `{note.id}` is already used by {seen[note.id].file}: ids are unique, choose another file name",
                    )
                )
            else:
                seen[note.id] = note
    return problems


def _check_corrections(found, documents, documents_dir: Path, root: Path, today: date) -> list[Problem]:
    """Every correction names an existing note of its document and a date that has passed; every
    version is dated in the past and its retracted notes are gone."""
    problems = []
    for doc_id, document in documents.items():
        display = display_path(documents_dir / doc_id / "corrections.yml", root)
        ids = {note.id for note in found.get(doc_id, [])}
        for correction in document.corrections:
            if correction.note not in ids:
                problems.append(
                    Problem(
                        display,
                        correction.line,
                        f"no note `{correction.note}` in {doc_id}: give the id of the corrected note",
                    )
                )
            if correction.date > today:
                problems.append(Problem(display, correction.line, f"`date` {correction.date} is in the future"))
        versions = display_path(documents_dir / doc_id / "versions.yml", root)
        for version in document.versions:
            if version.date > today:
                problems.append(Problem(versions, version.line, f"version {version.number} is dated in the future"))
            for note_id in version.retracted:
                if note_id in ids:
                    problems.append(
                        Problem(
                            versions,
                            version.line,
                            f"`{note_id}` is listed as retracted but its note is still published: remove its file",
                        )
                    )
    return problems


def _check_overlaps(found: dict[str, list[Annotation]], documents: dict[str, Document]) -> list[Problem]:
    """Two highlights cannot share words: the reader could not tell which note is which.

    The note added later is the one reported, at its `quote` line: it is the one being written.
    """
    problems = []
    for doc_id, notes in found.items():
        document = documents[doc_id]
        earlier: dict[int, list[Annotation]] = {}  # by paragraph: each note is compared with its neighbours only
        for note in sorted(notes, key=lambda n: (n.added, n.file)):
            neighbours = earlier.setdefault(note.paragraph, [])
            for language in document.languages if note.quote else ():
                start = document.paragraphs[language][note.paragraph - 1].index(note.quote[language])
                for other in highlighted(
                    neighbours, document, note.paragraph, language, start, start + len(note.quote[language])
                ):
                    problems.append(
                        Problem(
                            note.file,
                            note.line(f"quote.{language}"),
                            f"`quote.{language}` shares words with the quote of {other.file} (note `{other.id}`): "
                            "highlight other words, or add to that note instead",
                        )
                    )
            neighbours.append(note)
    return problems


def highlighted(
    notes: list[Annotation], document: Document, paragraph: int, language: str, start: int, end: int
) -> list[Annotation]:
    """The notes whose quote shares characters with `start:end` of a paragraph in `language`."""
    text = document.paragraphs[language][paragraph - 1]
    found = []
    for note in notes:
        if note.quote and note.paragraph == paragraph and language in note.quote:
            other_start = text.find(note.quote[language])
            if other_start >= 0 and start < other_start + len(note.quote[language]) and other_start < end:
                found.append(note)
    return found


def _order(note: Annotation, document: Document) -> tuple[int, int, str]:
    text = document.paragraphs[document.original][note.paragraph - 1]
    position = text.index(note.quote[document.original]) if note.quote else len(text)
    return (note.paragraph, position, note.id)
