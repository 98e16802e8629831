#!/usr/bin/env python3
"""Compare PolNeAR train+dev speakers quote by quote between two builds.
usage: bench/polnear_speaker_diff.py BASE_BIN NEW_BIN
Prints every PolNeAR train+dev quote (keyed by file, start, end) whose speaker or mention differs,
with the gold source of the best-overlapping gold quote and the text before it, for reading."""
import json, os, subprocess, sys, glob
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'eval'))
import score
base, new = sys.argv[1:3]
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'data', 'quotes', 'polnear')
files = sorted(glob.glob(f'{D}/train/text/*.txt') + glob.glob(f'{D}/dev/text/*.txt'))
def run(b, cache=None):
    if cache and os.path.exists(cache):
        return open(cache).read()
    out = []
    for i in range(0, len(files), 200):
        out.append(subprocess.run([b, 'analyze', '--plain', '--format', 'jsonl', '-q', *files[i:i+200]],
                                  capture_output=True, text=True, check=True).stdout)
    s = ''.join(out)
    if cache: open(cache, 'w').write(s)
    return s
def index(s):
    r = {}
    for line in s.splitlines():
        d = json.loads(line)
        for q in d['quotes']:
            r[(d['source'], q['start'], q['end'])] = (q.get('speaker'), q.get('speaker_mention'), q['text'])
    return r
A = index(run(base))
B = index(run(new))
gold = {}
for sub in ('train', 'dev'):
    gold.update(score.polnear_gold(f'{D}/{sub}'))
def gsrc(f, text):
    best, src = 0, None
    for content, source, cue, direct in gold.get(f, []):
        o = score.overlap(text, content)
        if o > best: best, src = o, source
    return src if best >= .5 else '(no gold quote)'
n = 0
for k in sorted(set(A) | set(B)):
    a, b = A.get(k), B.get(k)
    if (a and a[0]) == (b and b[0]) and (a and a[1]) == (b and b[1]):
        continue
    n += 1
    t = (a or b)[2]
    f = k[0]
    txt = open(f, encoding='utf-8').read().encode()
    ctx = txt[max(0, k[1]-200):k[1]].decode('utf-8', 'replace').replace('\n', ' ')
    print(f"{os.path.basename(f)} {k[1]}-{k[2]}\n  base={a and a[:2]} new={b and b[:2]}\n  gold source={gsrc(f, t)!r}\n  ctx=…{ctx}\n  quote={t[:120]!r}\n")
print('differences:', n)
