# Sourced by the benchmarks: nginx on a free 127.0.0.1 port pinned to CPU 1, serving until the
# script exits. Needs $root and $work; sets $url and $nginx_pid.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx/tmp"
sed -e "s|@PORT@|$port|" -e "s|@PREFIX@|$work/nginx|g" "$root/bench/nginx.conf.in" > "$work/nginx.conf"
taskset -c 1 nginx -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; rm -rf "$work"' EXIT
url=http://127.0.0.1:$port
for _ in $(seq 50); do curl -sf "$url/" >/dev/null && break; sleep 0.1; done
