"""review37b: an adversarial review of reports36 (the fetch table's verdicts, replayed answers, archive changes) and
fixnu36c (exit codes, the library's JSON, rate-wait lines, charset doubt), each finding against loopback servers
(tests/fakenet.py, tests/waybacknet.py)."""

from tests.fakenet import page
from tests.test_cited_answers import ARTICLE
from tests.test_fetch import by_id, json_page
import pytest

from tests.test_verdicts import DELETED, HOSTS, POST, cli_on_fakenet
from tests.waybacknet import serve


@pytest.fixture
def reporter(fakenet, tmp_path, monkeypatch):
    """test_verdicts' reporter, news.example's images also sent to the fake internet."""
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, [*HOSTS, "news.example"])


def test_archive_offline_of_an_article_whose_every_answer_is_cached_exits_0_as_scan_archive_does(fakenet, reporter,
                                                                                                tmp_path):
    """`archive ARTICLE` asks an article's posts afresh (so its WARC holds what a replay needs). Offline nothing can be
    asked afresh, and it took no cached answer either: every `archive --offline` of an article exited 3 with "1
    unavailable offline" though the cache held the post, its lookup and its page copy, and named nothing it lacked,
    where `scan --archive --offline` of the same cache exits 0 (README: 3 is for what is not in the cache)."""
    from tests import xfixtures as fx

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    fakenet.route("news.example", "/img/harbour.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    credited = ('<figure><img src="https://news.example/img/harbour.jpg"><figcaption>The harbour. (Photo: Jane Doe/'
                'Riverton Post)</figcaption></figure>')
    article = ARTICLE.replace("<p>The council met.</p>", f"<p>The council met.</p>{credited}")
    said: list[str] = []
    assert reporter("archive", "article.html", article=article, said=said)[0] == 0, said
    assert ("news.example", "/img/harbour.jpg") in fakenet.hits, "the credited image was downloaded online"
    hits = len(fakenet.hits)
    for command in (("scan", "--archive"), ("archive",)):
        said = []
        code, out = reporter(command[0], "--offline", *command[1:], "article.html", said=said)
        assert code == 0, (command, said, out)
        assert "never fetched" not in out, (command, out)
        assert not any("unavailable offline" in line for line in said), (command, said)
    assert len(fakenet.hits) == hits
    # an article never archived is still not in the cache offline: 3, as before
    said = []
    other = ARTICLE.replace(POST, str(int(POST) + 1))
    assert reporter("archive", "--offline", "other.html", article=other, name="other.html", said=said)[0] == 3, said


def test_archive_offline_reads_a_posts_photo_from_the_cache_never_says_it_was_never_fetched(fakenet, reporter):
    """The photo of a post `archive` downloaded: offline, `archive` asked it afresh too, and said "offline, and this
    image was never fetched" of an image the cache holds, a claim its own fetch log contradicts."""
    import json

    from tests import xfixtures as fx
    from tests.test_fetch import serve_media

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    serve(fakenet, [])
    article = f'<p>The bridge.</p><a href="https://twitter.com/RivertonRoads/status/{fx.POST_ID}">post</a>'
    said: list[str] = []
    assert reporter("archive", "article.html", article=article, said=said)[0] == 0, said
    code, out = reporter("scan", "--fetch", "--offline", "--json", "article.html")
    [post] = json.loads(out)["posts"]
    assert post["media"] and not any(m.get("error") for m in post["media"]), post["media"]
    said = []
    code, out = reporter("archive", "--offline", "--json", "article.html", said=said)
    assert code == 0, (said, out)
    assert "never fetched" not in out + " ".join(said), (said, out)
