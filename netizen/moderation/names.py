"""Names and phrases that hold a listed word but mean something else, read by the word
lists (``phases.words``) and by the models that would take their words as obscene
(``phases.classify``).

Chinese terms match inside words: 印度支那 is Indochina, 女拳击 women's boxing, 靠北边走
"keep to the north side", 尼哥拉斯 Nicholas, 薛蛮子 an investor and blogger. Dick Van Dyke
and Moby Dick are names, spotted dick a pudding, "cock and bull" a tall story, the Cock and
Bottle a pub, Dykes on Bikes the lesbian motorcyclists who lead many Pride parades.
"""

from __future__ import annotations

NAMES = (
    "印度支那", "女拳击", "靠北边", "靠北走", "尼哥拉斯", "dick van dyke", "van dyke", "moby dick",
    "spotted dick", "cock and bull", "cock and bottle", "dykes on bikes", "薛蛮子",
)  # fmt: skip


def without_names(text: str) -> str:
    """``text`` (folded) with the ``NAMES`` in it left out."""
    for name in NAMES:
        if name in text:
            text = text.replace(name, " ")
    return text


def inside_a_name(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` of ``text`` (folded) is part of one of the ``NAMES``."""
    for name in NAMES:
        at = text.find(name, max(0, end - len(name)), start + len(name))
        if at != -1 and at <= start and end <= at + len(name):
            return True
    return False
