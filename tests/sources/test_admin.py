"""The "Sources" section of Wagtail's admin: the inbox, a post, importing, collections."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import UTC, date, datetime
from itertools import count
from unittest import mock

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from netizen.discussion.demo import MODERATOR
from netizen.sources.importing import import_stream
from netizen.sources.inbox import (
    COUNT_CAP,
    InboxPaginator,
    add_label,
    highlight,
    inbox_queryset,
    match_spans,
    rows_for,
)
from netizen.sources.models import Collection, Feed, ImportBatch, Label, SourcePost
from netizen.sources.text import derive
from netizen.stories.demo import AUTHOR, EDITOR
from netizen.stories.models import StoryPage

INBOX = "/admin/sources/"
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
_serial = count(1)

# The same sentence in Simplified and in Traditional characters.
SIMPLIFIED = "网友们担心脱北者被遣返回朝鲜，希望国际社会关注。"
TRADITIONAL = "網友們擔心脫北者被遣返回朝鮮，希望國際社會關注。"
ENGLISH = "Activists worry that the escapees face forced return across the border."


def make_post(text: str, **fields) -> SourcePost:
    """A post as the importer would store it (search text, fingerprint, language)."""
    n = next(_serial)
    derived = derive(text)
    # Unique unless a test asks for copies: the importer's fingerprint, made distinct per post.
    fingerprint = fields.pop(
        "fingerprint", hashlib.sha256(f"{derived.fingerprint}-{n}".encode()).hexdigest()
    )
    values = {
        "platform": "weibo",
        "platform_id": f"admin-test-{n}",
        "author_handle": f"user{n}",
        "url": f"https://weibo.com/{n}",
        "language": derived.language,
        "language_detected": derived.language,
        "script": derived.script,
        "posted_at": datetime(2025, 3, 1, 12, tzinfo=UTC),
        **fields,
    }
    return SourcePost.objects.create(
        text=text,
        fingerprint=fingerprint,
        raw={"text": text, "n": n},
        search_text=derived.search_text,
        **values,
    )


def ids(posts) -> list[int]:
    return [post.pk for post in posts]


def listed(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'<article class="sources-post" id="post-(\d+)"', html)]


@pytest.fixture
def editor(demo):
    return User.objects.get(username=EDITOR.username)


@pytest.fixture
def author(demo):
    return User.objects.get(username=AUTHOR.username)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def inbox_posts(db):
    SourcePost.objects.all().delete()
    return {
        "simplified": make_post(SIMPLIFIED, posted_at=datetime(2025, 3, 1, 8, tzinfo=UTC)),
        "traditional": make_post(
            TRADITIONAL,
            platform="x",
            author_handle="hk_voice",
            posted_at=datetime(2025, 3, 3, 8, tzinfo=UTC),
            engagement={"likes": 500, "reposts": 20},
            engagement_total=520,
        ),
        "english": make_post(
            ENGLISH,
            platform="mastodon",
            author_handle="@rights@example.social",
            posted_at=datetime(2025, 3, 5, 8, tzinfo=UTC),
            engagement={"favourites": 40},
            engagement_total=40,
        ),
    }


# --- Who may use it -------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_admin_login(client, demo):
    for url in (INBOX, reverse("sources:import"), reverse("source_labels:index")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_user_without_the_permissions_is_denied(client, demo, inbox_posts):
    post = inbox_posts["simplified"]
    client.force_login(User.objects.get(username=MODERATOR.username))

    page = client.get(INBOX, follow=True).content.decode()
    assert "Sorry, you do not have permission to access this area." in page
    assert SIMPLIFIED not in page
    assert client.get(INBOX, **XHR).status_code == 403
    assert client.get(reverse("sources:post", args=[post.pk]), **XHR).status_code == 403
    assert client.get(reverse("sources:import"), **XHR).status_code == 403
    label = Label.objects.create(name="Denied label")
    response = client.post(
        reverse("sources:bulk"), {"ids": [post.pk], "action": "add_label", "label": label.pk}, **XHR
    )
    assert response.status_code == 403
    assert not post.labels.exists()
    assert "/admin/sources/" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("username", [EDITOR.username, AUTHOR.username])
def test_editors_and_authors_have_the_inbox_and_its_menu(client, inbox_posts, username):
    client.force_login(User.objects.get(username=username))
    response = client.get(INBOX)
    assert response.status_code == 200
    assert SIMPLIFIED in response.content.decode()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"Sources"' in home or ">Sources<" in home or "Sources" in home
    assert "/admin/sources/" in home and "/admin/sources/import/" in home


def test_the_migration_gives_the_groups_their_model_permissions(editor, author):
    for user in (editor, author):
        assert user.has_perm("sources.view_sourcepost")
        assert user.has_perm("sources.change_sourcepost")
        assert user.has_perm("sources.add_label") and user.has_perm("sources.change_collection")
        assert user.has_perm("sources.add_importbatch")
        assert not user.has_perm("sources.delete_sourcepost")
    assert editor.has_perm("sources.delete_feed")
    assert not author.has_perm("sources.add_feed")


# --- Search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("遣返", {"simplified", "traditional"}),  # Simplified finds both scripts
        ("脫北者", {"simplified", "traditional"}),  # Traditional finds both scripts
        ("国际社会", {"simplified", "traditional"}),  # inside an unsegmented sentence
        ("escapees", {"english"}),
        ("forced return", {"english"}),
        ("Border", {"english"}),
        ("遣返 border", set()),  # every word must occur
    ],
)
def test_search_finds_words_in_either_script_and_in_english(inbox_posts, query, expected):
    found = set(ids(inbox_queryset({"q": query})))
    assert found == {inbox_posts[name].pk for name in expected}


def test_the_inbox_page_searches_in_chinese_and_marks_the_words(editor_client, inbox_posts):
    html = editor_client.get(INBOX, {"q": "遣返"}).content.decode()
    assert set(listed(html)) == {inbox_posts["simplified"].pk, inbox_posts["traditional"].pk}
    assert "<mark>遣返</mark>" in html
    html = editor_client.get(INBOX, {"q": "朝鲜"}).content.decode()
    assert "<mark>朝鮮</mark>" in html  # the Traditional post, marked as written


def test_highlighting_escapes_the_text_and_marks_whole_words():
    html = highlight("<b>Return</b> returns & return", "return")
    assert html == "&lt;b&gt;<mark>Return</mark>&lt;/b&gt; returns &amp; <mark>return</mark>"
    start = TRADITIONAL.index("遣返回朝鮮")
    assert match_spans(TRADITIONAL, "遣返回朝鲜") == [(start, start + 5)]
    cut = highlight("x" * 500 + " border", "border", limit=100)
    assert cut.startswith("…") and "<mark>border</mark>" in cut


# --- Filters and order ------------------------------------------------------------------------


def test_each_filter_narrows_the_list(inbox_posts):
    simplified, traditional, english = (
        inbox_posts["simplified"],
        inbox_posts["traditional"],
        inbox_posts["english"],
    )
    label = Label.objects.create(name="humanitarian concern")
    collection = Collection.objects.create(name="Escapees story")
    simplified.labels.add(label)
    traditional.collections.add(collection)
    batch = ImportBatch.objects.create(format="csv", source="one.csv")
    english.batch = batch
    english.save()

    def found(**params):
        return set(ids(inbox_queryset(params)))

    assert found(platform="x") == {traditional.pk}
    assert found(language="zh-Hans") == {simplified.pk}
    assert found(language="zh-Hant") == {traditional.pk}
    assert found(language="zh") == {simplified.pk, traditional.pk}
    assert found(language="en") == {english.pk}
    assert found(posted_from=date(2025, 3, 2)) == {traditional.pk, english.pk}
    assert found(posted_to=date(2025, 3, 3)) == {simplified.pk, traditional.pk}
    assert found(posted_from=date(2025, 3, 3), posted_to=date(2025, 3, 3)) == {traditional.pk}
    assert found(author="@hk_voice") == {traditional.pk}
    assert found(author="rights@example.social") == {english.pk}
    assert found(label=label) == {simplified.pk}
    assert found(collection=collection.pk) == {traditional.pk}
    assert found(batch=batch.pk) == {english.pk}
    assert found(platform="weibo", q="遣返") == {simplified.pk}


def test_filters_from_the_page_and_bad_values_ignored(editor_client, inbox_posts):
    html = editor_client.get(INBOX, {"language": "zh-Hant"}).content.decode()
    assert listed(html) == [inbox_posts["traditional"].pk]
    assert "Chinese (Traditional)" in html and "Chinese (Simplified)" in html
    html = editor_client.get(INBOX, {"posted_from": "2025-03-04", "platform": "nope"}).content
    assert listed(html.decode()) == [inbox_posts["english"].pk]
    # An import older than the ones the batch filter offers still filters by its link.
    old = ImportBatch.objects.create(format="csv", source="old.csv")
    inbox_posts["traditional"].batch = old
    inbox_posts["traditional"].save()
    for n in range(55):
        ImportBatch.objects.create(format="csv", source=f"later-{n}.csv")
    html = editor_client.get(INBOX, {"batch": old.pk}).content.decode()
    assert listed(html) == [inbox_posts["traditional"].pk]
    assert f'<option value="{old.pk}" selected>' in html


def test_sorting(inbox_posts, editor_client):
    simplified, traditional, english = (
        inbox_posts["simplified"].pk,
        inbox_posts["traditional"].pk,
        inbox_posts["english"].pk,
    )
    assert ids(inbox_queryset({})) == [english, traditional, simplified]
    assert ids(inbox_queryset({"sort": "oldest"})) == [simplified, traditional, english]
    assert ids(inbox_queryset({"sort": "engagement"})) == [traditional, english, simplified]
    html = editor_client.get(INBOX, {"sort": "engagement"}).content.decode()
    assert listed(html) == [traditional, english, simplified]


# --- Copies -----------------------------------------------------------------------------------


def test_copies_are_folded_under_the_first_post_with_a_count(editor_client, inbox_posts):
    head = inbox_posts["simplified"]
    copies = [make_post(SIMPLIFIED, cluster=head, platform_id=f"copy-{i}") for i in range(3)]

    assert head.pk in ids(inbox_queryset({}))
    assert not set(ids(copies)) & set(ids(inbox_queryset({})))
    html = editor_client.get(INBOX).content.decode()
    assert copies[0].pk not in listed(html)
    assert f'href="{INBOX}?group={head.pk}"' in html
    assert "+3 copies" in html

    group = editor_client.get(INBOX, {"group": copies[1].pk}).content.decode()
    assert set(listed(group)) == {head.pk, *ids(copies)}
    assert set(ids(inbox_queryset({"fold": False}))) >= set(ids(copies))


def test_copies_are_counted_for_the_page_only_and_labels_prefetched(editor_client, inbox_posts):
    label = Label.objects.create(name="stance")
    for i in range(12):
        post = make_post(f"Post number {i} about the border.")
        post.labels.add(label)
        make_post(f"Post number {i} about the border.", cluster=post)
    with CaptureQueriesContext(connection) as few:
        editor_client.get(INBOX)
    for i in range(12, 30):
        post = make_post(f"Post number {i} about the border.")
        post.labels.add(label)
        make_post(f"Post number {i} about the border.", cluster=post)
    with CaptureQueriesContext(connection) as many:
        html = editor_client.get(INBOX).content.decode()
    assert len(many) == len(few)  # no query per row
    assert html.count(">stance</a>") == 30 + 0  # every head shows its label


def test_the_count_stops_at_the_cap(inbox_posts):
    paginator = InboxPaginator(inbox_queryset({}), per_page=1, cap=2)
    assert paginator.count == 2 and paginator.capped and paginator.num_pages == 2
    assert paginator.items_count_label == "more than 2 posts"
    paginator = InboxPaginator(inbox_queryset({}), per_page=50)
    assert paginator.count == 3 and not paginator.capped
    assert COUNT_CAP >= 1000


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query planner")
def test_the_default_list_uses_an_index_not_a_sort(inbox_posts):
    """Folded and newest first, SQLite walks the (cluster, posted_at) index: no sort of the
    whole table, whatever its size."""
    for sort in ("newest", "oldest", "engagement"):
        sql, params = inbox_queryset({"sort": sort})[:50].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " / ".join(row[-1] for row in cursor.fetchall())
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
        assert "TEMP B-TREE FOR ORDER BY" not in plan, (sort, plan)
    # An author's few posts are found by the author index and sorted, whatever the order.
    for sort in ("newest", "engagement"):
        sql, params = inbox_queryset({"author": "hk_voice", "sort": sort})[
            :50
        ].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " / ".join(row[-1] for row in cursor.fetchall())
        assert "author_handle" in plan, plan


# --- Bulk actions -----------------------------------------------------------------------------


def test_bulk_label_and_unlabel(editor_client, inbox_posts):
    label = Label.objects.create(name="supports repatriation")
    chosen = [inbox_posts["simplified"].pk, inbox_posts["traditional"].pk]
    response = editor_client.post(
        reverse("sources:bulk"),
        {"ids": chosen, "action": "add_label", "label": label.pk, "next": INBOX + "?q=遣返"},
    )
    assert response.status_code == 302 and response["Location"] == iri_to_uri(INBOX + "?q=遣返")
    assert set(label.posts.values_list("pk", flat=True)) == set(chosen)
    assert add_label(chosen, label) == 0  # already there: nothing added twice

    html = editor_client.get(INBOX, {"label": label.pk}).content.decode()
    assert set(listed(html)) == set(chosen)

    editor_client.post(
        reverse("sources:bulk"),
        {"ids": chosen[:1], "action": "remove_label", "label": label.pk},
    )
    assert list(label.posts.values_list("pk", flat=True)) == chosen[1:]


def test_bulk_add_to_an_existing_or_a_new_collection(editor_client, inbox_posts):
    existing = Collection.objects.create(name="Border stories")
    post = inbox_posts["english"]
    editor_client.post(
        reverse("sources:bulk"),
        {"ids": [post.pk], "action": "add_to_collection", "collection": existing.pk},
    )
    assert list(existing.posts.all()) == [post]

    response = editor_client.post(
        reverse("sources:bulk"),
        {
            "ids": [inbox_posts["simplified"].pk, inbox_posts["traditional"].pk],
            "action": "add_to_collection",
            "new_collection": "  Repatriation debate  ",
        },
        follow=True,
    )
    created = Collection.objects.get(name="Repatriation debate")
    assert created.posts.count() == 2
    html = response.content.decode()
    assert "2 posts added to the collection" in html
    overview = reverse("source_collections:overview", args=[created.pk])
    assert f'<a href="{overview}">Repatriation debate</a>' in html


def test_bulk_actions_refuse_nonsense_and_change_nothing(editor_client, inbox_posts):
    label = Label.objects.create(name="x")
    post = inbox_posts["english"]
    for data in (
        {"ids": [post.pk], "action": "add_label"},  # no label
        {"ids": ["1 OR 1=1"], "action": "add_label", "label": label.pk},
        {"action": "add_label", "label": label.pk},  # nothing ticked
        {"ids": [post.pk], "action": "add_to_collection"},  # no collection
    ):
        response = editor_client.post(reverse("sources:bulk"), data, follow=True)
        assert response.status_code == 200
        assert (
            "Nothing was changed" in response.content.decode()
            or "Tick" in (response.content.decode())
            or "not understood" in response.content.decode()
        )
    assert not label.posts.exists() and not Collection.objects.exists()


# --- One post -----------------------------------------------------------------------------------


def test_the_post_page_shows_provenance_the_glossary_and_copies(editor_client, inbox_posts):
    post = inbox_posts["traditional"]
    copy = make_post(TRADITIONAL, cluster=post)
    html = editor_client.get(reverse("sources:post", args=[post.pk])).content.decode()
    assert TRADITIONAL in html
    assert 'lang="zh-Hant"' in html
    assert post.platform_id in html and post.url in html
    assert 'rel="noopener noreferrer"' in html and 'target="_blank"' in html
    assert "<details" in html and "&quot;n&quot;" in html  # the raw record, escaped
    # The glossary aid: words with pinyin and senses, and the line marked as a machine draft.
    assert "Glossary aid" in html
    assert "wǎngyǒu" in html and "Internet user" in html  # 網友
    assert "Machine translation draft" in html
    assert reverse("sources:post", args=[copy.pk]) in html
    assert f"?group={post.pk}" in html
    # Editors get the forms; the quote form lists stories.
    assert reverse("sources:quote", args=[post.pk]) in html
    assert "Quote in story" in html


def test_no_glossary_for_english_posts(editor_client, inbox_posts):
    html = editor_client.get(reverse("sources:post", args=[inbox_posts["english"].pk])).content
    assert b"Glossary aid" not in html


def test_correcting_the_language_keeps_what_detection_said(editor_client, inbox_posts):
    post = inbox_posts["simplified"]
    assert (post.language, post.script, post.language_detected) == ("zh", "Hans", "zh")
    response = editor_client.post(
        reverse("sources:language", args=[post.pk]), {"language": "zh-Hant"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.language, post.script, post.language_detected) == ("zh", "Hant", "zh")
    editor_client.post(reverse("sources:language", args=[post.pk]), {"language": "ja"})
    post.refresh_from_db()
    assert (post.language, post.script, post.language_detected) == ("ja", "", "zh")
    html = editor_client.get(reverse("sources:post", args=[post.pk])).content.decode()
    assert "corrected by an editor" in html
    assert set(ids(inbox_queryset({"language": "ja"}))) == {post.pk}

    editor_client.post(reverse("sources:language", args=[post.pk]), {"language": "klingon"})
    post.refresh_from_db()
    assert post.language == "ja"


def test_labels_and_collections_on_the_post_page(editor_client, inbox_posts):
    post = inbox_posts["english"]
    keep, drop = Label.objects.create(name="keep"), Label.objects.create(name="drop")
    collection = Collection.objects.create(name="C")
    post.labels.add(drop)
    editor_client.post(
        reverse("sources:tags", args=[post.pk]),
        {"labels": [keep.pk], "collections": [collection.pk]},
    )
    assert list(post.labels.all()) == [keep]
    assert list(post.collections.all()) == [collection]


def test_quote_in_story_adds_the_block_to_the_draft_and_publishes_nothing(
    editor_client, inbox_posts, demo_story
):
    post = inbox_posts["traditional"]
    live_body = list(demo_story.specific.body.raw_data)
    live_revision = demo_story.live_revision_id
    response = editor_client.post(
        reverse("sources:quote", args=[post.pk]), {"story": demo_story.pk}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:edit", args=[demo_story.pk]
    )
    assert "Quote added to the draft of" in response.content.decode()
    assert "machine draft" in response.content.decode()

    story = StoryPage.objects.get(pk=demo_story.pk)
    draft = story.get_latest_revision_as_object()
    quote = draft.body[-1]
    assert quote.block_type == "netizen_quote"
    assert quote.value["original_text"] == TRADITIONAL
    assert quote.value["original_language"] == "zh-Hant"
    assert quote.value["url"] == post.url
    assert story.live_revision_id == live_revision  # not published
    assert list(story.body.raw_data) == live_body
    assert story.has_unpublished_changes


def test_quoting_a_post_in_the_story_language_says_there_is_no_translation(
    editor_client, inbox_posts, demo_story
):
    response = editor_client.post(
        reverse("sources:quote", args=[inbox_posts["english"].pk]),
        {"story": demo_story.pk},
        follow=True,
    )
    html = response.content.decode()
    assert "Quote added to the draft of" in html and "without a translation" in html
    quote = StoryPage.objects.get(pk=demo_story.pk).get_latest_revision_as_object().body[-1]
    assert quote.value["original_text"] == ENGLISH and quote.value["translation"] == ""


def test_quote_refuses_a_story_the_user_may_not_edit(client, inbox_posts, demo_story):
    """A researcher with the inbox but no right to edit pages cannot quote into a story."""
    researcher = User.objects.create_user("researcher", password="x")
    researcher.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_sourcepost", "change_sourcepost"]
        )
    )
    client.force_login(researcher)
    before = demo_story.get_latest_revision().pk
    page = client.get(reverse("sources:post", args=[inbox_posts["english"].pk])).content.decode()
    assert "There is no story you may edit yet." in page
    response = client.post(
        reverse("sources:quote", args=[inbox_posts["english"].pk]),
        {"story": demo_story.pk},
        follow=True,
    )
    assert "Nothing was changed" in response.content.decode()
    assert StoryPage.objects.get(pk=demo_story.pk).get_latest_revision().pk == before


# --- Importing a file -------------------------------------------------------------------------

CSV_UPLOAD = (
    "id,body,when,who,likes\n"
    "u1,第一条关于遣返的帖子,2025-03-01 10:00,alice,3\n"
    "u2,,2025-03-01 11:00,bob,1\n"
    "u3,A post in English about the border,2025-03-02 09:00,carol,x\n"
    "u4,第四条帖子,not a date,dave,2\n"
    "u5,第五條帖子，繁體,2025-03-03 09:00,erin,5\n"
).encode()
MAPPING = "platform_id=id\ntext=body\nposted_at=when\nauthor_handle=who\nengagement.likes=likes"


def upload(client, data: bytes = CSV_UPLOAD, name: str = "posts.csv", **fields):
    values = {
        "format": "csv",
        "platform": "other",
        "mapping": MAPPING,
        "timezone": "Asia/Shanghai",
        "encoding": "utf-8-sig",
        **fields,
    }
    return client.post(
        reverse("sources:import"), {"file": SimpleUploadedFile(name, data), **values}
    )


def test_import_upload_keeps_good_rows_and_lists_bad_ones(editor_client, editor):
    SourcePost.objects.all().delete()
    response = upload(editor_client)
    html = response.content.decode()
    assert response.status_code == 200
    batch = ImportBatch.objects.latest("pk")
    assert batch.created_by == editor and batch.source == "posts.csv"
    assert (batch.imported, batch.errors) == (2, 3)
    assert set(SourcePost.objects.values_list("platform_id", flat=True)) == {"u1", "u5"}
    # The problems, by line, in a table.
    for problem in batch.problems:
        assert problem["position"] in html
    assert "line 3" in html and "line 4" in html and "line 5" in html
    assert "Could not be read" in html
    assert f"?batch={batch.pk}" in html

    again = upload(editor_client)
    assert again.status_code == 200
    second = ImportBatch.objects.latest("pk")
    assert (second.imported, second.duplicates) == (0, 2)
    assert SourcePost.objects.count() == 2


def test_import_explains_a_wrong_format_and_keeps_the_form(editor_client):
    before = SourcePost.objects.count()
    response = upload(
        editor_client,
        data=b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        name="picture.png",
        format="auto",
        channel="my_channel",
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported" in html
    assert "picture.png" in html
    assert 'value="my_channel"' in html  # the form keeps its values
    assert SourcePost.objects.count() == before

    response = upload(editor_client, data=b"[1, 2, 3]", name="x.json", format="telegram")
    assert response.status_code == 400
    assert "could not be imported" in response.content.decode()


def test_import_form_errors_keep_the_values(editor_client):
    response = upload(editor_client, mapping="text body", timezone="Mars/Olympus")
    html = response.content.decode()
    assert response.status_code == 400
    assert "write each line as field=column" in html
    assert "is not a time zone" in html
    assert "Mars/Olympus" in html


def test_import_streams_the_upload_without_reading_it_whole(editor_client):
    """import_stream gets the uploaded file object itself, not its bytes."""
    seen = {}

    def fake_import(stream, format, **kwargs):
        seen["stream"] = stream
        return import_stream(io.BytesIO(CSV_UPLOAD), "csv", source="x", mapping=None)

    with mock.patch("netizen.sources.admin_views.import_stream", side_effect=fake_import):
        upload(editor_client)
    assert hasattr(seen["stream"], "read") and not isinstance(seen["stream"], bytes)
    assert seen["stream"].name == "posts.csv"


# --- Collections, labels, feeds, import history -------------------------------------------------


def test_the_collection_overview_shows_counts_chart_and_posts(editor_client, inbox_posts):
    collection = Collection.objects.create(name="Repatriation debate")
    label = Label.objects.create(name="humanitarian concern")
    for post in inbox_posts.values():
        post.collections.add(collection)
    inbox_posts["simplified"].labels.add(label)

    url = reverse("source_collections:overview", args=[collection.pk])
    assert url == f"/admin/sources/collections/{collection.pk}/overview/"
    html = editor_client.get(url).content.decode()
    assert "<svg" in html and "Posts per day by label" in html
    assert "humanitarian concern" in html
    assert "Chinese (Traditional)" in html and "Mastodon" in html
    assert set(listed(html)) == set(ids(inbox_posts.values()))
    assert "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    listing = editor_client.get(reverse("source_collections:index")).content.decode()
    assert url in listing


def test_labels_collections_feeds_and_imports_have_admin_screens(editor_client, inbox_posts):
    Label.objects.create(name="stance: supports")
    Collection.objects.create(name="For the lead story")
    batch = ImportBatch.objects.create(
        format="csv",
        source="old.csv",
        imported=4,
        errors=1,
        problems=[{"position": "line 7", "reason": "no text"}],
    )
    for name in ("source_labels", "source_collections", "source_feeds", "source_batches"):
        assert editor_client.get(reverse(f"{name}:index")).status_code == 200
    assert "stance: supports" in editor_client.get(reverse("source_labels:index")).content.decode()
    batches = editor_client.get(reverse("source_batches:index")).content.decode()
    assert "old.csv" in batches and f"?batch={batch.pk}" in batches
    detail = editor_client.get(reverse("source_batches:inspect", args=[batch.pk])).content.decode()
    assert "line 7" in detail and "no text" in detail
    assert editor_client.get("/admin/sources/imports/new/").status_code == 404
    assert editor_client.get(reverse("source_labels:add")).status_code == 200
    assert editor_client.get(reverse("source_collections:add")).status_code == 200


def test_saving_a_feed_schedules_its_poll(editor_client):
    with (
        mock.patch("netizen.sources.wagtail_hooks.poll_feed") as task,
        mock.patch("django.db.transaction.on_commit", side_effect=lambda f, *a, **k: f()),
    ):
        response = editor_client.post(
            reverse("source_feeds:add"),
            {
                "url": "https://example.org/feed.xml",
                "title": "Example",
                "active": "on",
                "poll_minutes": 30,
            },
        )
    assert response.status_code == 302
    feed = Feed.objects.get(url="https://example.org/feed.xml")
    task.enqueue.assert_called_once_with(feed.pk)


def test_authors_may_not_manage_feeds(client, author):
    client.force_login(author)
    assert client.get(reverse("source_feeds:add"), **XHR).status_code == 403


# --- CSRF -----------------------------------------------------------------------------------------


def test_every_post_needs_a_csrf_token(editor, inbox_posts, demo_story):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    post = inbox_posts["simplified"]
    label = Label.objects.create(name="csrf")
    attempts = [
        (reverse("sources:bulk"), {"ids": [post.pk], "action": "add_label", "label": label.pk}),
        (reverse("sources:language", args=[post.pk]), {"language": "en"}),
        (reverse("sources:tags", args=[post.pk]), {"labels": [label.pk]}),
        (reverse("sources:quote", args=[post.pk]), {"story": demo_story.pk}),
        (reverse("sources:import"), {"format": "csv", "file": SimpleUploadedFile("a.csv", b"")}),
    ]
    for url, data in attempts:
        assert client.post(url, data).status_code == 403, url
    post.refresh_from_db()
    assert post.language == "zh" and not post.labels.exists()

    page = client.get(INBOX).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(
        reverse("sources:bulk"),
        {"ids": [post.pk], "action": "add_label", "label": label.pk, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302 and post.labels.filter(pk=label.pk).exists()


def test_rows_read_labels_from_the_prefetch(inbox_posts):
    label = Label.objects.create(name="prefetched")
    inbox_posts["english"].labels.add(label)
    posts = inbox_queryset({}).prefetch_related("labels")
    rows = rows_for(posts)
    with CaptureQueriesContext(connection) as queries:
        names = [[label.name for label in row.labels] for row in rows]
    assert len(queries) == 0 and ["prefetched"] in names


def test_pages_answer_only_the_methods_they_serve(editor_client, inbox_posts):
    post = inbox_posts["english"]
    assert editor_client.post(reverse("sources:post", args=[post.pk])).status_code == 405
    assert editor_client.get(reverse("sources:bulk")).status_code == 405
    assert editor_client.get(reverse("sources:quote", args=[post.pk])).status_code == 405
    assert editor_client.get(reverse("sources:post", args=[10**12])).status_code == 404


def test_an_upload_too_big_for_the_form_is_sent_to_the_shell(settings):
    from netizen.sources.admin_forms import ImportForm

    settings.NETIZEN_UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("big.csv", b"text\n" + b"x" * (2 * 2**20))
    form = ImportForm(data={"format": "auto"}, files={"file": big})
    assert not form.is_valid()
    assert "netizen sources import" in form.errors["file"][0]
