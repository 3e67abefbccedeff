from django.urls import path

from subscriptions import views

app_name = "subscriptions"

# The token's paths start with /wijkpost/: wijkaanpak.logging keeps tokens out of the logs.
urlpatterns = [
    path("wijken/<slug:slug>/volgen/", views.follow, name="follow"),
    path("wijkpost/<str:token>/bevestigen/", views.confirm, name="confirm"),
    path("wijkpost/<str:token>/stoppen/", views.unsubscribe, name="unsubscribe"),
]
