// ZeroMQ failures as boost::system::error_code values (libzmq reports them through errno).
#pragma once

#include <boost/system/error_code.hpp>

namespace hornet::cluster {

/// libzmq's errno values, system ones (EADDRINUSE, EAGAIN ...) and its own (EFSM, ETERM ...),
/// with zmq_strerror() texts.
const boost::system::error_category& zmq_category() noexcept;

/// The error of the libzmq call that just failed (reads errno).
boost::system::error_code last_zmq_error() noexcept;

inline boost::system::error_code make_zmq_error(int ev) noexcept
{
    return {ev, zmq_category()};
}

} // namespace hornet::cluster
