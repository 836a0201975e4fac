"""A picture of the conversation: how a collection's posts spread over days and labels.

An editor deciding how to frame a story wants to see when people spoke up and which side was
louder, not a table. The chart is SVG written here, on the server: it needs no script and no
third-party origin, prints, and reads the same in the admin and in an exported report. Days
are calendar days in the site's time zone.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils.dateformat import format as format_date
from django.utils.html import escape

from .models import Collection, SourcePost, language_tag

UNLABELLED = "unlabelled"
OTHER = "other"
# Okabe and Ito's palette, which stays distinguishable with the common colour-vision
# deficiencies; ordered so that the first few colours differ most.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER_COLOUR = "#6E6E6E"
UNLABELLED_COLOUR = "#BDBDBD"

WIDTH = 720
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_HEIGHT = 48, WIDTH - 16, 16, 220
PLOT_BOTTOM = PLOT_TOP + PLOT_HEIGHT
MAX_DATE_LABELS = 8
MAX_BAR_WIDTH = 48
LEGEND_ROW = 20
LEGEND_TOP = PLOT_BOTTOM + 58  # below the dates and the year line under them
FONT = 'font-family="system-ui, sans-serif" font-size="12" fill="#1c1f23"'

DayCounts = tuple[date, dict[str, int]]


@dataclass(frozen=True)
class Series:
    """One band of the stacked bars: a label (or a group of them) and its colour."""

    name: str
    colour: str
    members: frozenset[str]
    total: int


def posts_per_day(collection: Collection) -> list[DayCounts]:
    """Every day from the first post to the last, with its posts counted per label name.

    Quiet days are included (with no counts) because gaps are part of the picture. A post
    with no label counts under ``unlabelled``; one with several counts under each. Posts
    without a date cannot be placed on a day and are left out.
    """
    rows = (
        SourcePost.objects.filter(collections=collection, posted_at__isnull=False)
        .annotate(day=TruncDate("posted_at"))
        .values_list("day", "labels__name")
        .annotate(posts=Count("pk", distinct=True))
        .order_by("day")
    )
    by_day: dict[date, dict[str, int]] = defaultdict(dict)
    for day, label, posts in rows:
        name = label if label is not None else UNLABELLED
        by_day[day][name] = by_day[day].get(name, 0) + posts
    if not by_day:
        return []
    first, last = min(by_day), max(by_day)
    days = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
    return [(day, by_day.get(day, {})) for day in days]


def counts(collection: Collection) -> dict[str, dict[str, int]]:
    """How many of the collection's posts came from each platform and in each language.

    Languages are BCP-47 tags with the script, so Simplified and Traditional Chinese (often
    the mainland and Taiwan or Hong Kong) are counted apart. Largest first.
    """
    posts = SourcePost.objects.filter(collections=collection).order_by()
    platforms = posts.values_list("platform").annotate(n=Count("pk"))
    languages: dict[str, int] = defaultdict(int)
    for language, script, n in posts.values_list("language", "script").annotate(n=Count("pk")):
        languages[language_tag(language, script)] += n
    return {"platform": largest_first(dict(platforms)), "language": largest_first(languages)}


def largest_first(tally: dict[str, int]) -> dict[str, int]:
    return dict(sorted(tally.items(), key=lambda item: (-item[1], item[0])))


def chart_svg(collection: Collection) -> str:
    """The collection's posts per day as stacked bars by label, as a standalone SVG document."""
    days = posts_per_day(collection)
    if not days:
        undated = SourcePost.objects.filter(collections=collection).exists()
        return message_svg("No dated posts yet" if undated else "No posts yet")
    series = series_for(days)
    top = y_top(days)
    legend, legend_height = legend_svg(series, LEGEND_TOP)
    height = LEGEND_TOP + legend_height
    return "".join(
        [
            svg_open(height, summary(collection, days, series)),
            f"<desc>{escape(description(series))}</desc>",
            axes_svg(days, top),
            bars_svg(days, series, top),
            legend,
            "</svg>",
        ]
    )


def series_for(days: list[DayCounts]) -> list[Series]:
    """The bands to draw, largest at the bottom: up to eight labels, the rest as ``other``.

    Unlabelled posts get their own grey band on top, outside the palette.
    """
    totals: dict[str, int] = defaultdict(int)
    for _, tally in days:
        for name, n in tally.items():
            totals[name] += n
    unlabelled = totals.pop(UNLABELLED, 0)
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    named = ranked if len(ranked) <= len(PALETTE) else ranked[: len(PALETTE) - 1]
    series = [
        Series(name, colour, frozenset([name]), totals[name])
        for name, colour in zip(named, PALETTE, strict=False)
    ]
    if rest := ranked[len(named) :]:
        others = sum(totals[name] for name in rest)
        series.append(
            Series(f"{OTHER} ({len(rest)} labels)", OTHER_COLOUR, frozenset(rest), others)
        )
    if unlabelled:
        series.append(Series(UNLABELLED, UNLABELLED_COLOUR, frozenset([UNLABELLED]), unlabelled))
    return series


def summary(collection: Collection, days: list[DayCounts], series: list[Series]) -> str:
    """What the chart shows, in one sentence, for its title and for screen readers."""
    span = f"{long_date(days[0][0])} to {long_date(days[-1][0])}"
    if len(days) == 1:
        span = f"on {long_date(days[0][0])}"
    labels = len([band for band in series if band.name != UNLABELLED])
    return (
        f"Posts per day by label in “{collection.name}”, {span}: "
        f"{len(days)} day{'s' if len(days) != 1 else ''}, "
        f"{labels} label group{'s' if labels != 1 else ''}"
    )


def description(series: list[Series]) -> str:
    totals = "; ".join(f"{band.name}: {band.total}" for band in series)
    return (
        f"Posts per label over the period: {totals}. "
        "A post with several labels counts once under each."
    )


def svg_open(height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
    )


def message_svg(message: str) -> str:
    """A chart-sized placeholder that says plainly why there is no chart."""
    height = 120
    return (
        f"{svg_open(height, message)}"
        f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="{height - 1}" fill="#f4f1ea" '
        f'stroke="#d9d4c7"/>'
        f'<text x="{WIDTH // 2}" y="{height // 2 + 5}" text-anchor="middle" {FONT}>'
        f"{escape(message)}</text></svg>"
    )


def y_top(days: list[DayCounts]) -> int:
    """The top of the count axis: the busiest day's stack rounded up to a tick step."""
    busiest = max(sum(tally.values()) for _, tally in days)
    step = tick_step(busiest)
    return max(step, math.ceil(busiest / step) * step)


def tick_step(largest: int, ticks: int = 4) -> int:
    """A whole, round step (1, 2, 5, 10, 20, ...) giving about ``ticks`` gridlines."""
    rough = max(1.0, largest / ticks)
    magnitude = 10 ** math.floor(math.log10(rough))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)


def slot_width(days: list[DayCounts]) -> float:
    return (PLOT_RIGHT - PLOT_LEFT) / len(days)


def axes_svg(days: list[DayCounts], top: int) -> str:
    """Gridlines with post counts up the side and thinned-out dates along the bottom."""
    parts = []
    step = tick_step(top)
    for value in range(0, top + 1, step):
        y = PLOT_BOTTOM - value / top * PLOT_HEIGHT
        parts.append(
            f'<line x1="{PLOT_LEFT}" x2="{PLOT_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{"#535a63" if value == 0 else "#e4e0d6"}" stroke-width="1"/>'
            f'<text x="{PLOT_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" {FONT}>{value}</text>'
        )
    parts.append(
        f'<text x="12" y="{PLOT_TOP + PLOT_HEIGHT / 2:.0f}" text-anchor="middle" '
        f'transform="rotate(-90 12 {PLOT_TOP + PLOT_HEIGHT / 2:.0f})" {FONT}>Posts</text>'
    )
    previous_year = None
    for index in date_label_indices(len(days)):
        year = days[index][0].year
        parts.append(date_label(days, index, with_year=year != previous_year))
        previous_year = year
    return "".join(parts)


def date_label_indices(count: int) -> range:
    """Which days get a date under them: all of a short period, evenly spaced for a long one."""
    return range(0, count, math.ceil(count / MAX_DATE_LABELS))


def date_label(days: list[DayCounts], index: int, with_year: bool) -> str:
    """A tick and "2 Nov" under day ``index``; the year under it where the year starts."""
    day = days[index][0]
    x = PLOT_LEFT + (index + 0.5) * slot_width(days)
    year = f'<tspan x="{x:.1f}" dy="14">{day.year}</tspan>' if with_year else ""
    return (
        f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{PLOT_BOTTOM}" y2="{PLOT_BOTTOM + 4}" '
        f'stroke="#535a63"/>'
        f'<text x="{x:.1f}" y="{PLOT_BOTTOM + 17}" text-anchor="middle" {FONT}>'
        f"{escape(format_date(day, 'j M'))}{year}</text>"
    )


def bars_svg(days: list[DayCounts], series: list[Series], top: int) -> str:
    """One stacked bar per day, each band with a tooltip naming its day, label and count."""
    slot = slot_width(days)
    width = min(MAX_BAR_WIDTH, slot * 0.8 if slot >= 4 else slot)
    parts = []
    for index, (day, tally) in enumerate(days):
        x = PLOT_LEFT + index * slot + (slot - width) / 2
        y = float(PLOT_BOTTOM)
        for band in series:
            n = sum(tally.get(name, 0) for name in band.members)
            if not n:
                continue
            height = n / top * PLOT_HEIGHT
            y -= height
            tip = f"{long_date(day)}, {band.name}: {n}"
            parts.append(
                f'<rect x="{x:.2f}" y="{y:.2f}" width="{width:.2f}" height="{height:.2f}" '
                f'fill="{band.colour}"><title>{escape(tip)}</title></rect>'
            )
    return "".join(parts)


def legend_svg(series: list[Series], top: int) -> tuple[str, int]:
    """Swatches and names, flowing into rows across the chart's width; and their height."""
    parts = []
    x, y = PLOT_LEFT, top
    for band in series:
        name = shorten(band.name)
        item_width = 18 + text_width(name) + 20
        if x + item_width > PLOT_RIGHT and x > PLOT_LEFT:
            x, y = PLOT_LEFT, y + LEGEND_ROW
        parts.append(
            f"<g><title>{escape(band.name)}: {band.total}</title>"
            f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{band.colour}" '
            f'stroke="#535a63" stroke-width="0.5"/>'
            f'<text x="{x + 18}" y="{y}" {FONT}>{escape(name)}</text></g>'
        )
        x += item_width
    return "".join(parts), y - top + LEGEND_ROW


def shorten(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def text_width(text: str) -> int:
    """Roughly how wide ``text`` sets at 12px: Chinese characters take about twice a letter."""
    return sum(12 if unicodedata.east_asian_width(c) in "WF" else 7 for c in text)


def long_date(day: date) -> str:
    return format_date(day, "j F Y")
