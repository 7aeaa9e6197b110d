"""Which post a link-less remnant is (#9 §3): `... — River Desk (@river_desk) 3 May 2021` names an account and a
day, not a post.

Candidates are the account's posts inside the snowflake window of the remnant's day; each one's text comes from
the live sources or, when the post is gone, from its archived copies. Each is scored by the word comparison of
quotes.py (mostly: how many of the post's words the remnant holds, in order), and one is accepted only with a
clear margin over the runner-up. Two candidates equally close are a tie: the answer is "cannot tell", never a
guess. Everything weighed is kept as evidence.

`choose` is pure; the candidate lookup (CDX, fetches, captures) feeds it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from resolver import quotes
from resolver.platforms import x

if TYPE_CHECKING:
    from collections.abc import Mapping

    from resolver.fetch import FetchedPost
    from resolver.fetch.wayback import ArchivedCopy
    from resolver.session import Session

MIN_SCORE = 0.5          # below this no candidate explains the remnant
NOT_CHECKED = "not-checked"   # the verdict when the account's captures could not be listed (offline, an error)
MARGIN = 0.1             # the best must lead the runner-up by this much
FULL_CONFIDENCE_AT = 0.2  # a lead this large (or more) leaves the best score as the confidence


@dataclass(frozen=True)
class Candidate:
    """One post that could be the remnant, and where its text came from."""

    post_id: str
    text: str | None
    text_from: str                  # "syndication" | "x-api" | "oembed" | "wayback" | "none"
    status: str | None = None       # what the live sources say (deleted, available...)
    capture: str | None = None      # the capture the text came from (its raw URL), when it came from one
    captured_at: str | None = None  # the capture's time, UTC ISO
    # Where its text's t.co links lead, as the answer the text came from said (`fetch.records.link_map`): a written
    # address in the remnant is weighed against them, as the report's text check does (replay29)
    links: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    score: float | None             # None: no text known, so nothing to score
    comparison: quotes.Comparison | None

    def to_json(self) -> dict[str, Any]:
        c = self.candidate
        minted = x.snowflake_time(c.post_id)
        return {"post_id": c.post_id, "score": self.score, "text_from": c.text_from, "status": c.status,
                "capture": c.capture, "captured_at": c.captured_at,
                "minted_at": minted.strftime("%Y-%m-%dT%H:%M:%SZ") if minted else None,
                "result": self.comparison.result if self.comparison else None,
                "evidence": self.comparison.evidence if self.comparison else "no text known for this post"}


@dataclass(frozen=True)
class Decision:
    post_id: str | None
    confidence: float
    verdict: str                    # "identified" | "tie" | "too-close" | "unreadable" | "no-match" | "no-candidates"
    reason: str
    scored: tuple[Scored, ...] = ()
    margin: float | None = None
    window: tuple[str, str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def best(self) -> Scored | None:
        return next((s for s in self.scored if s.candidate.post_id == self.post_id), None)

    def evidence(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "reason": self.reason, "margin": self.margin,
                "window": list(self.window) if self.window else None,
                "candidates": [s.to_json() for s in self.scored], **self.extra}


def id_window(day: str, *, slack_days: int = 1) -> tuple[int, int]:
    """The snowflake ids a post made on `day` (UTC, ISO date) can have, widened by slack_days for time zones."""
    start = datetime.combine(date.fromisoformat(day) - timedelta(days=slack_days), datetime.min.time(), timezone.utc)
    end = start + timedelta(days=1 + 2 * slack_days)

    def to_id(moment: datetime) -> int:
        return (int(moment.timestamp() * 1000) - x.TWITTER_EPOCH_MS) << 22

    return to_id(start), to_id(end) - 1


def score_all(remnant: str, candidates: list[Candidate]) -> list[Scored]:
    """Every candidate scored against the remnant, best first (those with no text last)."""
    scored = []
    for candidate in candidates:
        if not candidate.text:
            scored.append(Scored(candidate, None, None))
            continue
        scored.append(Scored(candidate, quotes.score(remnant, candidate.text),
                             quotes.compare(remnant, candidate.text, links=candidate.links)))
    return sorted(scored, key=lambda s: (s.score is not None, s.score or 0.0), reverse=True)


def choose(remnant: str, candidates: list[Candidate], *, window: tuple[str, str] | None = None) -> Decision:
    """The candidate the remnant is, when one stands out; otherwise no answer and why."""
    if not candidates:
        # the candidates are what the archive's CDX listing named: a post the cache knows from elsewhere is not
        # among them, so this says what was asked (newuser31 #7)
        return Decision(None, 0.0, "no-candidates", "no capture listed by CDX is of a post of this account inside "
                                                    "the window", window=window)
    scored = tuple(score_all(remnant, candidates))
    known = [(s, s.score) for s in scored if s.score is not None]
    if not known:
        return Decision(None, 0.0, "no-match", f"no text is known for any of the {len(scored)} candidates",
                        scored, window=window)
    best, top = known[0]
    runner_up = known[1][1] if len(known) > 1 else 0.0
    margin = round(top - runner_up, 4)
    if top < MIN_SCORE:
        return Decision(None, 0.0, "no-match", f"no candidate's words match the remnant (best {top:.2f})",
                        scored, margin, window)
    if margin == 0:
        tied = [s.candidate.post_id for s, value in known if value == top]
        return Decision(None, 0.0, "tie", f"{len(tied)} candidates are equally close ({top:.2f}): "
                                          f"{', '.join(tied)}; none is accepted", scored, margin, window)
    if margin < MARGIN:
        return Decision(None, 0.0, "too-close", f"the best ({best.candidate.post_id}, {top:.2f}) leads the "
                                                f"runner-up by only {margin:.2f}; none is accepted", scored, margin,
                        window)
    unread = [s.candidate.post_id for s in scored if s.score is None]
    unread_note = (f"the text of {len(unread)} candidate{'s' * (len(unread) > 1)} could not be read "
                   f"({', '.join(unread)})")
    if unread and best.comparison is not None and best.comparison.result == "fail":
        # The post may be the unread one (gone, no capture readable): a near miss is then a wrong answer (#9).
        changes = "; ".join(str(c) for c in best.comparison.changes)
        return Decision(None, 0.0, "unreadable", f"the best ({best.candidate.post_id}, {top:.2f}) differs from the "
                                                 f"remnant ({changes}) and {unread_note}: "
                                                 f"{'one of them' if len(unread) > 1 else 'it'} may be the post; "
                                                 "none is accepted", scored, margin, window)
    confidence = round(top * min(1.0, margin / FULL_CONFIDENCE_AT), 3)
    where = f"its capture of {best.candidate.captured_at}" if best.candidate.capture else best.candidate.text_from
    return Decision(best.candidate.post_id, confidence, "identified",
                    f"{best.candidate.post_id} scores {top:.2f} (text from {where}), "
                    f"{margin:.2f} ahead of the runner-up" + (f"; {unread_note}" if unread else ""), scored, margin,
                    window)


# -- the lookup (I/O) -------------------------------------------------------------------------------------------

MAX_CANDIDATES = 25
CAPTURES_PER_CANDIDATE = 2


@dataclass(frozen=True)
class Identification:
    """Which post a flattened tweet is, how sure, and why; `post` is the identified post as fetched (with its
    archived copies), so it flows into the report's checks as if the article had linked it."""

    post_id: str | None
    confidence: float
    candidates: int
    similarity: float | None          # the best candidate's word score (quotes.score), kept under its old name
    evidence: dict[str, Any]
    unavailable: bool = False         # offline: the archive was not asked
    verdict: str = "no-candidates"
    post: FetchedPost | None = field(default=None, compare=False)

    @property
    def error(self) -> str | None:
        """Why the identification could not be made (the archive's answer was an error), or None."""
        found = self.evidence.get("error")
        return str(found) if found else None

    @property
    def failed(self) -> bool:
        """An error that was no offline non-answer, nor a listing withheld (a handle that is a secret): the exit
        code says so (#11)."""
        from resolver.archive import WITHHELD

        return self.error is not None and not self.unavailable and not self.error.startswith(WITHHELD)

    def to_json(self) -> dict[str, Any]:
        return {"platform": "twitter", "post_id": self.post_id, "confidence": self.confidence,
                "candidates": self.candidates, "similarity": self.similarity, "verdict": self.verdict,
                "evidence": self.evidence}


async def identify(handle: str, day: str, text: str, *, session: Session,
                   max_candidates: int = MAX_CANDIDATES) -> Identification:
    """Find the post a flattened tweet is: the account's captured posts (a CDX prefix query per handle and host,
    kept for the cache TTL) inside the snowflake window of its day, each one's text from the live sources or, when
    gone, from its captures, scored by words; see `choose`."""
    from resolver import archive
    from resolver.fetch import FetchOptions, Target, fetch_posts
    from resolver.fetch.records import link_map

    low, high = id_window(day)
    window = (str(low), str(high))
    # CDX files each host apart, and twitter.com has answered with a 301 to x.com since 2023: both are listed.
    # CDX lists a prefix in urlkey order, `limit` rows at most: the ids the window shares narrow it, so a
    # prolific account is listed around the day, not from its first ids.
    shared = os.path.commonprefix([window[0], window[1]]) if len(window[0]) == len(window[1]) else ""
    listings = [await archive.list_captures(f"{host}/{handle}/status/{shared}", session=session, prefix=True)
                for host in ("twitter.com", "x.com")]
    # the listings' fetch-log rows: a verdict, a "no capture listed" above all, cites the answers it rests on (newuser35)
    context = {"handle": session.redactor.shown(handle), "day": day, "listing_from_cache": all(found.from_cache for found in listings),
               "listed_by": [found.fetch_id for found in listings if found.fetch_id]}
    listing = next((found for found in listings if found.error or found.unavailable), None)
    if listing is not None:
        # Nothing was looked at: not checked, which is no finding that the account has no candidate. Whether the
        # listing that failed was the cache's answer (offline, runs33): its error line says "(from cache)".
        context["listing_from_cache"] = listing.from_cache
        return Identification(None, 0.0, 0, None, {"error": listing.error or "offline: the archive was not asked",
                                                   **context}, unavailable=listing.unavailable, verdict=NOT_CHECKED)
    in_window: dict[str, list[Any]] = {}
    for snap in (snap for found in listings for snap in found.snapshots):
        ref = x.parse_url(snap.original)
        if ref is not None and ref.post_id and low <= int(ref.post_id) <= high:
            in_window.setdefault(ref.post_id, []).append(snap)
    ids = list(in_window)[:max_candidates]
    if not ids:
        decision = _searched(choose(text, [], window=window), day)
        return _identification(decision, context, 0, None)
    posts = await fetch_posts([Target("twitter", i, x.status_url(i, handle)) for i in ids], session=session,
                              options=FetchOptions(media=False, archived=False))
    candidates, copies = [], {}
    for post_id, post in zip(ids, posts, strict=True):
        record = post.record
        if record.status == "available" and record.text:
            candidates.append(Candidate(post_id, record.text, record.method or "none", record.status,
                                        links=link_map(record.links)))
            continue
        # copies an earlier run read (from the cache, offline too), else the captures the listing names
        copies[post_id] = post.archived or await _copies(post, in_window[post_id], session)
        said = next((c for c in copies[post_id] if c.says_something), None)
        candidates.append(Candidate(post_id, said.record.text if said else None, "wayback" if said else "none",
                                    record.status, said.url if said else None, said.captured_at if said else None,
                                    link_map(said.record.links) if said else {}))
    decision = _searched(choose(text, candidates, window=window), day)
    chosen = None
    if decision.post_id is not None:
        post = posts[ids.index(decision.post_id)]
        read = copies.get(decision.post_id, ())
        chosen = replace(post, archived=read) if read else post
    return _identification(decision, context, len(ids), chosen)


def _searched(decision: Decision, day: str) -> Decision:
    """A decision that found no post, saying which posts were looked at: only those minted near the article's date,
    which may be the wrong one (newuser42b #11: a post signed with a wrong date was "not identified: no candidate's
    words match", with no word that only the days around that date were searched)."""
    if decision.post_id is not None or decision.verdict not in ("no-match", "no-candidates"):
        return decision
    low, high = id_window(day)
    start, end = (x.snowflake_time(i) for i in (low, high))
    span = f" ({start:%Y-%m-%d} to {end:%Y-%m-%d})" if start and end else ""
    return replace(decision, reason=f"{decision.reason}; only posts minted within a day of {day}, the date the "
                                    f"article gives{span}, were looked at: if that date is wrong, the post was "
                                    "not among them")


def _identification(decision: Decision, context: dict[str, Any], count: int,
                    post: FetchedPost | None) -> Identification:
    best = decision.scored[0].score if decision.scored else None
    return Identification(decision.post_id, decision.confidence, count, best, decision.evidence() | context,
                          verdict=decision.verdict, post=post)


async def _copies(post: FetchedPost, snapshots: list[Any], session: Session) -> tuple[ArchivedCopy, ...]:
    """A gone candidate's archived copies, from the captures the account's listing already named, recorded as the
    candidate's wayback observations with the captures' fetch rows (#11): a later run reads them from the cache
    instead of asking again, chosen or not."""
    from resolver.fetch import record_copies, wayback
    from resolver.http import Ledger

    ledger = Ledger()
    found = []
    with ledger.kept(session.store):   # stopped part way: the captures read are in the fetch log
        for snap in wayback.choose_captures(snapshots, post.record.post_id, CAPTURES_PER_CANDIDATE,
                                            post.record.platform):
            copy = await wayback.read_one(post.record.post_id, snap.timestamp, snap.original, session, ledger,
                                          platform=post.record.platform)
            if copy is not None:
                found.append(copy)
    return record_copies(post, tuple(found), session, ledger)
