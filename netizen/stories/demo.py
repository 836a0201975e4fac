"""Demo content: a small newsroom with a special coverage and three stories.

Loading is idempotent: what exists (found by slug, username or title) is left as it is, so
an editor's changes to the demo survive the next `make run`. The texts are written for this
project; the pictures are drawn here with Pillow, so nothing is downloaded.
"""

import datetime as dt
import io
import random
from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.images.models import Image
from wagtail.models import Page, Site

from .models import (
    HomePage,
    PeopleIndexPage,
    Person,
    Region,
    RegionIndexPage,
    SpecialCoverageIndexPage,
    SpecialCoveragePage,
    StoryIndexPage,
    StoryPage,
    Topic,
    TopicIndexPage,
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    group: str
    first_name: str
    last_name: str


STORY_INDEX_SLUG = "stories"
LEAD_STORY_SLUG = "netizens-question-return-of-north-korean-escapees"
# The story the demo is built around: quotes, [zh] links, a coverage banner.
LEAD_STORY_PATH = f"/{STORY_INDEX_SLUG}/{LEAD_STORY_SLUG}/"

EDITOR = DemoAccount("editor", "netizen-editor", "Editors", "Daniel", "Cho")
AUTHOR = DemoAccount("author", "netizen-author", "Authors", "Mei", "Lin")

REGIONS = [
    ("China", "china", ""),
    ("Hong Kong", "hong-kong", ""),
    ("North Korea", "north-korea", "Koreas"),
    ("South Korea", "south-korea", "Koreas"),
    ("Taiwan", "taiwan", ""),
]
TOPICS = [
    ("Migration and refugees", "migration-refugees"),
    ("Human rights", "human-rights"),
    ("Censorship", "censorship"),
    ("Digital activism", "digital-activism"),
]


def draw_picture(seed: int, size: tuple[int, int] = (1600, 1000)) -> bytes:
    """An abstract landscape (sky, hills, a river, figures), different for each seed."""
    rng = random.Random(seed)
    width, height = size
    top = (rng.randint(20, 60), rng.randint(40, 90), rng.randint(90, 140))
    bottom = (rng.randint(200, 250), rng.randint(150, 200), rng.randint(110, 160))
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    for layer in range(3):
        shade = 30 + layer * 25
        base = int(height * (0.55 + layer * 0.12))
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randint(0, 120 - layer * 30)))
        points.append((width, height))
        draw.polygon(points, fill=(shade, shade + 10, shade + 20))
    river_y = int(height * 0.82)
    draw.rectangle([0, river_y, width, river_y + 40], fill=(90, 120, 150))
    for _ in range(rng.randint(4, 9)):
        x = rng.randint(100, width - 100)
        y = river_y - rng.randint(20, 60)
        draw.ellipse([x - 14, y - 70, x + 14, y - 42], fill=(20, 20, 25))
        draw.rounded_rectangle([x - 20, y - 42, x + 20, y + 20], radius=12, fill=(20, 20, 25))
    picture = picture.filter(ImageFilter.GaussianBlur(1.2))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def demo_image(title: str, seed: int) -> Image:
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        image.file = ImageFile(io.BytesIO(draw_picture(seed)), name=f"demo-{seed}.jpg")
        image.save()
    return image


def demo_account(account: DemoAccount) -> User:
    user, created = User.objects.get_or_create(
        username=account.username,
        defaults={
            "first_name": account.first_name,
            "last_name": account.last_name,
            "email": f"{account.username}@example.org",
        },
    )
    if created:
        user.set_password(account.password)
        user.save()
    user.groups.add(Group.objects.get(name=account.group))
    return user


def child_page(
    parent: Page,
    model: type[Page],
    slug: str,
    *,
    user: User | None = None,
    relations: dict[str, list] | None = None,
    **fields,
) -> Page:
    """The child of ``parent`` with ``slug``, created and published by ``user`` if missing.

    ``relations`` (many-to-many values) are set before the first revision is saved, so the
    published revision carries them.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    for name, values in (relations or {}).items():
        getattr(page, name).set(values)
    page.save_revision(user=user).publish(user=user)
    return page


def set_up_home() -> HomePage:
    """Our home page as the default site's root, in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Netizen",
            slug="netizen",
            introduction="What people say online, in their own words and in translation: "
            "stories built from posts, forums and comment threads across Asia.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": home, "site_name": "Netizen", "hostname": "localhost", "port": 80},
    )
    # Wagtail's "Welcome to your new Wagtail site!" placeholder, if migrate left it.
    root.get_children().exclude(pk=home.pk).filter(
        content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    return home


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(
    handle: str,
    handle_en: str,
    original: str,
    language: str,
    translation: str,
    url: str,
    posted_at: str,
    platform: str = "weibo",
) -> dict:
    return {
        "type": "netizen_quote",
        "value": {
            "platform": platform,
            "author_handle": handle,
            "author_handle_translation": handle_en,
            "original_text": original,
            "original_language": language,
            "translation": translation,
            "url": url,
            "posted_at": posted_at,
        },
    }


def repatriation_story_body(river_image: Image) -> list[dict]:
    return [
        paragraph(
            "<p>Police in north-eastern China have detained several dozen people who crossed "
            "the border from North Korea in recent weeks, according to South Korean human "
            "rights groups, and the detainees are expected to be sent back.</p>"
        ),
        paragraph(
            "<p>Seoul has asked Beijing to treat the group as refugees and has offered them "
            "South Korean citizenship. A UN human rights official also "
            '<a href="https://news.example.cn/un-statement" hreflang="zh">called on China</a> '
            "to respect the principle that no one should be returned to a country where they "
            "face persecution.</p>"
        ),
        paragraph(
            "<p>China's foreign ministry "
            '<a href="https://www.example.cn/mfa/briefing" hreflang="zh">repeated at a press '
            "briefing</a> that the people it calls border crossers entered the country "
            "illegally for economic reasons and are not refugees. On Weibo, the briefing set "
            "off a long argument.</p>"
        ),
        {"type": "heading", "value": "“They only want to survive”"},
        paragraph(
            "<p>Many users wrote about what awaits those who are returned. One of the most "
            'shared posts in the <a href="https://weibo.example.com/topic/repatriation" '
            'hreflang="zh">discussion thread</a> compared the returns to pushing people into '
            "a fire:</p>"
        ),
        quote(
            "江南雨后",
            "After the Rain in Jiangnan",
            "把逃出来的人再送回去，等于亲手把他们推进火坑。我们的父辈也挨过饿，不该忘记那种滋味。",
            "zh-Hans",
            "Sending people who escaped back again is like pushing them into a fire pit with "
            "our own hands. Our parents went hungry too; we should not forget what that felt "
            "like.",
            "https://weibo.example.com/1001/Mx01",
            "2026-11-02T09:15:00+08:00",
        ),
        quote(
            "老胡同里的猫",
            "The Cat in the Old Alley",
            "外交部说他们是非法入境的经济移民。可是一个人冒着生命危险在冬天过江，难道只是为了多挣几块钱吗？",
            "zh-Hans",
            "The foreign ministry says they are illegal economic migrants. But would anyone "
            "risk their life crossing a river in winter just to earn a few more yuan?",
            "https://weibo.example.com/1002/Mx02",
            "2026-11-02T11:40:00+08:00",
        ),
        {
            "type": "image",
            "value": {
                "image": river_image.pk,
                "alt_text": "An illustration of figures standing on a riverbank at dusk.",
                "caption": "The Tumen river marks much of the border between China and North "
                "Korea.",
                "credit": "Netizen demo illustration",
                "credit_url": "",
            },
        },
        paragraph(
            "<p>A user who says she lives in a border town described what she has seen over "
            "the years:</p>"
        ),
        quote(
            "边城夜话",
            "Night Talk in a Border Town",
            "我在丹东住了二十年，见过太多半夜过江的人。大多数是女人，她们想要的不过是活下去。",
            "zh-Hans",
            "I have lived in Dandong for twenty years and have seen too many people cross the "
            "river at night. Most of them are women. All they want is to stay alive.",
            "https://weibo.example.com/1003/Mx03",
            "2026-11-03T22:05:00+08:00",
        ),
        paragraph(
            "<p>Not everyone agreed. On a nationalist forum, several posters defended the "
            'government\'s position <a href="https://bbs.example.cn/thread/88" hreflang="zh">'
            "on strategic grounds</a>, arguing that a porous border would harm China's "
            "interests:</p>"
        ),
        quote(
            "铁血观察员",
            "Iron Blood Observer",
            "国家的边境不是菜市场，不能想来就来、想走就走。按照国际惯例遣返，没有什么可指责的。",
            "zh-Hans",
            "A country's border is not a vegetable market where people come and go as they "
            "like. Returning them according to international practice is beyond reproach.",
            "https://bbs.example.cn/thread/88#p12",
            "2026-11-03T14:30:00+08:00",
            platform="forum",
        ),
        paragraph("<p>Users in Taiwan joined in too, writing in Traditional characters:</p>"),
        quote(
            "台北晨光",
            "Morning Light in Taipei",
            "我們很多人也是逃難者的後代，看到這樣的新聞特別難過。人道不應該有國界。",
            "zh-Hant",
            "Many of us are descendants of people who fled too, so news like this is "
            "especially painful. Humanity should have no borders.",
            "https://weibo.example.com/1004/Mx04",
            "2026-11-04T08:20:00+08:00",
        ),
        {
            "type": "pull_quote",
            "value": {
                "quote": "Would anyone risk their life crossing a river in winter just to "
                "earn a few more yuan?",
                "attribution": "Weibo user 老胡同里的猫",
            },
        },
        paragraph(
            "<p>By the end of the week, the ministry's comment thread had gathered thousands "
            "of replies, most of them asking for the detainees to be allowed to go on to "
            "South Korea.</p>"
        ),
    ]


def volunteers_story_body() -> list[dict]:
    return [
        paragraph(
            "<p>When a new asylum procedure took effect this autumn, a group of volunteers in "
            "Seoul noticed that the official guide existed only in Korean. Within ten days "
            "they had translated it into five languages and shared it on Mastodon and X.</p>"
        ),
        quote(
            "@haneul_translates",
            "",
            "번역은 작은 일이지만, 누군가에게는 첫 번째 문이 됩니다.",
            "ko",
            "Translating is a small job, but for someone it becomes the first open door.",
            "https://mastodon.example.kr/@haneul_translates/1101",
            "2026-10-21T19:00:00+09:00",
            platform="mastodon",
        ),
        paragraph(
            "<p>The volunteers say they check each version with a native speaker before "
            'posting it, and they keep a <a href="https://wiki.example.kr/guide" '
            'hreflang="ko">public list of corrections</a>.</p>'
        ),
    ]


def archive_story_body() -> list[dict]:
    return [
        paragraph(
            "<p>Readers in Hong Kong have started saving screenshots of posts that disappear "
            "from local forums, building shared folders that anyone can browse.</p>"
        ),
        quote(
            "山頂霧",
            "Fog on the Peak",
            "刪帖的速度越來越快，我們只能比他們更快地保存下來。",
            "zh-Hant",
            "Posts are being deleted faster and faster; all we can do is save them faster "
            "than they disappear.",
            "https://forum.example.hk/t/5521",
            "2026-09-30T23:10:00+08:00",
            platform="forum",
        ),
        paragraph(
            "<p>Archivists warn that screenshots can expose the people in them, and advise "
            "blurring names before sharing.</p>"
        ),
    ]


@transaction.atomic
def load_demo() -> dict[str, str]:
    """Create the demo newsroom if it is missing; returns the demo logins."""
    editor = demo_account(EDITOR)
    author = demo_account(AUTHOR)
    regions = {
        slug: Region.objects.get_or_create(
            slug=slug, defaults={"name": name, "kicker_label": kicker}
        )[0]
        for name, slug, kicker in REGIONS
    }
    topics = {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for name, slug in TOPICS
    }
    mei = Person.objects.get_or_create(
        slug="mei-lin",
        defaults={
            "name": "Mei Lin",
            "user": author,
            "bio": "Mei Lin follows Chinese social media for Netizen, with a focus on "
            "migration and the border regions.",
        },
    )[0]
    jiwoo = Person.objects.get_or_create(
        slug="ahn-jiwoo",
        defaults={
            "name": "Ahn Jiwoo",
            "bio": "Ahn Jiwoo translates from Korean and Chinese and edits the Koreas desk.",
        },
    )[0]

    home = set_up_home()
    stories = child_page(
        home, StoryIndexPage, STORY_INDEX_SLUG, title="Stories", show_in_menus=True
    )
    coverage_index = child_page(
        home, SpecialCoverageIndexPage, "coverage", title="Special coverage", show_in_menus=True
    )
    child_page(home, RegionIndexPage, "regions", title="Regions", show_in_menus=True)
    child_page(home, TopicIndexPage, "topics", title="Topics", show_in_menus=True)
    child_page(home, PeopleIndexPage, "people", title="People", show_in_menus=True)
    refugees = child_page(
        coverage_index,
        SpecialCoveragePage,
        "refugees",
        title="Refugees",
        introduction="<p>People who flee war, hunger and persecution, and how those they "
        "reach talk about them online.</p>",
        image=demo_image("Demo: coverage banner", 7),
        search_description="Stories about refugees and the conversations around them.",
    )
    censorship = child_page(
        coverage_index,
        SpecialCoveragePage,
        "censorship",
        title="Censorship",
        introduction="<p>Deleted posts, blocked words and the people who keep records of them.</p>",
        image=demo_image("Demo: archive banner", 11),
    )

    child_page(
        stories,
        StoryPage,
        LEAD_STORY_SLUG,
        user=editor,
        first_published_at=dt.datetime(2026, 11, 5, 10, 0, tzinfo=dt.UTC),
        title="Weibo Users Question the Return of North Korean Escapees",
        standfirst="China says the people detained near its border are illegal migrants. "
        "Many Chinese netizens disagree, and say so in their own words.",
        lead_image=demo_image("Demo: border river at dusk", 3),
        lead_image_alt="An illustration of a river valley at dusk with hills behind.",
        lead_image_caption="The border region between China and North Korea.",
        lead_image_credit="Netizen demo illustration",
        body=repatriation_story_body(demo_image("Demo: figures on a riverbank", 5)),
        relations={
            "regions": [regions["china"], regions["north-korea"], regions["south-korea"]],
            "topics": [topics["migration-refugees"], topics["human-rights"]],
            "coverages": [refugees],
            "authors": [mei],
            "translators": [jiwoo],
        },
    )
    child_page(
        stories,
        StoryPage,
        "volunteers-translate-asylum-guide",
        user=editor,
        first_published_at=dt.datetime(2026, 10, 22, 8, 0, tzinfo=dt.UTC),
        title="Volunteers Translate an Asylum Guide Into Five Languages",
        standfirst="A Seoul group turned an official guide into Arabic, Burmese, Chinese, "
        "English and Russian in ten days.",
        lead_image=demo_image("Demo: city volunteers", 13),
        lead_image_alt="An illustration of a city skyline at dusk.",
        lead_image_credit="Netizen demo illustration",
        body=volunteers_story_body(),
        relations={
            "regions": [regions["south-korea"]],
            "topics": [topics["migration-refugees"], topics["digital-activism"]],
            "coverages": [refugees],
            "authors": [jiwoo],
        },
    )
    child_page(
        stories,
        StoryPage,
        "readers-archive-deleted-posts",
        user=editor,
        first_published_at=dt.datetime(2026, 10, 1, 12, 0, tzinfo=dt.UTC),
        title="Readers Archive Deleted Posts Before They Vanish",
        standfirst="Forum users in Hong Kong keep shared folders of screenshots of posts that "
        "were taken down.",
        lead_image=demo_image("Demo: hills in fog", 17),
        lead_image_alt="An illustration of hills in fog.",
        lead_image_credit="Netizen demo illustration",
        body=archive_story_body(),
        relations={
            "regions": [regions["hong-kong"]],
            "topics": [topics["censorship"], topics["digital-activism"]],
            "coverages": [censorship],
            "authors": [mei],
        },
    )
    # The demo must be searchable at once, before any task worker has run.
    call_command("update_index", verbosity=0)
    return {EDITOR.username: EDITOR.password, AUTHOR.username: AUTHOR.password}
