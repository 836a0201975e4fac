"""The picture of a collection's conversation: counts per day and label, and the SVG chart."""

import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from netizen.sources.chart import chart_svg, counts, posts_per_day
from netizen.sources.models import Collection, Label, SourcePost

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
post_ids = itertools.count(1)


def at(day: int, hour: int = 12, month: int = 11, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=dt.UTC)


def add_post(collection: Collection, posted_at, *labels: Label, **fields) -> SourcePost:
    values = {
        "platform": "weibo",
        "platform_id": f"c{next(post_ids)}",
        "text": "一条关于边境的帖子",
        "language": "zh",
        "script": "Hans",
        "posted_at": posted_at,
        "fingerprint": "chart-test",
        "raw": {},
    }
    post = SourcePost.objects.create(**{**values, **fields})
    post.collections.add(collection)
    post.labels.add(*labels)
    return post


def label(name: str) -> Label:
    return Label.objects.create(name=name)


@pytest.fixture
def collection() -> Collection:
    return Collection.objects.create(name="Repatriation thread")


@pytest.fixture
def conversation(collection):
    """Three days of posts: two stances, a post holding both, a quiet day, an unlabelled post."""
    supports, concern = label("supports repatriation"), label("humanitarian concern")
    add_post(collection, at(2, 1), supports)
    add_post(collection, at(2, 23), supports, concern)
    add_post(collection, at(2, 9), concern, platform="x", language="en", script="")
    add_post(collection, at(4), script="Hant")
    add_post(collection, None, supports)  # no date: counted, but not on any day
    add_post(Collection.objects.create(name="Elsewhere"), at(3), supports)
    return collection


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def bars(root: ET.Element) -> list[ET.Element]:
    """The bands of the bars: the rectangles that carry a tooltip."""
    return [rect for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]


def legend(root: ET.Element) -> list[str]:
    return ["".join(g.find(f"{SVG}text").itertext()) for g in root.iter(f"{SVG}g")]


def test_posts_are_counted_per_day_and_label_with_quiet_days_kept(conversation):
    assert posts_per_day(conversation) == [
        (dt.date(2026, 11, 2), {"supports repatriation": 2, "humanitarian concern": 2}),
        (dt.date(2026, 11, 3), {}),
        (dt.date(2026, 11, 4), {"unlabelled": 1}),
    ]


def test_counts_per_platform_and_language_with_script(conversation):
    assert counts(conversation) == {
        "platform": {"weibo": 4, "x": 1},
        "language": {"zh-Hans": 3, "en": 1, "zh-Hant": 1},
    }


def test_chart_is_a_self_contained_accessible_svg(conversation):
    svg = chart_svg(conversation)
    root = parse(svg)
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title").text
    assert title == root.get("aria-label")
    assert "Repatriation thread" in title and "2 November 2026 to 4 November 2026" in title
    assert "<script" not in svg.lower() and "href" not in svg
    assert set(re.findall(r"https?://[^\s\"'<>]*", svg)) == {"http://www.w3.org/2000/svg"}
    assert legend(root) == ["humanitarian concern", "supports repatriation", "unlabelled"]
    assert {"2 Nov", "3 Nov", "4 Nov"} <= {text.removesuffix("2026") for text in texts(root)}
    tooltips = [band.find(f"{SVG}title").text for band in bars(root)]
    assert "2 November 2026, supports repatriation: 2" in tooltips


def test_label_names_are_escaped(collection):
    add_post(collection, at(2), label('<b>&"x"</b>'))
    svg = chart_svg(collection)
    assert "<b>" not in svg
    assert '<b>&"x"</b>' in legend(parse(svg))


def test_empty_collection_says_there_are_no_posts(collection):
    root = parse(chart_svg(collection))
    assert root.find(f"{SVG}title").text == "No posts yet"
    assert texts(root) == ["No posts yet"]
    assert posts_per_day(collection) == []
    assert counts(collection) == {"platform": {}, "language": {}}


def test_undated_posts_alone_are_not_called_no_posts(collection):
    add_post(collection, None)
    assert texts(parse(chart_svg(collection))) == ["No dated posts yet"]


def test_one_day_gets_one_date_and_a_bar_of_readable_width(collection):
    add_post(collection, at(7), label("support"))
    root = parse(chart_svg(collection))
    assert "7 Nov2026" in texts(root)
    (bar,) = bars(root)
    assert 8 <= float(bar.get("width")) <= 48


def test_a_year_of_posts_gets_a_few_dates_across_the_axis(collection):
    add_post(collection, at(1, month=1), label("support"))
    add_post(collection, at(31, month=12))
    assert len(posts_per_day(collection)) == 365
    dates = [t for t in texts(parse(chart_svg(collection))) if re.match(r"\d+ [A-Z][a-z]{2}", t)]
    assert 4 <= len(dates) <= 8
    assert dates[0] == "1 Jan2026"


def test_more_than_eight_labels_are_grouped_as_other(collection):
    for n in range(12):
        add_post(collection, at(2), *[label(f"stance {n:02}")])
    root = parse(chart_svg(collection))
    names = legend(root)
    assert names[:7] == [f"stance {n:02}" for n in range(7)]
    assert names[7:] == ["other (5 labels)"]
    assert len({band.get("fill") for band in bars(root)}) == 8
