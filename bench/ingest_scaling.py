#!/usr/bin/env python3
"""Ingest scaling: time per document and peak RSS for growing generated corpora.

    python3 bench/ingest_scaling.py [SIZES...]      # default 10000 20000 40000

Each size is generated (bench/generate.py, seeded, 10% wire copies) and ingested into a fresh
ledger on one core; the table shows seconds per 1,000 documents, which stays flat when the cost
per document does not grow with the corpus, and the peak RSS.
"""
import os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "claimtrail")


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [10000, 20000, 40000]
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    tmp = tempfile.mkdtemp()
    rows = []
    for n in sizes:
        src = os.path.join(tmp, f"g{n}.jsonl")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(n), src], check=True)
        db = os.path.join(tmp, f"g{n}.db")
        env = dict(os.environ, RAYON_NUM_THREADS="1")
        t = time.time()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", BIN, "ingest", "--quiet", "--db", db, src],
                           capture_output=True, text=True, env=env)
        secs = time.time() - t
        rss = int(p.stderr.strip().splitlines()[-1]) / 1024
        rows.append((n, secs, secs / n * 1000, rss))
        print(f"{n} docs: {secs:.1f} s, {secs / n * 1000:.2f} s per 1,000 docs, peak RSS {rss:.0f} MiB", flush=True)
    base = rows[0][2]
    print("\n| documents | seconds | s per 1,000 docs | ratio to smallest | peak RSS MiB |")
    print("|---|---|---|---|---|")
    for n, secs, per, rss in rows:
        print(f"| {n:,} | {secs:.1f} | {per:.2f} | {per / base:.2f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
