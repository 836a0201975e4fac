"""What the migrations that change shipped word-list terms share (0005 onwards).

A module whose name starts with an underscore, so Django's loader does not take it for a
migration. Add to it, but do not change what it does: migrations already applied on sites
call it, and changing it would change what they did.
"""

from django.db import migrations

SHIPPED = "Shipped with Netizen"

type Terms = list[tuple[str, str, str]]  # (term, label, severity)


def add(apps, terms: Terms) -> None:
    """Add each term a site does not have under the same label (as shipped or as edited)."""
    ScreeningTerm = apps.get_model("discussion", "ScreeningTerm")
    for term, label, severity in terms:
        ScreeningTerm.objects.get_or_create(
            term=term, label=label, defaults={"severity": severity, "note": SHIPPED}
        )


def remove(apps, terms: Terms) -> None:
    """Remove the terms again, unless a moderator has since edited them."""
    ScreeningTerm = apps.get_model("discussion", "ScreeningTerm")
    for term, label, _ in terms:
        ScreeningTerm.objects.filter(term=term, label=label, note=SHIPPED).delete()


def operation(terms: Terms) -> migrations.RunPython:
    """The migration step that adds ``terms`` going forward and removes them going back."""
    return migrations.RunPython(
        lambda apps, schema_editor: add(apps, terms),
        lambda apps, schema_editor: remove(apps, terms),
    )
