"""An editor searches the sources inbox in Chinese, labels a post and quotes it into a story
draft, in a real browser; screenshots of the inbox, a post and a collection."""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from netizen.sources.models import Collection, Label, SourcePost
from netizen.sources.text import derive
from netizen.stories.demo import EDITOR
from netizen.stories.models import StoryPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

POSTS = [
    # (platform, handle, name, text, likes, day)
    ("weibo", "言论自由85", "言论自由85",
     "看到脱北者被遣返的新闻，真的很难过。他们回去以后会怎样？希望国际社会能关注。", 1520, 0),
    ("weibo", "边境观察者", "", "遣返是依法办事，非法越境就应该送回去。", 860, 0),
    ("x", "hk_voice", "香港之聲", "又一批脫北者被強制遣返，國際人權組織再次呼籲停止遣返。", 340, 1),
    ("weibo", "小王同学", "", "今天天气很好，去公园散步了。", 12, 1),
    ("mastodon", "@rights@example.social", "Rights Watcher",
     "Forced returns of North Korean escapees continue despite appeals from rights groups.", 95, 2),
    ("telegram", "border_news", "Border News",
     "Репатриация беженцев: новые данные о возвращении через границу.", 40, 3),
]  # fmt: skip


def make_posts() -> list[SourcePost]:
    start = datetime(2025, 3, 1, 9, tzinfo=UTC)
    posts = []
    for n, (platform, handle, name, text, likes, day) in enumerate(POSTS, start=1):
        derived = derive(text)
        posts.append(
            SourcePost.objects.create(
                platform=platform,
                platform_id=f"browser-{n}",
                url=f"https://example.org/{platform}/{n}",
                author_handle=handle,
                author_name=name,
                text=text,
                language=derived.language,
                language_detected=derived.language,
                script=derived.script,
                posted_at=start + timedelta(days=day, hours=n),
                engagement={"likes": likes, "reposts": likes // 10},
                engagement_total=likes + likes // 10,
                fingerprint=derived.fingerprint,
                search_text=derived.search_text,
                raw={"id": n, "text": text},
            )
        )
    # Two copies of the first post, as a copy-paste campaign would leave them.
    for n in range(2):
        derived = derive(POSTS[0][3])
        SourcePost.objects.create(
            platform="weibo",
            platform_id=f"browser-copy-{n}",
            author_handle=f"转发者{n}",
            text=POSTS[0][3],
            language="zh",
            language_detected="zh",
            script="Hans",
            posted_at=start + timedelta(days=1 + n),
            fingerprint=derived.fingerprint,
            search_text=derived.search_text,
            cluster=posts[0],
            raw={},
        )
    return posts


def test_editor_searches_labels_and_quotes_a_post(page, live_server, demo, demo_story, artifacts):
    SourcePost.objects.all().delete()
    posts = make_posts()
    concern = Label.objects.create(name="humanitarian concern")
    supports = Label.objects.create(name="supports repatriation")
    posts[1].labels.add(supports)
    collection = Collection.objects.create(
        name="Escapees: the debate on Weibo", description="Posts for the lead story."
    )

    page.goto(live_server.url + "/admin/login/?next=/admin/sources/")
    page.fill("#id_username", EDITOR.username)
    page.fill("#id_password", EDITOR.password)
    page.click("button[type=submit]")

    # A Simplified query finds the Traditional post too, and marks the words as written.
    search = page.get_by_role("searchbox", name="Search the posts")
    search.fill("遣返")
    search.press("Enter")
    first, traditional = page.locator(f"#post-{posts[0].pk}"), page.locator(f"#post-{posts[2].pk}")
    expect(first).to_be_visible()
    expect(traditional.locator("mark").first).to_have_text("遣返")
    expect(page.locator("[data-inbox-post]")).to_have_count(3)
    expect(first).to_contain_text("+2 copies")
    expect(first.get_by_role("link", name="Original post")).to_have_attribute(
        "rel", "noopener noreferrer"
    )

    # Tick two posts, label them, and put them in the collection.
    page.get_by_label(f"Select the post by {posts[0].author_handle}").check()
    page.get_by_label(f"Select the post by {posts[2].author_handle}").check()
    expect(page.locator("[data-inbox-selected-count]")).to_have_text("2 selected")
    page.locator("#bulk-label").select_option(label=concern.name)
    page.get_by_role("button", name="Add label").click()
    expect(page.locator(".messages")).to_contain_text("humanitarian concern")
    expect(first.locator(".sources-label")).to_have_text([concern.name])
    assert set(concern.posts.values_list("pk", flat=True)) == {posts[0].pk, posts[2].pk}
    page.wait_for_timeout(400)  # the message's slide-in
    page.screenshot(path=artifacts / "inbox.png", full_page=True)

    for post in (posts[0], posts[1], posts[2], posts[4]):
        post.collections.add(collection)
    posts[4].labels.add(concern)

    # The post: glossary aid, then "Quote in story" into the lead story's draft.
    first.get_by_role("link", name="Details, glossary and quoting").click()
    expect(page.get_by_role("heading", name="Glossary aid")).to_be_visible()
    expect(page.locator(".sources-glossary")).to_contain_text("nánguò")
    expect(page.locator(".sources-draft__label")).to_contain_text("Machine translation draft")
    # Wagtail's admin scrolls inside its layout: a tall window shows the whole page.
    page.set_viewport_size({"width": 1280, "height": 1800})
    page.screenshot(path=artifacts / "inbox-post.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Story", exact=True).select_option(value=str(demo_story.pk))
    page.get_by_role("button", name="Quote in story").click()
    expect(page.locator(".messages")).to_contain_text("Quote added to the draft of")
    assert f"/admin/pages/{demo_story.pk}/edit/" in page.url

    story = StoryPage.objects.get(pk=demo_story.pk)
    quote = story.get_latest_revision_as_object().body[-1]
    assert quote.block_type == "netizen_quote"
    assert quote.value["original_text"] == POSTS[0][3]
    assert story.live and story.has_unpublished_changes  # the quote waits in the draft

    # The collection: counts, and posts per day by label drawn on the server.
    page.goto(live_server.url + f"/admin/sources/collections/{collection.pk}/overview/")
    expect(page.locator(".sources-chart svg")).to_be_visible()
    expect(page.locator(".sources-counts").first).to_contain_text("Weibo")
    page.set_viewport_size({"width": 1280, "height": 1600})
    page.screenshot(path=artifacts / "collection.png", full_page=True)
