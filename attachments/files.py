"""What an uploaded file really is, and the copy of it we keep.

The type comes from the file's first bytes (its "magic"), never from its name or from the
content type the browser sends. Images are decoded by Pillow with only the decoder of that
type and written anew: orientation applied, at most ``MAX_SIDE`` pixels on the long side,
no metadata at all (EXIF with its GPS position, XMP, ICC profile, comments), plus a
thumbnail. Whatever else the file carried (HTML or a ZIP appended to a JPEG, a second
image) does not survive the new encoding. A file whose header claims more than
``MAX_PIXELS`` is refused before its pixels are decoded (``Image.open`` reads the header
only). PDFs are accepted for brokers only, by their ``%PDF-`` header, and refused when they
name JavaScript, embedded files or a launch action; they are always served as downloads.

HEIC (iPhone photos) is refused with its own message: reading it needs ``pillow-heif`` with
its bundled libheif and codecs, more native code to keep safe, and a phone's browser sends
JPEG anyway when the file input asks for JPEG, PNG or WebP (its ``accept``).
"""

import contextlib
import io
import re
import warnings
from dataclasses import dataclass

from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 2000
THUMBNAIL_SIDE = 400
# A 12-megapixel phone photo is 4000 x 3000; 25 million pixels leaves room for a camera's
# and keeps one decoded image under about 100 MB of memory (a JPEG decodes at a fraction).
MAX_PIXELS = 25_000_000
# Pillow refuses anything over twice this by itself (DecompressionBombError); our own check
# below refuses earlier, with a message.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

JPEG, PNG, WEBP, PDF = "image/jpeg", "image/png", "image/webp", "application/pdf"
IMAGE_TYPES = {JPEG: "JPEG", PNG: "PNG", WEBP: "WEBP"}  # content type → Pillow's format
EXTENSIONS = {JPEG: "jpg", PNG: "png", WEBP: "webp", PDF: "pdf"}
ACCEPT_PHOTOS = ",".join(IMAGE_TYPES)
ACCEPT_DOCUMENTS = f"{ACCEPT_PHOTOS},{PDF}"

_HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif"}
# PDF names that run code or carry other files; "#4A" spells "J" inside a name.
_PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|EmbeddedFiles?|Launch|RichMedia)\b")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


class Refused(ValueError):
    """The file is not accepted; the message is for the person who chose it."""


@dataclass(frozen=True)
class Prepared:
    """A checked file, ready to store: the bytes we keep, not the ones that were sent."""

    content_type: str
    data: bytes
    original_size: int
    width: int | None = None
    height: int | None = None
    thumbnail: bytes = b""

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]

    @property
    def is_image(self) -> bool:
        return self.content_type in IMAGE_TYPES


def detect(head: bytes) -> str:
    """The content type from the first bytes; "" when it is none we know."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
        return "image/heic"
    return ""


def prepare(upload, *, allow_pdf: bool = False) -> Prepared:
    """Check an uploaded file (a Django ``UploadedFile`` or any binary file) and re-encode it.

    Raises ``Refused`` with a message for the resident or broker.
    """
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise Refused(
            _("Dit bestand is te groot. Een bestand mag hoogstens %(max)s MB zijn.")
            % {"max": MAX_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise Refused(
            _("Dit bestand is te groot. Een bestand mag hoogstens %(max)s MB zijn.")
            % {"max": MAX_BYTES // (1024 * 1024)}
        )
    if not data:
        raise Refused(_("Dit bestand is leeg."))
    content_type = detect(data[:32])
    if content_type in IMAGE_TYPES:
        return _prepare_image(data, content_type)
    if content_type == PDF and allow_pdf:
        return _prepare_pdf(data)
    if content_type == "image/heic":
        raise Refused(
            _(
                "Deze foto is in het HEIC-formaat van een iPhone. Dat kunnen we niet lezen. "
                "Stel de camera in op “Meest compatibel” of stuur een schermafbeelding."
            )
        )
    if allow_pdf:
        raise Refused(
            _("Dit soort bestand kan niet. Kies een foto (JPEG, PNG of WebP) of een PDF.")
        )
    raise Refused(_("Dit is geen foto die we kunnen gebruiken. Kies een JPEG-, PNG- of WebP-foto."))


def _too_many_pixels() -> Refused:
    return Refused(_("Deze foto heeft te veel pixels. Maak hem kleiner en probeer het opnieuw."))


def _broken() -> Refused:
    return Refused(_("Deze foto is beschadigd of geen echte foto. Kies een andere foto."))


def _prepare_image(data: bytes, content_type: str) -> Prepared:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only the decoder of the type the bytes say: no other parser sees the file.
            image = Image.open(io.BytesIO(data), formats=[IMAGE_TYPES[content_type]])
            # The header alone: a 50,000 x 50,000 image is refused before any decoding.
            if image.width * image.height > MAX_PIXELS:
                raise _too_many_pixels()
            if getattr(image, "n_frames", 1) > 1:
                raise Refused(_("Een bewegende foto kan niet. Kies een gewone foto."))
            # A JPEG decodes at a fraction of its size when that is all we keep.
            image.draft("RGB", (MAX_SIDE, MAX_SIDE))
            image.load()
    except Refused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except (OSError, SyntaxError, ValueError, Warning):
        raise _broken() from None
    # A broken orientation tag: the image stays as it is.
    with contextlib.suppress(OSError, SyntaxError, ValueError, TypeError, KeyError):
        image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    target = "RGBA" if has_alpha else ("L" if image.mode in ("1", "L", "I;16") else "RGB")
    if image.mode != target:
        image = image.convert(target)
    # Nothing of the original's metadata may reach the copy: the encoders fall back on
    # ``info`` for some of it (ICC profile, comments).
    image.info = {}
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    small = image.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    kept_type = PNG if has_alpha else JPEG
    return Prepared(
        content_type=kept_type,
        data=_encode(image, kept_type),
        original_size=len(data),
        width=image.width,
        height=image.height,
        thumbnail=_encode(small, kept_type),
    )


def _encode(image: Image.Image, content_type: str) -> bytes:
    out = io.BytesIO()
    if content_type == JPEG:
        image.save(out, "JPEG", quality=85, optimize=True, progressive=True, exif=b"")
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _prepare_pdf(data: bytes) -> Prepared:
    names = _PDF_NAME_ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), data)
    if _PDF_ACTIVE.search(names):
        raise Refused(
            _(
                "Deze PDF bevat JavaScript of andere bestanden. Dat kan niet. Sla hem opnieuw "
                "op als gewone PDF (bijvoorbeeld via Afdrukken, Opslaan als PDF)."
            )
        )
    if b"%%EOF" not in data[-2048:]:
        raise Refused(_("Deze PDF is niet compleet. Sla hem opnieuw op en probeer het nog eens."))
    return Prepared(content_type=PDF, data=data, original_size=len(data))
