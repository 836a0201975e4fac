from django import template
from django.http import HttpRequest

from netizen.stories.models import StoryPage

from ..forms import CommentForm
from ..models import Comment
from ..rendering import comment_html, threads

register = template.Library()
register.filter("comment_html", comment_html)


def reply_target(request: HttpRequest, comments: list[Comment]) -> Comment | None:
    """The comment named by ``?reply_to=``, if it is shown on this page."""
    wanted = request.GET.get("reply_to", "")
    return next((c for c in comments if str(c.pk) == wanted), None)


@register.inclusion_tag("discussion/conversation.html", takes_context=True)
def conversation(context: template.Context, story: StoryPage) -> dict:
    """The comments under a story, and the form to join them."""
    request = context["request"]
    comments = list(story.comments.approved().order_by("created_at", "pk"))
    replying_to = reply_target(request, comments)
    form = CommentForm(initial={"parent": replying_to.pk if replying_to else None})
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "story": story,
        "threads": threads(comments),
        "count": len(comments),
        "form": form,
        "replying_to": replying_to,
    }
