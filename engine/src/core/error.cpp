// The "hornet" error category.
#include "core/error.hpp"

#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>

#include <ostream>

namespace hornet::core {

namespace {

class category_impl final : public boost::system::error_category
{
public:
    // A fixed id keeps codes equal across shared objects (a plugin and the binary).
    constexpr category_impl() noexcept : boost::system::error_category(0x686f726e65743031) {}

    const char* name() const noexcept override { return "hornet"; }

    std::string message(int ev) const override
    {
        switch (static_cast<error>(ev)) {
        case error::malformed: return "malformed input";
        case error::invalid_shape: return "input of the wrong shape";
        case error::limit_exceeded: return "input exceeds a limit";
        case error::unexpected: return "unexpected message";
        case error::invalid_url: return "invalid URL";
        case error::evaluation_failed: return "evaluation failed";
        case error::invalid_scenario: return "invalid scenario";
        }
        return "hornet error " + std::to_string(ev);
    }
};

const category_impl category_instance;

} // namespace

const boost::system::error_category& error_category() noexcept
{
    return category_instance;
}

boost::system::error_code make_error_code(error e) noexcept
{
    return {static_cast<int>(e), category_instance};
}

failure failure::prefixed(std::string_view prefix) const
{
    return failure(code, std::string(prefix) + detail);
}

std::ostream& operator<<(std::ostream& os, const failure& f)
{
    return os << f.detail;
}

void throw_exception_from_error(const failure& f, const boost::source_location& loc)
{
    boost::throw_exception(boost::system::system_error(f.code, f.detail), loc);
}

} // namespace hornet::core
