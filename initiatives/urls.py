from django.urls import path

from initiatives.feeds import NeighbourhoodFeed
from initiatives.views import (
    actions,
    bulk,
    followups,
    intake,
    overviews,
    partners,
    privacy,
    public,
    workspace,
)

app_name = "initiatives"

urlpatterns = [
    # --- Residents and the public ---
    path("idee/", public.submit, name="submit"),
    path("idee/ontvangen/", public.submitted, name="submitted"),
    # Opaque addresses first: the private link /volgen/<token>/ becomes a session at once.
    path("volgen/", public.track, name="track_page"),
    path("volgen/reageren/", public.track_reply, name="track_reply"),
    path("volgen/intrekken/", public.track_withdraw, name="track_withdraw"),
    # Data rights (AVG): the resident's download and erasure.
    path("volgen/mijn-gegevens/", privacy.track_data, name="track_data"),
    path("volgen/mijn-gegevens.json", privacy.track_data_json, name="track_data_json"),
    path("volgen/gegevens-wissen/", privacy.track_erase, name="track_erase"),
    path("volgen/<str:token>/", public.track_login, name="track"),
    path("initiatieven/", public.initiative_list, name="list"),
    path("initiatieven/<int:pk>/", public.initiative_detail, name="detail"),
    path("initiatieven/<int:pk>/steunen/", public.support, name="support"),
    path("initiatieven/<int:pk>/helpen/", public.offer_help, name="offer_help"),
    path("initiatieven/<int:pk>/steun-met-adres/", public.verify_support, name="verify_support"),
    # The link in the confirmation e-mail; the path is removed from the logs.
    path("steun-bevestigen/<str:token>/", public.confirm_support, name="confirm_support"),
    # --- Brokers' workspace ---
    path("werkvoorraad/", workspace.workspace, name="workspace"),
    path("werkvoorraad/nieuw/", intake.intake, name="workspace_intake"),
    path("werkvoorraad/bulk/", bulk.bulk_action, name="workspace_bulk"),
    path("werkvoorraad/<int:pk>/", workspace.workspace_detail, name="workspace_detail"),
    path("werkvoorraad/<int:pk>/brief/", intake.letter, name="workspace_letter"),
    path("werkvoorraad/<int:pk>/nieuwe-link/", intake.new_link, name="workspace_new_link"),
    path("werkvoorraad/<int:pk>/opvolgen/", followups.set_follow_up, name="workspace_follow_up"),
    path("werkvoorraad/<int:pk>/gezien/", followups.handle_attention, name="workspace_seen"),
    path(
        "werkvoorraad/<int:pk>/contactgegevens/",
        actions.show_contact_details,
        name="workspace_contact",
    ),
    path("werkvoorraad/<int:pk>/status/", actions.change_status, name="workspace_status"),
    path("werkvoorraad/<int:pk>/toewijzen/", actions.assign, name="workspace_assign"),
    path("werkvoorraad/<int:pk>/publiceren/", actions.publish, name="workspace_publish"),
    path("werkvoorraad/<int:pk>/niet-openbaar/", actions.unpublish, name="workspace_unpublish"),
    path("werkvoorraad/<int:pk>/bedrag/", actions.grant_money, name="workspace_amount"),
    path("werkvoorraad/<int:pk>/bericht/", actions.send_message, name="workspace_message"),
    path("werkvoorraad/<int:pk>/notitie/", actions.add_note, name="workspace_note"),
    path("werkvoorraad/<int:pk>/voortgang/", actions.post_update, name="workspace_update"),
    path("werkvoorraad/<int:pk>/partner/", actions.link_partner, name="workspace_partner"),
    path(
        "werkvoorraad/<int:pk>/bijdrage/", actions.add_contribution, name="workspace_contribution"
    ),
    path(
        "werkvoorraad/<int:pk>/hulp/<int:offer_pk>/gekoppeld/",
        actions.connect_help_offer,
        name="workspace_connect_help",
    ),
    path("werkvoorraad/partners/", partners.partner_list, name="partners"),
    path("werkvoorraad/partners/nieuw/", partners.partner_create, name="partner_create"),
    path(
        "werkvoorraad/partners/<int:partner_pk>/bewerken/",
        partners.partner_edit,
        name="partner_edit",
    ),
    # Data rights (AVG): requests by letter or e-mail, for coordinators.
    path("werkvoorraad/privacy/", privacy.data_requests, name="data_requests"),
    path(
        "werkvoorraad/privacy/initiatief/<int:pk>/downloaden/",
        privacy.export_initiator,
        name="data_export_initiator",
    ),
    path(
        "werkvoorraad/privacy/initiatief/<int:pk>/wissen/",
        privacy.erase_initiator,
        name="data_erase_initiator",
    ),
    path(
        "werkvoorraad/privacy/hulpaanbod/<int:pk>/downloaden/",
        privacy.export_help_offer,
        name="data_export_help_offer",
    ),
    path(
        "werkvoorraad/privacy/hulpaanbod/<int:pk>/wissen/",
        privacy.erase_help_offer,
        name="data_erase_help_offer",
    ),
    # --- Overviews and open data ---
    path("wijken/", overviews.neighbourhoods, name="neighbourhoods"),
    path("wijken/<slug:slug>/", overviews.neighbourhood, name="neighbourhood"),
    path("wijken/<slug:slug>/feed/", NeighbourhoodFeed(), name="neighbourhood_feed"),
    path(
        "wijken/<slug:slug>/initiatieven.csv",
        overviews.neighbourhood_csv,
        name="neighbourhood_csv",
    ),
    path(
        "wijken/<slug:slug>/initiatieven.json",
        overviews.neighbourhood_json,
        name="neighbourhood_json",
    ),
    path("open-data/initiatieven.csv", overviews.open_data_csv, name="open_data_csv"),
    path("open-data/initiatieven.json", overviews.open_data_json, name="open_data_json"),
    path(
        "open-data/wijken.csv",
        overviews.open_data_neighbourhoods_csv,
        name="open_data_neighbourhoods_csv",
    ),
]
