"""Files to upload, made on the spot: real images, and the tricks we must refuse."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825


def image_bytes(
    fmt: str = "JPEG",
    size: tuple[int, int] = (64, 48),
    *,
    mode: str = "RGB",
    gps: bool = False,
    orientation: int | None = None,
) -> bytes:
    image = Image.new(mode, size, (200, 40, 40) if mode == "RGB" else (200, 40, 40, 128))
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "Telefoonmerk"  # Make
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 26.0, 17.0), 3: "E", 4: (4.0, 49.0, 5.0)})
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    extra = {"exif": exif.tobytes()} if (gps or orientation) else {}
    image.save(out, fmt, **extra)
    return out.getvalue()


def upload(data: bytes, name: str = "foto.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header says ``width`` x ``height``: decoding it would take gigabytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
PDF_WITH_JAVASCRIPT = PDF.replace(
    b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>"
)
GIF = image_bytes("GIF", (1, 1))
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 32
APPENDED = b"<html><script>alert('polyglot')</script></html>PK\x03\x04zip-inside"
