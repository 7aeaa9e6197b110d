"""One embed per post, whichever detector and URL form found it, in an HTML page or a plain text alike (#15: a
plain text gave an embed for each time it named a post)."""

from __future__ import annotations

from dataclasses import replace

from resolver.model import Embed, Place

DETECTOR_RANK = {"html-blockquote": 0, "html-amp": 1, "html-iframe": 2, "html-wp-embed": 3, "html-xfbml": 3,
                 "html-script": 3, "html-custom-element": 3, "html-text-signature": 4, "html-timeline": 5, "html-link": 6,
                 "html-text-url": 7, "html-source": 8,
                 # plain text: a signature has the post's words, name and date; a bare URL only the link
                 "text-signature": 4, "text-url": 7, "text-media-link": 7}


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
    kept = []
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        winner = min(group, key=lambda e: DETECTOR_RANK.get(e.detector, 9))   # min keeps the first of equals
        places = {span for e in group for span in e.also_at}
        places.update(e.span for e in group if e is not winner)
        kept.append(replace(winner, also_at=tuple(sorted(places)), other_words=_other_words(winner, group)))
    return sorted(kept, key=lambda e: e.span)


def _other_words(winner: Embed, group: list[Embed]) -> tuple[Place, ...]:
    """The places of `group` whose words are neither the winner's nor an earlier place's: where two places hold the
    same words (spacing aside), one check is enough."""
    seen = {_words(winner.text)}
    found = []
    places = [*(p for e in group for p in e.other_words),
              *(Place(e.span, e.detector, e.text, e.text_confidence) for e in group if e is not winner and e.text)]
    for place in sorted(places, key=lambda p: p.span):
        if _words(place.text) not in seen:
            seen.add(_words(place.text))
            found.append(place)
    return tuple(found)


def _words(text: str | None) -> str:
    return " ".join(text.split()) if text else ""
