"""Helpers for comment tests: a reader posting through the real form view."""

import pytest
from django.urls import reverse

from netizen.discussion.models import Comment


@pytest.fixture
def post(client, demo_story):
    """POST the comment form for the demo story, as a reader at ``address``."""

    def send(
        body: str,
        name: str = "Reader",
        email: str = "",
        address: str = "203.0.113.7",
        meta: dict | None = None,
        **fields: str,
    ):
        data = {"name": name, "email": email, "body": body, **fields}
        url = reverse("discussion:post", args=[demo_story.pk])
        return client.post(url, data, REMOTE_ADDR=address, **(meta or {}))

    return send


@pytest.fixture
def newest():
    return lambda: Comment.objects.order_by("-pk").first()
