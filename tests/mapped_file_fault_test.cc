// A mapped trace file truncated while it is read: with the fault report
// installed (as cachelab's main does), the process exits 1 naming the file
// instead of dying of SIGBUS. Run in a forked child, which maps a real file,
// truncates it, and reads (the kernel raises SIGBUS for the vanished pages).
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "support/temp_dir.h"
#include "workloads/mapped_file_faults.h"
#include "workloads/mapped_source.h"

using namespace cachelab;

namespace {

struct ChildResult {
  int status = 0;
  std::string err;
};

// Forks; the child maps path, truncates it to 0 bytes if asked, reads 64 KiB.
ChildResult MapTruncateRead(const std::string& path, bool truncate) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fds[1], STDERR_FILENO);
    ::close(fds[0]);
    InstallMappedFileFaultReport();
    auto src = MapFileSource(path);
    if (!src) ::_exit(3);
    if (truncate && ::truncate(path.c_str(), 0) != 0) ::_exit(4);
    static char buf[1 << 16];
    const size_t n = src->Read(buf, sizeof buf);
    ::_exit(n == sizeof buf ? 0 : 5);
  }
  ::close(fds[1]);
  ChildResult r;
  char chunk[512];
  for (ssize_t n; (n = ::read(fds[0], chunk, sizeof chunk)) > 0;) r.err.append(chunk, static_cast<size_t>(n));
  ::close(fds[0]);
  ::waitpid(pid, &r.status, 0);
  return r;
}

void WriteFile(const std::string& path, size_t bytes) {
  std::ofstream f(path, std::ios::binary);
  f << std::string(bytes, 'x');
}

}  // namespace

TEST_CASE("a mapped file truncated under the reader: exit 1 naming the file, not SIGBUS") {
  testing::TempDir dir("cachelab-mapped-fault");
  const std::string path = dir / "shrinking.oracleGeneral.bin";
  WriteFile(path, 1 << 20);
  ChildResult r = MapTruncateRead(path, true);
  INFO(r.err);
  REQUIRE(WIFEXITED(r.status));
  CHECK(WEXITSTATUS(r.status) == 1);
  CHECK(r.err == "cachelab: error: " + path +
                     ": the file shrank while being read (truncated or rewritten by another program); "
                     "this run's results were not written\n");
}

TEST_CASE("an intact mapped file reads normally and names nothing") {
  testing::TempDir dir("cachelab-mapped-intact");
  const std::string path = dir / "intact.bin";
  WriteFile(path, 1 << 20);
  ChildResult r = MapTruncateRead(path, false);
  REQUIRE(WIFEXITED(r.status));
  CHECK(WEXITSTATUS(r.status) == 0);
  CHECK(r.err.empty());
  int local = 0;
  CHECK(MappedFileAt(&local) == nullptr);  // not inside any mapping
}
