"""Add the terms shipped in zh.tsv after 0013 to sites whose list predates them: G佬 (a
Cantonese slur for gay men, 基佬 with its first sound written as a letter), 韩国棒子 (a
slur for Koreans), and two come-ons of a shop selling fakes (一件代发 "we ship single items",
点击主页链接 "click the link on my profile"); Taiwanese swearing 干你老师 and 约砲 (约炮
with the older character for 炮), and Cantonese 屌佢老母 (屌你老母 said of a third person).

Written out here, not read from the files, so this adds exactly these whatever the files say
later; a term the site already has under the same label (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    ("g佬", "hate_speech", "suspect"),
    ("韩国棒子", "hate_speech", "suspect"),
    ("一件代发", "spam", "suspect"),
    ("点击主页链接", "spam", "suspect"),
    ("干你老师", "obscenity", "banned"),
    ("约砲", "obscenity", "suspect"),
    ("屌佢老母", "obscenity", "banned"),
]


class Migration(migrations.Migration):
    dependencies = [("discussion", "0013_cantonese_and_vulgar_terms")]

    operations = [shipped_terms.operation(TERMS)]
