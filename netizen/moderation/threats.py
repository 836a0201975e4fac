"""The shapes of a threat, beyond the fixed phrases of the cue lists.

A list can hold "kill you" and 弄死你, but threats are sentences: "I'm going to find you and
break your legs", "someone should shoot them all", 我迟早把你打死, 信不信我找人砍了你. Here a
threat is someone (I, we, someone; 我, 老子, 迟早) who will do violence to someone else (you,
them; 你, 他们), a few words apart, within one clause, or people who "should be executed"
(就该全部拉去枪毙). Both ends are needed: "this game will kill me" and 我要杀价 threaten no
one; the target phase also wants a person or a group named.

The patterns run on folded text (lower case, Simplified characters), as the cues do.
"""

from __future__ import annotations

import re

# English: a speaker who means to act, or wants it done; up to two words (not a negation)
# before the violent verb; then the person or people it is done to.
# White space is matched possessively (\s++): every run of it is followed by a word, so
# giving some back never helps, and a long run must not be tried in every split.
_SPEAKER = (
    r"\b(?:(?:i|we|someone|somebody)(?:['’]ll|['’]d|['’]m|['’]re)?"
    r"|(?:someone|somebody)['’]s(?=\s++(?:going\s++to|gonna|about\s++to)\b)|time\s++to|let['’]?s)"
    r"(?:\s++(?:will|would|am|are))?"
    r"(?:\s++(?:going\s++to|gonna|should|needs?\s++to|ought\s++to|want\s++to|wanna|will|would))?"
)
_GAP = r"(?:\s++(?!never\b|not\b|n['’]t\b)[a-z'’]+){0,3}?"
_VIOLENCE = (
    r"(?:kill|murder|shoot|stab|hang|lynch|strangle|choke|beat|punch|hurt|rape|burn|bury"
    r"|gut|slaughter|behead|execute|torch|run\s+over|running\s+over|smash|slap|slit"
    r"|take\s+a\s+(?:bat|baseball\s+bat|knife|machete|hammer|crowbar)\s+to"
    r"|put\s+a\s+bullet\s+(?:in|into|through)"
    r"|killing|shooting|stabbing|hanging|lynching|strangling|beating|punching|burning|gutting)"
)
# Whom: a pronoun, or "that reporter" / "the author" after a bullet or a blade.
_VICTIM = (
    r"(?:both\s+|all\s+)?(?:you|u|ya|him|her|them|y['’]all|your|his|their|every|each|any|all\s+of"
    r"|(?<=in\s)(?:that|this|the)"
    # ... or the next one met ("the next gay couple I see"; not "the next level boss").
    r"|the\s+next(?=\s+(?:[a-z]+\s+)?(?:one|person|guy|man|woman|couple|family|kid|[a-z]*[^s\W]s)\b))\b"
)
# Violence no game or election uses, which may also be done to "the", "every" or "those"
# people: "I want to burn down every mosque", "we should round up the gays".
# Limbs broken: "I'll break both your legs" (not "break your record").
_LIMBS = (
    r"(?:break|snap)\s++(?:both\s+|all\s+)?(?:your|his|her|their)\s+(?:[a-z]+\s+)?"
    r"(?:legs?|arms?|neck|jaw|nose|bones|face|teeth|fingers|skull|knees?|kneecaps)\b"
    # ... or knocked in: "we'll kick his teeth in", "I'll smash your face in".
    r"|(?:kick|knock|smash|bash|punch|cave)\s++(?:your|his|her|their)\s+(?:[a-z]+\s+)?"
    r"(?:teeth|face|head|skull|brains?)\s+(?:in|out)\b"
    # ... or beaten out of them: "I'll beat the living hell out of you".
    r"|(?:beat|kick|knock|slap)\s++the\s+(?:living\s+)?(?:hell|shit|crap|daylights|snot)\s+"
    r"out\s+of\s+(?:you|u|him|her|them)\b"
)
# The Holocaust wished again: "let's finish what Hitler started".
_HOLOCAUST = r"finish\s++what\s+hitler\s+started\b"
# Beaten senseless or taught a lesson with fists, by a speaker a few more words back ("I'm
# going to find the mod who banned me and beat him senseless"); or heads foretold kicked in.
_BEATEN = (
    rf"{_SPEAKER}(?:\s++(?!never\b|not\b|n['’]t\b)[a-z'’]+){{0,10}}?\s++"
    r"(?:(?:beat|kick|punch)\s++(?:you|u|him|her|them)\s+(?:senseless|to\s+a\s+pulp"
    r"|black\s+and\s+blue|half\s+to\s+death|to\s+death)\b"
    r"|teach\s++(?:you|him|her|them)\s+a\s+lesson\s+with\s+(?:[a-z]+\s+)?"
    r"(?:fists|bats|knives|a\s+bat|a\s+knife|boots)\b)"
    r"|\bwill\s++get\s++(?:your|his|her|their)\s+(?:heads?|faces?|teeth|skulls?)\s+"
    r"(?:kicked|smashed|bashed|caved|knocked)\s+in\b"
)
# ("Kill the boss" is a game, so killing wants them all.)
# Done only to people or their places (not to mosquitoes or weeds): "lynch", "gas the".
_DONE_TO_MANY = (
    r"(?:lynch|gas|behead|exterminate|bomb|firebomb|torch|blow\s+up|burn\s+down|round\s+up"
    r"|string\s+up)\s++(?:all\s+(?:the\s+)?|every\s+|each\s+|the\s+|those\s+|these\s+"
    r"|that\s+|this\s+)"
)
_ATROCITY = (
    r"(?:(?:kill|murder|shoot|slaughter)(?:ing)?\s++(?:all\s+(?:the\s+)?|every\s+|each\s+"
    # ... or "the" people, plural ("shooting the migrants"; not "kill the boss").
    r"|those\s+|these\s+|the\s+(?=[a-z]*[^s\W]s\b))"
    # ... or hunted down, all of them ("hunt down every…"; not "hunt down the bargains").
    r"|hunt(?:ing)?\s+down\s++(?:all\s+(?:the\s+)?|every\s+|each\s+|those\s+|these\s+)"
    rf"|{_DONE_TO_MANY})"
)
# ... or that someone or some people should have it done to them: "every Muslim in this town
# should be rounded up and shot", "the author should be dragged out and beaten until...".
# Wished, not foretold ("the film will be shot in Bradford"). Whom it is wished on is for
# the target phase: a person or a group named just before (not "egg whites should be
# beaten until stiff"); see SUBJECT_REACH.
_DONE_TO = (
    r"\b(?:should|deserves?\s+to|need\s+to|needs\s+to|ought\s+to|must)"
    r"(?:\s++(?:all|just|really|each))?\s++(?:be|get)"
    r"(?:\s++(?!never\b|not\b)[a-z'’]+){0,5}?\s++"
    r"(?:killed|shot|stabbed|hanged|hung|lynched|raped|gassed|burned|burnt|executed|murdered"
    r"|exterminated|slaughtered|beheaded|strung\s+up|put\s+down|torched|firebombed|bombed"
    r"|burned\s+down|burnt\s+down|blown\s+up|razed"
    r"|beaten\s+(?:up|until|senseless|to\s+death|to\s+a\s+pulp|black\s+and\s+blue))\b"
)
# A victim given only as "those" or "all" (把那些…, 将啲…), or a fire set (一把火把…烧了),
# must be named in the threat as people: 我真想把那些旧衣服都烧了 burns clothes.
UNNAMED_VICTIM = re.compile("[把将](?:那些|这些|所有|啲|那座|这座|那间|这间)|^一把火[把将]")
WISHED_ON = re.compile(r"(?:should|deserves?|needs?|ought|must)\b")
SUBJECT_REACH = 25  # characters between whom it is wished on and "should": "in this town"
# ... or wishes it on them: "I hope all the refugees drown", "hope you get cancer and die".
_WISHED = (
    r"\bhope\s++(?:you|u|he|she|they|them|all|every|those|these|the)\b"
    r"(?:(?!\b(?:not|never)\b|n['’]t\b)[^.!?;\n]){0,40}?"
    r"\b(?:die|dies|rot|get\s+killed|gets\s+killed|get\s+shot|gets\s+shot|get\s+raped"
    r"|gets\s+raped|(?:drown|drowns|burn|burns)(?=\s*(?:$|[.!?,;]|in\b|to\s+death|alive)))\b"
    # ... or would love to see them suffer.
    r"|\b(?:love|like|want|wish|hope)\s++to\s++see\s++(?:all\s+)?(?:the\s+|those\s+|these\s+)?"
    r"[a-z]+(?:\s+[a-z]+)?\s++(?:suffer|die|burn|hang|rot|starve|drown|get\s+shot|get\s+hurt)\b"
    # ... or on a place of theirs: "hope someone plants a bomb in that synagogue".
    r"|\bhope\s++(?:someone|somebody)\s++(?:bombs|torches|firebombs|burns\s+down|blows\s+up"
    r"|plants\s+a\s+bomb\s+(?:in|at|under))\b"
    # ... or run over: "I hope someone runs the author over with a truck".
    r"|\bhope\s++(?:someone|somebody)\s++runs\s++(?:[a-z]+\s+){1,2}?over\b"
)
# ... or foretold as a beating ("the Roma families will be dragged out and beaten until they
# leave"; not "the film will be shot in Bradford").
_FORETOLD = (
    r"\bwill\s++(?:all\s+)?be(?:\s++(?!never\b|not\b)[a-z'’]+){0,5}?\s++(?:beaten\s+(?:up|until"
    r"|senseless|to\s+death)|lynched|hanged|stabbed|gassed|slaughtered|burned\s+alive)\b"
)
# ... or shooting started where people were named ("if more of them move in, we'll start
# shooting").
_OPEN_FIRE = r"(?:start|open)\s++(?:shooting|firing|killing)(?=\s*(?:$|[,.!?;]))"
# ... or hanged ("the mayor deserves to hang from a lamppost"; not "should hang out").
_HANGED = (
    r"\b(?:should|deserves?\s+to|ought\s+to|needs?\s+to)\s++(?:hang|swing)\b"
    r"(?!\s+(?:out|around|on|in|up|onto|together|back)\b)"
)
# Heads broken, someone's or some group's: "gonna start cracking some Asian skulls".
_SKULLS = (
    r"\b(?:crack|cracking|bash|bashing|smash|smashing|bust|busting|split|splitting)\s++"
    r"(?:some\s+|a\s+few\s+)?(?:[a-z]+\s+)?(?:skulls|heads)\b"
)
# A contest won, not people hurt: "we're going to slaughter them at the polls".
_CONTEST = (
    r"(?!\s+(?:at|in|on)\s+(?:the\s+)?(?:polls|ballot\s+box|election|vote|match|game|final"
    r"|pitch|court|debate|derby|playoffs?)\b)"
    # ... or an idiom: "hang you out to dry".
    r"(?!\s+out\s+to\s+dry\b)"
)
# (The first letters of the forms below: a word starting with none fails at once.)
_OPENS = r"\b(?=[iwstldnomhcb])"
# Harm wished on what is theirs, as a "shame" (would be a shame if it caught fire).
_SHAME = (
    r"\bshame\s++if\s++(?:it|that|your|his|her|their|the|this|something|anything)\b"
    r"[^.!?;\n]{0,40}?\b(?:caught\s+fire|burn(?:ed|t)\s+down|went\s+up\s+in\s+flames"
    r"|had\s+an?\s+['\"‘“]?accident|happened\s+to)"
)
ENGLISH = re.compile(
    rf"{_OPENS}(?:{_SPEAKER}{_GAP}\s++(?:{_VIOLENCE}\s++{_VICTIM}{_CONTEST}|{_ATROCITY}|{_LIMBS}"
    rf"|{_HOLOCAUST})"
    rf"|{_SPEAKER}(?:\s++[a-z'’]+)?\s++{_OPEN_FIRE}|{_DONE_TO}|{_FORETOLD}|{_HANGED}|{_WISHED}"
    rf"|{_BEATEN}"
    rf"|{_SKULLS}|{_SHAME})"
)
# Hunted or tracked down: "I'm going to find you, @ghost_writer" (not "I will find you a good
# doctor"), "I know where you live", "found out where he lives" (not "I don't know where she
# lives").
# (The lookahead names the first letters: without it the lookbehinds run at every position.)
TRACKED = re.compile(
    r"(?=[fktiw])(?:\bfind\s++you\b(?!\s+(?:a|an|the|some|something|one|another)\b)"
    r"|(?<!n't\s)(?<!n’t\s)(?<!\bnot\s)(?<!never\s)\b(?:know|find(?:\s+out)?|found(?:\s+out)?"
    r"|track(?:ed)?\s+down)\s++where\s++(?:you|he|she|they)\s++lives?\b"
    # ... or which gym, school or office they go to, known by the speaker ("I know which gym
    # you go to, Tom", "we know which school your kids go to"; not "let me know which gym").
    r"|\b(?:i|we)(?:['’]ve)?\s++(?:already\s+|now\s+)?(?:know|found\s+out)\s++which\s++"
    r"(?:gym|school|office|bar|pub|church|mosque|club|building|street|house|flat|apartment)"
    r"\s++(?:you|he|she|they|your\s+(?:kids?|children|son|daughter|wife|husband))\s++"
    r"(?:go|goes|work|works|live|lives|drink|drinks|train|trains)\b)"
)
# An atrocity said as a command, opening a sentence: "Burn down every mosque", "Gas the Jews"
# (not "Kill all the mosquitoes").
COMMANDED = re.compile(rf"(?:^|(?<=[.!?]\s))(?:{_DONE_TO_MANY})", re.MULTILINE)

# Chinese: who will do it, then either 把 + whom + the violence (我迟早把你打死), or the
# violence + whom (老子砍死你), a few characters apart, with no clause break between.
# With Cantonese forms (揾人 "get people to", 斩 "chop", 队冧 "beat down", 佢哋 "them").
_ZH_SPEAKER = (
    r"(?:我|老子|我们|咱们|我哋|迟早|早晚|总有一天|信不信|叫人|揾人|叫兄弟|找兄弟|揾兄弟|等我"
    r"|找人|找几个人|找一帮人|找一群人"
    r"|(?<![不没别])应该"
    r"|谁去|边个去|真想|恨不得|一个个|一个一个|当面)"
)
# Whom: a person, or people (那些, 所有, Cantonese 啲) whoever they are.
_ZH_VICTIM = (
    r"(?:你全家|你一家|你家人|你们|你哋|他们|她们|佢哋|你|您|他|她|佢|这些人|那些人"
    r"|那些|这些|所有|啲|那座|这座|那间|这间)"
)
_ZH_VIOLENCE = (
    r"(?:杀|砍|捅|宰|剁|斩|劈|弄死|打死|打残|打断|打爆|揍|废了|灭了|干掉|做掉|撕了|烧死|埋了"
    r"|活埋|毒死|撞死|炸死|掐死|勒死|淹死|整死|搞死|插死|队冧|揼|炸了|炸掉|砸死|斩死|烧了|烧掉|烧光"
    r"|沉(?:到|进)?[江河海湖塘])"
)
# Nothing between may deny or ask: 我不会杀你, 我劝你别把他打死, 我怎么会杀你.
# The characters before 别 in words that do not say "don't": 性别, 区别, 特别, 跨性别.
NOT_DONT = "性区分特类级告差离个识辨派鉴"
_ZH_GAP = rf"(?:[{NOT_DONT}]别|[^,.!?;，。！？；\s不没别怎])"
# The same, where spaces may stand between (in a longer reach).
_ZH_ANY = rf"(?:[{NOT_DONT}]别|[^,.!?;，。！？；不没别])"
# ... or that someone "should" be put to death (这些人就该全部拉去枪毙; not 不该).
# Or all of them, put to death (同性恋全部拉去枪毙, 回教徒全部都应该杀晒).
# (Or beaten, tortured, drowned: 拖去打一顿, 拉去电击, 丢进海里喂鱼.)
_ZH_PUT_TO_DEATH = (
    r"(?:枪毙|处死|杀掉|杀光|杀晒|斩晒|烧死|活埋|毙了|打死|斩开|砍死|劈死|砸死|埋了|电击|吊死"
    r"|吊起来打|绞死|安乐死|毒死|烧掉|推下山|送去(?:安乐死|枪毙|电击|处死)"
    r"|打一顿|揍一顿|打个半死|(?:丢|扔|推)(?:进|到|落)?(?:海|河)里?喂鱼)"
)
_ZH_TAKEN = r"(?:拉去|拉出去|拖去|拖出去|抓起来|抓去|抓走|拉出嚟|拖出嚟|捉去)"
_ZH_DONE_TO = (
    rf"(?<!不)(?<!不应)(?:该|应该|都该|就该|必须)(?:全部|统统|通通|都)?被?{_ZH_TAKEN}?"
    rf"(?:拿{_ZH_GAP}{{1,3}}?)?{_ZH_PUT_TO_DEATH}"
    rf"|(?:全部|统统|通通|全都|全)(?:都)?被?(?:{_ZH_TAKEN}{_ZH_GAP}{{0,4}}?)?{_ZH_PUT_TO_DEATH}"
)
# One after another, as they come: 来一个杀一个, 见一个我们砍一个.
_ZH_EACH = (
    rf"(?:来|见|遇到|碰到|看到|见到)一个{_ZH_GAP}{{0,3}}?(?:杀|砍|打|宰|揍|斩|劈|捅|扑|收拾)[死残]?一个"
    # ... or one by one, said outright: 一个杀一个 (not 一个月打一个电话).
    r"|一个(?:杀|砍|宰|斩|劈|捅)一个"
    # ... or each time they are met: 见一次打一次.
    r"|(?:见|遇到|碰到|看到|见到)一次(?:打|揍|砍|斩|扑|砸)一次"
    # ... or their shops, one after another (见一家砸一家).
    r"|(?:见|遇到|碰到|看到|见到)一(?:家|间)(?:砸|烧)一(?:家|间)"
    # ... or one by one, driven off: 逐个打走佢哋.
    rf"|逐个(?:(?:打|扑)[走死残晒]|(?:揍|砍|斩|杀)[走死残晒]?){_ZH_VICTIM}"
    # ... or whenever they are met: 见到穆斯林就打.
    # (Not 就打招呼, 就打车, 就杀价.)
    rf"|(?:遇到|碰到|看到|见到){_ZH_GAP}{{0,6}}?就(?:想|要)?"
    r"(?:打(?![招电车包卡折开听扫工球针印算扰游麻牌字喷哈量瞌盹\d])|杀(?!价)|砍(?!价)|揍|斩|劈)"
)
# Or death wished on them: 祝你全家死光, 希望那些同性恋都死光.
_ZH_WISHED = (
    r"(?:祝|希望|巴不得|但愿)[^,.!?;，。！？；不别没]{0,8}?(?:死光|死绝|都死|去死|早死|不得好死)"
)
# Or knowing where they live or study (你住哪我都知道, 你家孩子在哪个学校我们都知道), or
# wrecking what is theirs (砸那些外地人的店, 把同性恋的酒吧砸了).
_ZH_KNOWN = (
    r"你[^,.!?;，。！？；]{0,6}?(?:住哪|住在哪|住边度|哪个学校|哪间学校|哪所学校|哪上班|哪个单位)"
    r"[^,.!?;，。！？；不没唔冇]{0,6}?(?:知道|知|清楚|查到|查清)"
    # ... or where someone else lives, known by the speaker (那个记者住哪我都查到了, Cantonese
    # 呢个记者住边我知; not 他住哪你知道吗, 他住边上那栋楼, 我不清楚).
    r"|住(?:哪|在哪|边度|边)(?![上边])[^,.!?;，。！？；不没唔冇]{0,4}?(?:我|我们|我哋|老子)"
    r"[^,.!?;，。！？；不没唔冇]{0,3}?(?:知道|知|清楚|查到|查清)"
    # ... or said the other way round (我知道你住哪, Cantonese 我知你住边, 我知道你在哪个小区
    # 上班). Not 我知道你在哪里买的.
    r"|(?:我|我们|我哋|老子)(?:都|早就|已经)?(?:知道|知|查到了?|清楚)你(?:们|哋)?"
    r"(?:住(?:在)?(?:哪|边)|家(?:住|在)(?:哪|边)|屋企(?:喺|住)边|在哪个小区|在哪栋楼|喺边度返工)"
)
_ZH_WRECKED = (
    rf"(?:砸|烧)了?{_ZH_ANY}{{1,10}}?的(?:店|铺|家|房子|车|酒吧|清真寺|教堂|寺庙)"
    rf"|把{_ZH_ANY}{{1,10}}?的(?:店|铺|家|房子|车|酒吧|清真寺|教堂|寺庙)(?:砸|烧)"
)
# Or warned of it (小心哪天出门被人砍), or burnt out (一把火把他们住的地方烧了).
_ZH_WARNED = rf"小心{_ZH_ANY}{{0,8}}?被人?(?:砍|捅|打死|打残|弄死|揍|泼硫酸|开瓢)"
_ZH_TORCHED = (
    rf"一把火(?:全?[把将给]{_ZH_ANY}{{1,12}}?烧"
    rf"|烧[了掉光]?{_ZH_ANY}{{1,12}})"
)
# Or beaten into hospital (打到你入医院), made to bleed (让你见血), doused in acid or boiling
# water (淋佢哋滚水), waited for outside their home (在你家楼下等你), or told to wait for a
# beating (等着挨揍吧); or the speaker arming to go (我们拿刀去…).
_ZH_HURT = (
    rf"(?:(?:打|扑|揍|揼|斩|劈|砍)到{_ZH_VICTIM}|把{_ZH_VICTIM}(?:打|揍|揼|斩|砍)到)"
    r"(?:入医院|入院|进医院|残废|住院|半死|爬)"
    rf"|让{_ZH_VICTIM}(?:见血|见红|横着出去|躺[着著]出去|躺[着著]回家|躺[着著]回去)"
    rf"|(?:淋|泼)晒?{_ZH_VICTIM}?(?:天拿水|硫酸|镪水|汽油|滚水|开水)"
    r"|等着(?:挨揍|挨打|被打|被揍|被砍|挨刀|收尸)|等住俾人(?:斩|劈|打|揼|捅)"
    # ... or promised never to walk again, or bombed, burnt where they are, killed by the
    # handful (保证你走不出那条街, 应该放炸弹, 放把火烧了你, 最好砸死几个).
    rf"|(?:保证|让){_ZH_VICTIM}(?:走不出[这那]条[街巷路]|这辈子都不能走路|下半辈子坐轮椅"
    # ... never to stand again, not to see tomorrow, to learn what pain is (让他这辈子都
    # 站不起来, 让你全家都见不到明天的太阳, 让你知道什么叫疼), or to come in standing and leave
    # lying down.
    r"|(?:这辈子|下半辈子)都?站不起来|都?见不到明天的太阳|知道什么叫[疼痛](?![快])"
    r"|站[着著]进来[,，]?躺[着著]出去)"
    r"|(?<![不没别])(?<!不应)该去?(?:放|扔|丢)[个颗]?炸弹"
    rf"|放[把一]*火烧[了死晒]?{_ZH_VICTIM}"
    rf"|打断{_ZH_VICTIM}的?(?:腿|手|脚|狗腿)|让{_ZH_VICTIM}从(?:这个)?世界上消失"
    r"|[砸打撞烧砍杀炸]死(?:几个|一批|一片)"
    # ... or armed, going to someone or waiting at their door (我们拿刀去部落清一清, 拿球棒
    # 在你家楼下等你; not 我拿刀去切西瓜).
    rf"|{_ZH_SPEAKER}{_ZH_GAP}{{0,4}}?(?:(?:拿|带|带上|拎|揣)一?[桶把根罐瓶]?"
    r"(?:刀|菜刀|枪|斧头|球棒|棍子|铁棍|铁通|汽油)"
    rf"(?:去{_ZH_GAP}{{0,6}}?(?:找|砍|捅|杀|烧|清一清|清理|清场|拼了|拚了)"
    # ... or petrol splashed at their home or door (拎桶汽油泼他家门口).
    rf"|{_ZH_GAP}{{0,2}}?(?:泼|淋)(?:你|他|她|佢)(?:的|嘅)?(?:家|门|屋企)"
    rf"|{_ZH_GAP}{{0,2}}?在你家)"
    # (家伙, Cantonese for weapons, is also "guy" or "tools": only to clear a place out.)
    r"|带齐家伙去?清场)"
)
# (The first characters of the forms below: a position without one fails at once.)
_ZH_OPENS = (
    "(?=[我咱老迟早总信找叫揾等谁边真恨该应都就必全统通来见遇碰看祝希巴但你砸烧把打扑揍揼斩劈砍让淋泼保放撞杀炸当逐住]"
    "|小心|一把火|一个)"
)
CHINESE = re.compile(
    rf"{_ZH_OPENS}(?:{_ZH_SPEAKER}{_ZH_GAP}{{0,8}}?[把将]{_ZH_VICTIM}{_ZH_GAP}{{0,12}}?{_ZH_VIOLENCE}"
    rf"|{_ZH_SPEAKER}{_ZH_GAP}{{0,4}}?{_ZH_VIOLENCE}[了死掉光开爆埋晒]?{_ZH_VICTIM}"
    # ... or, after a condition, 就 + 把 + whom (再来就把他们全烧了).
    rf"|就[把将]{_ZH_VICTIM}{_ZH_GAP}{{0,4}}?{_ZH_VIOLENCE}"
    # ... or "see if I don't": 看我不弄死你; or a knife given: 我想去给他两刀.
    rf"|看我不{_ZH_VIOLENCE}[了死掉光]?{_ZH_VICTIM}"
    rf"|{_ZH_SPEAKER}{_ZH_GAP}{{0,6}}?[给赏]{_ZH_VICTIM}[一两几](?:刀|板砖|砖头|棍|拳|巴掌)"
    # ... or makes them die (我一定让他死得很难看, 我会让你生不如死).
    rf"|{_ZH_SPEAKER}{_ZH_GAP}{{0,4}}?让{_ZH_VICTIM}(?:死|生不如死|付出代价|消失)"
    rf"|{_ZH_DONE_TO}|{_ZH_EACH}|{_ZH_WISHED}|{_ZH_KNOWN}|{_ZH_WRECKED}|{_ZH_WARNED}|{_ZH_TORCHED}|{_ZH_HURT})"
)


_LATIN = re.compile("[a-z]")


def spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` (folded) says a threat, in text order. (A text without Latin letters
    is not searched for English threats, nor an ASCII one for Chinese: every comment passes
    here.)"""
    patterns = [ENGLISH, COMMANDED, TRACKED] if _LATIN.search(text) else []
    if not text.isascii():
        patterns.append(CHINESE)
    return sorted(m.span() for pattern in patterns for m in pattern.finditer(text))
