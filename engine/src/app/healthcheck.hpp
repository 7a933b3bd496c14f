// `hornet healthcheck [URL]`: the container image's HEALTHCHECK. The runtime image has no curl or
// shell tools, so the binary probes its own web port: one HTTP GET, healthy on any answer below
// 500. That proves the port is bound and the control loop serving it is alive, which a bare TCP
// connect (bash's /dev/tcp) would not.
#pragma once

namespace hornet::app {

/// argv[0] is "healthcheck". Exit 0 healthy, 1 not (reason on stderr), 2 a bad URL.
int run_healthcheck_command(int argc, char** argv);

} // namespace hornet::app
