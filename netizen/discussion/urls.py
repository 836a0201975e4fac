from django.urls import path

from . import views

app_name = "discussion"

urlpatterns = [
    path("stories/<int:story_id>/", views.post_comment, name="post"),
    path("receipt/<str:token>/", views.receipt, name="receipt"),
]
