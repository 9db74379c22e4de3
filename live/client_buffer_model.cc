#include "live/client_buffer_model.h"

#include <algorithm>

#include "sim/redis_memory.h"

namespace cachelab::live {
namespace {

constexpr size_t kReplyChunk = 16384;      // PROTO_REPLY_CHUNK_BYTES
constexpr size_t kReplyMin = 1024;         // PROTO_REPLY_MIN_BYTES
constexpr size_t kBlockHeader = 16;        // sizeof(clientReplyBlock)
constexpr int64_t kCronMs = 100;           // hz 10
constexpr int64_t kPeakResetMs = 5000;     // reply-buffer-peak-reset-time
constexpr size_t kCronMinIterations = 5;   // CLIENTS_CRON_MIN_ITERATIONS

}  // namespace

ClientBufferModel::ClientBufferModel(std::vector<ClientBufferState> lanes, int64_t cron_origin_ms)
    : next_cron_ms_(cron_origin_ms + kCronMs) {
  for (const auto& s : lanes) {
    Lane l;
    l.state = s;
    l.reset_ms = cron_origin_ms;
    memory_ += s.buf;
    lanes_.push_back(l);
  }
}

uint64_t ClientBufferModel::BufferBytes(const std::vector<ClientBufferState>& lanes) {
  uint64_t sum = 0;
  for (const auto& s : lanes) sum += s.buf;
  return sum;
}

void ClientBufferModel::Resize(Lane& l, int64_t now_ms) {
  ClientBufferState& s = l.state;
  size_t resized = 0;
  if (s.buf / 2 >= kReplyMin && s.peak < s.buf / 2) resized = std::max(kReplyMin, s.peak + 1);
  else if (s.buf * 2 < kReplyChunk * 2 && s.peak == s.buf) resized = std::min(kReplyChunk, s.buf * 2);
  if (s.fresh || now_ms - l.reset_ms >= kPeakResetMs) {
    s.peak = l.pos;
    l.reset_ms = now_ms;
    s.fresh = false;
  }
  if (resized) {
    memory_ -= s.buf;
    s.buf = JemallocSize(resized);  // zmalloc_usable
    memory_ += s.buf;
  }
}

void ClientBufferModel::Cron(int64_t now_ms) {
  if (lanes_.empty()) return;
  while (next_cron_ms_ <= now_ms) {
    size_t n = lanes_.size();
    size_t iterations = std::max<size_t>(n / 10, std::min(n, kCronMinIterations));
    for (size_t i = 0; i < iterations; ++i) Resize(lanes_[rotate_++ % n], next_cron_ms_);
    next_cron_ms_ += kCronMs;
  }
}

void ClientBufferModel::AddReply(size_t lane, size_t bytes) {
  Lane& l = lanes_[lane];
  if (l.list_bytes == 0) {  // _addReplyToBuffer: only while no block is queued
    size_t take = std::min(bytes, l.state.buf - l.pos);
    l.pos += take;
    l.state.peak = std::max(l.state.peak, l.pos);
    bytes -= take;
  }
  if (bytes == 0) return;
  size_t copy = std::min(bytes, l.tail_free);
  l.tail_free -= copy;
  bytes -= copy;
  if (bytes == 0) return;
  size_t block = JemallocSize(std::max(bytes, kReplyChunk) + kBlockHeader);
  l.list_bytes += block;
  memory_ += block;
  l.tail_free = block - kBlockHeader - bytes;
}

void ClientBufferModel::Flush(size_t lane) {
  Lane& l = lanes_[lane];
  l.pos = 0;
  memory_ -= l.list_bytes;
  l.list_bytes = l.tail_free = 0;
}

void ClientBufferModel::Read(size_t lane) {
  if (std::find(pass_.begin(), pass_.end(), lane) != pass_.end()) {
    for (size_t l : pass_) Flush(l);
    pass_.clear();
  }
  pass_.push_back(lane);
}

}  // namespace cachelab::live
