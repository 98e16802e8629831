#!/usr/bin/env python3
"""The archive `claimtrail collect` writes, read by an independent reader (warcio), as issue 16 asks:

    python3 bench/check_warc.py BINARY

A site on loopback (a feed, robots.txt, article pages: plain, gzip-encoded, chunked, one behind a
redirect) is collected into a fresh ledger and archive; then every WARC file
- is a sequence of gzip members, one per record (counted with zlib, independently of warcio);
- reads through warcio's ArchiveIterator with digest checking on, every record a WARC/1.1 record
  with WARC-Record-ID, WARC-Date and (requests and responses) WARC-Target-URI, and every block
  and payload digest verified;
- holds, for every HTML 200 response, a document claimtrail's own reader finds too
  (`claimtrail analyze ARCHIVE`): same URL, same content id (SHA-256 of the decoded body, 128
  bits), same listed title hint.
Needs `pip install warcio`. Prints a summary line; exits non-zero on any mismatch.
"""
import gzip, hashlib, http.server, io, json, os, subprocess, sys, tempfile, threading, zlib

from warcio.archiveiterator import ArchiveIterator

PAGES = 12


def article(n):
    return f"""<!doctype html><html><head><title>Article {n}</title>
<meta property="article:published_time" content="2024-10-{10 + n:02d}"></head><body><article>
<h1>Article {n}</h1><p>WASHINGTON — At least {n + 3},000 troops were moved to the border, officials
said on Monday, in the largest deployment there since the spring.</p>
<p>"The escalation at every turn is coming from the other side," spokeswoman Karine Jean-Pierre told
reporters at the White House.</p><p>The ministry said about {10 * n} million dollars had been set
aside, and that a review would follow within weeks.</p></article></body></html>""".encode()


class Site(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype="text/html; charset=utf-8", extra=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        base = f"http://{self.headers['Host']}"
        if self.path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if self.path == "/feed.xml":
            items = "".join(
                f"<item><title>Listed {n}</title><link>{base}/news/{n}?utm_source=rss</link>"
                f"<pubDate>Tue, 22 Oct 2024 08:00:00 GMT</pubDate></item>" for n in range(PAGES))
            items += f"<item><title>Moved</title><link>{base}/old</link></item>"
            items += f"<item><title>Private</title><link>{base}/private/x</link></item>"
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
            return self.send(200, body.encode(), "application/rss+xml", [("ETag", '"f1"')])
        if self.path == "/old":
            return self.send(301, b"", extra=[("Location", "/news/moved")])
        if self.path == "/news/moved":
            return self.send(200, article(99))
        if self.path.startswith("/news/"):
            n = int(self.path.split("/")[2].split("?")[0])
            body = article(n)
            if n % 3 == 1:
                return self.send(200, gzip.compress(body), extra=[("Content-Encoding", "gzip")])
            if n % 3 == 2:
                # Chunked transfer coding: the archive keeps the body without it.
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Transfer-Encoding", "chunked")
                self.send_header("Connection", "close")
                self.end_headers()
                for i in range(0, len(body), 200):
                    part = body[i:i + 200]
                    self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
                return
            return self.send(200, body)
        self.send(404, b"not found", "text/plain")


def gzip_members(path):
    """Number of gzip members in a file, and whether it ends on a member boundary."""
    data = open(path, "rb").read()
    n, pos = 0, 0
    while pos < len(data):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        d.decompress(data[pos:])
        if not d.eof:
            return n, False
        n += 1
        pos = len(data) - len(d.unused_data)
    return n, True


def main():
    binary = os.path.abspath(sys.argv[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    feed = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        archive = os.path.join(tmp, "archive")
        run = subprocess.run([binary, "collect", "--db", os.path.join(tmp, "l.db"), "--archive", archive,
                              "--contact", "check@example.org", "--delay", "5ms", feed],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"collect failed: {run.stderr}")
        files = sorted(os.path.join(archive, f) for f in os.listdir(archive) if f.endswith(".warc.gz"))
        warcio_docs, records, digests = {}, 0, 0
        for path in files:
            with open(path, "rb") as f:
                it = ArchiveIterator(f, check_digests=True)
                for rec in it:
                    records += 1
                    h = rec.rec_headers
                    if h.protocol != "WARC/1.1":
                        failures.append(f"{path}: record of version {h.protocol}")
                    for field in ["WARC-Record-ID", "WARC-Date"] + (
                            ["WARC-Target-URI"] if rec.rec_type in ("request", "response") else []):
                        if not h.get_header(field):
                            failures.append(f"{path}: {rec.rec_type} record without {field}")
                    if rec.rec_type == "response" and not h.get_header("WARC-Payload-Digest"):
                        failures.append(f"{path}: response without WARC-Payload-Digest")
                    payload = rec.content_stream().read()  # transfer and content codings undone
                    checked = rec.digest_checker
                    if checked.passed is False:
                        failures.extend(f"{path}: {p}" for p in checked.problems)
                    elif checked.passed is None:
                        failures.append(f"{path}: {rec.rec_type} record without digests to check")
                    else:
                        digests += 1
                    if (rec.rec_type == "response" and rec.http_headers
                            and rec.http_headers.get_statuscode() == "200"
                            and "html" in (rec.http_headers.get_header("Content-Type") or "")):
                        key = hashlib.sha256(payload).digest()[:16].hex()
                        warcio_docs[key] = (h.get_header("WARC-Target-URI"),
                                            h.get_header("Claimtrail-Listed-Title"))
            members, whole = gzip_members(path)
            if not whole:
                failures.append(f"{path}: does not end on a gzip member boundary")
            per_file = sum(1 for _ in ArchiveIterator(open(path, "rb")))
            if members != per_file:
                failures.append(f"{path}: {members} gzip members for {per_file} records")
        # warcio's own checker over every file (digests, framing).
        warcio_bin = os.path.join(os.path.dirname(sys.executable), "warcio")
        if os.path.exists(warcio_bin):
            chk = subprocess.run([warcio_bin, "check", "-v"] + files, capture_output=True, text=True)
            if chk.returncode != 0:
                failures.append(f"warcio check: {chk.stdout}{chk.stderr}")
        out = subprocess.run([binary, "analyze", archive], capture_output=True, text=True)
        ours = {}
        for line in out.stdout.splitlines():
            d = json.loads(line)
            ours[d["id"]] = (d["url"], d["title"])
        for key, (url, listed) in warcio_docs.items():
            if key not in ours:
                failures.append(f"warcio reads {url} ({key}); claimtrail does not")
            elif ours[key][0] != url:
                failures.append(f"{key}: URL {ours[key][0]!r} here, {url!r} in warcio")
        for key in ours.keys() - warcio_docs.keys():
            failures.append(f"claimtrail reads {ours[key][0]} ({key}); warcio does not")
        expected = PAGES + 1
        if len(warcio_docs) != expected:
            failures.append(f"{len(warcio_docs)} HTML pages archived, {expected} expected")
    server.shutdown()
    print(f"check_warc: {len(files)} file(s), {records} records ({digests} with digests verified by "
          f"warcio), {len(warcio_docs)} HTML responses, {len(ours)} documents read by claimtrail")
    if failures:
        for f in failures:
            print("  FAIL", f)
        sys.exit(1)
    print("check_warc: ok")


if __name__ == "__main__":
    main()
