"""Machine-assisted translation: backends behind one small interface, offline glossary first.

A service that other apps call and that imports none of them. Every backend returns a
:class:`Draft`, marked as a machine draft until an editor accepts or edits it.

- :func:`glossary` / :func:`gloss_line`: Chinese words with pinyin and CC-CEDICT senses.
- :func:`translate`: a draft from the configured backends (``NETIZEN_TRANSLATION_BACKENDS``).
- :func:`backend_status`: which backends are usable, and why not, for the admin.
"""

from netizen.translation.backends import TranslationUnavailable, Translator
from netizen.translation.drafts import ACCEPTED, EDITED, MACHINE_DRAFT, Draft
from netizen.translation.glossary import GlossaryEntry, gloss_line, glossary
from netizen.translation.registry import (
    BackendStatus,
    backend_status,
    get_backend,
    get_backends,
    translate,
)

__all__ = [
    "ACCEPTED",
    "EDITED",
    "MACHINE_DRAFT",
    "BackendStatus",
    "Draft",
    "GlossaryEntry",
    "TranslationUnavailable",
    "Translator",
    "backend_status",
    "get_backend",
    "get_backends",
    "gloss_line",
    "glossary",
    "translate",
]
