#!/usr/bin/env python3
"""Benchmarks claimtrail beside the peer baseline, on the same inputs, in one run.

    python3 bench/run.py [--peers PYTHON] [--quick] [--out docs/benchmarks.md]

Measures, each on ONE core (RAYON_NUM_THREADS=1, taskset when available):
  - text → full analysis, docs/s, on news articles of 3–6 KB (PolNeAR train texts, --plain);
  - HTML → full analysis, pages/s, on the WCXB dev pages;
  - extraction alone is not separable from the CLI, so HTML figures include the analysis stages;
  - tokens/s for tokenize + tag (CoNLL valid through score.py conll);
  - ingest docs/s into a fresh ledger, and peak RSS of every run (GNU time);
  - the accuracy figures of ../shared/eval/score.py on the dev sets.
PYTHON is a Python with the peer requirements (../shared/peers/requirements.txt) installed; without
it the peer columns are left empty. Needs ../shared beside the checkout.
"""
import argparse, datetime, gzip, json, os, platform, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
BIN = os.path.join(ROOT, "target", "release", "claimtrail")
SCORE = os.path.join(SHARED, "eval", "score.py")


def one_core(cmd):
    pre = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    return pre + ["/usr/bin/time", "-f", "%M"] + cmd


def timed(cmd, env_extra=None):
    """Runs cmd on one core; returns (seconds, peak RSS MiB, stdout)."""
    env = dict(os.environ, RAYON_NUM_THREADS="1", **(env_extra or {}))
    t = time.time()
    p = subprocess.run(one_core(cmd), capture_output=True, text=True, env=env)
    secs = time.time() - t
    rss = None
    for line in reversed(p.stderr.strip().splitlines()):
        if line.strip().isdigit():
            rss = int(line.strip()) / 1024
            break
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr[-2000:])
        raise SystemExit(f"failed: {' '.join(cmd[:3])}")
    return secs, rss, p.stdout


def score(binary, mode, *args):
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    p = subprocess.run([sys.executable, SCORE, binary, mode, *args], capture_output=True, text=True, env=env)
    last = (p.stdout.strip().splitlines() or ["{}"])[-1]
    try:
        return json.loads(last)
    except ValueError:
        return {"error": p.stderr[-300:]}


def peer_wrapper(python, tmp):
    path = os.path.join(tmp, "peer-bin")
    with open(path, "w") as f:
        f.write(f"#!/bin/sh\nexec {python} {os.path.join(SHARED, 'peers', 'peer.py')} \"$@\"\n")
    os.chmod(path, 0o755)
    return path


def news_texts(limit):
    d = os.path.join(SHARED, "data", "quotes", "polnear", "train", "text")
    files = sorted(os.path.join(d, f) for f in os.listdir(d))
    return [f for f in files if 3000 <= os.path.getsize(f) <= 6000][:limit]


def html_pages(tmp, limit):
    d = os.path.join(SHARED, "data", "extraction", "wcxb-dev-articles", "html")
    out = []
    os.makedirs(os.path.join(tmp, "html"), exist_ok=True)
    for f in sorted(os.listdir(d))[:limit]:
        q = os.path.join(tmp, "html", f[:-3])
        with gzip.open(os.path.join(d, f)) as g, open(q, "wb") as o:
            o.write(g.read())
        out.append(q)
    return out


def throughput(binary, paths, extra=()):
    secs, rss, _ = timed([binary, "analyze", "--format", "jsonl", *extra, *paths])
    return len(paths) / secs, rss


def ingest(binary, paths, tmp, name):
    db = os.path.join(tmp, name + ".db")
    secs, rss, _ = timed([binary, "ingest", "--db", db, *paths])
    return len(paths) / secs, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peers", help="Python with the peer requirements installed")
    ap.add_argument("--quick", action="store_true", help="fewer documents (a smoke run)")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    ap.add_argument("--cache", help="JSON file keeping measurements; ones already in it are reused "
                    "(accuracy does not depend on machine load, so it can be measured apart)")
    ap.add_argument("--only", choices=["speed", "accuracy"], help="measure only this part")
    ap.add_argument("--tools", default="claimtrail,peers", help="which tools to run")
    a = ap.parse_args()
    cache = json.load(open(a.cache)) if a.cache and os.path.exists(a.cache) else {}
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    tmp = tempfile.mkdtemp()
    n_text, n_html = (40, 40) if a.quick else (226, 790)
    texts, pages = news_texts(n_text), html_pages(tmp, n_html)
    tools = {"claimtrail": BIN}
    if a.peers:
        tools["peers"] = peer_wrapper(a.peers, tmp)
    wanted = a.tools.split(",")
    for name, b in tools.items():
        if name not in wanted:
            continue
        # The peers take minutes per hundred documents: a sample keeps the run bounded.
        t = texts if name == "claimtrail" else texts[:40]
        h = pages if name == "claimtrail" else pages[:60]
        entry = cache.setdefault(name, {})
        if a.only != "accuracy" and "speed" not in entry:
            s = {}
            s["text_docs_per_s"], s["text_rss_mib"] = throughput(b, t, ["--plain"])
            s["html_pages_per_s"], s["html_rss_mib"] = throughput(b, h)
            s["ingest_docs_per_s"], s["ingest_rss_mib"] = ingest(b, t, tmp, name)
            entry["speed"] = s
            print(name, json.dumps(s), flush=True)
        if a.only != "speed" and not a.quick:
            acc = entry.setdefault("accuracy", {})
            for key, mode, *args in [
                ("seeds", "seeds", os.path.join(SHARED, "seeds"), os.path.join(SHARED, "gold", "seeds.json")),
                ("dumps", "dumps", os.path.join(SHARED, "data", "extraction", "wcxb-dev-dumps")),
                ("wcxb", "wcxb", os.path.join(SHARED, "data", "extraction", "wcxb-dev-articles")),
                ("conll", "conll", os.path.join(SHARED, "data", "ner", "conll2003", "valid.txt")),
                ("polnear", "polnear", os.path.join(SHARED, "data", "quotes", "polnear", "dev")),
                ("timeml", "timeml", os.path.join(SHARED, "data", "time", "tbaq", "TimeBank")),
                ("stories", "stories", os.path.join(SHARED, "data", "stories", "ecbplus-dev")),
            ]:
                if key not in acc:
                    acc[key] = score(b, mode, *args)
                    print(name, key, json.dumps(acc[key]), flush=True)
                    if a.cache:
                        json.dump(cache, open(a.cache, "w"), indent=1)
        if a.cache:
            json.dump(cache, open(a.cache, "w"), indent=1)
    names = [n for n in tools if n in cache]  # claimtrail first: ratios read claimtrail / peers
    speed = {n: cache[n].get("speed", {}) for n in names}
    acc = {n: cache[n].get("accuracy", {}) for n in names}
    write_report(a.out, speed, acc, n_text, n_html, a)
    print(open(a.out).read())


def fmt(v):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.1f}" if v >= 10 else f"{v:.3f}"
    return str(v)


def write_report(out, speed, acc, n_text, n_html, a):
    names = list(speed)
    if not names:
        return
    lines = [
        "# Benchmarks", "",
        f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores, Linux {platform.release()}; one core per run (RAYON_NUM_THREADS=1, taskset -c 0). "
        f"Command: `python3 bench/run.py{' --peers ' + a.peers if a.peers else ''}{' --quick' if a.quick else ''}`.",
        "",
        f"Inputs: {n_text} PolNeAR news texts of 3–6 KB (`--plain`), {n_html} WCXB dev HTML pages; "
        "the peers run on the first 40 texts and 60 pages (they are slow).", "",
        "## Speed (per core) and peak RSS", "",
        "| measure | " + " | ".join(names) + (" | ratio |" if len(names) > 1 else ""),
        "|---|" + "---|" * len(names) + ("---|" if len(names) > 1 else ""),
    ]
    for k in sorted({k for n in names for k in speed[n]}):
        row = [fmt(speed[n].get(k)) for n in names]
        ratio = ""
        if len(names) > 1 and speed[names[1]].get(k) and speed[names[0]].get(k) and "rss" not in k:
            ratio = f" {speed[names[0]][k] / speed[names[1]][k]:,.0f}× |"
        elif len(names) > 1:
            ratio = " |"
        lines.append(f"| {k} | " + " | ".join(row) + " |" + ratio)
    if len(names) > 1:
        lines += ["", "The peers' `ingest` only records the list of files (their stories baseline clusters at "
                  "query time) and analyses nothing, so its ingest figure is not comparable; claimtrail's "
                  "ingest runs the whole analysis and links every document into the ledger."]
    if any(acc.values()):
        lines += ["", "## Accuracy (../shared/eval/score.py on the dev sets)", ""]
        lines += ["| set | metric | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
        first = next(n for n in names if acc[n])
        for s in acc[first]:
            for m, v in acc[first][s].items():
                if isinstance(v, dict):
                    for m2, v2 in v.items():
                        if isinstance(v2, (int, float)):
                            vals = [fmt(((acc[n].get(s) or {}).get(m) or {}).get(m2)) for n in names]
                            lines.append(f"| {s} | {m}.{m2} | " + " | ".join(vals) + " |")
                elif isinstance(v, (int, float)):
                    vals = [fmt((acc[n].get(s) or {}).get(m)) for n in names]
                    lines.append(f"| {s} | {m} | " + " | ".join(vals) + " |")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    open(out, "w").write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
