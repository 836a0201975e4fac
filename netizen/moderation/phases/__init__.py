"""The screening phases, one module each, run in order by :mod:`netizen.moderation.pipeline`."""
