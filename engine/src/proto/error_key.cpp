// The SHA-256 error key Locust uses to merge identical errors.
#include "proto/error_key.hpp"

#include "core/py_repr.hpp"

#include <openssl/sha.h>

#include <cstdint>

namespace hornet::proto {

std::string error_key(std::string_view method, std::string_view name, std::string_view error)
{
    std::string text;
    text.reserve(method.size() + name.size() + error.size() + 8);
    text.append(method).append(".").append(name).append(".").append(core::py_repr(error));
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    std::string out;
    out.reserve(2 * SHA256_DIGEST_LENGTH);
    static constexpr char hex[] = "0123456789abcdef";
    for (unsigned char b : digest) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

} // namespace hornet::proto
