#!/usr/bin/env python3
"""Writes a JSONL feed of invented conflict reports for the kill test: events
at a few places on a few days (so reports of one event meet and group),
copies of earlier reports (so stories and duplicates form), a few outlets.

    make_feed.py DOCUMENTS [SEED] > feed.jsonl
"""
import json
import random
import sys

SENTENCES = [
    "Rebel fighters shelled the district of {p} on {d}, killing {n} people, residents said.",
    "The army answered with air strikes on rebel positions near {p}.",
    "Protesters gathered in {p} to demand the release of detained students.",
    "Police fired tear gas at marchers in {p} on {d}.",
    "Gunmen ambushed a military convoy on the road to {p}, the ministry said.",
    "An aid convoy reached {p} after weeks of delay, the agency said.",
    "A roadside bomb struck a bus near {p}, wounding {n} passengers.",
    "Troops clashed with fighters of the Northern Hills Front outside {p} on {d}.",
    "Local officials in {p} called for a truce to let food and medicine in.",
    "Witnesses described panic in the market of {p} as the first shells landed.",
    "The United Nations said {n} families had fled {p} since the fighting began.",
    "A spokesman for the Northern Hills Front denied that its men had entered {p}.",
]
PLACES = ["Kadugli", "El Obeid", "Kosti", "Gao", "Mopti", "Aden", "Baidoa", "Kidal"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Friday"]
TITLES = ["Fighting near {p}", "Shelling in {p}", "Unrest in {p}", "Convoy attacked near {p}"]


def main():
    count = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    texts = []
    out = sys.stdout
    for i in range(count):
        place = rng.choice(PLACES)
        if texts and rng.random() < 0.3:
            # A copy: most of an earlier report and a line of the reprinting outlet's own.
            original = texts[rng.randrange(len(texts))]
            cut = original[: len(original) * 2 // 3]
            text = cut[: cut.rfind(" ")] + ".\nReprinted with permission."
        else:
            sentences = []
            for _ in range(rng.randint(4, 8)):
                s = rng.choice(SENTENCES)
                s = s.replace("{p}", rng.choice([place, rng.choice(PLACES)]))
                s = s.replace("{d}", rng.choice(DAYS)).replace("{n}", str(rng.randint(2, 40)))
                sentences.append(s)
            text = " ".join(sentences)
        texts.append(text)
        record = {
            "id": f"r{i:05d}",
            "title": rng.choice(TITLES).replace("{p}", place),
            "text": text,
            "date": f"2024-03-{1 + i % 9:02d}",
            "source": f"Outlet {i % 7}",
        }
        out.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
