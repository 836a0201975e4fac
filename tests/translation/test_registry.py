"""Which backends a site uses comes from settings; the default sends nothing anywhere."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from netizen.translation import (
    TranslationUnavailable,
    Translator,
    backend_status,
    get_backend,
    get_backends,
    translate,
)
from netizen.translation.registry import configured_names


@pytest.fixture(autouse=True)
def no_translation_settings(settings):
    """Start each test from the defaults, whatever the environment configured."""
    for name in (
        "NETIZEN_TRANSLATION_BACKENDS",
        "NETIZEN_LIBRETRANSLATE_URL",
        "NETIZEN_LIBRETRANSLATE_API_KEY",
        "NETIZEN_LIBRETRANSLATE_TIMEOUT",
    ):
        if hasattr(settings, name):
            delattr(settings, name)


def test_default_is_the_offline_glossary_alone():
    assert [backend.name for backend in get_backends()] == ["glossary"]
    assert translate("难民", "zh", "en").backend == "glossary"


def test_every_backend_offers_the_common_interface(settings):
    settings.NETIZEN_TRANSLATION_BACKENDS = ["glossary", "argos", "libretranslate"]

    backends = get_backends()

    assert [backend.name for backend in backends] == ["glossary", "argos", "libretranslate"]
    assert all(isinstance(backend, Translator) for backend in backends)


def test_backends_can_be_listed_as_a_comma_separated_string(settings):
    settings.NETIZEN_TRANSLATION_BACKENDS = " libretranslate, glossary ,"

    assert configured_names() == ["libretranslate", "glossary"]


def test_an_unknown_backend_name_is_a_configuration_error(settings):
    settings.NETIZEN_TRANSLATION_BACKENDS = ["glossary", "deepl"]

    with pytest.raises(ImproperlyConfigured, match="unknown deepl; choose from glossary"):
        get_backends()


def test_status_says_why_a_listed_backend_cannot_be_used(settings):
    settings.NETIZEN_TRANSLATION_BACKENDS = ["libretranslate", "glossary"]

    status = {entry.name: entry for entry in backend_status()}

    assert not status["libretranslate"].available
    assert "NETIZEN_LIBRETRANSLATE_URL" in status["libretranslate"].reason
    assert status["glossary"].available and status["glossary"].reason == ""


def test_settings_configure_the_libretranslate_backend(settings):
    settings.NETIZEN_TRANSLATION_BACKENDS = ["libretranslate"]
    settings.NETIZEN_LIBRETRANSLATE_URL = "https://translate.example.org/"
    settings.NETIZEN_LIBRETRANSLATE_API_KEY = "k3y"
    settings.NETIZEN_LIBRETRANSLATE_TIMEOUT = "2.5"

    backend = get_backend("libretranslate")

    assert backend.available()
    assert (backend.url, backend.api_key, backend.timeout) == (
        "https://translate.example.org",
        "k3y",
        2.5,
    )


def test_translation_falls_back_to_the_next_backend_in_order(settings):
    settings.NETIZEN_TRANSLATION_BACKENDS = ["libretranslate", "glossary"]

    draft = translate("难民", "zh", "en")

    assert draft.backend == "glossary"
    assert draft.is_draft


def test_when_no_backend_can_translate_every_reason_is_given(settings):
    settings.NETIZEN_TRANSLATION_BACKENDS = ["libretranslate", "glossary"]

    with pytest.raises(TranslationUnavailable) as raised:
        translate("Bonjour", "fr", "en")

    assert "libretranslate: no server configured" in raised.value.reason
    assert "glossary: the glossary goes from Chinese to English only" in raised.value.reason


def test_a_backend_the_operator_did_not_enable_is_never_used(settings):
    settings.NETIZEN_LIBRETRANSLATE_URL = "https://translate.example.org"

    with pytest.raises(TranslationUnavailable, match="not enabled"):
        translate("难民", "zh", "en", backend="libretranslate")
