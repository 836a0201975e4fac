"""Whom the findings are aimed at: a person, a group of people, or no one.

The policy's labels differ by target: an insult aimed at a person is a personal attack, the
same contempt aimed at people for their origin, religion, gender or sexuality is hate
speech, and swearing at the weather is at most obscenity. The classifiers and word lists find
abuse; this phase reads the cues around it (see :mod:`netizen.moderation.cues`) and

* adds a personal attack for an insult in a comment that addresses or names a person;
* adds hate speech for dehumanising words about a group, unless the clause denies them;
* adds a threat's label by its target (a person: personal attack; a group: hate speech, also
  when the group is named in another clause and the threat is to all of them);
* moves the Chinese classifier's finding (trained on attacks on groups) to a personal attack
  when no group is named but a person is, and lowers it when no one is named at all (below
  the policy's threshold when the comment swears, or vents at a thing such as an app or the
  weather: that is at most obscenity);
* adds hate speech for an insult or a stereotype (lazy, thieves, 懒) said of a group named in
  the same clause, and for hatred the commenter declares of one ("I hate Muslims", 我最讨厌
  同性恋); abuse of people by their trade or team (landlords, 房东) is not hate speech;
* adds obscenity for an expletive said as a clause of its own ("妈的，", "幹！", or one
  character breaking into a sentence: 烂到爆，幹，到底谁想的);
* lowers the Chinese classifier's finding when a denial answers the claim about a group, and
  when the comment quotes someone, or reports what they said of a group ("you called Hong
  Kongers cockroaches", 楼上说外地人都是骗子), and adds no abuse of its own (below the
  threshold when it also reports, translates or rejects what it quotes); a reported claim
  raises no hate speech of its own, nor does a claim named as the subject of a sentence
  ("Saying women belong in the kitchen is sexist", 别再说…); a claim asked and then
  rejected raises nothing;
* moves the Chinese classifier's finding to a personal attack when the comment quotes
  someone and insults a person but says nothing hateful of a group (你讲「…」，你先系废柴);
* lowers the Chinese classifier's finding when the comment salutes someone (致敬, 辛苦了), or
  speaks as one of the group it names (作为女性), and adds no abuse of its own;
* lowers word-list findings, links and contact details inside quoted text, or inside a claim
  reported to the moderators: quoting a post to reject it is not saying it;
* lowers a suspect slur the commenter uses of their own group ("us old fags"): reclaimed.

Lowered findings stay in the verdict, below the policy's threshold, so a moderator still sees
them. Every change says why in the flag's detail.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from netizen.moderation import threats
from netizen.moderation.cues import (
    DEHUMANISE,
    DEMEANING,
    EXPLETIVE,
    GROUP,
    HOSTILITY,
    INSULT,
    PERSON,
    PRAISE,
    REJECTION,
    REPORT,
    SAY,
    SELF_WORDS,
    STEREOTYPE,
    THING,
    THREAT,
    Clause,
    clauses,
    covered,
    has_trigger,
    quoted_spans,
)
from netizen.moderation.normalise import HAN_CHAR
from netizen.moderation.phases import classify, words
from netizen.moderation.verdict import ABUSE, HATE_SPEECH, OBSCENITY, PERSONAL_ATTACK, Flag

if TYPE_CHECKING:
    from netizen.moderation.cues import Cue
    from netizen.moderation.lexicon import Match
    from netizen.moderation.normalise import Folded
    from netizen.moderation.pipeline import ScreeningState

PHASE = "target"
# Cues that make the commenter's own words abusive (with an expletive said on its own).
ABUSIVE_CUES = (INSULT, DEHUMANISE, THREAT, STEREOTYPE)
# An insult in a comment that addresses someone; alone (it may be aimed at a thing).
INSULT_AT_PERSON = 0.75
INSULT_ALONE = 0.45
# An insult said of a group of people named in the same clause ("gay people are disgusting").
INSULT_AT_GROUP = 0.75
# Group cues that name no group: an insult said of "them" is not taken as hate speech.
PRONOUNS = frozenset({"they", "them", "他们", "佢哋"})
# The ones that open a clause as its subject, and then stand for the group named in the
# clause just before: "Deport every last Pakistani, they're a disease"; or "them" counted
# ("…, every one of them is a gold digger").
SUBJECTS = frozenset({"they", "他们", "佢哋"})
# A group put as the topic, asked on its own: "Refugees? I'd never let one of them near…".
TOPIC = re.compile(r"\s*(?:[^\s,.!?;]+\s+){0,3}[^\s,.!?;]+\s*\?+\s*")
COUNTED = re.compile(r"(?:(?:every|each)\s+(?:single\s+)?one|all|each|most)\s+of\s+$")
# A Chinese clause that says what "all of them" are without naming them again: the subject is
# the group the clause before named (穆斯林…，全都是一路货色; 那些外劳，个个都是贼).
BLAMED = re.compile(r"害的|的错|干的|搞的|造成|惹的")
ALL_OF_THEM = re.compile(
    r"\s*(?:全都是|全部都是|全是|都是|个个都是|统统是|通通是|全部都系|全都系|全部系|个个都系|都系)"
)
# How a trait is said of a group: in English, nothing but linking words between them
# ("women are too stupid"); in Chinese, a few characters with a linking one (原住民就是懒).
LINK_WORDS = frozenset({
    "are", "'re", "is", "were", "was", "be", "all", "so", "too", "just", "really",
    "such", "always", "very", "a", "an", "fucking", "damn", "basically", "plain", "simply",
    "totally", "truly", "completely", "literally", "naturally", "mostly", "generally", "by",
    "nature", "people", "folk", "folks", "men", "women", "guys", "girls", "boys", "kids",
    "maids", "workers", "same:", "lot", "nothing", "but", "the", "most", "born", "to",
    "genetically", "inherently", "biologically",
})  # fmt: skip
# Adjectives that may stand between the linking words and a trait, told by their endings
# (greedy, delusional, worthless, drug-dealing; not "fleeing", "unfairly" or "called"): at
# most two.
ADJECTIVE = re.compile(
    r"(?!(?:called|labell?ed|branded|blamed|described|treated|accused|portrayed|considered"
    r"|viewed|painted|dismissed|stereotyped|targeted|attacked|used|seen)$)"
    r"[a-z-]{2,}(?:[^il]y|al|ous|ful|less|ive|ic|ish|ed|ent|ant|-[a-z]+ing)"
    r"|sick|vile|dumb|fat|ugly|smelly|lying|cheating|thieving|stinking|scheming"
)
DESCRIBING = 2
# "Typical" before a group (said before it, never after: "Muslims are typical neighbours"),
# and what may follow a group that is the whole phrase.
SAID_BEFORE = frozenset({"typical"})
TYPICAL = re.compile(r"(?<!\ban\s)(?<!\ba\s)\btypical(?:\s+of)?(?:\s+(?:the|those|these))?\s+$")
WHOLE_GROUP = re.compile(r"\s*(?:$|[,.!?;:…]|(?:to|for|again|innit|eh)\b)")
# A swear word right before a group ("fucking Gypsies", "those bloody immigrants"), and a
# quick test for one in the clause.
SWORN = re.compile(
    r"\b(?:fucking|fuckin|effing|bloody|goddamn|damn|stinking)\s+(?:(?:all|the|those|these)\s+)?$"
)
SWEARING = re.compile(r"fuck|effing|bloody|damn|stinking")
# Who the speaker has met, between a group and what is said of it: "every Nigerian I've
# ever met is a scammer".
MET = re.compile(r"\s*(?:that\s+|who\s+)?(?:i|we)(?:'ve|\s+have)?(?:\s+ever)?\s+(?:met|known)\b")
LATIN_LINK_REACH = 40  # characters: a few linking words at most, checked before reading them
STRETCHED = re.compile(r"(.)\1{2,}")  # "sooo" is "so"
LINK_REACH = 8
ADJACENT = 2  # an insult this close before a group is said of it: "stupid Muslims", 蠢的黑人
LINKING = re.compile("[都是就很全太真又係]|根本|简直|实在|完全")
HAN = re.compile(HAN_CHAR)
# Hatred declared by the commenter ("I really hate", 我最讨厌, or nothing before it), not
# asked about or said of someone else ("why do you hate", 他们讨厌, 我不讨厌).
DECLARED = re.compile(
    r"(?:^|\b(?:i|we)(?:['’](?:d|ll|m|re))?(?:\s+(?!not\b|never\b)[a-z]+(?<!n't)){0,2})\s*$"
)
NOT_DECLARED_ZH = re.compile("[你他她谁不没别吗怎为]")
DECLARED_REACH = 4  # characters before a Chinese cue that may say who hates
DECLARED_REACH_LATIN = 30  # characters before an English one: "honestly I really"
# Between the hatred and the group it is aimed at: "hate all those", 讨厌那些.
OBJECT_WORDS = frozenset({
    "all", "the", "those", "these", "of", "fucking", "damn", "bloody", "any", "every", "most",
    "so", "much", "really", "filthy", "dirty", "a", "single", "one", "each",
})  # fmt: skip
THEM = re.compile(r"them[.!?,;:…]*")  # as a word of its own, perhaps ending the sentence
# A slur followed by the commenter counting themselves in: "old fags like me".
LIKE_ME = re.compile(r"\s+like\s+(?:me|us|myself|ourselves)\b")
# ... or introducing themselves with it as a comment opens, in words that describe oneself
# (cues.SELF_WORDS): "Old poofter here, marched in '88".
HERE = re.compile(r"\s+here\s*(?:[,.!;:—-]|$|and\b)")
# Distrust said of everyone ("you can't trust Muslims"), the "you" anyone.
GENERIC_YOU = re.compile(r"(?:^|\byou\s+)$")
OBJECT_ZH = re.compile("[那这些所有的全部死了透个群帮啲]{0,4}")
# The group must be the whole object: "I hate Muslims", "…immigrants, all of them", 讨厌黑人了.
# Not the subject of something else ("I hate Muslims being blamed", 讨厌黑人被欺负), nor a
# word describing a thing ("I hate Chinese food", 受不了黑人音乐, 讨厌台湾人啲珍奶).
OBJECT_ENDS = re.compile(
    r"\s*(?:$|[,.!?;:…，。！？；]|(?:people|men|women|folks?|guys|and|or|but|because|so|too"
    r"|anymore|in|on|from|out|here|there|around|everywhere|anywhere|near|within)\b)"
    r"|[了啦呀啊吧喔哦啰咯]"
)
DEHUMANISING = 0.85
THREATENING = 0.85
# A threat negated is withdrawn ("I would never hurt you", 我不会打你), but "don't" before
# one warns: 出门别被人堵了.
WARNINGS = frozenset({"别"})
# A threat to many at once (见一个打一个, "kill them all") is aimed at the group the comment
# names, even from a clause of its own: 啲大陆人再嚟香港，见一个打一个.
COLLECTIVE = re.compile(
    r"一个.*一个|一个个|他们|她们|佢哋|你们|你哋|这些|那些|所有|全部|统统|\b(?:them|all|every|each)\b"
)
EXCLAIMED = 0.6  # as a suspect word-list term: swearing, though said at no one
# What a finding is multiplied by: when the Chinese model's "offensive" names no one (a mild
# cut: COLD's comments often attack a group the topic implies, and on its dev split a deeper
# cut lost more attacks than it spared venting); when the comment vents (an expletive said
# on its own, a thing named) at no one (so that even a certain score ends below the policy's
# 0.5); when a clause denies the claim about a group; and when it is quoted.
NO_TARGET = 0.8
CANCELLED = 0.45
# A word that rejects a claim (荒谬, 偏见, 没有道理) only weakens the model's "offensive": such
# words turn up inside attacks too, often negated (也不是没有道理), and the model has read them.
# When every denial cut the score below 0.5, on COLD's dev split it did so for 54 attacks
# scored 0.5 or more, and for 5 comments that were not attacks.
# A demeaning word itself negated ("不是垃圾") is a denial, and cuts as far as venting does.
REJECTED = 0.6
# Asking who says it, in a question that ends the clause, denies a claim as a negated trait
# does. (Not 凭什么 "why should…": 女性凭什么要和男性平权？ attacks.)
WHO_SAYS = re.compile(
    r"(?:谁说|谁告诉你|谁规定|边个话|边个讲|边个同你讲)[^,.!?;，。！？；]{2,30}[?？]"
)
QUOTED = 0.5
# The claim named as a claim (这种说法, 这个刻板印象), which a rejection in the same clause
# then rejects whole, as a negated trait does ...
CLAIM_NAMED = re.compile(
    r"(?:这种|这个|这样的|这类|那种|那个|呢种|呢个|[嗰𠮶]种)"
    r"(?:说法|讲法|论调|言论|观点|刻板印象|偏见|地图炮|谣言|歪理)"
)
# ... unless the clause agrees with it.
AGREED = re.compile(r"没错|我认(?!为)|不假|是真的|有道理|没毛病|说得对|确实")
# A belief about a group the commenter once held (以前我也以为, "I used to think"), taken
# back in so many words (我错了, "I was wrong") ...
ONCE_BELIEVED = re.compile(
    r"以前我?也?(?:一直)?以为|我也?(?:曾经|以前|一度|原本|原来)也?以为|原本以为"
    r"|\bi\s+(?:used\s+to|once)\s+(?:think|thought|believe|believed)\b"
)
RETRACTED = re.compile(
    r"错得离谱|我错了|是我错|自己错了|想错了|原来不是|刻板印象|偏见"
    r"|\bi\s+was\s+(?:so\s+|completely\s+|dead\s+)?wrong\b|\bwas\s+mistaken\b"
)
# ... or by a turn in the story (后来才知道, "until I worked beside them"), when nothing
# after it says the claim again or worse (后来才知道女人就是不行, "until I found out they are
# also thieves").
TURNED = re.compile(r"才知道|才发现|才明白|\buntil\s+i\b|\bturns\s+out\b|\bnot\s+any\s?more\b")
CONFIRMED = re.compile(
    r"确实|果然|是真的|没冤枉|比我想的|更|还|也|都是|就是|不配|根本"
    r"|\b(?:also|too|even|worse|true|right|really\s+are|all|still)\b"
)
# The reasons of two findings this phase raises (the others are named where they are raised).
INSULTING = "insult"
HOSTILE = "hostility"
AT_A_THING = "swearing or venting at a thing, at no person or group"
ONLY_QUOTES = "the comment quotes or reports someone, and adds no abuse of its own"
TOO_LITTLE = "a short comment with no abusive word in it: too little for the model to go on"
# ... when the model itself is unsure: below this score. (On 12,000 of Tatoeba's everyday
# Chinese sentences, 915 were flagged before this and 443 after; COLD dev lost 3 of its
# 6,396 comments. Lowering every such finding would leave 138 flagged but cost COLD 36.
# On 2,000 English ones, the English model scored 26 obscene before this and 9 after;
# Davidson's obscenity F1 went from 0.9606 to 0.9600.)
SHORT_HAN = 16  # characters (folded): a short Chinese comment
SHORT_LATIN = 60  # and a short English one
UNSURE = 0.7


@dataclass(frozen=True)
class Reading:
    """What the comment's cues say about whom its findings are aimed at."""

    person: bool
    group: bool
    denied: float  # what a denial multiplies the model's finding by (1.0: no denial)
    at_no_one: bool  # venting: an expletive said on its own, or a thing named
    in_quotes: Callable[[int, int], bool]  # whether start:end (of the reader's text) is quoted
    # Quotes someone in order to report, translate or reject it, and adds no abusive words
    # of its own. (Quotation marks alone say little: COLD's attacks use them for scare
    # quotes and for the very claims they make.)
    reports_quote: bool
    quoting: bool  # quotes or reports someone, and adds no abusive words of its own
    praises: bool  # thanks or salutes someone, and adds no abusive words of its own
    member: bool  # speaks as one of a group (作为女性, "as a gay man"), with no abuse of its own
    # Quotes or reports someone and insults a person, but says nothing hateful of a group
    # itself: counter-speech with an insult at the hater (你讲「回教徒冇一个好人」，你先系废柴).
    answers_quote: bool
    # A short comment in which nothing abusive was found, by cue or word list: the Chinese
    # model reads "你在写什么？" or "那就是答案。" as offensive on a few characters alone, the
    # English one "I just cut my finger." as obscene.
    says_too_little: bool


def run(state: ScreeningState) -> None:
    text = state.view().text
    # Re-weighing can only lower a finding or move it to another label, so one below every
    # label's threshold cannot change what a moderator is told to look at: such a comment is
    # read only for what could raise a finding of its own. (Its low finding then keeps its
    # score, without a note on whom it was aimed at.)
    thresholds = state.context.policy.thresholds_for(state.language)
    floor = min(thresholds.get(label, 0.5) for label in ABUSE)
    if not (
        any(flag.label in ABUSE and flag.score >= floor for flag in state.flags)
        or has_trigger(text)
        # A link or contact found inside a quotation ("don't call this number") is lowered
        # below, as quoted words are.
        or (any(flag.span for flag in state.flags) and quoted_spans(state.text))
    ):
        return  # nothing found to re-weigh, and nothing that could raise a finding
    found = clauses(text)
    # What someone else is reported to have said of a group ("you called them vermin") is
    # weighed like a quotation: it is not the commenter's own claim.
    own = [clause for clause in found if not clause.attributed]
    group = any(clause.has(GROUP) for clause in own)
    quotes = quoted_spans(state.text)
    quoting = bool(quotes) or len(own) < len(found)
    folded = state.view()
    person = any(clause.has(PERSON) for clause in found)
    # Beliefs the commenter once held about a group and took back: no claim of theirs.
    retracted = once_believed(found, text)
    raised = new_flags(found, person, group, folded, retracted)
    # Hatred declared of a group, and an insult at whoever made a reported claim, are the
    # commenter's own abuse too (hating what was reported is not): both raise a finding.
    own_abuse = any(clause.has_any(*ABUSIVE_CUES) or clause.exclaims() for clause in own) or any(
        flag.reason in (HOSTILE, INSULTING) for flag in raised
    )
    reports_claim = (
        quoting
        and not own_abuse
        and any(clause.has(REPORT) or clause.has(REJECTION) for clause in found)
    )
    # A claim reported in order to report or reject it is quoted, as far as the word list's
    # findings go: 检举楼上那则骂原住民是番仔的留言.
    reported_spans = [
        folded.original_span(clause.start, clause.start + len(clause.text))
        for clause in found
        if clause.attributed
    ]
    reading = Reading(
        person=person,
        group=group,
        denied=denial(own, bool(retracted)) if group else 1.0,
        # Swearing said as a clause of its own, or a thing named: venting, not an attack.
        # (A swear word inside a sentence says nothing of its target: COLD's attacks on
        # groups are full of them.)
        at_no_one=any(clause.exclaims() or clause.has(THING) for clause in found),
        in_quotes=covered([*quotes, *(reported_spans if reports_claim else ())]),
        quoting=quoting and not own_abuse,
        # Not when a group is named: 向偷井盖的河南人致敬 salutes no one.
        praises=not own_abuse and not group and any(clause.has(PRAISE) for clause in found),
        reports_quote=reports_claim,
        member=not own_abuse and speaks_as_member(own),
        answers_quote=quoting
        and person
        and any(flag.label == PERSONAL_ATTACK for flag in raised)
        and not any(flag.label == HATE_SPEECH for flag in raised),
        says_too_little=is_short(text)
        and not raised
        and not any(clause.has_any(*ABUSIVE_CUES, GROUP, EXPLETIVE) for clause in found)
        and not any(flag.phase == words.PHASE for flag in state.flags),
    )
    adjusted = [reclaimed(flag, found, folded) or adjust(flag, reading) for flag in state.flags]
    state.flags[:] = adjusted + raised


def adjust(flag: Flag, reading: Reading) -> Flag:
    """One earlier finding, re-weighed for its target and for being quoted."""
    if flag.span and reading.in_quotes(*flag.span):
        return lowered(flag, QUOTED, "in quoted text")
    if flag.phase == words.PHASE and flag.label == PERSONAL_ATTACK and vents(reading):
        # An insult from the word list said of an app or the weather attacks no one: a
        # vulgar one (banned) is still obscenity, a milder one (智障, 废物) is lowered.
        if flag.reason == words.BANNED_REASON:
            return replace(flag, label=OBSCENITY, detail=f"{flag.detail}; {AT_A_THING}")
        return lowered(flag, CANCELLED, AT_A_THING)
    if (
        reading.says_too_little
        and flag.phase == classify.PHASE
        and flag.label in (HATE_SPEECH, OBSCENITY)
        and flag.score < UNSURE
    ):
        return lowered(flag, CANCELLED, TOO_LITTLE)
    if flag.label != HATE_SPEECH or flag.reason != classify.UNTARGETED_REASON:
        return flag
    if reading.reports_quote:
        return lowered(flag, CANCELLED, ONLY_QUOTES)
    if reading.quoting:
        return lowered(flag, REJECTED, ONLY_QUOTES)
    if reading.praises:
        return lowered(flag, CANCELLED, "the comment praises, and adds no abuse of its own")
    if reading.member:
        return lowered(flag, REJECTED, "the commenter speaks as one of the group named")
    if reading.answers_quote:
        why = "the comment quotes someone and insults a person, not a group"
        return replace(flag, label=PERSONAL_ATTACK, detail=f"{flag.detail}; {why}")
    if not reading.group:
        if reading.person:
            return replace(flag, label=PERSONAL_ATTACK, detail=f"{flag.detail}; aimed at a person")
        if reading.at_no_one:
            return lowered(flag, CANCELLED, AT_A_THING)
        return lowered(flag, NO_TARGET, "no person or group named")
    if reading.denied < 1.0:
        return lowered(flag, reading.denied, "the claim about the group is denied")
    return flag


def speaks_as_member(own: list[Clause]) -> bool:
    """The commenter names a group as their own (作为女性, 我是新疆人, "as a gay man") and no
    other: 作为男人我说句实话，女人就不该出来工作 speaks of women."""
    named = [(clause, group) for clause in own for group in named_groups(clause)]
    return bool(named) and all(clause.said_of_self(group.start) for clause, group in named)


def vents(reading: Reading) -> bool:
    """Swearing or venting at a thing, with no person or group named."""
    return reading.at_no_one and not reading.person and not reading.group


def reclaimed(flag: Flag, found: list[Clause], folded: Folded) -> Flag | None:
    """A suspect slur from the word list, lowered when the commenter uses it of their own
    group ("us old fags", "old poofter here", 我们几个基佬); None when it is not."""
    if (flag.phase, flag.reason, flag.label) != (words.PHASE, words.SUSPECT_REASON, HATE_SPEECH):
        return None
    if flag.span is None:
        return None
    at = bisect_left(folded.origin, flag.span[0])
    end = bisect_left(folded.origin, flag.span[1])
    introduces = (
        not folded.text[at:end].endswith("s")  # one person: not "poofters here are…"
        and HERE.match(folded.text, end)
        and SELF_WORDS.fullmatch(folded.text, 0, at)
    )
    if (
        LIKE_ME.match(folded.text, end)
        or introduces
        or any(clause.holds(at) and clause.said_of_self(at) for clause in found)
    ):
        return lowered(flag, QUOTED, "said of the commenter's own group")
    return None


def lowered(flag: Flag, factor: float, why: str) -> Flag:
    return replace(flag, score=round(flag.score * factor, 4), detail=f"{flag.detail}; {why}")


def denial(found: list[Clause], retracted: bool) -> float:
    """What a denial in the comment multiplies the model's finding about a group by. None
    when an insult stands undenied beside it ("黑人不懒，就是蠢"). (A trait or dehumanising
    word may: 藏族人并不落后，落后的是那套做法 and 非洲人不是罪犯，房东把人赶出去没有道理
    say it of something else.)"""
    # (Not an insult said of the claim itself: 这种说法太恶心了.)
    if any(
        clause.has(INSULT) and not clause.negated(INSULT) and not clause.has(REPORT)
        for clause in found
    ):
        return 1.0
    about_group = [clause for clause in found if clause.has(GROUP)]
    if any(negates_demeaning(clause) or asks_who_says(clause) for clause in about_group):
        return CANCELLED
    if any(rejects_claim_named(found, index) for index in range(len(found))):
        return CANCELLED
    if retracted:
        return CANCELLED
    if any(clause.has(REJECTION) for clause in found):
        return REJECTED
    return 1.0


def rejects_claim_named(found: list[Clause], index: int) -> bool:
    """The claim about a group, named as a claim where it is made or just after, and
    rejected by a word other than the name (偏见 and 谣言 name a claim and reject it too):
    河南人偷井盖这种说法根本站不住脚, 乡下人素质低？这个刻板印象我不认. Not when the clause
    agrees (这个刻板印象一点没错), nor when the comment names a group again after it, going on
    to a claim of its own (…这种说法站不住脚，河南人是偷电缆的), nor when the rejection is
    asked (这种说法是谣言？我看一点都不假)."""
    clause = found[index]
    named = CLAIM_NAMED.search(clause.text)
    after = found[index + 1].text if index + 1 < len(found) else ""
    if named is None or clause.text.rstrip().endswith("?") or AGREED.search(clause.text + after):
        return False
    start, end = clause.start + named.start(), clause.start + named.end()
    rejected = any(m.end <= start or m.start >= end for m in clause.of(REJECTION))
    about_group = clause.has(GROUP) or (index > 0 and found[index - 1].has(GROUP))
    return rejected and about_group and not any(c.has(GROUP) for c in found[index + 1 :])


def threatens_someone(clause: Clause, threat: Match[Cue]) -> bool:
    """Whether a threat's shape has people named where it needs them: just before a wish
    ("every Muslim in this town should…", not "egg whites should be beaten until stiff"), or
    inside a victim given only as "those" (把那些穆斯林…, not 把那些旧衣服…)."""
    text = threat.term.text
    if threats.WISHED_ON.match(text):
        return names_people(clause, threat.start - threats.SUBJECT_REACH, threat.start)
    if threats.UNNAMED_VICTIM.search(text):
        return names_people(clause, threat.start, threat.end)
    return True


def names_people(clause: Clause, start: int, end: int) -> bool:
    """Whether a person or group named in the clause overlaps ``start:end``."""
    return any(
        named.start < end and named.end > start
        for named in clause.matches
        if named.term.label in (GROUP, PERSON)
    )


def asked_then_rejected(found: list[Clause], index: int) -> bool:
    """Whether clause ``index`` asks a claim that a later clause rejects: 女司机就是马路杀手？
    数据根本不支持这种说法."""
    later = found[index + 1 :]
    return found[index].is_question() and any(clause.has(REJECTION) for clause in later)


def once_believed(found: list[Clause], text: str) -> set[int]:
    """The clauses that tell a belief about a group the commenter once held and then took
    back: 以前我也以为外籍看护都很懒…我才知道自己错得离谱, "I used to think immigrants were lazy
    until I worked beside them." Not when what follows the turn says it again
    (我以前也以为穆斯林都是恐怖分子，后来才知道确实如此)."""
    taken_back = set()
    for index, clause in enumerate(found):
        if not (clause.has(GROUP) and ONCE_BELIEVED.search(clause.text)):
            continue
        turn = TURNED.search(text, clause.start)
        if RETRACTED.search(text, clause.start) or (
            turn is not None and not CONFIRMED.search(text, turn.end())
        ):
            taken_back.add(index)
    return taken_back


def denies(clause: Clause) -> bool:
    """The clause rejects a claim as bigoted or false, negates its demeaning words, or asks
    who says them."""
    return clause.has(REJECTION) or negates_demeaning(clause) or asks_who_says(clause)


def is_short(text: str) -> bool:
    """Whether a comment is short enough that a model's unsure score is all there is to go
    on: a few Chinese characters, or one sentence of English."""
    limit = SHORT_HAN if HAN.search(text) else SHORT_LATIN
    return len(text.strip()) < limit


def asks_who_says(clause: Clause) -> bool:
    """Whether the clause asks who says the claim about a group, and so denies it:
    谁说河南人都偷井盖？, 谁规定男人就不能当幼师了？"""
    return WHO_SAYS.search(clause.text) is not None


def negates_demeaning(clause: Clause) -> bool:
    return any(clause.negated(kind) for kind in DEMEANING)


def new_flags(
    found: list[Clause], person: bool, group: bool, folded: Folded, retracted: set[int]
) -> list[Flag]:
    flags = []
    found = with_antecedents(found)
    # Dehumanised "them" are people by a protected trait unless the comment says who they
    # are, and that is a trade or a team: "landlords are parasites, every one of them".
    people = group and (
        any(named_groups(clause) for clause in found) or not any(c.has(THING) for c in found)
    )
    for index, clause in enumerate(found):
        if asked_then_rejected(found, index):
            continue  # a claim asked and then rejected is not made
        denied = index in retracted or denies(clause)
        if expletive := clause.exclaims():
            flags.append(cue_flag(expletive, OBSCENITY, EXCLAIMED, "expletive", folded))
        if clause.attributed:
            # Someone else's claim about a group, reported: only an insult aimed at whoever
            # made it is the commenter's own ("the guy saying that is a moron").
            if at_sayer := insult_at_sayer(clause):
                flags.append(
                    cue_flag(at_sayer, PERSONAL_ATTACK, INSULT_AT_PERSON, INSULTING, folded)
                )
            continue
        of_group = insult_of_group(clause)
        # An insult beside a group is aimed at a person only when the clause names one and
        # does not say it of the group: "whoever spams slurs about Jews is a troll".
        at_person = not clause.has(GROUP) or (clause.has(PERSON) and not of_group)
        if clause.has(INSULT) and at_person and not clause.negated(INSULT):
            score = INSULT_AT_PERSON if person else INSULT_ALONE
            flags.append(cue_flag(first(clause, INSULT), PERSONAL_ATTACK, score, INSULTING, folded))
        if (hostile := hostility_to_group(clause)) and not denied:
            flags.append(cue_flag(hostile, HATE_SPEECH, INSULT_AT_GROUP, HOSTILE, folded))
        if (insult := of_group) and not denied:
            flags.append(cue_flag(insult, HATE_SPEECH, INSULT_AT_GROUP, "insult_group", folded))
        if (trait := said_of_group(clause, STEREOTYPE)) and not denied:
            flags.append(cue_flag(trait, HATE_SPEECH, INSULT_AT_GROUP, "stereotype", folded))
        elif (typical := typical_of_group(clause)) and not denied:
            flags.append(cue_flag(typical, HATE_SPEECH, INSULT_AT_GROUP, "stereotype", folded))
        if sworn := sworn_at_group(clause):
            flags.append(cue_flag(sworn, HATE_SPEECH, INSULT_AT_GROUP, "insult_group", folded))
        if clause.has(DEHUMANISE) and people and not denied:
            match = first(clause, DEHUMANISE)
            flags.append(cue_flag(match, HATE_SPEECH, DEHUMANISING, "dehumanising", folded))
        if clause.has(THREAT) and (group or person) and not clause.negated(THREAT, WARNINGS):
            threat = first(clause, THREAT)
            if not threatens_someone(clause, threat):
                continue
            at_group = clause.has(GROUP) or (group and COLLECTIVE.search(threat.term.text))
            label = HATE_SPEECH if at_group or not person else PERSONAL_ATTACK
            flags.append(cue_flag(threat, label, THREATENING, "threat", folded))
    return flags


def says_all_of_them(clause: Clause) -> bool:
    """Whether a clause opens by saying what all of them are, a demeaning word right after
    (全都是一路货色, 个个都是贼): not blaming someone else (都是些白痴老板害的, 都是喷子的错)."""
    opening = ALL_OF_THEM.match(clause.text)
    if opening is None or BLAMED.search(clause.text):
        return False
    at = clause.start + opening.end()
    return any(at <= m.start <= at + 2 for m in clause.matches if m.term.label in DEMEANING)


def with_antecedents(found: list[Clause]) -> list[Clause]:
    """The clauses, where one opens with "they" (or "every one of them") right after a
    clause of the commenter's own that names a group, or holds "them" after the group asked
    as a topic, with it read as that group: "I met some Muslims yesterday. They are liars",
    "Deport every last Pakistani, they're a disease", "Refugees? Never trust one of them".
    Otherwise "they" names no one in particular ("they are idiots" is as often said of the
    people in a story). In Chinese, a clause that drops its subject to say what all of them
    are (穆斯林…，全都是一路货色) takes the group named before it (see ``says_all_of_them``)."""
    resolved = list(found)
    for index in range(1, len(found)):
        clause, before = found[index], found[index - 1]
        adjoining = before.start + len(before.text) == clause.start
        if not adjoining or before.attributed or named_groups(clause):
            continue
        named = named_groups(before)
        opener = clause.first(GROUP)
        if named and opener is None and says_all_of_them(clause):
            stand_in = replace(named[-1], start=clause.start, end=clause.start)
            resolved[index] = replace(
                clause, matches=(stand_in, *clause.matches), kinds=clause.kinds | {GROUP}
            )
            continue
        if not named or opener is None:
            continue
        opening = clause.text[: opener.start - clause.start].lstrip(" ")
        subject = opener.term.text in SUBJECTS and not opening
        counted = opener.term.text == "them" and COUNTED.fullmatch(opening)
        if not (
            subject or counted or (opener.term.text == "them" and TOPIC.fullmatch(before.text))
        ):
            continue  # not the clause's subject, nor "them" after the group asked as a topic
        stand_in = replace(opener, term=named[-1].term)
        matches = tuple(stand_in if match is opener else match for match in clause.matches)
        resolved[index] = replace(clause, matches=matches)
    return resolved


def insult_at_sayer(clause: Clause) -> Match[Cue] | None:
    """In a reported claim, the insult aimed at whoever made it: not the one inside the claim
    (楼上说河南人都是骗子), and only when someone is named to insult ("Saying women are
    stupid is sexist" names no one): a person, or the insult itself ("the idiot who said")."""
    if not clause.has(INSULT) or clause.negated(INSULT):
        return None
    claimed = insult_of_group(clause)
    said_at = first(clause, SAY).start if clause.has(SAY) else 0
    return next(
        (
            insult
            for insult in clause.of(INSULT)
            if insult != claimed and (clause.has(PERSON) or insult.start < said_at)
        ),
        None,
    )


def hostility_to_group(clause: Clause) -> Match[Cue] | None:
    """Hatred the commenter declares of a group named right after it: "I hate Muslims", "I
    can't stand those immigrants", 我最讨厌同性恋. Not "why do you hate Muslims", "I hate
    Muslims being blamed for it" or 讨厌黑人的人."""
    groups = {named.start: named for named in named_groups(clause)}
    for hostile in clause.of(HOSTILITY):
        at = hostile.start - clause.start
        before = clause.text[max(0, at - DECLARED_REACH_LATIN) : at]
        if hostile.term.text.isascii():
            generic = "trust" in hostile.term.text and GENERIC_YOU.search(before)
            if not (DECLARED.search(before) or generic):
                continue
        elif NOT_DECLARED_ZH.search(before[-DECLARED_REACH:]):
            continue
        end = object_end(clause, hostile, groups)
        if end is not None and OBJECT_ENDS.match(clause.text[end - clause.start :]):
            return hostile
    return None


def object_end(clause: Clause, hostile: Match[Cue], groups: dict[int, Match[Cue]]) -> int | None:
    """Where the group that is the object of ``hostile`` ends, with only determiners between:
    a group named there, or "them" after one named before ("I've met plenty of Muslims and
    I hate every one of them")."""
    after = clause.text[hostile.end - clause.start :]
    if hostile.term.text.isascii():
        named_before = any(start < hostile.start for start in groups)
        for word in re.finditer(r"\S+", after[:LATIN_LINK_REACH]):
            if named := groups.get(hostile.end + word.start()):
                return named.end
            if named_before and THEM.fullmatch(word.group()):
                return hostile.end + word.start() + len("them")
            if word.group() not in OBJECT_WORDS:
                return None
        return None
    gap = OBJECT_ZH.match(after)
    named = groups.get(hostile.end + gap.end()) if gap else None
    return named.end if named else None


def said_of_group(clause: Clause, kind: str) -> Match[Cue] | None:
    """The first ``kind`` cue said of a group named just before it in so many words: "Roma
    are thieves", 原住民就是懒. A trait word elsewhere in the sentence ("the burden of
    childcare falls on women", 日本人的心脏病) says nothing of the group."""
    traits = [trait for trait in clause.of(kind) if trait.term.text not in SAID_BEFORE]
    groups = sorted(named_groups(clause), key=lambda named: named.end) if traits else []
    ends = [named.end for named in groups]
    for trait in traits:
        # Only the groups that end a little before the trait (a comment may hold thousands).
        nearby = groups[
            bisect_left(ends, trait.start - LATIN_LINK_REACH) : bisect_left(ends, trait.start)
        ]
        for named in nearby:
            between = clause.text[named.end - clause.start : trait.start - clause.start]
            if links(between, trait.term.text):
                return trait
    return None


def links(between: str, trait: str) -> bool:
    """Whether the words between a group and a trait say the trait of the group: in English
    only linking words ("are all", "are too"; not "the Chinese version is backward"), or
    none before a trait that brings its own verb ("Jews control the media"); in Chinese a
    linking character within a few (都是, 就, 很)."""
    between = between.replace("’", "'")  # they’re, I’ve
    if between.isascii():
        if met := MET.match(between):
            between = between[met.end() :]
        words = [STRETCHED.sub(r"\1", word) for word in between.split()]
        if not words:
            return " " in trait and trait.isascii()
        # After the linking words, an adjective or two may describe the trait: "Jews are
        # greedy leeches", "such delusional freaks", "all drug-dealing scum".
        linked = [word in LINK_WORDS for word in words]
        described = len(linked) - linked.index(False) if False in linked else 0
        if described and described <= DESCRIBING:
            return linked[0] and all(ADJECTIVE.fullmatch(word) for word in words[-described:])
        return all(linked)
    return 0 < len(between) <= LINK_REACH and LINKING.search(between) is not None


def typical_of_group(clause: Clause) -> Match[Cue] | None:
    """A group called "typical" as a whole: "Typical Indians, they'll cheat you", "typical of
    the Jews again" (the cue list's "typical", a stereotype cue, brings the comment here).
    Not a group word describing something ("a typical Muslim family", "typical Indian
    food")."""
    if "typical" not in clause.text:
        return None
    for named in named_groups(clause):
        at, end = named.start - clause.start, named.end - clause.start
        whole = names_everyone(clause, named) and WHOLE_GROUP.match(clause.text[end:])
        if whole and TYPICAL.search(clause.text[:at]):
            return named
    return None


def sworn_at_group(clause: Clause) -> Match[Cue] | None:
    """A whole group named with a swear word before it: "Fucking Gypsies nicked the lead",
    "those bloody immigrants". Not one person or a word describing something ("you fucking
    gay", "bloody Indian food")."""
    if not SWEARING.search(clause.text):
        return None
    for named in named_groups(clause):
        at = named.start - clause.start
        if names_everyone(clause, named) and SWORN.search(clause.text[:at]):
            return named
    return None


def names_everyone(clause: Clause, named: Match[Cue]) -> bool:
    """Whether a group word names people in the plural ("Jews", "old people"), not one
    person or a thing of theirs ("a typical Jew", "Indian food")."""
    word = clause.text[named.start - clause.start : named.end - clause.start]
    return word.endswith(("s", "people", "folk"))


def insult_of_group(clause: Clause) -> Match[Cue] | None:
    """An insult said of a group named in the clause ("gay people are disgusting", 河南人都是
    废物), put right before it ("stupid Muslims") or joined to it (黑人蠢货); not one that
    only shares the clause with it ("you bitches need to respect girls")."""
    if said := said_of_group(clause, INSULT):
        return said
    groups = named_groups(clause)
    starts, ends = {named.start for named in groups}, {named.end for named in groups}
    for insult in clause.of(INSULT):
        before = any(insult.end + gap in starts for gap in range(ADJACENT + 1))
        if before or insult.start in ends:
            return insult
    return None


def named_groups(clause: Clause) -> list[Match[Cue]]:
    """The groups the clause names, not just "they": "they are idiots" is as often said of
    the people in a story as of a group."""
    return [match for match in clause.of(GROUP) if match.term.text not in PRONOUNS]


def first(clause: Clause, kind: str) -> Match[Cue]:
    match = clause.first(kind)
    assert match is not None  # asked only of a clause that has the kind
    return match


def cue_flag(match: Match[Cue], label: str, score: float, reason: str, folded: Folded) -> Flag:
    span = folded.original_span(match.start, match.end) if match.end <= len(folded.text) else None
    return Flag(label, score, reason, PHASE, span=span, detail=match.term.text)
