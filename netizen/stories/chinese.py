"""Make Chinese text findable by a full-text index that splits words on spaces.

Chinese is written without spaces, so an index sees a whole sentence as one token and a
search for one word inside it finds nothing. We index a copy of the text converted to
Simplified characters (OpenCC) and cut into words (jieba), and prepare queries the same way,
so a Traditional query finds Simplified text and the reverse.
"""

import logging
import re
from functools import cache

import jieba
import opencc
from django.conf import settings

jieba.setLogLevel(logging.WARNING)

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
WORD = re.compile(r"\w", re.UNICODE)


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _tokenizer() -> jieba.Tokenizer:
    """jieba's dictionary, loaded once; its cache file lives in our data directory."""
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(settings.DATA_DIR)
    return tokenizer


def has_han(text: str) -> bool:
    return bool(HAN.search(text))


def simplified(text: str) -> str:
    return _to_simplified().convert(text)


def words(text: str) -> list[str]:
    """Words of a text for search: Simplified, segmented for search, lower-cased, no punctuation.

    ``cut_for_search`` also yields the shorter words inside long ones (脱北 inside 脱北者),
    so a reader's shorter query still matches.
    """
    return [
        word.lower() for word in _tokenizer().cut_for_search(simplified(text)) if WORD.search(word)
    ]


def index_text(text: str) -> str:
    """The Chinese words of a text, space-separated, for an extra search-index field."""
    if not has_han(text):
        return ""
    return " ".join(word for word in words(text) if has_han(word))


def query_text(query: str) -> str:
    """A reader's query rewritten to the words the index holds."""
    if not has_han(query):
        return query
    return " ".join(words(query))
