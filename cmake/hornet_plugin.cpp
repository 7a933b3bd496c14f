// Added to every plugin by hornet_add_scenario: the API version the plugin was compiled against,
// which hornet checks before it calls anything else in the library.
#include <hornet/version.hpp>

extern "C" __attribute__((visibility("default"))) int hornet_api_version()
{
    return HORNET_API_VERSION;
}
