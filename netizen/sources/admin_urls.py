"""The sources inbox's admin URLs, mounted at ``/admin/sources/`` by the inbox's viewset
(namespace ``sources``)."""

from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.InboxView.as_view(), name="inbox"),
    path("bulk/", admin_views.bulk, name="bulk"),
    path("posts/<int:pk>/", admin_views.PostView.as_view(), name="post"),
    path("posts/<int:pk>/language/", admin_views.correct_language, name="language"),
    path("posts/<int:pk>/tags/", admin_views.edit_tags, name="tags"),
    path("posts/<int:pk>/quote/", admin_views.quote, name="quote"),
    path("import/", admin_views.ImportView.as_view(), name="import"),
]
