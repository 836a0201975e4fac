"""``screen(text, context)``: run the phases in order, then decide.

Each phase is a function of :class:`ScreeningState` that may add flags (and, for the first
phases, fill in the normalised text and language). Adding a check means writing one module in
``phases/`` and adding one line to :data:`PHASES`.

Screening fails closed: a phase that raises, or takes longer than its budget, contributes no
findings but a ``screening_unavailable`` flag, and the comment then waits for a person with
the other phases' findings intact.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from netizen.moderation import classifiers, onnx_backend
from netizen.moderation.context import ScreeningContext
from netizen.moderation.cues import cue_lexicon
from netizen.moderation.decide import UNAVAILABLE_PRIORITY, decide
from netizen.moderation.lexicon import default_lexicon
from netizen.moderation.normalise import Folded, fold
from netizen.moderation.phases import (
    classify,
    language,
    length,
    links,
    normalise,
    rate,
    repeat,
    target,
    words,
)
from netizen.moderation.verdict import SCREENING_UNAVAILABLE, Action, Flag, Verdict

logger = logging.getLogger(__name__)


@dataclass
class ScreeningState:
    """The text under screening and what the phases have learnt about it so far."""

    text: str
    context: ScreeningContext
    folded: Folded | None = None
    language: str = "und"
    flags: list[Flag] = field(default_factory=list)
    models: dict[str, str] = field(default_factory=dict)

    def view(self) -> Folded:
        """The normalised text; a plain fold when the normalise phase did not run."""
        if self.folded is None:
            self.folded = fold(self.text, simplify=False)
        return self.folded


Phase = Callable[[ScreeningState], Iterable[Flag] | None]

PHASES: list[tuple[str, Phase]] = [
    ("normalise", normalise.run),
    ("language", language.run),
    ("length", length.run),
    ("rate", rate.run),
    ("repeat", repeat.run),
    ("links", links.run),
    ("words", words.run),
    ("classify", classify.run),
    ("target", target.run),
]


def unavailable(phase: str, reason: str, detail: str) -> Flag:
    return Flag(label=SCREENING_UNAVAILABLE, score=1.0, reason=reason, phase=phase, detail=detail)


def run_phase(name: str, phase: Phase, state: ScreeningState) -> float:
    """Run one phase, keeping its flags (and its changes to earlier ones) only if it finished
    in time. Returns milliseconds."""
    budget = state.context.policy.phase_budget_ms
    before = list(state.flags)
    started = time.perf_counter()
    try:
        found = list(phase(state) or ())
    except Exception as error:  # any failure must hold the comment
        logger.exception("Screening phase %s failed", name)
        state.flags[:] = before
        state.flags.append(unavailable(name, f"{name}_failed", f"{type(error).__name__}"))
        return (time.perf_counter() - started) * 1000
    elapsed = (time.perf_counter() - started) * 1000
    if elapsed > budget:
        logger.warning("Screening phase %s took %.0f ms (budget %.0f ms)", name, elapsed, budget)
        state.flags[:] = before
        state.flags.append(
            unavailable(name, f"{name}_timeout", f"took {elapsed:.0f} ms of {budget:.0f} ms")
        )
    else:
        state.flags.extend(found)
    return elapsed


def warm_up(context: ScreeningContext) -> None:
    """Load models, detectors and the shipped word lists (with how their Chinese terms sound,
    for spellings in Zhuyin or pinyin) before the first comment's clock starts.

    Loading the classifiers takes about a second, far over a phase's budget; without this the
    first comment a process screens would always wait for a person. A failure here is left for
    the phases to meet (and report as unavailable); the next call tries again.
    """
    key = context.policy.languages
    if key in _warmed:
        return
    try:
        classifiers.preload()
        onnx_backend.configured()
        language.detector(key)
        default_lexicon().read_sounds()
        cue_lexicon().read_sounds()
    except Exception:
        logger.exception("Could not load screening models ahead of time")
        return
    _warmed.add(key)


_warmed: set[tuple[str, ...]] = set()


def compose(
    phases: list[tuple[str, Phase]],
    prepare: Callable[[ScreeningContext], None] | None = None,
) -> Callable[[str, ScreeningContext | None], Verdict]:
    """A screening function that runs ``phases`` in order and then decides.

    ``prepare(context)`` runs before the phases, outside their time budgets.
    """

    def run(text: str, context: ScreeningContext | None = None) -> Verdict:
        state = ScreeningState(text=text, context=context or ScreeningContext())
        if prepare:
            prepare(state.context)
        timings = {name: run_phase(name, phase, state) for name, phase in phases}
        verdict = decide(state)
        verdict.timings_ms = {name: round(ms, 3) for name, ms in timings.items()}
        return verdict

    return run


screen = compose(PHASES, prepare=warm_up)
screen.__doc__ = "Screen one comment's text and return a :class:`Verdict` (never raises)."


def unavailable_verdict(phase: str, reason: str, detail: str) -> Verdict:
    """A verdict that says only that screening could not run: the comment waits for a person."""
    return Verdict(
        language="und",
        action=Action.REVIEW,
        priority=UNAVAILABLE_PRIORITY,
        flags=[unavailable(phase, reason, detail)],
    )


def screen_within(text: str, context: ScreeningContext, seconds: float) -> Verdict:
    """:func:`screen` with a hard deadline, for callers that must never wait on a stuck phase.

    The phases' budgets are checked only when a phase returns; a phase that never returns
    would hold its caller forever. Here screening runs in a thread of its own and, past the
    deadline, the caller gets an unavailable verdict while the thread is left to finish.
    ``context.history`` must not need the caller's database connection.
    """
    verdicts: list[Verdict] = []
    worker = threading.Thread(
        target=lambda: verdicts.append(screen(text, context)), name="screening", daemon=True
    )
    worker.start()
    worker.join(seconds)
    if verdicts:
        return verdicts[0]
    logger.error("Screening gave no verdict within %.1f s", seconds)
    return unavailable_verdict("pipeline", "deadline", f"no verdict within {seconds:g} s")
