# Independent expectation: parse Caffeine's lirs / arc / address text formats as
# its Java readers do (LirsTraceReader, ArcTraceReader, AddressTraceReader at
# ben-manes/caffeine ccef95542) and count LRU misses with an OrderedDict.
import gzip, sys
from collections import OrderedDict
def keys(path, fmt):
    op = gzip.open if path.endswith('.gz') else open
    with op(path, 'rt', newline=None) as f:
        for line in f:
            line = line.rstrip('\r\n')
            if fmt == 'lirs':
                if line == '' or line == '*': continue
                yield int(line)
            elif fmt == 'arc':
                if line.strip() == '': continue  # Java throws here; cachelab skips blank lines
                a = line.split(' ', 2)
                start, n = int(a[0]), int(a[1])
                for k in range(start, start + n): yield k
            elif fmt == 'address':
                yield int(line.split(' ', 2)[1][2:], 16)
def lru(ks, cap):
    c = OrderedDict(); miss = 0; n = 0
    for k in ks:
        n += 1
        if k in c: c.move_to_end(k)
        else:
            miss += 1; c[k] = 1
            if len(c) > cap: c.popitem(last=False)
    return n, miss
path, fmt = sys.argv[1], sys.argv[2]
ks = list(keys(path, fmt))
for cap in map(int, sys.argv[3:]):
    print(path, fmt, cap, *lru(ks, cap), len(set(ks)))
