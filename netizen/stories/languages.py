"""Language tags: checking BCP-47 tags, naming them, and marking links to foreign pages.

Readers of a citizen-media story follow links into other languages; a ``[zh]`` after a link
tells them before they click. Screen readers need the ``lang`` attribute on quoted text to
pronounce it.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.html import escape

# language-script-region-variants, as RFC 5646 writes them; enough to catch typing mistakes
# ("zh_CN", "chinese") without rejecting any real tag.
BCP47_TAG = re.compile(
    r"^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$"
)

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "bn": "Bengali",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fr": "French",
    "hi": "Hindi",
    "id": "Indonesian",
    "ja": "Japanese",
    "ko": "Korean",
    "pt": "Portuguese",
    "ru": "Russian",
    "sw": "Swahili",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "und": "Undetermined",  # ISO 639's code for text whose language is not known
}

# Names by language and script, for readers who need to know which characters to expect (the
# moderation queue). Keyed by lower-case language-script.
SCRIPT_NAMES = {
    "zh-hans": "Chinese (Simplified)",
    "zh-hant": "Chinese (Traditional)",
}


def validate_language_tag(value: str) -> None:
    """Reject values that are not BCP-47 language tags, with an example of one that is."""
    if not BCP47_TAG.match(value or ""):
        raise ValidationError(
            "%(value)s is not a BCP-47 language tag. Use forms like zh, zh-Hans, zh-Hant-TW, ko.",
            params={"value": value},
        )


def primary_subtag(tag: str) -> str:
    """The language part of a tag: ``zh`` for ``zh-Hant-TW``."""
    return tag.split("-", 1)[0].lower()


def language_name(tag: str, *, script: bool = False) -> str:
    """An English name for a tag's language (``zh-Hant-TW``: Chinese), falling back to the tag
    itself. With ``script``, tags whose script matters are named with it (``zh-Hant-TW``:
    Chinese (Traditional)); stories' labels and link markers name the language alone."""
    if script and (name := SCRIPT_NAMES.get("-".join(tag.lower().split("-")[:2]))):
        return name
    return LANGUAGE_NAMES.get(primary_subtag(tag), tag)


def same_language(a: str, b: str) -> bool:
    return primary_subtag(a) == primary_subtag(b)


LINK_WITH_LANGUAGE = re.compile(
    r'(<a\b[^>]*?\bhreflang="(?P<lang>[^"]+)"[^>]*>.*?</a>)', re.IGNORECASE | re.DOTALL
)


def mark_link_languages(html: str, page_language: str) -> str:
    """Put a ``[zh]`` marker after every link whose ``hreflang`` differs from the page's."""

    def marker(match: re.Match) -> str:
        lang = match.group("lang")
        if same_language(lang, page_language):
            return match.group(1)
        code = escape(primary_subtag(lang))
        name = escape(language_name(lang))
        return (
            f'{match.group(1)} <span class="lang-marker" title="Link in {name}">'
            f'<span aria-hidden="true">[{code}]</span>'
            f'<span class="visually-hidden">(in {name})</span></span>'
        )

    return LINK_WITH_LANGUAGE.sub(marker, html)
