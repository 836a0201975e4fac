"""Who a comment is aimed at, and what it says of them: the cues the target phase weighs.

A word list knows that "idiot" is an insult; it cannot tell "you idiot" (a personal attack)
from "what an idiotic app" (venting), nor "refugees are vermin" (hate) from "refugees are not
vermin" (its denial). The cues here are words that mark a person addressed, a group of people
named, insults, dehumanising words, declared hatred, threats and negation, in English and
Chinese; they are matched with the word lists' own matcher, so the same spelling evasions
are seen through. Some are read from a sentence's shape rather than a list: threats (see
:mod:`threats`), and "not one of them is any good".

Quoted text (a reader quoting a Weibo post in order to report or reject it) is found here too:
what sits inside quotation marks (single ones too) or title marks (《》), after ``>`` at the
start of a line (up
to a reply on the same line), or in a Weibo repost chain is not the commenter's own words,
unless the commenter agrees with it at once (「…」——说得好). A claim reported as someone
else's ("you said…", 楼上说…, "the idiot who said…"), or named as what a sentence judges
("Saying women…", 别再说…, 把同性恋说成…), is read like a quotation; one the commenter agrees
with ("like you said", 正如你说的) is not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import accumulate

from netizen.moderation import threats
from netizen.moderation.lexicon import Lexicon, Match, matchable, shipped_entries
from netizen.moderation.normalise import HAN_CHAR

PERSON = "person"
GROUP = "group"
INSULT = "insult"
DEHUMANISE = "dehumanise"
THREAT = "threat"
NEGATION = "negation"
REJECTION = "rejection"
EXPLETIVE = "expletive"
THING = "thing"
SELF = "self"
REPORT = "report"
STEREOTYPE = "stereotype"
SAY = "say"
PRAISE = "praise"
HOSTILITY = "hostility"
KINDS = (
    PERSON, GROUP, INSULT, DEHUMANISE, THREAT, NEGATION, REJECTION, EXPLETIVE, THING, SELF,
    REPORT, STEREOTYPE, SAY, PRAISE, HOSTILITY,
)  # fmt: skip
TRIGGERS = (INSULT, DEHUMANISE, THREAT, EXPLETIVE, STEREOTYPE, HOSTILITY)
# Words that demean whoever they are said of: negated, they deny the claim; inside a phrase
# that rejects one (扔进历史的垃圾堆), they are part of the rejection.
DEMEANING = (INSULT, DEHUMANISE, STEREOTYPE, HOSTILITY)
CUE_FILES = ("cues-en.tsv", "cues-zh.tsv")

# Paired quotation marks (ASCII and typographic, Chinese corner brackets, the title marks
# that name a post or an article: 《河南人为什么都是骗子》), a quoted line (up to a dash that
# sets off the reply on the same line, "> quote —— reply", or a sentence end followed by a
# reply's first word, "> quote. Yeah, and..."), and a Weibo repost chain ("//@name: words").
REPLY_OPENER = (
    r"(?i:yeah|yes|no|nope|agreed|exactly|right|sure|lol|nice|whoever|what\s+a"
    r"|you['’]re|you\s+are|that['’]s|this\s+is|and\s+you|says\s+the|said\s+the|imagine)\b"
    r"|同意|对啊|對啊|没错|沒錯|呵呵|哈哈|说得好|說得好|说得对|說得對"
)
# Agreeing with what was just quoted: right after the quote, past a dash or punctuation.
ENDORSED = re.compile(
    r"[\s—:：,，.。!！-]*+(?:(?:说得|說得)(?:好(?!像)|对|對|没错|沒錯)(?![吗嗎么麼?？])"
    r"|太对了|太對了|没毛病|沒毛病|我赞同|我贊同"
    r"|(?i:agreed|exactly(?!\s+what)|so true|well said)\b)"
)
QUOTED = re.compile(
    # (Every form opens with one of these: a position without one fails at once.)
    r"(?=[\"“「『‘《'>/\s])(?:"
    r'"[^"\n]{2,}"|“[^”\n]{2,}”|「[^」\n]{2,}」|『[^』\n]{2,}』|‘[^’\n]{4,}’|《[^》\n]{4,100}》'
    # 'single quotes', told from apostrophes (it's, 'cause, the '90s) by what stands around
    # them; an apostrophe inside a word does not close one ('Africans can't run a country')
    r"|(?<![a-z0-9'])'(?!(?:cause|em|n|til|tis|\d)\b|\d)(?=\w)(?:[^'\n]|(?<=[a-z])'(?=[a-z])){2,300}?"
    r"(?<=[\w.!?])'(?![a-z0-9])"
    # A quoted line whose quote is in quotation marks ends with them: what follows on the
    # line is the reply ('> "Muslims are rats" Whoever wrote this is a coward'), the quoted
    # one named or not ('>>OP: "…" congrats, you clown').
    r"|(?:^|(?<=[:：]))\s*>+\s*(?:[^\s:：\"“「>]{1,20}[:：]\s*)?"
    r'(?:"[^"\n]{2,}"|“[^”\n]{2,}”|「[^」\n]{2,}」)(?=\s*\S)'
    # A lookahead that starts with white space is tried only where a run of it begins, so
    # that a long run is scanned once, not once for each of its characters.
    rf"|(?:^|(?<=[:：]))\s*>.*?(?=(?<!\s)\s*+——|(?<!\s)\s++(?:—|--)\s|[.!?。！？]\s*+(?:{REPLY_OPENER})"
    # (or a space between Chinese words or after a Chinese full stop, which Chinese writes
    # without: "> 原文 你的回复", "> 原文。 你的回复",
    # or two spaces with no full stop before them: "> all women are gold diggers  Says the
    # loser who…"; two after a full stop are only how some people type)
    rf"|(?<={HAN_CHAR}|[。！？])\s++(?={HAN_CHAR})|(?<![\s.!?。！？])[ \t]{{2,}}+(?=\S)|$)"
    # A Weibo repost chain, to the end of the line, or to a dash before a reply to the
    # poster (…——博主你是不是没长脑子); a dash inside the chain ends nothing.
    r"|//@[^:：\s]+[:：][^\n]*?(?=——\s*(?:你|妳|博主|楼主|小编|作者|@|说这|发这|$)|$))",
    re.MULTILINE,
)
# Words introduced as someone else's after a colon, to the end of the sentence: 他说：黑人
# 都是猴子。, 原帖：…, 翻译一下这条推特：…, "he wrote: …"; or after 写道，/表示， as news
# reports speech; up to a quotation mark or a dash, which say more. Not what the commenter
# says (我说：…, "I said: …").
# (The span starts at the colon, so that the pattern opens with it and is quick to scan; the
# introducer is read behind it.)
INTRODUCED = re.compile(
    r"(?=[:：，,])(?:[:：](?:(?<=[说讲话写称][:：])(?<!我[说讲话写称][:：])"
    r"|(?<=(?:原帖|原文|原话|转发|译文|推特|微博|留言|评论|翻译)[:：])(?<!我的留言[:：])"
    r"(?<!我的评论[:：])|(?<=原话是[:：]))"
    r"\s*[^。！？!?\n「“\"『—]{2,}"
    r"|[，,:：](?<=(?:写道|说道|声称|表示)[，,:：])\s*[^。！？!?\n「“\"『—]{2,}"
    r"|:(?:(?<=said:|says:)|(?<=wrote:)|(?<=writes:|posted:)|(?<=tweeted:)"
    r"|(?<=translation:))(?<!\bi said:)"
    r"\s*[^.!?\n\"“—]{2,})"
)
# How close before a cue a negation must stand to deny it, in characters: "are not vermin",
# "不是寄生虫"; a "not" elsewhere in the clause says nothing about the cue.
NEGATION_REACH = 10
# A one-character negation (不, 别) begins too many everyday words (不少, 不过, 别人, 个别)
# to deny more than the word right after it: 藏族人不落后, 一点都不脏.
# How close after "we", "I'm a" or 我们 a word must stand to be said of the commenter's own
# group: "us old fags", 我们几个基佬.
SELF_REACH = 6
# In English, a few words that only count or describe the group may stand between, and
# the names before it in a list: "we're a bunch of old fags and dykes".
SELF_WORDS = re.compile(
    r"(?:\s*\b(?:a|are|all|bunch|couple|few|of|old|proud|just|two|three|such|queer|gay|trans"
    r"|big|fat|little|loud|happy|lifelong"
    r"|black|asian|taiwanese|chinese|butch|femme|bi"
    r"|[a-z]+\s+(?:and|or))\b)*\s*"
)
SELF_WORDS_REACH = 40  # characters: a few such words at most
# "As a …" describes the commenter, unless it follows someone else: "I see you as a …".
SEEN_AS = re.compile(r"\b(?:you|him|her|them|he|she|they|u)\b[^,.!?;]{0,15}$")
# Between "we" and the slur, words that turn it against others: 我们不欢迎, "we don't want".
NOT_SELF = re.compile(r"[不没别]|\b(?:not|no|don't|hate|want)\b")
# How close after someone else a verb of saying must stand for what follows to be theirs:
# "you said", "楼上刚才说"; "I said" and 说白了 are the commenter's own.
SAY_REACH = 6
# Words that begin with a verb of saying but report no one's words: 你能说明, 说服.
NOT_SAYING = (
    "说明", "说服", "说到", "说起", "说句", "说实", "说真", "说白", "说穿", "讲真", "话说", "话题",
)  # fmt: skip
# A claim named as the subject of the clause is put up for judging, not made: "Saying women
# belong in the kitchen isn't edgy", 说河南人都是骗子，这根本不是事实.
OPENS_CLAUSE = re.compile(
    r"[\W_]*(?:to\s+|别再?|不要再?|不能|怎么能|停止|凭什么|我?(?:不同意|不认同|不赞同|反对))?$"
)
# Between a verb of saying and the group its claim is about: "that", "all the", a word
# ("called Indigenous Taiwanese"); in Chinese a few characters (说所有, 骂那些).
CLAIM_OPENS = re.compile(
    r"\s*(?:that\s+)?(?:(?:all|the|those|these|every|most|some)\s+)*(?:[a-z]+\s+)?"
)
CLAIM_REACH = 4
# Calling a group something (把同性恋说成变态, 把上海人当成势利眼, 把黑人比作猴子): what
# follows is the name given, put up for judging; unless the commenter does it (我就把…, see
# ``SELF_SAYS``).
NAMING = re.compile(
    r"把[^,.!?;，。！？；]{1,12}?(?:说成|叫做|叫成|当成|称为|骂成|看成|比作|比成|比喻成|比喻为)"
)
# Someone else, unnamed, who says it (有人说, "someone said", "the idiot who said", "the
# comment that called"):
# not a person an insult could be aimed at, so not a person cue.
SOMEONE = re.compile(
    r"有人|(?:一堆|很多|好多|一些|不少|那些|这些|一班|啲)人"
    r"|\b(?:someone|somebody|nobody|no\s+one|who|whoever|people|users|trolls|commenters|others"
    r"|(?:the|that|a|this|one|top|first) (?:comment|post|tweet|user|account|reply|poster))\b"
    r"|网友|评论区|留言"
)
SOMEONE_REACH = 40  # characters before the verb: "the comment that called", 总有人那么自信地说
# Someone named after what they said, in a few characters: 骂同性恋是变态的那位,
# 说河南人都是骗子的人.
SAYER_AFTER = re.compile(
    r"[^,.!?;，。！？；]{0,12}?的"
    r"(?:(?:那位|这位|那个|这个|那些|这些)?(?:人|网友|账号|帐号|家伙|用户|博主|楼主|作者|记者)"
    r"|那位|这位|评论|留言|帖子|言论)"
    r"|[^,.!?;，。！？；]{0,12}?(?:[嗰𠮶]个|[嗰𠮶]啲人)"
)
# Agreeing with what someone said, which makes it the commenter's claim too.
AGREES = re.compile(
    r"\b(?:like|as)\s+(?:you|he|she|they|someone)\s+(?:said|says)\b|\bsaid\s+it\b"
    r"|\b(?:was|is|are|were)\s+(?:so\s+)?right\b|说得(?:对|好|没错|在理)|的没错|正如|就像.{0,4}说"
)
# The commenter saying it themselves: 我跟你说, 我就说, "I said", "I'm telling you".
SELF_SAYS = re.compile(
    r"(?:我|老子|\bi\b)[^,.!?;，。！？；]{0,3}$|[跟和对给同]你们?$"
    r"|\bi(?:['’]m|\s+am)\s+telling\s+you\s*$"
    # or asking the reader to agree: "don't you think…", 难道你们不觉得…
    r"|\b(?:don['’]t|doesn['’]t|wouldn['’]t|isn['’]t|aren['’]t)\s+(?:you|we|everyone|anyone)\s*$"
    r"|难道(?:你|你们|大家)?[不没]$"
)
RHETORICAL_REACH = 5  # characters before a negation that may hold the 难道 making it a claim
# Who, asked just before a negation, makes it a claim about everyone: 谁不讨厌…？, 有几个不是
# …？, 哪个不觉得…？ ("who doesn't hate them?"; not 这几个不是懒人).
ASKED_WHO = re.compile(r"(?:谁|哪个|哪一个|(?<![这那好])几个|多少人)(?:人|会|能|是)?$")
# Or none (hardly any) said not to be it, which says all are: 河南人就没几个不是贼的.
NONE_NOT = re.compile(r"(?:没|没有|冇)(?:几个|一个|哪个)(?:人)?$")
# A negation of denying says it: 不能否认, 不可否认, 无法否认; "can't deny".
DENIAL_DENIED = re.compile(r"\s*(?:去|再)?(?:否认|否定|deny\b|denying\b)")
# Where one clause ends and the next begins: a cue only qualifies cues in its own clause.
# Folding turns "，" into ",": a comma ends a clause before a space or a Chinese character
# (not inside a number such as 1,000).
CLAUSE_END = re.compile(r"[.!?;。！？；…\n]+|,(?=\s|[^\x00-\x7f])|，")
# Whoever wrote what is quoted, named as a person: 写这种话的人, 那个留言的人, 嗰个留言嘅人,
# PO文嗰个, "the clown who wrote it". Something points at the writing (这种, 那个): not
# 说话的人, 写评论的人 (any commenter), 说的人多了. (Folding turns 嗰 into 𠮶.)
_WROTE = r"(?:写|说|讲|发|留|贴|po|转)出?"
_WRITING = (
    r"(?:话|东西|言论|评论|言|帖子?|文章?|嘢|内容|垃圾|post)(?:的|嘅)(?:人|那个人|那位|家伙|那个号"
    r"|账号)"
)
_THIS = (
    r"(?:这种|这样的|这些|这条|这句|这个|这篇|这|那种|那条|那句|那个|那|呢啲|呢种|呢句|呢个"
    r"|[嗰𠮶](?:啲|种|个))"
)
WRITER = re.compile(
    # (Every form opens with one of these: a position without one fails at once.)
    r"(?=[写说讲发留贴转这那呢嗰𠮶pw])(?:"
    rf"{_WROTE}{_THIS}{_WRITING}|{_THIS}{_WROTE}{_WRITING}|po文(?:[嗰𠮶]个|的那个|的人)"
    r"|\bwho\s+(?:wrote|typed|posted|tweeted|shared)\s+(?:it|this|that)\b)"
)
# One person pointed at by their role or trade: 这个主播, 呢个版主, 那个贪官, 那位市议员,
# Cantonese 个导演 opening a clause ("the director"); or the commenter's own (我们经理, 我家
# 房东). At most two characters between, none of them 的: not 这个时候老师, 那个明星的粉丝. Not
# 一个医生, 十个老师 or 找个男朋友 (anyone in the trade), nor a trade word describing a thing
# (这个网红店, 这个律师事务所).
ROLE = re.compile(
    # (Every form opens with one of these: a position without one fails at once.)
    r"(?=[这那呢嗰𠮶个我])(?:这个|那个|这位|那位|呢个|呢位|[嗰𠮶](?:个|位)|(?<![^\s,.!?;，。！？；])个"
    r"|我(?:们|哋|家)的?|我的)"
    r"(?!时候|时间|地方|样子|月|星期|礼拜)[^\s,.!?;，。！？；的]{0,2}?"
    r"(?:主播|网红|议员|歌手|导演|医生|医师|庸医|版主|老师|明星|演员|官员|贪官|村长|主管|老板|教授"
    r"|律师|店员|司机|保安|作家|专家|砖家|领导|经理|校长|主任|法官|球员|教练|前男友|前女友|男朋友"
    r"|女朋友|邻居|同事|房东|嘉宾|评论员|发言人|店长|客服|kol|记者|编辑|博主|作者|主持人?|网友"
    r"|班主任|阿伯|伯伯|大妈|大叔|阿姨|大爷|大婶|阿婆|老头)"
    r"(?![店馆所号楼司界圈业行产品电话协会团队事务])"
    # ... or pointed at by what they are called (那个八婆, 那个渣男; not 我哋班八婆, of oneself),
    # or a village chief (这个里长; not 这个村里长大).
    r"|(?:这个|那个|呢个|[嗰𠮶]个)(?:八婆|渣男|渣女|贱人)|(?:这个|那个|这位|那位)里长"
)
# Someone named by surname and 某 as the press writes it: 李某, 张某某, 男子李某. (Not 向某个
# 部门, 于某时, 李白某日.)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔汤"
)
SURNAMED = re.compile(
    # (A surname and 某 first: a position without them fails at once.)
    rf"(?=[{_SURNAMES}]某)"
    rf"(?:(?<!{HAN_CHAR})|(?<=男子|女子|网友|被告|嫌犯|网红|司机|老师|医生|记者|患者|主播))"
    rf"[{_SURNAMES}]某{{1,2}}(?![些种人处地事日天年个位时次月])"
)
# A reader addressed by name: "@marcus_t did you even read it", 回复@阿明：. (Not the
# middle of an address: a@b.com.)
MENTION = re.compile(r"(?<![^\s,，:：(（【\[])@[^\s@,，:：。.!！?？、)）】\]]{2,20}")
# "I'm not racist, but …", 我不是地域黑，但是…: a disclaimer before a claim, which its own
# rejection word ("racist", 地域黑) does not deny.
DISCLAIMER = re.compile(
    r"\b(?:i['’]?m|i\s+am)\s+(?:not|no)\s+(?:being\s+)?(?:a\s+)?(?:racist|sexist|homophobic|transphobic"
    r"|xenophobic|islamophobic|antisemitic|bigot|bigoted|prejudiced)\b\s*,?\s*(?:but|though)\b"
    r"|(?:我|本人)?(?:不是|并不是|并非|没有)(?:要|想|在)?(?:地域黑|地图炮|歧视|种族歧视|性别歧视)"
    r"[^,.!?;，。！？；]{0,8}?[,，]?\s*(?:但是?|可是|不过|只是)"
)
DISCLAIMER_HINTS = ("but", "though", "但", "可是", "不过", "只是")  # one ends every disclaimer
# "Not one of them is any good", a claim about every member of a group: 没有一个新疆人是好
# 东西, 菲佣冇一个系好人, 原住民没有一个是认真工作的 (but not 没有一个好人会这样做).
NONE_GOOD = re.compile(
    # (The first characters of the forms below: a position without one fails at once.)
    r"(?=[没冇哪n])(?:"
    r"(?:没有|没|冇)一个[^,.!?;，。！？；]{0,8}?[是系](?:好东西|好人|认真工作|好的|好嘢)"
    r"|(?:哪有|冇|没)什么好人"
    # "No Muslim has ever been any good", "not one of them is any good".
    r"|\b(?:no|not\s+(?:a|one)(?:\s+single)?)\s+[a-z]+(?:\s+[a-z]+)?"
    r"\s+(?:has\s+ever\s+been|have\s+ever\s+been|is|are|was|were|will\s+ever\s+be)"
    r"\s+(?:any|ever\s+any)\s+good\b"
    # "No Muslim can ever be a decent person", "there's no such thing as a decent gypsy".
    r"|\bno\s+[a-z]+(?:\s+[a-z]+)?\s+(?:can|could|will)\s+(?:ever\s+)?be\s+(?:a\s+)?"
    r"(?:decent|good|honest)\b"
    r"|\bno\s+such\s+thing\s+as\s+(?:a|an)\s+(?:decent|good|honest)\s+[a-z]+)"
)
# What is left of a clause that is nothing but an exclamation: "妈的，" or "幹幹幹！".
PUNCTUATION_AND_SPACE = re.compile(r"[\W_]+")
# Sentence-final particles, which leave an exclamation an exclamation: 食屎啦, 靠北啊.
PARTICLES = "啦呀啊喔哦啰咯嘛咧"
# A clause of fewer characters than this may be an item of a list (花，草，树).
LIST_ITEM = 3
# A list that goes on after the item: 玫瑰花，草，还有几棵小树.
LIST_GOES_ON = re.compile(r"[\W_]*(?:还有|和|以及|跟|及|或者?|等等)")


@dataclass(frozen=True)
class Cue:
    """One list entry; ``label`` is its kind (named so the word-list matcher can use it)."""

    text: str
    label: str

    def __post_init__(self) -> None:
        if self.label not in KINDS:
            raise ValueError(f"cue {self.text!r}: unknown kind {self.label!r}")
        if not matchable(self.text):
            raise ValueError(f"cue {self.text!r} has no letters or digits to match")


@cache
def all_cues() -> tuple[Cue, ...]:
    return shipped_entries(CUE_FILES, ("cue", "kind"), Cue)


@cache
def cue_lexicon() -> Lexicon[Cue]:
    return Lexicon(all_cues())


LATIN_WORDS = re.compile(r"[a-z]+")
# Group cues that name people by no trait: "they", "those people".
NO_TRAIT = re.compile(r"\b(?:they|them|these|those|their)\b")


@cache
def identity_words() -> tuple[frozenset[str], re.Pattern[str]]:
    """The English words that name a group by a protected characteristic ("gay", "Muslims"),
    from the group cues: the words they start with, and a pattern finding them all."""
    names = [
        cue.text
        for cue in all_cues()
        if cue.label == GROUP and cue.text.isascii() and not NO_TRAIT.search(cue.text)
    ]
    pattern = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return frozenset(name.split()[0] for name in names), re.compile(rf"\b(?:{pattern})\b")


def without_identities(text: str) -> str:
    """``text`` (folded) with the words that name a protected group left out."""
    first_words, names = identity_words()
    if first_words.isdisjoint(LATIN_WORDS.findall(text)):
        return text  # the quick answer for most comments
    return names.sub(" ", text)


@cache
def trigger_lexicon() -> Lexicon[Cue]:
    """Only the cues that can raise a finding on their own. Most comments contain none, and
    without the commonest words ("you", "not", 你) a miss is found quickly."""
    return Lexicon(cue for cue in all_cues() if cue.label in TRIGGERS)


def has_trigger(text: str) -> bool:
    own = own_words(text)
    return any(
        match.term.label != EXPLETIVE or stands_alone(own, match)
        for match in trigger_lexicon().match(own)
    ) or any(match.term.label in TRIGGERS for match in shaped_cues(own))


@lru_cache(maxsize=16)
def shaped_cues(text: str) -> tuple[Match[Cue], ...]:
    """Cues said in a sentence's shape rather than a fixed phrase: threats (see
    :mod:`threats`), "not one of them is any good" said of a group, a reader addressed by
    @name, whoever wrote what is quoted, and one person named by their role. (Remembered
    for a few texts: the trigger test and the clause reading both ask.)"""
    threatening = [Match(Cue(text[a:b], THREAT), a, b) for a, b in threats.spans(text)]
    none_good = [Match(Cue(m.group(), DEHUMANISE), *m.span()) for m in NONE_GOOD.finditer(text)]
    mentions = MENTION.finditer(text) if "@" in text else ()
    mentioned = [Match(Cue(m.group(), PERSON), *m.span()) for m in mentions]
    writers = [Match(Cue(m.group(), PERSON), *m.span()) for m in WRITER.finditer(text)]
    roles = [Match(Cue(m.group(), PERSON), *m.span()) for m in ROLE.finditer(text)]
    surnamed = [Match(Cue(m.group(), PERSON), *m.span()) for m in SURNAMED.finditer(text)]
    return (*threatening, *none_good, *mentioned, *writers, *roles, *surnamed)


def stands_alone(text: str, match: Match[Cue]) -> bool:
    """Whether an expletive (repeated or not) is all there is between two clause breaks: a
    quick test, so that 干净 or 靠近 do not send every comment through the clause reading."""
    word = match.term.text
    start, end = match.start, match.end
    while text.startswith(word, end):
        end += len(word)
    while start >= len(word) and text.startswith(word, start - len(word)):
        start -= len(word)
    while end < len(text) and text[end] in PARTICLES:
        end += 1  # 食屎啦
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


@lru_cache(maxsize=16)
def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``text`` that quote someone else, except a quote the commenter agrees
    with at once (「外劳都是小偷」——说得好): that one they say too. (Remembered for a few
    texts: several phases ask about the comment being screened.)"""
    quoted = [match.span() for match in QUOTED.finditer(text)]
    if introduced := [match.span() for match in INTRODUCED.finditer(text)]:
        inside = covered(quoted)
        quoted = sorted(quoted + [span for span in introduced if not inside(*span)])
    return tuple((start, end) for start, end in quoted if not ENDORSED.match(text, end))


@lru_cache(maxsize=16)
def own_words(text: str) -> str:
    """``text`` with quoted parts blanked out (lengths kept, so offsets still line up)."""
    spans = quoted_spans(text)
    if not spans:
        return text
    pieces = list(text)
    for start, end in spans:
        pieces[start:end] = " " * (end - start)
    return "".join(pieces)


@dataclass(frozen=True)
class Clause:
    """The cues of one clause of the commenter's own words."""

    kinds: frozenset[str]
    matches: tuple[Match[Cue], ...]
    text: str = ""
    start: int = 0  # where the clause's text begins in the comment (folded)
    # Between two clauses of a few words each, the first no question: not a list item or an
    # answer.
    in_sentence: bool = False

    def has(self, *kinds: str) -> bool:
        return all(kind in self.kinds for kind in kinds)

    def has_any(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def first(self, kind: str) -> Match[Cue] | None:
        return next((m for m in self.matches if m.term.label == kind), None)

    def of(self, kind: str) -> list[Match[Cue]]:
        return [m for m in self.matches if m.term.label == kind]

    def exclaims(self) -> Match[Cue] | None:
        """The expletive, when the clause is nothing else ("妈的，", "幹！", "草草草").

        Said as a clause of its own, 妈的 or 操 is swearing; inside a sentence the same
        characters begin everyday words (我妈的手机, 操作), so only the whole clause counts.
        """
        bare = PUNCTUATION_AND_SPACE.sub("", self.text).rstrip(PARTICLES)  # 食屎啦
        only: dict[str, bool] = {}  # word -> the clause is nothing but it (asked once per word)
        for match in self.of(EXPLETIVE):
            word = match.term.text
            if word not in only:
                only[word] = bool(bare) and not bare.replace(word, "")
            if not only[word]:
                continue
            # One character alone is also an answer or a list item (干。/ 花，草，树): it
            # swears when it opens the comment, is repeated, is exclaimed, or breaks into a
            # sentence (这政策烂到爆，幹，到底谁想出来的).
            alone = self.start == 0 or self.in_sentence
            if len(word) > 1 or alone or len(bare) > 1 or "!" in self.text:
                return match
        return None

    def is_question(self) -> bool:
        """Whether the clause is a question: 女司机就是马路杀手？"""
        return is_question(self.text)

    def holds(self, at: int) -> bool:
        """Whether the character at ``at`` (in the whole comment) is in this clause."""
        return self.start <= at < self.start + len(self.text)

    def said_of_self(self, at: int) -> bool:
        """Whether the word at ``at`` follows closely on the commenter speaking of themselves,
        with nothing between that names someone or denies: a slur used of one's own group
        ("us old fags", 我们几个基佬) is reclaimed; "we don't want fags" is not."""
        others = self.others
        selves, ends = self.selves
        # Only the cues that end a little before the word (a comment may hold thousands).
        for cue in selves[bisect_left(ends, at - SELF_WORDS_REACH) : bisect_right(ends, at)]:
            if cue.term.text.startswith(("as ", "fellow")) and SEEN_AS.search(
                self.text[: cue.start - self.start]
            ):
                continue  # "I see you as a fag", "you fellow fags" say it of someone else
            between = self.text[cue.end - self.start : at - self.start]
            if NOT_SELF.search(between):
                continue
            # Words that only describe the commenter ("as a queer Taiwanese dyke") may name
            # a group; otherwise nothing between may name someone else.
            if SELF_WORDS.fullmatch(between):
                return True
            near = 0 <= at - cue.end <= SELF_REACH
            first_other = bisect_left(others, cue.end)
            if near and not (first_other < len(others) and others[first_other] < at):
                return True
        return False

    @cached_property
    def others(self) -> list[int]:
        """Where the clause names someone, or denies, in order: between the commenter and a
        word, they make it not said of the commenter."""
        return sorted(m.start for m in self.matches if m.term.label in (PERSON, GROUP, NEGATION))

    @cached_property
    def selves(self) -> tuple[list[Match[Cue]], list[int]]:
        """The clause's self cues in order of their ends, and those ends."""
        selves = sorted(self.of(SELF), key=lambda cue: cue.end)
        return selves, [cue.end for cue in selves]

    @cached_property
    def attributed(self) -> bool:
        """Whether the clause reports what someone else said of a group rather than saying
        it: "you called Hong Kongers cockroaches", 楼上说外地人都是骗子, 骂同性恋是变态的那位.
        Not when the commenter agrees ("like you said", 说得对, 正如你说的) or is the one
        saying it (我跟你说, 我就说)."""
        groups = [m.start for m in self.of(GROUP)]
        if not groups or AGREES.search(self.text):
            return False
        if (naming := NAMING.search(self.text)) and not SELF_SAYS.search(
            self.text[: naming.start()]
        ):
            return True
        negation_ends = {n.end for n in self.of(NEGATION)}
        person_ends = {m.end for m in self.of(PERSON)}
        for say in self.of(SAY):
            if say.start > groups[0]:
                continue  # after the claim
            at = say.start - self.start
            if self.text.startswith(NOT_SAYING, at):
                continue
            if not self.claim_follows(say, groups):
                continue  # "people think I'm harsh but Muslims are…" reports nothing
            # A claim named as the clause's subject, or forbidden (别再说, 不能说): judged.
            named_as_subject = OPENS_CLAUSE.match(self.text[:at]) and (
                say.term.text.endswith("ing") or not say.term.text.isascii()
            )
            if named_as_subject:
                return True
            if {say.start, say.start - 1} & negation_ends:
                continue  # not said: 你怎么不说, "you never said"
            before = self.text[max(0, at - SOMEONE_REACH) : at]
            if SELF_SAYS.search(before):
                continue
            # Someone unnamed, a person named just before, or an insult for whoever says it
            # ("only a pathetic loser would spend his Saturday posting that...").
            someone = (
                SOMEONE.search(before)
                or any(say.start - gap in person_ends for gap in range(SAY_REACH + 1))
                or any(0 <= say.start - i.end <= SOMEONE_REACH for i in self.of(INSULT))
            )
            named_after = groups[0] - say.end <= 1 and SAYER_AFTER.match(
                self.text, groups[0] - self.start
            )
            if someone or named_after:
                return True
        return False

    def claim_follows(self, say: Match[Cue], groups: list[int]) -> bool:
        """Whether the claim about a group follows the verb of saying at once: "writing that
        mainlanders…", 说所有河南人; or whoever made it is named after it (骂同性恋…的那位)."""
        after = next((start for start in groups if start >= say.end), None)
        if after is None:
            return False
        between = self.text[say.end - self.start : after - self.start]
        if between.isascii():
            return CLAIM_OPENS.fullmatch(between) is not None
        return len(between) <= CLAIM_REACH

    def negated(self, kind: str, unless: frozenset[str] = frozenset()) -> bool:
        """Whether every ``kind`` cue in the clause closely follows a negation (other than
        the words in ``unless``)."""
        reach = {
            n.end: negation_reach(n)
            for n in self.of(NEGATION)
            if n.term.text not in unless
            and not self.asks_agreement(n)
            and not self.denies_denial(n)
        }
        cues = self.of(kind)
        return bool(cues) and all(
            any(reach.get(cue.start - gap, -1) >= gap for gap in range(NEGATION_REACH + 1))
            for cue in cues
        )

    def asks_agreement(self, negation: Match[Cue]) -> bool:
        """Whether a negation only asks the reader to agree, or denies the exceptions:
        难道你们不觉得…废物吗, 谁不讨厌…？ and 没几个不是贼 say it."""
        at = negation.start - self.start
        before = self.text[max(0, at - RHETORICAL_REACH) : at]
        return (
            "难道" in before
            or NONE_NOT.search(before) is not None
            or (self.is_question() and ASKED_WHO.search(before) is not None)
        )

    def denies_denial(self, negation: Match[Cue]) -> bool:
        """Whether a negation denies a denial, and so says the claim: 不能否认…恶心."""
        return DENIAL_DENIED.match(self.text, negation.end - self.start) is not None


def negation_reach(negation: Match[Cue]) -> int:
    """How far before a cue ``negation`` may stand and still deny it."""
    return 0 if len(negation.term.text) == 1 else NEGATION_REACH


def clauses(text: str) -> list[Clause]:
    """The cues in ``text`` (already folded), clause by clause, quoted parts left out."""
    own = own_words(text)
    matches = [*cue_lexicon().match(own), *shaped_cues(own)] if own.strip() else []
    in_expletive = spans_of(matches, EXPLETIVE)
    hinted = any(hint in own for hint in DISCLAIMER_HINTS)
    if hinted and (disclaimed := [m.span() for m in DISCLAIMER.finditer(own)]):
        inside = covered(disclaimed)
        matches = [m for m in matches if not (m.term.label == REJECTION and inside(m.start, m.end))]
    in_rejection = spans_of(matches, REJECTION)
    in_thing = spans_of(matches, THING)
    demeaning = [(m.start, m.end) for m in matches if m.term.label in DEMEANING]
    in_demeaning = covered(demeaning) if demeaning else lambda start, end: False
    matches = sorted(
        (
            m
            for m in matches
            if not (m.term.label == PERSON and in_expletive(m.start, m.end))
            and not (m.term.label in DEMEANING and in_rejection(m.start, m.end))
            and not (m.term.label in (REJECTION, NEGATION) and in_demeaning(m.start, m.end))
            and not (m.term.label == GROUP and in_thing(m.start, m.end))
            and not (m.term.label == NEGATION and (asks(own, m) or in_compound(own, m)))
        ),
        key=lambda m: (m.start, -m.end),
    )  # (the 他 of 他妈的 names no one, nor the whites of egg whites; the 垃圾 of 历史的垃圾堆
    # demeans no one; the "never have" of "should never have been allowed to live" denies
    # nothing)
    bounds = [m.end() for m in CLAUSE_END.finditer(own)] + [len(own)]
    found: list[Clause] = []
    start = previous = 0
    ordered = iter(matches)
    pending = next(ordered, None)
    for at, end in enumerate(bounds):
        taken = []
        while pending is not None and pending.start < end:
            taken.append(pending)
            pending = next(ordered, None)
        inner = tuple(taken)
        if inner:
            kinds = frozenset(m.term.label for m in inner)
            # (Asked only of an expletive: whether it breaks into a sentence.)
            in_sentence = EXPLETIVE in kinds and between_clauses(own, bounds, at, previous)
            found.append(Clause(kinds, inner, own[start:end], start, in_sentence))
        start, previous = end, start
    return found


def spans_of(matches: list[Match[Cue]], kind: str) -> Callable[[int, int], bool]:
    """A test of whether ``start:end`` lies inside a ``kind`` match (never, if none)."""
    spans = [(m.start, m.end) for m in matches if m.term.label == kind]
    return covered(spans) if spans else lambda start, end: False


def between_clauses(text: str, bounds: list[int], at: int, previous: int) -> bool:
    """Whether clause ``at`` (ending at ``bounds[at]``) stands between two clauses of a few
    words each, the one before it no question: in a sentence, not a list or an answer."""
    start = bounds[at - 1] if at else 0
    after = bounds[at + 1] if at + 1 < len(bounds) else bounds[at]
    before = text[previous:start]
    following = text[bounds[at] : after]
    return (
        not is_question(before)
        and words_in(before) >= LIST_ITEM
        # (or it ends the comment: 今天超不爽，幹。)
        and (words_in(following) >= LIST_ITEM or not following.strip())
        and not LIST_GOES_ON.match(following)
    )


def is_question(text: str) -> bool:
    return text.rstrip().endswith(("?", "？"))


def words_in(text: str) -> int:
    """How many characters of ``text`` are not punctuation or space."""
    return len(PUNCTUATION_AND_SPACE.sub("", text))


def covered(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether ``start:end`` lies inside one of ``spans``, in log time: a comment
    may hold thousands of matches."""
    spans = sorted(spans)
    starts = [start for start, _ in spans]
    furthest = list(accumulate((end for _, end in spans), max))

    def test(start: int, end: int) -> bool:
        i = bisect_right(starts, start) - 1
        return i >= 0 and furthest[i] >= end

    return test


def in_compound(text: str, negation: Match[Cue]) -> bool:
    """Whether a negation is the end of another word: the 别 of 性别 or 特别."""
    at = negation.start
    return negation.term.text == "别" and at > 0 and text[at - 1] in threats.NOT_DONT


def asks(text: str, negation: Match[Cue]) -> bool:
    """Whether a Chinese negation is half of a yes-no question (是不是, 能不能, 有没有):
    "黑人是不是都很懒" asks nothing less than it claims."""
    word = negation.term.text
    return word[0] in "不没" and negation.start > 0 and text[negation.start - 1] == word[-1]
