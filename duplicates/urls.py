from django.urls import path

from duplicates import views

app_name = "duplicates"

urlpatterns = [
    path("werkvoorraad/<int:pk>/samenvoegen/<int:into>/", views.merge, name="merge"),
]
