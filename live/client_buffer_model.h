// The memory a real redis-server 7.0 holds for the replay's client
// connections while it runs, which INFO's used_memory counts and eviction
// answers to (the simulated store gets it through SetClientMemory):
// - the reply buffer c->buf (16 KiB when a client connects), resized by
//   clientsCron (server.c clientsCronResizeOutputBuffer, 7.0.15): shrunk to
//   max(1 KiB, peak + 1) when the peak since the last reset is below half of
//   it, doubled (up to 16 KiB) when the peak filled it; the peak resets every
//   5 s (and at a client's first pass: 7.0 stores that reset time in seconds
//   and compares it with milliseconds);
// - reply list blocks (networking.c _addReplyProtoToList): replies that do not
//   fit the buffer go to blocks of at least 16 KiB (+16 bytes of header,
//   rounded to jemalloc's class: 20 KiB), held until the replies of the
//   commands read together are written (one read of up to the query buffer's
//   free space).
// clientsCron runs hz = 10 times a second and visits max(clients / 10, 5)
// clients per run (all of them when there are at most 5).
// The query buffer (20 KiB once a client has sent a command) and the client
// struct do not change during a replay: they are in the base measurement.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cachelab::live {

struct ClientBufferState {
  size_t buf = 16384;      // c->buf_usable_size (CLIENT INFO rbs)
  size_t peak = 0;         // c->buf_peak (rbp)
  bool fresh = true;       // no cron pass yet: the first one resets the peak
  size_t read_size = 20474;  // bytes one read takes (qbuf + qbuf-free)
};

class ClientBufferModel {
 public:
  // cron_origin_ms: a time at which clientsCron ran (its runs are 100 ms apart).
  ClientBufferModel(std::vector<ClientBufferState> lanes, int64_t cron_origin_ms);

  // Runs the cron passes due up to now_ms.
  void Cron(int64_t now_ms);
  // A reply of `bytes` for a command of lane `lane`.
  void AddReply(size_t lane, size_t bytes);
  // The replies so far are written: the buffer empties, list blocks are freed.
  void Flush(size_t lane);
  // The server reads from `lane` (one read). The event loop reads every ready
  // client once a pass and writes all their replies in beforeSleep, so the
  // replies of lanes read in this pass stay allocated while the others run;
  // a lane read again starts a new pass: the previous pass's replies are
  // written first (a saturated server reads the lanes round-robin).
  void Read(size_t lane);
  size_t read_size(size_t lane) const { return lanes_[lane].state.read_size; }
  // Reply buffers and list blocks of every lane, in bytes.
  uint64_t memory() const { return memory_; }
  // Reply buffers at the start: what the base measurement already counted.
  static uint64_t BufferBytes(const std::vector<ClientBufferState>& lanes);

 private:
  struct Lane {
    ClientBufferState state;
    size_t pos = 0;          // c->bufpos
    size_t list_bytes = 0;   // allocated reply list blocks
    size_t tail_free = 0;    // room left in the last block
    int64_t reset_ms = 0;    // last peak reset
  };
  void Resize(Lane& l, int64_t now_ms);

  std::vector<Lane> lanes_;
  std::vector<size_t> pass_;  // lanes read in the current event-loop pass
  int64_t next_cron_ms_;
  size_t rotate_ = 0;
  uint64_t memory_ = 0;
};

}  // namespace cachelab::live
