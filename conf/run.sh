#!/usr/bin/env bash
# `make run`: the whole application on http://127.0.0.1:8080 with the
# demonstration data, in the foreground until Ctrl-C, which stops all it
# started. The data stays in var/dev and is reused by the next run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VAR=$ROOT/var/dev
PORT=${PORT:-8080}

MAILDIR=$VAR/mail
SMTP_PORT=${SMTP_PORT:-2525}
background=()

stop() {
	trap - INT TERM EXIT
	echo
	echo "Arrêt de Formations EGOC…"
	for pid in "${background[@]}"; do
		pkill -TERM -P "$pid" 2>/dev/null || true   # the sleep of the warnings loop
		kill -TERM "$pid" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	"$ROOT/conf/stack.sh" stop "$VAR"
	exit 0
}
trap stop INT TERM EXIT

"$ROOT/conf/stack.sh" stop "$VAR" 2>/dev/null || true
"$ROOT/conf/stack.sh" start "$VAR" "$PORT" demo
# Answered questionnaires on the demonstration's given sessions, once per
# var/dev, so that the fiches show their satisfaction rates. Only here:
# the test stacks start from demonstration data without answers and add
# their own (t/99-survey-results.t runs the command itself).
if [ ! -f "$VAR/surveys-demo.done" ]; then
	"$ROOT/cgi-bin/formations" -c "$VAR/formations.conf" surveys demo >/dev/null &&
		touch "$VAR/surveys-demo.done"
fi

# Mail for a new user to read: a local SMTP sink writes every message to
# var/dev/mail/, the outbox is sent every 5 seconds, warnings are queued
# every hour.
mkdir -p "$MAILDIR"
/usr/bin/python3 "$ROOT/t/lib/smtp_sink.py" --port "$SMTP_PORT" --dir "$MAILDIR" \
	--pidfile "$VAR/run/smtp_sink.pid" >>"$VAR/log/smtp_sink.log" 2>&1 &
background+=($!)
"$ROOT/cgi-bin/formations" -c "$VAR/formations.conf" mail --loop 5 >>"$VAR/log/mail.log" 2>&1 &
background+=($!)
( while sleep 3600; do "$ROOT/cgi-bin/formations" -c "$VAR/formations.conf" remind; done ) \
	>>"$VAR/log/remind.log" 2>&1 &
background+=($!)
"$ROOT/cgi-bin/formations" -c "$VAR/formations.conf" remind >>"$VAR/log/remind.log" 2>&1 || true

read -r admin_email admin_password <"$VAR/demo-admin.txt" || true
cat <<MSG

  Formations EGOC est lancé : http://127.0.0.1:$PORT/
  La fiche réelle :           http://127.0.0.1:$PORT/formations/cooperation-territoriale
  L'intranet :                http://127.0.0.1:$PORT/intranet/connexion
      adresse :       ${admin_email:-?}
      mot de passe :  ${admin_password:-?}

  Courriels envoyés : $MAILDIR/   (serveur SMTP local sur le port $SMTP_PORT)
  Comptes, depuis $ROOT (réglages de var/dev/formations.conf, pris d'office) :
      ./cgi-bin/formations user add ADRESSE --role conseiller --name "Prénom Nom"
      (mot de passe sur l'entrée standard ; ailleurs : -c $VAR/formations.conf)
  Journaux : $VAR/log/   (Ctrl-C pour tout arrêter)

MSG
while kill -0 "$(cat "$VAR/run/formations.pid")" 2>/dev/null &&
      kill -0 "$(cat "$VAR/run/nginx.pid")" 2>/dev/null; do
	sleep 1
done
echo "Un des services s'est arrêté ; voir $VAR/log/." >&2
