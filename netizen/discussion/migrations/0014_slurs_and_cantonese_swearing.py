"""Add the terms shipped in zh.tsv after 0013 to sites whose list predates them: G佬 (a
Cantonese slur for gay men, 基佬 with its first sound written as a letter), 韩国棒子 (a
slur for Koreans), Cantonese 屌佢老母 (屌你老母 said of a third person), and Taiwanese
干你老师 and 约砲 (约炮 written with the older 砲), both suspect: 干 is also "do" (你在干你老师
布置的作业吗), and 约砲 is inside 约砲台山 ("meet at Fortress Hill"), as 约炮 already is in
约炮台山.

Written out here, not read from the files, so this adds exactly these whatever the files say
later; a term the site already has under the same label (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    ("g佬", "hate_speech", "suspect"),
    ("韩国棒子", "hate_speech", "suspect"),
    ("屌佢老母", "obscenity", "banned"),
    ("干你老师", "obscenity", "suspect"),
    ("约砲", "obscenity", "suspect"),
]


class Migration(migrations.Migration):
    dependencies = [("discussion", "0013_cantonese_and_vulgar_terms")]

    operations = [shipped_terms.operation(TERMS)]
