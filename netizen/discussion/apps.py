from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "netizen.discussion"
    verbose_name = "Conversation"
