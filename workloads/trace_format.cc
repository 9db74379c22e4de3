#include "workloads/trace_format.h"

#include <stdexcept>

#include "workloads/byte_source.h"
#include "workloads/cache2k_reader.h"
#include "workloads/csv_reader.h"
#include "workloads/lcs_reader.h"
#include "workloads/oracle_general_reader.h"
#include "workloads/text_reader.h"
#include "workloads/trace_format_names.h"
#include "workloads/twitter_reader.h"
#include "workloads/vscsi_reader.h"

namespace cachelab {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::vector<std::string> TraceFormatNames() {
  return {"oracleGeneral", "vscsi", "txt", "csv", "twitter",
          "cache2k", "lcs"};
}

std::string GuessTraceFormat(const std::string& path) {
  std::string name = StripCompressionSuffix(path);
  std::string base = name.substr(name.find_last_of('/') + 1);
  if (base.find("oracleGeneral") != std::string::npos) return "oracleGeneral";
  if (EndsWith(base, ".vscsi")) return "vscsi";
  if (EndsWith(base, ".lcs")) return "lcs";
  if (EndsWith(base, ".txt")) return "txt";
  if (EndsWith(base, ".csv")) return base.find("twitter") != std::string::npos ? "twitter" : "csv";
  return "";
}

std::unique_ptr<FileTraceReader> OpenTrace(const std::string& path, const TraceOpenOptions& options,
                                           std::string* error) {
  std::string format = options.format.empty() ? GuessTraceFormat(path) : options.format;
  format = CanonicalTraceFormat(format);
  if (format.empty()) {
    *error =
        path + ": cannot tell the trace format from the name; give --format (oracleGeneral, vscsi, txt, csv, twitter)";
    return nullptr;
  }
  try {
    if (format == "oracleGeneral" || format == "oracle")
      return std::make_unique<OracleGeneralReader>(path, options.skip_bad);
    if (format == "vscsi") return std::make_unique<VscsiReader>(path, options.skip_bad);
    if (format == "txt" || format == "text") return std::make_unique<TextReader>(path, options.skip_bad);
    if (format == "twitter") return std::make_unique<TwitterReader>(path, options.skip_bad);
    if (format == "cache2k") return std::make_unique<Cache2kReader>(path, options.skip_bad);
    if (format == "lcs") return std::make_unique<LcsReader>(path, options.skip_bad);
    if (format == "csv") {
      CsvSpec spec;
      if (!ParseCsvSpec(options.csv_spec, &spec, error)) return nullptr;
      return std::make_unique<CsvReader>(path, spec, options.skip_bad);
    }
  } catch (const std::runtime_error& e) {
    *error = e.what();
    return nullptr;
  }
  *error = "unknown trace format '" + format + "' (oracleGeneral, vscsi, txt, csv, twitter)";
  return nullptr;
}

}  // namespace cachelab
