"""Statistical classifiers: English obscenity and Chinese offensive language.

Which classifiers run depends on the detected language and on the scripts in the text: ``en``
runs the English model, ``zh`` (``zh-Hans``, ``zh-Hant``) the Chinese one, and a text with
both Latin words and Han characters runs both whatever its detected language; an undetermined
language runs the models whose script appears. Every model that runs is recorded in
``state.models`` with its version, and leaves a flag when it scores at least
:data:`REPORT_AT`, so moderators see moderate scores too; :func:`~netizen.moderation.decide.decide`
applies the policy's thresholds. An operator's own transformer model (ONNX, see
:mod:`netizen.moderation.onnx_backend`) runs after them when ``NETIZEN_SCREENING_ONNX_DIR``
names one.

A model that cannot be loaded makes this phase raise: the pipeline then marks the screening
unavailable (fail closed) rather than let the comment pass as clean.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from netizen.moderation import classifiers, onnx_backend
from netizen.moderation.cues import own_words, without_identities
from netizen.moderation.names import without_names
from netizen.moderation.phases import links
from netizen.moderation.verdict import Flag

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

PHASE = "classify"
REASON = "classifier"
# The reason of a model that knows "offensive" but not at whom: the Chinese model (COLD's
# comments mostly attack groups, so it reports hate speech). The target phase reads the
# comment to say whether it is aimed at a group, a person or no one.
UNTARGETED = frozenset({classifiers.OFFENSIVE_ZH})
UNTARGETED_REASON = "classifier_untargeted"
# Scores from here up are reported as flags; whether they matter is the policy's call.
REPORT_AT = 0.3
# A comment that only quotes someone else is scored at this share of its score.
QUOTE_ONLY_WEIGHT = 0.5

# Models that read identity words as obscene ("gay" alone scores 0.98 with the English one,
# "the gay couple next door are lovely" 0.49), and names that hold a vulgar word (Dick Van
# Dyke 0.91). Their score is the lower of the comment's and the same comment's without
# those words: a comment that is obscene stays so without them.
IDENTITY_BLIND = frozenset({classifiers.OBSCENITY_EN})

# Models that take any address for an advert: they read the comment without the links to
# the policy's trusted hosts (a reader citing a news site is not advertising it).
LINK_BLIND = frozenset({classifiers.SPAM_EN})

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
LATIN_WORD = re.compile(r"[a-z]{2,}", re.IGNORECASE)  # the English model's tokens: 2+ letters


def choose(language: str, text: str) -> list[str]:
    """The names of the classifiers to run on ``text`` detected as ``language``."""
    base = language.split("-")[0].lower()
    chosen = []
    if base == "en" or LATIN_WORD.search(text):
        chosen.extend((classifiers.OBSCENITY_EN, classifiers.SPAM_EN))
    if base == "zh" or HAN.search(text):
        chosen.append(classifiers.OFFENSIVE_ZH)
    return chosen


def without_trusted_links(text: str, hosts: tuple[str, ...]) -> str:
    """``text`` without its links to ``hosts`` or their subdomains."""
    if not hosts or not links.MAYBE_URL.search(text):
        return text
    return links.URL.sub(lambda link: " " if trusted(link.group(), hosts) else link.group(), text)


def trusted(link: str, hosts: tuple[str, ...]) -> bool:
    """Whether ``link`` (as written, with or without a scheme) leads to one of ``hosts``."""
    host = urlsplit(link if "//" in link else f"//{link}").hostname or ""
    return any(host == allowed or host.endswith(f".{allowed}") for allowed in hosts)


def flag(label: str, score: float, model_name: str) -> Flag:
    reason = UNTARGETED_REASON if model_name in UNTARGETED else REASON
    return Flag(
        label=label, score=score, reason=reason, phase=PHASE, detail=f"{model_name} {score:.2f}"
    )


def run_onnx(state: ScreeningState) -> list[Flag]:
    """The operator's transformer model, when one is configured and speaks the language.

    It reads the text as the reader wrote it: a transformer has its own tokenizer, and
    folding (lower case, Simplified script) would take it away from what it was trained on.
    """
    model = onnx_backend.configured()  # raises if configured but unusable: fail closed
    if model is None or state.language.split("-")[0].lower() not in model.languages:
        return []
    state.models[model.name] = model.version
    return [
        flag(label, score, model.name)
        for label, score in model.scores(state.text).items()
        if score >= REPORT_AT
    ]


def run(state: ScreeningState) -> list[Flag]:
    # The normalised text: case, width, lookalikes and Traditional script already folded.
    # Only the commenter's own words count in full: quoting a post to reject it is not
    # saying it. A comment that is all quotation is scored whole, at half weight.
    text = state.view().text
    own = own_words(text)
    weight = 1.0 if own.strip() else QUOTE_ONLY_WEIGHT
    scored = own if own.strip() else text
    policy = state.context.policy
    flags = []
    for name in choose(state.language, text):
        model = classifiers.get(name)  # raises if the model cannot be loaded
        state.models[model.name] = model.version
        read = without_trusted_links(scored, policy.trusted_hosts) if name in LINK_BLIND else scored
        score = round(model.score(read) * weight, 4)
        if score >= REPORT_AT and name in IDENTITY_BLIND:
            plain = without_identities(without_names(scored))
            if plain != scored:
                score = min(score, round(model.score(plain) * weight, 4))
        if score >= REPORT_AT:
            flags.append(flag(model.label, score, model.name))
    return flags + run_onnx(state)
