#!/usr/bin/env bash
# The development and test stack, all under one folder of the checkout:
# a private PostgreSQL cluster (Unix socket only, nothing of the system's
# configuration touched), the FastCGI server and nginx.
#
#   conf/stack.sh start VARDIR HTTP_PORT [demo]   create if needed, start
#   conf/stack.sh stop VARDIR                      stop what start started
#   conf/stack.sh pg-restart VARDIR                restart PostgreSQL only
#   conf/stack.sh psql VARDIR [ARGS]               psql as the owner
#
# `make run` and the tests use it; they run side by side in different
# folders and ports. The pieces of several hosts (README, "Scaling out";
# t/99-several-hosts.t runs each inside its own network namespace):
#
#   conf/stack.sh db-init VARDIR LISTEN            a database host's primary: a new
#                                                  cluster with conf/postgresql-replication.conf
#                                                  and conf/pg_hba-replication.conf, started,
#                                                  migrated; VARDIR/formations.conf reaches it
#                                                  by its socket
#   conf/stack.sh db-dirs VARDIR                   the empty folders of a standby
#                                                  (conf/pg-replica.sh standby fills them)
#   conf/stack.sh db-start VARDIR LISTEN           start a database host's cluster
#   conf/stack.sh db-stop VARDIR [fast|immediate]  stop it
#   conf/stack.sh psql-super VARDIR [ARGS]         psql as the superuser
#   conf/stack.sh app-start VARDIR LISTEN BASE_URL an application host: the FastCGI
#                                                  server and nginx on LISTEN (host:port);
#                                                  db and the rest in VARDIR/formations.local.conf
#   conf/stack.sh front-start VARDIR LISTEN APP1 APP2
#                                                  the front nginx (conf/nginx-front.conf.in)
#                                                  over two application hosts
#
# `stop VARDIR` stops what any of them started in VARDIR.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

die() { echo "stack: $*" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, the cluster belongs to the
# 'postgres' account. When that account cannot reach the checkout (a home
# folder with mode 0700), the data lives in /var/tmp and var/ links to it.
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_dirs() {
	local var=$1
	PGDATA=$var/pg
	PGSOCK=$var/run/pg
	if [ "$(id -u)" = 0 ] && [ ! -e "$PGDATA" ]; then
		mkdir -p "$var/run"
		if ! runuser -u postgres -- test -x "$var/run" 2>/dev/null ||
		   ! runuser -u postgres -- test -x "$ROOT" 2>/dev/null; then
			local side
			side=/var/tmp/formations-$(echo "$var" | md5sum | cut -c1-12)
			mkdir -p "$side/pg" "$side/sock"
			chown postgres: "$side" "$side/pg" "$side/sock"
			ln -sfn "$side/pg" "$PGDATA"
			ln -sfn "$side/sock" "$PGSOCK"
		fi
	fi
	if [ -L "$PGSOCK" ]; then PGSOCK=$(readlink "$PGSOCK"); fi
}

pg_conninfo() { echo "host=$PGSOCK port=5432 dbname=formations user=$1"; }

pg_init() {
	local var=$1
	mkdir -p "$PGDATA" "$PGSOCK"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDATA" "$PGSOCK"; fi
	chmod 700 "$PGDATA"
	as_pg "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 \
		--locale=C.UTF-8 >"$var/log/initdb.log" 2>&1 || die "initdb failed, see $var/log/initdb.log"
	cat >>"$PGDATA/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$PGSOCK'
port = 5432
max_connections = 200
shared_buffers = 256MB
fsync = on
synchronous_commit = on
timezone = 'Europe/Paris'
log_min_messages = warning
# Our queries are short: JIT compilation would cost more than it saves.
jit = off
CONF
}

# The socket (and the TCP address, empty for none) are given at start
# rather than in postgresql.conf: a standby's configuration is a copy of
# its primary's.
pg_start() {
	local var=$1 listen=${2:-}
	touch "$var/log/postgresql.log"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$var/log/postgresql.log"; fi
	as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$var/log/postgresql.log" -w -t 60 \
		-o "-c unix_socket_directories='$PGSOCK' -c listen_addresses='$listen'" start >/dev/null ||
		die "PostgreSQL did not start, see $var/log/postgresql.log"
}

pg_stop() {
	[ -d "$PGDATA" ] || return 0
	as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m "${1:-fast}" -w -t 60 stop >/dev/null 2>&1 || true
}

pg_create_roles() {
	as_pg "$PGBIN/psql" -h "$PGSOCK" -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
CREATE ROLE formations_owner LOGIN;
CREATE ROLE formations_app LOGIN;
CREATE DATABASE formations OWNER formations_owner ENCODING 'UTF8' TEMPLATE template0;
SQL
	as_pg "$PGBIN/psql" -h "$PGSOCK" -U postgres -d formations -qAt -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE formations FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE formations TO formations_app;
CREATE EXTENSION IF NOT EXISTS unaccent;
SQL
}

# The settings of VARDIR, base_url given; with a PostgreSQL in VARDIR
# (third argument "db"), db and db_owner reach it by its socket.
write_conf() {
	local var=$1
	{
		cat "$ROOT/conf/formations.conf"
		echo
		echo "# Written by conf/stack.sh for $var"
		if [ "${3:-}" = db ]; then
			echo "db = $(pg_conninfo formations_app)"
			echo "db_owner = $(pg_conninfo formations_owner)"
		fi
		echo "socket = $var/run/formations.sock"
		echo "base_url = $2"
		echo "log_file = $var/log/formations.log"
		echo "templates = $ROOT/templates"
		echo "sql_dir = $ROOT/sql"
		if [ -f "$var/formations.local.conf" ]; then cat "$var/formations.local.conf"; fi
	} >"$var/formations.conf"
}

# The demonstration admin: a random password, kept in the folder so that
# every `make run` can print it.
demo_admin() {
	local var=$1 password
	password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
	printf '%s\n' "$password" |
		"$ROOT/cgi-bin/formations" -c "$var/formations.conf" user add admin@egoc.example \
			--role admin --name "Administrateur de démonstration" >/dev/null ||
		die "could not create the demonstration admin"
	printf 'admin@egoc.example %s\n' "$password" >"$var/demo-admin.txt"
	chmod 600 "$var/demo-admin.txt"
}

app_start() {
	local var=$1
	rm -f "$var/run/formations.sock"
	# FORMATIONS_WRAPPER runs the server under a tool (valgrind in the tests).
	${FORMATIONS_WRAPPER:-} "$ROOT/cgi-bin/formations" -c "$var/formations.conf" serve \
		>>"$var/log/formations.log" 2>&1 &
	echo $! >"$var/run/formations.pid"
	for _ in $(seq 1 400); do
		[ -S "$var/run/formations.sock" ] && return 0
		sleep 0.05
	done
	die "the FastCGI server did not start, see $var/log/formations.log"
}

# nginx.conf of VARDIR, listening on 127.0.0.1:PORT, or on LISTEN
# (host:port) when given.
nginx_conf() {
	local var=$1 port=$2 listen=${3:-127.0.0.1:$2} body user
	body=$(awk -F' *= *' '$1=="body_max"{v=$2} END{print v+65536}' "$var/formations.conf")
	user=$(id -un)
	mkdir -p "$var/nginx" "$var/bench"
	sed -e "s|@VAR@|$var|g" -e "s|@ROOT@|$ROOT|g" -e "s|@LISTEN@|$listen|g" \
	    -e "s|@SOCKET@|$var/run/formations.sock|g" -e "s|@USER@|$user|g" \
	    -e "s|@NGINX_BODY_MAX@|$body|g" -e "s|@NGINX_WORKERS@|${NGINX_WORKERS:-auto}|g" \
	    -e "s|@ACCESS_LOG@|${NGINX_ACCESS_LOG:-off}|g" \
	    -e "s|@CACHE@|$( [ "${NGINX_CACHE:-on}" = off ] && echo '# ' )|g" \
	    "$ROOT/conf/nginx.conf.in" >"$var/nginx.conf"
	real_ip_conf "$var"
}

# trusted_proxies of formations.conf (the last line wins; the application
# checked each address at migrate) as nginx's real_ip directives.
real_ip_conf() {
	local var=$1 proxies p
	proxies=$(awk -F' *= *' '$1=="trusted_proxies"{v=$2} END{print v}' "$var/formations.conf")
	{
		echo "# Written by conf/stack.sh from trusted_proxies."
		for p in $(echo "$proxies" | tr ',' ' '); do
			[[ $p =~ ^[0-9A-Fa-f:./]+$ ]] || die "trusted_proxies: bad address $p"
			echo "set_real_ip_from $p;"
		done
		if [ -n "${proxies// /}" ]; then
			echo "real_ip_header X-Forwarded-For;"
			echo "real_ip_recursive on;"
		fi
	} >"$var/nginx-real-ip.conf"
}

nginx_start() {
	local var=$1
	/usr/sbin/nginx -p "$var/nginx" -c "$var/nginx.conf" -e "$var/log/nginx-error.log" ||
		die "nginx did not start, see $var/log/nginx-error.log"
}

stop_pidfile() {
	local file=$1 pid
	[ -f "$file" ] || return 0
	pid=$(cat "$file")
	if kill -TERM "$pid" 2>/dev/null; then
		for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$file"
}

cmd_start() {
	local var=$1 port=$2 demo=${3:-}
	mkdir -p "$var/run" "$var/log"
	var=$(cd "$var" && pwd)
	pg_dirs "$var"
	local fresh=
	if [ ! -f "$PGDATA/PG_VERSION" ]; then pg_init "$var"; fresh=1; fi
	pg_start "$var"
	if [ -n "$fresh" ]; then pg_create_roles; fi
	write_conf "$var" "http://127.0.0.1:$port" db
	migrate "$var"
	if [ -n "$fresh" ] && [ "$demo" = demo ]; then
		"$ROOT/cgi-bin/formations" -c "$var/formations.conf" load "$ROOT/sql/demo.sql" ||
			die "demonstration data failed to load"
		demo_admin "$var"
		"$ROOT/cgi-bin/formations" -c "$var/formations.conf" attendance demo >/dev/null ||
			die "demonstration attendance failed"
	fi
	app_start "$var"
	nginx_conf "$var" "$port"
	nginx_start "$var"
}

migrate() {
	"$ROOT/cgi-bin/formations" -c "$1/formations.conf" migrate >"$1/log/migrate.log" 2>&1 ||
		die "migrations failed, see $1/log/migrate.log"
}

# A database host's first primary: the cluster of cmd_start with the
# replication settings and the private network's pg_hba lines, listening
# on LISTEN, migrated.
cmd_db_init() {
	local var=$1 listen=$2
	mkdir -p "$var/run" "$var/log"
	var=$(cd "$var" && pwd)
	pg_dirs "$var"
	[ ! -f "$PGDATA/PG_VERSION" ] || die "$var holds a cluster already"
	pg_init "$var"
	# The host's own addresses come at start only (pg_start): its standby
	# copies this file, and a reload would find the file saying otherwise.
	sed -i -e '/^listen_addresses = /d' -e '/^unix_socket_directories = /d' "$PGDATA/postgresql.conf"
	cp "$ROOT/conf/postgresql-replication.conf" "$PGDATA/replication.conf"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDATA/replication.conf"; fi
	echo "include 'replication.conf'" >>"$PGDATA/postgresql.conf"
	cat "$ROOT/conf/pg_hba-replication.conf" >>"$PGDATA/pg_hba.conf"
	# Alone until it has a standby (conf/pg-replica.sh synchronous), as
	# ALTER SYSTEM would write it: a synchronous commit would wait forever.
	echo "synchronous_standby_names = ''" >>"$PGDATA/postgresql.auto.conf"
	pg_start "$var" "$listen"
	pg_create_roles
	write_conf "$var" "http://127.0.0.1" db
	migrate "$var"
}

# The empty folders of a standby, for the postgres account.
cmd_db_dirs() {
	local var=$1
	mkdir -p "$var/run" "$var/log"
	var=$(cd "$var" && pwd)
	pg_dirs "$var"
	mkdir -p "$PGDATA" "$PGSOCK"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDATA" "$PGSOCK"; fi
	chmod 700 "$PGDATA"
	echo "$PGDATA $PGSOCK"
}

# An application host: its settings (the database and the rest in
# VARDIR/formations.local.conf), the FastCGI server, nginx on LISTEN.
cmd_app_start() {
	local var=$1 listen=$2 base=$3
	mkdir -p "$var/run" "$var/log"
	var=$(cd "$var" && pwd)
	write_conf "$var" "$base"
	app_start "$var"
	nginx_conf "$var" 0 "$listen"
	nginx_start "$var"
}

cmd_front_start() {
	local var=$1 listen=$2 app1=$3 app2=$4
	mkdir -p "$var/run" "$var/log" "$var/nginx"
	var=$(cd "$var" && pwd)
	sed -e "s|@VAR@|$var|g" -e "s|@ROOT@|$ROOT|g" -e "s|@LISTEN@|$listen|g" \
	    -e "s|@APP1@|$app1|g" -e "s|@APP2@|$app2|g" -e "s|@USER@|$(id -un)|g" \
	    -e "s|@NGINX_WORKERS@|${NGINX_WORKERS:-auto}|g" -e "s|@ACCESS_LOG@|${NGINX_ACCESS_LOG:-off}|g" \
	    "$ROOT/conf/nginx-front.conf.in" >"$var/nginx.conf"
	nginx_start "$var"
}

cmd_stop() {
	local var=$1
	[ -d "$var" ] || return 0
	var=$(cd "$var" && pwd)
	pg_dirs "$var"
	stop_pidfile "$var/run/nginx.pid"
	stop_pidfile "$var/run/formations.pid"
	pg_stop
}

case "${1:-}" in
start) [ $# -ge 3 ] || die "usage: start VARDIR PORT [demo]"; cmd_start "$2" "$3" "${4:-}" ;;
stop) [ $# -ge 2 ] || die "usage: stop VARDIR"; cmd_stop "$2" ;;
pg-restart)
	var=$(cd "$2" && pwd); pg_dirs "$var"; pg_stop; pg_start "$var" ;;
pg-stop) var=$(cd "$2" && pwd); pg_dirs "$var"; pg_stop ;;
pg-start) var=$(cd "$2" && pwd); pg_dirs "$var"; pg_start "$var" ;;
db-init) [ $# = 3 ] || die "usage: db-init VARDIR LISTEN"; cmd_db_init "$2" "$3" ;;
db-dirs) [ $# = 2 ] || die "usage: db-dirs VARDIR"; cmd_db_dirs "$2" ;;
db-start)
	[ $# = 3 ] || die "usage: db-start VARDIR LISTEN"
	var=$(cd "$2" && pwd); pg_dirs "$var"; pg_start "$var" "$3" ;;
db-stop)
	var=$(cd "$2" && pwd); pg_dirs "$var"; pg_stop "${3:-fast}" ;;
psql-super)
	var=$(cd "$2" && pwd); pg_dirs "$var"; shift 2
	as_pg "$PGBIN/psql" -X -h "$PGSOCK" -U postgres -d postgres "$@" ;;
app-start) [ $# = 4 ] || die "usage: app-start VARDIR LISTEN BASE_URL"; cmd_app_start "$2" "$3" "$4" ;;
front-start)
	[ $# = 5 ] || die "usage: front-start VARDIR LISTEN APP1 APP2"; cmd_front_start "$2" "$3" "$4" "$5" ;;
nginx-reload)
	# Regenerates nginx.conf (NGINX_CACHE=off drops the page cache) and reloads.
	var=$(cd "$2" && pwd); nginx_conf "$var" "$3"
	/usr/sbin/nginx -p "$var/nginx" -c "$var/nginx.conf" -e "$var/log/nginx-error.log" -s reload ;;
pgbench)
	# pgbench on its own database of the same cluster: make bench's reference.
	var=$(cd "$2" && pwd); pg_dirs "$var"; shift 2
	as_pg "$PGBIN/psql" -h "$PGSOCK" -U postgres -d postgres -qAt \
		-c "SELECT 1 FROM pg_database WHERE datname = 'pgbench'" | grep -q 1 ||
		as_pg "$PGBIN/createdb" -h "$PGSOCK" -U postgres pgbench
	as_pg "$PGBIN/pgbench" -h "$PGSOCK" -U postgres "$@" pgbench ;;
psql)
	var=$(cd "$2" && pwd); pg_dirs "$var"; shift 2
	PGOPTIONS="-c search_path=formations" as_pg "$PGBIN/psql" -h "$PGSOCK" -U formations_owner -d formations "$@" ;;
*) die "usage: $0 start|stop|pg-restart|pg-stop|pg-start|psql|db-init|db-dirs|db-start|db-stop|psql-super|app-start|front-start VARDIR ..." ;;
esac
