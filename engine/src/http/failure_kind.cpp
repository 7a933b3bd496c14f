// Names of the failure kinds.
#include "http/failure_kind.hpp"

namespace hornet::http {

std::string_view to_string(failure_kind kind) noexcept
{
    switch (kind) {
    case failure_kind::none: return "none";
    case failure_kind::dns: return "dns";
    case failure_kind::connect_refused: return "connect_refused";
    case failure_kind::connect: return "connect";
    case failure_kind::timeout: return "timeout";
    case failure_kind::reset: return "reset";
    case failure_kind::tls: return "tls";
    case failure_kind::bad_response: return "bad_response";
    case failure_kind::body_too_large: return "body_too_large";
    case failure_kind::too_many_redirects: return "too_many_redirects";
    case failure_kind::status: return "status";
    case failure_kind::cancelled: return "cancelled";
    }
    return "unknown";
}

} // namespace hornet::http
