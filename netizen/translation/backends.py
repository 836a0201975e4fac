"""The one interface every translation backend offers, and the error they all raise.

A backend is anything with a ``name``, a cheap ``available()`` check with a human-readable
``unavailable_reason()``, and ``translate()`` returning a
:class:`~netizen.translation.drafts.Draft`.
``available()`` never goes over the network and never downloads anything: it answers from
configuration and from what is installed, so an admin page can call it on every render. A
backend that is available can still fail when called (a server down); it then raises
:class:`TranslationUnavailable` and the caller keeps the text it had.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from netizen.translation.drafts import Draft


class TranslationUnavailable(Exception):
    """A backend could not translate; ``reason`` says why in words an editor can act on."""

    def __init__(self, backend: str, reason: str) -> None:
        super().__init__(f"{backend}: {reason}")
        self.backend = backend
        self.reason = reason


@runtime_checkable
class Translator(Protocol):
    name: str

    def available(self) -> bool:
        """Whether this backend can be asked at all (configured, installed); no network."""
        ...

    def unavailable_reason(self) -> str:
        """Why :meth:`available` is False, or an empty string when it is True."""
        ...

    def translate(self, text: str, source: str, target: str) -> Draft:
        """A machine draft of ``text``; raises :class:`TranslationUnavailable` on failure."""
        ...


def primary_language(code: str) -> str:
    """``zh-Hant`` → ``zh``, ``en_GB`` → ``en``: the part that backends' codes agree on."""
    return code.replace("_", "-").split("-")[0].lower()
