#!/usr/bin/env python3
"""Hostile inputs at full size (issue #19): generates each, runs the release binary on it, and
records wall time, peak RSS and the result in docs/reliability.md (between the markers).

    python3 bench/hostile.py [--skip-build] [--only NAME ...] [--no-doc]

Run it through the CPU lock on a shared machine (/work/bin/cpu python3 bench/hostile.py).
Peak RSS is /usr/bin/time's maximum resident set size of the claimtrail process. The bound an
accepted input is held to (issue #19): peak RSS at most 1 GiB and at most the RSS of an empty
run plus 20 x the input's bytes. Inputs are written under a temporary directory, removed after.
"""
import gzip, hashlib, json, os, random, re, shutil, sqlite3, subprocess, sys, tempfile, threading, time, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "claimtrail")
DOC = os.path.join(ROOT, "docs", "reliability.md")
BEGIN, END = "<!-- hostile:begin -->", "<!-- hostile:end -->"
GIB = 1 << 30


class Run:
    def __init__(self, code, secs, rss_kib, out, err):
        self.code, self.secs, self.rss, self.out, self.err = code, secs, rss_kib * 1024, out, err

    def holds(self):
        """The ledger counts from ingest's last line: documents, quotes, figures, entities."""
        m = re.search(r"holds (\d+) documents, (\d+) quotes, (\d+) figures, (\d+) entity", self.err)
        return tuple(int(x) for x in m.groups()) if m else None


def run(args, env=None, timeout=1800, stdin=None):
    """Runs claimtrail with `args` under /usr/bin/time; wall seconds and peak RSS."""
    with tempfile.NamedTemporaryFile("r") as t:
        cmd = ["/usr/bin/time", "-f", "%M", "-o", t.name, BIN] + args
        start = time.time()
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout,
                               env=dict(os.environ, **(env or {})), stdin=stdin)
            code, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            code, out, err = "timeout", "", str(e)
        secs = time.time() - start
        lines = [l for l in open(t.name).read().split("\n") if l.strip().isdigit()]
        rss = int(lines[-1]) if lines else 0
    return Run(code, secs, rss, out, err)


def count_rows(db, command):
    p = subprocess.run([BIN, command, "--db", db, "--format", "jsonl"], capture_output=True, text=True)
    return len([l for l in p.stdout.splitlines() if l.strip()]) if p.returncode == 0 else f"exit {p.returncode}"


def gz(data, level=1):
    return gzip.compress(data, compresslevel=level)


# --- generators ---------------------------------------------------------------------------------

NAMES = ["Maria Lopez", "John Carter", "Aiko Tanaka", "Omar Haddad", "Eva Novak", "Lars Nilsson"]
MONTHS = ["March", "June", "September", "December"]
WORDS = ("council budget river bridge school hospital election market harbour drought wildfire "
         "strike merger summit farmers workers tenants nurses teachers").split()


def varied_paragraph(rng, i):
    w = rng.sample(WORDS, 4)
    return (f"<p>\"The {w[0]} will need {rng.randint(10, 999)} new {w[1]}s by {MONTHS[i % 4]} "
            f"{2000 + i % 30},\" {NAMES[i % 6]} said on {MONTHS[(i // 4) % 4]} {1 + i % 28}, adding that "
            f"the cost of the {w[2]} had risen {rng.randint(1, 40)}.{i % 10} percent to "
            f"${rng.randint(2, 900)} million in {rng.randint(2, 30)} months, while {w[3]} groups in "
            f"district {i} asked for more time.</p>\n")


def big_page(path, size, sentences=1):
    """About `size` bytes of HTML: paragraphs of `sentences` varied sentences each."""
    rng = random.Random(19)
    with open(path, "w") as f:
        f.write("<html><head><title>Hostile: varied paragraphs</title></head><body><article>\n")
        n, i = 0, 0
        while n < size:
            p = "<p>" + " ".join(varied_paragraph(rng, i + k)[3:-5] for k in range(sentences)) + "</p>\n"
            f.write(p)
            n += len(p)
            i += sentences
        f.write("</article></body></html>\n")


def warc_record(i, body, length_error=0):
    block = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>{body}</body></html>".encode()
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{i}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block) + length_error}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def article_body(i):
    rng = random.Random(i)
    return "".join(varied_paragraph(rng, i * 10 + k) for k in range(6))


def corrupt_member_warc(path, n=1000, bad=500):
    members = [gz(warc_record(i, article_body(i))) for i in range(1, n + 1)]
    m = bytearray(members[bad - 1])
    mid = len(m) // 2
    for k in range(mid, mid + 8):
        m[k] ^= 0xA5
    members[bad - 1] = bytes(m)
    open(path, "wb").write(b"".join(members))


def content_length_warc(path, n=100):
    recs = [warc_record(i, article_body(i), 300 if i == 30 else -40 if i == 60 else 0) for i in range(1, n + 1)]
    open(path, "wb").write(b"".join(recs))


def huge_record_file(path, total):
    """A .jsonl.gz decompressing to more than `total` bytes: the same 1 MiB member of records again
    and again (a re-crawl's duplicates: stored once), then three distinct records after it."""
    rec = json.dumps({"url": "https://wire.example/same", "text": "Budget vote. " * 300}) + "\n"
    chunk = (rec * (((1 << 20) // len(rec)) + 1)).encode()
    member = gz(chunk, 6)
    tail = "".join(json.dumps({"url": f"https://late.example/{i}", "text": f"Record {i} after the 4 GiB mark: "
                               f"the council said {i * 7} homes were flooded on Monday."}) + "\n" for i in range(3))
    with open(path, "wb") as f:
        for _ in range(total // len(chunk) + 1):
            f.write(member)
        f.write(gz(tail.encode()))


def long_line_file(path, size):
    """A .jsonl.gz with one record line of `size` bytes, then a normal record."""
    mib = gz(b"x" * (1 << 20), 6)
    with open(path, "wb") as f:
        f.write(gz(b'{"url":"https://a.example/1","text":"Short first record."}\n{"text":"'))
        for _ in range(size >> 20):
            f.write(mib)
        f.write(gz(b'"}\n{"url":"https://a.example/3","text":"The record after the long line."}\n'))


def gzip_bomb(path, size):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    with open(path, "wb") as f:
        for _ in range(size >> 20):
            f.write(c.compress(zeros))
        f.write(c.flush())


# --- cases --------------------------------------------------------------------------------------

class Cases:
    def __init__(self, tmp):
        self.tmp = tmp
        self.rows = []
        self.base_rss = None

    def path(self, name):
        return os.path.join(self.tmp, name)

    def db(self, name):
        p = self.path(name + ".db")
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(p + suffix):
                os.remove(p + suffix)
        return p

    def record(self, case, size, r, result, accepted, ok):
        within = ""
        if accepted:
            bound = min(GIB, self.base_rss + 20 * size)
            within = "yes" if r.rss <= bound else f"NO (bound {bound / 2**20:.0f} MiB)"
        row = (case, size, r.secs, r.rss, result, within, ok)
        self.rows.append(row)
        print(f"{case}: {r.secs:.1f} s, {r.rss / 2**20:.0f} MiB, {result} {'ok' if ok else 'FAILED'}", flush=True)

    def baseline(self):
        p = self.path("tiny.txt")
        open(p, "w").write("The mayor said on Monday that the bridge would reopen.\n")
        r = run(["ingest", "--quiet", "--db", self.db("tiny"), p])
        self.base_rss = r.rss
        self.record("baseline: one tiny page", os.path.getsize(p), r, f"exit {r.code}", True, r.code == 0)

    def same_text_two_outlets(self):
        p = self.path("two.jsonl")
        text = "Officials said 40 homes were flooded in Riga on Monday. " * 20
        open(p, "w").write("".join(json.dumps({"url": f"https://{o}.example/flood", "text": text}) + "\n"
                                   for o in ["first", "second"]))
        db = self.db("two")
        r = run(["ingest", "--quiet", "--db", db, p])
        docs, copies = count_rows(db, "documents"), count_rows(db, "copies")
        self.record("same text from two outlets", os.path.getsize(p), r,
                    f"{docs} documents, {copies} copy link", True, docs == 2 and copies == 1)

    def self_links(self):
        d = self.path("loops")
        os.makedirs(d, exist_ok=True)
        open(os.path.join(d, "page.html"), "w").write(
            "<html><body><p>The minister said on Monday that prices would rise.</p></body></html>")
        for n in ["x", "y"]:
            if not os.path.islink(os.path.join(d, n)):
                os.symlink(".", os.path.join(d, n))
        r = run(["ingest", "--quiet", "--db", self.db("loops"), d], timeout=120)
        holds = r.holds()
        notes = r.err.count("note:")
        self.record("directory with two links to itself", 100, r, f"exit {r.code}, {holds and holds[0]} document, "
                    f"{notes} loop notices", True, r.code == 0 and holds and holds[0] == 1 and notes == 2)

    def over_4gib(self):
        p = self.path("huge.jsonl.gz")
        total = 4 * GIB + (64 << 20)
        huge_record_file(p, total)
        r = run(["ingest", "--quiet", "--db", self.db("huge"), p], timeout=3600)
        holds = r.holds()
        self.record(f"record file of {total / GIB:.2f} GiB decompressed ({os.path.getsize(p) >> 20} MiB .gz)",
                    os.path.getsize(p), r, f"exit {r.code}, {holds and holds[0]} documents (1 repeated + 3 after 4 GiB)",
                    True, r.code == 0 and holds and holds[0] == 4)
        os.remove(p)

    def corrupt_member(self):
        p = self.path("corrupt.warc.gz")
        corrupt_member_warc(p)
        r = run(["ingest", "--quiet", "--db", self.db("corrupt"), p])
        holds = r.holds()
        skipped = r.err.count("claimtrail: skipped")
        self.record(".warc.gz of 1,000 records, member 500 corrupt", os.path.getsize(p), r,
                    f"exit {r.code}, {holds and holds[0]} documents, {skipped} reported", True,
                    holds and holds[0] == 999 and skipped == 1)

    def content_length(self):
        p = self.path("lengths.warc")
        content_length_warc(p)
        r = run(["ingest", "--quiet", "--db", self.db("lengths"), p])
        holds = r.holds()
        skipped = r.err.count("claimtrail: skipped")
        self.record("WARC, Content-Length +300 (record 30) and -40 (record 60)", os.path.getsize(p), r,
                    f"exit {r.code}, {holds and holds[0]} documents, {skipped} reported", True,
                    holds and holds[0] == 98 and skipped == 2)

    def big_html(self, size=60_000_000, sentences=1):
        p = self.path("big.html")
        big_page(p, size, sentences)
        db = self.db("big")
        # Another writer: a small page every half second into the same ledger while the big
        # page goes in. How long each waits says how long the big one holds the write lock.
        small_db_ready = run(["ingest", "--quiet", "--db", db, self.path("tiny.txt")])
        waits, stop = [], threading.Event()

        def other_writer():
            k = 0
            while not stop.is_set():
                q = self.path(f"other{k}.txt")
                open(q, "w").write(f"The mayor said on day {k} that the bridge at pier {k} would reopen.\n")
                t = time.time()
                o = subprocess.run([BIN, "ingest", "--quiet", "--db", db, q], capture_output=True, text=True)
                waits.append((time.time() - t, o.returncode))
                k += 1
                time.sleep(0.5)

        th = threading.Thread(target=other_writer)
        th.start()
        r = run(["ingest", "--quiet", "--db", db, p])
        stop.set()
        th.join()
        holds = r.holds()
        doc = subprocess.run([BIN, "show", "--db", db, p], capture_output=True, text=True).stdout
        warn = "; ".join(sorted(set(re.findall(r"(analysis stopped[^;\"]*|cut to its first \d+ bytes|more than \d+ \w+)", doc))))
        worst = max((w for w, _ in waits), default=0)
        failed = sum(1 for _, c in waits if c != 0)
        self.record(f"one {size / 1e6:.0f} MB HTML page of varied paragraphs ({sentences} sentence(s) each, "
                    f"{size // (240 * sentences):,} paragraphs)", size, r,
                    f"exit {r.code}; ledger holds {holds}; {len(waits)} other writers meanwhile, "
                    f"slowest {worst:.1f} s, {failed} failed; {warn or 'no cap warning'}",
                    True, r.code == 0 and failed == 0 and small_db_ready.code == 0)
        os.remove(p)

    def big_html_long_paragraphs(self):
        # Under the element count past which no tree is built: readability's path, full size.
        self.big_html(sentences=5)

    def big_dump(self, size=60_000_000):
        """A 60 MB text dump (lines, no markup) and one 60 MB line with no break at all."""
        rng = random.Random(5)
        for name, sep in [("dump", "\n"), ("oneline", " ")]:
            p = self.path(name + ".txt")
            with open(p, "w") as f:
                n, i = 0, 0
                while n < size:
                    s = varied_paragraph(rng, i)[3:-5] + sep
                    f.write(s)
                    n += len(s)
                    i += 1
            r = run(["ingest", "--quiet", "--db", self.db(name), p])
            holds = r.holds()
            what = "text dump of varied lines" if sep == "\n" else "text on one line, no break"
            self.record(f"one {size / 1e6:.0f} MB {what}", size, r, f"exit {r.code}; ledger holds {holds}", True,
                        r.code == 0 and holds and holds[0] == 1)
            os.remove(p)

    def long_line(self, size=2 << 30):
        p = self.path("longline.jsonl.gz")
        long_line_file(p, size)
        r = run(["ingest", "--quiet", "--db", self.db("longline"), p])
        holds = r.holds()
        self.record(f".jsonl.gz with one {size / GIB:.0f} GiB line", os.path.getsize(p), r,
                    f"exit {r.code}, {holds and holds[0]} documents kept, line refused: {'larger than' in r.err}",
                    False, holds and holds[0] == 2 and "larger than" in r.err and r.rss < 256 << 20)
        os.remove(p)

    def bom_random(self):
        rng = random.Random(7)
        for bom, name in [(b"\xef\xbb\xbf", "UTF-8"), (b"\xff\xfe", "UTF-16LE")]:
            p = self.path(f"bom-{name}.html")
            open(p, "wb").write(bom + rng.randbytes(1 << 20))
            r = run(["ingest", "--quiet", "--db", self.db("bom"), p])
            holds = r.holds()
            self.record(f"{name} byte-order mark + 1 MiB random bytes", os.path.getsize(p), r,
                        f"exit {r.code}, {holds and holds[0]} documents", False, holds and holds[0] == 0)

    def foreign_sqlite(self):
        p = self.path("other.db")
        if os.path.exists(p):
            os.remove(p)
        c = sqlite3.connect(p)
        c.execute("CREATE TABLE birds (name TEXT)")
        c.execute("INSERT INTO birds VALUES ('wren')")
        c.commit()
        c.close()
        before = hashlib.sha256(open(p, "rb").read()).hexdigest()
        r = run(["report", "--db", p])
        after = hashlib.sha256(open(p, "rb").read()).hexdigest()
        side = [s for s in ["-wal", "-shm", "-journal"] if os.path.exists(p + s)]
        self.record("`report --db` on another program's SQLite file", os.path.getsize(p), r,
                    f"exit {r.code}, file unchanged: {before == after}, side files: {side or 'none'}", False,
                    r.code != 0 and before == after and not side)

    def read_only_media(self):
        src = self.path("two.db")
        mnt = self.path("ro")
        os.makedirs(mnt, exist_ok=True)
        m = subprocess.run(["mount", "--bind", "-o", "ro", os.path.dirname(src), mnt], capture_output=True, text=True)
        if m.returncode != 0:
            subprocess.run(["mount", "-o", "remount,bind,ro", mnt], capture_output=True)
            print(f"read-only media: cannot mount here ({m.stderr.strip()}); not measured", flush=True)
            return
        try:
            r = run(["copies", "--db", os.path.join(mnt, "two.db")])
            self.record("queries on a ledger on read-only media", os.path.getsize(src), r,
                        f"exit {r.code}", False, r.code == 0)
        finally:
            subprocess.run(["umount", mnt], capture_output=True)

    def determinism(self, n=3000):
        src = self.path("corpus.jsonl")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(n), src], check=True,
                       capture_output=True)
        outs = []
        for name, env, extra in [("one", {"RAYON_NUM_THREADS": "1"}, ["--batch", "16"]), ("all", {}, [])]:
            db = self.db("det-" + name)
            r = run(["ingest", "--quiet", "--db", db, src] + extra, env=env)
            listing = []
            for cmd in ["copies", "stories", "registry"]:
                p = subprocess.run([BIN, cmd, "--db", db, "--format", "jsonl"], capture_output=True)
                listing.append(p.stdout)
            outs.append((r, listing))
        same = outs[0][1] == outs[1][1]
        self.record(f"{n:,} generated documents, 1 thread batch 16 vs all threads (determinism)",
                    os.path.getsize(src), outs[1][0],
                    f"copies, stories, registry byte-identical: {same} "
                    f"({[len(x) for x in outs[0][1]]} bytes)", True, same)
        # kill -9 mid-ingest, then the run again: the same ledger as the clean run.
        db = self.db("killed")
        p = subprocess.Popen([BIN, "ingest", "--quiet", "--db", db, src], stderr=subprocess.DEVNULL)
        time.sleep(4)
        p.kill()
        p.wait()
        r = run(["ingest", "--quiet", "--db", db, src])
        clean = outs[1][0].holds()
        integrity = sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0]
        self.record("kill -9 after 4 s, then ingest again", os.path.getsize(src), r,
                    f"counts {r.holds()} vs clean {clean}; integrity {integrity}", True,
                    r.holds() == clean and integrity == "ok")
        # Two ingests into one ledger at once, and a query during them.
        db = self.db("two-writers")
        halves = [self.path("half1.jsonl"), self.path("half2.jsonl")]
        lines = open(src).readlines()
        for k, h in enumerate(halves):
            open(h, "w").writelines(lines[k::2])
        procs = [subprocess.Popen([BIN, "ingest", "--quiet", "--db", db, h], stderr=subprocess.PIPE, text=True)
                 for h in halves]
        time.sleep(3)
        q = run(["report", "--db", db])
        codes = [pr.wait() for pr in procs]
        final = run(["report", "--db", db])
        docs = count_rows(db, "documents")
        self.record("two ingests into one ledger at once, `report` during them", os.path.getsize(src), q,
                    f"writers exit {codes}, {docs} documents of {n}; report during ingest exit {q.code} "
                    f"in {q.secs:.2f} s", True, codes == [0, 0] and docs == n and q.code == 0 and final.code == 0)

    def smaller(self):
        cases = []
        p = self.path("bomb.html.gz")
        gzip_bomb(p, 1 << 30)
        cases.append(("gzip bomb: 1 GiB of zeros as a .html.gz", p, False, lambda h: h == 0))
        p = self.path("truncated.html.gz")
        full = gz(b"<html><body><p>" + b"Cut short mid stream. " * 5000 + b"</p></body></html>")
        open(p, "wb").write(full[: len(full) // 2])
        cases.append(("truncated gzip", p, False, lambda h: h == 0))
        p = self.path("random.bin")
        open(p, "wb").write(random.Random(3).randbytes(10 << 20))
        cases.append(("10 MiB of random bytes", p, False, lambda h: h == 0))
        p = self.path("deep.html")
        open(p, "w").write("<html><body>" + "<div>" * 100_000 + "<p>The mayor said prices rose 4 percent.</p>"
                           + "</div>" * 100_000 + "</body></html>")
        cases.append(("100,000-deep nesting", p, True, lambda h: h == 1))
        p = self.path("lt-run.html")
        # A run of "<" that opens no tag: the markup scan measured the text run at every one of
        # them (quadratic: 10 MB did not finish in 120 s before robust37).
        open(p, "w").write("<html><body><p>The mayor said prices rose 4 percent.</p><p>" + "<" * 10_000_000
                           + "</p></body></html>")
        cases.append(("10 MB run of `<` in one paragraph", p, True, lambda h: h == 1))
        text = "<html><body><p>Le maire a déclaré lundi que la façade coûterait 4 millions d'euros.</p></body></html>"
        for enc, name in [("latin-1", "latin1.html"), ("utf-16", "utf16.html")]:
            p = self.path(name)
            open(p, "wb").write(text.encode(enc))
            cases.append((f"{enc} page", p, True, lambda h: h == 1))
        p = self.path("sjis.html")
        open(p, "wb").write("<html><head><meta charset=shift_jis></head><body><p>東京都は月曜日、予算を発表した。</p></body></html>".encode("shift_jis"))
        cases.append(("Shift-JIS page", p, True, lambda h: h == 1))
        p = self.path("invalid-utf8.html")
        open(p, "wb").write(b"<html><body><p>The mayor said \xff\xfe prices rose \xc3 4 percent on Monday.</p></body></html>")
        cases.append(("invalid UTF-8", p, True, lambda h: h == 1))
        for name, p, accepted, want in cases:
            r = run(["ingest", "--quiet", "--db", self.db("small"), p])
            holds = r.holds()
            docs = holds[0] if holds else None
            self.record(name, os.path.getsize(p), r, f"exit {r.code}, {docs} documents", accepted,
                        docs is not None and want(docs))
        p = self.path("notadb.db")
        open(p, "w").write("just some text, not a database\n" * 10)
        before = open(p, "rb").read()
        r = run(["ingest", "--quiet", "--db", p, self.path("tiny.txt")])
        self.record("a text file as `--db`", os.path.getsize(p), r,
                    f"exit {r.code}, unchanged: {open(p, 'rb').read() == before}", False,
                    r.code != 0 and open(p, "rb").read() == before)
        r = run(["quotes", "--db", self.path("two.db"), "--text", '"unbalanced'])
        msg = r.err.strip().replace("\n", " / ")
        self.record("FTS5 syntax error in `--text`", 0, r, f"exit {r.code}: {msg[:120]}", False,
                    r.code != 0 and "FTS5" in r.err)


HEADER = ["| input | size | time s | peak RSS MiB | result | within bounds | as intended |", "|---|---|---|---|---|---|---|"]


def table_lines(rows):
    out = []
    for case, size, secs, rss, result, within, ok in rows:
        size_s = f"{size / 2**20:.1f} MiB" if size >= 1 << 20 else f"{size:,} B"
        out.append(f"| {case} | {size_s} | {secs:.1f} | {rss / 2**20:.0f} | {result} | {within or 'n/a'} | "
                   f"{'yes' if ok else 'NO'} |")
    return out


def merged(old, new):
    """The table's rows with this run's replacing those of the same input (a run with --only
    updates its rows and keeps the others)."""
    key = lambda line: line.split("|")[1].strip()
    rows = {key(l): l for l in old if l.startswith("| ") and not l.startswith(HEADER[0][:9])}
    order = list(rows)
    for l in new:
        if key(l) not in rows:
            order.append(key(l))
        rows[key(l)] = l
    return "\n".join(HEADER + [rows[k] for k in order])


def main():
    args = sys.argv[1:]
    if "--skip-build" not in args:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "claimtrail-cli"], cwd=ROOT, check=True)
    only = args[args.index("--only") + 1:] if "--only" in args else None
    tmp = tempfile.mkdtemp(prefix="hostile-")
    c = Cases(tmp)
    try:
        c.baseline()
        for name in ["same_text_two_outlets", "self_links", "corrupt_member", "content_length", "bom_random",
                     "foreign_sqlite", "read_only_media", "smaller", "long_line", "big_html",
                     "big_html_long_paragraphs", "big_dump", "determinism", "over_4gib"]:
            if only and name not in only:
                continue
            getattr(c, name)()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lines = table_lines(c.rows)
    print("\n" + "\n".join(HEADER + lines))
    if "--no-doc" not in args and os.path.exists(DOC):
        doc = open(DOC).read()
        old = re.search(re.escape(BEGIN) + "(.*?)" + re.escape(END), doc, flags=re.S).group(1).splitlines()
        md = merged(old, lines)
        stamp = time.strftime("%Y-%m-%d", time.gmtime())
        new = f"{BEGIN}\nMeasured {stamp} with `python3 bench/hostile.py` (release build, 2 shared cores).\n\n{md}\n{END}"
        doc = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: new, doc, flags=re.S)
        open(DOC, "w").write(doc)
    sys.exit(0 if all(r[6] for r in c.rows) else 1)


if __name__ == "__main__":
    main()
