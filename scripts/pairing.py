"""Shared by the error-analysis scripts: loading claims by document and the greedy token-F1
pairing `claimex eval` uses (words are \\w+ runs, lowercased; a pair counts at F1 >= 0.5)."""
import collections
import json
import re


def by_doc(path):
    """Records of a JSONL claims or gold file, grouped by doc_id."""
    docs = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        docs[record["doc_id"]].append(record)
    return docs


def words(text):
    return re.findall(r"\w+", text.lower())


def f1(a, b):
    """Token-overlap F1 of two texts."""
    A, B = collections.Counter(words(a)), collections.Counter(words(b))
    overlap = sum((A & B).values())
    return 0 if not overlap else 2 * overlap / (sum(A.values()) + sum(B.values()))


def pair(gold, pred):
    """Greedy one-to-one pairing by descending F1; returns (gold index -> pred index, inverse)."""
    pairs = sorted(((f1(g["quote"]["text"], p["quote"]["text"]), gi, pi)
                    for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
                   key=lambda x: (-x[0], x[1], x[2]))
    ug, up = {}, {}
    for score, gi, pi in pairs:
        if score < 0.5:
            break
        if gi in ug or pi in up:
            continue
        ug[gi] = pi
        up[pi] = gi
    return ug, up
