"""Add the terms shipped in en.tsv and zh.tsv after 0010 to sites whose list predates them:
giveaways run through an official account or a Telegram group (关注公众号, 即可抽, "join our
telegram"); online casinos and stock-tip groups (百家乐, 线上赌场, 老师带单, 保证获利); 含家铲
(冚家铲); 我cao and 淦 (卧槽, 干); 机8 (机掰); 冇撚, 鸠噏; 黄虫 (蝗虫); ㄍㄋㄇ and ㄍㄢ你娘 (干你妈, 干你娘 in Zhuyin); the
Cantonese 屌那星 and 痴撚线; 支那 spelt zhina, cheena or 支na; "rapefugee"; and "go back to
where you came from" said to someone. Each takes the label and severity of what it spells,
offers or says.

Written out here, not read from the files, so this adds exactly these whatever the files say
later; a term the site already has under the same label (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    ("关注公众号", "spam", "suspect"),
    ("即可抽", "spam", "suspect"),
    ("百家乐", "spam", "suspect"),
    ("线上赌场", "spam", "suspect"),
    ("保证获利", "spam", "suspect"),
    ("老师带单", "spam", "suspect"),
    ("投资群组", "spam", "suspect"),
    ("免费试玩", "spam", "suspect"),
    ("我cao", "obscenity", "suspect"),
    ("join our telegram", "spam", "suspect"),
    ("ㄍㄋㄇ", "obscenity", "banned"),
    ("屌那星", "obscenity", "banned"),
    ("痴撚线", "obscenity", "suspect"),
    ("zhina", "hate_speech", "suspect"),
    ("cheena", "hate_speech", "banned"),
    ("支na", "hate_speech", "banned"),
    ("ㄍㄢ你娘", "obscenity", "banned"),
    ("ㄍㄢˋ你娘", "obscenity", "banned"),
    ("含家铲", "personal_attack", "banned"),
    ("淦", "obscenity", "suspect"),
    ("机8", "obscenity", "suspect"),
    ("冇撚", "obscenity", "suspect"),
    ("鸠噏", "obscenity", "suspect"),
    ("黄虫", "hate_speech", "suspect"),
    ("rapefugee", "hate_speech", "banned"),
    ("go back to where you came from", "hate_speech", "suspect"),
    ("go back to your own country", "hate_speech", "suspect"),
    ("go back to your country", "hate_speech", "suspect"),
]


class Migration(migrations.Migration):
    dependencies = [("discussion", "0010_evasive_spellings")]

    operations = [shipped_terms.operation(TERMS)]
