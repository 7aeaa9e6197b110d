"""`fetch` and `scan --fetch` from the command line against loopback servers."""

import json

from click.testing import CliRunner

from cache import Store
from resolver.cli import cli
from tests import xfixtures as fx
from tests.fakenet import page, redirect
from tests.test_fetch import by_id, json_page, serve_media

HOSTS = ("cdn.syndication.twimg.com", "publish.twitter.com", "api.twitter.com", "pbs.twimg.com", "t.co",
         "pic.twitter.com", "video.twimg.com")
TOKEN = "AAAAfictional-bearer-SECRET-token"


def setup(fakenet, tmp_path):
    lines = ["[network]", "retries = 0", "", "[origins]"]
    lines += [f'"https://{h}" = "{fakenet.origin}"' for h in HOSTS]
    config = tmp_path / "config.toml"
    config.write_text("\n".join(lines) + "\n")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)

    def invoke(*args, env=None, input=None):
        return CliRunner(env=env or {}).invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), *args],
                                               input=input)
    return invoke


def test_fetch_json_fields(fakenet, tmp_path):
    invoke = setup(fakenet, tmp_path)
    result = invoke("fetch", "--json", f"https://x.com/RivertonRoads/status/{fx.POST_ID}")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"url", "platform", "post_id", "status", "method", "author", "text", "lang", "created_at",
                         "media", "fetch_ids", "from_cache"}
    assert set(data["media"][0]) >= {"url", "type", "width", "height", "mime", "bytes", "sha256", "phash", "credit", "c2pa"}
    again = invoke("fetch", "--json", f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")
    assert json.loads(again.stdout)["from_cache"] is True
    table = invoke("fetch", f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")
    assert "available" in table.stdout and "credit: byline: Bea Example" in table.stdout


def test_fetch_from_a_short_link_and_an_article(fakenet, tmp_path):
    invoke = setup(fakenet, tmp_path)
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}/photo/1"))
    short = invoke("fetch", "--json", "--no-media", "https://t.co/Zz98Yy76Xx")
    assert json.loads(short.stdout)["post_id"] == fx.POST_ID
    article = tmp_path / "a.txt"
    article.write_text("Bridge reopened this morning. pic.twitter.com/Zz98Yy76Xx\n"
                       "— Riverton Roads (@RivertonRoads) December 6, 2022\n")
    scanned = invoke("scan", "--fetch", "--json", str(article))
    assert scanned.exit_code == 0, scanned.output
    [post] = json.loads(scanned.stdout)["posts"]
    assert post["status"] == "available" and post["embed"] == 0
    assert Store(tmp_path / "c.db").count("embed_posts") == 1


def test_fetch_an_article_whose_flattened_tweet_kept_only_its_photo_link(fakenet, tmp_path):
    """`fetch` of an article fetches what `scan --fetch` does: a flattened tweet whose only link is its photo's is
    resolved to its post. Before, `fetch` looked only at embeds that are links themselves: nothing was asked,
    nothing printed, exit 0."""
    invoke = setup(fakenet, tmp_path)
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}/photo/1"))
    article = tmp_path / "a.txt"
    article.write_text("Bridge reopened this morning. pic.twitter.com/Zz98Yy76Xx\n"
                       "— Riverton Roads (@RivertonRoads) December 6, 2022\n")
    result = invoke("fetch", "--json", "--no-media", str(article))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["post_id"] for line in result.stdout.splitlines()] == [fx.POST_ID]


def test_fetch_offline_and_reparse(fakenet, tmp_path):
    invoke = setup(fakenet, tmp_path)
    missing = invoke("fetch", "--offline", "https://twitter.com/a/status/77")
    assert missing.exit_code == 3 and "never fetched" in missing.stdout
    invoke("fetch", "--no-media", f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")
    reparsed = invoke("fetch", "--reparse")
    assert reparsed.exit_code == 0 and "re-derived 1 observations of 1 posts" in reparsed.stdout


def test_a_post_never_fetched_offline_names_no_method(fakenet, tmp_path):
    """Offline, a post never fetched was shown "via cache" (`"method": "cache"` beside `"from_cache": false`): no
    method was asked and the cache had nothing. Its method is null, and the tables say it was not fetched."""
    invoke = setup(fakenet, tmp_path)
    post = "https://twitter.com/a/status/77"
    data = json.loads(invoke("fetch", "--offline", "--json", post).stdout)
    assert (data["status"], data["method"], data["from_cache"]) == ("unknown", None, False)
    assert data["reason"] == "offline, and this post was never fetched"
    table = invoke("fetch", "--offline", post)
    assert table.exit_code == 3
    assert table.stdout.splitlines()[0].split() == ["twitter", "77", "unknown", "not", "fetched", "(offline)"]
    article = tmp_path / "a.txt"
    article.write_text(f"Bridge reopened.\n— A (@a) December 6, 2022 {post}\n")
    scanned = invoke("scan", "--fetch", "--offline", str(article))
    assert "#1 twitter 77: unknown (not fetched: offline)" in scanned.stdout, scanned.stdout
    assert "via cache" not in table.stdout + scanned.stdout
    assert fakenet.hits == []


def test_bearer_token_from_the_environment_never_shows(fakenet, tmp_path):
    from werkzeug.wrappers import Response

    invoke = setup(fakenet, tmp_path)
    fakenet.route("api.twitter.com", "/2/tweets", lambda r: Response(fx.as_json(fx.X_API_LOOKUP), content_type="application/json"))
    result = invoke("fetch", "--json", f"https://twitter.com/i/status/{fx.POST_ID}", env={"X_BEARER_TOKEN": TOKEN})
    assert result.exit_code == 0 and json.loads(result.stdout)["method"] == "x-api"
    assert TOKEN not in result.output
    for path in tmp_path.glob("c.db*"):   # the database and its WAL
        assert TOKEN.encode() not in path.read_bytes(), path


def test_fetch_needs_a_target(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "fetch"])
    assert result.exit_code == 2 and "give at least one TARGET" in result.output


def test_scan_fetch_analyses_images_the_article_credits(fakenet, tmp_path):
    invoke = setup(fakenet, tmp_path)
    fakenet.route("pbs.twimg.com", "/media/credited.jpg",
                  page(fx.jpeg(iptc={(2, 80): b"Other Person"}), content_type="image/jpeg"))
    article = tmp_path / "a.html"
    article.write_text('<html><body><figure><img src="https://pbs.twimg.com/media/credited.jpg">'
                       '<figcaption>The bridge. (Photo: Bea Example/Riverton Post)</figcaption></figure></body></html>')
    result = invoke("scan", "--fetch", "--json", str(article))
    [image] = json.loads(result.stdout)["credited_images"]
    assert image["url"] == "https://pbs.twimg.com/media/credited.jpg" and image["credit"] == {"byline": "Other Person"}


def test_a_missing_target_is_a_usage_error_before_the_cache_is_opened(tmp_path):
    """Before, `fetch` with nothing to fetch opened the cache first, so a cache it could not open hid the usage error."""
    db = tmp_path / "c.db"
    db.write_bytes(b"not a SQLite file, so the cache cannot be opened\n" * 100)   # a --db in a missing folder is a
    result = CliRunner().invoke(cli, ["--db", str(db), "fetch"])                 # usage error of its own now
    assert result.exit_code == 2 and "give at least one TARGET" in result.output
    assert CliRunner().invoke(cli, ["--db", str(db), "fetch", "https://twitter.com/a/status/1"]).exit_code == 1


def test_a_named_url_that_leads_to_no_post_says_so(fakenet, tmp_path):
    """`fetch` of a URL that is no post and leads to none (a profile, a short link to a news page) printed nothing
    and exited 0: the user named it and was told nothing. Each says what it ends at, exit 1; the posts named beside
    it are fetched."""
    invoke = setup(fakenet, tmp_path)
    fakenet.route("t.co", "/News12", redirect("https://pbs.twimg.com/profile_images/1/rr_normal.jpg"))
    fakenet.route("pbs.twimg.com", "/profile_images/1/rr_normal.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    result = invoke("fetch", "--json", "--no-media", "https://t.co/News12", "https://twitter.com/RivertonRoads",
                    f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}")
    assert result.exit_code == 1, result.output
    post, *failed = [json.loads(line) for line in result.stdout.splitlines()]
    assert post["post_id"] == fx.POST_ID
    assert failed == [   # a JSON line each too (#11), a link's line with its link (#12)
        {"source": "https://t.co/News12", "link": "https://t.co/News12",
         "error": "input: cannot fetch https://t.co/News12: it leads to "
                  "https://pbs.twimg.com/profile_images/1/rr_normal.jpg, which is no post"},
        {"source": "https://twitter.com/RivertonRoads", "link": "https://twitter.com/RivertonRoads",
         "error": f"input: cannot fetch https://twitter.com/RivertonRoads: it is no post{PROFILE}"}]
    assert result.stderr.splitlines() == [
        "error: cannot fetch https://t.co/News12: it leads to https://pbs.twimg.com/profile_images/1/rr_normal.jpg, "
        "which is no post",
        f"error: cannot fetch https://twitter.com/RivertonRoads: it is no post{PROFILE}"]


# what an account's page is, and a post's URL form (newuser42b #13: "it is no post" alone)
PROFILE = " (it is @RivertonRoads's account page: a post's URL is https://x.com/RivertonRoads/status/<id>)"


def test_fetch_json_lines_say_which_article_and_embed_each_post_came_from(fakenet, tmp_path):
    """newuser30 #7: `fetch --json` post lines had no `source` nor `embed` (its error lines and `archive --json`
    lines have `source`), so a batch's posts could not be tied back to their articles. A post two embeds show has a
    line for each; a URL named is its own source, with no embed."""
    invoke = setup(fakenet, tmp_path)
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}/photo/1"))
    status = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
    first, second = tmp_path / "one.html", tmp_path / "two.txt"
    first.write_text(f'<p>Intro.</p><blockquote class="twitter-tweet"><p>Bridge reopened.</p>&mdash; Riverton Roads '
                     f'(@RivertonRoads) <a href="{status}">December 6, 2022</a></blockquote>')
    second.write_text("Other words first.\n\nBridge reopened this morning. pic.twitter.com/Zz98Yy76Xx\n"
                      "— Riverton Roads (@RivertonRoads) December 6, 2022\n")
    result = invoke("fetch", "--json", "--no-media", str(first), str(second), status)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["source"], line["embed"], line["post_id"]) for line in lines] == [
        (str(first), 0, fx.POST_ID), (str(second), 0, fx.POST_ID), (status, None, fx.POST_ID)]   # as named (#12)
    assert list(lines[0])[:2] == ["source", "embed"] and lines[0]["status"] == "available"
