from django.urls import path

from budgets import views

app_name = "budgets"

urlpatterns = [
    path("werkvoorraad/budget/", views.pot_list, name="list"),
    path("werkvoorraad/budget/nieuw/", views.pot_create, name="create"),
    path("werkvoorraad/budget/<int:pot_pk>/bewerken/", views.pot_edit, name="edit"),
]
