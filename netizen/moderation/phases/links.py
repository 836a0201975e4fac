"""Links and contact details: how spam gets a reader somewhere else.

Comments are plain text, so a link is whatever looks like an address: ``http(s)://``,
``www.`` or a bare domain with a common top-level domain (``example.com``, also written with
an ideographic full stop, ``example。com``). Chinese spam more often leaves a WeChat or QQ id
or a phone number instead ("加V", "vx: abc123"), which is flagged the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from netizen.moderation.verdict import SPAM, Flag

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

PHASE = "links"
MAX_CONTACT_FLAGS = 3

# Not "in", "me", "us" and the like: "It was fine.In the end" is no link.
_TLDS = (
    "com|net|org|info|biz|io|xyz|top|vip|cc|ly|site|online|club|shop|store|app|icu|buzz|"
    "pw|tk|ml|ga|cf|gq|ru|cn|hk|tw|uk|de|fr|jp|kr|au"
)
URL = re.compile(
    r"(?:https?://|www[.。])[^\s<>\"'，。！？、（）]*[^\s<>\"'，。！？、（）.,;:!?)]"
    rf"|(?<![a-z0-9.@-])(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?[.。])+(?:{_TLDS})(?![a-z0-9-])"
    r"(?:/[^\s<>\"'，。！？、（）]*)?"
)
# A quick look for anything link-like, before the full pattern (slow on long text) runs.
MAYBE_URL = re.compile(rf"[.。:](?:(?:{_TLDS})(?![a-z0-9-])|//)|www[.。]")
# An id worth flagging: after a colon or 号, any handle; otherwise one containing a digit,
# or a phone number of 7 digits or more, written in groups (WhatsApp +852 5123 4567).
_ID = (
    r"(?:\s*(?:(?:号码?|id)\s*[:：=]?|[:：=])\s*[@+]?[a-z0-9][a-z0-9_-]{4,19}"
    r"|\s*[@+]?(?=[a-z0-9_-]{5,20}(?![a-z0-9_-]))[a-z_-]*\d[a-z0-9_-]*"
    # (Not a date: WhatsApp 2024 03 15.)
    r"|\s*(?=\+?(?:[\s-]?\d){7})(?!(?:19|20)\d\d[\s-]\d\d[\s-]\d\d(?!\d))"
    r"\+?\d{1,4}(?:[\s-]?\d{2,5}){1,4}(?!\d))"
)
_CONTACT = re.compile(
    # (Every form opens with one of these: a position without one fails at once.)
    r"(?=[加vwq微威薇扣tl+81])(?:"
    # 加V, 加微, 加Q, 加扣扣, 加LINE, 加赖 (LINE, in Taiwan): "add me on WeChat/QQ", with or without
    # the id.
    r"加\s*(?:v|微|薇|威|q|扣|企鹅)(?![a-z])"
    r"|(?<![增参更追附添施])加\s*(?:line(?![a-z])(?!\s*id\b)|赖(?=\s*(?:id|号|line|[:：@]|$|[,.!?;，。！？；])))"
    rf"|(?<![a-z])(?:vx|wx|v信|微信|威信|薇信|weixin|wechat|qq|扣扣|whatsapp|telegram"
    rf"|line(?=\s*id\b)){_ID}"
    # Mainland mobile numbers, also spaced or hyphenated; and 加 + a QQ-like number.
    r"|(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)"
    r"|加\s*\d{6,11}(?!\d)"
    r")"
)
# An invitation to a messenger group or chat: t.me/moonsignals, wa.me/85251234567.
_INVITE = re.compile(
    r"(?<![a-z0-9.])(?:t\.me|wa\.me|line\.me|discord\.gg|chat\.whatsapp\.com)/[a-z0-9_+-]{3,}"
)

# An address spelt out so that filters miss it: "w w w . cheap-pills . c o m",
# "example(dot)com", "pays dot com slash now". Nobody writes a link like that but to dodge a
# filter. (Not "pills dot com" alone: "the dot com bubble".)
_SPELT_OUT = re.compile(
    r"\bw w w ?[.。](?: ?[a-z0-9-]+(?: ?[.。] ?(?:c o m\b|[a-z0-9-]+))*)?"
    r"|[a-z0-9-]+ ?[.。] ?c o m\b"
    r"|[a-z0-9-]+[(\[{] ?dot ?[)\]}] ?[a-z]+"
    r"|[a-z0-9-]+ dot (?:com|c0m|net|org) slash [a-z0-9-]+"
)


def run(state: ScreeningState) -> Iterator[Flag]:
    folded = state.view()
    text = folded.text
    limit = state.context.policy.max_links
    links = list(URL.finditer(text)) if MAYBE_URL.search(text) else []
    if len(links) > limit:
        excess = links[limit]
        yield Flag(
            SPAM,
            0.6,
            "too_many_links",
            PHASE,
            span=folded.original_span(*excess.span()),
            detail=f"{len(links)} links; at most {limit} expected",
        )
    # (Words that every such address holds, looked for first: most comments have none.)
    spelt_out = "dot" in text or "c o m" in text or "w w w" in text
    if spelt_out and (spelt := _SPELT_OUT.search(text)):
        span = folded.original_span(*spelt.span())
        detail = state.text[span[0] : span[1]].strip()
        yield Flag(SPAM, 0.6, "spelt_out_link", PHASE, span=span, detail=detail)
    contacts = list(_CONTACT.finditer(text))
    if ".me/" in text or ".gg/" in text or "whatsapp.com/" in text:
        contacts = sorted([*contacts, *_INVITE.finditer(text)], key=lambda found: found.start())
    for contact in contacts[:MAX_CONTACT_FLAGS]:
        span = folded.original_span(*contact.span())
        yield Flag(
            SPAM,
            0.6,
            "contact_details",
            PHASE,
            span=span,
            detail=state.text[span[0] : span[1]].strip(),
        )
