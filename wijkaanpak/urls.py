from django.contrib import admin
from django.urls import include, path

from initiatives.views import public as public_views
from wijkaanpak import face, security, views

urlpatterns = [
    path("", public_views.home, name="home"),
    path("toegankelijkheid/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_statement, name="privacy"),
    path("huisstijl/<slug:name>", face.image, name="site_image"),
    path(".well-known/security.txt", security.security_txt, name="security_txt"),
    path("account/", include("wijkaanpak.account_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("", include("subscriptions.urls")),
    path("", include("answers.urls")),
    path("", include("voices.urls")),
    path("", include("assessments.urls")),
    path("", include("results.urls")),
    path("", include("duplicates.urls")),
    path("", include("attachments.urls")),
    path("", include("budgets.urls")),
    path("", include("feedback.urls")),
    path("", include("initiatives.urls")),
]

handler500 = "wijkaanpak.views.server_error"
