#!/usr/bin/env python3
"""Derives models/person_nouns.tsv: the nouns news text puts right next to a person's name.

A noun names a kind of person ("businessman", "nominee", "tycoon") when news text writes it
as the title before a person's name ("businessman Donald Trump") or as the head of an
apposition after it ("Sheldon Adelson, the casino magnate,"). The counts come from two
corpora: PolNeAR train, tagged by `claimex parse tag` (a person is two or more proper nouns
opening with a first name of models/first_names.tsv), and CoNLL-2003 train (its gold PER
entities and POS column). A lowercase singular noun is kept when it stands in those places
at least MIN_HITS times and in at least SHARE of its uses as a noun. Only the derived table
is written (noun, hits, uses); no corpus text.

Usage: scripts/person_nouns.py POLNEAR_TRAIN.conllu CONLL_TRAIN OUT.tsv
(POLNEAR_TRAIN.conllu: `claimex parse tag` over the train article texts.)
"""
import collections
import os
import sys

MIN_HITS = 3
SHARE = 0.1
FIRST_NAMES = os.path.join(os.path.dirname(__file__), "..", "models", "first_names.tsv")
APPOSITION_BODY = {"JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "VBN", "VBG", "RB", "CD", "POS", "HYPH", "NNS"}
APPOSITION_END = {",", ".", ":", "IN", "WP", "-RRB-", "HYPH"}


def first_names():
    names = set()
    for line in open(FIRST_NAMES, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            names.add(line.split("\t")[0])
    return names


def conllu_sentences(path, names):
    """(form, xpos, is_person) rows per sentence."""
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if rows:
                yield mark_persons(rows, names)
            rows = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        rows.append((cols[1], cols[4], cols[3]))
    if rows:
        yield mark_persons(rows, names)


def mark_persons(rows, names):
    """Proper-noun runs of two or more words opening with a first name are persons."""
    out = [(form, xpos, False) for form, xpos, _ in rows]
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][2] == "PROPN":
            j += 1
        if j - i >= 2 and rows[i][0] in names:
            for k in range(i, j):
                out[k] = (rows[k][0], rows[k][1], True)
        i = max(j, i + 1)
    return out


def conll_sentences(path, label="PER"):
    """CoNLL-2003 sentences as `(form, xpos, is a name of type label)` rows."""
    rows = []
    for line in open(path, encoding="utf-8"):
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if rows:
                yield rows
            rows = []
            continue
        rows.append((cols[0], cols[1], cols[3].endswith(label)))
    if rows:
        yield rows


def is_noun(row):
    """A lowercase singular common noun of three or more letters (hyphens allowed)."""
    form = row[0]
    return row[1] == "NN" and len(form) >= 3 and form.replace("-", "").isalpha() and form.islower()


def count(sentences, hits, uses, apposition_end=APPOSITION_END):
    """Counts, per noun, its uses next to a flagged name (rows `(form, xpos, flagged)`) into
    `hits` and its uses as a noun into `uses`."""
    for s in sentences:
        n = len(s)
        for i, row in enumerate(s):
            if is_noun(row):
                uses[row[0]] += 1
                # A title before a name: "businessman Donald Trump".
                if i + 1 < n and s[i + 1][2] and not row[2]:
                    hits[row[0]] += 1
        # The head of an apposition: "Donald Trump, the businessman," / "…, a former tycoon who".
        for i in range(n - 3):
            if not (s[i][2] and s[i + 1][0] == "," and s[i + 2][1] == "DT"):
                continue
            j = i + 3
            while j < n and j < i + 8 and s[j][1] in APPOSITION_BODY:
                j += 1
            head = s[j - 1]
            if j - 1 > i + 2 and is_noun(head) and (j >= n or s[j][1] in apposition_end):
                hits[head[0]] += 1


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    hits, uses = collections.Counter(), collections.Counter()
    count(conllu_sentences(sys.argv[1], first_names()), hits, uses)
    count(conll_sentences(sys.argv[2]), hits, uses)
    kept = sorted(
        (w for w in hits if hits[w] >= MIN_HITS and hits[w] >= SHARE * uses[w]),
        key=lambda w: (-hits[w], w),
    )
    write_table(
        sys.argv[3],
        [
            "Nouns for kinds of persons, derived by scripts/person_nouns.py from PolNeAR",
            "train (tagged by claimex parse tag) and CoNLL-2003 train: a lowercase noun",
            "right before a person's name or heading an apposition after it, kept with",
            f">= {MIN_HITS} such uses that are >= {SHARE:.0%} of its uses as a noun.",
        ],
        kept,
        hits,
        uses,
    )


def write_table(path, header, nouns, hits, uses, columns="noun<TAB>such uses<TAB>uses as a noun"):
    """Writes `# ` header lines, the column line and a `noun<TAB>hits<TAB>uses` row per noun."""
    with open(path, "w", encoding="utf-8") as out:
        for line in header + [columns]:
            out.write(f"# {line}\n")
        for w in nouns:
            out.write(f"{w}\t{hits[w]}\t{uses[w]}\n")

if __name__ == "__main__":
    main()
