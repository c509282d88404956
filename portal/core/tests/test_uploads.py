"""Upload size limits for documents and images, with Vietnamese messages, on
every admin upload route; a refused file leaves nothing behind. Images with too many
pixels are refused from their headers, with the counts in Vietnamese; the originals
stored are re-encoded, with nothing a polyglot could hide in them."""

import io
import random
import struct
import zlib

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageChops, ImageStat, JpegImagePlugin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from portal.core.uploads import format_file_size, reencode_image

pytestmark = pytest.mark.django_db

BIG = 36_909_875  # 35,2 MB


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x")
    client.force_login(user)
    return client


def text(response):
    return response.content.decode().replace("\xa0", " ")


def stored_files(subdir):
    folder = settings.MEDIA_ROOT / subdir
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def small_pdf() -> bytes:
    """A real one-page PDF of a few hundred bytes (uploads are read by the
    classification gate: a file that cannot be read is not stored)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def noisy_png(width=64, height=64):
    rng = random.Random(7)
    image = PILImage.new("RGB", (width, height))
    image.putdata(
        [
            (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            for _ in range(width * height)
        ]
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "size, text",
    [
        (900, "900 byte"),
        (512 * 1024, "512 KB"),
        (30 * 1024 * 1024, "30 MB"),
        (BIG, "35,2 MB"),
        (int(1.5 * 1024**3), "1,5 GB"),
    ],
)
def test_file_sizes_read_in_vietnamese(size, text):
    assert format_file_size(size) == text


def test_too_big_document_is_refused_in_vietnamese(admin_client):
    before = stored_files("documents")
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Báo cáo thẩm tra",
            "collection": 1,
            "file": SimpleUploadedFile("bao-cao.pdf", b"0" * BIG, "application/pdf"),
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Tệp quá lớn (35,2 MB). Dung lượng tối đa là 30 MB." in text(response)
    assert not get_document_model().objects.exists()
    assert stored_files("documents") == before


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_too_big_document_is_refused_by_multiple_upload(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("to-trinh.pdf", b"0" * 2048, "application/pdf")},
    )
    data = response.json()
    assert data["success"] is False
    assert data["error_message"].replace("\xa0", " ") == (
        "Tệp quá lớn (2,0 KB). Dung lượng tối đa là 1 KB."
    )
    assert not get_document_model().objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_document_within_the_limit_is_stored(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Nghị quyết",
            "collection": 1,
            "file": SimpleUploadedFile("nghi-quyet.pdf", small_pdf()),
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Nghị quyết").exists()


@pytest.mark.parametrize("name, shown", [("virus.exe", "“.exe”"), ("khong-duoi", "không có")])
def test_document_of_a_refused_type_gets_one_vietnamese_message(admin_client, name, shown):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Tệp lạ", "collection": 1, "file": SimpleUploadedFile(name, b"MZ")},
    )
    content = text(response)
    assert f"Không nhận loại tệp {shown}" in content
    assert "is not allowed" not in content
    assert not get_document_model().objects.exists()


def test_document_form_tells_the_limit(admin_client):
    content = admin_client.get(reverse("wagtaildocs:add")).content.decode()
    assert "Dung lượng tối đa: 30 MB." in content


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_too_big_image_is_refused_in_vietnamese(admin_client):
    data = noisy_png()
    assert len(data) > 1000
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh hội nghị",
            "collection": 1,
            "file": SimpleUploadedFile("hoi-nghi.png", data, "image/png"),
        },
    )
    assert response.status_code == 200
    size = filesizeformat(len(data)).replace("\xa0", " ")
    assert f"Tệp quá lớn ({size}). Dung lượng tối đa là 1000 byte." in text(response)
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_too_big_image_is_refused_by_multiple_upload(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("hoi-nghi.png", noisy_png(), "image/png")},
    )
    data = response.json()
    assert data["success"] is False
    assert "Tệp quá lớn" in data["error_message"]
    assert "Dung lượng tối đa là 1000 byte." in data["error_message"]
    assert not get_image_model().objects.exists()


def test_image_of_the_wrong_format_is_refused_in_vietnamese(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "collection": 1,
            "file": SimpleUploadedFile("anh.bmp", noisy_png(), "image/bmp"),
        },
    )
    assert "Định dạng ảnh không được hỗ trợ" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_image_form_tells_the_limit(admin_client):
    content = admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert "Dung lượng tối đa: 10 MB." in content


# --- Too many pixels: refused from the headers, the count in Vietnamese -------------


def png_header_only(width, height) -> bytes:
    """A PNG that says it is width × height (1-bit grey) and holds almost no data:
    what a decompression bomb looks like to the checks, in a few bytes."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 16))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "width, height, shown",
    [
        (20_000, 20_000, "400.000.000"),  # beyond what Pillow even opens
        (8_000, 6_000, "48.000.000"),  # beyond the portal's limit only
    ],
)
def test_too_many_pixels_are_refused_with_both_counts_in_vietnamese(
    admin_client, width, height, shown
):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh toàn cảnh",
            "collection": 1,
            "file": SimpleUploadedFile("toan-canh.png", png_header_only(width, height)),
        },
    )
    assert response.status_code == 200
    page = text(response)
    assert f"Ảnh có quá nhiều điểm ảnh ({shown}). Tối đa 40.000.000 điểm ảnh" in page
    assert "40000000" not in page and "unknown" not in page
    assert not get_image_model().objects.exists()


def test_too_many_pixels_are_refused_by_multiple_upload_too(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("toan-canh.png", png_header_only(20_000, 20_000))},
    )
    data = response.json()
    assert data["success"] is False
    assert "(400.000.000). Tối đa 40.000.000 điểm ảnh" in data["error_message"]


def test_a_truncated_image_is_refused_not_a_server_error(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh hỏng",
            "collection": 1,
            "file": SimpleUploadedFile("hong.png", png_header_only(300, 200)),
        },
    )
    assert response.status_code == 200
    assert "Tệp không phải ảnh hợp lệ hoặc đã bị hỏng." in text(response)
    assert not get_image_model().objects.exists()


# --- Originals are stored re-encoded ------------------------------------------------

PAYLOAD = b"*/=alert(1)//"
COMMENT = b"polyglot-7f3a"


def gif_js_polyglot() -> bytes:
    """A valid GIF that is also JavaScript: its width (0x2A2F) is the bytes "/*", which
    open a comment running to the "*/" after the GIF's end; then "=alert(1)//". Its
    comment extension carries a marker too."""
    image = PILImage.new("P", (0x2A2F, 3), 1)
    image.putpalette([0, 0, 0, 200, 30, 30] + [0] * 762)
    buffer = io.BytesIO()
    image.save(buffer, format="GIF", comment=COMMENT)
    data = buffer.getvalue()
    assert data.startswith(b"GIF89a/*") and b"*/" not in data  # one comment, to the end
    return data + PAYLOAD


def form_errors(response):
    """The admin form's errors, for a failed assertion's message."""
    form = response.context.get("form") if response.context else None
    return form.errors if form is not None else response.content[:500]


def stored_image_bytes(image) -> bytes:
    with image.open_file() as file:
        return file.read()


@pytest.mark.parametrize("route", ["add", "add_multiple", "add_multiple_completed_later"])
def test_a_gif_javascript_polyglot_is_stored_without_its_payload(admin_client, route):
    polyglot = gif_js_polyglot()
    upload = SimpleUploadedFile("bieu-do.gif", polyglot, "image/gif")
    if route == "add":
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {"title": "Biểu đồ", "collection": 1, "file": upload},
        )
        assert response.status_code == 302, form_errors(response)
    elif route == "add_multiple":
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"), {"files[]": upload, "collection": 1}
        )
        assert response.json()["success"] is True, response.json()
    else:
        # Another field refused (no collection): Wagtail keeps the upload for the
        # editor to complete, then makes the image from it.
        response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
        assert "uploaded_file_id" in response.json(), response.json()
        upload_id = response.json()["uploaded_file_id"]
        from wagtail.models import UploadedFile

        with UploadedFile.objects.get(id=upload_id).file.open() as kept:
            assert PAYLOAD not in kept.read()
        prefix = f"uploaded-image-{upload_id}"
        response = admin_client.post(
            reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
            {f"{prefix}-title": "Biểu đồ", f"{prefix}-collection": 1, f"{prefix}-tags": ""},
        )
        assert response.json()["success"] is True, response.json()
    image = get_image_model().objects.get()
    stored = stored_image_bytes(image)
    assert PAYLOAD not in stored and b"alert(" not in stored
    assert COMMENT not in stored
    assert stored.endswith(b";")  # the GIF trailer, nothing after it
    assert image.file_size == len(stored) < len(polyglot)
    with PILImage.open(io.BytesIO(stored)) as picture:
        assert picture.format == "GIF" and picture.size == (0x2A2F, 3) == (
            image.width,
            image.height,
        )
        assert "comment" not in picture.info
        assert picture.convert("RGB").getpixel((5, 1)) == (200, 30, 30)


def encoded(image, format_name, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=format_name, **options)
    return buffer.getvalue()


def test_an_animated_gif_keeps_its_frames_their_timing_and_its_loop():
    colours = [(200, 30, 30), (30, 160, 60), (20, 60, 200)]
    frames = [PILImage.new("RGB", (24, 16), colour) for colour in colours]
    data = encoded(
        frames[0],
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 200, 300],
        loop=0,
        comment=COMMENT,
    )
    stored = reencode_image(data + PAYLOAD)
    assert PAYLOAD not in stored and COMMENT not in stored
    with PILImage.open(io.BytesIO(stored)) as picture:
        assert picture.n_frames == 3 and picture.info["loop"] == 0
        for number, colour in enumerate(colours):
            picture.seek(number)
            assert picture.convert("RGB").getpixel((12, 8)) == colour
            assert picture.info["duration"] == (number + 1) * 100


def test_a_transparent_animated_gif_stays_transparent_where_it_was():
    first = PILImage.new("RGBA", (20, 20), (0, 0, 0, 0))
    first.paste((200, 30, 30, 255), (0, 0, 10, 20))
    second = PILImage.new("RGBA", (20, 20), (0, 0, 0, 0))
    second.paste((20, 60, 200, 255), (10, 0, 20, 20))
    data = encoded(first, "GIF", save_all=True, append_images=[second], duration=100, disposal=2)
    with PILImage.open(io.BytesIO(reencode_image(data))) as picture:
        picture.seek(1)
        frame = picture.convert("RGBA")
        assert frame.getpixel((15, 5)) == (20, 60, 200, 255)
        assert frame.getpixel((5, 5))[3] == 0  # the first frame's half is gone


def test_a_jpeg_is_turned_upright_keeps_its_colour_profile_and_loses_the_rest():
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture = PILImage.new("RGB", (40, 20), (200, 30, 30))
    picture.paste((20, 60, 200), (0, 0, 10, 20))  # a blue band on the left
    exif = PILImage.Exif()
    exif[0x0112] = 6  # shown turned 90° clockwise
    exif[0x010F] = "Máy ảnh của phóng viên"
    exif.get_ifd(0x8825)[2] = (21.0, 1.0, 0.0)  # GPS latitude
    data = encoded(picture, "JPEG", quality=90, exif=exif, icc_profile=icc, comment=COMMENT)
    stored = reencode_image(data)
    assert COMMENT not in stored
    with PILImage.open(io.BytesIO(stored)) as result:
        assert result.format == "JPEG"
        assert result.size == (20, 40)  # upright, as a viewer showed it
        assert result.info.get("icc_profile") == icc
        assert not result.getexif()  # no orientation left to apply twice, no GPS
        red, _, blue = result.getpixel((10, 2))  # the band is now on top
        assert blue > 150 and red < 80


def test_a_jpeg_keeps_its_quantisation_so_a_second_encoding_costs_nothing_visible():
    from PIL import ImageDraw

    picture = PILImage.linear_gradient("L").resize((128, 96)).convert("RGB")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((20, 20, 90, 80), fill=(200, 30, 30))
    draw.rectangle((70, 10, 120, 40), fill=(20, 60, 200))
    data = encoded(picture, "JPEG", quality=70)
    stored = reencode_image(data)
    with PILImage.open(io.BytesIO(stored)) as result, PILImage.open(io.BytesIO(data)) as before:
        assert result.quantization == before.quantization
        assert JpegImagePlugin.get_sampling(result) == JpegImagePlugin.get_sampling(before)
        difference = ImageStat.Stat(ImageChops.difference(result, before)).mean
        assert max(difference) < 1  # on average, out of 255
    assert abs(len(stored) - len(data)) < len(data) / 10  # not a bigger file either


def test_a_png_keeps_transparency_and_its_profile_and_loses_its_text():
    from PIL import ImageCms, PngImagePlugin

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture = PILImage.new("RGBA", (16, 16), (0, 0, 0, 0))
    picture.paste((200, 30, 30, 255), (0, 0, 8, 16))
    text_chunks = PngImagePlugin.PngInfo()
    text_chunks.add_text("Comment", PAYLOAD.decode())
    text_chunks.add_itxt("Description", "Ảnh hội nghị", zip=True)
    data = encoded(picture, "PNG", pnginfo=text_chunks, icc_profile=icc)
    stored = reencode_image(data + PAYLOAD)
    assert PAYLOAD not in stored and stored.endswith(b"IEND\xaeB`\x82")
    with PILImage.open(io.BytesIO(stored)) as result:
        assert "Comment" not in result.info and "Description" not in result.info
        assert result.info.get("icc_profile") == icc
        assert result.convert("RGBA").tobytes() == picture.tobytes()  # losslessly the same


def test_a_palette_png_keeps_its_transparent_colour():
    picture = PILImage.new("P", (8, 8), 0)
    picture.putpalette([255, 255, 255, 200, 30, 30] + [0] * 762)
    picture.paste(1, (0, 0, 4, 8))
    stored = reencode_image(encoded(picture, "PNG", transparency=0))
    with PILImage.open(io.BytesIO(stored)) as result:
        rgba = result.convert("RGBA")
        assert rgba.getpixel((6, 2))[3] == 0 and rgba.getpixel((1, 2)) == (200, 30, 30, 255)


@pytest.mark.parametrize("lossless", [True, False])
def test_a_webp_stays_lossless_or_lossy(lossless):
    from portal.core.uploads import _webp_is_lossless

    picture = PILImage.new("RGB", (32, 32), (200, 30, 30))
    data = encoded(picture, "WEBP", lossless=lossless, quality=80)
    assert _webp_is_lossless(data) is lossless
    stored = reencode_image(data)
    assert _webp_is_lossless(stored) is lossless
    with PILImage.open(io.BytesIO(stored)) as result:
        assert result.format == "WEBP" and result.size == (32, 32)


def test_a_phone_photo_read_as_mpo_is_stored_as_its_main_jpeg():
    main = PILImage.new("RGB", (30, 20), (200, 30, 30))
    depth = PILImage.new("RGB", (15, 10), (0, 0, 0))
    data = encoded(main, "MPO", save_all=True, append_images=[depth])
    with PILImage.open(io.BytesIO(data)) as original:
        assert original.format == "MPO" and original.n_frames == 2
    with PILImage.open(io.BytesIO(reencode_image(data))) as result:
        assert result.format == "JPEG" and result.size == (30, 20)
        assert getattr(result, "n_frames", 1) == 1


def test_an_uploaded_image_is_stored_re_encoded_and_still_shows(admin_client, client):
    data = noisy_png()
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh kỳ họp", "collection": 1, "file": SimpleUploadedFile("ky-hop.png", data)},
    )
    assert response.status_code == 302, form_errors(response)
    image = get_image_model().objects.get()
    stored = stored_image_bytes(image)
    with PILImage.open(io.BytesIO(stored)) as result, PILImage.open(io.BytesIO(data)) as before:
        assert result.tobytes() == before.tobytes()
    assert image.file_hash and image.file_size == len(stored)
    rendition = image.get_rendition("width-32")
    assert rendition.width == 32
