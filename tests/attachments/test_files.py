"""What attachments.files accepts, what it refuses, and what the kept copy holds."""

import io
import time

import pytest
from PIL import Image, ImageFile

from attachments import files
from tests.attachments import samples


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize(
    ("fmt", "mode", "kept"),
    [
        ("JPEG", "RGB", files.JPEG),
        ("PNG", "RGB", files.JPEG),
        ("PNG", "RGBA", files.PNG),  # transparency stays: kept as PNG
        ("WEBP", "RGB", files.JPEG),
    ],
)
def test_jpeg_png_and_webp_are_accepted_and_encoded_anew(fmt, mode, kept):
    prepared = files.prepare(samples.upload(samples.image_bytes(fmt, mode=mode)))
    assert prepared.content_type == kept
    assert files.detect(prepared.data) == kept
    assert _open(prepared.data).size == (64, 48)
    assert _open(prepared.thumbnail).size == (64, 48)  # never made larger


def test_the_type_comes_from_the_bytes_not_the_name_or_the_browser():
    data = samples.image_bytes("PNG")
    prepared = files.prepare(samples.upload(data, name="foto.exe", content_type="text/html"))
    assert prepared.content_type == files.JPEG


def test_gps_and_every_other_exif_field_are_gone_from_the_kept_copy():
    data = samples.image_bytes("JPEG", gps=True)
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(samples.GPS_IFD)  # it was there
    prepared = files.prepare(samples.upload(data))
    for kept in (prepared.data, prepared.thumbnail):
        image = _open(kept)
        assert not image.getexif()
        assert "exif" not in image.info
        assert b"Exif" not in kept
        assert b"Telefoonmerk" not in kept


def test_the_orientation_is_applied_before_the_tag_is_dropped():
    # Orientation 6: the camera was turned; shown upright the picture is 48 wide, 64 high.
    prepared = files.prepare(samples.upload(samples.image_bytes("JPEG", orientation=6)))
    assert (prepared.width, prepared.height) == (48, 64)
    assert not _open(prepared.data).getexif()


def test_a_large_photo_is_scaled_to_2000_pixels_with_a_400_pixel_thumbnail():
    prepared = files.prepare(samples.upload(samples.image_bytes("JPEG", size=(4000, 1000))))
    assert _open(prepared.data).size == (2000, 500)
    assert _open(prepared.thumbnail).size == (400, 100)


def test_html_and_a_zip_appended_to_a_jpeg_do_not_survive():
    data = samples.image_bytes("JPEG") + samples.APPENDED
    prepared = files.prepare(samples.upload(data))
    assert b"<script" not in prepared.data
    assert b"PK\x03\x04" not in prepared.data
    assert prepared.data.endswith(b"\xff\xd9")  # the JPEG ends where it ends


@pytest.mark.parametrize(
    "data",
    [samples.GIF, samples.SVG, samples.HTML, samples.EXE, b"plain text", samples.PDF],
    ids=["gif", "svg", "html", "exe", "text", "pdf"],
)
def test_other_types_are_refused_for_residents(data):
    with pytest.raises(files.Refused, match="JPEG-, PNG- of WebP"):
        files.prepare(samples.upload(data, name="foto.jpg"))


def test_a_gifar_is_refused_as_the_gif_it_starts_as():
    with pytest.raises(files.Refused):
        files.prepare(samples.upload(samples.GIF + b"PK\x03\x04" + b"\x00" * 40, name="a.jpg"))


def test_heic_is_refused_with_its_own_message():
    with pytest.raises(files.Refused, match="HEIC"):
        files.prepare(samples.upload(samples.HEIC, name="IMG_0001.HEIC"))


def test_a_pdf_is_accepted_for_brokers_as_it_is():
    prepared = files.prepare(samples.upload(samples.PDF, name="offerte.pdf"), allow_pdf=True)
    assert prepared.content_type == files.PDF
    assert prepared.data == samples.PDF
    assert prepared.thumbnail == b""


def test_a_pdf_with_javascript_is_refused_even_when_the_name_is_escaped():
    with pytest.raises(files.Refused, match="JavaScript"):
        files.prepare(samples.upload(samples.PDF_WITH_JAVASCRIPT), allow_pdf=True)


def test_a_pdf_without_its_end_is_refused():
    with pytest.raises(files.Refused, match="niet compleet"):
        files.prepare(samples.upload(samples.PDF[:-7]), allow_pdf=True)


def test_brokers_get_no_gif_either():
    with pytest.raises(files.Refused, match="of een PDF"):
        files.prepare(samples.upload(samples.GIF), allow_pdf=True)


@pytest.mark.parametrize(("width", "height"), [(50_000, 50_000), (7_000, 7_000)])
def test_a_decompression_bomb_is_refused_from_its_header_without_decoding(
    monkeypatch, width, height
):
    def no_decoding(self):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    data = samples.png_claiming(width, height)
    started = time.perf_counter()
    with pytest.raises(files.Refused, match="te veel pixels"):
        files.prepare(samples.upload(data, name="bom.png"))
    assert time.perf_counter() - started < 1


def test_a_broken_image_is_refused():
    data = samples.image_bytes("JPEG")[:200]
    with pytest.raises(files.Refused, match="beschadigd"):
        files.prepare(samples.upload(data))


def test_a_file_over_10_mb_is_refused_before_it_is_read():
    big = samples.upload(b"\xff\xd8\xff" + b"\x00" * files.MAX_BYTES)
    with pytest.raises(files.Refused, match="te groot"):
        files.prepare(big)


def test_an_empty_file_is_refused():
    with pytest.raises(files.Refused, match="leeg"):
        files.prepare(samples.upload(b""))
