#!/usr/bin/env python3
"""Writes N generated news articles as JSON Lines records, for ingest benchmarks:

    python3 bench/generate.py 100000 /tmp/articles.jsonl [--copies 0.1]

Articles are built from a fixed vocabulary with a seeded generator: varied people, places,
figures and quotes, about 3 KB each; a share of them are wire copies of earlier ones with light
edits (a changed headline, a trimmed last paragraph), as a crawl of many outlets would hold.
"""
import json, random, sys

FIRST = ["Maria", "John", "Aiko", "Omar", "Elena", "David", "Priya", "Lars", "Chen", "Fatima", "Lucas", "Sofia"]
LAST = ["Garcia", "Kirby", "Tanaka", "Haddad", "Petrova", "Miller", "Sharma", "Nilsson", "Wang", "Okafor", "Silva", "Rossi"]
ROLES = ["spokesperson", "minister", "mayor", "analyst", "commander", "economist", "governor", "chairman"]
PLACES = ["Lisbon", "Nairobi", "Osaka", "Lima", "Tbilisi", "Hanoi", "Quito", "Riga", "Accra", "Perth", "Bergen", "Cusco"]
TOPICS = ["flood", "election", "strike", "budget", "earthquake", "summit", "drought", "merger", "wildfire", "protest"]
UNITS = ["people", "homes", "troops", "workers", "voters", "hectares", "families", "vehicles"]


def article(rng, i):
    topic, place = rng.choice(TOPICS), rng.choice(PLACES)
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    role = rng.choice(ROLES)
    paras = [f"{place.upper()}: The {topic} in {place} affected at least {rng.randint(2, 90) * 100:,} "
             f"{rng.choice(UNITS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, officials said."]
    for _ in range(rng.randint(6, 10)):
        paras.append(rng.choice([
            f"\"We are doing everything we can to respond to the {topic},\" {role} {who} told reporters, "
            f"adding that about {rng.randint(1, 50)} million dollars had been set aside.",
            f"According to {who}, more than {rng.randint(10, 900):,} {rng.choice(UNITS)} were affected "
            f"across the region, and the number could rise in the coming days.",
            f"{who} said the authorities in {place} had opened {rng.randint(2, 40)} shelters and that "
            f"roughly {rng.randint(5, 95)} percent of the {rng.choice(UNITS)} had been reached.",
            f"Residents described the scene as chaotic. Many had waited for hours for news of relatives, "
            f"and local groups organised food and water for those who had lost their homes in {place}.",
        ]))
    return {"url": f"https://outlet{i % 50}.example/{topic}/{i}", "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "text": f"{topic.title()} hits {place}\n\n" + "\n\n".join(paras)}


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    copies = float(sys.argv[sys.argv.index("--copies") + 1]) if "--copies" in sys.argv else 0.1
    rng = random.Random(42)
    made = []
    with open(out, "w") as f:
        for i in range(n):
            if made and rng.random() < copies:
                a = dict(rng.choice(made[-1000:]))
                a["url"] = f"https://outlet{i % 50}.example/wire/{i}"
                a["text"] = "Wire: " + a["text"].rsplit("\n\n", 1)[0]
            else:
                a = article(rng, i)
                made.append(a)
            f.write(json.dumps(a) + "\n")


if __name__ == "__main__":
    main()
