"""Cut Chinese text into words, keeping each word as the writer wrote it.

jieba's dictionary is Simplified, and it cuts Traditional text into single characters, so the
text is converted to Simplified (OpenCC) before cutting and each word is then taken back from
the original text at the same place. jieba runs without its HMM guesser: for a glossary a
dictionary word is worth more than a guessed one (the guesser makes 我用 and 张小 words).

This module repeats the few lines of ``netizen.stories.chinese`` that set jieba up, on
purpose: ``translation`` is a service that imports no other app.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache

import jieba
import opencc
from django.conf import settings

jieba.setLogLevel(logging.WARNING)

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@dataclass(frozen=True)
class Token:
    """A word as written, and its Simplified form for lookups."""

    text: str
    simplified: str


def has_han(text: str) -> bool:
    return bool(HAN.search(text))


def simplified(text: str) -> str:
    return _to_simplified().convert(text)


def segment(text: str) -> list[Token]:
    """The words of ``text`` in order; joined again they give back ``text`` exactly."""
    converted = simplified(text)
    if len(converted) != len(text):  # a conversion changed the length: cut the original
        return [Token(word, simplified(word)) for word in _cut(text)]
    tokens = []
    start = 0
    for word in _cut(converted):
        end = start + len(word)
        tokens.append(Token(text[start:end], word))
        start = end
    return tokens


def _cut(text: str) -> list[str]:
    return list(_tokenizer().cut(text, HMM=False))


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _tokenizer() -> jieba.Tokenizer:
    """jieba's dictionary, loaded once; its cache file lives in our data directory if set."""
    tokenizer = jieba.Tokenizer()
    if data_dir := getattr(settings, "DATA_DIR", None):
        tokenizer.tmp_dir = str(data_dir)
    return tokenizer
