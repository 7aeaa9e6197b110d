"""The t.co links of an article's text that no embed carries (newuser35c #3): pure, tested with strings."""

from resolver.model import Embed
from resolver.prose_links import links_not_followed


def test_only_anchors_count_in_html_each_link_once_in_any_case_and_not_those_an_embed_carries():
    page = ('<p><a href="https://t.co/Ab12">a</a> <a href=http://t.co/Cd34>b</a> <a href="//T.CO/Ab12">again</a>'
            '<a href="https://t.co/InTweet">c</a></p><script>var u = "https://t.co/Script1";</script>'
            '<meta content="https://t.co/Meta1"><p>written out: t.co/Plain1</p>')
    tweet = Embed(platform="twitter", kind="post", url="https://twitter.com/u/status/1", detector="html-blockquote",
                  span=(0, 1), post_id="1", links=("http://t.co/InTweet",))
    found = links_not_followed(page, "html", [tweet])
    assert found is not None and (found.count, found.first) == (2, "https://t.co/Ab12")
    assert found.message.startswith("2 t.co links in the text are in no embed and not followed")


def test_plain_text_counts_each_url_with_or_without_its_scheme_and_not_inside_another_host():
    text = "Read https://t.co/Ab12, then t.co/Zz9 (and T.CO/Zz9). Not xt.co/abc, a.t.co/b or me@t.co/x."
    found = links_not_followed(text, "text", [])
    assert found is not None and found.count == 2 and found.message.startswith("2 t.co links")
    assert links_not_followed("nothing to see", "text", []) is None
    assert links_not_followed('<a href="https://t.co/">empty</a>', "html", []) is None
    one = links_not_followed("see t.co/Ab12", "text", [])
    assert one is not None and one.message.startswith("1 t.co link in the text is in no embed")


def test_a_configured_secret_in_the_first_link_is_redacted_out_of_the_warning():
    """A t.co link the warning names is a URL the page gave, and leaves the run as the embeds' do: a configured
    secret in it is redacted (#11)."""
    from resolver.article import from_bytes
    from resolver.pipeline import scan_article
    from resolver.redact import Redactor

    page = b'<html><body><p>See <a href="https://t.co/Zx9tokSECRET1234abcd">the notice</a>.</p></body></html>'
    result = scan_article(from_bytes(page, "a.html", kind="html"), redactor=Redactor(("Zx9tokSECRET1234abcd",)))
    [warning] = [w for w in result.to_json()["warnings"] if w["kind"] == "links-not-followed"]
    assert warning["count"] == 1 and "Zx9tokSECRET1234abcd" not in str(warning)


def test_only_an_anchors_href_counts_not_a_head_link_a_script_assignment_or_a_commented_out_anchor():
    """review36b: counted by hand, this page's text holds 3 t.co links no embed carries (Upper1 written twice, in
    upper case once, Scheme1, Bare1); the count said 6: it also took a `<link rel="shortlink" href>` of the head,
    a script's `a.href = "…"` and an anchor inside an HTML comment (none of them in the text a reader sees, nor
    anything the parse reads). An anchor with other attributes before its href still counts."""
    page = ('<html><head><link rel="shortlink" href="https://t.co/HeadLink1"><script>var u = {"href": '
            '"https://t.co/InJson1"}; a.href="https://t.co/InScript1";</script></head><body>'
            '<p>See <a href="HTTPS://T.CO/Upper1">this</a> and <a href="https://t.co/Upper1">again</a>.</p>'
            "<p>Also <a class=\"ext\" rel='nofollow noopener' target=_blank href='//t.co/Scheme1'>x</a> and "
            '<A HREF=https://t.co/Bare1>y</A>.</p><!-- <a href="https://t.co/Comment1">old</a> --></body></html>')
    found = links_not_followed(page, "html", [])
    assert found is not None and (found.count, found.first) == (3, "https://t.co/Upper1"), found
