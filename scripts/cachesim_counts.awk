# Reads a counting cachesim's multi-size result lines (see
# scripts/refresh_libcachesim_expectations.sh) and prints one tab-separated row
# per line: the caller's -v lead="..." columns, then cache_size requests misses
# miss_bytes requested_bytes.
BEGIN { OFS = "\t" }
/ n_miss / {
  for (i = 1; i <= NF; i++) {
    if ($i == "req,") req = $(i - 1)
    if ($i == "n_miss") miss = $(i + 1)
    if ($i == "n_miss_byte") mb = $(i + 1)
    if ($i == "n_req_byte") rb = $(i + 1)
    if ($i == "cache_size_bytes") cs = $(i + 1)
  }
  gsub(",", "", miss); gsub(",", "", mb); gsub(",", "", rb); gsub(",", "", req)
  print lead, cs, req, miss, mb, rb
}
