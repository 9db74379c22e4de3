#include "workloads/trace_convert.h"

#include <cstdio>
#include <fstream>

#include "eviction/id_map.h"
#include "sim/progress_meter.h"

namespace cachelab {
namespace {

template <typename T>
void PutLe(std::string& buf, T v) {
  for (size_t i = 0; i < sizeof v; ++i) buf.push_back(static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xff));
}

std::string Seconds(SimTime t) {
  if (t % kSecond == 0) return std::to_string(t / kSecond);
  char b[40];
  std::snprintf(b, sizeof b, "%.9f", ToSeconds(t));
  std::string s(b);
  while (s.back() == '0') s.pop_back();
  return s;
}

bool WriteOracleGeneral(TraceReader& in, std::ofstream& out, int64_t* n, std::string* error) {
  struct Rec {
    uint32_t time;
    uint32_t size;
    uint64_t key;
  };
  std::vector<Rec> recs;
  eviction::IdMap object(1024);  // id -> index into first_size
  std::vector<uint32_t> first_size;
  ProgressMeter meter("reading " + in.Label(), "requests", [&] { return in.FractionRead(); });
  Request r;
  while (in.Next(&r)) {
    meter.Tick(recs.size());
    if (r.at < 0 || r.at / kSecond > UINT32_MAX) {
      *error = "request " + std::to_string(recs.size() + 1) + ": time " + Seconds(r.at) +
               " s does not fit oracleGeneral's uint32 seconds";
      return false;
    }
    uint32_t o = object.Find(r.key);
    if (o == eviction::IdMap::kNone) {
      o = static_cast<uint32_t>(first_size.size());
      object.Put(r.key, o);
      first_size.push_back(r.size);
    }
    recs.push_back({static_cast<uint32_t>(r.at / kSecond), first_size[o], r.key});
  }
  if (!in.ok()) return *error = in.error(), false;
  meter.Finish(recs.size());
  // Backwards: each object's next request is the last one seen so far.
  std::vector<int64_t> next(recs.size());
  eviction::IdMap later(1024);
  for (size_t i = recs.size(); i-- > 0;) {
    uint32_t j = later.Find(recs[i].key);
    next[i] = j == eviction::IdMap::kNone ? -1 : static_cast<int64_t>(j) + 1;
    later.Put(recs[i].key, static_cast<uint32_t>(i));
  }
  std::string buf;
  buf.reserve(24 * 4096);
  for (size_t i = 0; i < recs.size(); ++i) {
    PutLe<uint32_t>(buf, recs[i].time);
    PutLe<uint64_t>(buf, recs[i].key);
    PutLe<uint32_t>(buf, recs[i].size);
    PutLe<int64_t>(buf, next[i]);
    if (buf.size() >= 24 * 4096 || i + 1 == recs.size()) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  *n = static_cast<int64_t>(recs.size());
  return true;
}

bool WriteText(TraceReader& in, std::ofstream& out, bool csv, int64_t* n, std::string* error) {
  if (csv) out << "time,obj_id,obj_size,op,ttl,client\n";
  ProgressMeter meter("converting " + in.Label(), "requests", [&] { return in.FractionRead(); });
  Request r;
  std::string line;
  while (in.Next(&r)) {
    meter.Tick(static_cast<uint64_t>(*n));
    line.clear();
    if (csv) {
      line += Seconds(r.at);
      line += ',';
      line += std::to_string(r.key);
      line += ',';
      line += std::to_string(r.size);
      line += ',';
      line += OpName(r.op);
      line += ',';
      line += std::to_string(r.ttl / kSecond);
      line += ',';
      line += std::to_string(r.client);
    } else {
      line += std::to_string(r.key);
    }
    line += '\n';
    out << line;
    ++*n;
  }
  if (!in.ok()) return *error = in.error(), false;
  meter.Finish(static_cast<uint64_t>(*n));
  return true;
}

}  // namespace

std::vector<std::string> ConvertFormatNames() { return {"oracleGeneral", "csv", "txt"}; }

int64_t ConvertTrace(TraceReader& in, const std::string& out_path, const std::string& to, std::string* error) {
  if (to != "oracleGeneral" && to != "csv" && to != "txt") {
    *error = "unknown output format '" + to + "' (oracleGeneral, csv, txt)";
    return -1;
  }
  if (out_path.size() > 4 && out_path.compare(out_path.size() - 4, 4, ".zst") == 0) {
    *error = out_path + ": writing .zst is not supported; write the plain file and compress it with zstd";
    return -1;
  }
  const std::string tmp = out_path + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = tmp + ": cannot write";
    return -1;
  }
  int64_t n = 0;
  bool ok = to == "oracleGeneral" ? WriteOracleGeneral(in, out, &n, error) : WriteText(in, out, to == "csv", &n, error);
  out.close();
  if (ok && !out) {
    *error = tmp + ": write failed";
    ok = false;
  }
  if (ok && n == 0) {
    std::remove(tmp.c_str());
    return 0;
  }
  if (ok && std::rename(tmp.c_str(), out_path.c_str()) != 0) {
    *error = out_path + ": cannot rename " + tmp + " to it";
    ok = false;
  }
  if (!ok) {
    std::remove(tmp.c_str());
    return -1;
  }
  return n;
}

}  // namespace cachelab
