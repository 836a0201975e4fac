"""Make Chinese text findable by a full-text index that splits words on spaces.

Chinese is written without spaces, so an index sees a whole sentence as one token and a
search for one word inside it finds nothing. We index a copy of the text converted to
Simplified characters (OpenCC) and cut into words (jieba), and prepare queries the same way,
so a Traditional query finds Simplified text and the reverse.
"""

import re

from netizen.chinese import has_han, simplified, tokenizer

WORD = re.compile(r"\w", re.UNICODE)


def words(text: str) -> list[str]:
    """Words of a text for search: Simplified, segmented for search, lower-cased, no punctuation.

    ``cut_for_search`` also yields the shorter words inside long ones (脱北 inside 脱北者),
    so a reader's shorter query still matches.
    """
    return [
        word.lower() for word in tokenizer().cut_for_search(simplified(text)) if WORD.search(word)
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
