from django.apps import AppConfig


class TranslationConfig(AppConfig):
    """Installed for the admin's sake; the library itself needs no app registry."""

    name = "netizen.translation"
    verbose_name = "Translation"
