// The "zmq" error category.
#include "cluster/zmq_error.hpp"

#include <zmq.h>

#include <string>

namespace hornet::cluster {

namespace {

class zmq_category_impl final : public boost::system::error_category
{
public:
    const char* name() const noexcept override { return "zmq"; }
    std::string message(int ev) const override { return zmq_strerror(ev); }
};

} // namespace

const boost::system::error_category& zmq_category() noexcept
{
    static const zmq_category_impl instance;
    return instance;
}

boost::system::error_code last_zmq_error() noexcept
{
    return make_zmq_error(zmq_errno());
}

} // namespace hornet::cluster
