"""Threats said as sentences, not fixed phrases: someone who will do violence to someone
else, in English and Chinese (both scripts)."""

import re

import pytest

from netizen.moderation import threats
from netizen.moderation.normalise import fold
from netizen.moderation.threats import spans
from netizen.moderation.verdict import HATE_SPEECH, PERSONAL_ATTACK
from tests.moderation.screening import labels_found_by


def threat_flags(text: str) -> list[str]:
    return labels_found_by(text, "threat")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I'm going to come over and smash your face in, reporter.", PERSONAL_ATTACK),
        ("Somebody should shoot them all, every last migrant.", HATE_SPEECH),
        ("Those refugees should be executed.", HATE_SPEECH),
        ("我迟早把你打死。", PERSONAL_ATTACK),
        ("信不信我找人砍了你", PERSONAL_ATTACK),
        ("老子今天就去弄死他。", PERSONAL_ATTACK),
        ("總有一天把你們這些人活埋。", HATE_SPEECH),
        ("这些移民就该全部拉去枪毙。", HATE_SPEECH),
        ("我搵人斬死你", PERSONAL_ATTACK),
        ("我哋聽日去揼佢哋", HATE_SPEECH),
        ("你死硬啦，睇住嚟", PERSONAL_ATTACK),
        ("Post that again and I'll snap both your arms.", PERSONAL_ATTACK),
        ("Someone ought to put a bullet in that editor.", PERSONAL_ATTACK),
        ("The columnist should be dragged outside and beaten senseless.", PERSONAL_ATTACK),
        ("Every Roma family on this street should be rounded up and gassed.", HATE_SPEECH),
        ("Gay people should all be shot.", HATE_SPEECH),
        ("黑人来一个我们打一个。", HATE_SPEECH),
        ("那些移工全部拉去槍斃。", HATE_SPEECH),
        ("啲外傭全部都應該斬晒。", HATE_SPEECH),
        # The group is named in the clause before; the threat is to all of them.
        ("那些穆斯林敢来我们村，见一个砍一个。", HATE_SPEECH),
        ("We should firebomb every synagogue in the state.", HATE_SPEECH),
        ("Someone needs to round up the refugees and string up the lot.", HATE_SPEECH),
        ("谁去把那间清真寺炸掉。", HATE_SPEECH),
        ("那些外地人再来，就该拿棍子打死。", HATE_SPEECH),
        ("恨不得将所有难民都赶进海里淹死。", HATE_SPEECH),
        # Teeth knocked in, the hell beaten out, hanged, skulls cracked, a call to start.
        ("Say that to my face, reporter, and I'll knock your teeth out.", PERSONAL_ATTACK),
        ("We'll beat the hell out of him after the match.", PERSONAL_ATTACK),
        ("That senator deserves to hang for what he signed.", PERSONAL_ATTACK),
        ("Time to start killing the Jews again, lads.", HATE_SPEECH),
        ("Let's go bash some Muslim heads tonight.", HATE_SPEECH),
        # Warned of a knife, a fire set to their homes, made to die.
        ("记者你再乱写，小心晚上回家被人捅。", PERSONAL_ATTACK),
        ("那些新疆人要是敢来，就一把火把他们的店烧了。", HATE_SPEECH),
        ("外地人再闹，一把火烧了他们的房子。", HATE_SPEECH),
        ("If those gays march here again we'll be waiting with bats.", HATE_SPEECH),
        ("Keep talking and I'll come over and break both your legs.", PERSONAL_ATTACK),
        ("Say that at the meetup and you'll be leaving in an ambulance.", PERSONAL_ATTACK),
        ("這些穆斯林再蓋清真寺，我們就放火把他們全燒了。", HATE_SPEECH),
        ("If any more refugees move in here, we'll start shooting.", HATE_SPEECH),
        ("Those Roma will be dragged out and beaten until they leave.", HATE_SPEECH),
        ("总有一天我们会把这些穆斯林一个个揪出来宰了。", HATE_SPEECH),
        ("@小王 你再造谣，我拿刀去你单位找你。", PERSONAL_ATTACK),
        ("同性恋游行那天我开车冲进去，撞死几个是几个。", HATE_SPEECH),
        ("那個編輯，我一定會讓他死得很慘。", PERSONAL_ATTACK),
        ("見到黑人就斬。", HATE_SPEECH),
        # See if I don't; a knife given; all of them taken away to be shot.
        ("你再造谣试试，看我不打死你。", PERSONAL_ATTACK),
        ("谁知道那个记者住哪，我去给他几刀。", PERSONAL_ATTACK),
        ("真希望把那些回族全拉去枪毙。", HATE_SPEECH),
        # Wished on a place of theirs, or it burnt.
        ("Hope somebody firebombs that mosque before Friday.", HATE_SPEECH),
        ("Every synagogue in this county should be burned down.", HATE_SPEECH),
        ("Somebody ought to torch that mosque on Friday.", HATE_SPEECH),
        ("Show up at the ground again, ref, and you're getting your legs broken.", PERSONAL_ATTACK),
        ("那些外地人敢来，我们见一个收拾一个。", HATE_SPEECH),
        # The next one met, hunted down, a bat taken to them, left in body bags.
        ("I will stab the next gay couple I see holding hands.", HATE_SPEECH),
        ("We need to hunt down every immigrant in this city one by one.", HATE_SPEECH),
        ("Somebody should take a bat to every trans person they come across.", HATE_SPEECH),
        ("Move onto my street and I'll make sure you leave in a body bag.", PERSONAL_ATTACK),
        # Beaten into hospital, made to bleed, doused, waited for, armed, drowned.
        ("@阿明仔 你再老屈我，我一定扑到你入醫院。", PERSONAL_ATTACK),
        ("直接去你家把你打到殘廢。", PERSONAL_ATTACK),
        ("這個記者給我記住，下次遇到就讓你見血。", PERSONAL_ATTACK),
        ("啲菲傭再霸晒中環，應該淋晒佢哋滾水。", HATE_SPEECH),
        ("再亂講，我會拿球棒在你家樓下等你。", PERSONAL_ATTACK),
        ("那个网友，我已经查到你IP了，等着挨揍吧。", PERSONAL_ATTACK),
        ("原住民再領補助，哪天我們拿刀去部落清一清。", HATE_SPEECH),
        ("新住民那些越南婆全部丟進海裡餵魚。", HATE_SPEECH),
        ("外勞敢在車站聚集，就該全部拖去打一頓。", HATE_SPEECH),
        ("同性恋都该拉去电击。", HATE_SPEECH),
        ("你再起我底，我斬開你。", PERSONAL_ATTACK),
        ("穆斯林敢再來我們這裡，見一個打死一個。", HATE_SPEECH),
        ("东北人在我们这边开店，早晚一把火全给他们烧了。", HATE_SPEECH),
        # 同志 in a compound that can only mean gay people; 一个个, all of them; laid out;
        # 跨性别 holds a 别 that is not "don't".
        ("同志遊行那天我們會帶棍子去，見一個打一個。", HATE_SPEECH),
        ("啲南亞人成日喺重慶大廈出入，一個個斬死佢。", HATE_SPEECH),
        ("我知道你在哪間學校上課，我會讓你躺著回家。", PERSONAL_ATTACK),
        ("真想拿刀把那些搞跨性别游行的人一个个捅了。", HATE_SPEECH),
        # Drowned, hung, a brick to the face, never to walk again, bombed, burnt, killed by
        # the handful.
        ("记者你这么写，迟早有人把你沉到江里。", PERSONAL_ATTACK),
        ("跨性别的都应该被吊起来打。", HATE_SPEECH),
        ("那些變性人應該全部吊死在街頭。", HATE_SPEECH),
        ("这个up主下次线下活动我一定去，当面给他一板砖。", PERSONAL_ATTACK),
        ("你再敢跟踪我妹妹，我保证你走不出那条街。", PERSONAL_ATTACK),
        ("你再敢貼我照片，我保證讓你這輩子都不能走路。", PERSONAL_ATTACK),
        ("菲傭星期日聚集的地方應該放炸彈，一次清乾淨。", HATE_SPEECH),
        ("管理员再删我帖子，我就去你们办公室放把火烧了你。", PERSONAL_ATTACK),
        ("基督徒聚会的地方谁去砸我都点赞，最好砸死几个。", HATE_SPEECH),
        ("小編再刪我留言，我就去你們辦公室把你揍一頓。", PERSONAL_ATTACK),
        ("同志遊行那天我們要準備球棒，見到就打。", HATE_SPEECH),
        # Harm to what is theirs wished as a "shame"; a knife in the ribs; an atrocity
        # ordered; blood on the streets; stomped.
        ("Nice house, reporter. Would be a shame if it caught fire one night.", PERSONAL_ATTACK),
        (
            "Keep writing lies and you'll learn what a knife in the ribs feels like.",
            PERSONAL_ATTACK,
        ),
        ("Burn down every mosque in the country and the problem solves itself.", HATE_SPEECH),
        (
            "If the gays hold their parade here again there will be blood on the streets.",
            HATE_SPEECH,
        ),
        ("Any Jew who shows his face at the rally is getting stomped.", HATE_SPEECH),
        ("I'm going to start running over any Mexican I see crossing my road.", HATE_SPEECH),
        ("Burn the lesbians at the stake like the good old days.", HATE_SPEECH),
        ("If a lesbian couple moves in here they'll leave in ambulances.", HATE_SPEECH),
        # One by one (一个杀一个), after a condition (就把他们全烧了), legs broken, made to
        # vanish, burnt, cut down (斩晒佢哋).
        ("日本人敢来我们这儿，我见一个捅一个。", HATE_SPEECH),
        ("穆斯林來台灣一個殺一個。", HATE_SPEECH),
        ("这些黑人再在小北路晃悠，就把他们全烧了。", HATE_SPEECH),
        ("那个记者再敢乱写，我就去报社门口堵他，打断他的腿。", PERSONAL_ATTACK),
        ("那個爆料的人，我一定會查出來，然後讓你從世界上消失。", PERSONAL_ATTACK),
        ("菲傭星期日喺中環坐滿晒，遲早放把火燒晒佢哋。", HATE_SPEECH),
        ("嗰啲印傭再喺公園坐地，我就帶刀去斬晒佢哋。", HATE_SPEECH),
        # Where they live, known; armed and going; one after another,
        # struck (扑); all taken away to be "put to sleep".
        ("我知你住邊，今晚你最好唔好出街。", PERSONAL_ATTACK),
        ("我知道你在哪个小区上班，下班路上小心点。", PERSONAL_ATTACK),
        ("主管再敢摸我同事，我就帶刀去公司跟他拚了", PERSONAL_ATTACK),
        ("同性戀遊行嗰日，我哋會帶齊傢伙去清場。", HATE_SPEECH),
        ("大陸客再嚟旺角，我哋就見一個扑一個。", HATE_SPEECH),
        ("外地佬都给我滚，不滚的见到就打。", HATE_SPEECH),
        ("老人家就該全部拉去安樂死，別再佔健保資源！", HATE_SPEECH),
        ("應該把所有外勞抓起來活埋。", HATE_SPEECH),
        # Cantonese: where they work known; brothers sent; each time met; all burnt.
        ("我知你喺邊度返工，收工小心啲。", PERSONAL_ATTACK),
        ("小編你住邊度我知㗎，今晚揼埋你。", PERSONAL_ATTACK),
        ("@阿偉 你等住，我叫兄弟過嚟斬你。", PERSONAL_ATTACK),
        ("那個名嘴敢來高雄，我見一次打一次。", PERSONAL_ATTACK),
        ("外勞全部抓起來燒掉算了。", HATE_SPEECH),
        ("原住民那些人最好全部被推下山。", HATE_SPEECH),
        (
            "If that reporter shows up at the courthouse again, I'll put her in the hospital.",
            PERSONAL_ATTACK,
        ),
        ("Somebody should shoot every illegal at the border and be done with it.", HATE_SPEECH),
        # Never to see tomorrow, stand again or walk out upright; taught what pain is.
        ("你再人肉我家里人试试，我让你全家都见不到明天的太阳。", PERSONAL_ATTACK),
        ("那個前男友再來騷擾我妹，我就讓他這輩子都站不起來。", PERSONAL_ATTACK),
        ("那个女主播要是敢来我们县直播，我保证她站着进来躺着出去。", PERSONAL_ATTACK),
        ("小编删我评论是吧？哪天遇到你，我让你知道什么叫疼。", PERSONAL_ATTACK),
        # Petrol splashed at someone's door.
        ("村长再敢扣我们的补贴，我就拎桶汽油泼他家门口。", PERSONAL_ATTACK),
        # Hired hands, one by one, slapped.
        ("那些坐轮椅的天天占车位，找几个人把他们拽下来揍一顿就老实了。", HATE_SPEECH),
        ("啲南亞裔成日喺度蕩，遲早逐個打走佢哋。", HATE_SPEECH),
        ("那個主播再亂講，我一定當面賞她幾巴掌。", PERSONAL_ATTACK),
        ("那個網紅敢再來我們小區亂拍，我見一次砸一次。", PERSONAL_ATTACK),
        # Where someone lives, said of them by role; waiting for the knife; taken away and
        # shot; waited for on the way home; a knife or petrol taken to their office or home.
        ("那个记者住哪我都查到了，等着挨刀吧。", PERSONAL_ATTACK),
        ("呢個記者住邊我知，等住俾人斬。", PERSONAL_ATTACK),
        ("外勞全部拖去海邊槍斃算了。", HATE_SPEECH),
        ("身障者浪費社會資源，乾脆全部送去安樂死。", HATE_SPEECH),
        ("新疆人开的饭店见一家砸一家。", HATE_SPEECH),
        # Run over, beaten senseless by a speaker a few words back, taught a lesson with
        # fists, heads foretold kicked in, the Holocaust wished again.
        ("I hope someone runs the author over with a truck.", PERSONAL_ATTACK),
        ("I'm going to find the mod who banned me and beat him senseless.", PERSONAL_ATTACK),
        (
            "Someone needs to go to that refugee hostel and teach them a lesson with their fists.",
            HATE_SPEECH,
        ),
        ("Trans people who use our bathrooms will get their heads kicked in.", HATE_SPEECH),
        ("Let's finish what Hitler started with the Jews.", HATE_SPEECH),
        # "Someone's going to…", the gym someone goes to known, an atrocity commanded.
        (
            "@jkelly_news keep writing this crap and someone's going to put a bullet in you.",
            PERSONAL_ATTACK,
        ),
        ("I know which gym you go to, Tom. See you in the car park.", PERSONAL_ATTACK),
        ("We know which school your kids go to.", PERSONAL_ATTACK),
        ("Round up every Afghan in that hotel and burn the place down.", HATE_SPEECH),
        ("426全部都該被抓去槍斃，一個都不要留。", HATE_SPEECH),
    ],
)
def test_a_threat_said_in_a_sentence_is_a_threat(text, label):
    assert label in threat_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "This game will kill me.",
        "I'm going to kill it at the interview tomorrow.",
        "我们一定要打败他们。",
        "我要杀价，这也太贵了。",
        "I would never hurt you.",
        "我不會打你的，放心。",
        "我不會殺你的，放心吧。",
        "我劝你别把他打死。",
        "我怎么会杀你呢？",
        "他不该被判死刑，更不该枪毙。",
        "The incumbent should be beaten at the polls, not in the street.",
        "We need to kill the bill before the vote.",
        "Break a leg at the audition tonight!",
        "那些蚊子全部打死了。",
        "I'll kill the Japanese boss in this level tonight.",
        "We're going to beat the Koreans in the semi-final.",
        "We should hang out with the new neighbours more often.",
        "The new mayor needs to hang on until the budget passes.",
        "Time to start shooting the scenes on the beach.",
        "一把火把这堆旧家具烧了，省得占地方。",
        "小心路滑，别被车撞了。",
        "我见到他就想打招呼。",
        "看到他就想打瞌睡。",
        "Hope somebody fixes that bridge before winter.",
        "We're going to slaughter them at the polls in May.",
        "We will crush them in the final on Sunday.",
        "The film will be shot in Bradford next spring.",
        "We'll start shooting at dawn, the crew is ready.",
        "That old eyesore of a factory should be burned down.",
        "I'll hunt down the bargains for you at the market.",
        "I'm going to kill the next level boss tonight, you'll see.",
        "The soldiers came home in body bags, and nobody answered for it.",
        "他上周被打到入院，到现在还没出院。",
        "我们去海边喂鱼吧，带点面包。",
        "今年同志遊行有十萬人參加，氣氛很好。",
        "李同志在会上发言，大家鼓掌。",
        "我们要沉到海底去潜水，教练说很安全。",
        "周末放把火烧烤吧，我带肉。",
        "这款洗手液能杀死一批细菌。",
        "It would be a shame if the bill failed in the Senate.",
        "Joan of Arc was burned at the stake in 1431.",
        "I will find you a good doctor.",
        "I don't know where she lives.",
        "Where you live matters for your taxes, mate.",
        "排队的人一个接一个进场。",
        "這份報告要把我殺死了，已經三天沒睡。",
        "我们保证你吃得开心。",
        "我已经在你家楼下等你了，快下来吃饭。",
        "用这个软件，保证你出不了错。",
        "大雪封路，让你们回不了家。",
        "我拿刀去切西瓜给你吃。",
        "穆斯林不应该放炸弹，谁都不应该。",
        "他一个月打一个电话回家。",
        "我知道你在哪里买的，那家店我也常去。",
        "我认得你的字，一看就是你写的。",
        "我带刀去野餐，切水果方便。",
        "流浪猫不该全部安乐死，应该绝育。",
        "他们不应该把他打成这样，太过分了。",
        "我认得你的车，刚才在停车场看到了。",
        "我们带上家伙去找房东修水管。",
        "这部剧我见一次笑一次。",
        "旧报纸全部烧掉算了，占地方。",
        "我拿菜刀去厨房切菜，你先坐。",
        "班主任逐个打电话给家长。",
        "他让我知道什么叫坚持。",
        "这台打印机见一次砸一次都不解气。",
        "这个同事住哪我不清楚，你问问人事。",
        "佢住邊我唔知，你問下佢屋企人。",
        "过马路小心被车撞。",
        # The same shapes in everyday use: an injection, advertising copy, a gym joke, a
        # date, a parent's warning, asking someone else, cooking, old clothes.
        "佢等住打针，好紧张。",
        "这款游戏让你知道什么叫痛快！",
        "练完这组深蹲，保证你站不起来。",
        "老婆，我在你下班的路上等你，一起去吃火锅。",
        "你过马路小心被车撞，别老看手机。",
        "他住哪你知道吗？我想寄个快递给他。",
        "他住边上那栋楼我知道。",
        "我拿菜刀去他家帮忙做饭。",
        "我拿球棒去他家打球。",
        "我带一桶汽油去他家，他车没油了。",
        "他们的旧衣服全部送去烧掉了。",
        "警察把小偷抓走了。",
        "外劳不应该被抓去枪毙，这是法治社会。",
        "你一个女孩子，晚上别一个人走夜路，注意安全！",
        "Let me know which gym you go to, I need a new one.",
        "Someone's wife is gonna kill him when she sees this bill.",
        "Someone's going to hang you out to dry over this report.",
        "They beat him senseless in the film, it was hard to watch.",
        "We will get their heads kicked in at the derby on Saturday.",
        "I don't know which gym you go to, can you recommend it?",
        "Someone's going to shoot the film in Leeds next spring.",
    ],
)
def test_violent_words_aimed_at_no_one_or_withdrawn_threaten_no_one(text):
    assert threat_flags(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "You'd better watch yourself, reporter.",
        "People like you end up in the river.",
        "I'm coming to your office tomorrow with a bat.",
        "Every one of them needs a bullet.",
        "你再写这种文章试试，看看会发生什么。",
        "你这种人迟早会被人收拾的。",
        "我們會讓你付出代價。",
        "我會搵你算賬。",
        "小心你條命。",
        "Someone should pay that columnist a visit he won't forget.",
        "记者你晚上回家最好多看看后面，别说我没提醒你。",
        "That councillor? Someone should find out where he lives. Just saying.",
        "Next time they march here they'd better bring helmets, the gays.",
        "难民船再来，一个都别留。",
        "再乱写就送你上西天。",
        "敢再發這種文章，滅你全家。",
        "那些同性恋敢来游行，我们就带球棒去。",
    ],
)
def test_veiled_threats_are_threats(text):
    assert threat_flags(text)


@pytest.mark.parametrize(
    "text",
    ["Watch yourself on the stairs, they are slippery.", "Make sure you never miss an episode!"],
)
def test_the_same_words_as_advice_threaten_no_one(text):
    assert threat_flags(text) == []


def test_a_dont_before_a_threat_warns_rather_than_withdraws():
    assert PERSONAL_ATTACK in threat_flags("这个记者最好小心点，出门别被人堵了。")


def test_the_threat_runs_from_the_speaker_to_the_victim_within_one_clause():
    assert spans(fold("说真的我迟早弄死你").text) == [(3, 9)]
    assert spans(fold("我迟早，弄死你").text) == []
    assert spans(fold("不应该把他打死").text) == []


# The speakers as listed, without the characters a speaker may not follow (不应该).
SPEAKERS = re.findall(r"[\u4e00-\u9fff]+", re.sub(r"\(\?<!\[[^\]]*\]\)", "", threats._ZH_SPEAKER))


@pytest.mark.parametrize("speaker", SPEAKERS)
def test_every_chinese_speaker_is_read_as_one(speaker):
    """Each listed speaker, threatening someone, is found from its first character: the
    Chinese pattern skips places no form can start at, and a speaker that starts with a
    character it skips would never be read (等我 would be found only from its 我)."""
    assert spans(f"{speaker}把你打死") == [(0, len(speaker) + 4)]


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("见到那些穆斯林就打。", True),
        ("对付这些外地人就该赶尽杀绝。", True),
        ("应该把那些同性恋全部关进集中营。", True),
        ("见到黑人邻居就打招呼，他们人很好。", False),
        ("看到外地人就杀价的店最讨厌了。", False),
    ],
)
def test_violence_whenever_a_group_is_met_or_wiped_out_is_a_threat(text, threat):
    assert (HATE_SPEECH in threat_flags(text)) is threat


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I hope all the refugees drown.", HATE_SPEECH),
        ("Hope you get cancer and die, reporter.", PERSONAL_ATTACK),
        ("Die in a fire, reporter.", PERSONAL_ATTACK),
        ("祝你全家死光光。", PERSONAL_ATTACK),
        ("希望那些同性戀都死光。", HATE_SPEECH),
    ],
)
def test_death_wished_on_someone_is_a_threat(text, label):
    assert label in threat_flags(text)


@pytest.mark.parametrize(
    "text",
    ["I hope the Muslims in my town don't die in the floods.", "希望疫情早日结束，大家都平安。"],
)
def test_hoping_no_one_dies_threatens_no_one(text):
    assert threat_flags(text) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("这些穆斯林都应该被消灭。", HATE_SPEECH),
        ("对这些新疆人应该杀无赦。", HATE_SPEECH),
        ("這些同性戀都得死。", HATE_SPEECH),
        ("信不信我干死你。", PERSONAL_ATTACK),
        ("你全家都得死。", PERSONAL_ATTACK),
    ],
)
def test_chinese_calls_to_wipe_out_and_curses_of_death_are_threats(text, label):
    assert label in threat_flags(text)


@pytest.mark.parametrize(
    "text", ["消灭贫困，让农村人过上好日子。", "南京大屠杀中日本军队杀害了三十万同胞。"]
)
def test_ending_poverty_or_recalling_a_massacre_threatens_no_one(text):
    assert threat_flags(text) == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("你家孩子在哪个学校我们都知道。", PERSONAL_ATTACK),
        ("大家组织起来去砸那些外地人的店。", HATE_SPEECH),
        ("去把那些同性恋的酒吧砸了。", HATE_SPEECH),
    ],
)
def test_knowing_where_someone_or_their_child_is_and_wrecking_their_places_are_threats(text, label):
    assert label in threat_flags(text)


def test_asking_where_someone_studies_threatens_no_one():
    assert threat_flags("你在哪个学校读书？我知道那里很好。") == []


def test_only_atrocities_done_to_people_are_read_as_commands():
    assert spans(fold("Burn down every mosque in the country.").text)
    assert spans(fold("Gas the Jews.").text)
    assert spans(fold("Kill all the mosquitoes in the garden first.").text) == []
