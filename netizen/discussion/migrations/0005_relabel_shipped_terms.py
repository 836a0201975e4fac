"""Move three shipped English terms to the label the word list now gives them (en.tsv), on
sites seeded earlier: "son of a bitch" is swearing first (obscenity; the target phase adds a
personal attack when it is aimed at someone); "nigga", the in-group form, is offensive
language rather than hate speech (the slur itself stays hate speech); and "retard(ed)", an
all-purpose insult, is offensive language (the target phase adds a personal attack or hate
speech when it is aimed at a person or said of disabled people).

Only rows still as shipped are moved (the shipped label, severity and note, and enabled): a
site that changed, disabled or re-labelled one keeps its own choice, and a site that has the
term under the new label already is left alone.
"""

from django.db import migrations

from netizen.discussion.migrations._shipped_terms import SHIPPED
# term, label before, label now, severity as shipped
MOVES = [
    ("son of a bitch", "personal_attack", "obscenity", "banned"),
    ("nigga", "hate_speech", "obscenity", "suspect"),
    ("retard", "hate_speech", "obscenity", "banned"),
    ("retarded", "hate_speech", "obscenity", "suspect"),
]


def move(direction):
    def apply(apps, schema_editor):
        ScreeningTerm = apps.get_model("discussion", "ScreeningTerm")
        for term, before, now, severity in MOVES:
            source, target = (before, now) if direction == "forward" else (now, before)
            if ScreeningTerm.objects.filter(term=term, label=target).exists():
                continue
            ScreeningTerm.objects.filter(
                term=term, label=source, severity=severity, enabled=True, note=SHIPPED
            ).update(label=target)

    return apply


class Migration(migrations.Migration):
    dependencies = [("discussion", "0004_swearing_terms")]

    operations = [migrations.RunPython(move("forward"), move("backward"))]
