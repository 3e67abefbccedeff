"""Django's auth URLs (included at ``account/``) with the site's forms and templates.

No page here may be stored by a browser or proxy (``never_cache``: ``no-store``): they carry
reset links, CSRF tokens and who is logged in.
"""

from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.decorators.cache import never_cache

from wijkaanpak import accounts, second_factor
from wijkaanpak.second_factor import second_step_required

urlpatterns = [
    path("login/", never_cache(accounts.LoginView.as_view()), name="login"),
    path("logout/", never_cache(auth_views.LogoutView.as_view()), name="logout"),
    path(
        "password_change/",
        never_cache(
            second_step_required(
                auth_views.PasswordChangeView.as_view(form_class=accounts.PasswordChangeForm)
            )
        ),
        name="password_change",
    ),
    path(
        "password_change/done/",
        never_cache(second_step_required(auth_views.PasswordChangeDoneView.as_view())),
        name="password_change_done",
    ),
    path("password_reset/", accounts.password_reset, name="password_reset"),
    path(
        "password_reset/done/",
        never_cache(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        never_cache(
            auth_views.PasswordResetConfirmView.as_view(form_class=accounts.SetPasswordForm)
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        never_cache(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    # The second step for staff and council members (wijkaanpak.second_factor).
    path("tweede-stap/", second_factor.verify, name="second_factor"),
    path("tweede-stap/instellen/", second_factor.setup, name="second_factor_setup"),
    path("tweede-stap/herstelcode/", second_factor.recover, name="second_factor_recover"),
    path("tweede-stap/herstelcodes/", second_factor.codes, name="second_factor_codes"),
]
