// doctest prints core::result<T> as its failure's detail (or "value"): boost's own operator<<
// would need every T to be printable.
#pragma once

#include "core/error.hpp"

#include <doctest/doctest.h>

namespace doctest {

template <class T>
struct StringMaker<boost::system::result<T, hornet::core::failure>>
{
    static String convert(const boost::system::result<T, hornet::core::failure>& r)
    {
        return r ? String("value") : String(("failure: " + r.error().detail).c_str());
    }
};

} // namespace doctest
