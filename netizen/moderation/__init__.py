"""Comment screening: a pure library with one entry point, :func:`screen`.

It knows nothing of HTTP or of the comments' tables. What it needs to know about earlier
comments comes in through :class:`~netizen.moderation.context.ScreeningContext`.
"""

from netizen.moderation.context import History, ScreeningContext, SeenComment
from netizen.moderation.pipeline import screen
from netizen.moderation.verdict import LABELS, Action, Flag, Verdict

__all__ = [
    "LABELS",
    "Action",
    "Flag",
    "History",
    "ScreeningContext",
    "SeenComment",
    "Verdict",
    "screen",
]
