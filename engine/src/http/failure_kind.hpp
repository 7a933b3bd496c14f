// The client's failure classification is core's: the stats count failures by it too.
#pragma once

#include "core/failure_kind.hpp"

namespace hornet::http {

using core::failure_kind;
using core::to_string;

} // namespace hornet::http
