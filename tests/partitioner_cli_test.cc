// `cachelab ring` end to end: runs the built CLI on small stdin inputs.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {

struct Result {
  int code;
  std::string out;
  std::string err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `input` is written to a file and fed on stdin; args are shell-quoted by the caller.
Result Ring(const std::string& input, const std::string& args) {
  const std::string dir = "/tmp/cachelab_ring_cli_test." + std::to_string(::getpid());
  std::system(("mkdir -p " + dir).c_str());
  std::ofstream(dir + "/in") << input;
  const std::string cmd = std::string(CACHELAB_CLI) + " ring " + args + " < " + dir + "/in > " + dir + "/out 2> " +
                          dir + "/err";
  const int status = std::system(cmd.c_str());
  Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(dir + "/out"), Slurp(dir + "/err")};
  std::system(("rm -rf " + dir).c_str());
  return r;
}

const char* kServers =
    "--nodes 10.0.1.1:11211:600,10.0.1.2:11211:300,10.0.1.3:11211:200,10.0.1.4:11211:350,"
    "10.0.1.5:11211:1000,10.0.1.6:11211:800,10.0.1.7:11211:950,10.0.1.8:11211:100";

}  // namespace

TEST_CASE("ring prints key<TAB>node; ketama agrees with libmemcached's vectors") {
  // First two rows of libmemcached's ketama_test_cases (see partitioner_ketama_test.cc).
  const Result r = Ring("SVa_]_V41)\n30C1*Z*S/_\n", std::string("--partitioner ketama ") + kServers);
  CHECK(r.code == 0);
  CHECK(r.out == "SVa_]_V41)\t10.0.1.7:11211\n30C1*Z*S/_\t10.0.1.2:11211\n");
  const Result spy =
      Ring("SVa_]_V41)\n", std::string("--partitioner ketama --format libmemcached-spy ") + kServers);
  CHECK(spy.out == "SVa_]_V41)\t10.0.1.2:11211\n");
}

TEST_CASE("ring jump reads integer keys and prints bucket numbers (Guava golden values)") {
  const Result r = Ring("0\n1\n2\n3\n", "--partitioner jump --buckets 100");
  CHECK(r.code == 0);
  CHECK(r.out == "0\t0\n1\t55\n2\t62\n3\t8\n");
}

TEST_CASE("ring --stats --json reports balance and remapping") {
  std::string keys;
  for (int i = 0; i < 20000; ++i) keys += "k" + std::to_string(i) + "\n";
  const Result r = Ring(keys, "--partitioner modulo --nodes a:1,b:1,c:1,d:1 --stats --json --add-node e:1");
  CHECK(r.code == 0);
  CHECK(r.out.find("\"keys\":20000") != std::string::npos);
  CHECK(r.out.find("\"cv\":") != std::string::npos);
  CHECK(r.out.find("\"ideal_fraction\":0.2") != std::string::npos);
  // modulo moves Binomial(20000, 4/5)/20000 keys: sd 0.0028, accept +-6 sd.
  const std::size_t at = r.out.find("\"remapped_fraction\":");
  REQUIRE(at != std::string::npos);
  const double remapped = std::stod(r.out.substr(at + 20));
  CHECK(remapped >= 0.8 - 0.017);
  CHECK(remapped <= 0.8 + 0.017);
}

TEST_CASE("ring --stats judges balance against weighted shares") {
  // Weighted rendezvous gives node i the share w_i / W (the -w/ln(u) score's
  // defining property): 10%, 20%, 30%, 40%. Against the plain mean the 40%
  // node would read 1.6; against its share 1 +- 0.0087 (binomial sd of
  // 40000 keys at 40%), and the light node 1 +- 0.015: accept max <= 1.09.
  std::string keys;
  for (int i = 0; i < 40000; ++i) keys += "k:" + std::to_string(i) + "\n";
  const Result r = Ring(keys, "--partitioner rendezvous --nodes a:1:1,b:1:2,c:1:3,d:1:4 --stats --json");
  CHECK(r.code == 0);
  const std::size_t at = r.out.find("\"max_over_mean\":");
  REQUIRE(at != std::string::npos);
  CHECK(std::stod(r.out.substr(at + 16)) <= 1.09);
}

TEST_CASE("ring rejects bad input with exit 2 naming the flag or line") {
  const Result nodes = Ring("x\n", "--partitioner ring --nodes a:notaport");
  CHECK(nodes.code == 2);
  CHECK(nodes.err.find("--nodes") != std::string::npos);
  const Result name = Ring("x\n", "--partitioner nope --nodes a:1");
  CHECK(name.code == 2);
  CHECK(name.err.find("--partitioner") != std::string::npos);
  const Result key = Ring("1\nabc\n", "--partitioner jump --buckets 3");
  CHECK(key.code == 2);
  CHECK(key.err.find("line 2") != std::string::npos);
  const Result buckets = Ring("x\n", "--partitioner ring --buckets 3");
  CHECK(buckets.code == 2);
  CHECK(buckets.err.find("--buckets") != std::string::npos);
}

TEST_CASE("ring refuses a node given twice and a scheme's option with another scheme") {
  // a:1 twice on a ring: the second copy's points tie with the first's and it
  // would hold no key; the labels clash on a weight too.
  for (const char* nodes : {"a:1,a:1", "a:1:2,b:1,a:1:3"}) {
    const Result twice = Ring("x\n", std::string("--partitioner ring --nodes ") + nodes);
    CHECK(twice.code == 2);
    CHECK(twice.err.find("--nodes: node a:1 given twice") != std::string::npos);
  }
  for (const char* args : {"--partitioner ring --table-size 7", "--partitioner ring --format libketama",
                           "--partitioner maglev --vnodes 3", "--partitioner ring --epsilon 0.1"}) {
    const Result ignored = Ring("x\n", std::string(args) + " --nodes a:1");
    CHECK(ignored.code == 2);
    CHECK(ignored.err.find("applies only with --partitioner") != std::string::npos);
  }
  CHECK(Ring("x\n", "--partitioner bounded-load --vnodes 4 --epsilon 0.1 --nodes a:1").code == 0);
  // --remove-node takes the node as --nodes spells it, weight included.
  const Result removed = Ring("x\ny\n", "--partitioner ring --nodes a:1:2,b:1 --stats --json --remove-node a:1:2");
  CHECK(removed.code == 0);
  CHECK(removed.out.find("\"ideal_fraction\":0.666667") != std::string::npos);  // by hand: 2 / (2 + 1)
}

TEST_CASE("ring --nodes takes blanks after commas; --remove-node takes jump's bucket numbers") {
  // "a:1, b:1" names the nodes a and b: the same placement as "a:1,b:1" (ketama hashes the
  // host name, so a host " b" would place keys elsewhere). A blank inside a host is refused.
  const std::string keys = "x\ny\nz\nw\nv\n";
  const Result tight = Ring(keys, "--partitioner ketama --nodes a:1,b:1,c:1");
  const Result spaced = Ring(keys, "--partitioner ketama --nodes 'a:1, b:1 ,\tc:1'");
  CHECK(tight.code == 0);
  CHECK(spaced.code == 0);
  CHECK(spaced.out == tight.out);
  const Result inner = Ring(keys, "--partitioner ketama --nodes 'a:1,b c:1'");
  CHECK(inner.code == 2);
  CHECK(inner.err.find("--nodes: bad host in node 'b c:1'") != std::string::npos);
  // Jump prints buckets by number, so --remove-node takes the number (or "bucketN"). Removing
  // the last of 100 buckets moves only that bucket's keys (jump's monotonicity, Lamping and
  // Veach 2014): keys 0..3 sit in buckets 0, 55, 62, 8 (Guava's values above), none moves.
  for (const char* node : {"99", "bucket99"}) {
    const Result r = Ring("0\n1\n2\n3\n", std::string("--partitioner jump --buckets 100 --stats --json --remove-node ") + node);
    CHECK(r.code == 0);
    CHECK(r.out.find("\"ideal_fraction\":0.01") != std::string::npos);
    CHECK(r.out.find("\"remapped_fraction\":0,") != std::string::npos);
  }
  // A maglev table size that is no prime names --table-size (it was blamed on --partitioner).
  const Result table = Ring("x\n", "--partitioner maglev --nodes a:1,b:1 --table-size 100");
  CHECK(table.code == 2);
  CHECK(table.err.find("--table-size: must be a prime below 2^32") != std::string::npos);
  const Result missing = Ring("0\n", "--partitioner jump --buckets 4 --stats --remove-node 4");
  CHECK(missing.code == 2);
  CHECK(missing.err.find("--remove-node: no node 4 among --buckets 4 (0 .. 3)") != std::string::npos);
}
