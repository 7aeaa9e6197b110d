"""review45c: the stop-44 work reread (fixnu44f, fixnu44g, fixleft44a): a platform named as a photographer, a licence
named as one, a credit's account tied to an embed whose fetched post is another account's."""

import pytest

from resolver.extract import find_all


def _credits(line: str):
    return [(c.creator, c.organization, c.kind) for c in
            find_all(f"The chef posted a new menu on Friday.\n{line}\nMore text follows here.", "text")[1]]


@pytest.mark.parametrize("line, account, platform", [
    # a Bluesky handle is a domain name, written with no "@" as often as with one: "Bluesky" was the photographer
    ("(Screenshot: Bluesky/jane.bsky.social)", "jane.bsky.social", "Bluesky"),
    ("Photo: Bluesky/janedoe.com", "janedoe.com", "Bluesky"),
    # a Mastodon account names its server: "Mastodon" was the photographer, the account its organisation
    ("Photo: Mastodon/@jane@mastodon.social", "@jane@mastodon.social", "Mastodon"),
    ("(Screenshot: Mastodon @jane@fosstodon.org)", "@jane@fosstodon.org", "Mastodon"),
])
def test_a_platform_is_never_the_photographer_of_an_accounts_post_in_its_own_handle_form(line, account, platform):
    assert _credits(line) == [(account, platform, "social-post")]


@pytest.mark.parametrize("line", ["Photo: Bluesky/Jane", "Photo: Mastodon/Jane Doe"])
def test_a_name_with_no_dot_beside_a_platform_is_still_read_as_before(line):
    assert all(kind is None for _, _, kind in _credits(line))


@pytest.mark.parametrize("line", ["Photo: CC BY 2.0", "Image: CC0", "Credit: CC BY-SA 4.0", "Photo: (CC BY 2.0)"])
def test_a_licence_alone_is_no_ones_name(line):
    # "Photo: CC BY 2.0" names the terms of reuse, not who made the picture: it was the creator, "not sure"
    assert [c for c in _credits(line) if "CC" in (c[0] or "") + (c[1] or "")] == []


@pytest.mark.parametrize("line, expected", [
    ("Photo: CC BY-SA 4.0 / Jo Kline", ("Jo Kline", None)),
    ("Photo: CC BY 2.0, Jo Kline", ("Jo Kline", None)),
])
def test_a_licence_before_the_name_is_neither_creator_nor_organisation(line, expected):
    # it was the creator, and Jo Kline the organisation
    assert [(creator, org) for creator, org, _ in _credits(line)] == [expected]



@pytest.mark.parametrize("author, expected", [("stormdesk", [1]), ("otherdesk", [])])
def test_a_credits_account_is_tied_to_an_embed_only_where_the_fetched_post_is_that_accounts(author, expected, fakenet,
                                                                                               tmp_path, monkeypatch):
    """"(Screenshot: Mastodon/@stormdesk@mastodon.social)" beside an embed whose URL names @stormdesk: the report said
    "the account of embed 1" even where the post fetched is another account's (its author check failing beside it).
    The account the source answered is the embed's account; the URL's handle only where no source named one."""
    import json

    from tests.test_fetch import json_page
    from tests.test_platform_verdicts import HOSTS, MASTODON_OEMBED, TOOT, cli_on_fakenet
    from tests.waybacknet import serve

    article = ("<html><body><p>The river rose overnight.</p>"
               f'<iframe src="{TOOT}/embed" class="mastodon-embed" width="400"></iframe>'
               '<figure><img src="/img/levee.jpg" alt="The levee"><figcaption>The levee at dawn. (Screenshot: '
               "Mastodon/@stormdesk@mastodon.social)</figcaption></figure></body></html>")
    serve(fakenet, [])
    fakenet.route("mastodon.social", "/api/oembed", json_page(
        MASTODON_OEMBED | {"author_url": f"https://mastodon.social/@{author}"}))
    code, out = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)("report", "--format", "json", "article.html",
                                                                         article=article)
    assert code == 0, out
    report = json.loads(out)
    (credit,) = report["credits"]
    assert (credit["creator"], credit["organization"], credit["kind"]) == \
        ("@stormdesk@mastodon.social", "Mastodon", "social-post")
    author_check = next(c for c in report["embeds"][0]["checks"] if c["name"] == "author")
    assert (author_check["result"] == "pass") == (author == "stormdesk"), author_check
    assert credit["account_embeds"] == expected   # @otherdesk's post is not the credit's account's


def _uncredited(body: str, og: str = "https://news.example/img/other.jpg", page_url: str | None = None):
    """The addresses `uncredited_images` lists of a page, its credits read as a report reads them."""
    from resolver.article import from_bytes
    from resolver.extract import find_all
    from resolver.workers import uncredited_images

    page = (f'<html><head><meta property="og:image" content="{og}"></head><body><article><h1>Storm</h1><p>The river '
            f"rose overnight and the town woke to water.</p>{body}</article></body></html>")
    article = from_bytes(page.encode(), "story.html", kind="html")
    credits = find_all(page, "html")[1]
    assert [(c.creator, c.organization) for c in credits] == [("Ann Lee", "AP")]
    found = uncredited_images(article, credits, page_url)
    return [image["url"] for image in found["images"]] if found else []


CAPTION = "<figcaption>The levee. Photo: Ann Lee/AP</figcaption>"


@pytest.mark.parametrize("img", [
    '<img src="/img/a-small.jpg" data-src="/img/a.jpg">',    # the credit is tied to its src, the list read data-src
    '<img src="/img/lazy.gif" data-src="/img/a.jpg">',
    '<img src="/img/a.jpg" srcset="/img/a-400.jpg 400w, /img/a-800.jpg 800w">',
])
def test_a_credited_picture_is_never_listed_as_one_with_no_credit_under_another_of_its_addresses(img):
    """The <img>'s credit in its figcaption: the list of pictures with no credit named it ("no credit found for …")
    when the credit was tied to one of its attributes and the list read another."""
    assert _uncredited(f"<figure>{img}{CAPTION}</figure>") == ["https://news.example/img/other.jpg"]


def test_an_og_image_on_the_pages_own_site_is_the_credited_relative_picture_when_the_pages_url_is_not_known():
    """A saved page read with no URL: its og:image https://news.example/img/a.jpg and its credited <img src=/img/a.jpg>
    were two pictures, and the og:image said to have no credit."""
    assert _uncredited(f'<figure><img src="/img/a.jpg">{CAPTION}</figure>', og="https://news.example/img/a.jpg") == []
    assert _uncredited(f'<figure><img src="/img/a.jpg">{CAPTION}</figure>', og="https://news.example/img/b.jpg") == \
        ["https://news.example/img/b.jpg"]


@pytest.mark.parametrize("furniture", [
    '<div class="ad"><img src="https://ads.example/creative/123.jpg"></div>',
    '<div id="div-gpt-ad-1"><img src="https://ads.example/simgad/789"></div>',
    '<img src="https://www.facebook.com/tr?id=123&ev=PageView" style="display:none">',
    '<img src="https://track.example/p?c1=2" style="width:1px;height:1px">',
    '<img src="https://sb.scorecardresearch.com/p?c1=2&c2=1" alt="">',
])
def test_an_advert_or_a_hidden_pixel_is_no_article_picture(furniture):
    assert _uncredited(f'<figure><img src="/img/a.jpg">{CAPTION}</figure>{furniture}') == \
        ["https://news.example/img/other.jpg"]


@pytest.mark.parametrize("line, person, platform", [
    ("Photo: Threads/Jane Doe", "Jane Doe", "Threads"),    # "Threads" was the creator, Jane Doe its organisation
    ("Photo: Bluesky/Jane Doe", "Jane Doe", "Bluesky"),
    ("Photo: Instagram/Jane Doe", "Jane Doe", "Instagram"),   # as before
])
def test_a_platform_before_a_persons_name_is_never_the_photographer(line, person, platform):
    assert [(creator, org) for creator, org, _ in _credits(line)] == [(person, platform)]


def test_an_initial_and_a_name_beside_bluesky_is_no_handle_and_bluesky_no_photographer():
    [(creator, _, kind)] = _credits("Photo: Bluesky/J.Smith")
    assert kind is None and creator != "Bluesky"
