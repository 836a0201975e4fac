from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "netizen.sources"
    verbose_name = "Sources"
