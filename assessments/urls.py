from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("werkvoorraad/criteria/", views.criterion_list, name="list"),
    path("werkvoorraad/criteria/nieuw/", views.criterion_create, name="create"),
    path(
        "werkvoorraad/criteria/<int:criterion_pk>/bewerken/",
        views.criterion_edit,
        name="edit",
    ),
]
