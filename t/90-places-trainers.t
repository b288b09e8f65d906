#!/usr/bin/env perl
# Places with their rooms, trainers with their courses and calendar feed
# link, through the real stack: creation, refusals (422, nothing saved),
# rooms and capacities, roles (a trainer sees their own page only), login
# and anti-forgery. The demo data may hold places and trainers already:
# counts are compared before and after, never to fixed numbers.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Stack;
use Browser;

my $stack = Stack->start(name => 'resources', demo => 1);
my ($admin, $pw) = $stack->demo_admin;
$stack->user_add('assistante@egoc.example', 'assistant', 'Alice Assistante', 'mot-de-passe-assistante');
$stack->user_add('fabien@egoc.example', 'formateur', 'Fabien Formateur', 'mot-de-passe-fabien');
$stack->user_add('flora@egoc.example', 'formateur', 'Flora Formatrice', 'mot-de-passe-flora');
my $desk = Browser->new($stack->base);
$desk->login('assistante@egoc.example', 'mot-de-passe-assistante');

sub count { $stack->psql("SELECT count(*) FROM $_[0]") }
# The fields of a form: a base, some of them changed or added.
sub with { my ($base, %over) = @_; my %h = (%$base, %over); return [ map { ($_ => $h{$_}) } sort keys %h ] }

# --- no login, no token
my $anon = Browser->new($stack->base);
my $r = $anon->get('/intranet/lieux');
is($r->{status}, 303, 'anonymous: places redirect');
like($r->{headers}{location} // '', qr{/intranet/connexion}, 'to the login page');
is($anon->get('/intranet/formateurs/1')->{status}, 303, 'anonymous: a trainer page redirects too');

# --- places
$r = $desk->get('/intranet/lieux');
is($r->{status}, 200, 'the list of places');
like($r->{text}, qr{<title>Lieux de formation}, 'with its title');
like($r->{text}, qr{<label for="capacite">}, 'and a labelled creation form');
my $places = count('place');

my %place = (nom => 'Centre EGOC Rennes', adresse => '12 rue de Brest', ville => 'Rennes',
	acces => 'Métro ligne A, arrêt Villejean', capacite => '40', accessibilite => 'Plain-pied, boucle magnétique');
$r = $desk->submit('/intranet/lieux', '/intranet/lieux', with(\%place));
is($r->{status}, 303, 'a place is created');
my ($pid) = ($r->{headers}{location} // '') =~ m{^/intranet/lieux/(\d+)\?fait=1$};
ok($pid, 'then the place page');
is($stack->psql("SELECT name || '|' || city || '|' || capacity || '|' || remote FROM place WHERE id = $pid"),
	'Centre EGOC Rennes|Rennes|40|false', 'stored as typed');
is(count('place'), $places + 1, 'one place more');

$r = $desk->submit('/intranet/lieux', '/intranet/lieux', with(\%place, adresse => '1 autre rue'));
is($r->{status}, 422, 'a duplicate name: 422');
like($r->{text}, qr{Un lieu porte déjà ce nom}, 'in French');
like($r->{text}, qr{value="1 autre rue"}, 'the typed values are kept');
like($r->{text}, qr{id="nom"[^>]*aria-invalid="true" aria-describedby="nom-erreur"}, 'the field is marked');

for my $bad ('0', '1001', 'douze', '', '12.5') {
	$r = $desk->submit('/intranet/lieux', '/intranet/lieux', with(\%place, nom => "Salle $bad", capacite => $bad));
	is($r->{status}, 422, "capacity '$bad': 422");
}
like($r->{text}, qr{capacite-erreur">[^<]*capacité}, 'the capacity message is next to its field');
like($r->{text}, qr{value="Salle 12\.5"}, 'the name typed is kept');
is(count('place'), $places + 1, 'nothing saved');
$r = $desk->submit('/intranet/lieux', '/intranet/lieux', with(\%place, nom => 'x' x 201));
is($r->{status}, 422, 'a name over 200 characters: 422');
like($r->{text}, qr{trop long \(200 caractères au plus\)}, 'says the limit');
$r = $desk->submit('/intranet/lieux', '/intranet/lieux', with(\%place, nom => 'Long accès', acces => 'é' x 2001));
is($r->{status}, 422, 'an access text over 2 000 characters: 422');

# --- rooms
my $page = "/intranet/lieux/$pid";
$r = $desk->get($page);
is($r->{status}, 200, 'the place page');
like($r->{text}, qr{<h1>Centre EGOC Rennes</h1>}, 'named after the place');
like($r->{text}, qr{Aucune salle}, 'no room yet');
$r = $desk->submit($page, $page, [ action => 'salle_ajouter', nom => 'Salle Bréhat', capacite => '20',
	accessibilite => 'Boucle magnétique' ]);
is($r->{status}, 303, 'a room is added');
like($r->{headers}{location} // '', qr{^/intranet/lieux/$pid\?fait=salle}, 'back to the place');
$r = $desk->submit($page, $page, [ action => 'salle_ajouter', nom => 'Amphithéâtre', capacite => '41',
	accessibilite => '' ]);
is($r->{status}, 422, 'a room larger than its place: 422');
like($r->{text}, qr{ne peut pas accueillir plus de personnes que son lieu \(40 places\)}, 'says why');
like($r->{text}, qr{id="salle-nom"[^>]*value="Amphithéâtre"}, 'the room typed is kept');
$r = $desk->submit($page, $page, [ action => 'salle_ajouter', nom => 'Salle Bréhat', capacite => '10' ]);
is($r->{status}, 422, 'a second room of the same name: 422');
like($r->{text}, qr{Une salle de ce lieu porte déjà ce nom}, 'in French');
$r = $desk->submit($page, $page, [ action => 'salle_ajouter', nom => 'Salle Ouessant', capacite => '12' ]);
is($r->{status}, 303, 'a second room');
is($stack->psql("SELECT string_agg(name || ':' || capacity, ',' ORDER BY name) FROM room WHERE place_id = $pid"),
	'Salle Bréhat:20,Salle Ouessant:12', 'two rooms stored, nothing of the refused ones');
my $brehat = $stack->psql("SELECT id FROM room WHERE place_id = $pid AND name = 'Salle Bréhat'");
my $ouessant = $stack->psql("SELECT id FROM room WHERE place_id = $pid AND name = 'Salle Ouessant'");
like($desk->get($page)->{text}, qr{<th scope="row">Salle Bréhat</th>\s*<td>20 places</td>}, 'listed with their capacity');

$r = $desk->submit($page, $page, [ action => 'salle_modifier', salle => $brehat, nom => 'Salle Bréhat',
	capacite => '25', accessibilite => 'Boucle magnétique, table réglable' ]);
is($r->{status}, 303, 'a room is changed');
is($stack->psql("SELECT capacity || '|' || accessibility FROM room WHERE id = $brehat"),
	'25|Boucle magnétique, table réglable', 'stored');
$r = $desk->submit($page, $page, [ action => 'salle_modifier', salle => $brehat, nom => 'Salle Bréhat',
	capacite => '60', accessibilite => '' ]);
is($r->{status}, 422, 'a room made larger than its place: 422');
like($r->{text}, qr{<details open id="salle-$brehat">}, 'its form is open');
like($r->{text}, qr{id="salle-$brehat-capacite"[^>]*value="60"[^>]*aria-invalid="true"}, 'with the typed value, marked');
is($stack->psql("SELECT capacity FROM room WHERE id = $brehat"), '25', 'unchanged');
$r = $desk->submit($page, $page, [ action => 'salle_modifier', salle => $brehat, nom => 'Salle Ouessant',
	capacite => '20' ]);
is($r->{status}, 422, 'renamed as the other room: 422');
$r = $desk->submit($page, $page, [ action => 'salle_modifier', salle => '999999', nom => 'X', capacite => '2' ]);
is($r->{status}, 422, 'a room of no place of this id: 422');

# --- the place itself
$r = $desk->submit($page, $page, with(\%place, action => 'modifier', capacite => '10'));
is($r->{status}, 422, 'a place smaller than its largest room: 422');
like($r->{text}, qr{accueille 25 personnes}, 'says how large the room is');
like($r->{text}, qr{id="capacite"[^>]*value="10"}, 'the capacity typed is kept');
$desk->submit('/intranet/lieux', '/intranet/lieux', with(\%place, nom => 'Maison de la Caf'));
$r = $desk->submit($page, $page, with(\%place, action => 'modifier', nom => 'Maison de la Caf'));
is($r->{status}, 422, 'renamed as another place: 422');
like($r->{text}, qr{Un lieu porte déjà ce nom}, 'in French');
$r = $desk->submit($page, $page, with(\%place, action => 'modifier', nom => 'Centre EGOC Rennes-Cesson',
	capacite => '50', distanciel => 'oui'));
is($r->{status}, 303, 'the place is changed');
is($stack->psql("SELECT name || '|' || capacity || '|' || remote FROM place WHERE id = $pid"),
	'Centre EGOC Rennes-Cesson|50|true', 'stored');
$r = $desk->submit($page, $page, [ action => 'inventee' ]);
is($r->{status}, 422, 'an unknown action: 422');

# A room with slots stays.
my $course = $stack->psql("SELECT id FROM course WHERE status = 'published' ORDER BY id LIMIT 1");
my $course2 = $stack->psql("SELECT id FROM course WHERE status = 'published' ORDER BY id DESC LIMIT 1");
my $session = $stack->psql("INSERT INTO session (course_id, kind, max_participants, place_id)"
	. " VALUES ($course, 'inter', 12, $pid) RETURNING id");
$stack->psql("INSERT INTO slot (session_id, day, starts_at, ends_at, part, room_id) VALUES ($session,"
	. " '2031-03-11', '2031-03-11 09:00+01', '2031-03-11 12:30+01', 'matin', $brehat)");
$r = $desk->submit($page, $page, [ action => 'salle_supprimer', salle => $brehat ]);
is($r->{status}, 422, 'a room with slots cannot be deleted');
like($r->{text}, qr{Cette salle a des créneaux : }, 'says why');
is(count("room WHERE id = $brehat"), 1, 'the room is still there');
$r = $desk->submit($page, $page, [ action => 'salle_supprimer', salle => $ouessant ]);
is($r->{status}, 303, 'a room without slots is deleted');
is(count("room WHERE id = $ouessant"), 0, 'gone');

is($desk->get('/intranet/lieux/999999')->{status}, 404, 'an unknown place: 404');
is($desk->get('/intranet/lieux/abc')->{status}, 404, 'a malformed id: 404');
is($desk->get('/intranet/lieux/1234567890123456789')->{status}, 404, 'an id of 19 digits: 404');

# --- trainers
my $fabien = $stack->psql("SELECT id FROM staff_user WHERE email = 'fabien\@egoc.example'");
my $alice = $stack->psql("SELECT id FROM staff_user WHERE email = 'assistante\@egoc.example'");
$r = $desk->get('/intranet/formateurs');
is($r->{status}, 200, 'the list of trainers');
like($r->{text}, qr{<option value="$fabien">Fabien Formateur}, 'a formateur account may be linked');
unlike($r->{text}, qr{<option value="$alice">}, 'not an assistant\'s');
my $trainers = count('trainer');
my %trainer = (nom => 'Fabien Formateur', type => 'interne', email => 'Fabien.F@EGOC.example',
	telephone => '02 99 29 82 42', organisme => '', compte => $fabien);
$r = $desk->submit('/intranet/formateurs', '/intranet/formateurs', with(\%trainer, email => 'pas-une-adresse'));
is($r->{status}, 422, 'a wrong email: 422');
like($r->{text}, qr{email-erreur">Cette adresse électronique n(?:'|&#39;)est pas valide}, 'in French, next to the field');
like($r->{text}, qr{value="pas-une-adresse"}, 'kept');
$r = $desk->submit('/intranet/formateurs', '/intranet/formateurs', with(\%trainer, type => 'benevole'));
is($r->{status}, 422, 'an unknown kind: 422');
$r = $desk->submit('/intranet/formateurs', '/intranet/formateurs', with(\%trainer, telephone => '0' x 31));
is($r->{status}, 422, 'a phone over 30 characters: 422');
$r = $desk->submit('/intranet/formateurs', '/intranet/formateurs', with(\%trainer, compte => $alice));
is($r->{status}, 422, 'an account that is not a formateur\'s: 422');
is(count('trainer'), $trainers, 'nothing saved');

$r = $desk->submit('/intranet/formateurs', '/intranet/formateurs', with(\%trainer));
is($r->{status}, 303, 'a trainer is created');
my ($tid) = ($r->{headers}{location} // '') =~ m{^/intranet/formateurs/(\d+)\?fait=1$};
ok($tid, 'then the trainer page');
is($stack->psql("SELECT kind || '|' || email || '|' || account_id || '|' || active FROM trainer WHERE id = $tid"),
	"interne|fabien.f\@egoc.example|$fabien|true", 'stored, the email lowercased, linked to the account');
my $token = $stack->psql("SELECT feed_token FROM trainer WHERE id = $tid");
ok(length($token) >= 32 && $token =~ /^[A-Za-z0-9_-]+$/, 'a random feed token');
$r = $desk->submit('/intranet/formateurs', '/intranet/formateurs', with(\%trainer, nom => 'Autre'));
is($r->{status}, 422, 'the same account cannot be linked twice');
$r = $desk->submit('/intranet/formateurs', '/intranet/formateurs', [ nom => 'Odile Externe', type => 'externe',
	email => '', telephone => '', organisme => 'Cabinet Ouest', compte => '' ]);
is($r->{status}, 303, 'an external trainer without an account');
my ($tid2) = ($r->{headers}{location} // '') =~ m{/intranet/formateurs/(\d+)};
$r = $desk->get('/intranet/formateurs');
like($r->{text}, qr{>Fabien Formateur</a></th>\s*<td>Interne</td>}, 'listed as Interne');
like($r->{text}, qr{>Odile Externe</a></th>\s*<td>Externe</td>\s*<td>Cabinet Ouest</td>}, 'and Externe');

my $tpage = "/intranet/formateurs/$tid";
$r = $desk->get($tpage);
is($r->{status}, 200, 'the trainer page');
like($r->{text}, qr{/intranet/agenda/\Q$token\E\.ics"}, 'shows the private feed address');
like($r->{text}, qr{Renouveler le lien}, 'and the button to renew it');
$r = $desk->submit($tpage, $tpage, [ action => 'cours', formation => $course, formation => $course2 ]);
is($r->{status}, 303, 'courses are set');
is(count("trainer_course WHERE trainer_id = $tid"), 2, 'two courses');
$r = $desk->submit($tpage, $tpage, [ action => 'cours', formation => $course2 ]);
is($r->{status}, 303, 'courses set again');
is($stack->psql("SELECT string_agg(course_id::text, ',') FROM trainer_course WHERE trainer_id = $tid"),
	$course2, 'replaced, not added');
like($desk->get($tpage)->{text}, qr{id="formation-$course2" name="formation" value="$course2" checked}, 'checked on the page');
$r = $desk->submit($tpage, $tpage, [ action => 'cours', formation => $course, formation => 'abc' ]);
is($r->{status}, 422, 'an unknown course: 422');
is(count("trainer_course WHERE trainer_id = $tid"), 1, 'nothing changed');
$r = $desk->submit($tpage, $tpage, with(\%trainer, action => 'modifier', telephone => '06 12 34 56 78'));
is($r->{status}, 303, 'the trainer is changed, without the active box');
is($stack->psql("SELECT phone || '|' || active FROM trainer WHERE id = $tid"), '06 12 34 56 78|false', 'made inactive');
$r = $desk->submit($tpage, $tpage, with(\%trainer, action => 'modifier', actif => 'oui', nom => ''));
is($r->{status}, 422, 'a trainer without a name: 422');
$r = $desk->submit($tpage, $tpage, with(\%trainer, action => 'modifier', actif => 'oui'));
is($r->{status}, 303, 'active again');
$r = $desk->submit($tpage, $tpage, [ action => 'renouveler' ]);
is($r->{status}, 303, 'the feed link is renewed');
my $token2 = $stack->psql("SELECT feed_token FROM trainer WHERE id = $tid");
isnt($token2, $token, 'the token changed');
is($anon->get("/intranet/agenda/$token.ics")->{status}, 404, 'the old feed link no longer works');
is($anon->get("/intranet/agenda/$token2.ics")->{status}, 200, 'the new one does');
$r = $desk->get($r->{headers}{location});
like($r->{text}, qr{ancien lien ne fonctionne plus}, 'the page says the old link stops working');
unlike($r->{text}, qr{\Q$token\E}, 'the old token is no longer shown');

# --- roles
my $f = Browser->new($stack->base);
$f->login('fabien@egoc.example', 'mot-de-passe-fabien');
$r = $f->get($tpage);
is($r->{status}, 200, 'a trainer sees their own trainer page');
like($r->{text}, qr{/intranet/agenda/\Q$token2\E\.ics"}, 'with their feed address');
unlike($r->{text}, qr{Enregistrer la fiche}, 'but no edit form');
is($f->get("/intranet/formateurs/$tid2")->{status}, 403, 'another trainer: 403');
is($f->get('/intranet/formateurs/999999')->{status}, 403, 'an unknown trainer: 403 too');
is($f->get('/intranet/formateurs')->{status}, 403, 'the list of trainers: 403');
is($f->get('/intranet/lieux')->{status}, 403, 'places: 403');
is($f->get($page)->{status}, 403, 'a place: 403');
$r = $f->submit($tpage, $tpage, with(\%trainer, action => 'modifier', nom => 'Pirate'));
is($r->{status}, 403, 'a trainer cannot change their record');
$r = $f->submit($tpage, $tpage, [ action => 'cours', formation => $course ]);
is($r->{status}, 403, 'nor their courses');
is($stack->psql("SELECT name FROM trainer WHERE id = $tid"), 'Fabien Formateur', 'unchanged');
$r = $f->submit($tpage, "/intranet/formateurs/$tid2", [ action => 'renouveler' ]);
is($r->{status}, 403, 'nor renew another trainer\'s link');
$r = $f->submit($tpage, $tpage, [ action => 'renouveler' ]);
is($r->{status}, 303, 'but they may renew their own link');
isnt($stack->psql("SELECT feed_token FROM trainer WHERE id = $tid"), $token2, 'renewed');
my $flora = Browser->new($stack->base);
$flora->login('flora@egoc.example', 'mot-de-passe-flora');
is($flora->get($tpage)->{status}, 403, 'a trainer without a trainer record: 403');

# --- anti-forgery
$places = count('place');
$r = $desk->post('/intranet/lieux', [ nom => 'Sans jeton', capacite => '10' ]);
is($r->{status}, 403, 'a POST without the anti-forgery token: 403');
$r = $desk->post($tpage, [ action => 'renouveler', _csrf => 'faux' ]);
is($r->{status}, 403, 'a wrong token: 403');
is(count('place'), $places, 'nothing saved');

# --- the journal: every trainer change, who made it, refusals not logged
is($stack->psql("SELECT string_agg(action || ' ' || email || ' ' || detail, '\n' ORDER BY id) FROM audit_log"
	. " WHERE action LIKE 'trainer\\_%'"),
	join("\n", "trainer_created fabien.f\@egoc.example Fabien Formateur (n° $tid), par assistante\@egoc.example",
		"trainer_created  Odile Externe (n° $tid2), par assistante\@egoc.example",
		map({ "trainer_courses_changed fabien.f\@egoc.example Fabien Formateur (n° $tid), par assistante\@egoc.example" } 1 .. 2),
		map({ "trainer_changed fabien.f\@egoc.example Fabien Formateur (n° $tid), par assistante\@egoc.example" } 1 .. 2),
		"trainer_feed_renewed fabien.f\@egoc.example Fabien Formateur (n° $tid), par assistante\@egoc.example",
		"trainer_feed_renewed fabien.f\@egoc.example Fabien Formateur (n° $tid), par fabien\@egoc.example"),
	'each trainer change in the audit log, with who made it; refused ones are not');
my $boss = Browser->new($stack->base);
$boss->login($admin, $pw);
$r = $boss->get('/intranet/journal');
like($r->{text}, qr{Lien d(?:'|&#39;)agenda d(?:'|&#39;)un formateur renouvelé}, 'the journal names the action in French');
like($r->{text}, qr{Formateur ajouté.*Odile Externe}s, 'and the trainer');
done_testing();
