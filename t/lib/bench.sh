#!/usr/bin/env bash
# `make bench`: throughput and p99 latency of the fiche page through nginx
# and the FastCGI workers, against nginx serving the same bytes as a static
# file, measured in the same run on the same machine (wrk on loopback,
# bounded in time). Prints ratios, never absolute promises.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=$ROOT/var/bench
PORT=${BENCH_PORT:-18089}
DURATION=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-32}
FICHE=/formations/cooperation-territoriale

cleanup() { "$ROOT/conf/stack.sh" stop "$VAR" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
rm -rf "$VAR"
mkdir -p "$VAR"
echo "workers = $(( $(nproc) * 2 ))" >"$VAR/formations.local.conf"
echo "log_file = /dev/null" >>"$VAR/formations.local.conf"
"$ROOT/conf/stack.sh" start "$VAR" "$PORT" demo
base=http://127.0.0.1:$PORT
curl -fsS "$base$FICHE" -o "$VAR/bench/fiche.html"

# wrk prints "Requests/sec: N" and, with --latency, "99% Xms|us|s".
measure() {
	local url=$1 out
	out=$(wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$url")
	local rps p99
	rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
	p99=$(awk '$1=="99%" {v=$2; u=v; gsub(/[0-9.]/,"",u); gsub(/[a-z]/,"",v);
		if (u=="us") v/=1000; else if (u=="s") v*=1000; print v}' <<<"$out")
	local errors
	errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
	[ -z "$errors" ] || echo "  warning: $errors" >&2
	echo "$rps $p99"
}

echo "Formations EGOC bench: $(nproc) cores, wrk -t2 -c$CONNS -d${DURATION}s, $(date -u +%FT%TZ)"
read -r static_rps static_p99 < <(measure "$base/bench/fiche.html")
read -r cached_rps cached_p99 < <(measure "$base$FICHE")
NGINX_CACHE=off "$ROOT/conf/stack.sh" nginx-reload "$VAR" "$PORT"
sleep 1
read -r fiche_rps fiche_p99 < <(measure "$base$FICHE")
row() { printf '%-46s %12.0f %12.2f %10.3f\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$static_rps" 'BEGIN { print a / b }')"; }
printf '%-46s %12s %12s %10s\n' "" "requests/s" "p99 (ms)" "ratio"
row "nginx, static copy of the fiche (reference)" "$static_rps" "$static_p99"
row "fiche, nginx page cache on (target >= 0.6)" "$cached_rps" "$cached_p99"
row "fiche, cache off: FastCGI + PostgreSQL (>= 0.12)" "$fiche_rps" "$fiche_p99"
