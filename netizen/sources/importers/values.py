"""Counts and link lists as exports write them: numbers as text, URLs joined in one field."""

from __future__ import annotations

# Weibo shows large counts as "1.2万" (ten thousands) or "3亿" (hundred millions).
CHINESE_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def count(value: object, field: str) -> int:
    """A non-negative count from an int or text such as "12", "1,234", "1.2万" or "100万+"."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and value.isdecimal():
        return int(value)  # the usual case, by far: a plain number in a text field
    text = str(value).strip().rstrip("+").replace(",", "")
    try:
        if text and text[-1] in CHINESE_UNITS:
            number = round(float(text[:-1]) * CHINESE_UNITS[text[-1]])
        else:
            number = int(text)
    except ValueError:
        raise ValueError(f"{field} is not a number: {value!r}") from None
    if number < 0:
        raise ValueError(f"{field} is negative: {value!r}")
    return number


def counts(record: dict, fields: dict[str, str]) -> dict[str, int]:
    """Engagement named our way ("likes") from the source's fields; empty ones left out."""
    found: dict[str, int] = {}
    for name, field in fields.items():
        value = record.get(field)
        if value is not None and value != "":
            found[name] = count(value, field)
    return found


def url_list(value: object, separator: str = ",") -> list[str]:
    """URLs from a list, or from one text field that joins them with `separator`.

    The separator must be the one the source uses: video links carry commas in their query
    strings, which is why crawlers join them with semicolons.
    """
    if not value:
        return []
    items = value if isinstance(value, list) else str(value).split(separator)
    return [text for text in (str(item).strip() for item in items if item) if text]
