"""Add the English spam phrases shipped since 0006 (en.tsv) to sites whose list predates them:
shops selling fakes and followers, and offers that move the buyer to a private chat on
Telegram or WhatsApp, where no moderator can follow.

Written out here, not read from en.tsv, so this adds exactly these whatever the file says
later; a term the site already has under the same label (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file.
"""

from django.db import migrations

from netizen.discussion.migrations import _shipped_terms as shipped_terms

TERMS = [
    (term, "spam", "suspect")
    for term in (
        "dm me on telegram", "message me on telegram", "contact me on telegram",
        "add me on telegram", "dm me on whatsapp", "message me on whatsapp",
        "replica watches", "free shipping worldwide", "visit our shop", "visit our store",
        "visit my shop", "cheap followers",
    )
]  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("discussion", "0006_chinese_terms")]

    operations = [shipped_terms.operation(TERMS)]
