from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "netizen.stories"
    label = "stories"
