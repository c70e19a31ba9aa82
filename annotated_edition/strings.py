"""Every reader-facing word of the edition, in French and in English."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "language.fr": "français",
        "language.en": "anglais",
        "column.original": "Texte original",
        "column.translation": "Notre traduction",
        "column.notes": "Notes",
        "show.alt.fr": "Voir l’original français",
        "show.alt.en": "Voir la traduction anglaise",
        "paragraph": "Paragraphe",
        "paragraph.link": "Lien vers le paragraphe {n}",
        "note": "Note",
        "note.link": "Lien permanent vers la note",
        "note.back": "Retour au texte",
        "note.count.one": "1 note",
        "note.count.many": "{n} notes",
        "kind.context": "Contexte",
        "kind.fact-check": "Vérification",
        "kind.definition": "Définition",
        "kind.translation": "Traduction",
        "verdict.accurate": "Exact",
        "verdict.mostly-accurate": "Plutôt exact",
        "verdict.misleading": "Trompeur",
        "verdict.inaccurate": "Inexact",
        "verdict.unverifiable": "Invérifiable",
        "verdict.label": "Verdict",
        "sources": "Sources",
        "source.published": "publié le {date}",
        "source.accessed": "consulté le {date}",
        "source.archive": "copie archivée",
        "source.lang": "en {lang}",
        "original": "Publication originale",
        "by": "Par",
        "quote.about": "À propos de",
        "modes.label": "Affichage",
        "mode.both": "Les deux langues",
        "mode.original": "Français seul",
        "mode.translation": "Anglais seul",
        "filters.label": "Notes",
        "filter.all": "Toutes",
    },
    "en": {
        "language.fr": "French",
        "language.en": "English",
        "column.original": "Original text",
        "column.translation": "Our translation",
        "column.notes": "Notes",
        "show.alt.fr": "Show the French original",
        "show.alt.en": "Show the English",
        "paragraph": "Paragraph",
        "paragraph.link": "Link to paragraph {n}",
        "note": "Note",
        "note.link": "Permanent link to this note",
        "note.back": "Back to the text",
        "note.count.one": "1 note",
        "note.count.many": "{n} notes",
        "kind.context": "Context",
        "kind.fact-check": "Fact-check",
        "kind.definition": "Definition",
        "kind.translation": "Translation",
        "verdict.accurate": "Accurate",
        "verdict.mostly-accurate": "Mostly accurate",
        "verdict.misleading": "Misleading",
        "verdict.inaccurate": "Inaccurate",
        "verdict.unverifiable": "Unverifiable",
        "verdict.label": "Verdict",
        "sources": "Sources",
        "source.published": "published {date}",
        "source.accessed": "accessed {date}",
        "source.archive": "archived copy",
        "source.lang": "in {lang}",
        "original": "Original publication",
        "by": "By",
        "quote.about": "About",
        "modes.label": "Show",
        "mode.both": "Both languages",
        "mode.original": "French only",
        "mode.translation": "English only",
        "filters.label": "Notes",
        "filter.all": "All",
    },
}

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
}


def text(language: str, key: str, **values: object) -> str:
    """The string `key` in `language`, with `{placeholders}` filled in."""
    return STRINGS[language][key].format(**values)


def long_date(value, language: str) -> str:
    """10 février 2025 / 10 February 2025."""
    day = "1er" if language == "fr" and value.day == 1 else str(value.day)
    return f"{day} {MONTHS[language][value.month - 1]} {value.year}"
