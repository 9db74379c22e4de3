#include "workloads/trace_format_names.h"

#include <cctype>
#include <utility>

namespace cachelab {

std::string CanonicalTraceFormat(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::pair<const char*, const char*> kAliases[] = {
      {"oraclegeneral", "oracleGeneral"}, {"oraclegeneralbin", "oracleGeneral"}, {"oracle", "oracleGeneral"},
      {"vscsi", "vscsi"},                 {"txt", "txt"},                        {"text", "txt"},
      {"plaintxt", "txt"},                {"csv", "csv"},                        {"twitter", "twitter"},
      {"cache2k", "cache2k"},             {"scarab", "scarab"},                  {"lcs", "lcs"},
      {"kvcache", "kvcache"},             {"cdn", "cdn"},
      {"lirs", "lirs"},                   {"arc", "arc"},                        {"address", "address"},
      {"snia-tencent-photo", "snia-tencent-photo"}, {"snia_tencent_photo", "snia-tencent-photo"},
      {"tencent-photo", "snia-tencent-photo"},
  };
  for (const auto& [alias, canonical] : kAliases)
    if (lower == alias) return canonical;
  return std::string(name);
}

}  // namespace cachelab
