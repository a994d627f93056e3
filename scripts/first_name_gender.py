#!/usr/bin/env python3
"""Derives models/first_names.tsv: the grammatical gender news text gives a first name.

For every person named with two or more words, the script takes the first he/him/his/himself
or she/her/hers/herself that follows the name before the next person's name (within 300
characters, outside quotations): the pronoun most likely to refer back to that person. It
counts them per first name in two corpora:
- CoNLL-2003 English train (gold PER spans; Reuters news);
- PolNeAR train articles, with the PER entities claimex finds (its entities.jsonl).
A first name is kept when it has at least MIN_COUNT such pronouns and SHARE of them agree.
Only the derived table is written (name, gender, counts); no corpus text.

Usage: scripts/first_name_gender.py CONLL_TRAIN POLNEAR_ARTICLES.jsonl ENTITIES.jsonl OUT.tsv
"""
import collections
import json
import re
import sys

MIN_COUNT = 3
SHARE = 0.75
WINDOW = 300
MASCULINE = {"he", "him", "his", "himself"}
FEMININE = {"she", "her", "hers", "herself"}
WORD = re.compile(r"[A-Za-z]+")
QUOTES = "\"“”"


def count_after(text, start, end, counts, name):
    """Counts the first gendered pronoun in text[start:end] outside quotations."""
    inside = False
    for piece in re.split(r"([\"“”])", text[start:end]):
        if piece and piece in QUOTES:
            inside = not inside if piece == '"' else piece == "“"
            continue
        if inside:
            continue
        for word in WORD.findall(piece):
            w = word.lower()
            if w in MASCULINE:
                counts[name]["m"] += 1
                return
            if w in FEMININE:
                counts[name]["f"] += 1
                return


def first_name(words):
    first = words[0]
    if len(words) < 2 or not first[:1].isupper() or not first.isalpha() or len(first) < 2:
        return None
    return first


def from_conll(path, counts):
    tokens, labels = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                if parts and parts[0] == "-DOCSTART-":
                    scan_tokens(tokens, labels, counts)
                    tokens, labels = [], []
                continue
            tokens.append(parts[0])
            labels.append(parts[-1])
    scan_tokens(tokens, labels, counts)


def scan_tokens(tokens, labels, counts):
    """PER runs (IOB1) in one document, each followed by the tokens up to the next one."""
    spans, i = [], 0
    while i < len(tokens):
        if labels[i].endswith("PER"):
            j = i + 1
            while j < len(tokens) and labels[j] == "I-PER":
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    text_of = lambda a, b: " ".join(tokens[a:b])
    for k, (a, b) in enumerate(spans):
        name = first_name(tokens[a:b])
        if not name:
            continue
        stop = spans[k + 1][0] if k + 1 < len(spans) else len(tokens)
        following = text_of(b, stop)[:WINDOW]
        count_after(following, 0, len(following), counts, name)


def from_claimex(articles_path, entities_path, counts):
    texts = {}
    with open(articles_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts[str(record["id"])] = record["text"]
    persons = collections.defaultdict(list)
    with open(entities_path, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if e["label"] == "PER":
                persons[e["doc_id"]].append((e["start"], e["end"], e["text"]))
    for doc, spans in persons.items():
        text = texts[doc]
        for k, (start, end, name_text) in enumerate(spans):
            name = first_name(name_text.split())
            if not name:
                continue
            stop = spans[k + 1][0] if k + 1 < len(spans) else len(text)
            count_after(text, end, min(stop, end + WINDOW), counts, name)


def main():
    conll, articles, entities, out = sys.argv[1:5]
    counts = collections.defaultdict(lambda: {"m": 0, "f": 0})
    from_conll(conll, counts)
    from_claimex(articles, entities, counts)
    rows = []
    for name, c in counts.items():
        total = c["m"] + c["f"]
        if total < MIN_COUNT:
            continue
        if c["m"] >= SHARE * total:
            rows.append((name, "m", c["m"], c["f"]))
        elif c["f"] >= SHARE * total:
            rows.append((name, "f", c["m"], c["f"]))
    rows.sort()
    with open(out, "w", encoding="utf-8") as f:
        f.write("# First names and the pronouns news text uses for them; derived by\n")
        f.write("# scripts/first_name_gender.py from CoNLL-2003 train (gold PER) and PolNeAR train\n")
        f.write(f"# (claimex entities): kept with >= {MIN_COUNT} he/she-type pronouns after the name,\n")
        f.write(f"# >= {SHARE:.0%} of one gender.\n")
        f.write("# name<TAB>gender (m|f)<TAB>masculine pronouns<TAB>feminine pronouns\n")
        for name, g, m, fem in rows:
            f.write(f"{name}\t{g}\t{m}\t{fem}\n")
    print(f"{len(rows)} first names ({sum(r[1] == 'm' for r in rows)} m, "
          f"{sum(r[1] == 'f' for r in rows)} f) of {len(counts)} seen -> {out}")


if __name__ == "__main__":
    main()
