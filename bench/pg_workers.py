#!/usr/bin/env python3
"""Workers on PostgreSQL against one process on SQLite: equivalence and throughput (issue #15).

    python3 bench/pg_workers.py equivalence [WORKERS]   # default 4
    python3 bench/pg_workers.py throughput  [RUNS]      # default 1 run per setting
    bench/pg_workers.py ingest|stories --db FILE ...     # score.py's BIN, backed by workers

equivalence: the seed pages (../shared/seeds) and ECB+ dev (../shared/data/stories/ecbplus-dev)
ingested by WORKERS concurrent `claimtrail work` processes into a fresh PostgreSQL database and
by one `claimtrail ingest` into SQLite; compares documents, quotes, figures and wire-copy pairs
(as sets), the story partitions (B-cubed F1 of one against the other) and score.py's `stories`
mode on each backend. Exits non-zero when an acceptance bar of #15 is missed.

throughput: documents/s on ECB+ dev for one `ingest` into SQLite and for 1 and 2 workers into
PostgreSQL, with units of one file and of 64 files (`queue add --unit-files`), so the fixed cost
per unit shows.

BIN is target/release/claimtrail (CLAIMTRAIL_BIN to change); PostgreSQL is DATABASE_URL's server,
else postgres://postgres@127.0.0.1:5432/postgres. Heavy: run it under the CPU lock.
"""
import hashlib, json, os, subprocess, sys, tempfile, time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
BIN = os.environ.get("CLAIMTRAIL_BIN", os.path.join(ROOT, "target", "release", "claimtrail"))
ADMIN = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
ECB = os.path.join(SHARED, "data", "stories", "ecbplus-dev")
SEEDS = os.path.join(SHARED, "seeds")
SCORER = os.path.join(SHARED, "eval", "score.py")


def run(args, **kw):
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.stderr.write(p.stderr[-3000:])
        raise SystemExit(f"failed ({p.returncode}): {' '.join(args[:4])}")
    return p.stdout


def db_url(name):
    base, _, _ = ADMIN.rpartition("/")
    return f"{base}/{name}"


def fresh_database(name):
    run(["psql", "-q", ADMIN, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])
    run(["psql", "-q", ADMIN, "-c", f"CREATE DATABASE {name}"])
    return db_url(name)


def drop_database(name):
    run(["psql", "-q", ADMIN, "-c", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"])


def workers(url, paths, n, queue_args=()):
    """Queues paths and runs n workers until the queue is empty; returns seconds (queue + work)."""
    t = time.time()
    run([BIN, "queue", "add", "--db", url, *queue_args, *paths])
    procs = [subprocess.Popen([BIN, "work", "-q", "--until-done", "--db", url],
                              stderr=subprocess.PIPE, text=True) for _ in range(n)]
    for p in procs:
        _, err = p.communicate()
        if p.returncode != 0:
            sys.stderr.write(err[-3000:])
            raise SystemExit(f"a worker failed ({p.returncode})")
    secs = time.time() - t
    status = json.loads(run([BIN, "queue", "status", "--db", url, "--format", "jsonl"]))
    if status["parked"] or status["queued"] or status["running"]:
        raise SystemExit(f"units left: {status}")
    return secs


def rows(query, db):
    return [json.loads(l) for l in run([BIN, query, "--db", db, "--format", "jsonl"]).splitlines() if l.strip()]


def as_set(rs):
    return sorted(json.dumps(r, sort_keys=True) for r in rs)


def partition(db):
    """document source -> story id."""
    out = {}
    for s in rows("stories", db):
        for d in s["documents"]:
            out[d] = s["id"]
    return out


def bcubed_f1(a, b):
    """B-cubed F1 of partition b against partition a (both: item -> cluster)."""
    items = sorted(set(a) | set(b))
    ca, cb = defaultdict(set), defaultdict(set)
    for i in items:
        ca[a.get(i, "only:" + i)].add(i)
        cb[b.get(i, "only:" + i)].add(i)
    p = r = 0.0
    for i in items:
        x, y = ca[a.get(i, "only:" + i)], cb[b.get(i, "only:" + i)]
        inter = len(x & y)
        p += inter / len(y)
        r += inter / len(x)
    p, r = p / len(items), r / len(items)
    return 2 * p * r / (p + r) if p + r else 0.0


def score_stories(bin_):
    out = run([sys.executable, SCORER, bin_, "stories", ECB], timeout=7200)
    return json.loads(out.strip().splitlines()[-1])


def equivalence(n_workers=4):
    tmp = tempfile.mkdtemp()
    inputs = [SEEDS, ECB]
    lite = os.path.join(tmp, "one.db")
    t = time.time()
    run([BIN, "ingest", "-q", "--db", lite, *inputs])
    lite_secs = time.time() - t
    name = "claimtrail_equivalence"
    url = fresh_database(name)
    pg_secs = workers(url, inputs, n_workers)
    report = {"workers": n_workers, "sqlite_seconds": round(lite_secs, 1), "postgres_seconds": round(pg_secs, 1)}
    ok = True
    for q in ["documents", "quotes", "figures"]:
        a, b = as_set(rows(q, lite)), as_set(rows(q, url))
        same = a == b
        report[q] = {"sqlite": len(a), "postgres": len(b), "same": same}
        if not same:
            ok = False
            report[q]["only_sqlite"] = len(set(a) - set(b))
            report[q]["only_postgres"] = len(set(b) - set(a))
    # Which documents are copies of each other, and which one is the original: the earliest by
    # date, then by origin, so arrival order (many workers) must not change it.
    copies = [(rows("copies", db)) for db in (lite, url)]
    pairs = [sorted(tuple(sorted((c["document"], c["original"]))) for c in cs) for cs in copies]
    directed = [sorted((c["document"], c["original"]) for c in cs) for cs in copies]
    report["copy_pairs"] = {"sqlite": len(pairs[0]), "postgres": len(pairs[1]),
                            "same": pairs[0] == pairs[1], "same_direction": directed[0] == directed[1]}
    ok &= pairs[0] == pairs[1] and directed[0] == directed[1]
    pa, pb = partition(lite), partition(url)
    f1 = bcubed_f1(pa, pb)
    report["story_partition_bcubed_f1"] = round(f1, 4)
    report["stories"] = {"sqlite": len(set(pa.values())), "postgres": len(set(pb.values()))}
    ok &= f1 >= 0.99
    drop_database(name)
    s_lite = score_stories(BIN)
    s_pg = score_stories(os.path.abspath(__file__))
    report["score_stories"] = {"sqlite": s_lite, "postgres": s_pg}
    ok &= s_pg["bcubed_f1"] >= s_lite["bcubed_f1"] - 0.01
    report["acceptance"] = ok
    print(json.dumps(report, indent=1, sort_keys=True))
    return 0 if ok else 1


def as_bin(args):
    """score.py's BIN: `ingest --db FILE PATHS` goes to workers on a database named after FILE,
    `stories --db FILE ...` reads that database; anything else goes to the real binary."""
    def database(db_arg):
        return "claimtrail_score_" + hashlib.sha1(db_arg.encode()).hexdigest()[:12]
    if args and args[0] in ("ingest", "stories") and "--db" in args:
        i = args.index("--db")
        name = database(args[i + 1])
        rest = args[1:i] + args[i + 2:]
        if args[0] == "ingest":
            url = fresh_database(name)
            workers(url, [a for a in rest if not a.startswith("-")], int(os.environ.get("WORKERS", "4")))
            return 0
        sys.stdout.write(run([BIN, "stories", "--db", db_url(name), *rest]))
        drop_database(name)
        return 0
    return subprocess.call([BIN, *args])


def throughput(runs=1):
    tmp = tempfile.mkdtemp()
    n_docs = len([f for f in os.listdir(ECB) if f.endswith(".txt")])
    results = []
    for r in range(runs):
        db = os.path.join(tmp, f"t{r}.db")
        t = time.time()
        run([BIN, "ingest", "-q", "--db", db, ECB])
        results.append(("ingest into SQLite, one process", "464 files", time.time() - t))
        for label, unit in [("1 file per unit", "1"), ("64 files per unit", "64")]:
            for n in (1, 2):
                name = f"claimtrail_tp_{r}_{n}"
                url = fresh_database(name)
                secs = workers(url, [ECB], n, ["--unit-files", unit])
                drop_database(name)
                results.append((f"{n} worker{'s' if n > 1 else ''} into PostgreSQL", label, secs))
    print("| run | units | seconds | documents/s |")
    print("| --- | --- | --- | --- |")
    for what, units, secs in results:
        print(f"| {what} | {units} | {secs:.1f} | {n_docs / secs:.0f} |")
    return 0


def main():
    mode, *rest = sys.argv[1:] or ["help"]
    if mode == "equivalence":
        return equivalence(int(rest[0]) if rest else 4)
    if mode == "throughput":
        return throughput(int(rest[0]) if rest else 1)
    if mode in ("ingest", "stories", "analyze"):
        # Called by score.py as its BIN.
        return as_bin([mode, *rest])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
