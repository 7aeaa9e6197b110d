"""Every Telegram URL shape, read into a PostRef: channel posts, the web preview, the widget's iframe and its
data-telegram-post attribute, and posts in private channels.

A message number counts within its channel (every channel has a post 416), so a post's id is the channel and the
number, as Telegram's own widget names it (`data-telegram-post="channel/416"`), the channel in lower case as
Telegram reads user names; a private channel's is `c/<chat>/<number>` (#15: two channels' posts 416 were one post).
"""

from __future__ import annotations

from dataclasses import replace

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import urls

PLATFORM = "telegram"
DOMAINS = frozenset({"t.me", "telegram.me", "telegram.dog"})
# "t.me\/": as script data escapes it; "tg:", Telegram's app link to a post (`parse_app_link`)
MARKERS = ("t.me/", "telegram", "t.me\\/", "tg:")
# Any path: only t.me/<channel>/<n> parses as a post, never a channel's link or an invitation.
SOURCE_SHAPES = {"t.me": ("/",), "telegram.me": ("/",)}

MESSAGE_ID = LazyPattern(r"^[1-9][0-9]{0,11}$")   # no leading zero: "0416" would be a second 416
CHANNEL = LazyPattern(r"^[A-Za-z0-9_]{3,64}$")
PRIVATE_CHAT = LazyPattern(r"^[0-9]{5,16}$")


def parse(url: str) -> PostRef | None:
    """t.me/<channel>/<id> (?single, ?embed=1 for the widget iframe), t.me/s/<channel>/<id> (the web preview),
    telegram.me and telegram.dog, t.me/c/<chat>/<id> (a private channel: a post, with no public name); any of them
    with ?comment=<n> is that comment under the post."""
    split = urls.split(url)
    if split is None:
        return None
    parts = split.parts
    if parts[:1] == ("s",):
        parts = parts[1:]
    # A message in a forum's topic: t.me/<channel>/<topic>/<id>, t.me/c/<chat>/<topic>/<id>. A chat numbers its
    # messages, its topics' too (a topic's id is its first message's), so the message is <channel>/<id> (newuser31b).
    topic = 2 if parts[:1] == ("c",) else 1
    if len(parts) == topic + 2 and MESSAGE_ID.match(parts[topic]) and MESSAGE_ID.match(parts[topic + 1]):
        parts = parts[:topic] + parts[topic + 1:]
    if len(parts) != 2 and not (len(parts) == 3 and parts[0] == "c"):
        return None
    if parts[0] == "c" and len(parts) == 3 and PRIVATE_CHAT.match(parts[1]) and MESSAGE_ID.match(parts[2]):
        post_id = f"c/{parts[1]}/{parts[2]}"
        return _comment_on(PostRef(PLATFORM, "post", f"https://t.me/{post_id}", post_id), split, url)
    if len(parts) == 2 and CHANNEL.match(parts[0]) and MESSAGE_ID.match(parts[1]):
        post_id = f"{parts[0].lower()}/{parts[1]}"
        return _comment_on(PostRef(PLATFORM, "post", f"https://t.me/{post_id}", post_id, parts[0]), split, url)
    return None


def parse_app_link(url: str) -> PostRef | None:
    """Telegram's app links to a channel's post (core.telegram.org/api/links: `tg:path?query` or `tg://path?query`,
    the #fragment ignored): `tg://resolve?domain=<channel>&post=<n>` is the public post t.me/<channel>/<n> (its
    `&comment=<m>` a comment under it; `&single` and `&thread=` show the same message), `tg://privatepost?channel=
    <chat>&post=<n>` a private channel's, t.me/c/<chat>/<n>. Read as those, so the post a link names is the same
    whichever form an article wrote: a tg: link itself is never asked of anyone (it opens only the app). None for
    any other tg: link (a channel with no post, a bot, a user's chat)."""
    from urllib.parse import parse_qs

    head, _, query = url.strip().partition("?")
    if head[:3].lower() != "tg:" or not query:
        return None
    path = head[3:].removeprefix("//").strip("/").lower()
    args = {name: values[0] for name, values in parse_qs(query.partition("#")[0], keep_blank_values=True).items()}
    post = args.get("post", "")
    ref = None
    if path == "resolve" and CHANNEL.match(args.get("domain", "")) and MESSAGE_ID.match(post):
        comment = args.get("comment", "")
        ref = parse(f"https://t.me/{args['domain']}/{post}" + (f"?comment={comment}" if comment else ""))
    elif path == "privatepost" and PRIVATE_CHAT.match(args.get("channel", "")) and MESSAGE_ID.match(post):
        ref = parse(f"https://t.me/c/{args['channel']}/{post}")
    # shown as the article wrote it, beside the t.me URL it is read as (`PostRef.shown`)
    return replace(ref, shown=url.strip()) if ref is not None else None


def _comment_on(post: PostRef, split: urls.SplitURL, url: str) -> PostRef:
    """The post, or the comment ?comment=<n> names under it: a message of the channel's discussion group, its own
    post by its own author (newuser36 #1: it was read as the channel's post). The group counts its messages apart
    from the channel, so its id names the post too: "<channel>/<n>?comment=<m>", as its URL does."""
    if "comment=" not in split.query_text:
        return post
    number = split.arg("comment")
    if number is None or not MESSAGE_ID.match(number):
        return post.comment(None, url.strip())
    return post.comment(f"{post.post_id}?comment={number}", f"{post.url}?comment={number}")


def page_forms(ref: PostRef) -> tuple[str, ...]:
    """The pages of a public channel's post the archive files apart, no scheme, each asked as a prefix (which lists
    its `?embed=1` and `?single` pages too): t.me/<channel>/<n>, the web preview t.me/s/<channel>/<n> (where most
    captures of a channel are) and telegram.me/<channel>/<n>. A deleted post archived only as its preview was said
    never archived: its t.me page alone was asked (newuser39a #1). None for a private channel's post or a comment."""
    if ref.kind != "post" or not ref.post_id or ref.post_id.startswith("c/"):
        return ()
    return post_pages(ref.post_id)


def post_pages(post_id: str) -> tuple[str, ...]:
    """A public channel's post's pages the archive files apart (`page_forms`), by its id `<channel>/<n>`: the one
    list both a report's lookup and the fetch's reading of its captures ask (review40a: the fetch asked t.me and t.me/s
    alone, so a copy archived under telegram.me was listed by the report and never read)."""
    return (f"t.me/{post_id}", f"t.me/s/{post_id}", f"telegram.me/{post_id}")


def is_private(ref: PostRef) -> bool:
    """Whether a post (or a comment under it) is in a private channel, `t.me/c/<chat>/<n>`: only its members open it."""
    return (ref.post_id or ref.parent or "").startswith(("c/", "https://t.me/c/"))


def parse_post_attribute(value: str) -> PostRef | None:
    """The `data-telegram-post="channel/123"` attribute of Telegram's widget script."""
    return parse("https://t.me/" + value.strip().strip("/"))
