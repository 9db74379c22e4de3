# One expectation row (trace mode policy cache_size requests misses miss_bytes
# requested_bytes) from each result line of a counting cachesim (see
# refresh_libcachesim_expectations.sh). Set t (trace), m (mode), p (policy) with -v.
/ n_miss / {
  for (i = 1; i <= NF; i++) {
    if ($i == "req,") req = $(i - 1)
    if ($i == "n_miss") miss = $(i + 1)
    if ($i == "n_miss_byte") mb = $(i + 1)
    if ($i == "n_req_byte") rb = $(i + 1)
    if ($i == "cache_size_bytes") cs = $(i + 1)
  }
  gsub(",", "", miss); gsub(",", "", mb); gsub(",", "", rb); gsub(",", "", req)
  OFS = "\t"
  print t, m, p, cs, req, miss, mb, rb
}
