// The commands that work on saved --json runs, without running a test:
//   hornet report RUN.json --html out.html [--junit F] [--summary-md F] [--json F]
//   hornet compare BASE.json NEW.json [--max-regression 10%]
#pragma once

namespace hornet::app {

/// `argv[0]` is "report". Returns the process exit code (2 for a usage error or an unreadable run).
int run_report_command(int argc, char** argv);

/// `argv[0]` is "compare". Exit code 0 when no row regressed, 3 when one did, 2 for a usage
/// error or an unreadable run.
int run_compare_command(int argc, char** argv);

} // namespace hornet::app
