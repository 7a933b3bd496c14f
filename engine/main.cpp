// hornet: parse the command line, pick a role, run it.
#include "core/log.hpp"
int main() { return 0; }
