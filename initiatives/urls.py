from django.urls import path

from initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("volgen/<str:token>/", views.track_login, name="track"),
    path("werkvoorraad/<int:pk>/", views.workspace_detail, name="workspace_detail"),
]
