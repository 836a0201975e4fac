"""Add the terms shipped in en.tsv and zh.tsv after 0011 to sites whose list predates them:
丢你老母 (屌你老母 by a homophone, as Cantonese writes it), 大陆蝗虫 (the slur for mainland
visitors, usually spelt apart: 大陸 蝗 蟲), 白ㄘ (白痴 in Taiwanese Zhuyin), 女表子 (婊子 with
its first character split in two), 干你凉 (干你娘), 我擦 (我操), hei鬼 (黑鬼), 皇虫 (蝗虫),
棒zi (棒子), 乡巴佬 (a slur for country people), and "poofs" and "poofter". Each takes the
label and severity of what it spells.

Written out here, not read from the files, so this adds exactly these whatever the files say
later; a term the site already has under the same label (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    ("丢你老母", "obscenity", "banned"),
    ("大陆蝗虫", "hate_speech", "banned"),
    ("白ㄘ", "personal_attack", "suspect"),
    ("女表子", "obscenity", "banned"),
    ("干你凉", "obscenity", "banned"),
    ("我擦", "obscenity", "suspect"),
    ("hei鬼", "hate_speech", "suspect"),
    ("皇虫", "hate_speech", "suspect"),
    ("棒zi", "hate_speech", "suspect"),
    ("乡巴佬", "hate_speech", "suspect"),
    ("poofs", "hate_speech", "suspect"),
    ("poofter", "hate_speech", "suspect"),
]


class Migration(migrations.Migration):
    dependencies = [("discussion", "0011_offers_and_mixed_spellings")]

    operations = [shipped_terms.operation(TERMS)]
