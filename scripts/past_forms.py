#!/usr/bin/env python3
"""Derives models/past_forms.tsv: irregular past tenses and participles ("went", "told").

The detector tells a finite verb by an auxiliary or an "-ed" ending; irregular forms escape
that ("Trump went after Bush, calling him …"). A lowercase alphabetic form not ending in "-ed"
is kept when UD English EWT train tags it VBD or VBN in at least SHARE of at least MIN_USES
uses. Only the derived table is written (form, past uses, uses); no corpus text.

Usage: scripts/past_forms.py EN_EWT_TRAIN.conllu OUT.tsv
"""
import collections
import sys

MIN_USES = 3
SHARE = 0.9


def main(conllu, out):
    uses, past = collections.Counter(), collections.Counter()
    with open(conllu, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            form = cols[1].lower()
            uses[form] += 1
            if cols[4] in ("VBD", "VBN"):
                past[form] += 1
    kept = sorted(
        (f for f, n in past.items()
         if f.isalpha() and not f.endswith("ed") and n >= MIN_USES and n >= SHARE * uses[f]),
        key=lambda f: (-past[f], f),
    )
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Irregular past tenses and participles, derived by scripts/past_forms.py from UD\n")
        f.write("# English EWT train (CC BY-SA 4.0): a form not ending in -ed tagged VBD or VBN in\n")
        f.write(f"# >= {SHARE:.0%} of >= {MIN_USES} uses.\n")
        f.write("# form<TAB>past uses<TAB>uses\n")
        for form in kept:
            f.write(f"{form}\t{past[form]}\t{uses[form]}\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
