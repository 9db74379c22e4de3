// The simple text formats of Caffeine's simulator (ben-manes/caffeine,
// simulator/.../parser/{lirs,arc,address}), read as its readers read them.
// Every request is a get of size 1 (no time, size or operation), as txt.
//   lirs:    one block number per line (signed decimal, Java's Long.parseLong);
//            blank lines and "*" lines (the LIRS authors' print breakpoints,
//            e.g. in cs.trc) are skipped. The LIRS authors' traces.
//   arc:     "start count ..." per line: the blocks start, start + 1, ...,
//            start + count - 1, one request each (none when count <= 0); the
//            rest of the line is ignored. The ARC authors' traces (*.lis).
//   address: "op 0xADDRESS ..." per line: the second field's hexadecimal
//            address (after its two-character prefix) is the key. UCSD's
//            CSE 240A address traces (gcc, swim, ...).
#pragma once
#include <cstdint>
#include <string_view>

#include "workloads/file_trace_reader.h"

namespace cachelab {

// A format with one key per line (lirs, address): Read skips blank lines and
// reports malformed ones; the format parses a line's key.
class KeyLineReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  bool Read(Request* out) final;

 protected:
  enum class Line { kKey, kSkip, kBad };
  // The line's fields (whitespace-separated, at most two kept, `n` in all).
  virtual Line Parse(const std::string_view* fields, int n, uint64_t* key) const = 0;
  virtual std::string Expected() const = 0;  // for the error: what a line should be
};

class LirsReader : public KeyLineReader {
 public:
  using KeyLineReader::KeyLineReader;
  std::string Name() const override { return "lirs"; }

 private:
  Line Parse(const std::string_view* fields, int n, uint64_t* key) const override;
  std::string Expected() const override { return "a block number"; }
};

class ArcReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  bool Read(Request* out) override;
  std::string Name() const override { return "arc"; }

 private:
  uint64_t next_ = 0, left_ = 0;  // the line's blocks still to hand out
};

class AddressReader : public KeyLineReader {
 public:
  using KeyLineReader::KeyLineReader;
  std::string Name() const override { return "address"; }

 private:
  Line Parse(const std::string_view* fields, int n, uint64_t* key) const override;
  std::string Expected() const override { return "'op 0xADDRESS ...'"; }
};

}  // namespace cachelab
