#!/usr/bin/env python3
"""Writes a ledger of N exchanges with a fixed seed, in two forms of the same rows:

  ledger-N.ndjson      what POST /api/v1/import takes: 200 units (some under others), 4 cohorts, N exchanges
  exchanges-N.csv      the same exchanges as rows of the server's `exchange` table (for the sqlite3 shell)
  lines-N.csv          their breakdown lines as rows of `breakdown_line`

Exchanges are dated 2014-2025; each has 0 to 5 breakdown lines over the 200 units; about one in
twenty is a stage of a multi-day operation and one in ten a repatriation of bodies.
Usage: generate.py N OUTDIR [SEED]
"""
import json
import random
import sys
from datetime import date, timedelta

n = int(sys.argv[1])
out = sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20251129)

UNITS = [f"u{i:03d}" for i in range(200)]
PARENT = {u: (UNITS[rng.randrange(i)] if i > 20 and rng.random() < 0.6 else None) for i, u in enumerate(UNITS)}
COHORTS = ["azovstal", "snake-island", "mariupol", "kharkiv"]
START = date(2014, 1, 1)
DAYS = (date(2025, 12, 31) - START).days + 1
T = "2025-01-01T00:00:00Z"

with open(f"{out}/ledger-{n}.ndjson", "w") as nd, open(f"{out}/exchanges-{n}.csv", "w") as ex, \
        open(f"{out}/lines-{n}.csv", "w") as ln:
    for u in UNITS:
        line = {"type": "unit", "id": u, "name": f"Unit {u}"}
        if PARENT[u]:
            line["parent"] = PARENT[u]
        nd.write(json.dumps(line) + "\n")
    for c in COHORTS:
        nd.write(json.dumps({"type": "cohort", "id": c, "name": c.title(), "size": 5000}) + "\n")
    for i in range(1, n + 1):
        xid = f"ex_{i:07d}"
        day = START + timedelta(days=rng.randrange(DAYS))
        kind = "bodies" if rng.random() < 0.1 else "prisoners"
        operation = f"op-{rng.randrange(max(1, n // 100))}" if rng.random() < 0.05 else None
        returned = rng.randint(1, 300)
        handed = rng.randint(1, 300)
        lines = []
        left = returned
        used = set()
        for _ in range(rng.randint(0, 5)):
            if left <= 0:
                break
            unit = rng.choice(UNITS)
            cohort = rng.choice(COHORTS) if rng.random() < 0.2 else None
            if (unit, cohort) in used:
                continue
            used.add((unit, cohort))
            count = rng.randint(1, left)
            left -= count
            lines.append((unit, cohort, count))
        record = {"type": "exchange", "id": xid, "date": day.isoformat(), "kind": kind, "returned": returned,
                  "handedOver": handed}
        if operation:
            record["operation"] = operation
        if lines:
            record["breakdown"] = [dict({"unit": u, "count": c}, **({"cohort": k} if k else {})) for u, k, c in lines]
        nd.write(json.dumps(record) + "\n")
        ex.write(f"{xid},{i},,{day.isoformat()},{kind},{operation or ''},{returned},{handed},,,1,{T},{T}\n")
        for p, (u, k, c) in enumerate(lines):
            ln.write(f"{xid},{p},{u},{k or ''},{c}\n")
