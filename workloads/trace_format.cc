#include "workloads/trace_format.h"

#include <cerrno>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "workloads/big_endian_key_reader.h"
#include "workloads/byte_source.h"
#include "workloads/caffeine_text_readers.h"
#include "workloads/cdn_reader.h"
#include "workloads/csv_reader.h"
#include "workloads/header_columns.h"
#include "workloads/kvcache_reader.h"
#include "workloads/lcs_reader.h"
#include "workloads/oracle_general_reader.h"
#include "workloads/tencent_photo_reader.h"
#include "workloads/text_reader.h"
#include "workloads/trace_format_names.h"
#include "workloads/twitter_reader.h"
#include "workloads/vscsi_reader.h"

namespace cachelab {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string FormatList() {
  std::string list;
  for (const std::string& name : TraceFormatNames()) list += (list.empty() ? "" : ", ") + name;
  return list;
}

}  // namespace

std::vector<std::string> TraceFormatNames() {
  return {"oracleGeneral", "vscsi", "txt", "csv", "twitter", "kvcache", "cdn", "cache2k", "scarab", "lcs", "lirs", "arc", "address",
          "snia-tencent-photo"};
}

std::string GuessTraceFormat(const std::string& path) {
  std::string name = StripCompressionSuffix(path);
  std::string base = name.substr(name.find_last_of('/') + 1);
  if (base.find("oracleGeneral") != std::string::npos) return "oracleGeneral";
  if (EndsWith(base, ".vscsi")) return "vscsi";
  if (EndsWith(base, ".lcs")) return "lcs";
  if (EndsWith(base, ".txt")) return "txt";
  if (EndsWith(base, ".lis")) return "arc";   // the ARC authors' traces (P1.lis, OLTP.lis, ...)
  if (EndsWith(base, ".trc")) return "lirs";  // the LIRS authors' traces (cs.trc, ...)
  if (base.rfind("cloud_photos", 0) == 0) return "snia-tencent-photo";  // Tencent's QQPhoto trace, as Caffeine names it
  if (EndsWith(base, ".csv")) return base.find("twitter") != std::string::npos ? "twitter" : "csv";
  return "";
}

std::string DetectTraceFormat(const std::string& path) {
  std::string format = GuessTraceFormat(path);
  if (format != "csv") return format;
  std::string_view line;
  try {
    ChunkBuffer in(OpenByteSource(path), 1 << 16);
    if (!in.NextLine(&line)) return format;
    HeaderColumns h(line);
    if (h.Find({"key"}) && h.Find({"op"}) && h.Find({"op_count"})) return "kvcache";
    if (h.Find({"cacheKey"}) && h.Find({"objectSize"})) return "cdn";
  } catch (const std::runtime_error&) {  // OpenTrace reports it
  }
  return format;
}

std::unique_ptr<FileTraceReader> OpenTrace(const std::string& path, const TraceOpenOptions& options,
                                           std::string* error) {
  std::string format = CanonicalTraceFormat(options.format.empty() ? DetectTraceFormat(path) : options.format);
  if (format.empty()) {
    std::error_code ec;  // a mistyped path says so, not that its name tells no format
    *error = !std::filesystem::exists(path, ec)
                 ? path + ": cannot open: " + std::generic_category().message(ENOENT)
                 : EndsWith(StripCompressionSuffix(path), ".trace")
                     // Caffeine names both binary key streams *.trace: only the keys' width differs.
                     ? path + ": a .trace file is cache2k (4-byte keys) or scarab (8-byte keys), as Caffeine names "
                              "both; give --format cache2k or --format scarab"
                     : path + ": cannot tell the trace format from the name; give --format (" + FormatList() + ")";
    return nullptr;
  }
  try {
    if (format == "oracleGeneral" || format == "oracle")
      return std::make_unique<OracleGeneralReader>(path, options.skip_bad);
    if (format == "vscsi") return std::make_unique<VscsiReader>(path, options.skip_bad);
    if (format == "txt" || format == "text") return std::make_unique<TextReader>(path, options.skip_bad);
    if (format == "twitter") return std::make_unique<TwitterReader>(path, options.skip_bad);
    if (format == "kvcache") return std::make_unique<KvcacheReader>(path, options.skip_bad);
    if (format == "cdn") return std::make_unique<CdnReader>(path, options.skip_bad);
    if (format == "cache2k") return std::make_unique<BigEndianKeyReader>(path, options.skip_bad, 4, "cache2k");
    if (format == "scarab") return std::make_unique<BigEndianKeyReader>(path, options.skip_bad, 8, "scarab");
    if (format == "lcs") return std::make_unique<LcsReader>(path, options.skip_bad);
    if (format == "lirs") return std::make_unique<LirsReader>(path, options.skip_bad);
    if (format == "arc") return std::make_unique<ArcReader>(path, options.skip_bad);
    if (format == "address") return std::make_unique<AddressReader>(path, options.skip_bad);
    if (format == "snia-tencent-photo") return std::make_unique<TencentPhotoReader>(path, options.skip_bad);
    if (format == "csv") {
      CsvSpec spec;
      if (!ParseCsvSpec(options.csv_spec, &spec, error)) return nullptr;
      return std::make_unique<CsvReader>(path, spec, options.skip_bad);
    }
  } catch (const std::runtime_error& e) {
    *error = e.what();
    return nullptr;
  }
  *error = "unknown trace format '" + format + "' (" + FormatList() + ")";
  return nullptr;
}

}  // namespace cachelab
