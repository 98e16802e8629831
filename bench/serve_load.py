#!/usr/bin/env python3
"""Latency of `claimtrail serve` under concurrent clients, optionally while an ingest writes:

    python3 bench/serve_load.py target/release/claimtrail LEDGER.db [--clients 16] [--seconds 30]
        [--ingest EXTRA.jsonl]

Starts the server on a free loopback port over LEDGER.db, then CLIENTS threads request the
story, speaker, timeline, search and document endpoints (ids taken from the ledger's own lists)
for SECONDS; with --ingest, `claimtrail ingest --db LEDGER.db EXTRA.jsonl` runs meanwhile.
Prints p50/p95/max per endpoint as a Markdown table. Make a ledger with
`python3 bench/generate.py 250000 /tmp/g.jsonl && claimtrail ingest --db /tmp/g.db /tmp/g.jsonl`.
"""
import argparse, http.client, json, random, socket, subprocess, sys, threading, time, urllib.parse


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, body


class Client:
    """One keep-alive connection, as a browser or a script paging through the API holds one."""

    def __init__(self, port):
        self.port, self.conn = port, None

    def get(self, path):
        for attempt in (0, 1):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                self.conn.request("GET", path)
                r = self.conn.getresponse()
                return r.status, r.read()
            except (http.client.HTTPException, OSError):
                self.conn = None
                if attempt:
                    raise


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("db")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--ingest")
    a = ap.parse_args()
    port = free_port()
    server = subprocess.Popen([a.binary, "serve", "--db", a.db, "--bind", f"127.0.0.1:{port}"],
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                get(port, "/api/v1/summary")
                break
            except OSError:
                time.sleep(0.1)
        ids = lambda lst, f: [r[f] for r in json.loads(get(port, f"/api/v1/{lst}?limit=200")[1])["items"]]
        stories, speakers, docs = ids("stories", "id"), ids("speakers", "speaker"), ids("documents", "id")
        words = ["flood", "election", "troops", "budget", "summit", "workers"]
        endpoints = {
            "story": lambda r: f"/api/v1/stories/{r.choice(stories)}",
            "speaker": lambda r: "/api/v1/speakers/" + urllib.parse.quote(r.choice(speakers)),
            "timeline": lambda r: "/api/v1/timeline?q=" + r.choice(["troops", "people", "workers", "homes"]),
            "search": lambda r: f"/api/v1/documents?text={r.choice(words)}&limit=50",
            "document": lambda r: f"/api/v1/documents/{r.choice(docs)}",
        }
        times = {k: [] for k in endpoints}
        errors = {k: 0 for k in endpoints}
        lock = threading.Lock()
        stop = time.time() + a.seconds

        def client(seed):
            r = random.Random(seed)
            conn = Client(port)
            while time.time() < stop:
                name = r.choice(list(endpoints))
                t = time.perf_counter()
                status, _ = conn.get(endpoints[name](r))
                dt = (time.perf_counter() - t) * 1000
                with lock:
                    times[name].append(dt)
                    errors[name] += status != 200

        ingest = None
        if a.ingest:
            ingest = subprocess.Popen([a.binary, "ingest", "--quiet", "--db", a.db, a.ingest],
                                      stderr=subprocess.DEVNULL)
        threads = [threading.Thread(target=client, args=(i,)) for i in range(a.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        ingest_note = ""
        if ingest:
            ingest_note = "running" if ingest.poll() is None else f"finished (exit {ingest.returncode})"
            ingest.kill()
        print(f"{a.clients} clients, {a.seconds:.0f} s; ingest: {ingest_note or 'none'}\n")
        print("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |")
        print("|---|---|---|---|---|---|---|")
        for name, ts in times.items():
            ts.sort()
            if not ts:
                continue
            q = lambda p: ts[min(len(ts) - 1, int(p * len(ts)))]
            print(f"| {name} | {len(ts)} | {errors[name]} | {q(0.5):.1f} | {q(0.95):.1f} | {q(0.99):.1f} | {ts[-1]:.1f} |")
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
