#!/usr/bin/env python3
"""Why direct/mixed predictions miss the quoted subset (data/ERROR-ANALYSIS.md).

Usage: python3 scripts/quoted_false_positives.py GOLD.jsonl claims.jsonl ARTICLES.jsonl [CLASS]

Counts unmatched direct/mixed predictions by source, kind, cue, speaker and how they relate to
the gold; with CLASS (a key joined by |) prints sample sentences. Reads the data in place only.
"""
import json, re, sys, collections, random
gold_p, pred_p, art_p = sys.argv[1], sys.argv[2], sys.argv[3]
show = sys.argv[4] if len(sys.argv)>4 else None
gold = collections.defaultdict(list); pred = collections.defaultdict(list)
for l in open(gold_p):
    g = json.loads(l); gold[g['doc_id']].append(g)
for l in open(pred_p):
    p = json.loads(l); pred[p['doc_id']].append(p)
arts={}
for l in open(art_p):
    a=json.loads(l); arts[a.get('doc_id') or a.get('id')]=a.get('text') or a.get('body')
W = lambda t: re.findall(r'\w+', t.lower())
def f1(a, b):
    A, B = collections.Counter(W(a)), collections.Counter(W(b)); o = sum((A & B).values())
    return 0 if not o else 2 * o / (sum(A.values()) + sum(B.values()))
Q=lambda k: k in ('direct','mixed')
def match(G,P):
    pairs = sorted(((f1(g['quote']['text'], p['quote']['text']), gi, pi) for gi, g in enumerate(G) for pi, p in enumerate(P)), key=lambda x: (-x[0], x[1], x[2]))
    ug, up = {}, {}
    for f, gi, pi in pairs:
        if f < 0.5: break
        if gi in ug or pi in up: continue
        ug[gi] = pi; up[pi] = gi
    return ug, up
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
