"""The live word list: operators' ScreeningTerm rows, compiled once per change."""

from __future__ import annotations

from django.db.models import Count, Max

from netizen.moderation.lexicon import Lexicon, Term

from .models import ScreeningTerm

_compiled: dict[tuple, Lexicon] = {}


def current_lexicon() -> Lexicon:
    """The enabled terms as a Lexicon, recompiled only when the table has changed."""
    state = ScreeningTerm.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    key = (state["count"], state["latest"])
    if key not in _compiled:
        rows = ScreeningTerm.objects.filter(enabled=True).values_list("term", "label", "severity")
        _compiled.clear()
        _compiled[key] = Lexicon.from_terms(Term(*row) for row in rows)
    return _compiled[key]
