#!/usr/bin/env python3
"""Cue verbs whose PolNeAR content, when a name follows the verb, is that name alone
("endorsed Mr. Trump at a news conference" → "Mr. Trump"): the `bareobject` class of
models/grammar.tsv. Counted over the gold attributions of one-word verb cues of models/cues.tsv
whose content starts right after the cue with a capital letter; the content is a bare name when
it has at most six words, each capitalised or a small joining word ("Ted Cruz of Texas").
A lemma is kept with at least MIN_BARE such contents that are at least MIN_SHARE of them.

Usage: python3 scripts/bare_object_cues.py GOLD.jsonl ARTICLES.jsonl models/cues.tsv
Prints: lemma, bare-name contents, contents starting with a capital (counts only, no text).
"""

import collections
import json
import re
import sys

MIN_BARE = 3
MIN_SHARE = 0.6
MAX_WORDS = 6
JOINING = {"of", "the", "and", "for", "de", "van", "von", "al"}
WORD = re.compile(r"[\w.’'-]+")


def lemmas(path):
    """Each form of a verb cue of the cue table, with its lemma."""
    by_form = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if cols[0] != "verb":
            continue
        forms = [cols[1]] + [f for f in (cols[3].split(",") if len(cols) > 3 else []) if f]
        for form in forms:
            by_form[form.strip().lower()] = cols[1]
    return by_form


def is_bare_name(content):
    words = WORD.findall(content)
    return 0 < len(words) <= MAX_WORDS and all(
        w[0].isupper() or w.lower() in JOINING for w in words
    )


def main(gold_path, articles_path, cues_path):
    by_form = lemmas(cues_path)
    texts = {}
    for line in open(articles_path, encoding="utf-8"):
        article = json.loads(line)
        texts[article["id"]] = article["text"]
    counts = collections.defaultdict(lambda: [0, 0])
    for line in open(gold_path, encoding="utf-8"):
        gold = json.loads(line)
        cue, quote = gold.get("cue"), gold["quote"]
        if not cue or gold["doc_id"] not in texts:
            continue
        lemma = by_form.get(cue["text"].lower())
        if lemma is None or quote["start"] - cue["end"] != 1 or not quote["text"][:1].isupper():
            continue
        counts[lemma][0] += is_bare_name(quote["text"])
        counts[lemma][1] += 1
    for lemma, (bare, total) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if bare >= MIN_BARE and bare >= MIN_SHARE * total:
            print(f"{lemma}\t{bare}\t{total}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
