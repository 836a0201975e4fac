"""Which backends this site uses, in the order an operator chose, read from settings.

``NETIZEN_TRANSLATION_BACKENDS`` lists backend names in order of preference; the default is
the offline glossary alone, so out of the box no text leaves the machine. :func:`translate`
asks each listed backend in turn and returns the first draft, so ``["libretranslate",
"glossary"]`` means "the server if it answers, else the word-by-word line".

Settings (all optional, read with ``getattr`` so tests can change them):

- ``NETIZEN_TRANSLATION_BACKENDS``: list or comma-separated string, default ``["glossary"]``;
  names are ``glossary``, ``argos``, ``libretranslate``.
- ``NETIZEN_LIBRETRANSLATE_URL``: the server's base address, default ``""`` (none).
- ``NETIZEN_LIBRETRANSLATE_API_KEY``: default ``""``.
- ``NETIZEN_LIBRETRANSLATE_TIMEOUT``: seconds, default ``10``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from netizen.translation.argos import ArgosTranslator
from netizen.translation.backends import TranslationUnavailable, Translator
from netizen.translation.drafts import Draft
from netizen.translation.glossary import GlossaryTranslator
from netizen.translation.libretranslate import DEFAULT_TIMEOUT, LibreTranslateTranslator

DEFAULT_BACKENDS = ("glossary",)


@dataclass(frozen=True)
class BackendStatus:
    """A configured backend as an admin page shows it: usable or not, and why not."""

    name: str
    available: bool
    reason: str


def _libretranslate() -> LibreTranslateTranslator:
    return LibreTranslateTranslator(
        url=getattr(settings, "NETIZEN_LIBRETRANSLATE_URL", "") or "",
        api_key=getattr(settings, "NETIZEN_LIBRETRANSLATE_API_KEY", "") or "",
        timeout=float(getattr(settings, "NETIZEN_LIBRETRANSLATE_TIMEOUT", DEFAULT_TIMEOUT)),
    )


FACTORIES: dict[str, Callable[[], Translator]] = {
    "glossary": GlossaryTranslator,
    "argos": ArgosTranslator,
    "libretranslate": _libretranslate,
}


def configured_names() -> list[str]:
    """The backend names from settings, in order, checked against the known ones."""
    value = getattr(settings, "NETIZEN_TRANSLATION_BACKENDS", DEFAULT_BACKENDS)
    names = [n.strip() for n in value.split(",")] if isinstance(value, str) else list(value)
    names = [name for name in names if name]
    if unknown := [name for name in names if name not in FACTORIES]:
        raise ImproperlyConfigured(
            f"NETIZEN_TRANSLATION_BACKENDS: unknown {', '.join(unknown)}; "
            f"choose from {', '.join(FACTORIES)}"
        )
    return names


def get_backends() -> list[Translator]:
    """The configured backends, in order, whether or not each is available now."""
    return [FACTORIES[name]() for name in configured_names()]


def get_backend(name: str) -> Translator:
    """One configured backend by name; a backend the operator did not list is refused."""
    if name not in configured_names():
        raise TranslationUnavailable(name, "not enabled in NETIZEN_TRANSLATION_BACKENDS")
    return FACTORIES[name]()


def backend_status() -> list[BackendStatus]:
    """Each configured backend with whether it can be used and, if not, why."""
    return [
        BackendStatus(backend.name, backend.available(), backend.unavailable_reason())
        for backend in get_backends()
    ]


def translate(text: str, source: str, target: str, backend: str | None = None) -> Draft:
    """A machine draft from the named backend, or from the first configured one that works.

    Raises :class:`TranslationUnavailable` naming every backend's reason when none could.
    """
    candidates = [get_backend(backend)] if backend else get_backends()
    reasons = []
    for candidate in candidates:
        if not candidate.available():
            reasons.append(f"{candidate.name}: {candidate.unavailable_reason()}")
            continue
        try:
            return candidate.translate(text, source, target)
        except TranslationUnavailable as error:
            reasons.append(str(error))
    raise TranslationUnavailable(backend or "translation", "; ".join(reasons) or "no backend")
