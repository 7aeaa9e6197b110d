"""Every Reddit URL shape, read into a PostRef: comment threads under a subreddit or a user, redd.it links, the
embed hosts, and the share sheet's /r/<sub>/s/<token> links (short links to resolve)."""

from __future__ import annotations

from resolver.lazy import LazyPattern
from resolver.model import PostRef
from resolver.platforms import urls

PLATFORM = "reddit"
DOMAINS = frozenset({"reddit.com", "redd.it", "redditmedia.com"})
MARKERS = ("reddit", "redd.it")
SOURCE_SHAPES = {"reddit.com": ("/comments/",), "redditmedia.com": ("/comments/",)}

POST_ID = LazyPattern(r"^[a-z0-9]{1,12}$")   # base 36
TOKEN = LazyPattern(r"^[A-Za-z0-9]{4,20}$")
NAME = LazyPattern(r"^[A-Za-z0-9_-]{1,40}$")
# Hosts whose media ids are not post ids: i.redd.it images, v.redd.it videos, preview images.
MEDIA_HOSTS = frozenset({"i.redd.it", "v.redd.it", "preview.redd.it", "external-preview.redd.it"})


# What Reddit writes in a thread's place once it is gone: its author "[deleted]" (the author deleted the thread, or
# their account), its title or words "[removed]" (its subreddit's moderators, or Reddit, removed it).
DELETED = "[deleted]"
REMOVED = "[removed]"
DELETED_WORDS = "the author deleted the post or their account: Reddit names its author “[deleted]”"
REMOVED_WORDS = "removed by the subreddit's moderators or by Reddit: Reddit gives it as “[removed]”"


def _mark(words: str | None) -> str | None:
    """The words inside brackets that are the whole of `words` (Reddit's mark: "[removed]", "[ Removed by Reddit ]",
    spaces inside its brackets), in one case and their spaces made one; None for words not all in brackets."""
    said = " ".join((words or "").split()).casefold()
    return said[1:-1].strip() if len(said) > 2 and said[0] == "[" and said[-1] == "]" else None


def placeholder(words: str | None) -> bool:
    """Whether words are Reddit's mark of a thread gone ("[deleted]", "[removed]", "[deleted by user]", "[ Removed by
    Reddit ]", "[ Removed by Reddit on account of violating the content policy. ]"), not words."""
    mark = _mark(words)
    return mark is not None and (mark in ("deleted", "removed", "deleted by user") or mark.startswith("removed by "))


# Its author "[deleted]" beside a title of its own: the author deleted the thread (Reddit keeps its title) or only
# their account (the thread stays up): which, the answer does not say
ACCOUNT_OR_POST_WORDS = ("Reddit names its author “[deleted]”: the author deleted the post or their account (the "
                         "post stays up when only the account is gone): whether it is still shown is not known")


def gone_said(author: str | None, title: str | None) -> tuple[str, str] | None:
    """The status and words of what Reddit's answer says of a thread that may be gone: its title "[removed…]" or
    "[deleted by user]" ("deleted"), its author alone "[deleted]" ("unknown": the thread may be up, its author's
    account gone); None where it says none of these."""
    # the whole title Reddit's mark, as it writes it ("[ Removed by Reddit ]"), never a title of the thread's own
    # that starts so ("[Removed from sale] …": review46j)
    said = _mark(title) if placeholder(title) else None
    if said is not None and said.startswith("removed"):
        return "deleted", REMOVED_WORDS
    if said == "deleted by user":
        return "deleted", DELETED_WORDS
    if (author or "").strip().casefold() == DELETED:
        return "unknown", ACCOUNT_OR_POST_WORDS
    return None


def profile_url(user: str) -> str:
    """A user's page: what a scraped embed's remnant ("by u/<user> in <sub>") with no post link points at."""
    return f"https://www.reddit.com/user/{user}/"


def subreddit(url: str) -> str | None:
    """The subreddit a thread's or comment's URL names (/r/<sub>/comments/…), lower-cased as Reddit matches it, or
    None (redd.it/<id>, /comments/<id>, a user's thread)."""
    split = urls.split(url)
    parts = split.parts if split is not None else ()
    return parts[1].lower() if len(parts) >= 3 and parts[0] == "r" and parts[2] == "comments" else None


def parse(url: str) -> PostRef | None:
    """/r/<sub>/comments/<id>/..., /user/<u>/comments/<id>/, /comments/<id>, on any reddit.com host (old., np.,
    nm., sh., embed.) and redditmedia.com; redd.it/<id> gives the post directly; /r/<sub>/s/<token> is a short
    link to resolve. A comment permalink (/comments/<id>/comment/<cid>/, the old /comments/<id>/<slug>/<cid>/) is
    the comment, its own post under the thread (newuser36 #1: it was read as the thread)."""
    split = urls.split(url)
    if split is None or split.host in MEDIA_HOSTS:
        return None
    parts = split.parts
    if split.host == "redd.it":
        return _post(parts[0], None) if len(parts) == 1 else None
    if len(parts) >= 4 and parts[0] == "r" and parts[2] == "s" and NAME.match(parts[1]) and TOKEN.match(parts[3]):
        return PostRef(PLATFORM, "short-link", f"https://www.reddit.com/r/{parts[1]}/s/{parts[3]}")
    if len(parts) >= 4 and parts[0] in ("r", "user", "u") and parts[2] == "comments" and NAME.match(parts[1]):
        where = f"r/{parts[1]}" if parts[0] == "r" else f"user/{parts[1]}"
        return _comment_in(_post(parts[3], where), parts[4:], url)
    if len(parts) >= 2 and parts[0] in ("comments", "gallery"):   # a gallery's page is its post's (newuser31b)
        return _comment_in(_post(parts[1], None), parts[2:], url) if parts[0] == "comments" else _post(parts[1], None)
    return None


def _comment_in(thread: PostRef | None, rest: tuple[str, ...], url: str) -> PostRef | None:
    """The thread, or the comment the path after its id names: comment/<cid> or <slug>/<cid>. A comment's id is
    Reddit's own name of it, "t1_<cid>": comments are counted apart from threads, so a bare <cid> may be a thread's
    id too, and the cache keys a post by its id."""
    if thread is None or len(rest) < 2:
        return thread
    cid = rest[1]
    if not POST_ID.match(cid):
        return thread.comment(None, url.strip())
    return thread.comment(f"t1_{cid}", f"{thread.url}comment/{cid}/")


def _post(post_id: str, where: str | None) -> PostRef | None:
    """Canonical thread URL: under its subreddit or user when the URL names one (reddit redirects the rest)."""
    if not POST_ID.match(post_id):
        return None
    prefix = f"https://www.reddit.com/{where}" if where else "https://www.reddit.com"
    return PostRef(PLATFORM, "post", f"{prefix}/comments/{post_id}/", post_id)
