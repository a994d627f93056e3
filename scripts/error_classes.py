#!/usr/bin/env python3
"""Error classes of claimex predictions against PolNeAR-style gold (data/ERROR-ANALYSIS.md).

Usage: python3 scripts/error_classes.py GOLD.jsonl claims.jsonl models/cues.tsv

Pairs gold and predicted contents per document greedily by token F1 >= 0.5 (as `claimex eval`)
and classes every miss and wrong speaker. Reads the data in place; copies nothing.
"""
import re, sys, collections
from pairing import by_doc, pair, words as W
gold_p, pred_p, cues_p = sys.argv[1], sys.argv[2], sys.argv[3]
lex = set()
for l in open(cues_p):
    if l.startswith('#') or not l.strip(): continue
    c = l.rstrip('\n').split('\t')
    if c[0] in ('verb', 'noun'): lex.add(c[1]); lex.update(f for f in (c[3] if len(c) > 3 else '').split(',') if f)
    else: lex.add(c[1].split()[0])
gold, pred = by_doc(gold_p), by_doc(pred_p)
STOP = {'the','a','an','mr','mrs','ms','dr','sen','gov','rep','president','former'}
nw = lambda t: [w for w in re.findall(r'\w+', (t or '').lower()) if w not in STOP and w != 's']
PRON = {'he','she','they','it','his','her','their','its','him','them','who','we','i'}
c = collections.Counter(); npred = 0; fp = collections.Counter()
for d in gold:
    G, P = gold[d], pred.get(d, [])
    npred += len(P)
    ug, up = pair(G, P)
    for gi, g in enumerate(G):
        sp = g.get('speaker') or {}
        if gi in ug:
            p = P[ug[gi]]; m = p.get('speaker_mention') or {}
            ok = bool(m) and sp.get('start') is not None and m['start'] < sp['end'] and sp['start'] < m['end']
            a, b = nw(p.get('speaker') or m.get('text')), nw(sp.get('text'))
            ok = ok or bool(a and b and (a[-1] == b[-1] or set(a) <= set(b) or set(b) <= set(a)))
            if ok or not sp.get('text'): continue
            if not m and not p.get('speaker'): c['content matched, no speaker'] += 1
            elif (m.get('text') or '').lower() in PRON: c['pronoun resolved to the wrong antecedent'] += 1
            else: c['content matched, wrong speaker'] += 1
            continue
        q = g['quote']
        if any(p['quote']['start'] < q['end'] and q['start'] < p['quote']['end'] for p in P):
            c['content found, boundaries differ (token F1 < 0.5)'] += 1; continue
        cue = ((g.get('cue') or {}).get('text') or '').lower()
        ws = W(cue)
        if not ws: c['no cue word'] += 1
        elif any(w in lex for w in ws): c['cue in the lexicon, pattern not recognised'] += 1
        else: c['cue not in the lexicon'] += 1
    for pi, p in enumerate(P):
        if pi not in up: fp[p.get('cue_class') or 'unattributed quotation'] += 1
print(f'{npred} predictions')
for k, v in c.most_common(): print(f'{v:6,}  {k}')
print('predictions not in gold:', ', '.join(f'{k} {v:,}' for k, v in fp.most_common()))
