"""Add the Chinese swear words shipped since the word list was seeded (zh.tsv: "Swearing
that attacks no one") to sites whose list predates them.

The terms are written out here, not read from zh.tsv, so this migration adds exactly these
whatever the file says later; a term the site already has (or had and edited) is left as is.
A fresh site gets them from 0002, which seeds the whole current file, and this finds them
there already.
"""

from django.db import migrations

TERMS = [
    ("他娘的", "suspect"), ("真他妈", "suspect"), ("操蛋", "suspect"), ("卧草", "suspect"),
    ("我肏", "banned"), ("肏你妈", "banned"), ("傻屄", "banned"), ("牛屄", "suspect"),
    ("妈了个逼", "banned"), ("妈卖批", "banned"), ("鸡掰", "banned"), ("机掰", "banned"),
    ("干你娘", "banned"), ("靠北", "suspect"), ("靠杯", "suspect"), ("靠腰", "suspect"),
    ("仆街", "suspect"), ("顶你个肺", "suspect"), ("鸟人", "suspect"),
]


def add_terms(apps, schema_editor):
    ScreeningTerm = apps.get_model("discussion", "ScreeningTerm")
    for text, severity in TERMS:
        ScreeningTerm.objects.get_or_create(
            term=text,
            label="obscenity",
            defaults={"severity": severity, "note": "Shipped with Netizen"},
        )


def remove_terms(apps, schema_editor):
    ScreeningTerm = apps.get_model("discussion", "ScreeningTerm")
    ScreeningTerm.objects.filter(
        term__in=[text for text, _ in TERMS], label="obscenity", note="Shipped with Netizen"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("discussion", "0003_author_key_and_word_list_names")]

    operations = [migrations.RunPython(add_terms, remove_terms)]
