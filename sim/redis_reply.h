// A RESP reply, as both the simulated and the live Redis return it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/blob.h"

namespace cachelab {

struct RedisReply {
  enum class Type : uint8_t { kNil, kStatus, kInteger, kString, kArray, kError };
  Type type = Type::kNil;
  int64_t integer = 0;
  Blob str;  // kString payload, kStatus text, kError message
  std::vector<RedisReply> elements;

  static RedisReply Nil() { return {}; }
  // Built in place, two characters appended inline: Status("OK") constructs
  // and moves a std::string out of line (every SET's reply, e.g. each fill).
  static RedisReply Ok() {
    RedisReply r;
    r.type = Type::kStatus;
    r.str.data += 'O';
    r.str.data += 'K';
    return r;
  }
  static RedisReply Status(std::string s) {
    RedisReply r;
    r.type = Type::kStatus;
    r.str.data = std::move(s);
    return r;
  }
  static RedisReply Integer(int64_t v) {
    RedisReply r;
    r.type = Type::kInteger;
    r.integer = v;
    return r;
  }
  static RedisReply String(Blob b) {
    RedisReply r;
    r.type = Type::kString;
    r.str = std::move(b);
    return r;
  }
  static RedisReply String(std::string s) { return String(Blob{std::move(s), 0}); }
  static RedisReply Error(std::string s) {
    RedisReply r;
    r.type = Type::kError;
    r.str.data = std::move(s);
    return r;
  }
  static RedisReply Array(std::vector<RedisReply> e) {
    RedisReply r;
    r.type = Type::kArray;
    r.elements = std::move(e);
    return r;
  }

  bool is_nil() const { return type == Type::kNil; }
  bool is_error() const { return type == Type::kError; }
  bool is_ok() const { return type == Type::kStatus && str.data == "OK"; }
  // Human-readable rendering (tests, differential diffs, debugging).
  std::string ToString() const;
};

}  // namespace cachelab
