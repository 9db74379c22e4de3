// Every name the lab sends to a live server goes under its key prefix: keys
// (tag sets, version counters, locks, leases, refresh markers, the objects
// themselves), pub/sub channels and SCAN patterns. Commands are rewritten
// from a table of which arguments name keys; a command not in the table is
// refused rather than sent, so a new strategy cannot leak an unprefixed name
// by accident. SCAN always carries MATCH <prefix><pattern> (the prefix has no
// glob characters: CheckPrefix), and its reply's keys come back without the
// prefix, so strategies see the same names as on the simulated Redis.
#pragma once
#include <string>
#include <vector>

namespace cachelab::live {

struct PrefixedCommand {
  std::string refusal;           // non-empty: not sent, this is why
  bool strip_scan_reply = false;  // SCAN: remove the prefix from the returned keys
  int route_arg = -1;            // the argument whose name picks the node (-1: none)
  // Every argument after the name is a key (DEL, UNLINK, EXISTS, TOUCH, MGET):
  // with several nodes the keys may live on different ones.
  bool all_keys = false;
  bool sums = false;  // ... and the reply is the sum over the keys (not MGET's array)
};

// Rewrites argv in place for a server shared with others.
PrefixedCommand PrefixCommand(std::vector<std::string>& argv, const std::string& prefix);

}  // namespace cachelab::live
