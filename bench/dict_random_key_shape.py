#!/usr/bin/env python3
"""The hash table's shape under allkeys-random, independent of the lab's code.

Replays a trace into a table of 8192 buckets holding at most CAP keys (a key
count standing in for maxmemory: use the live run's key count, from DEBUG
HTSTATS), evicting either as Redis 7.0.15's dictGetRandomKey does (a random
non-empty bucket, then a random key of its chain) or uniformly over keys.
Prints the non-empty buckets at the end (compare HTSTATS' "different slots")
and the hit ratio. Usage: dict_random_key_shape.py TRACE.zst CAP dict|uniform SEED
"""
import hashlib
import random
import subprocess
import sys

trace, cap, mode, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
ids = subprocess.run(["zstd", "-dc", trace], capture_output=True, text=True, check=True).stdout.split()
rng = random.Random(seed)
salt = rng.getrandbits(64).to_bytes(8, "little")  # a bucket layout per seed, like a server's siphash seed
B = 8192
buckets = [[] for _ in range(B)]
where, keys, pos = {}, [], {}
hits = 0
for k in ids:
    if k in where:
        hits += 1
        continue
    if len(where) >= cap:
        if mode == "dict":
            chain = buckets[rng.getrandbits(13)]
            while not chain:
                chain = buckets[rng.getrandbits(13)]
            v = chain[rng.randrange(len(chain))]
        else:
            v = keys[rng.randrange(len(keys))]
        buckets[where.pop(v)].remove(v)
        i, last = pos.pop(v), keys.pop()
        if last != v:
            keys[i], pos[last] = last, i
    h = int.from_bytes(hashlib.blake2b(k.encode(), key=salt, digest_size=8).digest(), "little") & (B - 1)
    buckets[h].insert(0, k)  # dictAdd inserts at the head
    where[k], pos[k] = h, len(keys)
    keys.append(k)
print(mode, "keys", len(where), "non-empty", sum(1 for c in buckets if c), "hit ratio %.4f" % (hits / len(ids)))
