"""Argos Translate, when it and the language pair's model are installed on this machine.

Argos can fetch models from the internet and can forward text to a remote service
(``ARGOS_MODEL_PROVIDER``); Netizen lets it do neither. This backend only looks at the
packages already installed, never updates the package index or installs anything, and
declines to run when Argos is set to send text elsewhere.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from netizen.translation.backends import TranslationUnavailable, primary_language
from netizen.translation.drafts import Draft

# The pair `available()` answers for: the newsroom's usual Chinese to English. Other pairs
# are checked when a translation asks for them.
DEFAULT_PAIR = ("zh", "en")


class ArgosTranslator:
    """Offline neural translation with a locally installed Argos language package."""

    name = "argos"

    def __init__(self, source: str = DEFAULT_PAIR[0], target: str = DEFAULT_PAIR[1]) -> None:
        self.pair = (primary_language(source), primary_language(target))

    def available(self) -> bool:
        return not self.unavailable_reason()

    def unavailable_reason(self) -> str:
        return self._reason_for(*self.pair)

    def translate(self, text: str, source: str, target: str) -> Draft:
        pair = (primary_language(source), primary_language(target))
        if reason := self._reason_for(*pair):
            raise TranslationUnavailable(self.name, reason)
        installed = _installed_package(*pair)
        try:
            translated = _argos_translate().translate(text, *pair)
        except Exception as error:  # a model that fails to load must not lose the text
            raise TranslationUnavailable(self.name, f"Argos failed: {error}") from error
        package_version = getattr(installed, "package_version", "") or "?"
        made_by = f"argostranslate {_argos_version()}, model {pair[0]}→{pair[1]} {package_version}"
        return Draft(translated, text, source, target, self.name, made_by)

    def _reason_for(self, source: str, target: str) -> str:
        if importlib.util.find_spec("argostranslate") is None:
            return "the argostranslate package is not installed"
        provider = os.environ.get("ARGOS_MODEL_PROVIDER", "OPENNMT")
        if provider != "OPENNMT":
            return f"ARGOS_MODEL_PROVIDER={provider} would send text off this machine"
        if _installed_package(source, target) is None:
            return f"no Argos language package {source}→{target} is installed on this machine"
        return ""


def _installed_package(source: str, target: str) -> Any | None:
    """The installed Argos package for the pair; reads the local package folder only."""
    package = importlib.import_module("argostranslate.package")
    for installed in package.get_installed_packages():
        if (installed.from_code, installed.to_code) == (source, target):
            return installed
    return None


def _argos_translate() -> Any:
    return importlib.import_module("argostranslate.translate")


def _argos_version() -> str:
    try:
        return version("argostranslate")
    except PackageNotFoundError:
        return "?"
