"""The typed model of an edition: documents, their paragraphs, and validated annotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

KINDS = ("context", "fact-check", "definition", "translation")
VERDICTS = ("accurate", "mostly-accurate", "misleading", "inaccurate", "unverifiable")


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str
    accessed: date
    published: date | None = None
    excerpt: str | None = None
    archive: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Annotation:
    id: str
    document: str
    paragraph: int
    kind: str
    title: dict[str, str]
    body: dict[str, str]
    added: date
    checked: date
    file: str
    quote: dict[str, str] | None = None
    verdict: str | None = None
    claim: dict[str, str] | None = None
    recheck: date | None = None
    sources: tuple[Source, ...] = ()
    contributors: tuple[str, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # key (`quote.fr`) -> line in `file`

    def line(self, key: str) -> int:
        """The line of `key` in the note's file, for messages that point at it."""
        return self.lines.get(key, self.lines.get(key.split(".")[0], 1))


@dataclass(frozen=True)
class Correction:
    """An entry of a document's corrections log: what changed in which note, and when."""

    date: date
    note: str
    text: dict[str, str]
    line: int = 1


@dataclass(frozen=True)
class Document:
    """A text in its original language and its translations, split into paragraphs."""

    id: str
    original: str
    languages: tuple[str, ...]
    paragraphs: dict[str, tuple[str, ...]]
    title: dict[str, str]
    author: dict[str, str]
    date: date
    place: str
    source_url: str
    source_publisher: str
    translation_note: dict[str, str]
    roles: dict[int, str] = field(default_factory=dict)
    corrections: tuple[Correction, ...] = ()
    questions: dict[int, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.paragraphs[self.original])


@dataclass(frozen=True)
class Edition:
    """Every document with its annotations, ordered by paragraph then position in the text."""

    documents: dict[str, Document]
    annotations: dict[str, tuple[Annotation, ...]]

    def updated(self, document_id: str) -> date:
        """The last day a note of the document was added, checked or corrected: the edition's state."""
        document = self.documents[document_id]
        days = [document.date]
        days += [day for note in self.annotations[document_id] for day in (note.added, note.checked)]
        days += [correction.date for correction in document.corrections]
        return max(days)

    def due_for_recheck(self, today: date) -> list[Annotation]:
        """Notes whose `recheck` date has passed: their subject was still moving when last checked."""
        return [
            note
            for notes in self.annotations.values()
            for note in notes
            if note.recheck is not None and note.recheck < today
        ]
