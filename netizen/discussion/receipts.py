"""The reader's private link to a comment's status: a signed comment id, nothing else."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

from .models import Comment

_signer = signing.Signer(salt="netizen.discussion.receipt")


def receipt_token(comment: Comment) -> str:
    return _signer.sign(str(comment.pk))


def receipt_url(comment: Comment) -> str:
    return reverse("discussion:receipt", args=[receipt_token(comment)])


def comment_for_token(token: str) -> Comment | None:
    """The comment a token was made for; None when it was tampered with or is gone."""
    try:
        pk = int(_signer.unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return Comment.objects.select_related("story").filter(pk=pk).first()
