"""Which language the comment is in, so the queue can sort and route it (no flags).

Chinese is told by its script alone: text made mostly of Han characters is Chinese, and
lingua is asked only about the rest. Traditional and Simplified Chinese are told apart by
whether folding to Simplified changed the characters.

lingua runs in its high-accuracy mode: on 1,000 English tweets among five languages the
low-accuracy mode was only 1.5 times faster (0.13 against 0.20 ms) and got 76 wrong instead
of 21, and with the script shortcuts above lingua rarely runs at all.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

from netizen.moderation.normalise import Folded

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

logger = logging.getLogger(__name__)

UNDETERMINED = "und"

_NOT_LETTERS = re.compile(r"[\W\d_]+")
_ASCII_LETTER = re.compile(r"[a-z]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_HAN_RUNS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# Languages that cannot be present without their script: skipped when it is missing.
_SCRIPTS = {
    "zh": _HAN,
    "ja": re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"),
    "ko": re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"),
    "ru": re.compile("[\u0400-\u04ff]"),
    "uk": re.compile("[\u0400-\u04ff]"),
    "ar": re.compile("[\u0600-\u06ff]"),
    "fa": re.compile("[\u0600-\u06ff]"),
    "he": re.compile("[\u0590-\u05ff]"),
    "el": re.compile("[\u0370-\u03ff]"),
    "th": re.compile("[\u0e00-\u0e7f]"),
}
_KANA = re.compile("[\u3040-\u30ff]")
# Share of Han characters among the changed ones that makes a text Traditional.
TRADITIONAL_SHARE = 0.1


@lru_cache(maxsize=16)
def detector(codes: tuple[str, ...]) -> LanguageDetector | None:
    """A lingua detector for these languages, built once (building it is slow)."""
    isos = []
    for code in codes:
        try:
            isos.append(IsoCode639_1.from_str(code))
        except ValueError:
            logger.warning("Language %r is unknown to the detector; ignored", code)
    if len(isos) < 2:
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()


def chinese(folded: Folded, han: int) -> str:
    """``zh-Hant`` when the text was Traditional, else ``zh-Hans``."""
    changed = folded.traditional
    return "zh-Hant" if changed and changed >= TRADITIONAL_SHARE * han else "zh-Hans"


def detect(folded: Folded, languages: tuple[str, ...]) -> str:
    text = folded.text
    if text.isascii():
        letters, han = (1 if _ASCII_LETTER.search(text) else 0), 0
    else:
        # Counted by what removing them leaves: no list of one-character strings.
        letters = len(_NOT_LETTERS.sub("", text))
        han = len(text) - len(_HAN_RUNS.sub("", text))
    if not letters:
        return UNDETERMINED
    if "zh" in languages and han * 2 >= letters and not ("ja" in languages and _KANA.search(text)):
        return chinese(folded, han)
    candidates = tuple(
        code for code in languages if code not in _SCRIPTS or _SCRIPTS[code].search(text)
    )
    if len(candidates) <= 1:
        found = candidates[0] if candidates else UNDETERMINED
    else:
        lingua = detector(tuple(sorted(candidates)))
        if lingua is None:
            return UNDETERMINED
        language = lingua.detect_language_of(text)
        found = language.iso_code_639_1.name.lower() if language else UNDETERMINED
    return chinese(folded, han) if found == "zh" else found


def run(state: ScreeningState) -> None:
    state.language = detect(state.view(), state.context.policy.languages)
