"""Editors and Authors work in the sources inbox; Editors also list the feeds to poll.

The inbox has no permission of its own: reading it is ``view_sourcepost``, labelling,
correcting and quoting posts is ``change_sourcepost``, importing is ``add_importbatch``.
"""

from django.db import migrations

SHARED = {
    "sourcepost": ["view", "change"],
    "label": ["add", "change", "view"],
    "collection": ["add", "change", "view"],
    "importbatch": ["add", "view"],
}
GROUP_PERMISSIONS = {
    "Authors": SHARED,
    "Editors": {**SHARED, "feed": ["add", "change", "delete", "view"]},
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


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, models in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for model, actions in models.items():
            for action in actions:
                group.permissions.add(permission(apps, "sources", model, f"{action}_{model}"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, models in GROUP_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="sources", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0002_search_index"),
        ("stories", "0002_newsroom_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
