# Hornet's container image. Build from the repository's top level:
#   docker build -t hornet:0.1.0 .
#   docker run --rm hornet:0.1.0 -f /usr/share/hornet/scenarios/steady_service.json --headless \
#     --rate 10 -t 1m -H http://host.docker.internal:5000
# Stage 1 builds on Debian 12 with the packages scripts/install-deps.sh installs; stage 2 is
# bookworm-slim with only the shared libraries the binary links (ldd build/hornet): Boost.URL,
# ZeroMQ (and its own dependencies, pulled by apt), OpenSSL, mimalloc, plus CA certificates for
# https, and python3 for `hornet -f locustfile.py` / `hornet convert` (the translator runs on Python's ast).

FROM debian:bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake ninja-build make pkg-config python3 \
      libboost1.81-dev libboost-url1.81-dev libssl-dev libzmq3-dev cppzmq-dev \
      nlohmann-json3-dev libcli11-dev doctest-dev libmimalloc-dev nodejs npm ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Release, only the binary (no tests); stripped: the debug info is most of its size.
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DHORNET_BUILD_TESTS=OFF \
 && cmake --build /build --target hornet \
 && strip /build/hornet

FROM debian:bookworm-slim
ARG VERSION=0.1.0
ARG REVISION=unknown
# The repository's URL, given by whoever builds: docker build --build-arg SOURCE=https://… .
ARG SOURCE=""
LABEL org.opencontainers.image.title="hornet" \
      org.opencontainers.image.description="Distributed load-testing engine in C++, a drop-in alternative to Locust" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.base.name="docker.io/library/debian:bookworm-slim"
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libboost-url1.81.0 libzmq5 libssl3 libmimalloc2.0 ca-certificates python3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /build/hornet /usr/local/bin/hornet
COPY scenarios/ /usr/share/hornet/scenarios/
# A numeric user, so Kubernetes can check runAsNonRoot against the image. Reports go to a mounted
# directory (/reports in deploy/kubernetes), the root file system can stay read-only.
RUN groupadd --gid 10001 hornet \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /reports --shell /usr/sbin/nologin hornet \
 && mkdir -p /reports && chown 10001:10001 /reports
USER 10001:10001
WORKDIR /reports
# 8089: web UI, HTTP API and /metrics; 5557: the master's port for workers (Locust's).
EXPOSE 8089 5557
# The image has no curl or shell tools: the binary probes its own web port (an HTTP GET of
# /metrics, served in UI runs and in headless runs given --web-port). A headless run without
# --web-port serves no port and shows as unhealthy; Kubernetes ignores HEALTHCHECK and uses the
# manifests' probes.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["hornet", "healthcheck", "http://127.0.0.1:8089/metrics"]
ENTRYPOINT ["hornet"]
CMD ["--help"]
