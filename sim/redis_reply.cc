#include "sim/redis_reply.h"

namespace cachelab {

std::string RedisReply::ToString() const {
  switch (type) {
    case Type::kNil: return "(nil)";
    case Type::kStatus: return str.data;
    case Type::kInteger: return "(integer) " + std::to_string(integer);
    case Type::kString: return "\"" + str.Materialize() + "\"";
    case Type::kError: return "(error) " + str.data;
    case Type::kArray: {
      std::string out = "[";
      for (size_t i = 0; i < elements.size(); ++i) out += (i ? ", " : "") + elements[i].ToString();
      return out + "]";
    }
  }
  return "?";
}

}  // namespace cachelab
