"""Authors write and submit; Editors review and publish.

Wagtail's first migrations create an "Editors" group without the right to publish and a
"Moderators" group that publishes. In Netizen, editors publish stories, and moderators
review readers' comments, not stories, so this migration moves the publishing rights and
puts every story behind one editorial-review workflow.
"""

from django.db import migrations

PAGE_CODENAMES = {
    "Authors": ["add_page", "change_page", "lock_page"],
    "Editors": ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page",
                "unlock_page"],
}
IMAGE_CODENAMES = {
    "Authors": ["add_image", "choose_image"],
    "Editors": ["add_image", "change_image", "choose_image", "delete_image"],
}
SNIPPET_MODELS = ["region", "topic", "person"]
WORKFLOW_NAME = "Editorial review"


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


def set_up_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")

    groups = {}
    for name in ("Authors", "Editors"):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for codename in PAGE_CODENAMES[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
        for codename in IMAGE_CODENAMES[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection,
                permission=permission(apps, "wagtailimages", "image", codename),
            )
    for model in SNIPPET_MODELS:
        for action in ("add", "change", "delete"):
            groups["Editors"].permissions.add(
                permission(apps, "stories", model, f"{action}_{model}")
            )

    # Moderators keep their admin access for the comment queue but no longer publish pages.
    GroupPagePermission.objects.filter(group__name="Moderators").delete()

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Editor approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups["Editors"]])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(set_up_roles, migrations.RunPython.noop)]
