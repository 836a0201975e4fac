"""Benchmark scenarios behind `netizen bench ...`; each prints one JSON document."""
