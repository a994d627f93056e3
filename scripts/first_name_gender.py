#!/usr/bin/env python3
"""Derives models/first_names.tsv: the gender news text gives a first name.

A first name gets a vote each time an article marks the person who bears it with a gendered
word from models/lexicon.tsv (classes `masculine`, `feminine`: "Mr.", "Mrs.", "Ms.",
"spokeswoman", …) right before the first name or before the surname, when that surname
belongs to one first name only in the article ("Hillary Clinton" … "Mrs. Clinton" → Hillary:
feminine). Persons are the two-or-more-word PER entities claimex finds (its entities.jsonl)
in the PolNeAR train articles. A first name is kept with at least MIN_VOTES votes of which
at least SHARE agree. Only the derived table is written (name, gender, votes); no corpus text.

Usage: scripts/first_name_gender.py ARTICLES.jsonl ENTITIES.jsonl OUT.tsv
"""
import collections
import json
import os
import re
import sys

MIN_VOTES = 2
SHARE = 0.9
LEXICON = os.path.join(os.path.dirname(__file__), "..", "models", "lexicon.tsv")


def gendered_words(path=LEXICON):
    """{word (lowercase, no trailing dot): 'm' | 'f'} from the lexicon's gender classes."""
    words = {}
    for line in open(path, encoding="utf-8"):
        if "\t" not in line or line.startswith("#"):
            continue
        cls, word = line.rstrip("\n").split("\t", 1)
        if cls in ("masculine", "feminine"):
            words[word.strip().lower().rstrip(".")] = "m" if cls == "masculine" else "f"
    return words


def persons(entities_path):
    """{doc: [(first name, surname)]} of PER entities of two or more capitalised words."""
    found = collections.defaultdict(list)
    for line in open(entities_path, encoding="utf-8"):
        e = json.loads(line)
        words = e["text"].split()
        if e["label"] != "PER" or len(words) < 2:
            continue
        first, last = words[0], words[-1]
        if first[:1].isupper() and first.isalpha() and len(first) > 1 and last[:1].isupper():
            found[e["doc_id"]].append((first, last))
    return found


MARKED = re.compile(r"\b([A-Za-z]+)\.? ([A-Z][A-Za-z'’-]+)")


def votes(articles_path, people, gendered):
    counts = collections.defaultdict(lambda: {"m": 0, "f": 0})
    for line in open(articles_path, encoding="utf-8"):
        record = json.loads(line)
        names = people.get(str(record["id"]), [])
        firsts = {f for f, _ in names}
        by_surname = collections.defaultdict(set)
        for f, s in names:
            by_surname[s].add(f)
        for m in MARKED.finditer(record["text"]):
            gender = gendered.get(m.group(1).lower())
            if not gender:
                continue
            word = m.group(2)
            if word in firsts:
                counts[word][gender] += 1
            elif len(by_surname.get(word, ())) == 1:
                counts[next(iter(by_surname[word]))][gender] += 1
    return counts


def main():
    articles, entities, out = sys.argv[1:4]
    counts = votes(articles, persons(entities), gendered_words())
    rows = []
    for name, c in counts.items():
        total = c["m"] + c["f"]
        for g in ("m", "f"):
            if total >= MIN_VOTES and c[g] >= SHARE * total:
                rows.append((name, g, c["m"], c["f"]))
    rows.sort()
    with open(out, "w", encoding="utf-8") as f:
        f.write("# First names and the gender news text marks them with; derived by\n")
        f.write("# scripts/first_name_gender.py from PolNeAR train (claimex entities): votes from\n")
        f.write("# gendered words (lexicon classes masculine/feminine) before the first name or\n")
        f.write(f"# its article's surname; kept with >= {MIN_VOTES} votes, >= {SHARE:.0%} agreeing.\n")
        f.write("# name<TAB>gender (m|f)<TAB>masculine votes<TAB>feminine votes\n")
        for name, g, m, fem in rows:
            f.write(f"{name}\t{g}\t{m}\t{fem}\n")
    print(f"{len(rows)} first names ({sum(r[1] == 'm' for r in rows)} m, "
          f"{sum(r[1] == 'f' for r in rows)} f) of {len(counts)} marked -> {out}")


if __name__ == "__main__":
    main()
