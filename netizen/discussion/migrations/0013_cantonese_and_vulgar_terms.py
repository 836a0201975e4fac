"""Add the terms shipped in zh.tsv and en.tsv after 0012 to sites whose list predates them: 奶子
(vulgar for breasts), 傻叉 (傻逼 softened), 屌閪 (Cantonese swearing), 我艹 (我操), X你妈 and the like
(操 or 干 written as X), 圣母婊 (an insult for someone mocked as sanctimonious), 蛮子 (a slur
for southerners and minorities), 阿3 (阿三, for Indians, with a digit), and a shop's come-ons (全馆免运, 满千免运, 下单再送,
认准本店); and "retards", which as a plural names disabled people as a group, also as hate
speech.

Written out here, not read from the files, so this adds exactly these whatever the files say
later; a term the site already has under the same label (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    ("奶子", "obscenity", "suspect"),
    ("傻叉", "obscenity", "suspect"),
    ("屌閪", "obscenity", "banned"),
    ("我艹", "obscenity", "suspect"),
    ("x你妈", "obscenity", "banned"),
    ("x你娘", "obscenity", "banned"),
    ("x你老母", "obscenity", "banned"),
    ("x你老师", "obscenity", "banned"),
    ("圣母婊", "personal_attack", "suspect"),
    ("蛮子", "hate_speech", "suspect"),
    ("阿3", "hate_speech", "suspect"),
    ("全馆免运", "spam", "suspect"),
    ("满千免运", "spam", "suspect"),
    ("下单再送", "spam", "suspect"),
    ("认准本店", "spam", "suspect"),
    ("retards", "obscenity", "banned"),
    ("retards", "hate_speech", "suspect"),
]


class Migration(migrations.Migration):
    dependencies = [("discussion", "0012_zhuyin_and_cantonese_spellings")]

    operations = [shipped_terms.operation(TERMS)]
