#!/usr/bin/env python3
"""Cue words PolNeAR annotates that models/cues.tsv lacks: words that lie inside a gold cue
span in at least 40% of their occurrences in the articles and at least 10 times. The verbs among
them are candidates for models/cues.tsv; each is kept only when the claims it adds on train are
mostly right (models/README.md, "Cue verbs from PolNeAR train").

Usage: python3 scripts/cue_candidates.py GOLD.jsonl ARTICLES.jsonl models/cues.tsv
Prints: word, gold cue occurrences, all occurrences, share (counts only, no text).
"""

import collections
import json
import re
import sys

MIN_GOLD = 10
MIN_SHARE = 0.4
WORD = re.compile(r"[A-Za-z]+")


def known_forms(path):
    """Every lemma and form of the verb and noun cues of a cue table."""
    forms = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if cols[0] in ("verb", "noun"):
            forms.add(cols[1])
            if len(cols) > 3:
                forms.update(f for f in cols[3].split(",") if f)
    return forms


def main(gold_path, articles_path, cues_path):
    texts = {}
    for line in open(articles_path, encoding="utf-8"):
        a = json.loads(line)
        texts[a["id"]] = a["text"]
    in_cues = collections.Counter()
    for line in open(gold_path, encoding="utf-8"):
        g = json.loads(line)
        if not g.get("cue"):
            continue
        text = texts[g["doc_id"]]
        for start, end in g["cue"]["fragments"]:
            in_cues.update(w.lower() for w in WORD.findall(text[start:end]))
    everywhere = collections.Counter(
        w.lower() for text in texts.values() for w in WORD.findall(text)
    )
    known = known_forms(cues_path)
    rows = [
        (w, n, everywhere[w], n / everywhere[w])
        for w, n in in_cues.items()
        if n >= MIN_GOLD and w not in known and n / everywhere[w] >= MIN_SHARE
    ]
    for w, n, total, share in sorted(rows, key=lambda r: (-r[1], r[0])):
        print(f"{w}\t{n}\t{total}\t{share:.2f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
