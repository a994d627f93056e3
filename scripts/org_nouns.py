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

sys.path.insert(0, os.path.dirname(__file__))
import person_nouns as person_nouns_script  # noqa: E402  (its noun tests and counting)

MIN_HITS = 3
SHARE = 0.1
PERSON_NOUNS = os.path.join(os.path.dirname(__file__), "..", "models", "person_nouns.tsv")
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


def flagged(sentences, label):
    """The sentences with each row's label turned into "is it `label`" (ORG or PER)."""
    for s in sentences:
        yield [(form, xpos, tag == label) for form, xpos, tag in s]


def count(sentences, hits, uses):
    """Counts nouns next to flagged names into `hits`, noun uses into `uses`."""
    person_nouns_script.count(sentences, hits, uses, APPOSITION_END)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    hits, uses = collections.Counter(), collections.Counter()
    count(flagged(tagged_sentences(sys.argv[1], sys.argv[2]), "ORG"), hits, uses)
    count(person_nouns_script.conll_sentences(sys.argv[3], "ORG"), hits, uses)
    person_hits = collections.Counter()
    count(flagged(tagged_sentences(sys.argv[1], sys.argv[2]), "PER"), person_hits, collections.Counter())
    count(person_nouns_script.conll_sentences(sys.argv[3], "PER"), person_hits, collections.Counter())
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
    person_nouns_script.write_table(
        sys.argv[4],
        [
            "Nouns for kinds of organisations, derived by scripts/org_nouns.py from PolNeAR",
            "train (tagged by claimex ner tag and pos tag) and CoNLL-2003 train: a lowercase",
            "noun right before an organisation's name or heading an apposition after it,",
            f"kept with >= {MIN_HITS} such uses that are >= {SHARE:.0%} of its uses as a noun,",
            "unless models/person_nouns.tsv has it or it stands so before persons' names",
            "a third as often or more.",
        ],
        kept,
        hits,
        uses,
    )

if __name__ == "__main__":
    main()
