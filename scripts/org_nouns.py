#!/usr/bin/env python3
"""Derives models/org_nouns.tsv: the nouns news text puts right next to an organisation's name.

A noun names a kind of organisation ("magazine", "non-profit", "school") when news text writes
it right before an organisation's name ("the advocacy group Autism Speaks") or as the head of
an apposition after it ("Judicial Watch, the conservative watchdog group,"). The counts come
from two corpora: PolNeAR train, tagged by `claimex ner tag` and `claimex pos tag` (the two
outputs have the same tokens, line by line), and CoNLL-2003 train (its gold ORG entities and
POS column). A lowercase singular noun is kept when it stands in those places at least
MIN_HITS times and in at least SHARE of its uses as a noun, unless models/person_nouns.tsv has
it (a person noun is never an organisation's) or it stands in those places before persons'
names at least a third as often ("front-runner", which the tagger's "Trump" tagged ORG would
otherwise bring in). Only the derived table is written (noun, hits, uses); no corpus text.

Usage: scripts/org_nouns.py POLNEAR_TRAIN.ner POLNEAR_TRAIN.pos CONLL_TRAIN OUT.tsv
"""
import collections
import os
import sys

MIN_HITS = 3
SHARE = 0.1
PERSON_NOUNS = os.path.join(os.path.dirname(__file__), "..", "models", "person_nouns.tsv")
APPOSITION_BODY = {"JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "VBN", "VBG", "RB", "CD", "POS", "HYPH", "NNS"}
APPOSITION_END = {",", ".", ":", "IN", "WP", "WDT", "-RRB-", "HYPH"}


def person_nouns():
    return {
        line.split("\t")[0]
        for line in open(PERSON_NOUNS, encoding="utf-8")
        if line.strip() and not line.startswith("#")
    }


def tagged_sentences(ner_path, pos_path):
    """(form, xpos, is_org) rows per sentence of two aligned `claimex … tag` outputs."""
    rows = []
    with open(ner_path, encoding="utf-8") as ner, open(pos_path, encoding="utf-8") as pos:
        for ner_line, pos_line in zip(ner, pos):
            ner_cols, pos_cols = ner_line.rstrip("\n").split("\t"), pos_line.rstrip("\n").split("\t")
            if len(ner_cols) < 2:
                if rows:
                    yield rows
                rows = []
                continue
            rows.append((ner_cols[0], pos_cols[1], ner_cols[1][-3:]))
    if rows:
        yield rows


def conll_sentences(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            if rows:
                yield rows
            rows = []
            continue
        rows.append((cols[0], cols[1], cols[3][-3:]))
    if rows:
        yield rows


def is_noun(row):
    """A lowercase singular common noun of three or more letters (hyphens allowed)."""
    form = row[0]
    return row[1] == "NN" and len(form) >= 3 and form.replace("-", "").isalpha() and form.islower()


def count(sentences, hits, uses, label="ORG"):
    """Counts nouns next to names of type `label` (ORG or PER) into `hits`, noun uses into
    `uses`."""
    for s in sentences:
        n = len(s)
        for i, row in enumerate(s):
            if is_noun(row):
                uses[row[0]] += 1
                # A noun before a name: "the advocacy group Autism Speaks".
                if i + 1 < n and s[i + 1][2] == label and row[2] != label:
                    hits[row[0]] += 1
        # The head of an apposition: "Judicial Watch, the watchdog group," / "…, a non-profit that".
        for i in range(n - 3):
            if not (s[i][2] == label and s[i + 1][0] == "," and s[i + 2][1] == "DT"):
                continue
            j = i + 3
            while j < n and j < i + 8 and s[j][1] in APPOSITION_BODY:
                j += 1
            head = s[j - 1]
            if j - 1 > i + 2 and is_noun(head) and (j >= n or s[j][1] in APPOSITION_END):
                hits[head[0]] += 1


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    hits, uses = collections.Counter(), collections.Counter()
    count(tagged_sentences(sys.argv[1], sys.argv[2]), hits, uses)
    count(conll_sentences(sys.argv[3]), hits, uses)
    person_hits = collections.Counter()
    count(tagged_sentences(sys.argv[1], sys.argv[2]), person_hits, collections.Counter(), "PER")
    count(conll_sentences(sys.argv[3]), person_hits, collections.Counter(), "PER")
    persons = person_nouns()
    kept = sorted(
        (
            w
            for w in hits
            if hits[w] >= MIN_HITS
            and hits[w] >= SHARE * uses[w]
            and hits[w] > 3 * person_hits[w]
            and w not in persons
        ),
        key=lambda w: (-hits[w], w),
    )
    with open(sys.argv[4], "w", encoding="utf-8") as out:
        out.write("# Nouns for kinds of organisations, derived by scripts/org_nouns.py from PolNeAR\n")
        out.write("# train (tagged by claimex ner tag and pos tag) and CoNLL-2003 train: a lowercase\n")
        out.write("# noun right before an organisation's name or heading an apposition after it,\n")
        out.write(f"# kept with >= {MIN_HITS} such uses that are >= {SHARE:.0%} of its uses as a noun,\n")
        out.write("# unless models/person_nouns.tsv has it or it stands so before persons' names\n")
        out.write("# a third as often or more.\n")
        out.write("# noun<TAB>such uses<TAB>uses as a noun\n")
        for w in kept:
            out.write(f"{w}\t{hits[w]}\t{uses[w]}\n")


if __name__ == "__main__":
    main()
