#!/usr/bin/env python3
"""Export speed and peak RSS for growing ledgers: memory should not grow with the ledger.

    python3 bench/export_memory.py [--bin target/release/claimtrail] [--dir DIR] [SIZES...]   # default 2000 8000

Each size is generated (bench/generate.py, seeded, 10% wire copies), ingested into a fresh ledger,
then exported in every format the binary can write; the table shows wall seconds, documents per
second and peak RSS of each export, and the size of what it wrote. Build first
(`cargo build --release --features parquet` to include Parquet). With `--dir`, ledgers already
there (`gN.db`) are exported again without a new ingest.
"""
import os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd):
    p = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        return None, p.stderr.strip().splitlines()[-2:]
    secs, kib = p.stderr.strip().splitlines()[-1].split()
    return (float(secs), int(kib) / 1024), None


def du(path):
    return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))


def main():
    args = sys.argv[1:]
    binary = os.path.join(ROOT, "target", "release", "claimtrail")
    if args[:1] == ["--bin"]:
        binary, args = args[1], args[2:]
    tmp = None
    if args[:1] == ["--dir"]:
        tmp, args = args[1], args[2:]
        os.makedirs(tmp, exist_ok=True)
    sizes = [int(s) for s in args] or [2000, 8000]
    tmp = tmp or tempfile.mkdtemp()
    rows = []
    for n in sizes:
        src = os.path.join(tmp, f"g{n}.jsonl")
        db = os.path.join(tmp, f"g{n}.db")
        if not os.path.exists(db):
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(n), src], check=True)
            t = time.time()
            subprocess.run([binary, "ingest", "--quiet", "--db", db, src], check=True)
            print(f"{n} docs ingested in {time.time() - t:.1f} s", flush=True)
        print(f"{n} docs: ledger {os.path.getsize(db) / 2**20:.0f} MiB", flush=True)
        for fmt in ["jsonl", "csv", "parquet", "claim-jsonld"]:
            out = os.path.join(tmp, f"out-{n}-{fmt}")
            shutil.rmtree(out, ignore_errors=True)
            got, err = timed([binary, "export", "--db", db, "--format", fmt, "--out", out])
            if got is None:
                print(f"  {fmt}: skipped ({' '.join(err)})", flush=True)
                continue
            secs, rss = got
            rows.append((n, fmt, secs, n / secs if secs else float("inf"), rss, du(out) / 2**20))
            print(f"  {fmt}: {secs:.2f} s, peak RSS {rss:.1f} MiB", flush=True)
    print("\n| documents | format | seconds | docs/s | peak RSS MiB | output MiB |")
    print("|---|---|---|---|---|---|")
    for n, fmt, secs, rate, rss, size in rows:
        print(f"| {n:,} | {fmt} | {secs:.2f} | {rate:,.0f} | {rss:.1f} | {size:.1f} |")


if __name__ == "__main__":
    main()
