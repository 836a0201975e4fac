"""Argos Translate is used only when it and the language model are installed locally."""

import importlib.machinery
import sys
import types
from types import SimpleNamespace

import pytest

from netizen.translation import TranslationUnavailable
from netizen.translation.argos import ArgosTranslator


@pytest.fixture
def argos_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "argostranslate", None)  # import finds nothing


@pytest.fixture
def argos(monkeypatch):
    """A stand-in for an installed argostranslate with a zh→en package and nothing else."""
    monkeypatch.delenv("ARGOS_MODEL_PROVIDER", raising=False)
    root = types.ModuleType("argostranslate")
    root.__spec__ = importlib.machinery.ModuleSpec("argostranslate", None)
    package = types.ModuleType("argostranslate.package")
    installed = [SimpleNamespace(from_code="zh", to_code="en", package_version="1.9")]
    package.get_installed_packages = lambda: installed
    package.update_package_index = lambda: pytest.fail("must never fetch the package index")
    translate = types.ModuleType("argostranslate.translate")
    translate.calls = []
    translate.translate = lambda text, source, target: (
        translate.calls.append((text, source, target)) or "Refugees at the border"
    )
    for module in (root, package, translate):
        monkeypatch.setitem(sys.modules, module.__name__, module)
    return translate


def test_not_installed_means_unavailable_with_a_reason(argos_missing):
    backend = ArgosTranslator()

    assert not backend.available()
    assert backend.unavailable_reason() == "the argostranslate package is not installed"
    with pytest.raises(TranslationUnavailable, match="argostranslate package is not installed"):
        backend.translate("难民", "zh", "en")


def test_installed_model_translates_to_a_machine_draft(argos):
    draft = ArgosTranslator().translate("难民在边境", "zh-Hans", "en")

    assert draft.text == "Refugees at the border"
    assert draft.is_draft
    assert (draft.source, draft.target, draft.backend) == ("zh-Hans", "en", "argos")
    assert "model zh→en 1.9" in draft.backend_version
    assert argos.calls == [("难民在边境", "zh", "en")]


def test_language_pair_without_an_installed_model_is_unavailable(argos):
    backend = ArgosTranslator("ja", "en")

    assert not backend.available()
    assert "no Argos language package ja→en is installed" in backend.unavailable_reason()
    with pytest.raises(TranslationUnavailable, match="ja→en"):
        ArgosTranslator().translate("こんにちは", "ja", "en")


def test_argos_set_to_forward_text_elsewhere_is_refused(argos, monkeypatch):
    monkeypatch.setenv("ARGOS_MODEL_PROVIDER", "LIBRETRANSLATE")

    assert "would send text off this machine" in ArgosTranslator().unavailable_reason()
    with pytest.raises(TranslationUnavailable):
        ArgosTranslator().translate("难民", "zh", "en")
    assert argos.calls == []


def test_a_model_that_fails_keeps_the_text_and_says_why(argos, monkeypatch):
    def broken(text, source, target):
        raise RuntimeError("model file is damaged")

    monkeypatch.setattr(argos, "translate", broken)

    with pytest.raises(TranslationUnavailable, match="Argos failed: model file is damaged"):
        ArgosTranslator().translate("难民", "zh", "en")
