// `cachelab record --backend redis://HOST:PORT --duration 60s --out trace.csv`:
// captures a live server's traffic with MONITOR into a CSV trace the lab
// replays (`replay --trace`, `run --trace`): time,key,size,op,ttl.
//   time: seconds since the first command recorded (the server's clock);
//   op:   get (GET, and each key of MGET), set (SET/SETEX/PSETEX/SETNX/GETSET,
//         and each pair of MSET/MSETNX: MONITOR shows no reply, so a refused
//         NX counts as a set), delete (DEL/UNLINK, each key); other commands
//         are counted, not written;
//   size: a set's value length; a get's is the size its key was set to in
//         the recording (its first set, even a later one: MONITOR shows no
//         reply sizes), or 1 when the recording never sets it;
//   ttl:  seconds (EX/PX/EXAT/PXAT, SETEX/PSETEX; rounded up), 0 = none.
// The file is written only after the capture ends, so a failed run leaves none.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <unordered_map>

#include "cli/commands.h"
#include "live/redis_conn.h"
#include "live/redis_endpoint.h"
#include "live/reply_convert.h"

namespace cachelab::cli {
namespace {

struct RecordOptions {
  std::string backend, out, duration = "60s";
  bool json = false;
};

// One MONITOR line: `1700000000.123456 [0 127.0.0.1:5000] "SET" "k" "v"`,
// arguments in sdscatrepr quoting. False when it is not one.
bool ParseMonitorLine(const std::string& line, double* at, std::vector<std::string>* argv) {
  argv->clear();
  char* end = nullptr;
  *at = std::strtod(line.c_str(), &end);
  size_t pos = line.find("] ");
  if (end == line.c_str() || pos == std::string::npos) return false;
  pos += 2;
  while (pos < line.size()) {
    if (line[pos] == ' ') {
      ++pos;
      continue;
    }
    if (line[pos] != '"') return false;
    std::string arg;
    ++pos;
    while (pos < line.size() && line[pos] != '"') {
      char c = line[pos++];
      if (c != '\\' || pos >= line.size()) {
        arg += c;
        continue;
      }
      char e = line[pos++];
      switch (e) {
        case 'n': arg += '\n'; break;
        case 'r': arg += '\r'; break;
        case 't': arg += '\t'; break;
        case 'a': arg += '\a'; break;
        case 'b': arg += '\b'; break;
        case 'x':
          if (pos + 2 <= line.size()) {
            arg += static_cast<char>(std::stoi(line.substr(pos, 2), nullptr, 16));
            pos += 2;
          }
          break;
        default: arg += e;  // \" and \\ .
      }
    }
    ++pos;  // closing quote
    argv->push_back(std::move(arg));
  }
  return !argv->empty();
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct Row {
  double at;
  std::string key, op;
  int64_t size, ttl;
};

void Execute(const RecordOptions& o) {
  double seconds = 0;
  std::string d = o.duration;
  if (!d.empty() && d.back() == 's') d.pop_back();
  char* end = nullptr;
  seconds = std::strtod(d.c_str(), &end);
  if (d.empty() || *end || !(seconds > 0)) throw UsageError("--duration: expected seconds like 60s, got '" + o.duration + "'");
  live::RedisEndpoint ep;
  try {
    ep = live::ParseRedisUrls({o.backend}).at(0);
  } catch (const std::exception& e) {
    throw UsageError(e.what());
  }
  live::ConnOptions copt;
  copt.password = live::PasswordFromEnv();
  live::RedisConn conn(ep, copt);
  if (!conn.EnsureConnected()) throw std::runtime_error("cannot connect to redis://" + ep.Label() + ": " + conn.last_error());
  RedisReply ok = conn.Command({"MONITOR"});
  if (ok.is_error()) throw std::runtime_error("MONITOR refused: " + ok.str.Materialize());

  std::vector<Row> rows;
  std::unordered_map<std::string, int64_t> first_size;
  uint64_t lines = 0, ignored = 0, unsafe_keys = 0;
  double origin = -1;
  auto emit = [&](double at, const std::string& key, const char* op, int64_t size, int64_t ttl) {
    if (key.find_first_of(",\r\n") != std::string::npos) {
      ++unsafe_keys;  // the csv reader has no quoting
      return;
    }
    rows.push_back(Row{at, key, op, size, ttl});
    if (size >= 0) first_size.emplace(key, size);
  };
  auto stop = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  std::vector<std::string> argv;
  while (std::chrono::steady_clock::now() < stop) {
    live::RawReply r;
    auto st = conn.TryReadPush(&r, 50);
    if (st == live::RedisConn::ReadStatus::kFailed) throw std::runtime_error("connection lost: " + conn.last_error());
    if (st != live::RedisConn::ReadStatus::kReply) continue;
    ++lines;
    double at;
    RedisReply line = live::ConvertReply(r.get());
    if (!ParseMonitorLine(line.str.Materialize(), &at, &argv)) continue;
    if (origin < 0) origin = at;
    at -= origin;
    std::string cmd = Lower(argv[0]);
    if ((cmd == "get" || cmd == "getset") && argv.size() >= 2) {
      emit(at, argv[1], "get", -1, 0);
    } else if (cmd == "mget") {
      for (size_t i = 1; i < argv.size(); ++i) emit(at, argv[i], "get", -1, 0);
    } else if ((cmd == "set" || cmd == "setnx") && argv.size() >= 3) {
      int64_t ttl = 0;
      for (size_t i = 3; i + 1 < argv.size(); ++i) {
        std::string opt = Lower(argv[i]);
        double v = std::strtod(argv[i + 1].c_str(), nullptr);
        if (opt == "ex") ttl = static_cast<int64_t>(v);
        else if (opt == "px") ttl = static_cast<int64_t>(std::ceil(v / 1000));
        else if (opt == "exat") ttl = static_cast<int64_t>(std::ceil(v - origin - at));
        else if (opt == "pxat") ttl = static_cast<int64_t>(std::ceil(v / 1000 - origin - at));
      }
      emit(at, argv[1], "set", static_cast<int64_t>(argv[2].size()), std::max<int64_t>(ttl, 0));
    } else if ((cmd == "mset" || cmd == "msetnx") && argv.size() >= 3 && argv.size() % 2 == 1) {
      for (size_t i = 1; i + 1 < argv.size(); i += 2) emit(at, argv[i], "set", static_cast<int64_t>(argv[i + 1].size()), 0);
    } else if ((cmd == "setex" || cmd == "psetex") && argv.size() == 4) {
      double v = std::strtod(argv[2].c_str(), nullptr);
      emit(at, argv[1], "set", static_cast<int64_t>(argv[3].size()),
           static_cast<int64_t>(cmd == "setex" ? v : std::ceil(v / 1000)));
    } else if (cmd == "del" || cmd == "unlink") {
      for (size_t i = 1; i < argv.size(); ++i) emit(at, argv[i], "delete", -1, 0);
    } else {
      ++ignored;
    }
  }
  conn.Drop("recording done");

  uint64_t unknown = 0;
  std::string tmp = o.out + ".part";
  {
    std::ofstream f(tmp);
    if (!f) throw UsageError(o.out + ": cannot write");
    f << "time,key,size,op,ttl\n";
    char t[32];
    for (const Row& row : rows) {
      int64_t size = row.size;
      if (size < 0) {
        auto it = first_size.find(row.key);
        size = it != first_size.end() ? it->second : (++unknown, 1);
      }
      std::snprintf(t, sizeof t, "%.6f", row.at);
      f << t << ',' << row.key << ',' << size << ',' << row.op << ',' << row.ttl << '\n';
    }
    if (!f) throw std::runtime_error(o.out + ": write failed");
  }
  if (std::rename(tmp.c_str(), o.out.c_str()) != 0) throw std::runtime_error(o.out + ": cannot rename " + tmp);
  std::fprintf(stderr, "recorded %zu requests (%llu MONITOR lines, %llu other commands, %llu keys with , or newlines "
               "skipped, %llu gets of keys never set: size 1) to %s\n",
               rows.size(), static_cast<unsigned long long>(lines), static_cast<unsigned long long>(ignored),
               static_cast<unsigned long long>(unsafe_keys), static_cast<unsigned long long>(unknown), o.out.c_str());
  if (o.json)
    std::cout << "{\"requests\": " << rows.size() << ", \"monitor_lines\": " << lines << ", \"ignored_commands\": "
              << ignored << ", \"skipped_keys\": " << unsafe_keys << ", \"unknown_size_gets\": " << unknown << "}\n";
}

}  // namespace

void AddRecordCommand(CLI::App& app) {
  auto o = std::make_shared<RecordOptions>();
  CLI::App* cmd = app.add_subcommand("record", "Record a live Redis's traffic (MONITOR) into a CSV trace");
  cmd->add_option("--backend", o->backend, "redis://HOST:PORT[/DB] (password from $CACHELAB_REDIS_PASSWORD)")->required();
  cmd->add_option("--duration", o->duration, "how long to record, e.g. 60s")->default_val(o->duration);
  cmd->add_option("--out", o->out, "CSV trace to write (time,key,size,op,ttl)")->required();
  cmd->add_flag("--json", o->json, "print the counts as JSON");
  cmd->callback([o] { Execute(*o); });
}

}  // namespace cachelab::cli
