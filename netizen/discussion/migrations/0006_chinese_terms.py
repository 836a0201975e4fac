"""Add the Chinese terms shipped since the word list was seeded (zh.tsv) to sites whose list
predates them: Hong Kong and Taiwan swearing (屌你老母, DLLM), a Cantonese curse on someone's
family (冚家铲), two slurs for mainland Chinese people (强国人, 阿六仔), telling someone to shut
up or get lost (闭嘴, 收声, 滚远点), and spam phrases as Mainland and Taiwan spam writes them
(loans without a guarantor, LINE giveaways, discounts, followers for sale).

Written out here, not read from zh.tsv, so this adds exactly these whatever the file says
later; a term the site already has under the same label (or had and edited) is left as is. A fresh site gets
them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    ("屌你老母", "obscenity", "banned"),
    ("dllm", "obscenity", "suspect"),
    ("冚家铲", "personal_attack", "banned"),
    ("强国人", "hate_speech", "suspect"),
    ("阿六仔", "hate_speech", "suspect"),
    *((term, "personal_attack", "suspect") for term in ("闭嘴", "收声", "滚远点", "滚远一点", "滚粗")),
    *(
        (term, "spam", "suspect")
        for term in (
            "领红包", "免保人", "快速拨款", "代办贷款", "一折起", "全台免运",
            "低价出售", "出售粉丝", "先到先得",
        )
    ),
]  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("discussion", "0005_relabel_shipped_terms")]

    operations = [shipped_terms.operation(TERMS)]
