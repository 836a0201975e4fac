"""Background work for comments, through Django's Tasks API."""

from django.tasks import task

from .models import Comment
from .screening import apply_screening


@task()
def screen_comment(comment_id: int) -> None:
    """Screen a newly submitted comment; a comment forgotten meanwhile is skipped."""
    comment = Comment.objects.filter(pk=comment_id).first()
    if comment is not None:
        apply_screening(comment)
