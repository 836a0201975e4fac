from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "netizen.bench"
    label = "bench"
    verbose_name = "Benchmarks"
