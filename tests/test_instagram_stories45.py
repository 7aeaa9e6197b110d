"""An Instagram story an article links (newuser44c #8): a story is no post (gone from Instagram a day after it was
posted, shown only to logged-in viewers), and before, no archive lookup was made for it: the report said "skip
archive: the post was not fetched", and `fetch <story URL>` said only "it is no post" (exit 1). Now the report looks
its URL up in the Wayback Machine as it does a post's, names what the archive lists (not read: a capture of a story's
URL is most often the login page) or that none was found, and says what can be done; `fetch` says what a story is
and what to do."""

from __future__ import annotations

import pytest

from tests.fakenet import page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve

HOSTS = ["www.instagram.com", "web.archive.org", "archive.org"]
STORY = "https://www.instagram.com/stories/harbour_cafe_fict/3312345678901234567/"
ARTICLE = f"<html><body><article><h1>Café closes</h1><p>Its story ({STORY}) has since expired.</p></article></body></html>"
LOGIN = (b'<!DOCTYPE html><html><head><title>Instagram</title><meta property="og:url" content="https://instagram.com/">'
         b'</head><body></body></html>')


@pytest.mark.parametrize("captures, said", [
    ([], f"⚠️ warn **archive**: at risk: a story is no post: Instagram shows it for a day after it is posted, then no "
         f"more, and no archived copy was found for {STORY}; a story can be kept only while it lasts, by a viewer "
         f"logged in to Instagram: a screenshot or a screen recording, with its URL and the time it was seen (per the "
         f"CDX lookup of {STORY}"),
    ([Capture("20240105120000", STORY, LOGIN)],
     "⚠️ warn **archive**: a story is no post: Instagram shows it for a day after it is posted, then no more; the "
     "archive lists a capture of its URL (HTTP 200, latest 2024-01-05T12:00:00Z), not read: whether one holds the "
     "story is not known (Instagram shows a story only to logged-in viewers, and a capture of its URL is most often "
     f"its login page): https://web.archive.org/web/20240105120000/{STORY} (per the CDX lookup of {STORY}"),
], ids=["none", "listed"])
def test_a_story_an_article_links_is_looked_up_in_the_archive(fakenet, tmp_path, monkeypatch, captures, said):
    serve(fakenet, captures)
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, md = run("report", "a.html", article=ARTICLE, name="a.html")
    assert said in md, md
    assert "the post was not fetched" not in md, md


def test_fetch_of_a_story_says_what_a_story_is_and_what_to_do(fakenet, tmp_path, monkeypatch):
    fakenet.route("www.instagram.com", "/stories/harbour_cafe_fict/3312345678901234567/", page(LOGIN.decode()))
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    said: list[str] = []
    code, out = run("fetch", STORY, said=said)
    assert code == 1, out
    assert said == [f"error: cannot fetch {STORY}: it is an Instagram story (a photo or video of the account's, gone "
                    "from Instagram a day after it was posted: archive it while it lasts), no post to fetch; "
                    f"`embed-resolver archive {STORY}` lists the Wayback Machine's captures of it (Instagram shows a "
                    "story only to logged-in viewers, so a capture is most often its login page), and a story can be "
                    "kept only while it lasts, by a viewer logged in: a screenshot or a screen recording, with its "
                    "URL and the time it was seen"], said
