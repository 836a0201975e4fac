"""Weibo importers on small files in each real layout, and on the shared real samples.

Pure parsing: no database.
"""

import io
import json
from datetime import UTC, datetime

import pytest

from netizen.sources.importers import ImportFormatError, ParsedPost, Skipped, parse

from .helpers import SAMPLES, at, needs_samples, posts, problems, read, skips

PLAIN_REPOST = "repost with no words of its own (a boost of someone else's post)"


def test_weibo_cov_rows_become_posts_in_beijing_time():
    post = at(read("weibo", "weibo_cov.csv"), "line 2")
    assert post.platform == "weibo"
    assert post.platform_id == "Qa1Bc2De3"
    assert post.author_handle == "0a1b2c3d4e5f6a7b"
    assert post.text == "今天在地铁站看到志愿者给滞留的旅客送水，很暖心。"
    assert post.posted_at == datetime(2023, 5, 2, 0, 30, tzinfo=UTC)
    assert post.engagement == {"likes": 12, "reposts": 3, "comments": 4}
    assert post.url == "https://m.weibo.cn/status/Qa1Bc2De3"
    assert post.kind == "post"
    assert post.raw["crawl_time"] == "1700000000"


def test_weibo_cov_repost_is_the_reposters_words_under_the_original():
    results = read("weibo", "weibo_cov.csv")
    repost = at(results, "line 3")
    assert repost.kind == "repost"
    assert repost.parent_id == "Qa0Zz9Yy8"
    assert repost.text == "终于不用排队了[开心]"
    assert repost.raw["content"].startswith("【通知】图书馆周末开放时间调整")
    assert skips(results) == {"line 4": PLAIN_REPOST}


def test_weibo_cov_quoted_field_with_commas_and_a_newline_is_one_post():
    results = read("weibo", "weibo_cov.csv")
    post = at(results, "line 5")
    assert post.text == "第一行，有逗号, 还有英文逗号\n第二行：這是繁體字的句子。"
    assert at(results, "line 11").text == "香港的朋友說：「我們都很關心這件事。」"


def test_weibo_cov_bad_rows_are_reported_by_line_and_the_rest_imported():
    results = read("weibo", "weibo_cov.csv")
    assert problems(results) == {
        "line 7": "has 9 fields where the header has 10",
        "line 8": "cannot read the date '五月二日'",
        "line 9": "no post id (_id is empty)",
        "line 10": "like_num is not a number: '很多'",
    }
    assert [post.position for post in posts(results)] == ["line 2", "line 3", "line 5", "line 11"]


def test_weibospider_posts_comments_and_profiles():
    results = read("weibo", "weibospider.jsonl")
    post = at(results, "line 1")
    assert (post.platform_id, post.author_handle, post.author_name) == (
        "Nx1Aa2Bb3",
        "7000000001",
        "晚风里的灯笼",
    )
    assert post.url == "https://weibo.com/7000000001/Nx1Aa2Bb3"
    assert post.posted_at == datetime(2023, 6, 1, 12, 5, tzinfo=UTC)
    assert post.media == [
        "https://wx1.sinaimg.cn/orj960/invented0001",
        "https://wx1.sinaimg.cn/orj960/invented0002",
    ]
    comment = at(results, "line 2")
    assert (comment.kind, comment.platform_id, comment.engagement) == (
        "comment",
        "4900000000000777",
        {"likes": 3},
    )
    assert skips(results) == {"line 4": "a user profile, not a post"}


def test_weibospider_repost_chain_and_post_known_only_by_its_numeric_id():
    results = read("weibo", "weibospider.jsonl")
    assert at(results, "line 6").kind == "repost"
    post = at(results, "line 8")
    assert post.platform_id == "N00000005"  # the bid of mid 4900000000000005
    assert post.author_handle == "7000000006"  # from the link: no user object
    assert post.text == "臺北今天下大雨，記得帶傘。"
    assert post.media == [
        "http://f.video.weibocdn.com/o0/invented.mp4?label=mp4_720p&KID=unistore,video"
    ]


def test_weibospider_bad_lines_counted_with_blank_lines():
    assert problems(read("weibo", "weibospider.jsonl")) == {
        "line 5": "not valid JSON (Unterminated string starting at, column 40)",
        "line 7": "not a WeiboSpider post or comment: no content",
    }


def test_weibospider_comments_and_reposts_of_a_named_post():
    results = read("weibo", "weibospider.jsonl", parent_id="Nx0Zz0Yy0")
    assert at(results, "line 2").parent_id == "Nx0Zz0Yy0"
    assert (at(results, "line 1").kind, at(results, "line 1").parent_id) == (
        "repost",
        "Nx0Zz0Yy0",
    )


def test_weibo_crawler_json_posts_and_reposts():
    results = read("weibo", "weibo_crawler.json")
    post = at(results, "record 1")
    assert (post.platform_id, post.author_handle, post.author_name) == (
        "Ny2Cc3Dd4",
        "7100000001",
        "山城记事",
    )
    assert post.posted_at == datetime(2023, 6, 30, 23, 45, tzinfo=UTC)
    assert post.url == "https://weibo.com/7100000001/Ny2Cc3Dd4"
    assert len(post.media) == 2
    assert skips(results) == {"record 2": PLAIN_REPOST}
    assert problems(results) == {"record 4": "missing field 'text'"}


def test_weibo_crawler_html_text_is_sanitised_and_read_as_text():
    repost = at(read("weibo", "weibo_crawler.json"), "record 3")
    assert repost.text == "同意楼主\n说的 #江边步道# 该修了"
    assert 'rel="nofollow ugc noopener noreferrer"' in repost.html
    assert (repost.kind, repost.parent_id) == ("repost", "Ny2Cc3Dd3")
    assert repost.engagement["likes"] == 12000  # "1.2万"


def test_weibo_crawler_csv_with_bom_chinese_headers_and_reposts():
    results = read("weibo", "weibo_crawler.csv", user_id="7200000001")
    post = at(results, "line 2")
    assert post.text == "菜市场的阿姨教我挑西瓜，敲一敲，声音脆的才甜。"
    assert post.url == "https://weibo.com/7200000001/Nz3Ee4Ff5"
    assert post.posted_at == datetime(2023, 8, 1, 10, 20, tzinfo=UTC)
    assert post.media == [
        "https://wx1.sinaimg.cn/large/invented03.jpg",
        "https://f.video.weibocdn.com/invented.mp4?KID=unistore,video",
    ]
    repost = at(results, "line 3")
    assert (repost.kind, repost.parent_id, repost.text) == (
        "repost",
        "Nz3Ee4Ff4",
        '这个办法我家也用，"很准"',
    )
    assert skips(results) == {"line 4": PLAIN_REPOST}


def test_csv_of_another_kind_is_refused_as_weibo(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,city\nA,B\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="no Weibo layout"):
        read("weibo", "people.csv", folder=tmp_path)


def test_csv_in_another_encoding_says_so(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes(
        b"_id,user_id,created_at,content\n"
        + "Qa1,ab,2023-01-01 00:00,简体中文的帖子\n".encode("gb18030") * 4
    )
    with pytest.raises(ImportFormatError, match="not valid utf-8-sig text"):
        read("weibo", "gbk.csv", folder=tmp_path)
    assert posts(read("weibo", "gbk.csv", folder=tmp_path, encoding="gb18030"))[0].text == (
        "简体中文的帖子"
    )


# The shared samples: real records in the real layouts (skipped when absent).


@needs_samples
def test_shared_weibo_cov_v1_sample():
    results = read("weibo", "weibo_cov_v1_sample.csv", folder=SAMPLES)
    assert skips(results) == {"line 2": PLAIN_REPOST, "line 3": PLAIN_REPOST}
    assert problems(results) == {}
    reposts = posts(results)
    assert all(post.kind == "repost" and post.parent_id for post in reposts)
    assert at(results, "line 4").text == "………？？？宫九？？[失望]"
    assert at(results, "line 4").parent_id == "IBcb6ejVk"
    assert at(results, "line 5").text.startswith("//@踏遍天山:")


@needs_samples
def test_shared_weibo_cov_v2_sample_keeps_originals_and_odd_characters():
    results = read("weibo", "weibo_cov_v2_sample.csv", folder=SAMPLES)
    assert len(posts(results)) == 6
    original = next(post for post in posts(results) if post.platform_id == "Jwm2gs8h0")
    assert original.kind == "post"
    assert "\ufffd" in original.text
    assert at(results, "line 2").text == "[泪]"


@needs_samples
def test_shared_weibo_cov_user_pool_is_skipped_as_profiles():
    results = read("weibo", "weibo_cov_v2_user_pool_sample.csv", folder=SAMPLES)
    assert len(results) == 5
    assert all(isinstance(result, Skipped) for result in results)


@needs_samples
def test_shared_weibospider_records():
    by_id = at(read("weibo", "weibospider_tweet_by_tweet_id.jsonl", folder=SAMPLES), "line 1")
    by_user = at(read("weibo", "weibospider_tweet_by_user_id.jsonl", folder=SAMPLES), "line 1")
    assert by_id.platform_id == by_user.platform_id == by_id.raw["mblogid"]
    assert by_id.author_handle == by_user.author_handle == by_id.raw["user"]["_id"]
    assert by_id.posted_at == datetime(2022, 4, 27, 2, 20, 54, tzinfo=UTC)
    assert by_id.engagement == {"likes": 12167, "reposts": 1890, "comments": 1924}
    assert by_id.media == [by_id.raw["video"]]

    comment = at(read("weibo", "weibospider_comment.jsonl", folder=SAMPLES), "line 1")
    assert (comment.kind, comment.platform_id) == ("comment", "4826279188108038")
    assert comment.author_handle == "2380967841"

    repost = at(read("weibo", "weibospider_repost.jsonl", folder=SAMPLES), "line 1")
    assert repost.kind == "repost"
    keyword = at(read("weibo", "weibospider_tweet_by_keyword.jsonl", folder=SAMPLES), "line 1")
    assert len(keyword.media) == 9
    assert "\n" in keyword.text

    for profiles in ("weibospider_user.jsonl", "weibospider_fan.jsonl", "weibospider_follow.jsonl"):
        assert [type(result) for result in read("weibo", profiles, folder=SAMPLES)] == [Skipped]


@needs_samples
def test_shared_samples_read_as_one_stream_of_json_lines():
    """Several spider outputs concatenated, as a researcher would combine them."""
    names = sorted(SAMPLES.glob("weibospider_*.jsonl"))
    data = b"".join(path.read_bytes() for path in names)
    results = list(parse("auto", io.BytesIO(data)))
    assert len(results) == len(names)
    assert sum(isinstance(result, ParsedPost) for result in results) == 5


ALL_FIXTURES = [
    ("weibo", "weibo_cov.csv"),
    ("weibo", "weibospider.jsonl"),
    ("weibo", "weibo_crawler.json"),
    ("weibo", "weibo_crawler.csv"),
    ("x", "tweets.js"),
    ("mastodon", "outbox.json"),
    ("telegram", "result.json"),
    ("feed", "feed.xml"),
    ("feed", "atom.xml"),
    ("csv", "posts.csv"),
    ("jsonl", "posts.jsonl"),
]


@pytest.mark.parametrize(("format", "fixture"), ALL_FIXTURES)
def test_every_post_can_be_stored_as_imported(format, fixture):
    """Times know their zone, the raw record is JSON as the database keeps it, and the
    fields the inbox shows are text."""
    found = posts(read(format, fixture))
    assert found
    for post in found:
        assert post.posted_at is None or post.posted_at.utcoffset() is not None
        assert json.loads(json.dumps(post.raw)) == post.raw
        assert post.text.strip() and post.platform_id
        assert post.kind in ("post", "repost", "reply", "comment")
        assert all(isinstance(value, int) for value in post.engagement.values())
        assert all(isinstance(url, str) for url in post.media)


def test_a_field_of_the_wrong_shape_is_a_bad_record(tmp_path):
    (tmp_path / "odd.jsonl").write_text(
        '{"mblogid": "Nq1", "content": "好", "user": "not an object"}\n'
        '{"mblogid": "Nq2", "content": "好的"}\n',
        encoding="utf-8",
    )
    results = read("weibo", "odd.jsonl", folder=tmp_path)
    assert problems(results)["line 1"].startswith("a field has an unexpected shape")
    assert posts(results)[0].platform_id == "Nq2"
