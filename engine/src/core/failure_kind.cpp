// Names of the failure kinds.
#include "core/failure_kind.hpp"

namespace hornet::core {

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
    case failure_kind::check: return "check";
    case failure_kind::other: return "other";
    }
    return "other";
}

failure_kind failure_kind_from_name(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < failure_kind_count; ++i) {
        const auto kind = static_cast<failure_kind>(i);
        if (to_string(kind) == name) return kind;
    }
    return failure_kind::other;
}

} // namespace hornet::core
