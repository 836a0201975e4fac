"""Netizen: a newsroom platform for citizen media."""
