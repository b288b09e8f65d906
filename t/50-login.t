#!/usr/bin/env perl
# Staff logins through the real stack: the form, wrong credentials, the
# brute-force limits and their end, logout and replay, roles, anti-forgery,
# open redirects, account administration and the audit log.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Time::HiRes qw(sleep);
use Stack;
use Browser;

my $stack = Stack->start(name => 'login', demo => 1, conf => "login_window = 8\n");
my ($admin, $admin_pw) = $stack->demo_admin;
ok($admin && $admin_pw, 'make run made a demonstration admin');
ok($stack->user_add('formateur@egoc.example', 'formateur', 'Fanny Formatrice', 'mot-de-passe-formateur'),
	'formations user add makes a trainer');
ok($stack->user_add('Conseil@EGOC.example', 'conseiller', 'Camille Conseil', 'mot-de-passe-conseil'),
	'and a conseiller (email case does not matter)');
ok(!$stack->user_add('court@egoc.example', 'formateur', 'Court', 'court'),
	'a password under 12 characters is refused by the command');
ok(!$stack->user_add('formateur@egoc.example', 'formateur', 'Double', 'mot-de-passe-double'),
	'an existing email is refused');

# --- the lock on every intranet page
my $b = Browser->new($stack->base);
my $r = $b->get('/intranet/utilisateurs?tri=nom');
is($r->{status}, 303, 'no login: 303');
is($r->{headers}{location}, '/intranet/connexion?retour=/intranet/utilisateurs%3Ftri%3Dnom',
	'to the login page, with the page asked for');
$r = $b->get('/intranet/connexion');
is($r->{status}, 200, 'the login form');
ok($b->token_from($r), 'carries an anti-forgery token');
like($b->raw_cookie('egoc_csrf') // '', qr/HttpOnly; SameSite=Lax/, 'bound to an HttpOnly, SameSite cookie');

# --- wrong credentials
$r = $b->login($admin, 'mauvais-mot-de-passe');
is($r->{status}, 422, 'wrong password: 422');
like($r->{text}, qr/Adresse électronique ou mot de passe incorrect/, 'with the common message');
like($r->{text}, qr/value="\Q$admin\E"/, 'the typed email is kept');
my $wrong_pw = $r->{text} =~ /role="alert"[^>]*>([^<]+)/ ? $1 : '';
$r = $b->login('personne@egoc.example', 'mauvais-mot-de-passe');
is($r->{status}, 422, 'unknown email: 422');
my $wrong_email = $r->{text} =~ /role="alert"[^>]*>([^<]+)/ ? $1 : '';
is($wrong_email, $wrong_pw, 'wrong email and wrong password say the same');
$r = $b->login('formateur@egoc.example', '');
is($r->{status}, 422, 'missing password: 422');
like($r->{text}, qr/value="formateur\@egoc.example"/, 'the typed email is kept');
$r = $b->submit('/intranet/connexion', '/intranet/connexion', [ email => ('a' x 1100) . '@x.fr', motdepasse => 'x' ]);
is($r->{status}, 422, 'an email over 1,024 bytes: 422');
like($r->{text}, qr/trop long/, 'says it is too long');
$r = $b->submit('/intranet/connexion', '/intranet/connexion', [ email => 'a@x.fr', motdepasse => 'x' x 1100 ]);
is($r->{status}, 422, 'a password over 1,024 bytes: 422');
$r = $b->post('/intranet/connexion', '_csrf=' . ($b->token_from($b->get('/intranet/connexion')) // '') . '&email=%FF%FE&motdepasse=x');
is($r->{status}, 400, 'invalid UTF-8: 400');

# --- success; a token seen before login is not kept
$b->set_cookie(egoc_login => 'planted-by-someone-else-aaaaaaaaaaaaaaaaaaaaa');
$r = $b->login($admin, $admin_pw);
is($r->{status}, 303, 'right password: 303');
is($r->{headers}{location}, '/intranet', 'to the intranet home');
my $login_cookie = $b->raw_cookie('egoc_login') // '';
like($login_cookie, qr/^egoc_login=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/,
	'login cookie: random, HttpOnly, SameSite=Lax, Path=/, no Secure on plain HTTP');
isnt($b->cookie('egoc_login'), 'planted-by-someone-else-aaaaaaaaaaaaaaaaaaaaa', 'the planted token is replaced');
is($stack->psql("SELECT count(*) FROM login WHERE token_hash = '" . $b->cookie('egoc_login') . "'"), '0',
	'only a hash of the token is stored');
$r = $b->get('/intranet');
is($r->{status}, 200, 'the intranet home');
like($r->{text}, qr/Bonjour Administrateur de démonstration/, 'greets the admin');

# --- logout and replay
my $old = $b->cookie('egoc_login');
$r = $b->submit('/intranet', '/intranet/deconnexion', []);
is($r->{status}, 303, 'logout: 303');
like($b->raw_cookie('egoc_login'), qr/Max-Age=0/, 'the cookie is cleared');
$b->set_cookie(egoc_login => $old);
is($b->get('/intranet')->{status}, 303, 'the old cookie replayed opens nothing');

# --- open redirects on the return target
for my $evil ('//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)') {
	my $c = Browser->new($stack->base);
	$r = $c->login($admin, $admin_pw, $evil);
	is($r->{headers}{location}, '/intranet', "return target $evil is ignored");
}
my $c = Browser->new($stack->base);
$r = $c->login($admin, $admin_pw, '/intranet/journal');
is($r->{headers}{location}, '/intranet/journal', 'a local return target is followed');

# --- roles
my $t = Browser->new($stack->base);
is($t->login('formateur@egoc.example', 'mot-de-passe-formateur')->{status}, 303, 'the trainer logs in');
is($t->get('/intranet')->{status}, 200, 'and sees the intranet home');
$r = $t->get('/intranet/utilisateurs');
is($r->{status}, 403, 'but not the accounts page');
like($r->{text}, qr/Accès refusé/, 'refused in French');
like($r->{text}, qr/<header class="site">/, 'in the site layout');
is($t->get('/intranet/journal')->{status}, 403, 'nor the journal');
$r = $t->submit('/intranet', '/intranet/utilisateurs', [ email => 'x@egoc.example', nom => 'X', role => 'admin', motdepasse => 'douze-caracteres' ]);
is($r->{status}, 403, 'nor may it create an account');
my $k = Browser->new($stack->base);
is($k->login('conseil@egoc.example', 'mot-de-passe-conseil')->{status}, 303, 'the conseiller logs in, email in any case');

# --- anti-forgery
my $f = Browser->new($stack->base);
$f->get('/intranet/connexion');
$r = $f->post('/intranet/connexion', [ email => $admin, motdepasse => $admin_pw ]);
is($r->{status}, 403, 'no token: 403');
like($r->{text}, qr/Recharger le formulaire/, 'the page offers to reload the form');
$r = $f->post('/intranet/connexion', [ _csrf => 'x' x 43, email => $admin, motdepasse => $admin_pw ]);
is($r->{status}, 403, 'wrong token: 403');
my $other = Browser->new($stack->base);
my $other_token = $other->token_from($other->get('/intranet/connexion'));
$r = $f->post('/intranet/connexion', [ _csrf => $other_token, email => $admin, motdepasse => $admin_pw ]);
is($r->{status}, 403, "another browser's token: 403");
my $mine = $f->token_from($f->get('/intranet/connexion'));
$r = $f->post('/intranet/connexion', [ _csrf => $mine, email => $admin, motdepasse => $admin_pw ],
	{ origin => 'https://evil.example' });
is($r->{status}, 403, 'a foreign Origin: 403 even with a good token');
$r = $f->post('/intranet/connexion', [ _csrf => $mine, email => $admin, motdepasse => $admin_pw ],
	{ origin => $stack->base });
is($r->{status}, 303, 'our own Origin with the token: accepted');
$r = $t->post('/intranet/deconnexion', [ _csrf => 'nope' ]);
is($r->{status}, 403, 'logout without a valid token is refused too');

# --- accounts, by the admin
my $a = Browser->new($stack->base);
$a->login($admin, $admin_pw);
$r = $a->submit('/intranet/utilisateurs', '/intranet/utilisateurs',
	[ email => 'pas-une-adresse', nom => '', role => 'chef', motdepasse => 'court' ]);
is($r->{status}, 422, 'a wrong account form: 422');
like($r->{text}, qr/adresse électronique valide/, 'email message');
like($r->{text}, qr/Ce champ est obligatoire/, 'name message');
like($r->{text}, qr/Choisissez un rôle/, 'role message');
like($r->{text}, qr/au moins 12 caractères/, 'password message');
like($r->{text}, qr/value="pas-une-adresse"/, 'what was typed is kept');
$r = $a->submit('/intranet/utilisateurs', '/intranet/utilisateurs',
	[ email => 'Nouvelle@EGOC.example', nom => 'Nina Nouvelle', role => 'assistant', motdepasse => 'un-mot-de-passe-solide' ]);
is($r->{status}, 303, 'a right account form: 303');
$r = $a->get('/intranet/utilisateurs');
like($r->{text}, qr/Nina Nouvelle.*nouvelle\@egoc\.example/s, 'the new account is listed, email lowercased');
$r = $a->submit('/intranet/utilisateurs', '/intranet/utilisateurs',
	[ email => 'nouvelle@egoc.example', nom => 'Doublon', role => 'assistant', motdepasse => 'un-mot-de-passe-solide' ]);
is($r->{status}, 422, 'the same email twice: 422');
like($r->{text}, qr/Un compte existe déjà/, 'says so');

my $n = Browser->new($stack->base);
is($n->login('nouvelle@egoc.example', 'un-mot-de-passe-solide')->{status}, 303, 'the new account logs in');
is($n->get('/intranet')->{status}, 200, 'and works');
my $id = $stack->psql("SELECT id FROM staff_user WHERE email = 'nouvelle\@egoc.example'");
$r = $a->submit('/intranet/utilisateurs', "/intranet/utilisateurs/$id", [ action => 'role', role => 'conseiller' ]);
is($r->{status}, 303, 'the admin changes the role');
is($stack->psql("SELECT role FROM staff_user WHERE id = $id"), 'conseiller', 'role changed');
$r = $a->submit('/intranet/utilisateurs', "/intranet/utilisateurs/$id", [ action => 'desactiver' ]);
is($r->{status}, 200, 'disabling an account asks first');
like($r->{text}, qr{<h1>Désactiver le compte de [^<]+ \?</h1>.*name="confirme" value="oui".*ne peut plus se connecter}s, 'stating the consequences');
is($stack->psql("SELECT active FROM staff_user WHERE id = $id"), 't', 'and changes nothing until confirmed');
$r = $a->post("/intranet/utilisateurs/$id", [ $a->form_fields($r, "/intranet/utilisateurs/$id") ]);
is($r->{status}, 303, 'the admin confirms: the account is disabled');
is($n->get('/intranet')->{status}, 303, 'its login ended at once');
is($n->login('nouvelle@egoc.example', 'un-mot-de-passe-solide')->{status}, 422, 'and it cannot log in again');
my $me = $stack->psql("SELECT id FROM staff_user WHERE email = '$admin'");
$r = $a->submit('/intranet/utilisateurs', "/intranet/utilisateurs/$me", [ action => 'desactiver' ]);
is($r->{status}, 422, 'an admin cannot disable their own account');
is($a->get('/intranet/utilisateurs/abc')->{status}, 405, 'GET on an account action is 405');
$r = $a->submit('/intranet/utilisateurs', '/intranet/utilisateurs/999999', [ action => 'desactiver' ]);
is($r->{status}, 404, 'an unknown account is 404');

# --- the audit log
$r = $a->get('/intranet/journal');
is($r->{status}, 200, 'the journal');
for my $what ('Connexion', 'Échec de connexion', 'Déconnexion', 'Compte créé', 'Compte modifié', 'Compte désactivé') {
	like($r->{text}, qr/\Q$what\E/, "the journal shows: $what");
}

# --- brute force: per email, then its end; per IP
my $x = Browser->new($stack->base);
$x->login('formateur@egoc.example', 'faux-mot-de-passe') for 1 .. 5;
$r = $x->login('formateur@egoc.example', 'mot-de-passe-formateur');
is($r->{status}, 429, 'after 5 failures for one email, even the right password gets 429');
ok(($r->{headers}{'retry-after'} // 0) >= 1 && $r->{headers}{'retry-after'} <= 8, 'with a Retry-After within the window');
like($r->{text}, qr/Trop de tentatives/, 'and a French message');
is(Browser->new($stack->base)->login('formateur@egoc.example', 'mot-de-passe-formateur')->{status}, 429,
	'from any browser (the count is in PostgreSQL)');
sleep(($r->{headers}{'retry-after'} // 8) + 0.5);
is($x->login('formateur@egoc.example', 'mot-de-passe-formateur')->{status}, 303, 'once the window has passed, the login works');

my $y = Browser->new($stack->base);
$y->login("inconnu$_\@egoc.example", 'faux-mot-de-passe') for 1 .. 20;
$r = $y->login('conseil@egoc.example', 'mot-de-passe-conseil');
is($r->{status}, 303, 'after 20 failures from one IP, another account still logs in (t/33 has the rest)');
like($a->get('/intranet/journal')->{text}, qr/Connexion bloquée/, 'blocked attempts are in the journal');

$stack->stop;
done_testing();
