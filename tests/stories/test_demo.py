"""`netizen demo` builds the reference newsroom and can run again without duplicating it."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Site

from netizen.stories.models import HomePage, SpecialCoveragePage, StoryPage

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "images": Image.objects.count(),
        "users": User.objects.count(),
    }


def test_demo_is_idempotent(demo, capsys):
    before = counts()
    call_command("demo")
    assert counts() == before
    out = capsys.readouterr().out
    assert re.search(r"editor\s+password: netizen-editor", out)


def test_demo_has_the_reference_story_shape(demo, demo_story):
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert StoryPage.objects.live().count() >= 3
    assert SpecialCoveragePage.objects.get(slug="refugees").active
    assert {r.name for r in demo_story.regions.all()} == {"China", "North Korea", "South Korea"}
    quotes = [b.value for b in demo_story.body if b.block_type == "netizen_quote"]
    weibo_zh = [
        q for q in quotes if q["platform"] == "weibo" and q["original_language"].startswith("zh")
    ]
    assert len(weibo_zh) >= 3
    assert all(q["translation"] and q["url"] for q in weibo_zh)
    assert demo_story.lead_image and demo_story.lead_image_credit


def test_demo_accounts_can_log_in_with_their_roles(client, demo):
    assert client.login(username="editor", password=demo["editor"])
    assert User.objects.get(username="editor").groups.filter(name="Editors").exists()
    assert User.objects.get(username="author").groups.filter(name="Authors").exists()
