#!/usr/bin/env python3
"""Benchmarks claimtrail beside the peer baseline, on the same inputs, in one run.

    python3 bench/run.py [--peers PYTHON] [--baseline REV] [--repeat N] [--quick] [--out docs/benchmarks.md]

Measures, each on ONE core (RAYON_NUM_THREADS=1, taskset when available):
  - text → full analysis, docs/s, on news articles of 3–6 KB (PolNeAR train texts, --plain);
  - HTML → full analysis, pages/s, on the WCXB dev pages;
  - extraction alone is not separable from the CLI, so HTML figures include the analysis stages;
  - tokens/s for tokenize + tag (CoNLL valid through score.py conll);
  - ingest docs/s into a fresh ledger, and peak RSS of every run (GNU time);
  - the accuracy figures of ../shared/eval/score.py on the dev sets.
PYTHON is a Python with the peer requirements (../shared/peers/requirements.txt) installed; without
it the peer columns are left empty. REV is an earlier revision of this repository (a commit, a tag):
it is built in a worktree of its own (target/baseline-REV) and measured in the same run, its speed
runs alternating with the current build's, so that "no slower than before" is read from one run on
one machine state. With --repeat N every speed figure is the median of N alternating runs.
Needs ../shared beside the checkout.

The report replaces the part of OUT between the markers `<!-- run.py begin -->` and
`<!-- run.py end -->` (the whole file when they are missing); what follows them is kept.
"""
import argparse, datetime, gzip, json, os, platform, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
BIN = os.path.join(ROOT, "target", "release", "claimtrail")
SCORE = os.path.join(SHARED, "eval", "score.py")
BEGIN, END = "<!-- run.py begin -->", "<!-- run.py end -->"


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


def build_baseline(rev):
    """Builds revision `rev` of this repository in a worktree of its own; returns its binary."""
    sha = subprocess.run(["git", "rev-parse", "--verify", rev + "^{commit}"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    tree = os.path.join(ROOT, "target", "baseline-" + sha[:12])
    if not os.path.isdir(tree):
        subprocess.run(["git", "worktree", "add", "--detach", tree, sha], cwd=ROOT, check=True)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "claimtrail-cli"], cwd=tree, check=True)
    return os.path.join(tree, "target", "release", "claimtrail"), sha[:12]


def median(xs):
    xs = sorted(x for x in xs if x is not None)
    return xs[len(xs) // 2] if xs else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peers", help="Python with the peer requirements installed")
    ap.add_argument("--quick", action="store_true", help="fewer documents (a smoke run)")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    ap.add_argument("--cache", help="JSON file keeping measurements; ones already in it are reused "
                    "(accuracy does not depend on machine load, so it can be measured apart)")
    ap.add_argument("--only", choices=["speed", "accuracy"], help="measure only this part")
    ap.add_argument("--tools", default="claimtrail,baseline,peers", help="which tools to run")
    ap.add_argument("--baseline", metavar="REV", help="an earlier revision, built and measured beside")
    ap.add_argument("--repeat", type=int, default=1, help="alternating speed runs per tool (median)")
    a = ap.parse_args()
    cache = json.load(open(a.cache)) if a.cache and os.path.exists(a.cache) else {}
    subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    tmp = tempfile.mkdtemp()
    n_text, n_html = (40, 40) if a.quick else (226, 790)
    texts, pages = news_texts(n_text), html_pages(tmp, n_html)
    tools = {"claimtrail": BIN}
    if a.baseline:
        tools["baseline"], a.baseline_sha = build_baseline(a.baseline)
    if a.peers:
        tools["peers"] = peer_wrapper(a.peers, tmp)
    wanted = a.tools.split(",")
    tools = {n: b for n, b in tools.items() if n in wanted}
    # The peers take minutes per hundred documents: a sample keeps the run bounded.
    inputs = {n: (texts, pages) if n != "peers" else (texts[:40], pages[:60]) for n in tools}
    if a.only != "accuracy":
        runs = {n: [] for n in tools if "speed" not in cache.get(n, {})}
        for r in range(max(1, a.repeat)):
            for name in runs:
                if name == "peers" and r > 0:
                    continue  # one run of theirs is already minutes long
                b, (t, h) = tools[name], inputs[name]
                s = {}
                s["text_docs_per_s"], s["text_rss_mib"] = throughput(b, t, ["--plain"])
                s["html_pages_per_s"], s["html_rss_mib"] = throughput(b, h)
                s["ingest_docs_per_s"], s["ingest_rss_mib"] = ingest(b, t, tmp, f"{name}-{r}")
                runs[name].append(s)
                print(name, r, json.dumps(s), flush=True)
        for name, rs in runs.items():
            cache.setdefault(name, {})["speed"] = {k: median([x[k] for x in rs]) for k in rs[0]}
    for name, b in tools.items():
        entry = cache.setdefault(name, {})
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
    names = [n for n in tools if n in cache]  # claimtrail first: ratios read claimtrail / other
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
        BEGIN,
        f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"{os.cpu_count()} cores, Linux {platform.release()}; one core per run (RAYON_NUM_THREADS=1, taskset -c 0). "
        f"Command: `python3 bench/run.py{' --peers ' + a.peers if a.peers else ''}"
        f"{' --baseline ' + a.baseline if a.baseline else ''}"
        f"{f' --repeat {a.repeat}' if a.repeat > 1 else ''}{' --quick' if a.quick else ''}`"
        f"{f' (baseline: {a.baseline_sha})' if a.baseline else ''}"
        f"{f'; speed figures are medians of {a.repeat} alternating runs' if a.repeat > 1 else ''}.",
        "",
        f"Inputs: {n_text} PolNeAR news texts of 3–6 KB (`--plain`), {n_html} WCXB dev HTML pages; "
        "the peers run on the first 40 texts and 60 pages (they are slow).", "",
        "## Speed (per core) and peak RSS", "",
        "| measure | " + " | ".join(names) + "".join(f" | ÷ {n}" for n in names[1:]) + " |",
        "|---|" + "---|" * (2 * len(names) - 1),
    ]
    for k in sorted({k for n in names for k in speed[n]}):
        row = [fmt(speed[n].get(k)) for n in names]
        # claimtrail's figure over each other tool's (higher is faster; RSS rows have none).
        for other in names[1:]:
            a_, b_ = speed[names[0]].get(k), speed[other].get(k)
            if a_ and b_ and "rss" not in k:
                r = a_ / b_
                row.append(f"{r:,.0f}×" if r >= 10 else f"{r:.3f}×")
            else:
                row.append("")
        lines.append(f"| {k} | " + " | ".join(row) + " |")
    if "peers" in names:
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
    lines.append(END)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    old = open(out).read() if os.path.exists(out) else ""
    head, rest = "# Benchmarks\n\n", ""
    if BEGIN in old and END in old:
        head = old[: old.index(BEGIN)]
        rest = old[old.index(END) + len(END):].lstrip("\n")
    open(out, "w").write(head + "\n".join(lines) + "\n" + ("\n" + rest if rest else ""))


if __name__ == "__main__":
    main()
