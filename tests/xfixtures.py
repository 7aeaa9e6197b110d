"""Fictional X/Twitter answers, field for field in the shapes of shared/reference/twitter (no real accounts)."""

from __future__ import annotations

import io
import json
import struct
import zlib

POST_ID = "1600000000000000001"
GONE_ID = "1600000000000000002"
PHOTO_URL = "https://pbs.twimg.com/media/FjRivertonBridge.jpg"
POSTER_URL = "https://pbs.twimg.com/ext_tw_video_thumb/1600000000000000009/pu/img/RiverPoster.jpg"

SYNDICATION_TWEET = {
    "__typename": "Tweet", "lang": "en", "favorite_count": 3, "possibly_sensitive": False,
    "created_at": "2022-12-06T05:31:41.000Z", "display_text_range": [0, 58],
    "entities": {"hashtags": [], "urls": [], "user_mentions": [], "symbols": [],
                 "media": [{"display_url": "pic.twitter.com/Zz98Yy76Xx", "expanded_url":
                            f"https://twitter.com/RivertonRoads/status/{POST_ID}/photo/1",
                            "indices": [59, 82], "url": "https://t.co/Zz98Yy76Xx"}]},
    "id_str": POST_ID,
    "text": "Bridge reopened this morning after repairs. https://t.co/Zz98Yy76Xx",
    "user": {"id_str": "4400000001", "name": "Riverton Roads", "profile_image_url_https":
             "https://pbs.twimg.com/profile_images/1/rr_normal.jpg", "screen_name": "RivertonRoads",
             "verified": False, "is_blue_verified": False, "profile_image_shape": "Circle"},
    "edit_control": {"edit_tweet_ids": [POST_ID], "editable_until_msecs": "1670306501000", "is_edit_eligible": False,
                     "edits_remaining": "5"},
    "mediaDetails": [
        {"display_url": "pic.twitter.com/Zz98Yy76Xx", "expanded_url": f"https://twitter.com/RivertonRoads/status/{POST_ID}/photo/1",
         "ext_media_availability": {"status": "Available"}, "indices": [59, 82], "media_url_https": PHOTO_URL,
         "original_info": {"height": 48, "width": 64, "focus_rects": []}, "sizes": {}, "type": "photo",
         "url": "https://t.co/Zz98Yy76Xx", "ext_alt_text": "The reopened bridge"},
        {"display_url": "pic.twitter.com/Vv11Vv11Vv", "expanded_url": f"https://twitter.com/RivertonRoads/status/{POST_ID}/video/1",
         "ext_media_availability": {"status": "Available"}, "indices": [59, 82], "media_url_https": POSTER_URL,
         "original_info": {"height": 720, "width": 1280}, "sizes": {}, "type": "video", "url": "https://t.co/Vv11Vv11Vv",
         "video_info": {"aspect_ratio": [16, 9], "variants": [
             {"bitrate": 256000, "content_type": "video/mp4", "url": "https://video.twimg.com/ext_tw_video/9/pu/vid/480x270/low.mp4"},
             {"content_type": "application/x-mpegURL", "url": "https://video.twimg.com/ext_tw_video/9/pu/pl/list.m3u8"},
             {"bitrate": 2176000, "content_type": "video/mp4", "url": "https://video.twimg.com/ext_tw_video/9/pu/vid/1280x720/high.mp4"}]}},
    ],
    "conversation_count": 1, "news_action_type": "conversation", "isEdited": False, "isStaleEdit": False,
}
TOMBSTONE_DELETED = {"__typename": "TweetTombstone",
                     "tombstone": {"text": {"text": "This Post was deleted by the Post author. Learn more"}}}
TOMBSTONE_EMPTY = {"__typename": "TweetTombstone", "tombstone": {}}

OEMBED_TWEET = {
    "url": f"https://twitter.com/RivertonRoads/status/{POST_ID}", "author_name": "Riverton Roads",
    "author_url": "https://twitter.com/RivertonRoads",
    "html": ('<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">Bridge reopened this morning '
             'after repairs. <a href="https://t.co/Zz98Yy76Xx">pic.twitter.com/Zz98Yy76Xx</a></p>&mdash; Riverton Roads '
             f'(@RivertonRoads) <a href="https://twitter.com/RivertonRoads/status/{POST_ID}?ref_src=twsrc%5Etfw">'
             'December 6, 2022</a></blockquote>\n'),
    "width": 550, "height": None, "type": "rich", "cache_age": "3153600000", "provider_name": "Twitter",
    "provider_url": "https://twitter.com", "version": "1.0",
}

X_API_LOOKUP = {
    "data": [{
        "text": "Bridge reopened this morning after repairs. https://t.co/Zz98Yy76Xx", "id": POST_ID,
        "attachments": {"media_keys": ["3_1600000000000000005"]},
        "edit_controls": {"edits_remaining": 5, "is_edit_eligible": False, "editable_until": "2022-12-06T06:01:41.000Z"},
        "author_id": "4400000001", "possibly_sensitive": False, "lang": "en", "conversation_id": POST_ID,
        "created_at": "2022-12-06T05:31:41.000Z",
        "entities": {"urls": [{"start": 45, "end": 68, "url": "https://t.co/Zz98Yy76Xx",
                               "expanded_url": f"https://twitter.com/RivertonRoads/status/{POST_ID}/photo/1",
                               "display_url": "pic.twitter.com/Zz98Yy76Xx", "media_key": "3_1600000000000000005"}]},
        "edit_history_tweet_ids": [POST_ID],
    }],
    "includes": {
        "media": [{"media_key": "3_1600000000000000005", "type": "photo", "url": PHOTO_URL, "width": 64, "height": 48,
                   "alt_text": "The reopened bridge"}],
        "users": [{"created_at": "2015-02-17T23:34:50.000Z", "name": "Riverton Roads", "id": "4400000001",
                   "protected": False, "verified": False, "username": "RivertonRoads"}],
    },
    "errors": [
        {"value": GONE_ID, "detail": f"Could not find tweet with ids: [{GONE_ID}].", "title": "Not Found Error",
         "resource_type": "tweet", "parameter": "ids", "resource_id": GONE_ID,
         "type": "https://api.twitter.com/2/problems/resource-not-found"},
        {"resource_id": "1600000000000000003", "parameter": "ids", "resource_type": "tweet", "section": "data",
         "title": "Authorization Error", "value": "1600000000000000003",
         "detail": "Sorry, you are not authorized to see the Tweet with ids: [1600000000000000003].",
         "type": "https://api.twitter.com/2/problems/not-authorized-for-resource"},
        {"detail": "User has been suspended: [1600000000000000004].", "parameter": "ids",
         "resource_id": "1600000000000000004", "resource_type": "user", "title": "Forbidden",
         "type": "https://api.twitter.com/2/problems/resource-not-found", "value": "1600000000000000004"},
    ],
}
X_API_429 = {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}
X_RATE_HEADERS = {"x-rate-limit-limit": "300", "x-rate-limit-remaining": "0", "api-version": "2.52"}

YOUTUBE_OEMBED = {
    "title": "Riverton bridge timelapse", "author_name": "Riverton Roads Video",
    "author_url": "https://www.youtube.com/@rivertonroads", "type": "video", "height": 113, "width": 200,
    "version": "1.0", "provider_name": "YouTube", "provider_url": "https://www.youtube.com/",
    "thumbnail_height": 360, "thumbnail_width": 480, "thumbnail_url": "https://i.ytimg.com/vi/AbCdEfGhIjK/hqdefault.jpg",
    "html": "<iframe width=\"200\" height=\"113\" src=\"https://www.youtube.com/embed/AbCdEfGhIjK?feature=oembed\"></iframe>",
}


def as_json(data) -> bytes:
    return json.dumps(data).encode()


def jpeg(*, exif: dict | None = None, xmp: bytes | None = None, iptc: dict | None = None, size=(64, 48)) -> bytes:
    """A small JPEG made here, carrying whichever credit metadata the test wants."""
    from PIL import Image

    image = Image.new("RGB", size, (180, 40, 40))
    exif_block = Image.Exif()
    for tag, value in (exif or {}).items():
        exif_block[tag] = value
    buffer = io.BytesIO()
    kwargs = {"exif": exif_block}
    if xmp:
        kwargs["xmp"] = xmp
    image.save(buffer, "JPEG", **kwargs)
    data = buffer.getvalue()
    if iptc:
        data = data[:2] + iptc_app13(iptc) + data[2:]
    return data


def iptc_app13(fields: dict) -> bytes:
    """An APP13 'Photoshop 3.0' segment with one 8BIM 0x0404 resource of IPTC IIM datasets."""
    iim = b"".join(b"\x1c" + bytes([rec, ds]) + len(v).to_bytes(2, "big") + v for (rec, ds), v in fields.items())
    resource = (b"8BIM" + (0x0404).to_bytes(2, "big") + b"\x00\x00" + len(iim).to_bytes(4, "big") + iim
                + (b"\x00" if len(iim) % 2 else b""))
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload


def image(fmt: str, size=(40, 30)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB" if fmt != "GIF" else "P", size, 90).save(buffer, fmt)
    return buffer.getvalue()


XMP_CREDITS = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
               b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
               b' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">'
               b'<dc:creator><rdf:Seq><rdf:li>Cal Sample</rdf:li></rdf:Seq></dc:creator>'
               b'<photoshop:Credit>Riverton Wire</photoshop:Credit>'
               b'<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">(c) Riverton Wire</rdf:li></rdf:Alt></dc:rights>'
               b'</rdf:Description></rdf:RDF></x:xmpmeta>')


def bomb_png(side: int = 20000) -> bytes:
    """A PNG that claims side x side pixels but is a few hundred KB at most: 1-bit, all one colour. Its pixel data
    is all zero bytes (each row's filter byte too), deflated as one compressed block of zeros said over and over: a
    full flush ends each block on a byte with a fresh dictionary, so every block is the same bytes. Nothing holds or
    compresses the pixels (Pillow's own encoder took 450 MB and seconds of the suite for 60,000 x 60,000)."""
    size, block = side * (1 + (side + 7) // 8), 1 << 20
    compressor = zlib.compressobj(9)
    first = compressor.compress(bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert first[2:] == again, "zlib no longer deflates a block after a full flush as it did the first one"
    blocks, rest = divmod(size, block)
    tail = compressor.compress(bytes(rest)) + compressor.flush(zlib.Z_FULL_FLUSH)
    adler32 = (size % 65521) << 16 | 1   # of `size` zero bytes: the sum stays 1, the sum of sums counts them
    last = b"\x03\x00"   # the final block: fixed codes, empty
    data = first[:2] + again * blocks + tail + last + struct.pack(">I", adler32)
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)   # 1 bit per pixel, greyscale
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
