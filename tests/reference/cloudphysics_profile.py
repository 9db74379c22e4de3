#!/usr/bin/env python3
"""Independent profile of cloudPhysicsIO.csv for tests/trace_stats_test.cc.

Python 3.11 standard library only (statistics.linear_regression and
statistics.correlation for the Zipf fit). Usage:
    python3 tests/reference/cloudphysics_profile.py ../shared/traces/cloudPhysicsIO.csv
Output on that file (what the test asserts):
    requests 113872 objects 48974 one-hit 21049 max 1630
    reads 46974 writes 66898
    points 83 alpha 0.665040 r2 0.927420
    reuses 64898 median 10036 p90 59161
    bytes 4205978112 working-set 2029769728 duration 7200
"""
import collections
import csv
import math
import statistics
import sys

rows = list(csv.reader(open(sys.argv[1])))[1:]  # header: version,time,op,size,lbn
ids = [int(r[4]) for r in rows]
ops = [r[2] for r in rows]
sizes = [int(r[3]) for r in rows]
times = [int(r[1]) for r in rows]
count = collections.Counter(ids)
print("requests", len(ids), "objects", len(count), "one-hit", sum(1 for v in count.values() if v == 1),
      "max", max(count.values()))
print("reads", ops.count("28"), "writes", ops.count("2a"))

# Zipf: least squares of log10(frequency) on log10(rank) at ranks floor(10^(k/20)),
# distinct, plus the last rank.
counts = sorted(count.values(), reverse=True)
ranks, k = [], 0
while True:
    r = int(math.floor(10 ** (k / 20)))
    k += 1
    if r > len(counts):
        break
    if not ranks or ranks[-1] != r:
        ranks.append(r)
if ranks[-1] != len(counts):
    ranks.append(len(counts))
x = [math.log10(r) for r in ranks]
y = [math.log10(counts[r - 1]) for r in ranks]
slope, _ = statistics.linear_regression(x, y)
print("points", len(ranks), "alpha %.6f r2 %.6f" % (-slope, statistics.correlation(x, y) ** 2))

# Reuse: requests since the same object's previous request; quantile = value of rank ceil(q n).
last, reuse = {}, []
for i, o in enumerate(ids):
    if o in last:
        reuse.append(i - last[o])
    last[o] = i
reuse.sort()
q = lambda p: reuse[math.ceil(p * len(reuse)) - 1]
print("reuses", len(reuse), "median", q(0.5), "p90", q(0.9))

first = {}
for o, s in zip(ids, sizes):
    first.setdefault(o, s)
print("bytes", sum(sizes), "working-set", sum(first.values()), "duration", times[-1] - times[0])
