"""Upgrading keeps the inbox working: copies stored before the fingerprints got shorter still
fold with copies imported after, and the search index's triggers survive."""

import io

import pytest

from netizen.moderation.normalise import fold
from netizen.sources.importing import import_stream
from netizen.sources.inbox import inbox_queryset
from netizen.sources.models import SourcePost
from netizen.sources.search import index_new_posts
from netizen.sources.text import copy_fingerprint, search_text
from tests.migrating import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("sources", "0003_editors_use_sources")]
TEXT = "边境口岸今天重新开放了"


def test_posts_stored_before_the_upgrade_still_group_their_copies():
    old = migrate(BEFORE).get_model("sources", "SourcePost")
    long_fingerprint = copy_fingerprint(fold(TEXT)).ljust(64, "0")  # as SHA-256 hex was
    stored = old.objects.create(
        platform="weibo",
        platform_id="old1",
        text=TEXT,
        raw={},
        fingerprint=long_fingerprint,
        search_text=search_text(fold(TEXT)),
    )
    index_new_posts(stored.pk)  # as SourcePost.save() did; a historical model has no save()
    migrate(latest("sources"))
    csv = "_id,user_id,content\nnew1,u1,边境口岸今天重新开放了\n"
    import_stream(io.BytesIO(csv.encode()), "weibo", source="w.csv")
    new = SourcePost.objects.get(platform_id="new1")
    assert new.cluster.platform_id == "old1"
    SourcePost.objects.filter(platform_id="old1").delete()
    # The search index follows a deletion (its trigger survived the upgrade).
    assert set(
        inbox_queryset({"q": "口岸", "fold": False}).values_list("platform_id", flat=True)
    ) == {"new1"}
