"""The municipality's own face: name, logo, theme and contact details, on every page and e-mail.

``current()`` gives a ``Face``: a plain snapshot of the ``SiteSettings`` row with the
environment's defaults filled in. It comes from Django's cache, not the database, so a page
costs no query for it; saving the settings removes the cached copy. With the per-process
cache (no ``REDIS_URL``) the other workers keep theirs for at most ``CACHE_SECONDS``; the
page cache keys on the settings' ``revision``, so no worker caches a page of an older face
under a newer one.

Themes are the NL Design System token files vendored under ``static/vendor/``: every
``static/vendor/<name>-design-tokens/theme.css`` is one, with the class its first rule
names (docs/theming.md says how to add a municipality's own).

Uploaded images are checked by ``check_image``: PNG by its signature and size, SVG parsed and
refused when it holds anything that runs or loads (scripts, event attributes, links out of the
file, foreign content, entities). They are served by ``image`` from the row with headers that
keep even a missed trick inert (``sandbox``, ``nosniff``).
"""

import re
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.conf import settings
from django.core.cache import cache as django_cache
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from wijkaanpak.models import SiteSettings

CACHE_KEY = "wijkaanpak.face"
CACHE_SECONDS = 60
MAX_IMAGE_BYTES = 200_000
MAX_PNG_SIDE = 4096


@dataclass(frozen=True)
class Face:
    site_name: str
    municipality_name: str
    theme_css: str
    theme_class: str
    logo_alt: str = ""
    logo_url: str = ""  # empty without a logo
    favicon_url: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    office_hours: str = ""
    accessibility_contact: str = ""
    privacy_officer: str = ""
    revision: int = 0

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_email or self.contact_phone or self.office_hours)


# --- Themes --------------------------------------------------------------------------------

_THEME_CLASS = re.compile(r"^\.([a-z][a-z0-9-]*)\s*\{", re.MULTILINE)


@cache
def themes() -> dict[str, tuple[str, str]]:
    """Every vendored theme: name → (static path of its CSS, the class it styles)."""
    found = {}
    for directory in settings.STATICFILES_DIRS:
        for css in sorted(Path(directory).glob("vendor/*-design-tokens/theme.css")):
            match = _THEME_CLASS.search(css.read_text(encoding="utf-8"))
            if match:
                name = css.parent.name.removesuffix("-design-tokens")
                found[name] = (css.relative_to(directory).as_posix(), match.group(1))
    return found


def theme_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("-", " ").capitalize()) for name in themes()]


# --- The snapshot ---------------------------------------------------------------------------


def defaults() -> Face:
    """The face before anyone set it: the environment's names and theme."""
    return Face(
        site_name=settings.SITE_NAME,
        municipality_name=settings.MUNICIPALITY_NAME,
        theme_css=settings.THEME_CSS,
        theme_class=settings.THEME_CLASS,
    )


def _image_url(name: str, revision: int) -> str:
    return f"{reverse('site_image', kwargs={'name': name})}?v={revision}"


def _from_row(row: SiteSettings) -> Face:
    base = defaults()
    theme_css, theme_class = themes().get(row.theme, (base.theme_css, base.theme_class))
    return Face(
        site_name=row.site_name or base.site_name,
        municipality_name=row.municipality_name or base.municipality_name,
        theme_css=theme_css,
        theme_class=theme_class,
        logo_alt=row.logo_alt,
        logo_url=_image_url("logo", row.revision) if row.logo else "",
        favicon_url=_image_url("favicon", row.revision) if row.favicon else "",
        contact_email=row.contact_email,
        contact_phone=row.contact_phone,
        office_hours=row.office_hours,
        accessibility_contact=row.accessibility_contact,
        privacy_officer=row.privacy_officer,
        revision=row.revision,
    )


def current() -> Face:
    """The face now: from the cache, else from the row (one query), else the defaults."""
    face = django_cache.get(CACHE_KEY)
    if face is None:
        try:
            row = SiteSettings.objects.defer("logo", "favicon").filter(pk=1).first()
        except DatabaseError:
            return defaults()  # the database is away: the page that says so needs a face
        face = _from_row(row) if row else defaults()
        django_cache.set(CACHE_KEY, face, CACHE_SECONDS)
    return face


@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
def _forget(**kwargs) -> None:
    django_cache.delete(CACHE_KEY)


def template_context() -> dict:
    """The municipality's face (wijkaanpak.face), for pages and e-mails alike."""
    face = current()
    return {
        "FACE": face,
        "SITE_NAME": face.site_name,
        "MUNICIPALITY_NAME": face.municipality_name,
        "THEME_CSS": face.theme_css,
        "THEME_CLASS": face.theme_class,
    }


# --- Images ---------------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Elements that only draw; anything else (script, foreignObject, image, a, ...) is refused.
SVG_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "metadata", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "symbol", "use", "style",
}  # fmt: skip
_DANGEROUS_STYLE = re.compile(r"@import|url\(\s*['\"]?\s*(?!#)|expression\(|javascript:", re.I)


def check_image(data: bytes) -> str:
    """The image's content type ("image/png" or "image/svg+xml"); ValidationError if unsafe."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("Het bestand is te groot: het mag hoogstens %(kb)s kB zijn."),
            params={"kb": MAX_IMAGE_BYTES // 1000},
        )
    if data.startswith(PNG_SIGNATURE):
        return _check_png(data)
    return _check_svg(data)


def _check_png(data: bytes) -> str:
    # The first chunk is IHDR: width and height, four bytes each.
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise ValidationError(_("Dit PNG-bestand is beschadigd."))
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_PNG_SIDE and 0 < height <= MAX_PNG_SIDE):
        raise ValidationError(
            _("Het plaatje is te groot: hoogstens %(side)s bij %(side)s beeldpunten."),
            params={"side": MAX_PNG_SIDE},
        )
    return "image/png"


def _refuse_svg():
    return ValidationError(
        _("Dit bestand kunnen we niet gebruiken. Kies een PNG-bestand of een SVG-bestand "
          "zonder scripts, links of ingesloten bestanden.")
    )  # fmt: skip


def _check_svg(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse_svg() from None
    try:
        # No document type, so no entities: how XML loads other files and multiplies.
        root = fromstring(text, forbid_dtd=True)
    except (ParseError, DefusedXmlException):
        raise _refuse_svg() from None
    if root.tag != f"{SVG}svg":
        raise _refuse_svg()
    for element in root.iter():
        name = element.tag.removeprefix(SVG)
        if name not in SVG_ELEMENTS:
            raise _refuse_svg()
        if name == "style" and _DANGEROUS_STYLE.search(element.text or ""):
            raise _refuse_svg()
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise _refuse_svg()
            is_link = local == "href" or attribute == XLINK_HREF
            if is_link and not value.strip().startswith("#"):
                raise _refuse_svg()
            if _DANGEROUS_STYLE.search(value):
                raise _refuse_svg()
    return "image/svg+xml"


@require_safe
def image(request: HttpRequest, name: str) -> HttpResponse:
    """The logo or the favicon, from the row; inert whatever it holds."""
    field = {"logo": "logo", "favicon": "favicon"}.get(name)
    row = SiteSettings.objects.filter(pk=1).only(field, f"{field}_type").first() if field else None
    data = bytes(getattr(row, field) or b"") if row else b""
    if not data:
        raise Http404
    response = HttpResponse(data, content_type=getattr(row, f"{field}_type"))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    # The address carries the revision (?v=), so a new image has a new address.
    response["Cache-Control"] = "public, max-age=86400"
    return response
