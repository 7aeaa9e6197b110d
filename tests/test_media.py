"""Images as hostile input: a pixel limit from config, JPEG decoded at a reduced scale, hashes from a thumbnail,
and XMP packets defusedxml refuses kept as warnings. Memory is measured in a child process (tests/memory.py)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest

from resolver.fetch.media import analyse
from tests import xfixtures as fx
from tests.memory import run_measured

RSS_LIMIT_KB = 200 * 1024
CHILD = """
import sys
from resolver.fetch.media import analyse

facts = analyse(open(sys.argv[1], "rb").read())
result = {"width": facts.width, "height": facts.height, "phash": facts.phash, "error": facts.error}
"""


def plain_png(width: int, height: int) -> bytes:
    """An RGB PNG of width x height pixels, written row by row so the test never holds the pixels."""
    row = b"\0" + bytes(range(256)) * (width * 3 // 256) + b"\0" * (width * 3 % 256)
    compressor, idat = zlib.compressobj(1), []
    for _ in range(height):
        idat.append(compressor.compress(row))
    idat.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + fx.png_chunk(b"IHDR", header) + fx.png_chunk(b"IDAT", b"".join(idat))
            + fx.png_chunk(b"IEND", b""))


def big_jpeg(width: int, height: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (20, 90, 160))
    ImageDraw.Draw(image).ellipse((width // 4, height // 4, width * 3 // 4, height * 3 // 4), fill=(240, 200, 10))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def analyse_in_child(tmp_path, data: bytes) -> tuple[dict, int]:
    path = tmp_path / "image"
    path.write_bytes(data)
    return run_measured(CHILD, str(path))


def test_an_81_megapixel_png_is_a_recorded_error_in_bounded_memory(tmp_path):
    """Under Pillow's own limit (89 Mpx), over ours (40 Mpx): it cost 777 MB before."""
    facts, peak_kb = analyse_in_child(tmp_path, plain_png(9000, 9000))
    assert facts["error"] == "image too large: over the limit of 40,000,000 pixels (max_image_pixels)"
    assert peak_kb < RSS_LIMIT_KB, f"peak RSS {peak_kb // 1024} MB"


@pytest.mark.parametrize("kind", ["jpeg", "png"])
def test_a_large_image_under_the_limit_is_analysed_in_bounded_memory(tmp_path, kind):
    data = big_jpeg(6000, 6000) if kind == "jpeg" else plain_png(5000, 5000)
    facts, peak_kb = analyse_in_child(tmp_path, data)
    assert facts["error"] is None and facts["phash"]
    assert (facts["width"], facts["height"]) == ((6000, 6000) if kind == "jpeg" else (5000, 5000))
    assert peak_kb < RSS_LIMIT_KB, f"peak RSS {peak_kb // 1024} MB"


@pytest.mark.parametrize("side", [1, 9, 3000])
def test_the_bomb_fixture_is_a_png_of_its_side_all_one_colour(side, monkeypatch):
    """tests/xfixtures.bomb_png repeats one deflated block instead of compressing the pixels: it is a whole PNG
    (3000: over a block of pixel data; its checksum is checked when the data is read) of side x side zeros."""
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    with Image.open(io.BytesIO(fx.bomb_png(side))) as image:
        image.load()
        assert (image.size, image.mode) == ((side, side), "1")
        assert image.tobytes() == Image.new("1", (side, side)).tobytes()
    with Image.open(io.BytesIO(fx.bomb_png(60_000))) as image:
        assert image.size == (60_000, 60_000)


def test_the_pixel_limit_comes_from_the_caller():
    data = fx.jpeg(size=(300, 200))
    assert analyse(data, max_pixels=60_000).error is None
    assert analyse(data, max_pixels=59_999).error == \
        "image too large: over the limit of 59,999 pixels (max_image_pixels)"


def test_the_hash_of_a_reduced_jpeg_matches_the_full_image():
    """draft() and the thumbnail change how the pixels are read, not what the hash says about them."""
    import imagehash
    from PIL import Image

    data = big_jpeg(2400, 1600)
    full = imagehash.phash(Image.open(io.BytesIO(data)).convert("RGB"))
    assert full - imagehash.hex_to_hash(analyse(data).phash) <= 4


XMP_BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>&lol3;</dc:creator>'
            b'</rdf:Description></rdf:RDF></x:xmpmeta>')


def test_an_xmp_packet_defusedxml_refuses_is_a_warning_not_silence():
    facts = analyse(fx.jpeg(xmp=XMP_BOMB, exif={0x013B: "Dee Fiction"}))
    assert facts.error is None and facts.credit == {"artist": "Dee Fiction"}
    assert facts.warnings == ["XMP packet refused by defusedxml: EntitiesForbidden"]


def test_a_malformed_xmp_packet_is_a_warning():
    facts = analyse(fx.jpeg(xmp=b"<x:xmpmeta><unclosed>"))
    assert facts.error is None and len(facts.warnings) == 1
    assert facts.warnings[0].startswith("XMP packet unreadable: ")


def test_clean_images_have_no_warnings():
    assert analyse(fx.jpeg(xmp=fx.XMP_CREDITS)).warnings == []


def test_warnings_are_kept_on_the_media_row(store):
    facts = analyse(fx.jpeg(xmp=XMP_BOMB))
    store.record_media({"url": "https://pbs.twimg.com/media/x.jpg", **facts.to_json()})
    row = store.media_by_url("https://pbs.twimg.com/media/x.jpg")
    assert row["warnings"] == ["XMP packet refused by defusedxml: EntitiesForbidden"]
    assert row["error"] is None


def test_the_warnings_column_comes_from_its_own_migration(store):
    from cache.migrations import migrations

    assert "m005_media_warnings" in [m.name for m in migrations._migrations]
    assert "warnings" in store.db["media"].columns_dict


def remote_manifest_xmp(url: str) -> bytes:
    """An XMP packet naming where the image's C2PA manifest is kept (dcterms:provenance), as a signer writes it for a
    manifest not embedded in the file."""
    return (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            b'<rdf:Description rdf:about="" xmlns:dcterms="http://purl.org/dc/terms/" dcterms:provenance="'
            + url.encode() + b'"/></rdf:RDF></x:xmpmeta>')


def test_sec28_a_c2pa_manifest_an_image_names_elsewhere_is_never_fetched(httpserver):
    """The c2pa library fetched the manifest an image names (any URL the image's author wrote) with an HTTP client
    of its own: past the SSRF guard, offline and replay runs and the fetch log (#12). It is not fetched: whether the
    image carries a manifest is not known (null), and a warning says where it was said to be."""
    httpserver.expect_request("/manifest.c2pa").respond_with_data(b"not a manifest", status=404)
    url = f"http://127.0.0.1:{httpserver.port}/manifest.c2pa"   # an address: no name is looked up
    facts = analyse(fx.jpeg(xmp=remote_manifest_xmp(url)))
    assert httpserver.log == []
    assert facts.error is None and facts.c2pa is None
    assert facts.warnings == [f"C2PA manifest kept elsewhere, at {url}: not fetched (a file's links are never "
                              "followed), so whether one is present is not known"]


def test_sec28_an_image_without_a_manifest_has_none_and_no_warning():
    facts = analyse(fx.jpeg(xmp=fx.XMP_CREDITS))
    assert facts.c2pa is False and facts.warnings == []


@pytest.mark.parametrize("charset,name,encoding", [
    (b"\x1b-L", "Иван Петров", "iso8859_5"),          # ISO 8859-5, Cyrillic
    (b"\x1b-F", "Γιώργος Παππάς", "iso8859_7"),        # ISO 8859-7, Greek
    (b"\x1b-B", "Łukasz Żółć", "iso8859_2"),           # ISO 8859-2, Latin-2
    (b"\x1b.B", "Tomáš Dvořák", "iso8859_2"),          # the same set designated as G2
    (b"\x1b-H", "דנה כהן", "iso8859_8"),               # ISO 8859-8, Hebrew
    (b"\x1b-G", "سامي ناصر", "iso8859_6"),             # ISO 8859-6, Arabic
    (b"\x1b-M", "Ayşe Gül", "iso8859_9"),              # ISO 8859-9, Turkish
    (b"\x1b-A", "Zoë Müller", "latin-1"),              # Latin-1 as G1
], ids=["cyrillic", "greek", "latin2", "latin2-g2", "hebrew", "arabic", "turkish", "latin1-g1"])
def test_credits36_iptc_is_read_in_the_character_set_its_1_90_names(charset, name, encoding):
    """IPTC record 1:90 names the fields' character set by an ISO 2022 escape; every one that was not UTF-8 was read
    as cp1252, so an ISO 8859-5 by-line "Иван Петров" was shown as the file's credit in mojibake ("Èâàí ..."), a
    wrong name (review35r7). Each 8859 part is read as the escape says."""
    facts = analyse(fx.jpeg(iptc={(1, 90): charset, (2, 80): name.encode(encoding), (2, 110): b"Riverton Wire"}))
    assert facts.credit == {"byline": name, "credit_line": "Riverton Wire"}
    assert facts.warnings == []


@pytest.mark.parametrize("charset", [b"\x1b$B", b"\x1b$)C", b"\x1b-Q"], ids=["jis-x0208", "ksc5601", "unregistered"])
def test_credits36_iptc_in_a_character_set_not_read_is_said_never_guessed(charset):
    """A set the tool does not decode (a multibyte one, an escape it does not know): the field is not given as a
    credit (a guess would be a wrong name) and a warning says which field and which 1:90 value. A field of ASCII
    bytes only reads the same in any of these sets and is kept."""
    facts = analyse(fx.jpeg(iptc={(1, 90): charset, (2, 80): bytes([0xB0, 0xA1, 0xB0, 0xA2, 0xC5, 0xE0]),
                                  (2, 110): b"Riverton Wire"}))
    assert facts.credit == {"credit_line": "Riverton Wire"}
    shown = charset.replace(b"\x1b", b"ESC ").decode("ascii")
    assert facts.warnings == [f"IPTC by-line (2:80) not read: its character set (1:90 = {shown}) is not one this "
                              "tool decodes"]


# review36c: ISO 2022's 7-bit forms write a multibyte set in bytes below 0x80: a by-line in ISO-2022-JP is
# "ESC $ B ;3EDB@O: ESC ( B", in ISO-2022-KR "ESC $ ) C SO 1h9N<v SI". They passed as "ASCII, the same in any set" and
# the file's by-line was ";3EDB@O:" with escape bytes in it (a wrong name). Such fields were left out, saying why;
# credits38 reads them by their own escapes, as credits37 did with no 1:90 (tests/test_credits38.py): never as ASCII.
@pytest.mark.parametrize("charset,byline,name", [
    (b"\x1b$B", "山田太郎".encode("iso2022_jp"), "山田太郎"),
    (b"\x1b$)C", "김민수".encode("iso2022_kr"), "김민수"),
], ids=["iso-2022-jp", "iso-2022-kr"])
def test_review36c_iptc_in_a_7_bit_multibyte_set_is_not_read_as_ascii(charset, byline, name):
    facts = analyse(fx.jpeg(iptc={(1, 90): charset, (2, 80): byline, (2, 110): b"Riverton Wire"}))
    assert facts.credit == {"byline": name, "credit_line": "Riverton Wire"}
    assert facts.warnings == []


def test_review36c_iptc_utf_8_level_2_is_utf_8():
    """ESC % / G, / H and / I are UTF-8 at its three levels (ISO-IR 190-192); level 2 alone was not read."""
    facts = analyse(fx.jpeg(iptc={(1, 90): b"\x1b%/H", (2, 80): "Zoë Müller".encode()}))
    assert facts.credit == {"byline": "Zoë Müller"} and facts.warnings == []


def test_review36c_iptc_said_utf_8_but_not_utf_8_is_no_name_with_a_replaced_letter():
    """A Latin-1 by-line under 1:90 = ESC % G was "Jos\ufffd Garc\ufffda": a letter replaced looks like another name.
    It is left out, saying its bytes are not UTF-8."""
    facts = analyse(fx.jpeg(iptc={(1, 90): b"\x1b%G", (2, 80): "José García".encode("latin-1"),
                                  (2, 110): b"Riverton Wire"}))
    assert facts.credit == {"credit_line": "Riverton Wire"}
    assert facts.warnings == ["IPTC by-line (2:80) not read: its bytes are not valid in its character set "
                              "(1:90 = ESC %G)"]


# credits37: a field in ISO 2022's 7-bit form with no 1:90 (review36c left it): `_decode_text` took its bytes as
# UTF-8, and the by-line was ";3EDB@O:" with ESC bytes in it. A field that switches sets by ISO-2022-JP's or -KR's
# own escapes is read by them; any other escape leaves the field out, saying why.
@pytest.mark.parametrize("byline,name", [
    ("山田太郎".encode("iso2022_jp"), "山田太郎"),
    (b"Taro " + "山田".encode("iso2022_jp"), "Taro 山田"),
    ("김민수".encode("iso2022_kr"), "김민수"),
], ids=["iso-2022-jp", "iso-2022-jp-mixed", "iso-2022-kr"])
def test_credits37_iptc_with_no_1_90_in_iso_2022_is_read_by_its_escapes(byline, name):
    assert b"\x1b" in byline
    facts = analyse(fx.jpeg(iptc={(2, 80): byline, (2, 110): b"Riverton Wire"}))
    assert facts.credit == {"byline": name, "credit_line": "Riverton Wire"}
    assert facts.warnings == []


@pytest.mark.parametrize("byline", [
    b"Jane \x1b[31mDoe\x1b[0m",                              # a terminal's colour codes
    b"\x1b$A" + "王".encode("gb2312"),                       # GB 2312 designated: not ISO-2022-JP's
    "山田".encode("iso2022_jp")[:-3] + b"\x1b(B\x1b",        # an escape cut short
], ids=["ansi", "other-set", "cut"])
def test_credits37_iptc_with_no_1_90_and_other_escapes_is_not_read(byline):
    facts = analyse(fx.jpeg(iptc={(2, 80): byline, (2, 110): b"Riverton Wire"}))
    assert facts.credit == {"credit_line": "Riverton Wire"}
    assert facts.warnings == ["IPTC by-line (2:80) not read: it switches character sets by ISO 2022 escapes this "
                              "tool does not decode, and no 1:90 names its set"]


# review38b: a field that switches sets by ISO 2022 escapes while 1:90 names another set (UTF-8, an ISO 8859 part):
# its bytes were decoded in the named set with the escapes left in, the by-line "Jane ESC$BF|K\ESC(B Doe" (JIS bytes
# read as ASCII letters: a name with letters no one wrote). Such a field is left out, saying why.
@pytest.mark.parametrize("charset", [b"\x1b%G", b"\x1b-L"], ids=["utf-8", "iso-8859-5"])
def test_review38b_iptc_escapes_in_a_field_of_another_named_set_are_not_read(charset):
    byline = b"Jane " + "山田".encode("iso2022_jp") + b" Doe"
    facts = analyse(fx.jpeg(iptc={(1, 90): charset, (2, 80): byline, (2, 110): b"Riverton Wire"}))
    assert facts.credit == {"credit_line": "Riverton Wire"}
    shown = charset.replace(b"\x1b", b"ESC ").decode()
    assert facts.warnings == [f"IPTC by-line (2:80) not read: it switches character sets by ISO 2022 escapes this "
                              f"tool does not decode, or not of the set its 1:90 names (1:90 = {shown})"]
