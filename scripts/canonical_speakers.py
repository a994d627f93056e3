#!/usr/bin/env python3
"""Canonical-speaker figures of a claimex run (issue 13).

Usage:
  python3 scripts/canonical_speakers.py --pred claims.jsonl [--gold GOLD.jsonl]
      [--articles ARTICLES.jsonl | --articles DIR] [--show N]

(a) with --gold: canonical-speaker accuracy over gold claims that have a full name
    (`speaker.name`) and are matched to a prediction of the same document by overlapping quote
    span (the largest overlap over union, so that nested quotes pair right): correct when the predicted `speaker` contains every word of the
    gold name and at most three other words, titles ignored on both sides.
(b) with --articles (JSONL of {"id", "text"} or a directory of .txt files named by doc id): the
    share of predicted claims with a speaker whose speaker is an honorific or title + surname
    ("Mr. Obama") although the article contains a longer name ending in that surname ("Barack
    Obama"). Honorifics and titles are read from models/lexicon.tsv. Also (c): the share whose
    PER speaker is one word although the article has a longer name ending in it ("Trump").

Reads the data in place only; prints figures, and with --show N up to N examples of each miss.
"""
import argparse
import collections
import json
import os
import re

LEXICON = os.path.join(os.path.dirname(__file__), "..", "models", "lexicon.tsv")


def lexicon(path=LEXICON):
    """Word classes of models/lexicon.tsv: {class: {word}} (lowercase)."""
    classes = collections.defaultdict(set)
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#") and "\t" in line:
            cls, word = line.rstrip("\n").split("\t", 1)
            classes[cls].add(word.strip().lower())
    return classes


LEX = lexicon()
HONORIFICS = LEX["honorific"] | LEX["title"]
TITLES = HONORIFICS | LEX["role"] | LEX["rolemod"]


def name_words(name):
    """Lowercased words of a name, possessives dropped, titles and determiners removed."""
    words = re.findall(r"[\w\-.]+", (name or "").replace("’s", "").replace("'s", "").lower())
    words = [w.strip(".") for w in words]
    return [w for w in words if w and w not in TITLES and w not in ("the", "a", "an")]


def canonical_ok(gold_name, predicted):
    """The predicted speaker holds every word of the gold name and at most three others."""
    gold, pred = name_words(gold_name), name_words(predicted)
    if not gold or not pred:
        return False
    rest = collections.Counter(pred)
    rest.subtract(collections.Counter(gold))
    return all(v >= 0 for v in rest.values()) and sum(rest.values()) <= 3


def load(path):
    docs = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        docs[record["doc_id"]].append(record)
    return docs


def overlap(a, b):
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def jaccard(a, b):
    """Overlap of two spans over their union: nested quotes pick the closest span."""
    return overlap(a, b) / (max(a["end"], b["end"]) - min(a["start"], b["start"]))


def accuracy(gold, pred, show):
    n = correct = unmatched = 0
    misses = []
    for doc, claims in gold.items():
        for g in claims:
            name = (g.get("speaker") or {}).get("name") if isinstance(g.get("speaker"), dict) else None
            if not name:
                continue
            cands = [p for p in pred.get(doc, []) if overlap(p["quote"], g["quote"]) > 0]
            if not cands:
                unmatched += 1
                continue
            p = max(cands, key=lambda p: jaccard(p["quote"], g["quote"]))
            n += 1
            if canonical_ok(name, p.get("speaker")):
                correct += 1
            else:
                misses.append((doc, name, p.get("speaker"), (p.get("speaker_mention") or {}).get("text")))
    print(f"(a) canonical-speaker accuracy: {correct}/{n} = {correct / max(n, 1):.3f} "
          f"(gold claims with a name matched by quote overlap; {unmatched} unmatched)")
    for m in misses[:show]:
        print("    miss: doc=%s gold=%r pred=%r mention=%r" % m)


def articles(path):
    if os.path.isdir(path):
        return {f[:-4]: open(os.path.join(path, f), encoding="utf-8").read()
                for f in os.listdir(path) if f.endswith(".txt")}
    texts = {}
    for line in open(path, encoding="utf-8"):
        a = json.loads(line)
        texts[a.get("id") or a.get("doc_id")] = a.get("text") or a.get("body") or ""
    return texts


FUNCTION_WORDS = {"the", "a", "an", "and", "but", "in", "on", "as", "by", "of", "for", "with",
                  "when", "while", "after", "if", "at", "to"}


def longer_name(text, surname):
    """A capitalised name in `text` ending in `surname` whose words are no titles ("Barack
    Obama" for "Obama"), or None. A word ending a sentence ("West.") or in capitals
    ("ABSTRACT") starts no name; initials ("J.") are kept."""
    if surname.lower() in LEX["orghead"]:
        return None
    pattern = r"((?:[A-Z][\w’'\-.]*[ \t]+){1,3})" + re.escape(surname) + r"\b"
    for m in re.finditer(pattern, text):
        words = m.group(1).split()
        for k, w in enumerate(words):
            if (w.endswith(".") and len(w.strip(".")) > 1 and w.strip(".").lower() not in TITLES) \
                    or (w.isupper() and len(w) > 3):
                words = words[k + 1:]
        while words and (words[0].strip(".").lower() in TITLES or words[0].lower() in FUNCTION_WORDS):
            words = words[1:]
        if words and all(w.strip(".").lower() not in TITLES for w in words):
            return " ".join(words + [surname])
    return None


def honorific_share(pred, texts, show):
    with_speaker = flagged = bare = 0
    examples = collections.Counter()
    for doc, claims in pred.items():
        text = texts.get(doc)
        for p in claims:
            speaker = p.get("speaker")
            if not speaker:
                continue
            with_speaker += 1
            words = speaker.split()
            if text is None:
                continue
            if len(words) == 1 and p.get("speaker_type") == "PER" and longer_name(text, words[0]):
                bare += 1
            if len(words) < 2 or words[0].strip(".").lower() not in HONORIFICS:
                continue
            rest = words[1:]
            while rest and rest[0].strip(".").lower() in HONORIFICS:
                rest = rest[1:]
            if len(rest) != 1:
                continue
            full = longer_name(text, rest[0])
            if full:
                flagged += 1
                examples[(speaker, full)] += 1
    print(f"(b) honorific + surname although the article has the full name: {flagged}/"
          f"{with_speaker} claims with a speaker = {flagged / max(with_speaker, 1):.2%}")
    for (speaker, full), k in examples.most_common(show):
        print(f"    {k:4d}  {speaker!r}  (article: {full!r})")
    print(f"(c) PER speaker a lone surname although the article has a longer name ending in it: "
          f"{bare}/{with_speaker} = {bare / max(with_speaker, 1):.2%}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pred", required=True)
    ap.add_argument("--gold")
    ap.add_argument("--articles")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    pred = load(args.pred)
    if args.gold:
        accuracy(load(args.gold), pred, args.show)
    if args.articles:
        honorific_share(pred, articles(args.articles), args.show)


if __name__ == "__main__":
    main()
