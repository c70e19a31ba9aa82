"""The typed model of an edition: documents, their paragraphs, and validated annotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

KINDS = ("context", "fact-check", "definition", "translation")
SOURCE_TYPES = ("primary", "press", "reference", "other")
VERDICTS = ("accurate", "mostly-accurate", "misleading", "inaccurate", "unverifiable")


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str
    accessed: date
    type: str
    reason: str | None = None
    via: str | None = None
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
class Version:
    """A release of a document's edition: its number, its date and what it changed."""

    number: str
    date: date
    text: dict[str, str]
    retracted: tuple[str, ...] = ()
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
    versions: tuple[Version, ...] = ()  # oldest first

    def pair(self, language: str) -> tuple[str, ...]:
        """The reader's language and the one shown beside it: the original, or beside the
        original its first translation (none for a document in one language)."""
        others = [self.original] if language != self.original else [lang for lang in self.languages if lang != language]
        return (language, *others[:1])

    @property
    def size(self) -> int:
        return len(self.paragraphs[self.original])

    def last_change(self, note: Annotation) -> date:
        """The last day one of its notes changed: added, checked again, or corrected."""
        corrected = [correction.date for correction in self.corrections if correction.note == note.id]
        return max([note.added, note.checked, *corrected])

    @property
    def version(self) -> Version | None:
        """The latest release, which readers see and cite."""
        return self.versions[-1] if self.versions else None


@dataclass(frozen=True)
class Release:
    """What one version changed, for the changelog; `version` is None for changes not yet released."""

    number: str
    version: Version | None
    added: tuple[Annotation, ...]
    corrected: tuple[Annotation, ...]


@dataclass(frozen=True)
class Edition:
    """Every document with its annotations, ordered by paragraph then position in the text."""

    documents: dict[str, Document]
    annotations: dict[str, tuple[Annotation, ...]]

    def updated(self, document_id: str) -> date:
        """The last day a note of the document was added, checked or corrected: the edition's state."""
        document = self.documents[document_id]
        return max([document.date, *(document.last_change(note) for note in self.annotations[document_id])])

    def due_for_recheck(self, today: date) -> list[Annotation]:
        """Notes whose `recheck` date has passed: their subject was still moving when last checked."""
        return [
            note
            for notes in self.annotations.values()
            for note in notes
            if note.recheck is not None and note.recheck < today
        ]

    def releases(self, document_id: str) -> list[Release]:
        """The changelog, newest first: each version with the notes added and corrected since the one before."""
        document = self.documents[document_id]
        if not document.versions:
            return []
        notes = self.annotations[document_id]
        releases = []
        after: date | None = None
        for version in [*document.versions, None]:
            until = version.date if version else None

            def within(day: date, after=after, until=until) -> bool:
                return (after is None or day > after) and (until is None or day <= until)

            corrected = {correction.note for correction in document.corrections if within(correction.date)}
            added = tuple(note for note in notes if within(note.added))
            changed = tuple(note for note in notes if note.id in corrected and note not in added)
            if version or added or changed:
                number = version.number if version else document.versions[-1].number
                releases.append(Release(number, version, added, changed))
            after = until
        return releases[::-1]
