// `hornet convert locustfile.py [-o scenario.json] [--partial]`: a locustfile as a JSON scenario
// for a team to keep and edit.
#pragma once

namespace hornet::app {

/// `argv[0]` is "convert". Exit code 0 when written, 1 when the locustfile cannot be translated
/// (the errors are printed), 2 for a usage error.
int run_convert_command(int argc, char** argv);

} // namespace hornet::app
