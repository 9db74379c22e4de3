// A pub/sub subscriber on a live server: its own connection (a subscribed
// connection can send nothing but (P)(UN)SUBSCRIBE and PING), polled for
// messages. Channel names are given in full: callers put them under the
// lab's prefix (the lab's own subscribers) or watch foreign ones (tests).
#pragma once
#include <string>
#include <vector>

#include "live/redis_conn.h"

namespace cachelab::live {

struct PushMessage {
  std::string pattern;  // empty for a plain SUBSCRIBE message
  std::string channel, payload;
};

class Subscriber {
 public:
  Subscriber(RedisEndpoint endpoint, ConnOptions options) : conn_(std::move(endpoint), std::move(options)) {}

  // SUBSCRIBE / PSUBSCRIBE; waits for the server's confirmations. False if
  // the server cannot be reached or refuses.
  bool Subscribe(const std::vector<std::string>& channels, bool patterns = false);
  // Appends the messages that arrive within wait_ms (then whatever else is
  // already buffered) to *out. False once the connection has dropped.
  bool Poll(int wait_ms, std::vector<PushMessage>* out);
  bool connected() const { return conn_.connected(); }
  const std::string& last_error() const { return conn_.last_error(); }

 private:
  RedisConn conn_;
  std::vector<PushMessage> early_;  // messages that arrived while confirming a subscription
};

}  // namespace cachelab::live
