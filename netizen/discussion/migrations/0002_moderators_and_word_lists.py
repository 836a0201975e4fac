"""Moderators review comments; Editors can too. Seed the live word list from the shipped one.

Wagtail's own migrations create the "Moderators" group; here it gets the admin and the
comment queue, and both groups may edit the screening word list.
"""

from django.db import migrations

GROUP_CODENAMES = {
    "Moderators": ["moderate_comment", "add_screeningterm", "change_screeningterm",
                   "delete_screeningterm", "view_screeningterm"],
    "Editors": ["moderate_comment", "add_screeningterm", "change_screeningterm",
                "delete_screeningterm", "view_screeningterm"],
}


def permission(apps, app_label: str, model: str, codename: str):
    """Fetch a permission, creating it if post_migrate has not run yet (a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def set_up_moderation(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    for name, codenames in GROUP_CODENAMES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for codename in codenames:
            model = "comment" if codename == "moderate_comment" else "screeningterm"
            group.permissions.add(permission(apps, "discussion", model, codename))


def seed_word_list(apps, schema_editor):
    from netizen.moderation.lexicon import default_terms

    ScreeningTerm = apps.get_model("discussion", "ScreeningTerm")
    for term in default_terms():
        ScreeningTerm.objects.get_or_create(
            term=term.text,
            label=term.label,
            defaults={"severity": term.severity, "note": "Shipped with Netizen"},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("discussion", "0001_initial"),
        ("stories", "0002_newsroom_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(set_up_moderation, migrations.RunPython.noop),
        migrations.RunPython(seed_word_list, migrations.RunPython.noop),
    ]
