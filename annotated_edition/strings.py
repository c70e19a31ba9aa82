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
        "kind.context": "Contexte",
        "kind.fact-check": "Vérification",
        "kind.definition": "Définition",
        "kind.translation": "Traduction",
        "verdict.accurate": "Exact",
        "verdict.mostly-accurate": "Plutôt exact",
        "verdict.misleading": "Trompeur",
        "verdict.inaccurate": "Inexact",
        "verdict.unverifiable": "Invérifiable",
        "verdict.label": "Verdict : ",
        "sources": "Sources",
        "source.published": "publié le {date}",
        "source.accessed": "consulté le {date}",
        "source.archive": "copie archivée",
        "source.lang": "en {lang}",
        "original": "Publication originale",
        "modes.label": "Affichage",
        "mode.both": "Les deux langues",
        "mode.original": "Français seul",
        "mode.translation": "Anglais seul",
        "filters.label": "Notes",
        "correction": "Correction",
        "corrections.none": "Aucune correction à ce jour.",
        "quote.open": "« ",
        "quote.close": " »",
        "guide.vocabulary": "Vocabulaire",
        "guide.vocabulary.intro": "Les termes définis dans les notes de l’édition, avec le paragraphe où ils apparaissent.",
        "guide.questions": "Questions de discussion, paragraphe par paragraphe",
        "guide.read": "Lire le paragraphe",
        "cite.page": "Citer cette page",
        "cite.paragraph": "Citer ce paragraphe",
        "cite.note": "Citer cette note",
        "cite.intext": "Dans le texte",
        "copy.link": "Copier le lien",
        "copy.citation": "Copier",
        "copied.link": "Lien copié dans le presse-papiers",
        "copied.citation": "Citation copiée dans le presse-papiers",
        "accessed.placeholder": "[date de consultation]",
        "print": "Imprimer",
        "cite.ed": "éd. annotée",
        "cite.note.kind": "Note ({kind}) sur le paragraphe {n}",
        "cite.in": "Dans",
        "cite.para": "par.",
        "cite.accessed": "Consulté le",
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
        "kind.context": "Context",
        "kind.fact-check": "Fact-check",
        "kind.definition": "Definition",
        "kind.translation": "Translation",
        "verdict.accurate": "Accurate",
        "verdict.mostly-accurate": "Mostly accurate",
        "verdict.misleading": "Misleading",
        "verdict.inaccurate": "Inaccurate",
        "verdict.unverifiable": "Unverifiable",
        "verdict.label": "Verdict: ",
        "sources": "Sources",
        "source.published": "published {date}",
        "source.accessed": "accessed {date}",
        "source.archive": "archived copy",
        "source.lang": "in {lang}",
        "original": "Original publication",
        "modes.label": "Show",
        "mode.both": "Both languages",
        "mode.original": "French only",
        "mode.translation": "English only",
        "filters.label": "Notes",
        "correction": "Correction",
        "corrections.none": "No corrections so far.",
        "quote.open": "“",
        "quote.close": "”",
        "guide.vocabulary": "Vocabulary",
        "guide.vocabulary.intro": "The terms defined in the edition's notes, with the paragraph where they appear.",
        "guide.questions": "Discussion questions, paragraph by paragraph",
        "guide.read": "Read the paragraph",
        "cite.page": "Cite this page",
        "cite.paragraph": "Cite this paragraph",
        "cite.note": "Cite this note",
        "cite.intext": "In the text",
        "copy.link": "Copy link",
        "copy.citation": "Copy",
        "copied.link": "Link copied to the clipboard",
        "copied.citation": "Citation copied to the clipboard",
        "accessed.placeholder": "[date accessed]",
        "print": "Print",
        "cite.ed": "annotated ed.",
        "cite.note.kind": "{kind} note on paragraph {n}",
        "cite.in": "In",
        "cite.para": "para.",
        "cite.accessed": "Accessed",
    },
}

MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


# MLA abbreviates months (MLA Handbook, 9th ed.); French typographic abbreviations.
SHORT_MONTHS = {
    "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.", "déc."],
    "en": ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."],
}


def text(language: str, key: str, **values: object) -> str:
    """The string `key` in `language`, with `{placeholders}` filled in."""
    return STRINGS[language][key].format(**values)


def long_date(value, language: str) -> str:
    """10 février 2025 / 10 February 2025."""
    day = "1er" if language == "fr" and value.day == 1 else str(value.day)
    return f"{day} {MONTHS[language][value.month - 1]} {value.year}"


def short_date(value, language: str) -> str:
    """10 févr. 2025 / 10 Feb. 2025 (MLA)."""
    return f"{value.day} {SHORT_MONTHS[language][value.month - 1]} {value.year}"


def us_date(value, language: str) -> str:
    """February 10, 2025 (Chicago, APA in English); 10 février 2025 in French."""
    if language == "en":
        return f"{MONTHS['en'][value.month - 1]} {value.day}, {value.year}"
    return long_date(value, language)
