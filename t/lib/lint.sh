#!/usr/bin/env bash
# Project rules the compiler cannot check, in the spirit of fossil's
# codecheck1. Fails the build on the first broken rule.
set -u
cd "$(dirname "$0")/../.."
fail=0
rule() { # rule "message" matches...
	local msg=$1; shift
	if [ -n "$*" ]; then echo "lint: $msg:"; printf '  %s\n' "$@"; fail=1; fi
}
src=$(find src -name '*.c' -o -name '*.h')

rule "PQexec( outside migrations" \
	$(grep -l 'PQexec(' $src | grep -v '^src/store/migrate.c$')
rule "SQL built with a printf-like function" \
	$(grep -lE '(s?n?printf|arena_printf|buf_printf)\([^;]*"[^"]*\b(SELECT|INSERT|UPDATE|DELETE)\b' $src)
rule "ClearSilver CGI kit call" \
	$(grep -lE '\b(cgi_init|cgi_parse|cgi_error|cgi_neo_error|cgi_redirect|cgi_cookie_set|cgi_display|cgi_output)\(' $src)
rule "libpq-fe.h included outside src/store/" \
	$(grep -lE '#include.*libpq-fe.h' $src | grep -v '^src/store/')
rule "ClearSilver.h included outside src/view/" \
	$(grep -lE '#include.*ClearSilver' $src | grep -v '^src/view/')
rule "exit() or abort() on the request path (src/web, src/pages, src/store, src/view, src/rules)" \
	$(grep -lE '\b(exit|abort)\(' src/web src/pages src/store src/view src/rules -r)
rule "printf-like helper without a format attribute" \
	$(for f in $(find src -name '*.h'); do
		grep -nE '\(.*const char \*fmt, \.\.\.\)' "$f" | grep -v 'format(printf' |
		while IFS=: read -r line _; do
			sed -n "$((line)),$((line+1))p" "$f" | grep -q 'format(printf' || echo "$f:$line"
		done
	done)
rule "template with evar:, lvar:, alt: or a debug switch" \
	$(grep -lE '<\?cs (evar|lvar|alt):|DebugEnabled' -r templates)
rule "unquoted attribute in a template" \
	$(grep -lE '<[a-z]+[^>]* (href|src|value|action|class|id|name)=[^"]' -r templates --include='*.cs')

if [ $fail = 0 ]; then echo "lint: ok"; fi
exit $fail
