"""Authors write and submit stories; only editors publish them."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from netizen.stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def story_form(title: str, action: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "a-new-story",
            "language": "en",
            "standfirst": "Posts about the floods.",
            "body": streamfield([("paragraph", rich_text("<p>Users shared photos.</p>"))]),
            "comments": inline_formset([]),
            action: "yes",
        }
    )


def log_in(client, username: str) -> User:
    user = User.objects.get(username=username)
    client.force_login(user)
    return user


def test_groups_and_workflow_exist_after_migrate():
    assert {"Authors", "Editors", "Moderators"} <= set(Group.objects.values_list("name", flat=True))
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow == Workflow.objects.get(name="Editorial review")
    assert [task.specific.groups.get().name for task in workflow.tasks] == ["Editors"]


def test_author_cannot_publish_but_can_submit_and_editor_publishes(client, demo):
    index = StoryIndexPage.objects.get()
    add_url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))

    log_in(client, "author")
    refused = client.post(add_url, story_form("Floods in the south", "action-publish"))
    story = StoryPage.objects.get(slug="a-new-story")
    assert refused.status_code == 302
    assert not story.live, "an author's publish request must not publish"

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        story_form("Floods in the south", "action-submit"),
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live
    state = story.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert client.get("/stories/a-new-story/").status_code == 404

    editor = log_in(client, "editor")
    task_state = state.current_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(story.pk, "approve", task_state.pk),
        ),
        {"comment": "Good to go"},
    )
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    published = PageLogEntry.objects.get(page=story, action="wagtail.publish")
    assert published.user == editor
    client.logout()
    public = client.get("/stories/a-new-story/")
    assert public.status_code == 200
    assert "Floods in the south" in public.text


def test_author_edit_page_offers_submission_not_publishing(client, demo):
    log_in(client, "author")
    story = StoryPage.objects.get(slug="readers-archive-deleted-posts")
    html = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).text
    assert "Submit to Editorial review" in html
    assert 'name="action-publish"' not in html
