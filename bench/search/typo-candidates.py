"""Typo candidates: the deletion neighbourhood the search uses against a length-and-prefix filter.

Usage: python3 bench/search/typo-candidates.py STORE/data/shelf.sqlite  (a store built by `shelf build`)

Every vocabulary word of five letters or more gets one random edit (a letter left out, added,
changed, or two neighbours swapped); each way looks up the candidates and keeps those one edit
away. Prints how often the original word is found, how many candidates were checked, and the time
per typo (with the edit distance in Python). Results are in docs/search.md.
"""
import random
import sqlite3
import string
import sys
import time

db = sqlite3.connect(sys.argv[1])
vocab = [w for (w,) in db.execute("SELECT word FROM search_words") if len(w) >= 5 and w.isalpha()]
random.seed(14)
def typo(w):
    i = random.randrange(len(w)); k = random.choice("del ins sub swap".split())
    c = random.choice(string.ascii_lowercase)
    if k == "del": return w[:i] + w[i+1:]
    if k == "ins": return w[:i] + c + w[i:]
    if k == "sub": return w[:i] + c + w[i+1:]
    i = min(i, len(w) - 2); return w[:i] + w[i+1] + w[i] + w[i+2:]
def dels(w): return list({w, *[w[:i] + w[i+1:] for i in range(len(w))]})
def osa(a, b):
    d = [[0]*(len(b)+1) for _ in range(len(a)+1)]
    for i in range(len(a)+1): d[i][0] = i
    for j in range(len(b)+1): d[0][j] = j
    for i in range(1, len(a)+1):
        for j in range(1, len(b)+1):
            d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+(a[i-1]!=b[j-1]))
            if i>1 and j>1 and a[i-1]==b[j-2] and a[i-2]==b[j-1]: d[i][j] = min(d[i][j], d[i-2][j-2]+1)
    return d[len(a)][len(b)]
db.execute("CREATE TEMP TABLE vocab AS SELECT word, length(word) AS n, substr(word,1,2) AS p FROM search_words")
db.execute("CREATE INDEX temp.vocab_np ON vocab (n, p)")
cases = [(w, typo(w)) for w in vocab]
for name, lookup in [
    ("deletion neighbourhood", lambda t: [w for (w,) in db.execute(f"SELECT DISTINCT word FROM search_deletions WHERE deletion IN ({','.join('?'*len(dels(t)))})", dels(t))]),
    ("length+2-letter prefix", lambda t: [w for (w,) in db.execute("SELECT word FROM vocab WHERE n BETWEEN ? AND ? AND p = ?", (len(t)-1, len(t)+1, t[:2]))]),
]:
    found = examined = 0
    start = time.perf_counter()
    for word, t in cases:
        c = lookup(t); examined += len(c)
        if word in [w for w in c if osa(t, w) <= 1]: found += 1
    ms = (time.perf_counter() - start) / len(cases) * 1000
    print(f"{name}: recall {found}/{len(cases)} = {found/len(cases):.1%}, candidates checked per typo {examined/len(cases):.1f}, {ms:.2f} ms per typo (incl. Python distance)")
print("vocabulary words >=5 letters:", len(vocab), "deletion rows:", db.execute("SELECT COUNT(*) FROM search_deletions").fetchone()[0])
