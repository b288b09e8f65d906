#!/usr/bin/env perl
# Hostile-input findings through the real nginx, workers and PostgreSQL:
# the Allow header of a 405, where the anti-forgery page sends back to,
# over-long addresses (414, French page, nothing in nginx's log), the login
# email's spaces, and the login limits by address: a shared address slows
# an attacker without locking the colleagues out, and only trusted proxies
# may name the client address.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use Stack;
use Browser;

my $stack = Stack->start(name => 'findings', demo => 1);
my ($admin, $admin_pw) = $stack->demo_admin;
my $base = $stack->base;

# --- 405: Allow lists what the route table has for the path
my %allow = (
	'POST /' => 'GET, HEAD',
	'GET /intranet/utilisateurs/5' => 'POST',
	'GET /intranet/sessions/5/creneaux' => 'POST',
	'POST /intranet/formations/nouvelle' => 'GET, HEAD',   # the literal route wins over {id}
	'DELETE /intranet/lieux/5' => 'GET, HEAD, POST',
	'PUT /intranet/connexion' => 'GET, HEAD, POST',
);
for my $req (sort keys %allow) {
	my ($method, $path) = split ' ', $req;
	my $r = $stack->http->request($method, "$base$path",
		{ headers => { 'content-type' => 'application/x-www-form-urlencoded' }, content => '' });
	is($r->{status}, 405, "$req: 405");
	is($r->{headers}{allow}, $allow{$req}, "$req: Allow: $allow{$req}");
}

# --- the anti-forgery page leads to a page that shows the form
sub reload_link {
	my ($path, $headers) = @_;
	my $b = Browser->new($base);
	my $r = $b->post($path, [ champ => 'x' ], $headers);
	my ($href) = $r->{text} =~ m{<a class="button" href="([^"]*)">Recharger le formulaire</a>};
	$href =~ s/&amp;/&/g if defined $href;
	return ($r->{status}, $href);
}
my %reload = (
	'/intranet/sessions/5/creneaux' => '/intranet/sessions/5',
	'/intranet/sessions/5/dupliquer' => '/intranet/sessions/5',
	'/intranet/creneaux/7' => '/intranet',
	'/intranet/deconnexion' => '/intranet',
	'/intranet/utilisateurs/5' => '/intranet/utilisateurs',
	'/intranet/formations/5/statut' => '/intranet/formations/5',
	'/intranet/fermetures/2027-01-01' => '/intranet/fermetures/2027-01-01',   # its confirmation page
	'/intranet/lieux/3' => '/intranet/lieux/3',
	'/intranet/connexion' => '/intranet/connexion',
	'/demande' => '/demande',
	'/demande/suivi/abcdefghijklmnopqrstuvwxyz0123456789/reponse' => '/demande/suivi/abcdefghijklmnopqrstuvwxyz0123456789',
);
for my $path (sort keys %reload) {
	my ($status, $href) = reload_link($path);
	is($status, 403, "POST $path without its token: 403");
	is($href, $reload{$path}, "its reload link, without a Referer: $reload{$path}");
}
my ($status, $href) = reload_link('/intranet/sessions/5/creneaux',
	{ referer => "$base/intranet/sessions/5?fait=1" });
is($href, '/intranet/sessions/5?fait=1', 'with our own Referer: the page the form was on');
($status, $href) = reload_link('/intranet/connexion',
	{ referer => "$base/intranet/connexion?retour=/intranet/journal&x=1" });
is($href, '/intranet/connexion?retour=/intranet/journal&x=1', 'its query kept');
($status, $href) = reload_link('/intranet/sessions/5/creneaux', { referer => 'http://evil.example/intranet/lieux' });
is($href, '/intranet/sessions/5', "another site's Referer is not followed");
($status, $href) = reload_link('/intranet/sessions/5/creneaux', { referer => "$base.evil.example/intranet/lieux" });
is($href, '/intranet/sessions/5', 'nor one that only starts like ours');
($status, $href) = reload_link('/intranet/sessions/5/creneaux', { referer => "$base/intranet/deconnexion" });
is($href, '/intranet/sessions/5', 'nor our own page that answers POST only');
($status, $href) = reload_link('/intranet/sessions/5/creneaux', { referer => "$base//evil.example/" });
is($href, '/intranet/sessions/5', 'nor a Referer that would leave the site');
for my $path (sort keys %reload) {
	next if $path =~ m{^/demande/suivi/};    # a made-up tracking token is 404, rightly
	my $r = $stack->get($reload{$path});
	ok($r->{status} == 200 || $r->{status} == 303, "GET $reload{$path} shows a page (or the login): $r->{status}");
}

# --- over-long addresses: 414 in French, bodies stay 413
my $nginx_log = $stack->var . '/log/nginx-error.log';
sub nginx_log_text { open my $fh, '<', $nginx_log or return ''; local $/; return <$fh> }
my $r = $stack->get('/' . ('a' x 3000));
is($r->{status}, 414, 'a 3,000-byte path: 414');
like(decode_utf8($r->{content}), qr{Adresse trop longue}, 'in French');
like(decode_utf8($r->{content}), qr{<header class="site">}, 'in the site layout');
my $many = join '&', map { "f$_=1" } 1 .. 250;
($status, my $raw) = $stack->raw("GET /formations?$many HTTP/1.0\r\nHost: x\r\n\r\n");
is($status, 414, 'more than 200 query parameters: 414');
($status) = $stack->raw("GET /intranet/connexion?$many HTTP/1.0\r\nHost: x\r\n\r\n");
is($status, 414, 'on the intranet too');
$r = $stack->get('/intranet/connexion?q=' . ('a' x 5000));
is($r->{status}, 414, 'an intranet address over 4 KB: 414');
like(decode_utf8($r->{content}), qr{Adresse trop longue}, 'in French');
for my $n (3800, 4200, 5000, 9000, 20000) {
	$r = $stack->get('/formations?q=' . ('a' x $n));
	is($r->{status}, $n < 4000 ? 200 : 414, "an anonymous GET of the catalogue with a $n-byte query: $r->{status}");
	like(decode_utf8($r->{content}), qr{Adresse trop longue}, 'with the French page') if $n >= 4000;
	$r = $stack->http->request('HEAD', "$base/formations?q=" . ('b' x $n));
	is($r->{status}, $n < 4000 ? 200 : 414, "HEAD too");
}
unlike(nginx_log_text(), qr{not enough for cache key}, "nothing about the cache key in nginx's error log");
unlike(nginx_log_text(), qr{\[(?:error|crit|alert|emerg)\]}, 'no error at all');
$r = $stack->post_form('/', 'x=' . ('a' x (1024 * 1024 + 10)));
is($r->{status}, 413, 'a body over body_max stays 413');

# --- the login email: spaces around it are not part of it
my $b = Browser->new($base);
$r = $b->login("  $admin \t", $admin_pw);
is($r->{status}, 303, 'an email typed with spaces around it logs in');
is($stack->psql("SELECT count(*) FROM login_failure"), 0, 'and counts no failure');

# --- logins by address, one address (127.0.0.1) for everything here
$stack->user_add('formateur@egoc.example', 'formateur', 'Fanny Formatrice', 'mot-de-passe-formateur');
$stack->user_add('conseil@egoc.example', 'conseiller', 'Camille Conseil', 'mot-de-passe-conseil');
$stack->user_add('victime@egoc.example', 'assistant', 'Victor Victime', 'mot-de-passe-victime');
my $x = Browser->new($base);
is($x->login('formateur@egoc.example', 'faux-mot-de-passe')->{status}, 422, 'a wrong password: 422') for 1 .. 5;
$r = $x->login('formateur@egoc.example', 'mot-de-passe-formateur');
is($r->{status}, 429, 'the per-email limit holds: after 5 failures, even the right password gets 429');
ok(($r->{headers}{'retry-after'} // 0) >= 1 && $r->{headers}{'retry-after'} <= 900, 'with a Retry-After within the window');
like($r->{text}, qr/Trop de tentatives de connexion\./, 'and the French message');
my $y = Browser->new($base);
my @statuses = map { $y->submit('/intranet/connexion', '/intranet/connexion',
	[ email => "inconnu$_\@egoc.example", motdepasse => 'faux-mot-de-passe' ],
	{ 'x-forwarded-for' => '203.0.113.7' })->{status} } 1 .. 20;
is_deeply([ grep { $_ != 422 } @statuses ], [], '20 more failures for other emails: each a 422, never a 429');
is($stack->psql("SELECT count(*) FROM login_failure WHERE ip = '127.0.0.1'"), 25,
	'25 failures from this address: without a trusted proxy, X-Forwarded-For is not believed');
$r = Browser->new($base)->login('conseil@egoc.example', 'mot-de-passe-conseil');
is($r->{status}, 303, 'a colleague behind the same address still logs in with the right password');
# From this busy address, an email's failures from here count double.
my $v = Browser->new($base);
is($v->login('victime@egoc.example', 'faux-mot-de-passe')->{status}, 422, "a busy address: the victim's first failure") ;
is($v->login('victime@egoc.example', 'faux-mot-de-passe')->{status}, 422, 'second');
is($v->login('victime@egoc.example', 'faux-mot-de-passe')->{status}, 422, 'third');
$r = $v->login('victime@egoc.example', 'mot-de-passe-victime');
is($r->{status}, 429, 'from a busy address, three failures of one email are enough for 429');
ok(($r->{headers}{'retry-after'} // 0) >= 1, 'with Retry-After');
$stack->stop;

# --- behind a trusted proxy: the client address of X-Forwarded-For
my $proxied = Stack->start(name => 'findings-proxy', demo => 1,
	conf => "trusted_proxies = 127.0.0.1, ::1\nlogin_failures_ip_max = 32\n");
sub login_from {
	my ($ip, $email, $password) = @_;
	my $c = Browser->new($proxied->base);
	return $c->submit('/intranet/connexion', '/intranet/connexion',
		[ email => $email, motdepasse => $password ], { 'x-forwarded-for' => $ip });
}
$proxied->user_add('conseil@egoc.example', 'conseiller', 'Camille Conseil', 'mot-de-passe-conseil');
$proxied->user_add('victime@egoc.example', 'assistant', 'Victor Victime', 'mot-de-passe-victime');
$proxied->user_add('tard@egoc.example', 'assistant', 'Théo Tard', 'mot-de-passe-tardif');
my @codes = map { login_from('203.0.113.7', "inconnu$_\@egoc.example", 'faux')->{status} } 1 .. 25;
is_deeply([ grep { $_ != 422 } @codes ], [], '25 failures from 203.0.113.7 for various emails: all 422');
is($proxied->psql("SELECT count(*) FROM login_failure WHERE ip = '203.0.113.7'"), 25,
	'counted for the client address the proxy named');
is(login_from('203.0.113.7', 'conseil@egoc.example', 'mot-de-passe-conseil')->{status}, 303,
	'then a correct login for another account from the same address succeeds');
login_from('203.0.113.7', 'victime@egoc.example', 'faux') for 1 .. 3;
is(login_from('203.0.113.7', 'victime@egoc.example', 'mot-de-passe-victime')->{status}, 429,
	'three failures of one email from the busy address: 429 from there');
is(login_from('198.51.100.9', 'victime@egoc.example', 'mot-de-passe-victime')->{status}, 303,
	'while from another address, where they count once, the right password logs in');
login_from('203.0.113.7', "encore$_\@egoc.example", 'faux') for 1 .. 7;    # 25 + 7 = 32
$r = login_from('203.0.113.7', 'tard@egoc.example', 'mot-de-passe-tardif');
is($r->{status}, 429, 'over login_failures_ip_max from one address: 429 for every email');
ok(($r->{headers}{'retry-after'} // 0) >= 1, 'with Retry-After');
like($r->{text}, qr/depuis votre réseau/, 'saying it is the network');
is(login_from('198.51.100.9', 'tard@egoc.example', 'mot-de-passe-tardif')->{status}, 303,
	'another address is not concerned');
$proxied->stop;

# --- a trusted_proxies that is no address is refused at start
my $conf = "$Stack::ROOT/var/findings-conf-$$";
open my $fh, '>', $conf or die $!;
print $fh "trusted_proxies = 127.0.0.1, example.org\n";
close $fh;
my $out = `$Stack::ROOT/cgi-bin/formations -c $conf migrate 2>&1`;
isnt($? >> 8, 0, 'a trusted_proxies that is no address: the program refuses to start');
like($out, qr/bad value for trusted_proxies/, 'and says which setting');
unlink $conf;

done_testing();
