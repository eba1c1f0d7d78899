"""The floor `make bench` compares `governance check` with: a hand-written script that reads a
Laholmsbukten calendar and checks two of its rules, as someone would write it for this one agreement —
meetings per body and year (styrgruppen at least 2, referensgruppen at least 4) and the quorum of
styrgruppen (`quorum default`: more than half of its 10 voting seats present). Prints its findings as JSON
lines [rule, body, year, meeting]; bench_commands.py asserts they are the engine's for these two rules."""
import json
import sys

import yaml

MINIMUM = {"styrgruppen": 2, "referensgruppen": 4}
MEMBERS = ("bastad", "falkenberg", "halmstad", "hylte", "laholm")
VOTING = {"styrgruppen": {f"{m}/{r}" for m in MEMBERS for r in ("kso", "opposition")}}


def main(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    roster = data.get("roster") or {}
    counts, found = {}, []
    for m in data["meetings"]:
        year = int(str(m["date"])[:4])
        counts[(m["body"], year)] = counts.get((m["body"], year), 0) + 1
        seats = VOTING.get(m["body"])
        attendees = [roster.get(a, a) for a in m.get("attendees") or ()]
        if seats and attendees and 2 * len(seats.intersection(attendees)) <= len(seats):
            found.append(["quorum", m["body"], year, m["id"]])
    years = sorted({year for _, year in counts})
    for body, least in MINIMUM.items():
        for year in years:
            if counts.get((body, year), 0) < least:
                found.append(["meeting-minimum", body, year, None])
    for finding in sorted(found, key=str):
        print(json.dumps(finding))


if __name__ == "__main__":
    main(sys.argv[1])
