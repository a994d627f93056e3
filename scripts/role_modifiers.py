#!/usr/bin/env python3
"""Derives models/role_modifiers.tsv: the adjectives news text puts inside a role before a name.

An adjective modifies a role ("presidential" in "Republican presidential candidate Donald
Trump", "shadow" in "shadow chancellor George Osborne") when news text writes it right before a
person noun (models/person_nouns.tsv or a lexicon role) that stands right before a person's
name. The counts come from PolNeAR train, tagged by `claimex ner tag` and `claimex pos tag`
(the two outputs have the same tokens, line by line), and CoNLL-2003 train (its gold PER
entities and POS column). A lowercase adjective is kept when it stands there at least MIN_HITS
times and in at least SHARE of its uses as an adjective. Only the derived table is written
(adjective, hits, uses); no corpus text.

Usage: scripts/role_modifiers.py POLNEAR_TRAIN.ner POLNEAR_TRAIN.pos CONLL_TRAIN OUT.tsv
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import org_nouns  # noqa: E402  (tagged PolNeAR sentences)
import person_nouns as person_nouns_script  # noqa: E402  (CoNLL sentences, the table writer)

MIN_HITS = 3
SHARE = 0.05
MODELS = os.path.join(os.path.dirname(__file__), "..", "models")


def role_nouns():
    """Person nouns and the lexicon's role words: the heads a modifier may stand before."""
    nouns = org_nouns.person_nouns()
    for line in open(os.path.join(MODELS, "lexicon.tsv"), encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 2 and cols[0] == "role":
            nouns.add(cols[1].lower())
    return nouns


def is_adjective(row):
    """A lowercase adjective of three or more letters (hyphens allowed)."""
    form = row[0]
    return row[1] == "JJ" and len(form) >= 3 and form.replace("-", "").isalpha() and form.islower()


def count(sentences, heads, hits, uses):
    """Counts adjectives before a role noun before a flagged name into `hits`, adjective uses
    into `uses`."""
    for s in sentences:
        for i, row in enumerate(s):
            if not is_adjective(row):
                continue
            uses[row[0]] += 1
            if i + 2 < len(s) and s[i + 1][0].lower() in heads and s[i + 2][2] and not s[i + 1][2]:
                hits[row[0]] += 1


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    heads = role_nouns()
    hits, uses = collections.Counter(), collections.Counter()
    polnear = org_nouns.tagged_sentences(sys.argv[1], sys.argv[2])
    count(org_nouns.flagged(polnear, "PER"), heads, hits, uses)
    count(person_nouns_script.conll_sentences(sys.argv[3], "PER"), heads, hits, uses)
    kept = sorted(
        (w for w in hits if hits[w] >= MIN_HITS and hits[w] >= SHARE * uses[w]),
        key=lambda w: (-hits[w], w),
    )
    person_nouns_script.write_table(
        sys.argv[4],
        [
            "Adjectives inside roles, derived by scripts/role_modifiers.py from PolNeAR train",
            "(tagged by claimex ner tag and pos tag) and CoNLL-2003 train: a lowercase adjective",
            "right before a person noun or role word that stands right before a person's name,",
            f"kept with >= {MIN_HITS} such uses that are >= {SHARE:.0%} of its uses as an adjective.",
        ],
        kept,
        hits,
        uses,
        "adjective<TAB>such uses<TAB>uses as an adjective",
    )


if __name__ == "__main__":
    main()
