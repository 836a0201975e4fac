"""Add the swearing used as an intensifier (太他妈好看, 好撚靚), shipped in zh.tsv after
0006, to sites whose list predates it: 他妈 and the Cantonese 撚 after 超, 太, 好, 最 or 咁.

Written out here, not read from zh.tsv, so this adds exactly these whatever the file says
later; a term the site already has under the same label (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    (term, "obscenity", "suspect")
    for term in ("超他妈", "太他妈", "好他妈", "最他妈", "好撚", "咁撚", "超撚")
]


class Migration(migrations.Migration):
    dependencies = [("discussion", "0007_english_spam_terms")]

    operations = [shipped_terms.operation(TERMS)]
