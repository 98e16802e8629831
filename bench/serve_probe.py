#!/usr/bin/env python3
"""One client, the median of five requests per page, against a running `claimtrail serve`:

    python3 bench/serve_probe.py PORT

For before/after comparisons of single pages (bench/serve_load.py measures under load). Ids come
from the server's own lists: the largest story and the 10th, the most quoted speaker.
"""
import http.client, json, statistics, sys, time, urllib.parse


def main():
    port = int(sys.argv[1])

    def get(path):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        t = time.perf_counter()
        c.request("GET", path)
        r = c.getresponse()
        body = r.read()
        c.close()
        return body, (time.perf_counter() - t) * 1000

    ids = lambda lst, f: [r[f] for r in json.loads(get(f"/api/v1/{lst}?limit=20")[0])["items"]]
    stories, speakers, docs = ids("stories", "id"), ids("speakers", "speaker"), ids("documents", "id")
    paths = {
        "story, the largest": f"/api/v1/stories/{stories[0]}",
        "story, the 10th": f"/api/v1/stories/{stories[min(9, len(stories) - 1)]}",
        "speaker": "/api/v1/speakers/" + urllib.parse.quote(speakers[0]),
        "timeline troops": "/api/v1/timeline?q=troops",
        "search flood": "/api/v1/documents?text=flood&limit=50",
        "search troops": "/api/v1/documents?text=troops&limit=50",
        "document": f"/api/v1/documents/{docs[3]}",
    }
    print("| request | median ms | bytes |\n|---|---|---|")
    for name, p in paths.items():
        runs = [get(p) for _ in range(5)]
        print(f"| {name} | {statistics.median(t for _, t in runs):.1f} | {len(runs[0][0])} |")


if __name__ == "__main__":
    main()
