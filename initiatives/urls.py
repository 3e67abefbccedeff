from django.urls import path

from initiatives.views import overviews, public, workspace  # noqa: F401

app_name = "initiatives"

urlpatterns = [
    # --- Residents and the public (issue 4) ---
    path("volgen/<str:token>/", public.track_login, name="track"),
    # --- end residents ---
    # --- Brokers' workspace (issue 5) ---
    path("werkvoorraad/<int:pk>/", workspace.workspace_detail, name="workspace_detail"),
    # --- end workspace ---
    # --- Overviews and open data (issue 6) ---
    # --- end overviews ---
]
