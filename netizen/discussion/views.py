"""Readers' side of the conversation: sending a comment and checking its receipt."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from netizen.stories.models import StoryPage

from .clients import client_address, client_key
from .forms import CommentForm
from .receipts import comment_for_token, receipt_url
from .submission import TooManyComments, reply_parent, submit


def as_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 19 else None


def form_page(
    request: HttpRequest, story: StoryPage, form: CommentForm, status: int, problem: str = ""
) -> TemplateResponse:
    """The form again, with the reader's text kept and what went wrong said plainly."""
    context = {
        "story": story,
        "form": form,
        "problem": problem,
        "replying_to": reply_parent(story, as_id(form.data.get("parent"))),
    }
    return TemplateResponse(request, "discussion/comment_form_page.html", context, status=status)


@require_POST
def post_comment(request: HttpRequest, story_id: int) -> HttpResponse:
    story = get_object_or_404(StoryPage.objects.live().public(), pk=story_id)
    form = CommentForm(request.POST)
    if not story.comments_open:
        return form_page(request, story, form, 403, "Comments on this story are closed.")
    if not form.is_valid():
        return form_page(request, story, form, 400)
    data = form.cleaned_data
    try:
        submission = submit(
            story,
            name=data["name"],
            email=data["email"],
            body=data["body"],
            client=client_key(client_address(request)),
            parent_id=data["parent"],
        )
    except TooManyComments:
        problem = (
            "You have sent many comments in the last hour. "
            "Please wait a while, then send this one again."
        )
        return form_page(request, story, form, 429, problem)
    state = "new" if submission.created else "duplicate"
    return HttpResponseRedirect(f"{receipt_url(submission.comment)}?{state}", status=303)


def receipt(request: HttpRequest, token: str) -> TemplateResponse:
    comment = comment_for_token(token)
    if comment is None:
        raise Http404("No comment has this receipt.")
    context = {
        "comment": comment,
        "story": comment.story,
        "just_sent": "new" in request.GET,
        "duplicate": "duplicate" in request.GET,
    }
    return TemplateResponse(request, "discussion/receipt.html", context)
