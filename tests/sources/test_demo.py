"""`netizen demo` fills the sources inbox once, with labels and a collection for the story."""

import io

import pytest
from django.core.management import call_command

from netizen.sources.inbox import inbox_queryset
from netizen.sources.models import Collection, SourcePost

pytestmark = pytest.mark.django_db


def test_demo_inbox_is_loaded_once(demo_story):
    call_command("demo", stdout=io.StringIO())
    call_command("demo", stdout=io.StringIO())
    assert SourcePost.objects.count() == 9
    copy = SourcePost.objects.get(platform_id="D005")
    assert copy.cluster.platform_id == "D001"  # the same text with a link: folded
    collection = Collection.objects.get()
    assert collection.story == demo_story and collection.posts.count() == 9
    found = inbox_queryset({"q": "遣返"}).values_list("platform_id", flat=True)
    assert set(found) == {"D002", "D003"}
    assert SourcePost.objects.get(platform_id="D008").script == "Hant"
