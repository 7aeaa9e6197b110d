"""One embed per post, whichever detector and URL form found it, in an HTML page or a plain text alike (#15: a
plain text gave an embed for each time it named a post)."""

from __future__ import annotations

import re
from dataclasses import replace

from resolver.model import ACCOUNT_BY_DID, LOOKALIKE_NAME, Embed, Place, names_a_lookalike, names_two_posts
from resolver.platforms import bluesky

DETECTOR_RANK = {"html-blockquote": 0, "html-blackbird-pie": 0, "html-amp": 1, "html-iframe": 2, "html-wp-embed": 3, "html-xfbml": 3,
                 "html-script": 3, "html-custom-element": 3, "html-text-signature": 4, "html-timeline": 5, "html-link": 6,
                 "html-text-url": 7, "html-source": 8, "html-intent": 9,
                 # plain text: a signature has the post's words, name and date; a bare URL only the link
                 "text-signature": 4, "text-url": 7, "text-media-link": 7}


# Detections that name a post without showing it: Web Intent buttons (Like, Retweet, Reply). Beside the post's embed
# or a link to it they are places it appears; alone, a button (urlforms30, #15).
BUTTONS = frozenset({"html-intent"})


ONE_PER_POST = "embeds: one per post"   # the step's name, where a reading guards it (resolver.extract.incomplete)


def one_per_post(embeds: list[Embed]) -> list[Embed]:
    """One embed per post: the richest detection wins (the first of the best rank), the other places it appears
    go to `also_at`, and those showing the post with other words than the winner's to `other_words` too, so that
    every quote is checked (newuser29b §1: an embed code pasted twice with a word changed passed unchecked). Each
    post's places are gathered first and joined once (#12: a page repeating one link 100,000 times made this
    quadratic)."""
    groups: dict[str, list[Embed]] = {}
    for embed in embeds:
        # One post, one embed, whatever handle each link spells (a widget may name another account).
        # A post with no id by its place, date and words: two signatures in one element share the element's span.
        key = (f"{embed.platform}:{embed.kind}:{embed.post_id}" if embed.post_id else embed.url if embed.kind != "post"
               else f"{embed.url}#{embed.span[0]}#{embed.date_text}#{embed.text}")
        groups.setdefault(key, []).append(embed)
    _join_repeated_signatures(groups)
    _join_accounts_named_both_ways(groups)
    kept = []
    for group in groups.values():
        if all(e.detector in BUTTONS for e in group):
            continue   # a Like or Retweet button with nothing else of its post: no embedded post (urlforms30)
        if len(group) == 1:
            kept.append(group[0])
            continue
        # A copy the page shows wins over one it keeps unshown (newuser37 #1: a forged copy in a display:none div,
        # first in the page, was quoted as the article's and the visible copy "shown again"); min keeps the first.
        winner = min(group, key=lambda e: (e.unshown is not None, DETECTOR_RANK.get(e.detector, 9)))
        places = {span for e in group for span in e.also_at}
        places.update(e.span for e in group if e is not winner)
        # a video's start time: the winner's, else the first place's that names one (newuser29 #10)
        start = winner.start_seconds if winner.start_seconds is not None else next(
            (e.start_seconds for e in sorted(group, key=lambda e: e.span) if e.start_seconds is not None), None)
        # a place that names the post plainly settles an id another place's run-on URL left in doubt (newuser31b)
        # but not an embed code naming two posts: its conflict is its own, whatever another place names (newuser37 #2)
        # nor a signature's post linked by DID (newuser38b #1): another place naming the post says nothing of whose DID
        doubt = next((e.id_doubt for e in sorted(group, key=lambda e: e is not winner) if names_two_posts(e.id_doubt)
                      or (e.id_doubt or "").startswith(ACCOUNT_BY_DID)),
                     None) or _with_disguise(winner, group,
                                             None if any(e.id_doubt is None for e in group) else winner.id_doubt)
        others = _other_handles(winner, group)
        if winner.author_handle is None and not others and not names_two_posts(doubt):
            winner = _with_named_account(winner, group)
        kept.append(replace(winner, also_at=tuple(sorted(places)), start_seconds=start,
                            other_words=_other_words(winner, group), id_doubt=doubt, moments=_moments(group),
                            other_handles=others))
    return sorted(kept, key=lambda e: e.span)


def _with_disguise(winner: Embed, group: list[Embed], doubt: str | None) -> str | None:
    """`doubt`, with the disguise another place of `group` says: a link naming the post under a look-alike account
    (`platforms.lookalike_link`, "twitter.com/MoInfo_Gаza/status/N"). The real account's link to the same post
    settles nothing of the disguise the page holds (fixleft42a: it was dropped, as a run-on URL's doubt is)."""
    if names_a_lookalike(winner.id_doubt):
        return winner.id_doubt
    said = next((e.id_doubt for e in group if names_a_lookalike(e.id_doubt)), None)
    if said is None:
        return doubt
    elsewhere = "a link to it elsewhere names the " + (said or "")[len(LOOKALIKE_NAME):]
    if winner.author_handle:   # the real link names the account: "not as <it>'s" was the look-alike link's alone
        elsewhere = re.sub(r"; the post is read by its id, not as [^;]*'s$", "", elsewhere)
    return "; ".join(filter(None, (elsewhere, doubt)))


def _with_named_account(winner: Embed, group: list[Embed]) -> Embed:
    """A winner naming no account, with the one account another place of `group` names the post under, and that
    place's URL (the post's, with its account): an `m.tiktok.com/v/<id>.html` link beside the
    `www.tiktok.com/@user/video/<id>` one merged into `https://www.tiktok.com/@/video/<id>` with no author
    (newuser44c #9). Unchanged where no place, or more than one account (`other_handles` says those), names one, or
    the place naming it is in doubt (a handle written with a zero-width space, a look-alike: review45f, its doubt was
    lost with the handle taken plainly)."""
    named = next((e for e in sorted(group, key=lambda e: e.span) if e.author_handle and e.platform == winner.platform
                  and e.kind == winner.kind and e.id_doubt is None and _other_handles(e, group) == ()), None)
    if named is None or winner.platform == bluesky.PLATFORM and (named.author_handle or "").startswith("did:"):
        return winner
    return replace(winner, author_handle=named.author_handle, url=named.url)


def _moments(group: list[Embed]) -> tuple[tuple[tuple[int, int], int], ...]:
    """Each place of `group` naming a moment of the video, in the page's order (newuser41a #3: one video cited at two
    moments kept the first, and a moment written at a link was shown at the embed beside it)."""
    found = {span: seconds for e in group for span, seconds in e.moments}
    found.update((e.span, e.start_seconds) for e in group if e.start_seconds is not None)
    return tuple(sorted(found.items()))


def _other_handles(winner: Embed, group: list[Embed]) -> tuple[str, ...]:
    """The accounts other places of `group` name the post under, besides the winner's (case aside: handles ignore
    it), in the page's order (newuser41a #13: a TikTok id under a re-poster's handle was merged silently)."""
    # an account's own id is no other account: a Bluesky DID, the one its embed code names the post by, and Facebook's
    # number of a page or profile, its link's other spelling (review41e: a link by the DID beside the code showing
    # the handle was said "named under @handle and @did:plc:…", "/janepage/videos/N" and "/1000641…/videos/N" too)
    def account(handle: str | None) -> str | None:
        return None if handle is None or winner.platform == bluesky.PLATFORM and handle.startswith("did:") \
            or winner.platform == "facebook" and handle.isdigit() else handle

    own = account(winner.author_handle)
    seen = {(own or "").casefold()}
    named = []
    for e in sorted(group, key=lambda e: e.span):
        for handle in map(account, (e.author_handle, *e.other_handles)):
            if handle and handle.casefold() not in seen:
                seen.add(handle.casefold())
                named.append(handle)
    return tuple(named) if own or len(named) > 1 else ()


def _join_repeated_signatures(groups: dict[str, list[Embed]]) -> None:
    """A signature with no link ("We won today — Jane (@jane) May 1, 2024" in the page's prose) that repeats a post
    found with its id, the same author, day and words, is a place that post appears, not a second post with no id
    (review29c: a page quoting the post it embeds gave both). Another post of that author that day (other words, or
    no words to tell) stays a post of its own. Each signature asks one dict (#12)."""
    by_signature: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for key, group in groups.items():
        for embed in group:
            if embed.post_id and (signature := _signature_of(embed)) is not None and embed.text:
                by_signature.setdefault(signature, []).append((key, _words(embed.text)))
    if not by_signature:
        return
    for key in [k for k, group in groups.items() if not group[0].post_id and group[0].kind == "post"]:
        signature = _signature_of(groups[key][0])
        said = _words(groups[key][0].text or "")
        found = next(((known, words) for known, words in by_signature.get(signature, []) if _repeats(said, words)),
                     None) if signature is not None else None
        if found is not None:
            groups[found[0]] += [_quoting_only(e, found[1]) for e in groups.pop(key)]


def _join_accounts_named_both_ways(groups: dict[str, list[Embed]]) -> None:
    """A Bluesky post named by its account's DID in an embed that shows the account's handle, and by that handle in a
    link beside it, is one post: the embed ties the two names (urlforms30). Nothing else does offline, so the same
    record key under another handle stays another account's post (a key counts within its account, #15)."""
    aliases: dict[str, str] = {}
    for key, group in groups.items():
        head = group[0]
        named = bluesky.split_post_id(head.post_id or "") if head.platform == bluesky.PLATFORM else None
        if named is None or not named[0].startswith("did:"):
            continue
        for embed in group:
            if embed.author_handle and not embed.author_handle.startswith("did:"):
                alias = f"{head.platform}:{head.kind}:{bluesky.post_id(embed.author_handle.lower(), named[1])}"
                aliases.setdefault(alias, key)
    for alias, key in aliases.items():
        if alias in groups and alias != key:
            groups[key] += groups.pop(alias)


def _quoting_only(embed: Embed, words: str) -> Embed:
    """A joined signature whose words are the article's prose then the post's ("As she put it: we won …") keeps only
    the post's, its last words: the prose is no quote of the post to check (review29e: it warned of words "glued
    on by the page or a scraper" on a page quoting the post word for word)."""
    count = len(words.split())
    said = (embed.text or "").split()
    return embed if len(said) <= count else replace(embed, text=" ".join(said[-count:]))


def _repeats(said: str, words: str) -> bool:
    """Are a signature's words a post's: the same, or the prose before it then all of them ("As she put it: we won
    the vote today")? Three words at least for the latter: "No." ends many a post."""
    return bool(words) and (said == words or len(words.split()) >= 3 and said.endswith(words)
                            and not said[-len(words) - 1].isalnum())


def _signature_of(embed: Embed) -> tuple[str, str, str] | None:
    """The platform, author handle (case folded: handles ignore case) and day a post is signed with, or None."""
    if not embed.author_handle or not embed.date:
        return None
    return embed.platform, embed.author_handle.casefold(), embed.date


def _words(text: str) -> str:
    """A post's words as compared here: case folded, spaces as one."""
    return " ".join(text.casefold().split())


def _other_words(winner: Embed, group: list[Embed]) -> tuple[Place, ...]:
    """The places of `group` whose words are neither the winner's nor an earlier place's: where two places hold the
    same words (spacing aside), one check is enough."""
    seen = {_spaced(winner.text)}
    found = []
    places = [*(p for e in group for p in e.other_words),
              *(Place(e.span, e.detector, e.text, e.text_confidence, e.unshown) for e in group
                if e is not winner and e.text)]
    for place in sorted(places, key=lambda p: p.span):
        if _spaced(place.text) not in seen:
            seen.add(_spaced(place.text))
            found.append(place)
    return tuple(found)


def _spaced(text: str | None) -> str:
    """Words as a place's are told apart: spaces as one, case kept ("US" and "us" are two quotes to check)."""
    return " ".join(text.split()) if text else ""
