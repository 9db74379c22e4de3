// A private redis-server for a test: a free loopback port (found by binding
// 127.0.0.1:0; redis's own --port 0 would disable TCP), a temporary directory,
// no persistence. Started in the constructor (waits for PING), killed in the
// destructor. available() is false when redis-server is not installed; the
// test then SKIPs with a WARN (a visible skip, not a silent pass).
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "live/redis_conn.h"

namespace cachelab::testing {

inline bool RedisServerInstalled() { return std::system("command -v redis-server >/dev/null 2>&1") == 0; }

inline int FreeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  int port = -1;
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  close(fd);
  return port;
}

class RedisServer {
 public:
  explicit RedisServer(std::vector<std::string> extra_args = {}) : extra_(std::move(extra_args)) {
    if (!RedisServerInstalled()) return;
    char tmpl[] = "/tmp/cachelab_redis_XXXXXX";
    if (!mkdtemp(tmpl)) return;
    dir_ = tmpl;
    port_ = FreeLoopbackPort();
    Start();
  }
  ~RedisServer() {
    Stop();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  bool available() const { return ready_; }
  int port() const { return port_; }
  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port_); }
  live::RedisEndpoint endpoint() const { return live::RedisEndpoint{"127.0.0.1", port_, 0}; }

  // (Re)starts on the same port, e.g. after Kill() in a fault test.
  void Start() {
    if (pid_ > 0) return;
    std::string port = std::to_string(port_);
    std::vector<std::string> args = {"redis-server", "--port",       port,  "--bind", "127.0.0.1", "--save", "",
                                     "--appendonly", "no",           "--dir", dir_,   "--daemonize", "no",
                                     "--logfile",    dir_ + "/log"};
    args.insert(args.end(), extra_.begin(), extra_.end());
    pid_ = fork();
    if (pid_ == 0) {
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execvp("redis-server", argv.data());
      _exit(127);
    }
    ready_ = WaitForPing();
  }
  // SIGSTOP/SIGCONT: a server that accepts connections but never answers.
  void Pause() { if (pid_ > 0) kill(pid_, SIGSTOP); }
  void Resume() { if (pid_ > 0) kill(pid_, SIGCONT); }
  // SIGKILL: the server dies mid-run, as in a crash.
  void Kill() { Stop(SIGKILL); }
  void Stop(int sig = SIGTERM) {
    if (pid_ <= 0) return;
    kill(pid_, sig);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  bool WaitForPing() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      live::RedisConn c(endpoint(), live::ConnOptions{200, 500, 1, 1, ""});
      if (c.EnsureConnected()) {
        std::string answer = c.Command({"PING"}).str.data;
        if (answer == "PONG" || answer.rfind("NOAUTH", 0) == 0) return true;  // up (with --requirepass)
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  std::vector<std::string> extra_;
  std::string dir_;
  int port_ = -1;
  pid_t pid_ = -1;
  bool ready_ = false;
};

}  // namespace cachelab::testing

// Skips the whole test program visibly when there is no redis-server (CI has one).
#define REQUIRE_REDIS_SERVER(server)                                                       \
  do {                                                                                     \
    if (!cachelab::testing::RedisServerInstalled()) {                                      \
      std::fprintf(stderr, "SKIPPED: redis-server is not installed (apt-get install redis-server)\n"); \
      std::exit(77); /* CTest's SKIP_RETURN_CODE: reported as skipped, not passed */      \
    }                                                                                      \
    REQUIRE((server).available());                                                         \
  } while (0)
