#!/usr/bin/env bash
# `make screenshots`: full-page PNGs of the main pages at 1280 and 375 px
# under var/screenshots/ (and var/screenshots/index.html showing them side
# by side), from a private stack with the demonstration data in
# var/screenshots-stack, on a free port (SCREENSHOTS_PORT to choose one),
# stopped at the end whatever happens. Debian's Chromium is driven by
# t/browser/screenshots.js.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=$ROOT/var/screenshots-stack
OUT=$ROOT/var/screenshots
PORT=${SCREENSHOTS_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}

cleanup() { "$ROOT/conf/stack.sh" stop "$VAR" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
# Fresh data every time (the demonstration loads into a new cluster only),
# and no picture left from an earlier run.
rm -rf "$VAR" "$OUT"
mkdir -p "$VAR" "$OUT"
"$ROOT/conf/stack.sh" start "$VAR" "$PORT" demo >/dev/null
base=http://127.0.0.1:$PORT
psql_q() { "$ROOT/conf/stack.sh" psql "$VAR" -qAt -c "$1"; }

# The demonstration has no demand: one is sent through the real form, as a
# requester would (its reference, due date and tracking link are the
# product's own), and a closure day is added for the closures page.
jar=$VAR/requester.jar
page=$(curl -fsS -b "$jar" -c "$jar" "$base/demande?formation=cooperation-territoriale")
csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
form=$(sed -n 's/.*name="jeton" value="\([^"]*\)".*/\1/p' <<<"$page" | head -n 1)
status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data-urlencode "_csrf=$csrf" \
	--data-urlencode "jeton=$form" --data-urlencode nom=Martin --data-urlencode prenom=Claire \
	--data-urlencode email=claire.martin@caf23.caf.fr --data-urlencode telephone="05 55 00 00 00" \
	--data-urlencode "organisme=Caf de la Creuse" --data-urlencode "fonction=Responsable des partenariats" \
	--data-urlencode formation=cooperation-territoriale --data-urlencode intitule= --data-urlencode type=intra \
	--data-urlencode participants=12 --data-urlencode "periode=Au printemps" --data-urlencode lieu=Guéret \
	--data-urlencode accessibilite= --data-urlencode "message=Pour l'équipe des partenariats." \
	--data-urlencode consentement=oui "$base/demande")
[ "$status" = 303 ] || { echo "screenshots: the demand form answered $status, not 303" >&2; exit 1; }
psql_q "INSERT INTO closure_day (day, label) VALUES (current_date + 40, 'Pont de l''Ascension')
	ON CONFLICT DO NOTHING" >/dev/null

# What the pages need, from the database.
fact() {   # $1: name, $2: query; fails when the query finds nothing
	local v
	v=$(psql_q "$2")
	[ -n "$v" ] || { echo "screenshots: nothing found for $1 ($2)" >&2; exit 1; }
	printf '"%s": "%s"' "$1" "$v"
}
facts="{$(fact tracking "SELECT tracking_token FROM demand ORDER BY id LIMIT 1"),
	$(fact demand "SELECT min(id) FROM demand"),
	$(fact participant "SELECT token FROM registration WHERE status = 'confirmee' ORDER BY id LIMIT 1"),
	$(fact certified "SELECT r.token FROM certificate c JOIN registration r ON r.id = c.registration_id ORDER BY c.id LIMIT 1"),
	$(fact code "SELECT code FROM certificate ORDER BY id LIMIT 1"),
	$(fact session "SELECT min(session_id) FROM certificate"),
	$(fact halfday "SELECT half_day_id FROM attendance_event WHERE kind = 'certification' ORDER BY id LIMIT 1"),
	$(fact course "SELECT id FROM course WHERE slug = 'cooperation-territoriale'")}"

read -r email password <"$VAR/demo-admin.txt"
node "$ROOT/t/browser/screenshots.js" "$base" "$email" "$password" "$facts" "$OUT"
