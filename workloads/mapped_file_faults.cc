#include "workloads/mapped_file_faults.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>

namespace cachelab {
namespace {

struct Slot {
  std::atomic<bool> taken{false};
  std::atomic<uintptr_t> begin{0};  // 0: not published
  size_t length = 0;
  char path[1024] = {};
};
Slot g_slots[64];

void WriteAll(const char* s) {
  for (size_t n = std::strlen(s); n > 0;) {
    const ssize_t w = ::write(STDERR_FILENO, s, n);
    if (w <= 0) return;
    s += w;
    n -= static_cast<size_t>(w);
  }
}

void OnSigbus(int sig, siginfo_t* info, void*) {
  if (const char* path = MappedFileAt(info->si_addr)) {
    WriteAll("cachelab: error: ");
    WriteAll(path);
    WriteAll(": the file shrank while being read (truncated or rewritten by another program); "
             "this run's results were not written\n");
    ::_exit(1);
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

}  // namespace

void RegisterMappedFile(const void* begin, size_t length, const std::string& path) {
  for (Slot& s : g_slots) {
    bool expected = false;
    if (!s.taken.compare_exchange_strong(expected, true)) continue;
    s.length = length;
    const size_t n = std::min(path.size(), sizeof s.path - 1);
    std::memcpy(s.path, path.data(), n);
    s.path[n] = '\0';
    s.begin.store(reinterpret_cast<uintptr_t>(begin), std::memory_order_release);
    return;
  }
}

void UnregisterMappedFile(const void* begin) {
  for (Slot& s : g_slots) {
    if (s.begin.load(std::memory_order_acquire) != reinterpret_cast<uintptr_t>(begin)) continue;
    s.begin.store(0, std::memory_order_release);
    s.taken.store(false, std::memory_order_release);
    return;
  }
}

const char* MappedFileAt(const void* addr) {
  const auto a = reinterpret_cast<uintptr_t>(addr);
  for (const Slot& s : g_slots) {
    const uintptr_t b = s.begin.load(std::memory_order_acquire);
    if (b != 0 && a >= b && a - b < s.length) return s.path;
  }
  return nullptr;
}

void InstallMappedFileFaultReport() {
  struct sigaction sa {};
  sa.sa_sigaction = OnSigbus;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGBUS, &sa, nullptr);
}

}  // namespace cachelab
