"""A flattened Bluesky signature whose post link names its account by DID (as Bluesky's embed code writes every link:
`/profile/did:plc:…/post/<key>`), the handle only in the signature. Offline nothing ties the DID to the handle: the
two are one post when the key (a TID) was made on the signature's day, with `id_doubt` saying the DID was not
checked to be the handle's; a fetch whose answer names the DID's handle settles it (newuser38b #1: two embeds, one
post counted twice, in text always and in HTML unless `--resolve` ran). Fixtures are fictional."""

import json

import pytest

from resolver.extract.html import scan
from resolver.extract.text import find_embeds
from resolver.model import ACCOUNT_BY_DID, unsettles_checks

WORDS = "Intro line.\n\nTurnout is up 12 points in the north.\n"
SIG = "— Maria Ortega (@mariaortega.bsky.social) March 10, 2026"
DID = "did:plc:mariaortegafictional0001"
KEY = "3mgpk77abcd2u"   # a TID made on 2026-03-10
OLD_KEY = "3jzfcijpj2z2a"   # a TID made in 2023
DID_LINK = f"https://bsky.app/profile/{DID}/post/{KEY}"
DOUBT = (f"the link names the post's account by DID {DID}, not checked to be @mariaortega.bsky.social's, the "
         "signature's account")


@pytest.mark.parametrize("signed", [
    f"{SIG} at 9:12 PM\n{DID_LINK}",
    f"{SIG} at 9:12 PM {DID_LINK}",
    f"{SIG}\n{DID_LINK}",
], ids=["link-below", "link-after-date", "no-time-link-below"])
def test_a_signature_and_its_post_linked_by_did_on_its_day_are_one_post_with_a_doubt(signed):
    text = WORDS + signed + "\n\nThe city council meets tomorrow."
    [post] = find_embeds(text)
    assert (post.platform, post.post_id, post.url, post.author_handle, post.detector) == (
        "bluesky", f"{DID}/{KEY}", DID_LINK, "mariaortega.bsky.social", "text-signature")
    assert (post.text, post.date, post.id_doubt) == ("Turnout is up 12 points in the north.", "2026-03-10", DOUBT)
    assert post.id_doubt.startswith(ACCOUNT_BY_DID) and unsettles_checks(post.id_doubt)


def test_a_post_linked_by_did_made_on_another_day_stays_its_own_embed():
    text = WORDS + f"{SIG} at 9:12 PM\nhttps://bsky.app/profile/{DID}/post/{OLD_KEY}\n\nMore."
    first, second = find_embeds(text)
    assert (first.detector, first.post_id, first.id_doubt) == ("text-signature", None, None)
    assert (second.detector, second.post_id) == ("text-url", f"{DID}/{OLD_KEY}")


def test_a_signature_with_no_day_does_not_take_a_post_linked_by_did():
    """Only the key's day ties the two: a signature dated by month alone ties nothing."""
    text = WORDS + f"— Maria Ortega (@mariaortega.bsky.social) March 2026\n{DID_LINK}\n\nMore."
    assert [(e.detector, e.post_id) for e in find_embeds(text)] == [
        ("text-signature", None), ("text-url", f"{DID}/{KEY}")]


def test_an_x_signature_takes_no_bluesky_link_by_did():
    text = WORDS + f"— Maria Ortega (@mariaortega) March 10, 2026\n{DID_LINK}\n\nMore."
    assert [(e.platform, e.post_id) for e in find_embeds(text)] == [("twitter", None), ("bluesky", f"{DID}/{KEY}")]


def test_in_html_a_signature_dated_by_a_did_link_of_its_day_is_one_post_with_a_doubt():
    html = ("<html><body><article><p>The mayor wrote:</p><p>Turnout is up 12 points in the north.</p><p>&mdash; "
            f'Maria Ortega (@mariaortega.bsky.social) <a href="{DID_LINK}?ref_src=embed">March 10, 2026 at 9:12 PM'
            "</a></p></article></body></html>")
    [post] = scan(html)[0]
    assert (post.platform, post.post_id, post.author_handle, post.id_doubt) == (
        "bluesky", f"{DID}/{KEY}", "mariaortega.bsky.social", DOUBT)


def test_in_html_a_did_link_of_another_day_stays_its_own_embed():
    html = ("<html><body><p>Turnout is up 12 points in the north.</p><p>&mdash; Maria Ortega "
            f'(@mariaortega.bsky.social) <a href="https://bsky.app/profile/{DID}/post/{OLD_KEY}">March 10, 2026</a>'
            "</p></body></html>")
    assert sorted((e.post_id or "", e.id_doubt or "") for e in scan(html)[0]) == [("", ""), (f"{DID}/{OLD_KEY}", "")]


def _article(key: str = KEY) -> str:
    return ("<html><body><p>The mayor wrote:</p><p>Turnout is up 12 points in the north.</p><p>&mdash; Maria Ortega "
            f'(@mariaortega.bsky.social) <a href="https://bsky.app/profile/{DID}/post/{key}?ref_src=embed">'
            "March 10, 2026 at 9:12 PM</a></p></body></html>")


def _oembed(handle: str) -> dict:
    """embed.bsky.app's answer: `author_url` by handle, `author_name` "<name> (@<handle>)", the code naming the DID."""
    uri = f"at://{DID}/app.bsky.feed.post/{KEY}"
    return {"type": "rich", "version": "1.0", "author_name": f"Maria Ortega (@{handle})",
            "author_url": f"https://bsky.app/profile/{handle}", "provider_url": "Bluesky Social", "cache_age": 86400,
            "width": 550, "html": f'<blockquote class="bluesky-embed" data-bluesky-uri="{uri}" data-bluesky-cid="bafy">'
                                  '<p lang="en">Turnout is up 12 points in the north.</p>&mdash; Maria Ortega</blockquote>'}


@pytest.fixture
def reporter(fakenet, tmp_path, monkeypatch):
    from tests.test_verdicts import cli_on_fakenet
    from tests.waybacknet import serve

    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["embed.bsky.app", "web.archive.org", "archive.org"])
    return lambda: run("report", "--format", "json", "article.html", article=_article())


def _stored_doubts(tmp_path) -> list:
    from cache import Store

    with Store(tmp_path / "c.db") as store:
        return [row["id_doubt"] for row in store.db.query("SELECT id_doubt FROM embeds ORDER BY ordinal")]


def test_an_answer_naming_the_dids_handle_settles_the_doubt(fakenet, reporter, tmp_path):
    """The post's answer names its account's handle, the signature's: the link by DID is the signature's post, for
    certain, in the report and in the cache (the views count it as checked)."""
    from tests.test_fetch import json_page

    fakenet.route("embed.bsky.app", "/oembed", json_page(_oembed("mariaortega.bsky.social")))
    code, out = reporter()
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert (embed["post_id"], embed["id_doubt"]) == (f"{DID}/{KEY}", None)
    author = {c["name"]: c for c in embed["checks"]}["author"]
    assert author["result"] == "pass"
    assert _stored_doubts(tmp_path) == [None]


def test_an_answer_naming_another_handle_keeps_the_doubt_and_the_checks_warn(fakenet, reporter, tmp_path):
    from tests.test_fetch import json_page

    fakenet.route("embed.bsky.app", "/oembed", json_page(_oembed("someone-else.bsky.social")))
    code, out = reporter()
    [embed] = json.loads(out)["embeds"]
    assert embed["id_doubt"] == ANSWERED_ANOTHER
    author = {c["name"]: c for c in embed["checks"]}["author"]
    assert author["result"] == "warn" and "someone-else.bsky.social" in author["evidence"]
    assert _stored_doubts(tmp_path) == [ANSWERED_ANOTHER]


# review39b: the answer named the DID's handle, another than the signature's: the doubt no longer says the DID was
# "not checked" (it was, and is another account's now), but what the answer said, as an X signature's link to another
# account's post says it (`model.another_accounts_link`); its checks still warn
ANSWERED_ANOTHER = (f"the link names a post by @someone-else.bsky.social ({DID}, per the post's answer); the signature "
                    "says @mariaortega.bsky.social")


def test_review39b_an_answer_naming_another_handle_says_so_not_that_the_did_was_not_checked(fakenet, reporter,
                                                                                              tmp_path):
    from tests.test_fetch import json_page

    fakenet.route("embed.bsky.app", "/oembed", json_page(_oembed("someone-else.bsky.social")))
    code, out = reporter()
    [embed] = json.loads(out)["embeds"]
    assert "not checked" not in embed["id_doubt"] and "someone-else.bsky.social" in embed["id_doubt"]
    assert unsettles_checks(embed["id_doubt"])
    assert "not checked" not in _stored_doubts(tmp_path)[0]
    code, again = reporter()   # read again (the embeds from the cache or the page): said the same way
    assert json.loads(again)["embeds"][0]["id_doubt"] == embed["id_doubt"]


def test_review39b_an_answer_naming_no_handle_keeps_the_doubt_as_it_was(fakenet, reporter, tmp_path):
    """An answer that names the account by DID only (no handle in `author_name`) checks nothing: "not checked"."""
    from tests.test_fetch import json_page

    answer = _oembed("mariaortega.bsky.social") | {"author_name": "Maria Ortega",
                                                   "author_url": f"https://bsky.app/profile/{DID}"}
    fakenet.route("embed.bsky.app", "/oembed", json_page(answer))
    code, out = reporter()
    assert json.loads(out)["embeds"][0]["id_doubt"] == DOUBT
    assert _stored_doubts(tmp_path) == [DOUBT]


@pytest.mark.parametrize("uri", [f"at://did:plc:someoneelsefictional0002/app.bsky.feed.post/{KEY}",
                                 f"at://{DID}/app.bsky.feed.post/3mgpk77abcd3u", None],
                         ids=["code-of-another-did", "code-of-another-key", "no-code"])
def test_review39b_an_answer_that_does_not_tie_the_did_to_the_handle_settles_nothing(fakenet, reporter, tmp_path,
                                                                                     uri):
    """The answer's embed code names another account's post, or another post, or none: its author_url's handle is
    not shown to be the link's DID's, and the doubt stays (it was dropped on the handle alone)."""
    from tests.test_fetch import json_page

    answer = _oembed("mariaortega.bsky.social")
    answer["html"] = (f'<blockquote class="bluesky-embed" data-bluesky-uri="{uri}"><p>Turnout is up 12 points in the '
                      'north.</p>&mdash; Maria Ortega</blockquote>') if uri else ""
    fakenet.route("embed.bsky.app", "/oembed", json_page(answer))
    code, out = reporter()
    assert json.loads(out)["embeds"][0]["id_doubt"] == DOUBT
    assert _stored_doubts(tmp_path) == [DOUBT]


def test_review39b_a_read_only_cache_still_gives_the_report_with_the_doubt_settled(fakenet, reporter, tmp_path,
                                                                                  monkeypatch):
    """A cache kept read-only (an exhibit's) whose embed row still holds the doubt (a later `scan` without --fetch read
    the page again) and whose recorded answer settles it: `report --offline` failed whole, "cannot write cache …
    read-only", exit 1 and no report, for the one UPDATE of the settled doubt (review39b). The report settles it in
    what it says and writes nothing."""
    import sqlite3

    import cache.store
    from click.testing import CliRunner

    from resolver.cli import cli
    from tests.test_fetch import json_page

    fakenet.route("embed.bsky.app", "/oembed", json_page(_oembed("mariaortega.bsky.social")))
    code, _ = reporter()
    assert code == 0
    with sqlite3.connect(tmp_path / "c.db") as conn:
        conn.execute("UPDATE embeds SET id_doubt = ?", [DOUBT])
    conn.close()
    monkeypatch.setattr(cache.store, "_read_only", lambda path: True)   # as for a file this user cannot write
    result = CliRunner().invoke(cli, ["--config", str(tmp_path / "config.toml"), "--db", str(tmp_path / "c.db"),
                                      "report", "--offline", "--format", "json", "article.html"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["embeds"][0]["id_doubt"] is None
    assert _stored_doubts(tmp_path) == [DOUBT]   # nothing written


COPIED_WORDS = "Polling stations in the north closed early, according to three observers."
COPIED_SIGNATURE = "— Ana Reporter (@reporter.newsroom.example) March 10, 2024 at 9:12 PM"


@pytest.mark.parametrize("copied", [
    f"Our reporters spoke to observers.\n\n{COPIED_WORDS}\n\n[image or embed]\n{COPIED_SIGNATURE}\n\nThe commission did not respond.",
    f"Our reporters spoke to observers.\n\n{COPIED_WORDS}\n\n[image or embed]\n\n{COPIED_SIGNATURE}\n\nThe commission did not respond.",
    f"Our reporters spoke to observers.\n\n{COPIED_WORDS}\n[image or embed]\n{COPIED_SIGNATURE}\n\nThe commission did not respond.",
], ids=["innertext", "blank-lines", "tight"])
def test_newuser40a_7_a_copied_bluesky_embeds_image_or_embed_line_is_no_word_and_hides_none(copied):
    """A browser copies Bluesky's embed code as its words, a blank line, "[image or embed]", then the signature: the
    marker was read as the post's only paragraph, and dropped as a placeholder, so the words were lost; right under
    the words it was kept as their last line (newuser40a #7)."""
    [embed] = find_embeds(copied)
    assert (embed.platform, embed.text, embed.media_marker) == ("bluesky", COPIED_WORDS, "[image or embed]")
    assert copied[embed.span[0]:].startswith(COPIED_WORDS)
