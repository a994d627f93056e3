#!/usr/bin/env python3
"""List PolNeAR gold attributions whose speaker mention is not a full name.

Used to build the hand-made speaker-resolution dev gold
(data/polnear_dev.speakers.jsonl, issue 13 section 7).

A candidate is a gold attribution whose speaker mention is
  * a pronoun            (he, she, they, it, we, I, his, her, who, ...)
  * a nominal            (the campaign, the Republican nominee, experts, ...)
  * honorific + surname  (Mr. Trump, Mrs. Clinton, Sen. Sanders, ...)
  * a surname alone      (Trump, Clinton, Comey), i.e. a single capitalised
                         token that the same article also uses as the last
                         word of a longer name.

For every candidate the script prints, TO STDOUT ONLY, the 600 characters
before the speaker mention and the sentence containing it, so that a human
annotator can resolve the speaker. It never writes article text to a file;
PolNeAR text is licensed and must not enter the repository.

Usage:
  scripts/speaker_gold_candidates.py [--articles A.jsonl] [--gold G.jsonl]
        [--doc DOC_ID] [--category pronoun|nominal|honorific|surname]
        [--max-per-doc N] [--summary] [--marked]

  --max-per-doc N  keep only the first N candidates of each article
  --summary  counts per category and per article (no text)
  --marked   print each article once (up to its last candidate) with the
             candidate mentions marked inline as [[E3|pronoun: he]], a
             faster way to read many cases; still stdout only
"""
import argparse
import collections
import json
import re
import signal
import sys

DEFAULT_ARTICLES = "/work/shared/data/polnear/polnear_dev.articles.jsonl"
DEFAULT_GOLD = "/work/shared/data/polnear/polnear_dev.gold.jsonl"

PRONOUNS = {
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "hers", "him",
    "them", "their", "theirs", "its", "us", "our", "ours", "my", "me", "mine",
    "who", "whom", "whose", "which",
}
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "gov", "governor",
    "rep", "representative", "president", "secretary", "sec", "gen",
    "general", "judge", "justice", "mayor", "rev", "reverend", "sir", "lord",
    "lady", "prof", "professor", "speaker", "chairman", "chairwoman", "sheriff",
    "lt", "col", "capt", "adm", "attorney", "pastor", "dame", "madam",
}
DETERMINERS = {"the", "a", "an", "some", "one", "two", "three", "several",
               "many", "other", "another", "his", "her", "their", "its",
               "this", "that", "these", "those", "most", "few", "both"}
FUNCTION_WORDS = {"of", "for", "and", "at", "in", "on", "to", "from", "with",
                  "&", "the", "a", "an"}
# Documents and artefacts ("the report", "the ad", "polls") are left out:
# whether their "speaker" is the document or its author is an annotation
# choice we do not make here.
DOCUMENT_HEADS = {
    "ad", "ads", "report", "reports", "poll", "polls", "statement",
    "statements", "study", "studies", "research", "letter", "survey",
    "surveys", "data", "analysis", "memo", "email", "emails", "book",
    "article", "story", "documents", "document", "video", "tweet", "tweets",
    "website", "release", "filing", "complaint", "lawsuit", "suit", "ruling",
    "order", "indictment", "transcript", "records", "record", "figures",
    "numbers", "estimates", "estimate", "projections", "model", "models",
    "results", "findings", "audit", "review", "investigation", "plan",
    "proposal", "bill", "law", "measure", "platform", "speech", "post",
    "editorial", "column", "op-ed", "message", "note", "notes", "message",
    "resolution", "agreement", "deal", "guidelines", "guidance", "rule",
    "rules", "policy", "opinion", "decision", "message", "commercial",
}
# Single tokens that the simple patterns catch but that are not speakers
# (cue-like words, quantifiers) or are names of groups/places/organisations.
NOT_CANDIDATES = {
    "said", "says", "that", "each", "all", "some", "one", "faith", "video",
    "emails", "tax", "returns", "republicans", "democrats", "mexicans",
    "russia", "china", "mexico", "european", "polls", "reuters", "rt",
    "patriot",
}
SENT_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n")


def norm_token(tok):
    return re.sub(r"[’']s$", "", tok).strip(".,;:()\"“”’'")


def categorize(mention, text):
    """Return the category of a speaker mention, or None if it is a full
    name (or otherwise out of scope)."""
    m = mention.strip()
    toks = m.split()
    if not toks:
        return None
    low = [norm_token(t).lower() for t in toks]
    if " and " in f" {m} " or "," in m or "(" in m:
        return None  # coordinations, appositions, party tags: out of scope
    if len(toks) == 1 and low[0] in NOT_CANDIDATES:
        return None
    if len(toks) == 1 and low[0] in PRONOUNS:
        return "pronoun"
    first = toks[0].rstrip(".").lower()
    if first in HONORIFICS and len(toks) == 2 and norm_token(toks[1])[:1].isupper():
        return "honorific"
    if len(toks) == 1:
        tok = norm_token(toks[0])
        if not tok[:1].isupper():
            return "nominal" if tok.isalpha() else None  # "experts", "police"
        cand = tok.capitalize() if tok.isupper() and len(tok) > 2 else tok
        # surname: used in the article as the last word of a longer name
        if re.search(r"\b[A-Z][\w.’'-]+ (?:[A-Z]\. )?" + re.escape(cand) + r"\b", text):
            return "surname"
        return None
    # multiword: nominal if, after a determiner, the head noun phrase has a
    # lowercase content word (the Republican nominee, The Trump campaign)
    rest = toks[1:] if low[0] in DETERMINERS else toks
    content = [norm_token(t) for t in rest if norm_token(t).lower() not in FUNCTION_WORDS]
    if not content:
        return None
    if not any(w[:1].islower() for w in content):
        return None  # "The New York Times", "the FBI": a name, not a nominal
    if any(norm_token(t).lower() in DOCUMENT_HEADS for t in rest):
        return None
    if toks[0][:1].islower() or low[0] in DETERMINERS:
        return "nominal"  # the Republican nominee, The Trump campaign
    return None


def sentence_span(text, start, end):
    s = 0
    for mt in SENT_END.finditer(text, 0, start):
        s = mt.end()
    mt = SENT_END.search(text, end)
    e = mt.end() if mt else len(text)
    return s, e


def load(articles_path, gold_path):
    arts = {}
    with open(articles_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            arts[r["id"]] = r["text"]
    cases = []
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            sp = g.get("speaker")
            if not sp or len(sp.get("fragments") or [[0, 0]]) != 1:
                continue
            text = arts[g["doc_id"]]
            cat = categorize(text[sp["start"]:sp["end"]], text)
            if cat:
                cases.append({"doc_id": g["doc_id"], "gold_id": g["id"],
                              "start": sp["start"], "end": sp["end"],
                              "category": cat})
    cases.sort(key=lambda c: (c["doc_id"], c["start"]))
    return arts, cases


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", default=DEFAULT_ARTICLES)
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--doc", action="append")
    ap.add_argument("--category")
    ap.add_argument("--max-per-doc", type=int, default=0,
                    help="keep only the first N candidates of each article")
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--marked", action="store_true")
    a = ap.parse_args()
    arts, cases = load(a.articles, a.gold)
    if a.doc:
        cases = [c for c in cases if c["doc_id"] in a.doc]
    if a.category:
        cases = [c for c in cases if c["category"] == a.category]
    if a.max_per_doc:
        seen = collections.Counter()
        kept = []
        for c in cases:
            seen[c["doc_id"]] += 1
            if seen[c["doc_id"]] <= a.max_per_doc:
                kept.append(c)
        cases = kept
    out = sys.stdout
    if a.summary:
        byc = collections.Counter(c["category"] for c in cases)
        byd = collections.Counter(c["doc_id"] for c in cases)
        print("candidates:", len(cases), dict(byc), "articles:", len(byd), file=out)
        for d, n in sorted(byd.items()):
            print(f"{n:4d} {d}", file=out)
        return
    if a.marked:
        bydoc = collections.defaultdict(list)
        for c in cases:
            bydoc[c["doc_id"]].append(c)
        for d, cs in bydoc.items():
            text = arts[d]
            stop = sentence_span(text, cs[-1]["start"], cs[-1]["end"])[1]
            pieces, pos = [], 0
            for c in cs:
                if c["start"] < pos:
                    continue
                eid = c["gold_id"].split("#", 1)[1]
                pieces.append(text[pos:c["start"]])
                pieces.append(f"[[{eid}|{c['category'][:3]}: {text[c['start']:c['end']]}]]")
                pos = c["end"]
            pieces.append(text[pos:stop])
            print(f"\n######## {d}  ({len(cs)} cases)", file=out)
            print("".join(pieces), file=out)
        return
    for c in cases:
        text = arts[c["doc_id"]]
        s, e = sentence_span(text, c["start"], c["end"])
        before = text[max(0, c["start"] - 600):c["start"]]
        print(f"=== {c['gold_id']} [{c['start']}:{c['end']}] {c['category']}: "
              f"{text[c['start']:c['end']]!r}", file=out)
        print("--- before:", before.replace("\n", " / "), file=out)
        print("--- sentence:", text[s:e].replace("\n", " / "), file=out)
        print(file=out)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # allow piping into head/less
    main()
