from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    # Before /volgen/<token>/ (the root URLs include this first).
    path("volgen/terugblik/", views.answer, name="answer"),
]
