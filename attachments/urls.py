from django.urls import path

from attachments import views

app_name = "attachments"

urlpatterns = [
    path("bijlagen/<slug:key>/", views.attachment_file, name="file"),
    path("bijlagen/<slug:key>/klein/", views.attachment_thumbnail, name="thumbnail"),
    path("volgen/fotos/", views.track_add, name="track_add"),
    path("werkvoorraad/<int:pk>/bijlagen/", views.add, name="add"),
    path(
        "werkvoorraad/<int:pk>/bijlagen/<int:attachment_pk>/openbaar/",
        views.publish,
        name="publish",
    ),
    path(
        "werkvoorraad/<int:pk>/bijlagen/<int:attachment_pk>/niet-openbaar/",
        views.unpublish,
        name="unpublish",
    ),
    path(
        "werkvoorraad/<int:pk>/bijlagen/<int:attachment_pk>/verwijderen/",
        views.delete,
        name="delete",
    ),
]
