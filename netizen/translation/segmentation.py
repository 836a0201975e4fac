"""Cut Chinese text into words, keeping each word as the writer wrote it.

jieba's dictionary is Simplified, and it cuts Traditional text into single characters, so the
text is converted to Simplified (OpenCC) before cutting and each word is then taken back from
the original text at the same place. jieba runs without its HMM guesser: for a glossary a
dictionary word is worth more than a guessed one (the guesser makes 我用 and 张小 words).
"""

from __future__ import annotations

from dataclasses import dataclass

from netizen.chinese import simplified, tokenizer


@dataclass(frozen=True)
class Token:
    """A word as written, and its Simplified form for lookups."""

    text: str
    simplified: str


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
    return list(tokenizer().cut(text, HMM=False))
