#!/usr/bin/env perl
# The walking skeleton through the real nginx, FastCGI workers and
# PostgreSQL: pages, error pages, limits and headers.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use Stack;

my $stack = Stack->start(name => 'basics', demo => 1);

sub body { decode_utf8($_[0]{content} // '') }

my $r = $stack->get('/');
is($r->{status}, 200, 'home answers 200');
like($r->{headers}{'content-type'}, qr{^text/html; charset=utf-8$}, 'home is UTF-8 HTML');
like(body($r), qr{<html lang="fr">}, 'home is in French, in the layout');
like(body($r), qr{href="/formations/cooperation-territoriale"}, 'home links the real fiche');

$r = $stack->get('/formations/cooperation-territoriale');
is($r->{status}, 200, 'the real fiche answers 200');
my $fiche = body($r);
like($fiche, qr{Formation/Action Accompagner l&#39;implantation des chargés de coopération}, 'fiche title, escaped');
like($fiche, qr{Chargés de Coopération Territoriale}, 'fiche public');
like($fiche, qr{Aucun pré-requis}, 'fiche prerequisites');
like($fiche, qr{Engager une réflexion collective et cohérente avec le projet de Caisse et son organisation\.}, 'fiche objective');
like($fiche, qr{mercredi 20 mai 2026}, 'fiche update date in French');
like($fiche, qr{href="/demande\?formation=cooperation-territoriale"}, 'fiche offers a demand');

my %security = (
	'content-security-policy' => qr{default-src 'self'.*frame-ancestors 'none'},
	'x-content-type-options' => qr{^nosniff$},
	'referrer-policy' => qr{^same-origin$},
	'x-frame-options' => qr{^DENY$},
);
for my $h (sort keys %security) {
	like($r->{headers}{$h} // '', $security{$h}, "security header $h");
}

$r = $stack->get('/nulle-part');
is($r->{status}, 404, 'unknown page is 404');
like(body($r), qr{Page introuvable}, '404 says so in French');
like(body($r), qr{<header class="site">}, '404 is in the site layout');
is($stack->get('/formations/inconnue')->{status}, 404, 'unknown course is 404');
for my $odd ('/formations/%27%3B%20DROP%20TABLE', '/formations/x%2F..%2Fy', '/formations/A-MAJ',
		'/formations/' . ('a' x 300), '/formations/caf%C3%A9') {
	is($stack->get($odd)->{status}, 404, "odd slug $odd is 404");
}

$r = $stack->http->request('HEAD', $stack->base . '/formations/cooperation-territoriale');
is($r->{status}, 200, 'HEAD of the fiche is 200');
is($r->{content} // '', '', 'HEAD has no body');

is($stack->post_form('/', 'a=1')->{status}, 405, 'POST on a GET page is 405');

my ($status, $raw) = $stack->raw("GET /formations/%FF%FE HTTP/1.0\r\nHost: x\r\n\r\n");
is($status, 400, 'invalid UTF-8 in the path is 400');
($status) = $stack->raw("GET /?q=%C3%28 HTTP/1.0\r\nHost: x\r\n\r\n");
is($status, 400, 'invalid UTF-8 in the query is 400');
($status) = $stack->raw("GET /?q=%zz HTTP/1.0\r\nHost: x\r\n\r\n");
is($status, 400, 'a bad percent escape is 400');
($status, $raw) = $stack->raw("GET /?q=%00 HTTP/1.0\r\nHost: x\r\n\r\n");
is($status, 400, 'a NUL byte is 400');
like(decode_utf8($raw), qr{Requête invalide}, '400 page in French');

# Over fields_max (2000), short enough for nginx to pass it on.
my $many = join '&', ('f=1') x 2500;
($status) = $stack->raw("GET /?$many HTTP/1.0\r\nHost: x\r\n\r\n");
is($status, 414, 'too many query fields is 414 (URI Too Long), not 413');

my $big = 'x=' . ('a' x (1024 * 1024 + 10));
$r = $stack->post_form('/', $big);
is($r->{status}, 413, 'a body over body_max is 413');
like(body($r), qr{trop volumineux}, '413 says so in French');
$r = $stack->post_form('/', 'x=' . ('a' x (3 * 1024 * 1024)));
is($r->{status}, 413, 'a body over nginx limit is 413 too');

($status) = $stack->raw("POST / HTTP/1.0\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: abc\r\n\r\n");
ok($status == 400, 'a malformed Content-Length is 400');

like($stack->log_text, qr{^GET /formations/cooperation-territoriale 200 \d+$}m,
	'one log line per request: method, path, status, microseconds');

$r = $stack->get('/static/site.css');
is($r->{status}, 200, 'static stylesheet served by nginx');

$stack->stop;
done_testing();
