// Runs the cachelab binary in a shell and captures stdout, stderr and the exit code.
#pragma once
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cachelab::testing {

struct CliResult {
  int exit_code = -1;
  std::string out, err;
};

// env: "NAME=value ..." set for this command only.
inline CliResult RunCli(const std::string& args, const std::string& stdin_text = "", const std::string& env = "") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path();
  std::string tag = std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(&args));
  fs::path out = dir / ("cli-out-" + tag), err = dir / ("cli-err-" + tag), in = dir / ("cli-in-" + tag);
  {
    std::ofstream f(in);
    f << stdin_text;
  }
  std::string cmd = (env.empty() ? "" : env + " ") + std::string(CACHELAB_CLI) + " " + args + " <" + in.string() + " >" + out.string() + " 2>" + err.string();
  int status = std::system(cmd.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const fs::path& p) {
    std::ifstream f(p);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  };
  r.out = slurp(out);
  r.err = slurp(err);
  fs::remove(out);
  fs::remove(err);
  fs::remove(in);
  return r;
}

}  // namespace cachelab::testing
