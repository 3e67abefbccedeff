from django.urls import path

from answers import views

app_name = "answers"

urlpatterns = [
    path("werkvoorraad/standaardteksten/", views.template_list, name="list"),
    path("werkvoorraad/standaardteksten/nieuw/", views.template_create, name="create"),
    path(
        "werkvoorraad/standaardteksten/<int:template_pk>/bewerken/",
        views.template_edit,
        name="edit",
    ),
]
