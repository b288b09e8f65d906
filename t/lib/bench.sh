#!/usr/bin/env bash
# `make bench`: throughput and p99 latency of the fiche page through nginx
# and the FastCGI workers, against nginx serving the same bytes as a static
# file, measured in the same run on the same machine (wrk on loopback,
# bounded in time). Prints ratios, never absolute promises.
#
# BENCH_ONLY=sessions (or a comma-separated list of instructions, fiche,
# demands, dashboard, sessions, registrations, attendance, surveys) runs only those
# sections; all of them by default.
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
echo "workers = ${BENCH_WORKERS:-$(( $(nproc) * 2 ))}" >"$VAR/formations.local.conf"
"$ROOT/conf/stack.sh" start "$VAR" "$PORT" demo
base=http://127.0.0.1:$PORT
curl -fsS "$base$FICHE" -o "$VAR/bench/fiche.html"
section() { [ -z "${BENCH_ONLY:-}" ] || [[ ",${BENCH_ONLY// /,}," == *",$1,"* ]]; }

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
jar=$VAR/cookies.txt
psql_q() { "$ROOT/conf/stack.sh" psql "$VAR" -qAt -c "$1"; }
# Through standard input: psql runs as the postgres account, which may not
# read the checkout. The file stops at the first error itself.
load_sql() {   # $1: the file in t/lib, $2: what it loads
	echo "loading $2…"
	"$ROOT/conf/stack.sh" psql "$VAR" -q -v ON_ERROR_STOP=1 -f - <"$ROOT/t/lib/$1" \
		>"$VAR/log/${1%.sql}.log" 2>&1 || { cat "$VAR/log/${1%.sql}.log" >&2; exit 1; }
}
load_demands_in() {   # stack folder $1: up to $2 demands in all, three in ten open
	"$ROOT/conf/stack.sh" psql "$1" -qAt -c "INSERT INTO demand (reference, form_token, tracking_token, received_on, regime, due_on, status,
		course_id, custom_title, kind, last_name, first_name, email, organisation, participants, consent_at)
	SELECT 'D-' || (1900 + g / 99999) || '-' || lpad((g % 99999 + 1)::text, 5, '0'),
		'bench-form-' || g || '-xxxxxxxxxxxxxxxxxxxxxx', 'bench-tracking-' || g || '-xxxxxxxxxxxxxxxxxxxxxxxx',
		current_date - (g % 700)::int, CASE WHEN g % 3 = 0 THEN '1mois' ELSE '15j' END,
		current_date - (g % 700)::int + (15 + g % 17)::int,
		(ARRAY['recue','en_instruction','attente_demandeur','repondue','close','close','close','close','annulee','sans_suite'])[(g % 10 + 1)::int],
		NULL, 'Formation sur mesure', 'intra', 'Nom' || (g % 5000), 'Prénom', 'x@y.fr',
		'Organisme ' || (g % 3000), 1 + g % 30, now()
	FROM generate_series((SELECT count(*) FROM demand) + 1, $2) g
	ON CONFLICT DO NOTHING" >/dev/null
	# what autovacuum does to a live table soon after such a load: the
	# statistics, and the pending list of the GIN index of sql/0026 merged
	"$ROOT/conf/stack.sh" psql "$1" -qAt -c "VACUUM ANALYZE demand" >/dev/null
}
load_demands() { load_demands_in "$VAR" "$1"; }
logged_in=
login() {   # the demonstration admin's session cookie, in $jar
	[ -z "$logged_in" ] || return 0
	local admin_email admin_password page token
	read -r admin_email admin_password <"$VAR/demo-admin.txt"
	page=$(curl -fsS -b "$jar" -c "$jar" "$base/intranet/connexion")
	token=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
	curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "_csrf=$token" \
		--data-urlencode "email=$admin_email" --data-urlencode "motdepasse=$admin_password" "$base/intranet/connexion"
	logged_in=1
}
# With the login cookie nginx never answers from its page cache: every
# request reaches a worker, which logs "GET <path> 200 <microseconds>".
server_p50() {   # p50 in ms of the server time of $2 requests of path $1
	: >"$VAR/log/formations.log"
	for _ in $(seq 1 "$2"); do curl -fsS -o /dev/null -b "$jar" "$base$1"; done
	local logged
	logged=$(awk -v p="GET $1 200" 'index($0, p) == 1' "$VAR/log/formations.log" | wc -l)
	[ "$logged" -eq "$2" ] || echo "  warning: $logged worker log lines for $2 requests of $1" >&2
	awk -v p="GET $1 200" 'index($0, p) == 1 { print $NF }' "$VAR/log/formations.log" | sort -n |
		awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int((NR + 1) / 2)] / 1000; else print "?" }'
}

# --- instructions per request (callgrind), whatever the machine's load ------
# A second stack whose one worker runs under callgrind, the page cache off.
# The worker dumps its counts each time it enters FCGX_Accept_r, so each
# dump holds exactly one request: its accept, parameters, handler, render,
# response and log line (user-space instructions only; the kernel's and
# PostgreSQL's work are not counted). The first requests of each page are
# left out (connection, statements prepared, templates parsed).
if section instructions; then
CG=$ROOT/var/bench-callgrind
CG_N=${BENCH_CALLGRIND_REQUESTS:-40}
"$ROOT/conf/stack.sh" stop "$CG" >/dev/null 2>&1 || true
rm -rf "$CG"
mkdir -p "$CG/callgrind"
echo "workers = 1" >"$CG/formations.local.conf"
FORMATIONS_WRAPPER="valgrind --tool=callgrind --dump-before=FCGX_Accept_r --dump-instr=no
	--callgrind-out-file=$CG/callgrind/out.%p" NGINX_CACHE=off \
	"$ROOT/conf/stack.sh" start "$CG" $(( PORT + 1 )) demo >/dev/null
cg_base=http://127.0.0.1:$(( PORT + 1 ))
cg_jar=$CG/cookies.txt
cg_dumps() { ls "$CG/callgrind" | grep -c '^out\.[0-9]*\.[0-9]*$' || true; }
# instructions per request of CG_N requests made by "$@" (a curl command
# line without the address), after 5 that warm the worker up
cg_per_request() {
	local path=$1
	shift
	for _ in 1 2 3 4 5; do $cg_before; curl -sS -o /dev/null "$@" "$cg_base$path"; done
	local first
	for _ in $(seq 1 200); do first=$(cg_dumps); [ "$first" -ge "$cg_seen" ] && break; sleep 0.05; done
	for _ in $(seq 1 "$CG_N"); do $cg_before; curl -sS -o /dev/null "$@" "$cg_base$path"; done
	local want=$(( first + CG_N ))
	for _ in $(seq 1 400); do [ "$(cg_dumps)" -ge "$want" ] && break; sleep 0.05; done
	cg_seen=$want
	ls "$CG/callgrind" | awk -F. -v a="$first" -v b="$want" 'NF == 3 && $3 > a && $3 <= b' |
		while read -r f; do awk '/^summary:/ { print $2 }' "$CG/callgrind/$f"; done |
		awk -v n="$CG_N" '{ s += $1 } END { printf "%.0f", s / n }'
}
cg_seen=0
cg_before=:   # a command run before each request
# what a write to a course or a session does: the workers read again
cg_changed() { "$ROOT/conf/stack.sh" psql "$CG" -qAt -c "NOTIFY formations_public" >/dev/null; }
read -r cg_email cg_password <"$CG/demo-admin.txt"
cg_page=$(curl -fsS -b "$cg_jar" -c "$cg_jar" "$cg_base/intranet/connexion")
cg_token=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$cg_page" | head -n 1)
curl -fsS -o /dev/null -b "$cg_jar" -c "$cg_jar" --data-urlencode "_csrf=$cg_token" \
	--data-urlencode "email=$cg_email" --data-urlencode "motdepasse=$cg_password" "$cg_base/intranet/connexion"
cg_form=$(curl -fsS -b "$CG/anon.txt" -c "$CG/anon.txt" "$cg_base/demande")
cg_csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$cg_form" | head -n 1)
i_fiche=$(cg_per_request "$FICHE")
cg_before=cg_changed
i_fiche_read=$(cg_per_request "$FICHE")
cg_before=:
load_demands_in "$CG" 10000
"$ROOT/conf/stack.sh" psql "$CG" -q -v ON_ERROR_STOP=1 -f - <"$ROOT/t/lib/bench-sessions.sql" \
	>"$CG/log/bench-sessions.log" 2>&1 || { cat "$CG/log/bench-sessions.log" >&2; exit 1; }
for table in session slot slot_trainer registration; do
	"$ROOT/conf/stack.sh" psql "$CG" -qAt -c "VACUUM ANALYZE $table" >/dev/null
done
cg_month="/intranet/calendrier?vue=mois&date=$(date -d "$(date +%Y-%m-15) +3 months" +%Y-%m-15)"
i_dash=$(cg_per_request /intranet/demandes -b "$cg_jar")
i_refused=$(cg_per_request /demande -b "$CG/anon.txt" --data "_csrf=$cg_csrf&jeton=x&nom=Martin&prenom=Claire&email=claire.martin%40caf23.caf.fr&organisme=Caf&formation=cooperation-territoriale&type=intra&participants=12&message=Bench&consentement=oui")
CG_N=${BENCH_CALLGRIND_LARGE:-10}
i_month=$(cg_per_request "$cg_month" -b "$cg_jar")
i_list=$(cg_per_request /sessions -b "$cg_jar")
i_status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$CG/anon.txt" --data "_csrf=$cg_csrf&jeton=x" "$cg_base/demande")
"$ROOT/conf/stack.sh" stop "$CG" >/dev/null 2>&1 || true
echo
printf '%-62s %14s\n' "instructions per request (callgrind, one worker)" "instructions"
printf '%-62s %14s\n' "fiche, cache off, reads kept" "$i_fiche" \
	"fiche, cache off, first view after a change" "$i_fiche_read" \
	"dashboard, logged in (/intranet/demandes, 10,000 demands)" "$i_dash" \
	"refused POST /demande (malformed form token, $i_status)" "$i_refused" \
	"month view, 10,000 sessions (${cg_month#*date=})" "$i_month" \
	"/sessions, 10,000 sessions" "$i_list"
echo "  (the fiche: $FICHE, its reads kept by the worker, then read again after a notified change;" \
	"mean of ${BENCH_CALLGRIND_REQUESTS:-40} requests, $CG_N for the last two; the worker's user space only:" \
	"repeatable whatever the machine's load, unlike the ratios and times below)"
fi

if section fiche; then
read -r static_rps static_p99 < <(measure "$base/bench/fiche.html")
read -r cached_rps cached_p99 < <(measure "$base$FICHE")
NGINX_CACHE=off "$ROOT/conf/stack.sh" nginx-reload "$VAR" "$PORT"
sleep 1
read -r fiche_rps fiche_p99 < <(measure "$base$FICHE")
# The same with every view read from PostgreSQL (what a first view after a
# change costs): the workers started again with keep_public_reads = 0.
restart_stack() {   # and two seconds of the fiche, so that new workers and their backends are warm
	"$ROOT/conf/stack.sh" stop "$VAR" >/dev/null 2>&1
	NGINX_CACHE=$1 "$ROOT/conf/stack.sh" start "$VAR" "$PORT" >/dev/null
	wrk -t2 -c"$CONNS" -d2s "$base$FICHE" >/dev/null
}
echo "keep_public_reads = 0" >>"$VAR/formations.local.conf"
restart_stack off
read -r read_rps read_p99 < <(measure "$base$FICHE")
sed -i '/^keep_public_reads/d' "$VAR/formations.local.conf"
restart_stack on
row() { printf '%-46s %12.0f %12.2f %10.3f\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$static_rps" 'BEGIN { print a / b }')"; }
printf '%-46s %12s %12s %10s\n' "" "requests/s" "p99 (ms)" "ratio"
row "nginx, static copy of the fiche (reference)" "$static_rps" "$static_p99"
row "fiche, nginx page cache on (target >= 0.6)" "$cached_rps" "$cached_p99"
row "fiche, cache off, reads kept (>= 0.12)" "$fiche_rps" "$fiche_p99"
row "fiche, cache off, read at every view" "$read_rps" "$read_p99"
fi

# --- demands: accepted submissions per second, next to pgbench -----------
if section demands; then
NGINX_CACHE=on "$ROOT/conf/stack.sh" nginx-reload "$VAR" "$PORT"
page=$(curl -fsS -c "$jar" "$base/demande")
csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
cookie=$(awk '$6 == "egoc_csrf" { print "egoc_csrf=" $7 }' "$jar")
before=$(psql_q "SELECT count(*) FROM demand")
out=$(BENCH_COOKIE=$cookie BENCH_CSRF=$csrf wrk -t2 -c16 -d"${DURATION}s" -s "$ROOT/t/lib/bench-demand.lua" "$base")
after=$(psql_q "SELECT count(*) FROM demand")
mails=$(psql_q "SELECT count(*) FROM mail_outbox WHERE kind = 'accuse'")
unnumbered=$(psql_q "SELECT count(*) FROM demand WHERE reference IS NULL")
# The ceiling of the web layer on this machine: the same posts with a
# malformed form token, answered 400 by the worker without the database.
refused=$(BENCH_COOKIE=$cookie BENCH_CSRF=$csrf BENCH_REFUSED=1 wrk -t2 -c16 -d"${DURATION}s" \
	-s "$ROOT/t/lib/bench-demand.lua" "$base" | awk '/^Requests\/sec:/ { print $2 }')
"$ROOT/conf/stack.sh" pgbench "$VAR" -q -i -s 10 >/dev/null 2>&1
tps=$("$ROOT/conf/stack.sh" pgbench "$VAR" -c 8 -j 2 -T "$DURATION" 2>/dev/null |
	awk -F'= ' '/^tps/ { split($2, a, " "); print a[1]; exit }')
# A worker commits one demand at a time: pgbench with as many clients as
# there are workers has as many transactions in flight.
workers=$(awk -F' *= *' '$1 == "workers" { v = $2 } END { print v }' "$VAR/formations.local.conf")
tps_same=$("$ROOT/conf/stack.sh" pgbench "$VAR" -c "$workers" -j 2 -T "$DURATION" 2>/dev/null |
	awk -F'= ' '/^tps/ { split($2, a, " "); print a[1]; exit }')
echo
printf '%-46s %12s\n' "demand submissions (wrk -c16, POST /demande)" "per second"
awk -v n=$(( after - before )) -v d="$DURATION" 'BEGIN { printf "%-46s %12.0f\n", "committed demands (target >= 2000)", n / d }'
printf '%-46s %12s\n' "pgbench TPC-B-like on the same cluster (tps)" "${tps:-?}" \
	"pgbench, as many clients as workers ($workers)" "${tps_same:-?}"
printf '%-46s %12.0f\n' "web layer alone: posts refused, no database" "${refused:-0}"
awk -v n=$(( after - before )) -v d="$DURATION" -v t="${tps:-0}" -v s="${tps_same:-0}" -v w="${refused:-0}" \
	-v st="${static_rps:-0}" 'BEGIN {
	if (t > 0) printf "%-46s %12.2f\n", "ratio committed / pgbench (target >= 0.8)", n / d / t
	if (s > 0) printf "%-46s %12.2f\n", "ratio committed / pgbench, as many clients", n / d / s
	if (w > 0) printf "%-46s %12.2f\n", "ratio committed / web layer alone", n / d / w
	if (w > 0 && st > 0) printf "%-46s %12.2f\n", "ratio web layer alone / static (>= 0.30)", w / st }'
echo "  ($(( after - before )) demands committed, acknowledgements queued for $mails," \
	"$unnumbered left for the next numbering, $(grep -c . <<<"$out") lines of wrk output)"
fi

# --- the dashboard at 10,000 and at 1,000,000 demands ----------------------
if section dashboard; then
login
dash=/intranet/demandes
filtered='/intranet/demandes?regime=1mois&organisme=organisme+12'
load_demands 10000
d10=$(server_p50 "$dash" 200); f10=$(server_p50 "$filtered" 200)
echo
echo "loading 1,000,000 demands (300,000 open: three states in ten)…"
load_demands 1000000
d1m=$(server_p50 "$dash" 200); f1m=$(server_p50 "$filtered" 200)
printf '%-46s %12s %12s %8s\n' "dashboard, server time p50 (ms)" "10,000" "1,000,000" "ratio"
for row in "first page:$d10:$d1m" "filtered page:$f10:$f1m"; do
	IFS=: read -r name a b <<<"$row"
	awk -v n="$name" -v a="$a" -v b="$b" 'BEGIN { printf "%-46s %12s %12s %8.2f\n", n " (target < 20 ms, ratio <= 2)", a, b, (a > 0 ? b / a : 0) }'
done
fi

# --- sessions: the month view, /sessions and the public feed ---------------
# t/lib/bench-sessions.sql loads 10,000 sessions and 60,000 slots over the
# two past years and the five coming ones; the month view shows a month
# three months ahead, in the thick of them.
if section sessions; then
login
echo
load_sql bench-sessions.sql "10,000 sessions and 60,000 slots"
# Vacuumed now, as autovacuum would soon do, rather than during the
# measurement on the same cores.
for table in session slot slot_trainer registration; do psql_q "VACUUM $table" >/dev/null; done
n_sessions=$(psql_q "SELECT count(*) FROM session")
n_slots=$(psql_q "SELECT count(*) FROM slot")
month=$(date -d "$(date +%Y-%m-15) +3 months" +%Y-%m-15)
month_view="/intranet/calendrier?vue=mois&date=$month"
size_of() { curl -fsS -b "$jar" -o "$VAR/bench/$2" -w '%{size_download}' "$base$1"; }
month_bytes=$(size_of "$month_view" month.html)
list_bytes=$(size_of /sessions sessions.html)
feed_bytes=$(size_of /sessions.ics sessions.ics)
vevents=$(grep -c '^BEGIN:VEVENT' "$VAR/bench/sessions.ics" || true)
month_p50=$(server_p50 "$month_view" 100)
list_p50=$(server_p50 /sessions 100)
feed_p50=$(server_p50 /sessions.ics 50)
printf '%-62s %10s %10s\n' "sessions (10,000 sessions, 60,000 slots), server time p50 (ms)" "" "bytes"
printf '%-62s %10s %10s\n' "month view ${month%-*} (target < 20)" "$month_p50" "$month_bytes" \
	"/sessions (target < 20)" "$list_p50" "$list_bytes" \
	"/sessions.ics 12 months (target < 100)" "$feed_p50" "$feed_bytes"
echo "  ($n_sessions sessions and $n_slots slots in all, $vevents VEVENTs in the feed)"
fi

# --- registrations: the session page of 40, confirming 40, the J-2 reminders --
# t/lib/bench-registrations.sql, after bench-sessions.sql (loaded here when
# the sessions section did not run), brings the database to 100,000
# participants and 120,000 registrations, with a confirmed session of 40,
# five envisaged sessions of 40 to confirm, and at least nine confirmed
# sessions starting the day after tomorrow. Ratios: to the fiche's server
# time for the page; to pgbench's latency with one client (a TPC-B-like
# transaction of five statements) for each convocation queued.
if section registrations; then
login
echo
if [ "$(psql_q "SELECT count(*) FROM place WHERE name = 'Lieu bench 1'")" = 0 ]; then
	load_sql bench-sessions.sql "10,000 sessions and 60,000 slots"
fi
load_sql bench-registrations.sql "100,000 participants and 120,000 registrations"
n_people=$(psql_q "SELECT count(*) FROM participant")
n_regs=$(psql_q "SELECT count(*) FROM registration")
n_sessions=$(psql_q "SELECT count(*) FROM session")
page_id=$(psql_q "SELECT id FROM session WHERE notes = 'Session de 40 inscrits (banc d''essai).'")
page="/intranet/sessions/$page_id"
page_bytes=$(curl -fsS -b "$jar" -o "$VAR/bench/session-40.html" -w '%{size_download}' "$base$page")
page_p50=$(server_p50 "$page" 100)
fiche_p50=$(server_p50 "$FICHE" 100)

# Confirming: the form's token from the page, then the POST, whose log
# line gives the server time; 40 convocations queued each time.
: >"$VAR/log/formations.log"
queued=
for sid in $(psql_q "SELECT id FROM session WHERE notes = 'Session de 40 à confirmer (banc d''essai).' ORDER BY id"); do
	form=$(curl -fsS -b "$jar" "$base/intranet/sessions/$sid")
	csrf=$(sed -n '/name="_csrf"/ { s/.*name="_csrf" value="\([^"]*\)".*/\1/p; q }' <<<"$form")
	before=$(psql_q "SELECT count(*) FROM mail_outbox WHERE kind = 'convocation'")
	status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" --data-urlencode "_csrf=$csrf" \
		--data-urlencode action=statut --data-urlencode statut=confirmee --data-urlencode raison= \
		"$base/intranet/sessions/$sid")
	after=$(psql_q "SELECT count(*) FROM mail_outbox WHERE kind = 'convocation'")
	[ "$status" = 303 ] || echo "  warning: confirming session $sid answered $status" >&2
	[ $(( after - before )) -eq 40 ] || echo "  warning: session $sid queued $(( after - before )) convocations, not 40" >&2
	queued="$queued${queued:+,}$(( after - before ))"
done
confirm_p50=$(awk '$1 == "POST" && $2 ~ /^\/intranet\/sessions\/[0-9]+$/ && $3 == 303 { print $NF }' \
	"$VAR/log/formations.log" | sort -n |
	awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int((NR + 1) / 2)] / 1000; else print "?" }')

# `formations remind`: the dashboard's synthetic demands (200,000 open and
# overdue if that section ran) would each get their daily warnings; they
# are closed first (and the table vacuumed, as autovacuum soon would), so
# that the runs measure the year of sessions.
set_aside=$(psql_q "WITH u AS (UPDATE demand SET status = 'close' WHERE reference LIKE 'D-19%'
	AND status IN ('recue', 'en_instruction') RETURNING 1) SELECT count(*) FROM u")
[ "$set_aside" = 0 ] || psql_q "VACUUM ANALYZE demand" >/dev/null
due=$(psql_q "SELECT count(*) FROM session se JOIN registration r ON r.session_id = se.id
	AND r.status = 'confirmee' WHERE se.status = 'confirmee'
	AND se.first_day = (now() AT TIME ZONE 'Europe/Paris')::date + 2")
remind_ms=() remind_out=()
for _ in 1 2 3; do
	t0=$(date +%s%N)
	out=$("$ROOT/cgi-bin/formations" -c "$VAR/formations.conf" remind) ||
		echo "  warning: formations remind failed: $out" >&2
	t1=$(date +%s%N)
	remind_ms+=("$(( (t1 - t0) / 1000000 ))")
	remind_out+=("$(awk '/convocation reminders/ { print $2 }' <<<"$out")")
done
remind_p50=$(printf '%s\n' "${remind_ms[@]}" | sort -n | sed -n 2p)

"$ROOT/conf/stack.sh" pgbench "$VAR" -q -i -s 10 >/dev/null 2>&1
latency=$("$ROOT/conf/stack.sh" pgbench "$VAR" -c 1 -j 1 -T "$DURATION" 2>/dev/null |
	awk -F'= ' '/^latency average/ { split($2, a, " "); print a[1]; exit }')
echo
printf '%-62s %9s %8s %8s\n' "registrations ($n_people people, $n_regs registrations)" "ms" "target" "ratio"
awk -v page="$page_p50" -v fiche="$fiche_p50" -v confirm="$confirm_p50" -v remind="$remind_p50" \
	-v first="${remind_ms[0]}" -v n="${remind_out[0]}" -v lat="${latency:-0}" 'BEGIN {
	row = "%-62s %9s %8s %8.2f\n"
	printf row, "session page of 40, server time p50 (/ fiche p50)", page, "< 10", (fiche > 0 ? page / fiche : 0)
	printf row, "confirming 40, server time p50 of 5 (/ 40 pgbench latencies)", confirm, "< 300",
		(lat > 0 ? confirm / 40 / lat : 0)
	printf row, "formations remind, first run: " n " reminders (/ " n " pgbench lat.)", first, "< 2000",
		(lat > 0 && n > 0 ? first / n / lat : 0)
	printf row, "formations remind, wall time p50 of 3 runs (/ first run)", remind, "< 2000",
		(first > 0 ? remind / first : 0) }'
echo "  (page of 40: $page_bytes bytes; fiche p50 $fiche_p50 ms; pgbench TPC-B-like latency ${latency:-?} ms," \
	"one client; convocations queued by each confirmation: $queued; remind runs ${remind_ms[0]}," \
	"${remind_ms[1]}, ${remind_ms[2]} ms queuing ${remind_out[0]}, ${remind_out[1]}, ${remind_out[2]}" \
	"reminders for $due confirmed registrations due; $n_sessions sessions in all;" \
	"$set_aside synthetic open demands closed first)"
fi

# --- attendance and attestations: a 3-day session of 40 -------------------
# t/lib/bench-attendance.sql: a session of three full days of last week
# with 40 confirmed people, and one with a half-day around now. The marks
# and certifications of the first go through the trainer's form (so that
# they are chained as always); then its file of six sheets is rendered,
# and its 40 certificates issued by the command line; the participants of
# the second sign with the code of the moment, and the verification page
# is read for a genuine code and a made-up one.
if section attendance; then
login
echo
load_sql bench-attendance.sql "two sessions of 40 (attendance)"
three=$(psql_q "SELECT id FROM session WHERE notes = 'Session de 3 jours, 40 présents (banc d''essai).' ORDER BY id DESC LIMIT 1")
now_sid=$(psql_q "SELECT id FROM session WHERE notes = 'Session en cours, 40 signatures (banc d''essai).' ORDER BY id DESC LIMIT 1")
halfdays=$(psql_q "SELECT string_agg(id || '-matin ' || id || '-apres_midi', ' ' ORDER BY day) FROM slot WHERE session_id = $three")
regs=$(psql_q "SELECT string_agg(id::text, ' ' ORDER BY id) FROM registration WHERE session_id = $three")
form=$(curl -fsS -b "$jar" "$base/intranet/sessions/$three")
csrf=$(sed -n '/name="_csrf"/ { s/.*name="_csrf" value="\([^"]*\)".*/\1/p; q }' <<<"$form")
post_mark() {   # $1 half-day, then form fields
	local hd=$1
	shift
	local args=() f
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	curl -sS -o /dev/null -w '%{http_code}\n' -b "$jar" --data-urlencode "_csrf=$csrf" "${args[@]}" \
		"$base/intranet/presence/$hd"
}
marks=0 bad=0
for hd in $halfdays; do
	i=0
	for reg in $regs; do
		i=$(( i + 1 ))
		action=present
		# absent from the first half-day only: every one of the 40 has minutes
		[ $(( i % 10 )) -ne 0 ] || [ "$hd" != "${halfdays%% *}" ] || action=absent
		[ $(( i % 4 )) -ne 0 ] || action=papier
		[ "$(post_mark "$hd" "action=$action" "inscription=$reg")" = 303 ] || bad=$(( bad + 1 ))
		marks=$(( marks + 1 ))
		if [ $(( i % 13 )) -eq 0 ]; then
			[ "$(post_mark "$hd" action=retard "inscription=$reg" minutes=25)" = 303 ] || bad=$(( bad + 1 ))
		fi
	done
	[ "$(post_mark "$hd" action=certifier)" = 303 ] || bad=$(( bad + 1 ))
done
[ "$bad" = 0 ] || echo "  warning: $bad marks refused" >&2
sheets_p50=$(server_p50 "/intranet/sessions/$three/emargement.pdf" 20)
curl -fsS -b "$jar" -o "$VAR/bench/session-sheets.pdf" "$base/intranet/sessions/$three/emargement.pdf"
sheet_pages=$(pdfinfo "$VAR/bench/session-sheets.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
psql_q "UPDATE session SET status = 'realisee' WHERE id = $three" >/dev/null
t0=$(date +%s%N)
issued=$("$ROOT/cgi-bin/formations" -c "$VAR/formations.conf" certificates issue "$three") ||
	echo "  warning: certificates issue failed: $issued" >&2
t1=$(date +%s%N)
issue_ms=$(( (t1 - t0) / 1000000 ))
code=$(psql_q "SELECT code FROM certificate WHERE session_id = $three ORDER BY id LIMIT 1")
verify_p50=$(server_p50 "/attestations/$code" 100)
: >"$VAR/log/formations.log"
for _ in $(seq 1 100); do curl -sS -o /dev/null -b "$jar" "$base/attestations/AAAA-BBBB-CCCC-DDDD"; done
unknown_p50=$(awk '$1 == "GET" && $2 == "/attestations/AAAA-BBBB-CCCC-DDDD" { print $NF }' "$VAR/log/formations.log" |
	sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int((NR + 1) / 2)] / 1000; else print "?" }')

# The signatures: each participant's page (its own cookie jar), then the POST.
hd_now=$(psql_q "SELECT id || '-matin' FROM slot WHERE session_id = $now_sid")
: >"$VAR/log/formations.log"
signed=0
for token in $(psql_q "SELECT token FROM registration WHERE session_id = $now_sid ORDER BY id"); do
	pjar=$VAR/participant.jar
	rm -f "$pjar"
	page=$(curl -fsS -b "$pjar" -c "$pjar" "$base/participant/$token")
	pcsrf=$(sed -n '/name="_csrf"/ { s/.*name="_csrf" value="\([^"]*\)".*/\1/p; q }' <<<"$page")
	code_now=$("$ROOT/cgi-bin/formations" -c "$VAR/formations.conf" attendance code "$hd_now")
	st=$(curl -sS -o /dev/null -w '%{http_code}' -b "$pjar" -A "bench-$token" --data-urlencode "_csrf=$pcsrf" \
		--data-urlencode "demi=$hd_now" --data-urlencode "code=$code_now" "$base/participant/$token/emargement")
	[ "$st" != 303 ] || signed=$(( signed + 1 ))
done
sign_p50=$(awk '$1 == "POST" && $2 ~ /^\/participant\/[^\/]+\/emargement$/ && $3 == 303 { print $NF }' \
	"$VAR/log/formations.log" | sort -n |
	awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int((NR + 1) / 2)] / 1000; else print "?" }')
n_att=$(psql_q "SELECT count(*) FROM certificate WHERE session_id = $three")
printf '%-62s %9s %8s\n' "attendance and attestations (sessions of 40)" "ms" "target"
printf '%-62s %9s %8s\n' "session file, 6 sheets x 40 rows, server time p50 of 20" "$sheets_p50" "< 300" \
	"issuing the 40 attestations (formations certificates issue)" "$issue_ms" "< 2000" \
	"signature POST, server time p50 of $signed" "$sign_p50" "< 5" \
	"verification page, genuine code, server time p50 of 100" "$verify_p50" "< 5" \
	"verification page, made-up code, server time p50 of 100" "$unknown_p50" "< 5"
echo "  ($marks marks and 6 certifications posted, $bad refused; the file has ${sheet_pages:-?} pages;" \
	"$n_att attestations in the session; $issued)"
fi

# --- evaluations: results of a course, the fiche with its rate, remind -------
# t/lib/bench-surveys.sql, after bench-sessions.sql (loaded here when no
# section before loaded it), brings every confirmed or past bench session
# to 8 registrations with their amont, chaud and froid questionnaires all
# answered: about 200,000 answer sets over the 10,000 sessions. Measured:
# the server time (p50) of the results of the fiche's course and of the
# Qualiopi figures; the fiche, its rate counted from those answers, through
# the page cache against the static copy (the fiche section's reference);
# `formations remind` over the year of questionnaires, its first run (the
# day's openings, reminders and closings) and its second (nothing left).
if section surveys; then
login
echo
if [ "$(psql_q "SELECT count(*) FROM place WHERE name = 'Lieu bench 1'")" = 0 ]; then
	load_sql bench-sessions.sql "10,000 sessions and 60,000 slots"
fi
load_sql bench-surveys.sql "about 200,000 answer sets"
for table in participant registration survey survey_answer_set survey_answer; do
	psql_q "VACUUM $table" >/dev/null
done
n_sets=$(psql_q "SELECT count(*) FROM survey_answer_set")
n_answers=$(psql_q "SELECT count(*) FROM survey_answer")
n_sessions=$(psql_q "SELECT count(*) FROM session")
course_id=$(psql_q "SELECT id FROM course WHERE slug = '${FICHE##*/}'")
course_sets=$(psql_q "SELECT count(*) FROM survey_answer_set st JOIN survey y ON y.id = st.survey_id
	JOIN session se ON se.id = y.session_id WHERE se.course_id = $course_id AND se.status <> 'annulee'")
results="/intranet/evaluations?formation=$course_id"
# The first reading counts the stale tallies again (the load left them all so).
curl -fsS -o /dev/null -b "$jar" "$base$results"
curl -fsS -o /dev/null -b "$jar" "$base/intranet/qualite"
results_p50=$(server_p50 "$results" 50)
quality_p50=$(server_p50 /intranet/qualite 50)
fiche_p50=$(server_p50 "$FICHE" 50)
NGINX_CACHE=on "$ROOT/conf/stack.sh" nginx-reload "$VAR" "$PORT"
sleep 1
curl -fsS -o "$VAR/bench/fiche-rate.html" "$base$FICHE"
rate=$(sed -n 's/.*<dd class="satisfaction">\([^<]*\)<.*/\1/p' "$VAR/bench/fiche-rate.html" | head -n 1)
cp "$VAR/bench/fiche-rate.html" "$VAR/bench/fiche-static.html"
read -r s_static_rps s_static_p99 < <(measure "$base/bench/fiche-static.html")
read -r s_cached_rps s_cached_p99 < <(measure "$base$FICHE")
remind_ms=() remind_out=()
for _ in 1 2; do
	t0=$(date +%s%N)
	out=$("$ROOT/cgi-bin/formations" -c "$VAR/formations.conf" remind) ||
		echo "  warning: formations remind failed: $out" >&2
	t1=$(date +%s%N)
	remind_ms+=("$(( (t1 - t0) / 1000000 ))")
	remind_out+=("$(sed -n 's/^questionnaires: //p' <<<"$out")")
done
echo
printf '%-62s %9s %8s %8s\n' "evaluations ($n_sets answer sets, $n_sessions sessions)" "ms" "target" "ratio"
awk -v r="$results_p50" -v q="$quality_p50" -v f="$fiche_p50" -v first="${remind_ms[0]}" \
	-v second="${remind_ms[1]}" -v sr="$s_static_rps" -v cr="$s_cached_rps" -v cs="$course_sets" 'BEGIN {
	row = "%-62s %9s %8s %8.2f\n"
	printf row, "results of a course (" cs " answer sets), server p50 (/ fiche p50)", r, "< 20", (f > 0 ? r / f : 0)
	printf row, "Qualiopi figures (/intranet/qualite), server p50 (/ fiche)", q, "", (f > 0 ? q / f : 0)
	printf "%-62s %9s %8s %8.3f\n", "fiche with its rate, page cache: requests/s (/ static)", sprintf("%.0f", cr), ">= 0.6",
		(sr > 0 ? cr / sr : 0)
	printf row, "formations remind over the year, first run (/ second)", first, "< 2000", (second > 0 ? first / second : 0)
	printf row, "formations remind, second run", second, "< 2000", 1 }'
echo "  ($n_answers answers; fiche p50 $fiche_p50 ms, cache off; static copy ${s_static_rps} requests/s," \
	"p99 ${s_static_p99} ms, cached p99 ${s_cached_p99} ms; the fiche says: ${rate:-no rate};" \
	"remind: ${remind_out[0]:-?}; then ${remind_out[1]:-?})"
fi
