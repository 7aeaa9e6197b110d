#!/usr/bin/env python3
"""Run `scan` over a corpus of real pages and texts; score it against the hand labels in eval/labels/.

Usage: scripts/evaluate_corpus.py [CORPUS_DIR] [--labels DIR] [--show N] [--quiet] [--json]
CORPUS_DIR defaults to ../shared/corpus beside the project; when it is absent the script says so and exits 0.

Scoring (eval/README.md says how the labels were made):
- embeds: a found post matches a label by platform + post id; one with no id (a flattened tweet) by platform +
  handle + date (the display name when the label has no handle). Timelines and lone media links are not scored.
- credits: the unique (creator, organization) pairs of a file, both right after case-folding and trimming
  whitespace and punctuation; a found credit read from the same words as an optional label counts neither way.
- authors: a found post's handle, display name and date against the label's, where the label has them.
- tweet text: the label's text against the found text after normalisation (NFKC, entities decoded, curly quotes
  and dashes straightened, t.co / pic.twitter.com links and a trailing ellipsis set aside, whitespace collapsed).
Labels marked "optional" count neither way; texts marked "text_uncertain" are reported on their own.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from resolver import extract  # noqa: E402
from resolver.article import from_path  # noqa: E402
from resolver.errors import InputError  # noqa: E402
from resolver.platforms import parse_url  # noqa: E402

# not timelines, profiles or lone media links; "unidentified": a post the page shows in a publisher's own frame
SCORED_KINDS = frozenset({"post", "video", "photo", "playlist", "unidentified"})
STRAIGHT = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                          "″": '"', "«": '"', "»": '"', "–": "-", "—": "-", "―": "-", "‐": "-", "‑": "-", "−": "-"})
SET_ASIDE_RE = re.compile(r"(?:https?://)?(?:t\.co|pic\.twitter\.com|pic\.x\.com)/[A-Za-z0-9]*(?:…|\.\.\.)?", re.IGNORECASE)


def normalise_text(value: str | None) -> str:
    """A tweet text as compared: what a page's encoding and link shortening change is set aside."""
    value = unicodedata.normalize("NFKC", html.unescape(value or "")).translate(STRAIGHT)
    value = SET_ASIDE_RE.sub(" ", value)
    value = re.sub(r"\s+", " ", value).strip()
    while value.endswith(("…", "...")):
        value = value.rstrip(".…").rstrip()
    return value


def normalise_name(value: str | None) -> str | None:
    """A credit's creator or organisation as compared: case-folded, spaces collapsed, punctuation at the ends trimmed."""
    if value is None:
        return None
    value = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value)).casefold()
    start, end = 0, len(value)
    while start < end and _trimmed(value[start]):
        start += 1
    while end > start and _trimmed(value[end - 1]):
        end -= 1
    return value[start:end] or None


def _trimmed(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith(("P", "S")) and char not in "&+"


@dataclass
class FileScore:
    """What one labelled file got right and wrong."""

    file: str
    embeds: Counter[str] = field(default_factory=Counter)      # tp, fp, fn
    credits: Counter[str] = field(default_factory=Counter)     # tp, fp, fn
    texts: Counter[str] = field(default_factory=Counter)       # exact, total, uncertain_exact, uncertain_total
    authors: Counter[str] = field(default_factory=Counter)     # right, total: handle, name and date of a found post
    misses: list[str] = field(default_factory=list)


def _label_key(label: dict[str, Any]) -> str:
    who = f"@{label['handle']}" if label.get("handle") else (label.get("name") or "?")
    return f"{label['platform']} {label.get('post_id') or who} {label.get('date') or ''}".rstrip()


def _same_remnant(label: dict[str, Any], embed: Any) -> bool:
    """A post matched without ids: platform, date, and the handle (or the name when the label shows no handle)."""
    if label["platform"] != embed.platform or (label.get("post_id") and embed.post_id):
        return False
    if (label.get("date") or None) != (embed.date or None):
        return False
    if label.get("handle"):
        return (embed.author_handle or "").casefold() == label["handle"].casefold()
    return bool(label.get("name")) and normalise_name(label["name"]) == normalise_name(embed.author_name)


def match_embeds(labels: list[dict[str, Any]], embeds: list[Any]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(label index, embed index) pairs, unmatched labels, unmatched embeds: by id first, then as remnants."""
    pairs: list[tuple[int, int]] = []
    free_labels = list(range(len(labels)))
    free_embeds = [i for i, e in enumerate(embeds) if e.kind in SCORED_KINDS]
    for same in (lambda lab, e: bool(lab.get("post_id")) and lab["platform"] == e.platform and lab["post_id"] == e.post_id,
                 _same_remnant):
        for ei in list(free_embeds):
            li = next((li for li in free_labels if same(labels[li], embeds[ei])), None)
            if li is not None:
                pairs.append((li, ei))
                free_labels.remove(li)
                free_embeds.remove(ei)
    return pairs, free_labels, free_embeds


def score_file(label_file: dict[str, Any], embeds: list[Any], credits: list[Any]) -> FileScore:
    """Score one file's scan against its labels."""
    score = FileScore(label_file["file"])
    labels = label_file["embeds"]
    pairs, missed, extra = match_embeds(labels, embeds)
    for li, _ in pairs:
        score.embeds["tp" if not labels[li].get("optional") else "optional"] += 1
    for li in missed:
        if not labels[li].get("optional"):
            score.embeds["fn"] += 1
            score.misses.append(f"embed missed: {_label_key(labels[li])}")
    for ei in extra:
        e = embeds[ei]
        score.embeds["fp"] += 1
        score.misses.append(f"embed extra:  {e.platform} {e.post_id or '@' + str(e.author_handle)} {e.date or ''} "
                            f"({e.detector}) {e.url}")
    found = dict((li, embeds[ei]) for li, ei in pairs)
    _score_authors(score, labels, found)
    for li, label in enumerate(labels):
        if label["platform"] != "twitter" or label.get("optional") or not label.get("text"):
            continue
        prefix = "uncertain_" if label.get("text_uncertain") else ""
        score.texts[prefix + "total"] += 1
        got = found[li].text if li in found else None
        if li in found and normalise_text(got) == normalise_text(label["text"]):
            score.texts[prefix + "exact"] += 1
        elif li in found:
            score.misses.append(f"text wrong{' (uncertain)' if prefix else ''}: {_label_key(label)}\n"
                                f"        want {normalise_text(label['text'])!r}\n        got  {normalise_text(got)!r}")
    _score_credits(score, label_file["credits"], credits)
    return score


def _score_authors(score: FileScore, labels: list[dict[str, Any]], found: dict[int, Any]) -> None:
    """A found post's handle, display name and date against what the label read (where it read them)."""
    for li, embed in found.items():
        label = labels[li]
        if label.get("optional"):
            continue
        wrong = [f"{key} {want!r}, got {got!r}" for key, want, got, same in (
            ("handle", label.get("handle"), embed.author_handle, lambda a, b: (a or "").casefold() == (b or "").casefold()),
            ("name", label.get("name"), embed.author_name, lambda a, b: normalise_name(a) == normalise_name(b)),
            ("date", label.get("date"), embed.date, lambda a, b: a == b),
        ) if want and not same(want, got)]
        score.authors["total"] += 1
        score.authors["right"] += not wrong
        if wrong:
            score.misses.append(f"author wrong: {_label_key(label)}: " + "; ".join(wrong))


def _score_credits(score: FileScore, labels: list[dict[str, Any]], credits: list[Any]) -> None:
    wanted = {(normalise_name(c["creator"]), normalise_name(c["organization"])): c for c in labels if not c.get("optional")}
    optional = {(normalise_name(c["creator"]), normalise_name(c["organization"])) for c in labels if c.get("optional")}
    optional_raws = [normalise_text(c["raw"]).casefold() for c in labels if c.get("optional")]
    got: dict[tuple[str | None, str | None], Any] = {}
    for credit in credits:
        got.setdefault((normalise_name(credit.creator), normalise_name(credit.organization)), credit)
    for pair, credit in got.items():
        raw = normalise_text(credit.raw).casefold()
        if pair in wanted:
            score.credits["tp"] += 1
        elif pair in optional or any(raw and (raw in o or o in raw) for o in optional_raws):
            score.credits["optional"] += 1   # an optional credit, however it was split, counts neither way
        else:
            score.credits["fp"] += 1
            score.misses.append(f"credit extra:  {pair} from {credit.raw[:80]!r} ({credit.source})")
    for pair, label in wanted.items():
        if pair not in got:
            score.credits["fn"] += 1
            score.misses.append(f"credit missed: {pair} in {label['raw'][:80]!r} ({label['where']})")


def load_labels(folder: Path) -> list[dict[str, Any]]:
    """Every label file in a folder, checked for the fields the scorer reads."""
    files = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key in ("file", "embeds", "credits"):
            if key not in data:
                raise SystemExit(f"{path}: no {key!r}; see eval/README.md")
        files.append(data)
    return files


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


def summarise(scores: list[FileScore]) -> dict[str, Any]:
    """Totals and ratios over every scored file."""
    embeds, credits, texts, authors = Counter(), Counter(), Counter(), Counter()
    for s in scores:
        embeds.update(s.embeds)
        credits.update(s.credits)
        texts.update(s.texts)
        authors.update(s.authors)
    return {
        "files": len(scores),
        "embeds": {"precision": _ratio(embeds["tp"], embeds["tp"] + embeds["fp"]),
                   "recall": _ratio(embeds["tp"], embeds["tp"] + embeds["fn"]), **embeds},
        "credits": {"precision": _ratio(credits["tp"], credits["tp"] + credits["fp"]),
                    "recall": _ratio(credits["tp"], credits["tp"] + credits["fn"]), **credits},
        "tweet_text": {"exact": _ratio(texts["exact"], texts["total"]), "n": texts["total"], "right": texts["exact"]},
        "authors": {"exact": _ratio(authors["right"], authors["total"]), "n": authors["total"], "right": authors["right"]},
        "tweet_text_uncertain": {"exact": _ratio(texts["uncertain_exact"], texts["uncertain_total"]),
                                 "n": texts["uncertain_total"], "right": texts["uncertain_exact"]},
    }


def print_summary(summary: dict[str, Any]) -> None:
    e, c, t, u = summary["embeds"], summary["credits"], summary["tweet_text"], summary["tweet_text_uncertain"]
    a = summary["authors"]
    print(f"\nlabelled files: {summary['files']}")
    print(f"embeds:     precision {e['precision']}  recall {e['recall']}   (tp {e.get('tp', 0)}, fp {e.get('fp', 0)}, "
          f"fn {e.get('fn', 0)}; {e.get('optional', 0)} optional found)")
    print(f"credits:    precision {c['precision']}  recall {c['recall']}   (tp {c.get('tp', 0)}, fp {c.get('fp', 0)}, "
          f"fn {c.get('fn', 0)}; {c.get('optional', 0)} optional found)")
    print(f"tweet text: exact {t['exact']}   ({t['right']} of {t['n']}; "
          f"text_uncertain labels: {u['right']} of {u['n']})")
    print(f"authors:    exact {a['exact']}   ({a['right']} of {a['n']} found posts with handle, name and date as labelled)")


def _names(written: str, embed: Any) -> bool:
    """Is a URL found in a page's text spanned exactly: does the span read as the embed's own URL?"""
    ref = parse_url(html.unescape(written))
    return ref is not None and ref.url == embed.url


def _span_points_at(article: Any, embed: Any) -> bool:
    """Does an embed's span point at it: an HTML detector's at its element (a "<"), a URL found in the text at that
    URL as written, a signature in loose text no element holds (sniff29) at its own words, "(@handle)" to the date?"""
    start, end = embed.span
    written = article.text[start:end]
    if end <= start:
        return False
    if embed.detector == "html-text-url":
        return _names(written, embed)
    if embed.detector == "html-text-signature" and not written.startswith("<"):
        last = written.split()[-1]   # the date's last word, or the status URL after it
        return f"(@{embed.author_handle})" in written and bool(
            embed.post_id and embed.post_id in last or embed.date_text and written.endswith(embed.date_text))
    return not (article.kind == "html" and embed.detector.startswith("html-") and embed.detector != "html-source"
                and written[0] != "<")


def inventory(files: list[Path], corpus: Path, show: int) -> None:
    """What the scan finds over the whole corpus, labelled or not: counts, and spans that miss their element."""
    platforms: Counter[str] = Counter()
    detectors: Counter[str] = Counter()
    credit_sources: Counter[str] = Counter()
    pages_with: Counter[str] = Counter()
    bad_spans: list[str] = []
    shared_spans = 0
    for path, article, embeds, credits in _scanned(files):
        starts = [e.span[0] for e in embeds if e.span != (0, 0)]
        shared_spans += len(starts) - len(set(starts))   # two embeds given one element
        for embed in embeds:
            platforms[f"{embed.platform}/{embed.kind}"] += 1
            detectors[embed.detector] += 1
            if not _span_points_at(article, embed):
                bad_spans.append(f"{path.name}: {embed.detector} {embed.url} {embed.span}")
        for credit in credits:
            credit_sources[credit.source] += 1
        pages_with["embeds"] += bool(embeds)
        pages_with["credits"] += bool(credits)
        if show and (embeds or credits):
            print(f"== {path.relative_to(corpus)} ({article.kind})")
            for embed in embeds[:show]:
                print(f"   E {embed.detector:20} {embed.url}  {embed.author_name or ''} {embed.date or ''}")
            for credit in credits[:show]:
                print(f"   C {credit.source:9} {credit.raw[:70]!r} -> {credit.creator} | {credit.organization}")
    print(f"\n{len(files)} files; {pages_with['embeds']} with embeds, {pages_with['credits']} with credits")
    print(f"spans that do not point at their element: {len(bad_spans)}; embeds sharing a span: {shared_spans}")
    for line in bad_spans[:20]:
        print(f"  {line}")
    for title, counter in (("embeds by platform/kind", platforms), ("embeds by detector", detectors),
                           ("credits by source", credit_sources)):
        print(f"\n{title}:")
        for key, count in counter.most_common():
            print(f"  {count:6}  {key}")


def _scanned(files: list[Path]):
    for path in files:
        try:
            article = from_path(path)
        except InputError as exc:
            print(f"skip: {exc}")
            continue
        embeds, credits = extract.find_all(article.text, article.kind)
        yield path, article, embeds, credits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--labels", default=str(ROOT / "eval" / "labels"), help="folder of label files (eval/labels)")
    parser.add_argument("--show", type=int, default=0, help="print the first N embeds and credits of each file")
    parser.add_argument("--quiet", action="store_true", help="scores only: no per-file misses, no inventory")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}; nothing to evaluate")
        return 0
    if not (args.quiet or args.json):
        inventory(sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".html", ".htm", ".txt")),
                  corpus, args.show)
    labels = load_labels(Path(args.labels)) if Path(args.labels).is_dir() else []
    missing = [lab["file"] for lab in labels if not (corpus / lab["file"]).is_file()]
    by_path = {corpus / lab["file"]: lab for lab in labels if lab["file"] not in missing}
    scores = [score_file(by_path[path], embeds, credits) for path, _, embeds, credits in _scanned(sorted(by_path))]
    summary = summarise(scores)
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    if not args.quiet:
        print("\nmisses, per labelled file:")
        for score in scores:
            if score.misses:
                print(f"== {score.file}")
                for line in score.misses:
                    print(f"   {line}")
    for name in missing:
        print(f"label for {name}: no such file in the corpus; not scored")
    print_summary(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
