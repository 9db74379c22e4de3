// The driver used when libFuzzer is not available (a compiler other than
// clang): runs LLVMFuzzerTestOneInput on every corpus file given (files or
// directories), then on random mutations of them (bit flips, byte inserts and
// deletes, splices) until -max_total_time=SECONDS passes. Same command line
// shape as libFuzzer's for what scripts/fuzz.sh uses.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void Run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  double seconds = 0;
  size_t max_len = 4096;
  std::vector<std::string> corpus;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "-max_total_time=", 16) == 0) seconds = std::atof(argv[i] + 16);
    else if (std::strncmp(argv[i], "-max_len=", 9) == 0) max_len = std::strtoul(argv[i] + 9, nullptr, 10);
    else if (argv[i][0] == '-') continue;  // other libFuzzer flags
    else if (std::filesystem::is_directory(argv[i]))
      for (const auto& e : std::filesystem::directory_iterator(argv[i])) corpus.push_back(Slurp(e.path()));
    else corpus.push_back(Slurp(argv[i]));
  }
  for (const auto& c : corpus) Run(c);
  if (corpus.empty()) corpus.push_back("");
  std::mt19937_64 rng(12345);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  uint64_t runs = corpus.size();
  while (std::chrono::steady_clock::now() < deadline) {
    std::string s = corpus[rng() % corpus.size()];
    for (int m = 1 + static_cast<int>(rng() % 4); m > 0; --m) {
      switch (rng() % 4) {
        case 0: if (!s.empty()) s[rng() % s.size()] ^= static_cast<char>(1u << (rng() % 8)); break;
        case 1: s.insert(s.begin() + static_cast<long>(s.empty() ? 0 : rng() % s.size()), static_cast<char>(rng())); break;
        case 2: if (!s.empty()) s.erase(rng() % s.size(), 1 + rng() % 8); break;
        default: {
          const std::string& o = corpus[rng() % corpus.size()];
          if (!o.empty()) s += o.substr(rng() % o.size(), 1 + rng() % 64);
        }
      }
    }
    if (s.size() > max_len) s.resize(max_len);
    Run(s);
    ++runs;
  }
  std::fprintf(stderr, "replay driver: %llu inputs, no failure\n", static_cast<unsigned long long>(runs));
  return 0;
}
