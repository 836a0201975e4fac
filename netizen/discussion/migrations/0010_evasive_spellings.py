"""Add the terms shipped in en.tsv and zh.tsv after 0009 to sites whose list predates them:
swearing written short or run together (fck, fcking, clusterfuck, shitshow, 日了狗, 狗屎),
Zhuyin (ㄍㄋㄋ for 干你娘, ㄓㄓ for 智障, ㄓ那 for 支那), letters and digits (7pk for 仆街),
slurs half in pinyin or a homophone (黑gui, 芝娜), Cantonese and Taiwanese swearing (臭閪,
屌你老味, 含撚, 林北), online casinos, work-from-home and investment offers, loans and paid
sex (娱乐城, 在家兼职, 轻松月入, 稳赚不赔, 代办信用卡, 外送茶). Each takes the label and
severity of what it spells.

Written out here, not read from the files, so this adds exactly these whatever the files say
later; a term the site already has under the same label (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    ("fck", "obscenity", "banned"),
    ("fcking", "obscenity", "banned"),
    ("clusterfuck", "obscenity", "banned"),
    ("shitshow", "obscenity", "banned"),
    ("日了狗", "obscenity", "suspect"),
    ("狗屎", "obscenity", "suspect"),
    ("ㄍㄋㄋ", "obscenity", "banned"),
    ("7pk", "obscenity", "suspect"),
    ("ㄓㄓ", "personal_attack", "suspect"),
    ("芝娜", "hate_speech", "suspect"),
    ("ㄓ那", "hate_speech", "suspect"),
    ("黑gui", "hate_speech", "suspect"),
    ("娱乐城", "spam", "suspect"),
    ("轻松月入", "spam", "suspect"),
    ("在家兼职", "spam", "suspect"),
    ("兼职在家", "spam", "suspect"),
    ("稳赚不赔", "spam", "suspect"),
    ("拉你进群", "spam", "suspect"),
    ("外送茶", "spam", "suspect"),
    ("代办信用卡", "spam", "suspect"),
    ("免审核", "spam", "suspect"),
    ("网络兼职", "spam", "suspect"),
    ("日领现金", "spam", "suspect"),
    ("援交", "spam", "suspect"),
    ("股票老师", "spam", "suspect"),
    ("限时优惠", "spam", "suspect"),
    ("臭閪", "obscenity", "banned"),
    ("屌你老味", "obscenity", "banned"),
    ("含撚", "obscenity", "suspect"),
    ("林北", "obscenity", "suspect"),
]


class Migration(migrations.Migration):
    dependencies = [("discussion", "0009_slurs_by_origin_and_faith")]

    operations = [shipped_terms.operation(TERMS)]
