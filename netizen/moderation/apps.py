from django.apps import AppConfig


class ModerationConfig(AppConfig):
    """Installed only for its management commands; the library itself needs no app registry."""

    name = "netizen.moderation"
    verbose_name = "Screening"
