// OpenSSL's one-shot MD5() is deprecated in 3.0 but still the fastest call it
// offers for tiny inputs (the EVP path allocates a context per digest), so
// ask for the 1.1.1 API level, under which it is declared without a warning.
#define OPENSSL_API_COMPAT 10101
#include <openssl/md5.h>

#include "strategies/partitioners/hash.h"

namespace cachelab {

Md5Digest Md5(std::string_view data) {
  Md5Digest out;
  MD5(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data());
  return out;
}

}  // namespace cachelab
