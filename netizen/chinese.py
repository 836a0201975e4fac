"""Chinese text helpers shared by the apps: Han detection, Traditional→Simplified, and jieba.

jieba's dictionary takes 0.6 s and 60 MB to load (from its cache file, on the development
machine), so a process that both indexes stories and glosses sources must load it once:
every app cuts Chinese with :func:`tokenizer`. The moderation library keeps its own
converter (it runs without Django, see ``netizen.moderation.normalise``).
"""

from __future__ import annotations

import logging
import re
from functools import cache

import jieba
import opencc
from django.conf import settings

jieba.setLogLevel(logging.WARNING)

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def has_han(text: str) -> bool:
    return bool(HAN.search(text))


def simplified(text: str) -> str:
    return _to_simplified().convert(text)


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def tokenizer() -> jieba.Tokenizer:
    """jieba's dictionary, loaded once per process; its cache file lives in our data
    directory."""
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(settings.DATA_DIR)
    return tokenizer
