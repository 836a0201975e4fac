from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "netizen.discussion"
    verbose_name = "Conversation"

    def ready(self) -> None:
        from . import checks  # noqa: F401 - registers the settings checks
