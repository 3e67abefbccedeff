from django.urls import path

from results import views

app_name = "results"

urlpatterns = [
    path("werkvoorraad/<int:pk>/resultaat/", views.record_result, name="record"),
]
