from django.urls import path

from voices import opendata, views

app_name = "voices"

urlpatterns = [
    path("werkvoorraad/signalen/", views.voice_list, name="list"),
    path("werkvoorraad/signalen/nieuw/", views.voice_create, name="create"),
    path("werkvoorraad/signalen/meerdere/", views.voice_bulk, name="bulk"),
    path("werkvoorraad/signalen/<int:voice_pk>/initiatief/", views.voice_intake, name="intake"),
    path("werkvoorraad/<int:pk>/signaal/", views.link_to_initiative, name="link"),
    path("open-data/signalen.csv", opendata.voices_csv, name="open_data_csv"),
]
