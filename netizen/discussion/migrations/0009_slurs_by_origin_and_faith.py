"""Add the slurs shipped in zh.tsv after 0008 to sites whose list predates them: for people
from Taiwan (呆湾, 台巴子), China (废中, 贱畜), South Asia (阿差), the Philippines (宾妹),
Korea (高丽棒子), for Taiwan's indigenous peoples (番仔), foreigners (死老外), Muslims (绿绿,
穆畜, 默狗), Black people (黑蛆) and trans women (人妖). Each is suspect: flagged for review,
since some also name the slur in order to report it.

Written out here, not read from zh.tsv, so this adds exactly these whatever the file says
later; a term the site already has under the same label (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    (term, "hate_speech", "suspect")
    for term in (
        "呆湾", "台巴子", "废中", "阿差", "宾妹", "番仔", "死老外", "贱畜", "高丽棒子",
        "绿绿", "穆畜", "默狗", "人妖", "黑蛆",
    )
]  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("discussion", "0008_swearing_intensifiers")]

    operations = [shipped_terms.operation(TERMS)]
