"""The moderation queue's admin URLs, mounted at ``/admin/moderation/`` by the queue's viewset
(namespace ``moderation``)."""

from django.urls import path, re_path

from . import admin_views

urlpatterns = [
    path("", admin_views.QueueView.as_view(), name="queue"),
    re_path(
        r"^(?P<tab>pending|spam|approved|rejected)/$", admin_views.QueueView.as_view(), name="tab"
    ),
    path("comments/<int:pk>/", admin_views.CommentDetailView.as_view(), name="detail"),
    path("comments/<int:pk>/decide/", admin_views.decide_comment, name="decide"),
    path("decide/", admin_views.decide_bulk, name="bulk"),
]
