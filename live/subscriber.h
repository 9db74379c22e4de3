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
  // already buffered) to *out. A dropped connection is re-established (with
  // the connection's backoff) and resubscribed without waiting, as a Redis
  // client library would; what was published meanwhile is lost, as in Redis.
  // False while disconnected.
  bool Poll(int wait_ms, std::vector<PushMessage>* out);
  uint64_t resubscribes() const { return resubscribes_; }
  bool connected() const { return conn_.connected(); }
  const std::string& last_error() const { return conn_.last_error(); }

 private:
  bool Send(const std::vector<std::string>& channels, bool patterns);

  RedisConn conn_;
  std::vector<std::string> channels_, patterns_;  // to resubscribe after a reconnect
  uint64_t resubscribes_ = 0;
  std::vector<PushMessage> early_;  // messages that arrived while confirming a subscription
};

}  // namespace cachelab::live
