"""The inbox's lists: which posts a search and its filters find, in what order, and how a row
reads (copies folded under the first post of their group, the search words marked).

Plain functions over the posts' tables, so the admin views and the tests share one
definition. Everything is filtered and sorted in SQL along the indexes the models declare:
``(cluster, posted_at)`` for the folded, newest-first list, ``engagement_total`` for the most
shared first, the FTS index for words. Counting copies and reading labels happen for the 50
posts of the page shown only, never for the whole inbox.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.expressions import OrderBy, RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.admin.paginator import WagtailPaginator

from netizen.moderation.normalise import fold
from netizen.stories.languages import LANGUAGE_NAMES, language_name

from .models import Collection, Label, SourcePost
from .search import matching
from .text import HAN_RUN, LATIN_WORD, split_language

PAGE_SIZE = 50
#: Beyond this many matches the inbox says "more than 10,000" instead of counting them all:
#: a count over a million rows costs more than the page itself, and nobody reads page 201.
COUNT_CAP = 10_000
#: Characters of a post's text shown in a row of the list.
EXCERPT_LENGTH = 300
#: A search matching at most this many posts is fetched by id and sorted; one matching more
#: is read along the sort order's index (see :func:`heads_only`).
FEW_MATCHES = 20_000

SORTS = {
    "newest": ("Newest first", (F("posted_at").desc(), F("pk").desc())),
    "oldest": ("Oldest first", (F("posted_at").asc(), F("pk").asc())),
    "engagement": ("Most engagement", (F("engagement_total").desc(), F("pk").desc())),
}
DEFAULT_SORT = "newest"


# --- Languages ----------------------------------------------------------------------------


def split_tag(tag: str) -> tuple[str, str | None]:
    """("zh", "Hans") from "zh-Hans"; ("zh", None) from "zh", meaning any script."""
    language, script = split_language(tag)
    return language, (script or None)


def post_language_name(post: SourcePost) -> str:
    """ "Chinese (Traditional)", "English", "Undetermined"."""
    return language_name(post.language_tag, script=True)


def lang_attribute(post: SourcePost) -> str:
    """For the ``lang`` attribute of a post's text, so CJK fonts and screen readers fit it;
    empty when the language is undetermined."""
    return "" if post.language == "und" else post.language_tag


def language_choices(extra: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The languages editors filter by and correct to: those the inbox detects (Chinese as
    Simplified and Traditional), the other languages the site names, and "undetermined"."""
    detected = [code for code in settings.NETIZEN_SOURCE_LANGUAGES if code != "und"]
    others = sorted(
        (code for code in LANGUAGE_NAMES if code not in detected and code != "und"),
        key=lambda code: LANGUAGE_NAMES[code],
    )
    tags: list[str] = []
    for code in [*detected, *others]:
        tags.extend([f"{code}-Hans", f"{code}-Hant"] if code == "zh" else [code])
    tags.extend(tag for tag in extra if tag and tag not in tags and tag != "und")
    tags.append("und")
    return [(tag, language_name(tag, script=True)) for tag in tags]


# --- The query ----------------------------------------------------------------------------


def _day_start(day: date | str) -> datetime:
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return timezone.make_aware(datetime.combine(day, time.min))


def _clean_handle(handle: str) -> list[str]:
    handle = handle.strip()
    bare = handle.lstrip("@")
    return list(dict.fromkeys([handle, bare, f"@{bare}"]))


def inbox_queryset(params: Mapping[str, Any] | None = None) -> QuerySet[SourcePost]:
    """The posts the inbox lists for ``params``, in order. Every key is optional:

    - ``q``: words that must all occur (Chinese inside sentences, either script);
    - ``platform``; ``language``: ``"en"``, ``"zh"`` (either script), ``"zh-Hant"``;
    - ``posted_from`` / ``posted_to``: dates, both days included (the site's time zone);
    - ``author``: a handle, with or without its ``@``;
    - ``label``, ``collection``, ``batch``: an object or its primary key;
    - ``sort``: ``newest`` (default), ``oldest`` or ``engagement``;
    - ``fold``: list only the first post of each group of copies (default True);
    - ``group``: a post's primary key: that post's whole group, its head first.
    """
    params = params or {}
    sort = params.get("sort") if params.get("sort") in SORTS else DEFAULT_SORT
    matches = matching((params.get("q") or "").strip())
    conditions = filters(params)
    narrow = (matches is not None and at_most(matches, FEW_MATCHES)) or any(
        is_rare(condition) for condition in conditions
    )

    posts = SourcePost.objects.filter(*(condition.q for condition in conditions))
    if group := params.get("group"):
        head = SourcePost.objects.filter(pk=group).values_list("cluster_id", flat=True).first()
        head = head or group
        posts = posts.filter(Q(pk=head) | Q(cluster_id=head))
    elif params.get("fold", True):
        posts = heads_only(posts, indexed=not narrow and sort != "engagement")
    if matches is not None:
        if narrow or sort != "engagement":
            posts = posts.filter(pk__in=matches)
        else:
            # Many matches, most engaging first: walk engagement_total's index and test each
            # post against the matches, rather than fetch them all and sort.
            posts = posts.alias(_id=F("pk") + 0).filter(_id__in=matches)
    return posts.order_by(*order(sort, by_index=not narrow))


@dataclass(frozen=True)
class Condition:
    """One filter: its condition on posts, and the cheapest way to see whether it is rare."""

    q: Q
    # Rows to count, read along one index only; None: never a narrow filter on its own.
    sample: QuerySet | None = None


def filters(params: Mapping[str, Any]) -> list[Condition]:
    found = []
    if platform := params.get("platform"):
        found.append(Condition(Q(platform=platform), SourcePost.objects.filter(platform=platform)))
    if tag := params.get("language"):
        language, script = split_tag(tag)
        q = Q(language=language) if script is None else Q(language=language, script=script)
        # No index on language: a rare language is found by walking the inbox in order.
        found.append(Condition(q))
    if posted_from := params.get("posted_from"):
        found.append(Condition(Q(posted_at__gte=_day_start(posted_from))))
    if posted_to := params.get("posted_to"):
        found.append(Condition(Q(posted_at__lt=_day_start(posted_to) + timedelta(days=1))))
    if (posted_from or posted_to) and (span := _date_span(posted_from, posted_to)):
        found.append(Condition(Q(), SourcePost.objects.filter(**span)))
    if author := (params.get("author") or "").strip():
        handles = _clean_handle(author)
        found.append(
            Condition(
                Q(author_handle__in=handles),
                SourcePost.objects.filter(author_handle__in=handles),
            )
        )
    if label := params.get("label"):
        through = SourcePost.labels.through.objects
        found.append(Condition(Q(labels=label), through.filter(label_id=_pk(label))))
    if collection := params.get("collection"):
        through = SourcePost.collections.through.objects
        found.append(
            Condition(Q(collections=collection), through.filter(collection_id=_pk(collection)))
        )
    if batch := params.get("batch"):
        found.append(Condition(Q(batch=batch), SourcePost.objects.filter(batch=batch)))
    return found


def _pk(value: Any) -> Any:
    return getattr(value, "pk", value)


def _date_span(posted_from, posted_to) -> dict[str, datetime]:
    span = {}
    if posted_from:
        span["posted_at__gte"] = _day_start(posted_from)
    if posted_to:
        span["posted_at__lt"] = _day_start(posted_to) + timedelta(days=1)
    return span


def is_rare(condition: Condition, limit: int = FEW_MATCHES) -> bool:
    """Whether at most ``limit`` posts meet the condition, read along its own index (reads
    at most ``limit`` index entries)."""
    if condition.sample is None:
        return False
    return not condition.sample.order_by()[limit : limit + 1].exists()


def at_most(matches: RawSQL, limit: int) -> bool:
    """Whether a search matches at most ``limit`` posts, counted in the full-text index
    alone (a few milliseconds even for common words)."""
    sql, params = matches.sql, matches.params
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT {int(limit) + 1}) AS found", params)
        return cursor.fetchone()[0] <= limit


def heads_only(posts: QuerySet[SourcePost], indexed: bool = True) -> QuerySet[SourcePost]:
    """Only the first post of each group of copies.

    Written ``cluster IS NULL``, the condition lets SQLite walk the ``(cluster, posted_at)``
    index in time order and stop after a page: right for the whole inbox by time. For the
    engagement order, or a narrow filter (an author, a rare word or label), that index is
    the wrong road: SQLite would read most of the table. The condition is then written so
    that no index serves it, and SQLite takes engagement_total's index, or the filter's.
    SQLite keeps no statistics unless ANALYZE runs, so it cannot choose by itself.
    """
    if indexed:
        return posts.filter(cluster__isnull=True)
    return posts.alias(_group=Coalesce("cluster_id", Value(0))).filter(_group=0)


def order(sort: str, by_index: bool = True) -> tuple[OrderBy, ...]:
    """The sort order; for a narrow filter, as expressions no index serves, so that SQLite
    reads the few matching posts by the filter's index and sorts them, instead of walking
    the sort's index past a million others."""
    if by_index:
        return SORTS[sort][1]
    return tuple(
        OrderBy(Coalesce(term.expression, term.expression), descending=term.descending)
        for term in SORTS[sort][1]
    )


# --- Paging without counting a million rows ------------------------------------------------


class InboxPaginator(WagtailPaginator):
    """Wagtail's admin paginator, counting at most :data:`COUNT_CAP` matches.

    ``count`` stops at the cap; ``capped`` says there were more. Pages past the cap are not
    offered: a narrower search or the other sort order reaches those posts.
    """

    def __init__(self, object_list, per_page=PAGE_SIZE, cap=COUNT_CAP, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def _capped_count(self) -> int:
        # SELECT COUNT(*) FROM (SELECT ... LIMIT cap + 1): reads at most cap + 1 index rows.
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._capped_count, self.cap)

    @cached_property
    def capped(self) -> bool:
        return self._capped_count > self.cap

    @cached_property
    def num_pages(self) -> int:
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        return max(1, math.ceil(self.count / self.per_page))

    @cached_property
    def items_count_label(self) -> str:
        if self.capped:
            return f"more than {self.cap:,} posts"
        return "1 post" if self.count == 1 else f"{self.count:,} posts"


# --- What a row shows ---------------------------------------------------------------------


def copy_counts(posts: Iterable[SourcePost]) -> dict[int, int]:
    """For the given heads of groups, how many copies each has (one query, page-sized)."""
    ids = [post.pk for post in posts if post.cluster_id is None]
    if not ids:
        return {}
    rows = (
        SourcePost.objects.filter(cluster_id__in=ids)
        .order_by()
        .values_list("cluster_id")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


@dataclass
class InboxRow:
    post: SourcePost
    copies: int
    excerpt: SafeString

    @cached_property
    def language(self) -> str:
        return post_language_name(self.post)

    @property
    def lang_attribute(self) -> str:
        return lang_attribute(self.post)

    @cached_property
    def labels(self) -> list[Label]:
        return list(self.post.labels.all())  # prefetched

    @cached_property
    def engagement(self) -> list[tuple[str, int]]:
        return sorted(
            (
                (name.replace("_", " "), count)
                for name, count in (self.post.engagement or {}).items()
            ),
            key=lambda pair: -pair[1],
        )


def rows_for(posts: Iterable[SourcePost], query: str = "") -> list[InboxRow]:
    """The page's posts as rows: copies counted and labels read once for the whole page."""
    posts = list(posts)
    counts = copy_counts(posts)
    return [
        InboxRow(post, counts.get(post.pk, 0), highlight(post.text, query, EXCERPT_LENGTH))
        for post in posts
    ]


def page_queryset(posts: QuerySet[SourcePost]) -> QuerySet[SourcePost]:
    """What a page needs beyond the posts' columns: their labels, in one more query."""
    return posts.prefetch_related("labels")


# --- Marking the search words -------------------------------------------------------------


def needles(query: str) -> list[tuple[str, bool]]:
    """The query's folded pieces to look for: (Han run, False) or (Latin word, True)."""
    folded = fold(query, mapped=False).text
    found: list[tuple[str, bool]] = []
    last = 0
    for run in HAN_RUN.finditer(folded):
        found.extend((word, True) for word in LATIN_WORD.findall(folded[last : run.start()]))
        found.append((run.group(), False))
        last = run.end()
    found.extend((word, True) for word in LATIN_WORD.findall(folded[last:]))
    return found


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's words occur in ``text``: spans of the text as written, merged.

    Both are folded the way the index folds them (full-width, case, Traditional to
    Simplified), so 遣返 marks 遣返 in a Traditional post too.
    """
    pieces = needles(query) if query else []
    if not pieces or not text:
        return []
    folded = fold(text)
    spans = []
    for needle, whole_word in pieces:
        pattern = re.escape(needle)
        if whole_word:
            pattern = rf"(?<![^\W_]){pattern}(?![^\W_])"
        for found in re.finditer(pattern, folded.text):
            spans.append(folded.original_span(found.start(), found.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, query: str = "", limit: int | None = None) -> SafeString:
    """``text`` escaped, with the search words in ``<mark>``; cut to about ``limit``
    characters, around the first match when it lies further on."""
    spans = match_spans(text, query)
    start, end = 0, len(text)
    if limit is not None and len(text) > limit:
        if spans and spans[0][1] > limit:
            start = max(0, spans[0][0] - limit // 4)
        end = min(len(text), start + limit)
    pieces = ["…"] if start else []
    cursor = start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(format_html("<mark>{}</mark>", text[span_start:span_end]))
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(str(piece) for piece in pieces))  # every piece escaped above


# --- Bulk edits ---------------------------------------------------------------------------


def add_label(post_ids: Iterable[int], label: Label) -> int:
    """Put ``label`` on the posts; returns how many did not have it yet."""
    return _add(SourcePost.labels.through, "label_id", label.pk, post_ids)


def remove_label(post_ids: Iterable[int], label: Label) -> int:
    """Take ``label`` off the posts; returns how many had it."""
    deleted, _ = SourcePost.labels.through.objects.filter(
        label_id=label.pk, sourcepost_id__in=list(post_ids)
    ).delete()
    return deleted


def add_to_collection(post_ids: Iterable[int], collection: Collection) -> int:
    """Put the posts in ``collection``; returns how many were not in it yet."""
    return _add(SourcePost.collections.through, "collection_id", collection.pk, post_ids)


def _add(through, column: str, value: int, post_ids: Iterable[int]) -> int:
    ids = set(SourcePost.objects.filter(pk__in=list(post_ids)).values_list("pk", flat=True))
    with transaction.atomic():
        present = set(
            through.objects.filter(**{column: value}, sourcepost_id__in=ids).values_list(
                "sourcepost_id", flat=True
            )
        )
        through.objects.bulk_create(
            [through(**{column: value}, sourcepost_id=pk) for pk in sorted(ids - present)],
            ignore_conflicts=True,
        )
    return len(ids - present)
