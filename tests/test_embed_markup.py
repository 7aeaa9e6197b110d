"""Embed markup in the forms each platform documents (embed iframes, blockquote attributes, share-sheet links),
found by the HTML detector through the platform parsers (#15)."""

from resolver.extract import html


def test_documented_embed_markup(fixture_text):
    embeds, _ = html.scan(fixture_text("documented_embed_markup.html"))
    assert [(e.platform, e.kind, e.post_id, e.url) for e in embeds] == [
        ("tiktok", "post", "7300000000000000004", "https://www.tiktok.com/@/video/7300000000000000004"),
        ("bluesky", "post", "did:plc:abcdefghijklmnop/3kabcdefg3y", "https://bsky.app/profile/did:plc:abcdefghijklmnop/post/3kabcdefg3y"),
        ("reddit", "post", "1abcdf", "https://www.reddit.com/r/Riverton/comments/1abcdf/"),
        ("reddit", "post", "1abcdg", "https://www.reddit.com/r/Riverton/comments/1abcdg/"),
        ("instagram", "post", "CyAbC123dEf", "https://www.instagram.com/p/CyAbC123dEf/"),
        ("telegram", "post", "rivertonchannel/417", "https://t.me/rivertonchannel/417"),
        ("facebook", "post", "10150000000000002", "https://www.facebook.com/RivertonCouncil/posts/10150000000000002/"),
        ("facebook", "post", "pfbid02AbCdEfGhIjKlMnOpQrStUv",
         "https://www.facebook.com/RivertonCouncil/posts/pfbid02AbCdEfGhIjKlMnOpQrStUv/"),
        ("twitter", "post", "1500000000000000024", "https://twitter.com/i/status/1500000000000000024"),
        ("threads", "post", "C2aBcDeFgHi", "https://www.threads.net/@riverwatch/post/C2aBcDeFgHi"),
        ("vimeo", "video", "796000002", "https://vimeo.com/796000002/0a1b2c3d4e"),
        ("youtube", "video", "ZyXwVuTsRq1", "https://www.youtube.com/watch?v=ZyXwVuTsRq1"),
        ("tiktok", "short-link", None, "https://vm.tiktok.com/ZMabc124/"),
        ("facebook", "short-link", None, "https://fb.watch/abC1dEf2Gi/"),
    ]
    assert {e.detector for e in embeds[:-2]} <= {"html-iframe", "html-blockquote"}


def test_amp_and_lite_custom_elements_name_their_posts_through_the_parsers():
    """AMP pages and lite embeds carry only an id in an attribute; the URL is the platform parser's canonical one."""
    page = ('<amp-youtube data-videoid="AbCdEfGhIjK" layout="responsive" width="480" height="270"></amp-youtube>'
            '<lite-youtube videoid="ZyXwVuTsRq1"></lite-youtube>'
            '<amp-instagram data-shortcode="CxAbC123dEf" data-captioned width="400" height="400"></amp-instagram>'
            '<amp-vimeo data-videoid="796000001" width="500" height="281"></amp-vimeo>'
            '<amp-facebook data-href="https://www.facebook.com/RivertonCouncil/posts/10150000000000001/"'
            ' width="552" height="310"></amp-facebook>'
            '<amp-youtube data-videoid="not an id"></amp-youtube>')
    embeds, _ = html.scan(page)
    assert [(e.platform, e.kind, e.post_id, e.url) for e in embeds] == [
        ("youtube", "video", "AbCdEfGhIjK", "https://www.youtube.com/watch?v=AbCdEfGhIjK"),
        ("youtube", "video", "ZyXwVuTsRq1", "https://www.youtube.com/watch?v=ZyXwVuTsRq1"),
        ("instagram", "post", "CxAbC123dEf", "https://www.instagram.com/p/CxAbC123dEf/"),
        ("vimeo", "video", "796000001", "https://vimeo.com/796000001"),
        ("facebook", "post", "10150000000000001", "https://www.facebook.com/RivertonCouncil/posts/10150000000000001/"),
    ]
