"""A comment embedded in an article is its own post, never the post it is under (newuser36 #1, #15, #9).

Reddit's embed code for a comment, Facebook's comment_embed.php, a YouTube link with &lc=, Instagram's
/p/<code>/c/<id>/ and Telegram's ?comment= were all read as the post they are under: the thread's id under the
commenter's account (so a fetched thread "failed" its author check: "the post may be misattributed"), two posts of two
accounts merged into one embed, and the comment's id dropped. The markup is small and fictional, in the shapes of
Reddit's and Facebook's embed generators (a comment's code: a "Comment" link to its permalink, "by u/<user> from
discussion <thread>"); the answers come from loopback servers."""

import json

import pytest

from resolver import platforms
from resolver.extract import find_all
from resolver.platforms.canonical import canonical_url
from tests.test_fetch import json_page
from tests.test_platform_facts import THREAD, reddit_oembed
from tests.test_platform_verdicts import HOSTS, checks_of
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve

FB = "4455667788990011"
THREAD_URL = "https://www.reddit.com/r/riverton/comments/1rvf10d/"
COMMENTS = [
    ("reddit-comment", "https://www.reddit.com/r/riverton/comments/1rvf10d/comment/kx9y8z7/", "reddit", "t1_kx9y8z7",
     "https://www.reddit.com/r/riverton/comments/1rvf10d/comment/kx9y8z7/", THREAD_URL),
    ("reddit-comment-context", "https://old.reddit.com/r/riverton/comments/1rvf10d/comment/kx9y8z7/?context=3",
     "reddit", "t1_kx9y8z7", "https://www.reddit.com/r/riverton/comments/1rvf10d/comment/kx9y8z7/", THREAD_URL),
    ("reddit-old-permalink", "https://old.reddit.com/r/riverton/comments/1rvf10d/levee_breach/kx9y8z7/", "reddit",
     "t1_kx9y8z7", "https://www.reddit.com/r/riverton/comments/1rvf10d/comment/kx9y8z7/", THREAD_URL),
    ("fb-comment-embed", "https://www.facebook.com/plugins/comment_embed.php?href=https%3A%2F%2Fwww.facebook.com%2F"
     f"rivertoncouncil%2Fposts%2F{FB}%3Fcomment_id%3D998877665544332&include_parent=false", "facebook",
     f"{FB}_998877665544332", f"https://www.facebook.com/rivertoncouncil/posts/{FB}/?comment_id=998877665544332",
     f"https://www.facebook.com/rivertoncouncil/posts/{FB}/"),
    ("fb-comment-link", f"https://www.facebook.com/rivertoncouncil/posts/{FB}?comment_id=998877665544332",
     "facebook", f"{FB}_998877665544332",
     f"https://www.facebook.com/rivertoncouncil/posts/{FB}/?comment_id=998877665544332",
     f"https://www.facebook.com/rivertoncouncil/posts/{FB}/"),
    ("fb-reply", f"https://www.facebook.com/rivertoncouncil/posts/{FB}?comment_id=998877665544332"
     "&reply_comment_id=112233445566", "facebook", f"{FB}_112233445566",
     f"https://www.facebook.com/rivertoncouncil/posts/{FB}/?comment_id=112233445566",
     f"https://www.facebook.com/rivertoncouncil/posts/{FB}/"),
    ("fb-comment-base64", f"https://www.facebook.com/rivertoncouncil/posts/{FB}?comment_id="
     "Y29tbWVudDo0NDU1NjY3Nzg4OTkwMDExXzk5ODg3NzY2NTU0NDMzMg%3D%3D", "facebook", f"{FB}_998877665544332",
     f"https://www.facebook.com/rivertoncouncil/posts/{FB}/?comment_id=998877665544332",
     f"https://www.facebook.com/rivertoncouncil/posts/{FB}/"),   # newer links: base64 of "comment:<post>_<id>"
    ("youtube-lc", "https://www.youtube.com/watch?v=Rv7Kd2mQx0A&lc=UgzAbCdEfGhIjKlMnOp4AaABAg", "youtube",
     "UgzAbCdEfGhIjKlMnOp4AaABAg", "https://www.youtube.com/watch?v=Rv7Kd2mQx0A&lc=UgzAbCdEfGhIjKlMnOp4AaABAg",
     "https://www.youtube.com/watch?v=Rv7Kd2mQx0A"),
    ("youtube-reply", "https://youtu.be/Rv7Kd2mQx0A?lc=UgzAbCdEfGhIjKlMnOp4AaABAg.9xYz1AbCdEf", "youtube",
     "UgzAbCdEfGhIjKlMnOp4AaABAg.9xYz1AbCdEf",
     "https://www.youtube.com/watch?v=Rv7Kd2mQx0A&lc=UgzAbCdEfGhIjKlMnOp4AaABAg.9xYz1AbCdEf",
     "https://www.youtube.com/watch?v=Rv7Kd2mQx0A"),
    ("instagram-comment", "https://www.instagram.com/p/DA5VlaMK1Wc/c/18012345678901234/", "instagram",
     "18012345678901234", "https://www.instagram.com/p/DA5VlaMK1Wc/c/18012345678901234/",
     "https://www.instagram.com/p/DA5VlaMK1Wc/"),
    ("instagram-reply", "https://www.instagram.com/reel/DA5VlaMK1Wc/c/18012345678901234/r/18098765432109876/",
     "instagram", "18098765432109876", "https://www.instagram.com/p/DA5VlaMK1Wc/c/18098765432109876/",
     "https://www.instagram.com/p/DA5VlaMK1Wc/"),
    ("telegram-comment", "https://t.me/Riverton_News/890?comment=4455", "telegram", "riverton_news/890?comment=4455",
     "https://t.me/riverton_news/890?comment=4455", "https://t.me/riverton_news/890"),
    # the path words in capitals, as /P/<code> is read (review36e: /P/<code>/C/<id>/ was read as the post)
    ("instagram-comment-capitals", "https://www.instagram.com/P/DA5VlaMK1Wc/C/18012345678901234/", "instagram",
     "18012345678901234", "https://www.instagram.com/p/DA5VlaMK1Wc/c/18012345678901234/",
     "https://www.instagram.com/p/DA5VlaMK1Wc/"),
    ("instagram-reply-capitals", "https://www.instagram.com/REEL/DA5VlaMK1Wc/C/18012345678901234/R/18098765432109876/",
     "instagram", "18098765432109876", "https://www.instagram.com/p/DA5VlaMK1Wc/c/18098765432109876/",
     "https://www.instagram.com/p/DA5VlaMK1Wc/"),
]


@pytest.mark.parametrize("url,platform,post_id,canonical,parent", [r[1:] for r in COMMENTS],
                         ids=[r[0] for r in COMMENTS])
def test_a_comment_url_names_the_comment_and_its_parent(url, platform, post_id, canonical, parent):
    """Every form read as the post it is under: the comment's id was dropped (newuser36 #1)."""
    ref = platforms.parse_url(url)
    assert (ref.platform, ref.kind, ref.post_id, ref.url, ref.parent) == (platform, "comment", post_id, canonical,
                                                                           parent)
    assert ref.author_handle is None   # the account in the URL is the post's, not the commenter's
    assert canonical_url(url) == canonical
    assert platforms.post_key(url) != platforms.post_key(parent)


UNREAD = [
    ("reddit", "https://www.reddit.com/r/riverton/comments/1rvf10d/comment/not-an-id!/", THREAD_URL),
    ("facebook", f"https://www.facebook.com/rivertoncouncil/posts/{FB}?comment_id=unreadable%21",
     f"https://www.facebook.com/rivertoncouncil/posts/{FB}/"),
    ("youtube", "https://www.youtube.com/watch?v=Rv7Kd2mQx0A&lc=%21", "https://www.youtube.com/watch?v=Rv7Kd2mQx0A"),
    ("instagram", "https://www.instagram.com/p/DA5VlaMK1Wc/c/notanumber/", "https://www.instagram.com/p/DA5VlaMK1Wc/"),
    ("telegram", "https://t.me/riverton_news/890?comment=abc", "https://t.me/riverton_news/890"),
]


@pytest.mark.parametrize("url,parent", [r[1:] for r in UNREAD], ids=[r[0] for r in UNREAD])
def test_a_comment_whose_id_cannot_be_read_is_a_comment_with_no_id_never_its_parent(url, parent):
    ref = platforms.parse_url(url)
    assert (ref.kind, ref.post_id, ref.parent) == ("comment", None, parent)
    assert ref.url != parent and platforms.post_key(url) is None


SHOWN_WHOLE = [
    ("youtube-embed", "https://www.youtube.com/embed/Rv7Kd2mQx0A?lc=UgzAbCdEfGhIjKlMnOp4AaABAg", "youtube", "video",
     "Rv7Kd2mQx0A"),
    ("youtube-nocookie", "https://www.youtube-nocookie.com/embed/Rv7Kd2mQx0A?start=5&lc=UgzAbCdEfGhIjKlMnOp4AaABAg",
     "youtube", "video", "Rv7Kd2mQx0A"),
    ("fb-post-plugin", "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2F"
     f"rivertoncouncil%2Fposts%2F{FB}%3Fcomment_id%3D998877665544332&width=500", "facebook", "post", FB),
    ("fb-video-plugin", "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2F"
     f"rivertoncouncil%2Fvideos%2F{FB}%2F%3Fcomment_id%3D998877665544332", "facebook", "video", FB),
]


@pytest.mark.parametrize("url,platform,kind,post_id", [r[1:] for r in SHOWN_WHOLE], ids=[r[0] for r in SHOWN_WHOLE])
def test_a_player_or_a_posts_frame_shows_the_post_even_when_its_link_names_a_comment(url, platform, kind, post_id):
    """YouTube's player (/embed/<id>) plays the video and Facebook's post and video plugins show the post, whatever
    comment the link they were given names (a link copied from a notification keeps ?comment_id=): what the article
    shows is the post, fetched and checked as one. They were read as a comment, never fetched (review36e)."""
    ref = platforms.parse_url(url)
    assert (ref.platform, ref.kind, ref.post_id, ref.parent) == (platform, kind, post_id, None)


def test_facebooks_post_code_with_a_comments_link_embeds_the_post():
    """div.fb-post's data-href copied with ?comment_id=: Facebook's script shows the post (review36e)."""
    page = (f'<div class="fb-post" data-href="https://www.facebook.com/rivertoncouncil/posts/{FB}?comment_id='
            '998877665544332" data-width="500"><blockquote class="fb-xfbml-parse-ignore"><p>The levee holds.</p>'
            'Posted by <a href="https://www.facebook.com/rivertoncouncil">Riverton Council</a> on '
            f'<a href="https://www.facebook.com/rivertoncouncil/posts/{FB}">Monday, March 9, 2026</a>'
            '</blockquote></div>')
    (embed,) = find_all(page, "html")[0]
    assert (embed.platform, embed.kind, embed.post_id, embed.author_handle) == ("facebook", "post", FB,
                                                                                "rivertoncouncil")
    assert (embed.text, embed.date_text) == ("The levee holds.", "Monday, March 9, 2026")


def reddit_comment_code(user: str = "ModTeamLead") -> str:
    """Reddit's embed code for a comment: a "Comment" link to its permalink, then "by u/<user> from discussion"."""
    return ('<blockquote class="reddit-embed-bq" data-embed-showtitle="true" data-embed-context="1" '
            'data-embed-depth="2" data-embed-height="240"><a href="https://www.reddit.com/r/riverton/comments/1rvf10d/'
            f'comment/kx9y8z7/">Comment</a><br> by<a href="https://www.reddit.com/user/{user}/">u/{user}</a> from '
            f'discussion<a href="{THREAD}">Levee breach at Riverton</a><br> in'
            '<a href="https://www.reddit.com/r/riverton/">riverton</a></blockquote>')


THREAD_CODE = (f'<blockquote class="reddit-embed-bq"><a href="{THREAD}">Levee breach at Riverton</a><br> by'
               '<a href="https://www.reddit.com/user/River_Watcher_7/">u/River_Watcher_7</a> in'
               '<a href="https://www.reddit.com/r/riverton/">riverton</a></blockquote>')
FB_COMMENT_FRAME = ('<iframe src="https://www.facebook.com/plugins/comment_embed.php?href=https%3A%2F%2Fwww.facebook.com'
                    f'%2Frivertoncouncil%2Fposts%2F{FB}%3Fcomment_id%3D998877665544332&include_parent=false" '
                    'width="560" height="141"></iframe>')


def test_a_thread_and_a_comment_under_it_are_two_posts_of_two_accounts():
    """The comment was an `also_at` of the thread's embed: two accounts' posts merged, the comment gone (a21)."""
    page = (f"<html><body><p>The rumour began in a thread:</p>{THREAD_CODE}<p>A moderator answered:</p>"
            f"{reddit_comment_code()}<p>The council's comment:</p>{FB_COMMENT_FRAME}"
            f'<p>On <a href="https://www.facebook.com/rivertoncouncil/posts/{FB}">its post</a>, and a '
            '<a href="https://www.youtube.com/watch?v=Rv7Kd2mQx0A&amp;lc=UgzAbCdEfGhIjKlMnOp4AaABAg">comment</a> under '
            '<a href="https://www.youtube.com/watch?v=Rv7Kd2mQx0A">the video</a>.</p></body></html>')
    seen = {(e.platform, e.kind, e.post_id): e for e in find_all(page, "html")[0]}
    assert set(seen) == {("reddit", "post", "1rvf10d"), ("reddit", "comment", "t1_kx9y8z7"),
                         ("facebook", "comment", f"{FB}_998877665544332"), ("facebook", "post", FB),
                         ("youtube", "comment", "UgzAbCdEfGhIjKlMnOp4AaABAg"), ("youtube", "video", "Rv7Kd2mQx0A")}
    thread, comment = seen[("reddit", "post", "1rvf10d")], seen[("reddit", "comment", "t1_kx9y8z7")]
    assert (thread.author_handle, thread.also_at) == ("River_Watcher_7", ())
    # the comment's author is the "by u/" link's; its "Comment" label and the thread's title are no words of it
    assert (comment.author_handle, comment.text) == ("ModTeamLead", None)
    assert seen[("facebook", "comment", f"{FB}_998877665544332")].author_handle is None


def test_a_comment_is_never_checked_against_its_thread(fakenet, tmp_path, monkeypatch):
    """The comment's code, read as the thread, was fetched as the thread (author River_Watcher_7) and the report
    failed it: "article says @ModTeamLead, the post's author is @River_Watcher_7 … may be misattributed" (a22).
    A comment is its own post: its thread is named as where it is, its author is never compared with the thread's."""
    fakenet.route("www.reddit.com", "/oembed", json_page(reddit_oembed("River_Watcher_7")))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    article = f"<html><body><p>A moderator answered:</p>{reddit_comment_code()}</body></html>"
    code, out = run("report", "--format", "json", "article.html", article=article)
    (comment,) = json.loads(out)["embeds"]
    assert (comment["kind"], comment["post_id"], comment["parent"]) == ("comment", "t1_kx9y8z7", THREAD_URL)
    assert comment["post"] is None and checks_of(comment)["author"]["result"] != "fail"
    assert not [hit for hit in fakenet.hits if hit[1] == "/oembed"]   # the thread was not fetched in its place
    code, md = run("report", "--format", "md", "article.html")
    assert "fail **" not in md and "misattributed" not in md
    assert f"a comment on {THREAD_URL}" in md
    # its header says why nothing was asked: "not looked up" read as a step skipped
    assert "### 1. reddit comment by @ModTeamLead: not fetched (a comment)" in md


def test_an_unread_comment_id_is_said_and_its_parent_never_stands_for_it(fakenet, tmp_path, monkeypatch):
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    article = ('<html><body><p>Their reply: <a href="https://t.me/riverton_news/890?comment=abc">here</a>.</p>'
               '</body></html>')
    code, out = run("report", "--format", "json", "article.html", article=article)
    (comment,) = json.loads(out)["embeds"]
    assert (comment["kind"], comment["post_id"], comment["parent"]) == ("comment", None, "https://t.me/riverton_news/890")
    assert comment["status"]["code"] == "not_identified"
    code, md = run("report", "--format", "md", "article.html")
    assert "no comment id: a comment on https://t.me/riverton_news/890: its id was not read from the link" in md


def test_a_reddit_embeds_uncertain_words_are_no_tweets(fakenet, tmp_path, monkeypatch):
    """The Text row of a Reddit thread's code said "[where the tweet starts or ends in the article is uncertain]":
    X's word for every platform's post (newuser36 #7)."""
    from tests.test_platform_facts import reddit_card

    fakenet.route("www.reddit.com", "/oembed", json_page(reddit_oembed("River_Watcher_7")))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, md = run("report", "--format", "md", "article.html", article=reddit_card())
    assert "| Text | Levee breach at Riverton [where the post starts or ends in the article is uncertain] |" in md
    assert "tweet" not in md


def test_a_share_link_to_a_comment_ends_at_the_comment_without_a_request_for_its_page(fakenet, tmp_path):
    """A short link led to a comment's permalink: its page was requested as any page's, and the link named no post
    (a post's URL ends a chain with no request; a comment's, read as the thread's, was the thread's)."""
    from tests.fakenet import redirect
    from tests.test_cli_resolve import config_for, invoke

    target = "https://www.reddit.com/r/riverton/comments/1rvf10d/comment/kx9y8z7/?share_id=x1"
    fakenet.route("www.reddit.com", "/r/riverton/s/AbCdEf1234", redirect(target))
    config = config_for(fakenet, tmp_path, hosts=["www.reddit.com"])
    result = invoke(tmp_path, config, "resolve", "--json", "https://www.reddit.com/r/riverton/s/AbCdEf1234")
    assert result.exit_code == 0, result.output
    (resolution,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()] \
        if not result.stdout.lstrip().startswith("[") else json.loads(result.stdout)
    assert (resolution["post"]["kind"], resolution["post"]["post_id"]) == ("comment", "t1_kx9y8z7")
    assert resolution["canonical_url"] == "https://www.reddit.com/r/riverton/comments/1rvf10d/comment/kx9y8z7/"
    assert fakenet.hits == [("www.reddit.com", "/r/riverton/s/AbCdEf1234")]


@pytest.mark.parametrize("href, post_id", [
    (f"https://www.facebook.com/rivertoncouncil/posts/{FB}?comment_id=998877665544332", f"{FB}_998877665544332"),
    (f"https://www.facebook.com/rivertoncouncil/posts/{FB}?comment_id=998877665544332&amp;reply_comment_id="
     "112233445566778", f"{FB}_112233445566778"),
    (f"https://www.facebook.com/rivertoncouncil/posts/{FB}", None),
], ids=["comment", "reply", "no-comment-named"])
@pytest.mark.parametrize("cls", ["fb-comment-embed", "FB-COMMENT-EMBED"])
def test_facebooks_comment_code_embeds_the_comment(href, post_id, cls):
    """div.fb-comment-embed (Facebook's embedded-comment code before its script runs, as its plugins page gives it) was
    not detected at all: the comment was missed (review36e). It shows the comment, its own post; a data-href naming
    no comment is a comment whose id is not known, never the post it is under."""
    page = (f'<html><body><p>The council answered:</p><div class="{cls}" data-href="{href}" data-width="560" '
            'data-include-parent="false"></div></body></html>')
    (embed,) = find_all(page, "html")[0]
    assert (embed.platform, embed.kind, embed.post_id, embed.detector) == ("facebook", "comment", post_id, "html-xfbml")
    assert page[embed.span[0]:embed.span[1]].startswith(f'<div class="{cls}" data-href="{href}"')   # the code
