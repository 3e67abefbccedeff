"""Accounts and the site settings in the admin at /beheer/: functional administrators."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import ReadOnlyPasswordHashWidget, UserChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from initiatives import rules
from wijkaanpak import face
from wijkaanpak.models import SiteSettings

User = get_user_model()

admin.site.unregister(User)


class PasswordHashWidget(ReadOnlyPasswordHashWidget):
    def get_context(self, name: str, value, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        # Django puts the field's "disabled" on the widget's <div>, which is invalid HTML.
        context["widget"]["attrs"].pop("disabled", None)
        return context


class AccountChangeForm(UserChangeForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].widget = PasswordHashWidget()


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Functional administrators manage accounts and roles (groups), but cannot hand out
    superuser rights or loose permissions, change a superuser, or widen their own rights."""

    form = AccountChangeForm
    list_display = ("username", "first_name", "last_name", "email", "is_staff", "is_active")
    list_filter = ("is_staff", "is_active", "groups")

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple:
        readonly = tuple(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return readonly
        readonly = (*readonly, "is_superuser", "user_permissions")
        if obj is not None and obj.pk == request.user.pk:
            readonly = (*readonly, "is_staff", "is_active", "groups")
        return readonly

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


# --- The municipality's face (wijkaanpak.face) ----------------------------------------------


class SiteSettingsForm(forms.ModelForm):
    """The settings, with the images as uploads checked by ``face.check_image``."""

    logo_file = forms.FileField(
        label=_("Nieuw logo"),
        required=False,
        help_text=_("PNG of SVG, hoogstens 200 kB. Het logo staat boven elke pagina en e-mail."),
    )
    remove_logo = forms.BooleanField(label=_("Logo weghalen"), required=False)
    favicon_file = forms.FileField(
        label=_("Nieuw pictogram voor het tabblad"),
        required=False,
        help_text=_("PNG of SVG, vierkant, hoogstens 200 kB."),
    )
    remove_favicon = forms.BooleanField(label=_("Pictogram weghalen"), required=False)

    class Meta:
        model = SiteSettings
        fields = (
            "municipality_name",
            "site_name",
            "logo_alt",
            "theme",
            "contact_email",
            "contact_phone",
            "office_hours",
            "accessibility_contact",
            "privacy_officer",
        )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"] = forms.ChoiceField(
            label=SiteSettings._meta.get_field("theme").verbose_name,
            choices=[
                ("", _("Standaard (uit de instellingen van de server)")),
                *face.theme_choices(),
            ],
            required=False,
        )
        defaults = face.defaults()
        self.fields["municipality_name"].help_text = _("Leeg: %(name)s") % {
            "name": defaults.municipality_name
        }
        self.fields["site_name"].help_text = _("Leeg: %(name)s") % {"name": defaults.site_name}

    def _image(self, name: str) -> tuple[bytes, str] | None:
        upload = self.cleaned_data.get(f"{name}_file")
        if not upload:
            return None
        data = upload.read(face.MAX_IMAGE_BYTES + 1)
        try:
            return data, face.check_image(data)
        except ValidationError as error:
            self.add_error(f"{name}_file", error)
            return None

    def clean(self) -> dict:
        cleaned = super().clean()
        self.images = {name: self._image(name) for name in ("logo", "favicon")}
        has_logo = bool(self.images["logo"]) or (
            bool(self.instance.logo) and not cleaned.get("remove_logo")
        )
        if has_logo and not cleaned.get("logo_alt"):
            self.add_error(
                "logo_alt", _("Schrijf wat er op het logo staat, voor wie het niet ziet.")
            )
        return cleaned

    def save(self, commit: bool = True) -> SiteSettings:
        settings_row = super().save(commit=False)
        for name in ("logo", "favicon"):
            if self.cleaned_data.get(f"remove_{name}"):
                setattr(settings_row, name, b"")
                setattr(settings_row, f"{name}_type", "")
            if self.images.get(name):
                data, content_type = self.images[name]
                setattr(settings_row, name, data)
                setattr(settings_row, f"{name}_type", content_type)
        settings_row.revision += 1
        if commit:
            settings_row.save()
        return settings_row


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: the list leads straight to it; nobody adds a second or deletes it."""

    form = SiteSettingsForm
    fieldsets = (
        (_("Naam"), {"fields": ("municipality_name", "site_name")}),
        (
            _("Huisstijl"),
            {
                "fields": (
                    "theme",
                    "logo_file",
                    "logo_alt",
                    "remove_logo",
                    "favicon_file",
                    "remove_favicon",
                )
            },
        ),
        (
            _("Contact"),
            {
                "fields": (
                    "contact_email",
                    "contact_phone",
                    "office_hours",
                    "accessibility_contact",
                    "privacy_officer",
                )
            },
        ),
    )

    def has_module_permission(self, request: HttpRequest) -> bool:
        return rules.can_change_site_settings(request.user)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return rules.can_change_site_settings(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return rules.can_change_site_settings(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        if not self.has_change_permission(request):
            raise PermissionDenied
        SiteSettings.objects.get_or_create(pk=1)
        return redirect(reverse("admin:wijkaanpak_sitesettings_change", args=[1]))
