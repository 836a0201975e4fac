"""The import loop: good records kept, bad ones reported by position, nothing imported twice,
copies and reposts folded under the first post of their group."""

import io
import json

import pytest

from netizen.sources.importing import import_stream, summary
from netizen.sources.models import ImportBatch, SourcePost

pytestmark = pytest.mark.django_db

HEADER = (
    "_id,user_id,crawl_time,created_at,like_num,repost_num,comment_num,content,origin_weibo,"
    "geo_info\n"
)


def weibo_csv(*rows: str) -> io.BytesIO:
    return io.BytesIO((HEADER + "".join(row + "\n" for row in rows)).encode())


def row(bid: str, text: str, when: str = "2023-05-02 08:30", origin: str = "") -> str:
    return f"{bid},0a1b2c3d4e5f6a7b,1700000000,{when},3,1,2,{text},{origin},"


def test_posts_are_kept_verbatim_with_provenance():
    batch = import_stream(
        weibo_csv(row("Aa1", "邊境的孩子們需要幫助，請大家轉發")), "auto", source="w.csv"
    )
    post = SourcePost.objects.get()
    assert (batch.format, batch.imported) == ("weibo", 1)
    assert post.text == "邊境的孩子們需要幫助，請大家轉發"
    assert (post.platform, post.platform_id, post.language, post.script) == (
        "weibo",
        "Aa1",
        "zh",
        "Hant",
    )
    assert post.posted_at.isoformat() == "2023-05-02T00:30:00+00:00"  # Beijing time, stored in UTC
    assert post.engagement == {"likes": 3, "reposts": 1, "comments": 2}
    assert post.engagement_total == 6
    assert post.raw["content"] == "邊境的孩子們需要幫助，請大家轉發"
    assert post.batch == batch


def test_importing_the_same_file_again_adds_nothing():
    data = weibo_csv(row("Aa1", "第一条"), row("Aa2", "第二条"))
    import_stream(data, "weibo", source="w.csv")
    data.seek(0)
    again = import_stream(data, "weibo", source="w.csv")
    assert (again.imported, again.duplicates) == (0, 2)
    assert SourcePost.objects.count() == 2


def test_bad_rows_are_reported_by_line_and_good_rows_kept():
    data = weibo_csv(
        row("Aa1", "好的一行"),
        "Aa2,only,three",
        row("Aa3", "另一行好的", when="not a date"),
        row("Aa4", "最后一行"),
    )
    batch = import_stream(data, "weibo", source="w.csv")
    assert batch.imported == 2
    assert batch.errors == 2
    assert [problem["position"] for problem in batch.problems] == ["line 3", "line 4"]
    assert set(SourcePost.objects.values_list("platform_id", flat=True)) == {"Aa1", "Aa4"}
    assert summary(batch)["errors"] == 2


def test_copies_fold_under_the_first_post():
    text = "转发这条消息，让更多人看到边境的情况"
    import_stream(
        weibo_csv(row("Aa1", text), row("Aa2", text + " http://t.cn/abc")), "weibo", source="a"
    )
    import_stream(weibo_csv(row("Aa3", "//@某人:" + text)), "weibo", source="b")
    first = SourcePost.objects.get(platform_id="Aa1")
    assert first.cluster is None
    assert set(first.copies.values_list("platform_id", flat=True)) == {"Aa2", "Aa3"}


def test_a_repost_joins_the_group_of_the_post_it_reposts():
    import_stream(weibo_csv(row("Orig1", "原帖：边境今天下雪了")), "weibo", source="a")
    import_stream(
        weibo_csv(row("Rep1", "原帖：边境今天下雪了转发理由:注意安全", origin="Orig1")),
        "weibo",
        source="b",
    )
    assert SourcePost.objects.get(platform_id="Rep1").cluster.platform_id == "Orig1"


def test_language_is_detected_per_post():
    lines = [
        {"id": "1", "text": "The border crossing reopened this morning."},
        {"id": "2", "text": "今天边境口岸重新开放了。"},
        {"id": "3", "text": "오늘 아침 국경이 다시 열렸다."},
    ]
    data = io.BytesIO(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
    )
    import_stream(data, "jsonl", source="p.jsonl", mapping={"platform_id": "id", "text": "text"})
    assert dict(SourcePost.objects.values_list("platform_id", "language")) == {
        "1": "en",
        "2": "zh",
        "3": "ko",
    }


def test_a_file_in_the_wrong_format_stores_nothing():
    from netizen.sources.importers import ImportFormatError

    with pytest.raises(ImportFormatError):
        import_stream(io.BytesIO(b"%PDF-1.7 not a feed"), "feed", source="x.pdf")
    assert not ImportBatch.objects.exists() and not SourcePost.objects.exists()


def jsonl(*records: dict) -> io.BytesIO:
    return io.BytesIO("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode())


MAP = {"platform_id": "id", "text": "text", "url": "url", "parent_id": "parent"}


def test_links_that_are_not_web_addresses_are_dropped():
    import_stream(
        jsonl(
            {"id": "x1", "text": "a", "url": "javascript:alert(document.domain)"},
            {"id": "x2", "text": "b", "url": "https://example.org/p/2"},
        ),
        "jsonl", source="p", mapping=MAP,
    )  # fmt: skip
    urls = dict(SourcePost.objects.values_list("platform_id", "url"))
    assert urls == {"x1": "", "x2": "https://example.org/p/2"}


def test_new_posts_are_searchable_after_the_newest_were_deleted():
    from netizen.sources.inbox import inbox_queryset

    import_stream(jsonl({"id": "w1", "text": "walrus one"}, {"id": "w2", "text": "walrus two"}),
                  "jsonl", source="a", mapping=MAP)  # fmt: skip
    SourcePost.objects.filter(platform_id="w2").delete()
    import_stream(jsonl({"id": "w3", "text": "walrus three"}, {"id": "w4", "text": "walrus four"}),
                  "jsonl", source="b", mapping=MAP)  # fmt: skip
    found = inbox_queryset({"q": "walrus"}).values_list("platform_id", flat=True)
    assert set(found) == {"w1", "w3", "w4"}


def test_a_repost_in_the_same_file_joins_its_original():
    import_stream(
        jsonl(
            {"id": "o1", "text": "The original words."},
            {"id": "r1", "text": "My own comment on it.", "parent": "o1"},
            {"id": "r2", "text": "A repost of the repost.", "parent": "r1"},
        ),
        "jsonl", source="p", mapping=MAP,
    )  # fmt: skip
    groups = dict(SourcePost.objects.values_list("platform_id", "cluster__platform_id"))
    assert groups == {"o1": None, "r1": "o1", "r2": "o1"}


def test_a_post_stored_meanwhile_by_another_import_is_a_duplicate(monkeypatch):
    from netizen.sources import importing

    real = importing.new_rows

    def stale(rows):
        fresh, duplicates = real(rows)
        # Another import stores the first post between the check and the insert.
        SourcePost.objects.create(platform="other", platform_id="c1", text="x", raw={})
        return fresh, duplicates

    monkeypatch.setattr(importing, "new_rows", stale)
    batch = import_stream(
        jsonl({"id": "c1", "text": "first"}, {"id": "c2", "text": "second"}),
        "jsonl", source="p", mapping=MAP,
    )  # fmt: skip
    assert (batch.imported, batch.duplicates) == (1, 1)
    assert SourcePost.objects.get(platform_id="c1").text == "x"


def test_re_import_finds_posts_whatever_characters_their_ids_hold():
    """Ids and fingerprints are looked up as one JSON list: quotes, commas, brackets and
    non-Latin ids must come back as they went in."""
    odd = ['quo"te', "com,ma", "[bracket]", "微博123", "back\\slash", "o'neil"]
    records = [{"id": i, "text": f"post {n}"} for n, i in enumerate(odd)]
    first = import_stream(jsonl(*records), "jsonl", source="p", mapping=MAP)
    again = import_stream(jsonl(*records), "jsonl", source="p", mapping=MAP)
    assert (first.imported, again.imported, again.duplicates) == (6, 0, 6)
    assert set(SourcePost.objects.values_list("platform_id", flat=True)) == set(odd)
