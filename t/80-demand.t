#!/usr/bin/env perl
# The public demand form and the tracking page through the real stack:
# validation, one demand per form, references, due dates, the mails
# queued with it, the question and answer round trip, cancellation.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Stack;
use Browser qw(uri_escape_utf8);

my $stack = Stack->start(name => 'demand', demo => 1);
my $b = Browser->new($stack->base);
my $year = (localtime)[5] + 1900;

my %good = (nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf23.caf.fr',
	telephone => '05 55 51 00 00', organisme => 'Caf de la Creuse', fonction => 'Responsable du pôle',
	formation => 'cooperation-territoriale', intitule => '', type => 'intra', participants => '12',
	periode => 'printemps 2027', lieu => 'Guéret', accessibilite => '', message => 'Pour nos CTG.',
	consentement => 'oui');

my $r = $b->get('/demande?formation=cooperation-territoriale');
is($r->{status}, 200, 'the form');
like($r->{text}, qr{<option value="cooperation-territoriale" selected>}, 'prefilled with the course');
like($r->{text}, qr{15 jours}, 'explains the commitment');
like($r->{text}, qr{données personnelles}, 'and what is done with personal data');
like($r->{headers}{'cache-control'} // '', qr{no-store}, 'the form is never cached (it carries tokens)');
my %form = $b->form_fields($r, '/demande');
ok($form{jeton} && $form{_csrf}, 'with its form token and anti-forgery token');

# --- wrong fields
$r = $b->post('/demande', { %form, %good, email => 'pas-une-adresse', participants => '300',
	consentement => '', nom => '' });
is($r->{status}, 422, 'wrong fields: 422');
like($r->{text}, qr{adresse électronique valide}, 'email message');
like($r->{text}, qr{entre 1 et 200}, 'participants message');
like($r->{text}, qr{Votre accord est nécessaire}, 'consent message');
like($r->{text}, qr{Ce champ est obligatoire}, 'required message');
like($r->{text}, qr{value="Caf de la Creuse"}, 'what was typed is kept');
like($r->{text}, qr{Pour nos CTG\.}, 'the message too');
is($stack->psql('SELECT count(*) FROM demand'), '0', 'nothing saved');
$r = $b->post('/demande', { %form, %good, formation => 'n-existe-pas' });
is($r->{status}, 422, 'an unknown course: 422');
$r = $b->post('/demande', { %form, %good, jeton => 'court' });
is($r->{status}, 400, 'a malformed form token: 400');
my $other = Browser->new($stack->base);
$r = $other->post('/demande', { %form, %good });
is($r->{status}, 403, 'a token of another browser: 403');
is($stack->psql('SELECT count(*) FROM demand'), '0', 'still nothing saved');

# --- a demand
$r = $b->post('/demande', { %form, %good });
is($r->{status}, 303, 'a right demand: 303');
my ($token) = ($r->{headers}{location} // '') =~ m{^/demande/suivi/([A-Za-z0-9_-]{43})\?envoyee=1$};
ok($token, 'to its private tracking page');
my $ref = $stack->psql('SELECT reference FROM demand');
is($ref, "D-$year-00001", 'reference D-YYYY-00001');
is($stack->psql("SELECT regime || ' ' || status FROM demand"), '15j recue', 'INTRA: régime 15j, received');
my ($received, $due) = split /\|/, $stack->psql("SELECT received_on, due_on FROM demand");
my $expected = `$Stack::ROOT/cgi-bin/formations -c ${\ $stack->var}/formations.conf due-date $received 15j`;
chomp $expected;
is($due, $expected, 'due date by the rule (formations due-date agrees)');
is($stack->psql('SELECT count(*) FROM demand_event'), '1', 'its first event');
is($stack->psql("SELECT string_agg(kind || ':' || to_address, ' ' ORDER BY id) FROM mail_outbox WHERE sent_at IS NULL"),
	'accuse:claire.martin@caf23.caf.fr nouvelle:formation@egoc.example', 'acknowledgement and notice queued with it');
like($stack->psql("SELECT body FROM mail_outbox WHERE kind = 'accuse'"), qr{\Q$ref\E.*/demande/suivi/\Q$token\E}s,
	'the acknowledgement gives the reference and the link');

# the same form again: no second demand
$r = $b->post('/demande', { %form, %good });
is($r->{status}, 303, 'the same form sent again: 303');
is($r->{headers}{location}, "/demande/suivi/$token", 'to the same tracking page');
is($stack->psql('SELECT count(*) FROM demand'), '1', 'still one demand');

# --- tracking
$r = $b->get("/demande/suivi/$token");
is($r->{status}, 200, 'the tracking page');
like($r->{text}, qr{\Q$ref\E}, 'shows the reference');
like($r->{text}, qr{<strong>Reçue</strong>}, 'the status in words');
like($r->{text}, qr{Réponse au plus tard le (lundi|mardi|mercredi|jeudi|vendredi) \d+(er)? \w+ \d{4}}, 'the due date in French');
like($r->{headers}{'cache-control'} // '', qr{no-store}, 'never cached');
is($b->get('/demande/suivi/' . ('x' x 43))->{status}, 404, 'an unknown token: 404');
is($b->get('/demande/suivi/abc')->{status}, 404, 'a malformed token: 404');

# --- INTER and custom demands
my %f2 = $b->form_fields($b->get('/demande'), '/demande');
$r = $b->post('/demande', { %f2, %good, type => 'inter', formation => '', intitule => 'Accueil des publics en situation de handicap' });
is($r->{status}, 303, 'a custom INTER demand');
is($stack->psql("SELECT reference || ' ' || regime FROM demand WHERE custom_title <> ''"), "D-$year-00002 1mois",
	'the next reference, régime 1mois');

# --- a question and its answer move the due date by the paused days
my $id = $stack->psql("SELECT id FROM demand WHERE reference = '$ref'");
$stack->psql("UPDATE demand SET status = 'attente_demandeur', paused_since = now() - interval '3 days 2 hours' WHERE id = $id");
$r = $b->get("/demande/suivi/$token");
like($r->{text}, qr{Répondre à notre question}, 'waiting on the requester: a reply form');
%form = $b->form_fields($r, "/demande/suivi/$token/reponse");
$r = $b->post("/demande/suivi/$token/reponse", { %form, message => '' });
is($r->{status}, 422, 'an empty reply: 422');
$r = $b->post("/demande/suivi/$token/reponse", { %form, message => 'Nous serons 14, à Guéret.' });
is($r->{status}, 303, 'the reply: 303');
is($stack->psql("SELECT status || ' ' || paused_days || ' ' || (paused_since IS NULL) FROM demand WHERE id = $id"),
	'en_instruction 3 true', 'the clock runs again, 3 whole days paused');
my $moved = `$Stack::ROOT/cgi-bin/formations -c ${\ $stack->var}/formations.conf due-date $received 15j --paused-days 3`;
chomp $moved;
is($stack->psql("SELECT due_on FROM demand WHERE id = $id"), $moved, 'the due date moved by the pause');
like($b->get("/demande/suivi/$token")->{text}, qr{Nous serons 14, à Guéret\.}, 'the reply is in the public history');

# --- cancellation
%form = $b->form_fields($b->get("/demande/suivi/$token"), "/demande/suivi/$token/annulation");
$r = $b->post("/demande/suivi/$token/annulation", { %form, message => 'Plus nécessaire.' });
is($r->{status}, 303, 'cancelled');
is($stack->psql("SELECT status FROM demand WHERE id = $id"), 'annulee', 'status annulee');
$r = $b->post("/demande/suivi/$token/annulation", { %form });
is($r->{status}, 422, 'cancelling again is refused');
unlike($b->get("/demande/suivi/$token")->{text}, qr{Annuler ma demande}, 'no cancel form any more');
is($stack->psql("SELECT count(*) FROM mail_outbox WHERE kind = 'notice'"), '2', 'EGOC is told of the reply and the cancellation');

# "Envoyer une demande" from a session of /sessions carries it into the form.
my $pub = Browser->new($stack->base);
{
	my ($sid, $slug) = split /\|/, $stack->psql("SELECT se.id, c.slug FROM session se JOIN course c ON c.id = se.course_id"
		. " WHERE se.status = 'confirmee' AND se.kind = 'inter' AND c.status = 'published'"
		. " AND se.first_day > current_date + 7 ORDER BY se.first_day, se.id LIMIT 1");
	$stack->q("UPDATE session SET registration_closes_on = NULL WHERE id = $sid");
	my $list = $pub->get("/sessions?formation=$slug&open")->{text};
	like($list, qr{<a href="/demande\?formation=$slug&amp;session=$sid">Envoyer une demande}, '/sessions: a demand for this session');
	my $form = $pub->get("/demande?formation=$slug&session=$sid")->{text};
	like($form, qr{<option value="$slug" selected>}, 'the form has its course chosen');
	like($form, qr{id="f-type-inter" name="type" value="inter" checked}, 'INTER chosen');
	like($form, qr{value="La session du [^"]+"}, 'and its dates in the period wished');
	$stack->q("UPDATE session SET registration_closes_on = current_date - 1 WHERE id = $sid");
	$list = $pub->get("/sessions?formation=$slug&closed")->{text};
	like($list, qr{id="session-$sid">.*?inscriptions closes}s, 'registration closed: the session no longer offers it');
	unlike($pub->get("/demande?formation=$slug&session=$sid&closed")->{text}, qr{value="La session du},
		'and the form ignores it');
	unlike($pub->get("/demande?session=99999999")->{text}, qr{value="La session du}, 'an unknown session: the plain form');
}

like($pub->get("/demande/suivi/$token?events")->{text}, qr{<ol class="events">\s*<li><span class="meta">\w+ \d+\S* \w+ \d{4} à \d+ h \d\d</span>},
	'the history says when in words, not in ISO');

$stack->stop;
done_testing();
