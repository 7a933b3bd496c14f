# Sourced by the benchmarks: nginx on a free 127.0.0.1 port pinned to CPU 1, serving until the
# script exits. Needs $root and $work; sets $url and $nginx_pid. $nginx_connections, when set,
# sizes it for that many connections (the template holds 16,384).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx/tmp"
sed -e "s|@PORT@|$port|" -e "s|@PREFIX@|$work/nginx|g" "$root/bench/nginx.conf.in" > "$work/nginx.conf"
if [[ -n "${nginx_connections:-}" ]]; then
  sed -i -e "s/worker_connections [0-9]*/worker_connections $nginx_connections/" \
      -e "s/worker_rlimit_nofile [0-9]*/worker_rlimit_nofile $(ulimit -Hn)/" "$work/nginx.conf"
fi
taskset -c 1 nginx -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; rm -rf "$work"' EXIT
url=http://127.0.0.1:$port
for _ in $(seq 50); do curl -sf "$url/" >/dev/null && break; sleep 0.1; done
