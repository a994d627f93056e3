#!/usr/bin/env python3
"""Why direct/mixed predictions miss the quoted subset (data/ERROR-ANALYSIS.md).

Usage: python3 scripts/quoted_false_positives.py GOLD.jsonl claims.jsonl ARTICLES.jsonl [CLASS]

Counts unmatched direct/mixed predictions by source, kind, cue, speaker and how they relate to
the gold; with CLASS (a key joined by |) prints sample sentences. Reads the data in place only.
"""
import json, sys, collections, random
from pairing import by_doc, pair
gold_p, pred_p, art_p = sys.argv[1], sys.argv[2], sys.argv[3]
show = sys.argv[4] if len(sys.argv)>4 else None
gold, pred = by_doc(gold_p), by_doc(pred_p)
arts={}
for l in open(art_p):
    a=json.loads(l); arts[a.get('doc_id') or a.get('id')]=a.get('text') or a.get('body')
Q=lambda k: k in ('direct','mixed')
match = pair
c=collections.Counter(); ex=collections.defaultdict(list)
for d in gold:
    G, P = gold[d], pred.get(d, [])
    GQ=[g for g in G if Q(g['kind'])]; PQ=[p for p in P if Q(p['kind'])]
    ugq, upq = match(GQ,PQ)
    uga, upa = match(G,P)
    for pi,p in enumerate(PQ):
        if pi in upq: continue
        pa=P.index(p)
        cue = 'cue' if p.get('cue') else 'nocue'
        spk = 'spk' if p.get('speaker_mention') else 'nospk'
        if pa in upa:
            g=G[upa[pa]]
            k='allmatch:gold-'+g['kind']
        else:
            ov=[g for g in G if g['quote']['start']<p['quote']['end'] and p['quote']['start']<g['quote']['end']]
            if not ov: k='no-overlap'
            else:
                k='overlap-bound:'+ov[0]['kind']
        key=(('nyt' if d.startswith('nyt') else 'oth'),p['kind'],cue,spk,k)
        c[key]+=1
        ex[key].append((d,p,[g for g in G if g['quote']['start']<p['quote']['end'] and p['quote']['start']<g['quote']['end']]))
tot=sum(c.values()); print('total unmatched quoted preds',tot, 'pred quoted', sum(1 for d in pred for p in pred[d] if Q(p['kind']) and d in gold))
for k,v in sorted(c.items(), key=lambda x:-x[1]): print(v,k)
if show:
    keys=[k for k in c if '|'.join(k)==show] 
    random.seed(1)
    for k in keys:
        L=ex[k]; random.shuffle(L)
        for d,p,ov in L[:25]:
            t=arts[d]; s=p['sentence']
            print('---',d, p['kind'], 'cue=',(p.get('cue') or {}).get('text'),'spk=',(p.get('speaker_mention') or {}).get('text'), 'conf',p['confidence'])
            print('  SENT:', t[s['start']:s['end']].replace('\n',' ')[:400])
            print('  PQ:', p['quote']['text'][:200])
            for g in ov: print('  G[%s]:'%g['kind'], g['quote']['text'][:200], '| spk=',g['speaker']['text'] if g.get('speaker') else None,'cue=', g['cue']['text'] if g.get('cue') else None)
