#!/usr/bin/env perl
# Demands in the intranet through the real stack: the dashboard (order,
# filters, marks, pages), the demand page and every action of the state
# machine, refusals, roles.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Stack;
use Browser;

my $stack = Stack->start(name => 'demand-intranet', demo => 1);
my $year = (localtime)[5] + 1900;
my %good = (nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf23.caf.fr',
	telephone => '', organisme => 'Caf de la Creuse', fonction => '', formation => 'cooperation-territoriale',
	intitule => '', type => 'intra', participants => '12', periode => '', lieu => '', accessibilite => '',
	message => 'Pour nos CTG.', consentement => 'oui');

sub send_demand {
	my (%over) = @_;
	my $p = Browser->new($stack->base);
	my %form = $p->form_fields($p->get('/demande'), '/demande');
	my $r = $p->post('/demande', { %form, %good, %over });
	my ($token) = ($r->{headers}{location} // '') =~ m{/demande/suivi/([A-Za-z0-9_-]+)(?:\?envoyee=1)?$};
	return ($p, $token);
}

my ($requester, $token) = send_demand();
send_demand(type => 'inter', organisme => 'CC Creuse Sud-Ouest', nom => 'Durand', prenom => 'Paul',
	email => 'paul.durand@creuse-sud-ouest.fr', formation => '', intitule => 'Animer un réseau de partenaires');
my $id = $stack->psql("SELECT id FROM demand WHERE reference = 'D-$year-00001'");

my ($admin, $pw) = $stack->demo_admin;
$stack->user_add('conseil@egoc.example', 'conseiller', 'Camille Conseil', 'mot-de-passe-conseil');
$stack->user_add('formateur@egoc.example', 'formateur', 'Fanny', 'mot-de-passe-formateur');
my $c = Browser->new($stack->base);
$c->login('conseil@egoc.example', 'mot-de-passe-conseil');
my $t = Browser->new($stack->base);
$t->login('formateur@egoc.example', 'mot-de-passe-formateur');
is($t->get('/intranet/demandes')->{status}, 403, 'a trainer does not see demands');
is($t->get("/intranet/demandes/$id")->{status}, 403, 'nor one demand');

# --- dashboard
my $r = $c->get('/intranet/demandes');
is($r->{status}, 200, 'the dashboard');
my @refs = $r->{text} =~ m{>(D-\d{4}-\d{5})</a>}g;
is("@refs", "D-$year-00001 D-$year-00002", 'open demands by due date (15j before 1mois)');
like($r->{text}, qr{J-\d+}, 'days left shown');
@refs = $c->get('/intranet/demandes?regime=1mois')->{text} =~ m{>(D-\d{4}-\d{5})</a>}g;
is("@refs", "D-$year-00002", 'filter by régime');
@refs = $c->get("/intranet/demandes?q=D-$year-00002")->{text} =~ m{>(D-\d{4}-\d{5})</a>}g;
is("@refs", "D-$year-00002", 'search by reference');
@refs = $c->get('/intranet/demandes?q=martin')->{text} =~ m{>(D-\d{4}-\d{5})</a>}g;
is("@refs", "D-$year-00001", 'search by name');
@refs = $c->get('/intranet/demandes?organisme=sud-ouest')->{text} =~ m{>(D-\d{4}-\d{5})</a>}g;
is("@refs", "D-$year-00002", 'filter by organisation');
@refs = $c->get('/intranet/demandes?formation=cooperation-territoriale')->{text} =~ m{>(D-\d{4}-\d{5})</a>}g;
is("@refs", "D-$year-00001", 'filter by course');
is($c->get('/intranet/demandes?statut=nimporte')->{status}, 400, 'an unknown status filter: 400');
is($c->get('/intranet/demandes?apres=2026-02-30&id=1')->{status}, 400, 'a bad page key: 400');

$stack->psql("UPDATE demand SET due_on = (now() AT TIME ZONE 'Europe/Paris')::date - 3 WHERE id = $id");
$r = $c->get('/intranet/demandes');
like($r->{text}, qr{<tr class="late">.*?En retard de 3 j}s, 'a late demand is marked');
$stack->psql("UPDATE demand SET due_on = (now() AT TIME ZONE 'Europe/Paris')::date WHERE id = $id");
like($c->get('/intranet/demandes')->{text}, qr{<tr class="today">.*?Échéance aujourd(?:'|&#39;)hui}s, 'due today is marked');
$stack->psql("UPDATE demand SET due_on = (now() AT TIME ZONE 'Europe/Paris')::date + 2 WHERE id = $id");
like($c->get('/intranet/demandes')->{text}, qr{<tr class="soon">.*?J-2}s, 'due soon (D-2 of 15j) is marked');

# --- the demand page and its actions
my $page = "/intranet/demandes/$id";
$r = $c->get($page);
is($r->{status}, 200, 'the demand page');
like($r->{text}, qr{claire\.martin\@caf23\.caf\.fr}, 'everything the requester sent');
like($r->{text}, qr{Pour nos CTG\.}, 'the message');
my $me = $stack->psql("SELECT id FROM staff_user WHERE email = 'conseil\@egoc.example'");
$r = $c->submit($page, $page, [ action => 'assigner', responsable => $me ]);
is($r->{status}, 303, 'assign');
is($stack->psql("SELECT status || ' ' || assignee_id FROM demand WHERE id = $id"), "en_instruction $me",
	'assigned, and the demand is in instruction');
$r = $c->submit($page, $page, [ action => 'note', commentaire => 'Appeler la Caf mardi.' ]);
is($r->{status}, 303, 'an internal note');
unlike($requester->get("/demande/suivi/$token")->{text}, qr{Appeler la Caf}, 'not shown to the requester');
$r = $c->submit($page, $page, [ action => 'question', commentaire => '' ]);
is($r->{status}, 422, 'a question without text: 422');
$r = $c->submit($page, $page, [ action => 'question', commentaire => 'Combien de participants exactement ?' ]);
is($r->{status}, 303, 'a question to the requester');
is($stack->psql("SELECT status || ' ' || (paused_since IS NOT NULL) FROM demand WHERE id = $id"),
	'attente_demandeur true', 'waiting on the requester, clock paused');
is($stack->psql("SELECT count(*) FROM mail_outbox WHERE kind = 'question' AND to_address = 'claire.martin\@caf23.caf.fr'"),
	'1', 'the question is mailed');
like($requester->get("/demande/suivi/$token")->{text}, qr{Combien de participants exactement \?}, 'and shown on the tracking page');
my %form = $requester->form_fields($requester->get("/demande/suivi/$token"), "/demande/suivi/$token/reponse");
is($requester->post("/demande/suivi/$token/reponse", { %form, message => 'Quatorze.' })->{status}, 303,
	'the requester answers');
like($c->get($page)->{text}, qr{Quatorze\.}, 'the answer is in the history');

$r = $c->submit($page, $page, [ action => 'regime', commentaire => '' ]);
is($r->{status}, 422, 'a régime switch without a reason: 422');
like($r->{text}, qr{raison}, 'asks for the reason');
my $received = $stack->psql("SELECT received_on FROM demand WHERE id = $id");
$r = $c->submit($page, $page, [ action => 'regime', commentaire => 'Marché public à passer.' ]);
is($r->{status}, 303, 'switch to 1mois with a reason');
my $expected = `$Stack::ROOT/cgi-bin/formations -c ${\ $stack->var}/formations.conf due-date $received 1mois`;
chomp $expected;
is($stack->psql("SELECT regime || ' ' || due_on FROM demand WHERE id = $id"), "1mois $expected",
	'régime 1mois and the due date recomputed');
like($c->get($page)->{text}, qr{Marché public à passer\.}, 'the switch is logged with its reason');

$r = $c->submit($page, $page, [ action => 'repondre', issue => 'refusee', commentaire => '' ]);
is($r->{status}, 422, 'an answer without text: 422');
$r = $c->submit($page, $page, [ action => 'clore' ]);
is($r->{status}, 422, 'closing before an answer is refused');
$r = $c->submit($page, $page, [ action => 'repondre', issue => 'acceptee',
	commentaire => 'Nous vous proposons trois sessions au printemps.' ]);
is($r->{status}, 303, 'the answer');
is($stack->psql("SELECT status || ' ' || outcome || ' ' || (answered_on IS NOT NULL) FROM demand WHERE id = $id"),
	'repondue acceptee true', 'answered: the clock has stopped');
is($stack->psql("SELECT count(*) FROM mail_outbox WHERE kind = 'reponse'"), '1', 'the answer is mailed');
like($requester->get("/demande/suivi/$token")->{text}, qr{<strong>Réponse envoyée</strong>}, 'the requester sees it answered');
$r = $c->submit($page, $page, [ action => 'repondre', issue => 'acceptee', commentaire => 'Encore.' ]);
is($r->{status}, 422, 'a second answer is refused');
$r = $c->submit($page, $page, [ action => 'clore' ]);
is($r->{status}, 303, 'closed');
is($stack->psql("SELECT status FROM demand WHERE id = $id"), 'close', 'status close');
$r = $c->submit($page, $page, [ action => 'inventee' ]);
is($r->{status}, 422, 'an unknown action: 422');

my $id2 = $stack->psql("SELECT id FROM demand WHERE reference = 'D-$year-00002'");
$r = $c->submit("/intranet/demandes/$id2", "/intranet/demandes/$id2", [ action => 'sans_suite', commentaire => 'Doublon.' ]);
is($r->{status}, 303, 'classified without follow-up');
is($stack->psql("SELECT status FROM demand WHERE id = $id2"), 'sans_suite', 'status sans_suite');
is($c->get('/intranet/demandes/999999')->{status}, 404, 'an unknown demand: 404');
is($c->get('/intranet/demandes/abc')->{status}, 404, 'a malformed id: 404');

# --- pages of 50, by keyset
$stack->psql("INSERT INTO demand (reference, form_token, tracking_token, received_on, regime, due_on, custom_title,"
	. " kind, last_name, first_name, email, organisation, participants, consent_at)"
	. " SELECT 'D-2020-' || lpad(g::text, 5, '0'), 'form-token-' || g || '-xxxxxxxxxxxx', 'tracking-token-' || g"
	. " || '-xxxxxxxxxxxxxxxxxxxxxxxx', current_date, '15j', current_date + (g % 20), 'Sur mesure', 'intra', 'Nom',"
	. " 'Prénom', 'x\@y.fr', 'Caf', 3, now() FROM generate_series(1, 60) g");
$r = $c->get('/intranet/demandes');
my @first = $r->{text} =~ m{>(D-\d{4}-\d{5})</a>}g;
is(scalar @first, 50, 'fifty on the first page');
my ($next) = $r->{text} =~ m{href="(/intranet/demandes\?[^"]*apres=[^"]+)">Demandes suivantes};
ok($next, 'a link to the next page');
$next =~ s/&amp;/&/g;
my @second = $c->get($next)->{text} =~ m{>(D-\d{4}-\d{5})</a>}g;
is(scalar @second, 10, 'the rest on the second page');
my %seen;
$seen{$_}++ for @first, @second;
is(scalar(keys %seen), 60, 'no demand twice, none missed');

$stack->stop;
done_testing();
