#!/usr/bin/env perl
# The staff home as a work queue: the open demands counted by
# urgency, each count a link to the list it counts (the dashboard's
# `echeance` filter), and the half-days waiting for their certification,
# a trainer's own only.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Stack;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $stack = Stack->start(name => 'work-queue', demo => 1);
sub q1 { $stack->q($_[0]) }
my ($email, $password) = $stack->demo_admin;
my $admin = Browser->new($stack->base);
$admin->login($email, $password);
my $me = q1("SELECT id FROM staff_user WHERE email = '$email'");

# Open demands: two late, one due today, one in three days, one waiting
# for the requester (late, but its delay is paused), one closed; two of
# the open ones without anyone in charge, one assigned to me.
my $n = 0;
sub demand {
	my ($due, $status, $assignee) = @_;
	$n++;
	q1("INSERT INTO demand (reference, form_token, tracking_token, regime, received_on, due_on, status,"
		. " custom_title, kind, last_name, first_name, email, organisation, participants, consent_at, assignee_id)"
		. " VALUES ('D-2025-9000$n', 'queue-form-token-$n', 'queue-tracking-token-queue-tracking-$n', '15j',"
		. " current_date - 20, current_date + ($due), '$status', 'Demande $n', 'intra', 'Nom$n', 'P',"
		. " 'p$n\@caf.example', 'Caf $n', 3, now(), " . ($assignee // 'NULL') . ")");
}
demand(-3, 'recue', $me);
demand(-1, 'en_instruction', $me);
demand(0, 'recue');
demand(3, 'recue', $me);
demand(-5, 'attente_demandeur', $me);
demand(-9, 'close');
my $r = $admin->get('/intranet');
is($r->{status}, 200, 'the home');
my @pairs = $r->{text} =~ m{<strong class="count">(\d+)</strong> ([^<]+)</a>}g;
my %count;
while (my ($c, $l) = splice(@pairs, 0, 2)) { $count{$l} = $c }
is($count{'En retard'}, 2, 'two late (the one waiting for its requester is paused)');
is($count{'À répondre aujourd&#39;hui'}, 1, 'one due today');
is($count{'À répondre dans les six jours'}, 1, 'one in the coming days');
is($count{'Sans responsable'}, 1, 'one without anyone in charge');
is($count{'En attente du demandeur'}, 1, 'one waiting for the requester');
is($count{'Qui me sont confiées'}, 4, 'four in my charge');
like($r->{text}, qr{<li class="urgent"><a href="/intranet/demandes\?echeance=retard">}, 'late ones marked urgent');

sub listed { my @r = $admin->get($_[0])->{text} =~ m{(D-2025-9000\d)}g; my %s; return join ' ', grep { !$s{$_}++ } @r }
is(listed('/intranet/demandes?echeance=retard'), 'D-2025-90001 D-2025-90002', 'the late count leads to the late ones');
is(listed('/intranet/demandes?echeance=aujourdhui'), 'D-2025-90003', 'today\'s to today\'s');
is(listed('/intranet/demandes?echeance=semaine'), 'D-2025-90004', 'the coming days\' to theirs');
like($admin->get('/intranet/demandes?echeance=retard')->{text}, qr{Seulement les demandes en retard}, 'the list says what it shows');
is($admin->get('/intranet/demandes?echeance=hier')->{status}, 400, 'an unknown filter: 400');

# The list sorts by any column, says the dates in words, filters by course by name.
my $list = $admin->get('/intranet/demandes?q=&x=1')->{text};
like($list, qr{<a href="/intranet/demandes\?statut=&amp;regime=[^"]*&amp;tri=organisme">Organisme</a>}, 'each header sorts');
like($list, qr{<td>\w+ \d+\S* \w+ \d{4}</td>}, '"reçue le" in words');
unlike($list, qr{<td>\d{4}-\d\d-\d\d}, 'no ISO date');
is(listed('/intranet/demandes?tri=demandeur'), 'D-2025-90001 D-2025-90002 D-2025-90003 D-2025-90004 D-2025-90005',
	'sorted by requester (Nom1 … Nom5)');
like($admin->get('/intranet/demandes?tri=demandeur&y')->{text}, qr{<th scope="col" aria-sort="ascending"><a [^>]*tri=demandeur">Demandeur</a>}, 'the sorted column says so');
is($admin->get('/intranet/demandes?tri=secret')->{status}, 400, 'an unknown sort: 400');
my $course = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
q1("UPDATE demand SET course_id = $course WHERE reference = 'D-2025-90004'");
like($admin->get('/intranet/demandes?z')->{text}, qr{<option value="$course">[^<]*coopération}i, 'courses offered by name');
is(listed("/intranet/demandes?formation=$course"), 'D-2025-90004', 'filtered by course');

# The home's primary action opens the demand due first whose clock runs
# (90005 waits for its requester), in the due-date list.
my ($d1, $d2, $d3, $d4, $d5) = map { q1("SELECT id FROM demand WHERE reference = 'D-2025-9000$_'") } 1 .. 5;
# The menu says where one is (aria-current), by the part of the site.
like($r->{text}, qr{<a href="/intranet" aria-current="page">Intranet</a>}, 'the menu marks the home');
like($admin->get("/intranet/demandes/$d1")->{text}, qr{<a href="/intranet/demandes" aria-current="page">Demandes</a>}, 'and the demands part on a demand');
unlike($admin->get("/intranet/demandes/$d1")->{text}, qr{<a href="/intranet" aria-current}, 'and only it');

like($r->{text}, qr{<a class="button" href="/intranet/demandes/$d1\?liste=">Traiter la demande due en premier</a>\s*<span class="hint">D-2025-90001, réponse due le \w+ \d+}, 'the home offers the demand due first');

# The demand page: back to its list, previous and next of that list, one
# action at a time with its own fields, banners that say what happened.
my $lst = 'statut%3D%26tri%3Ddemandeur';
like($admin->get('/intranet/demandes?tri=demandeur&w')->{text}, qr{href="/intranet/demandes/$d2\?liste=statut%3D%26regime%3D%26responsable%3D%26organisme%3D%26formation%3D%26q%3D%26echeance%3D%26tri%3Ddemandeur"}, 'the list links carry the list');
my $page = $admin->get("/intranet/demandes/$d2?liste=$lst");
is($page->{status}, 200, 'a demand opened from a sorted list');
like($page->{text}, qr{<a href="/intranet/demandes\?statut=&amp;tri=demandeur">Retour à la liste des demandes</a>}, 'back to that list');
like($page->{text}, qr{href="/intranet/demandes/$d1\?liste=$lst" rel="prev">Précédente : D-2025-90001}, 'its previous in that order');
like($page->{text}, qr{href="/intranet/demandes/$d3\?liste=$lst" rel="next">Suivante : D-2025-90003}, 'its next');
$page = $admin->get("/intranet/demandes/$d1?liste=");
like($page->{text}, qr{rel="prev">Précédente : D-2025-90005.*rel="next">Suivante : D-2025-90002}s, 'in the due-date order, by due date (90005 is due first)');
unlike($admin->get("/intranet/demandes/$d5?liste=")->{text}, qr{rel="prev"}, 'the first has no previous');
unlike($admin->get("/intranet/demandes/$d4?liste=")->{text}, qr{rel="next"}, 'the last no next');
like($admin->get("/intranet/demandes/$d2?liste=")->{text}, qr{rel="prev">Précédente : D-2025-90001.*rel="next">Suivante : D-2025-90003}s, 'keyset both ways');
like($admin->get("/intranet/demandes/$d3?liste=echeance%3Daujourdhui")->{text}, qr{Retour à la liste}, 'a filtered list');
unlike($admin->get("/intranet/demandes/$d3?liste=echeance%3Daujourdhui")->{text}, qr{rel="(?:prev|next)"}, 'alone in it: no previous nor next');
like($admin->get("/intranet/demandes/$d3?liste=tri%3Dsecret")->{text}, qr{<a href="/intranet/demandes">Retour.*rel="prev">Précédente : D-2025-90002}s, 'a list no link makes: the due-date list instead');
unlike($page->{text}, qr{M'attribuer}, 'my own demand: no "take it"');
like($page->{text}, qr{<a class="button" href="/intranet/demandes/$d1\?faire=repondre&amp;liste=#action">Répondre</a>}, 'the primary action is to answer');
unlike($page->{text}, qr{name="action" value="(?:question|note|repondre)"}, 'no form until an action is chosen');
like($page->{text}, qr{Que voulez-vous faire \?.*Poser une question au demandeur.*Ajouter une note interne}s, 'the actions, in words');
unlike($page->{text}, qr{Clore la demande}, 'not those the state forbids');
my $q = $admin->get("/intranet/demandes/$d1?faire=question&liste=");
my @forms = $q->{text} =~ m{<form method="post" action="/intranet/demandes/$d1"}g;
is(scalar @forms, 1, 'one action: one form');
like($q->{text}, qr{name="action" value="question">.*<label for="commentaire">Votre question à P Nom1</label>}s, 'with only its field');
my $tok = $admin->token_from($q);
my $res = $admin->post("/intranet/demandes/$d1", [ _csrf => $tok, action => 'question', liste => '', commentaire => '' ]);
is($res->{status}, 422, 'an empty question: 422');
like($res->{text}, qr{<div class="error-box error-summary".*<a href="#commentaire">Écrivez le texte}s, 'the error links to its field');
like($res->{text}, qr{name="action" value="question">}, 'with the question\'s form still open');
$res = $admin->post("/intranet/demandes/$d1", [ _csrf => $tok, action => 'repondre', issue => 'refusee', liste => '', commentaire => '' ]);
like($res->{text}, qr{value="refusee" checked}, 'a refused answer keeps the chosen outcome');
$res = $admin->post("/intranet/demandes/$d1", [ _csrf => $tok, action => 'question', liste => $lst =~ s/%3D/=/gr =~ s/%26/&/gr, commentaire => 'Combien de personnes ?' ]);
is($res->{status}, 303, 'the question is sent');
like($res->{headers}{location} // '', qr{/intranet/demandes/$d1\?fait=question&liste=statut%3D%26tri%3Ddemandeur$}, 'back to the demand, in its list');
$page = $admin->get("/intranet/demandes/$d1?fait=question&liste=$lst");
like($page->{text}, qr{<p>Question envoyée à P Nom1 \(p1\@caf\.example\)\. Le délai est suspendu jusqu(?:'|&#39;)à sa réponse\.</p>}, 'the banner says what happened, to whom, and what follows');
like($page->{text}, qr{Passer à la demande suivante \(D-2025-90002\)}, 'and leads to the next');
$page = $admin->get("/intranet/demandes/$d3?liste=");
like($page->{text}, qr{<button type="submit">M'attribuer la demande</button>}, 'a demand without anyone: take it, in one click');
$res = $admin->post("/intranet/demandes/$d3", [ _csrf => $admin->token_from($page), action => 'assigner', responsable => $me, liste => '' ]);
is($res->{status}, 303, 'taken');
like($admin->get("/intranet/demandes/$d3?fait=assigner&liste=")->{text}, qr{Demande attribuée à vous\.}, 'the banner says so');
is(q1("SELECT assignee_id FROM demand WHERE id = $d3"), $me, 'and it is mine');
$res = $admin->post("/intranet/demandes/$d3", [ _csrf => $tok, action => 'repondre', issue => 'acceptee', liste => '', commentaire => 'Oui.' ]);
like($admin->get("/intranet/demandes/$d3?fait=repondre&liste=")->{text}, qr{Réponse envoyée à P Nom3 \(p3\@caf\.example\), issue : Acceptée\.}, 'the answer named with its outcome in words');
unlike($admin->get("/intranet/demandes/$d3?liste=")->{text}, qr{\(acceptee\)|>acceptee<}, 'no stored code on the page');
like($admin->get("/intranet/demandes/$d3?liste=")->{text}, qr{Clore la demande}, 'once answered, it can be closed');

# Half-days to certify: the demonstration's past sessions; a trainer sees
# their own only.
like($r->{text}, qr{<h2 id="a-certifier">Demi-journées à certifier \((\d+)\)</h2>}, 'the half-days to certify');
my ($all) = $r->{text} =~ m{Demi-journées à certifier \((\d+)\)};
my ($hd) = $r->{text} =~ m{<section aria-labelledby="a-certifier">.*?href="/intranet/presence/([0-9]+-(?:matin|apres_midi))"}s;
ok($hd, 'the most recent one links to its page');
is(q1("SELECT count(*) FROM attendance_event WHERE half_day_id = '$hd' AND kind = 'certification'"), '0', 'and it is not certified');
my ($slot) = $hd =~ /^(\d+)/;
my $trainer = q1("INSERT INTO trainer (name, kind, feed_token) VALUES ('Fabien Queue', 'interne', repeat('e5', 20)) RETURNING id");
$stack->user_add('fabien@egoc.example', 'formateur', 'Fabien Queue', 'mot-de-passe-fabien');
q1("UPDATE trainer SET account_id = (SELECT id FROM staff_user WHERE email = 'fabien\@egoc.example') WHERE id = $trainer");
q1("INSERT INTO slot_trainer (slot_id, trainer_id, during) SELECT id, $trainer, tstzrange(starts_at, ends_at) FROM slot WHERE id = $slot");
my $fab = Browser->new($stack->base);
$fab->login('fabien@egoc.example', 'mot-de-passe-fabien');
my $home = $fab->get('/intranet?trainer')->{text};
my ($mine) = $home =~ m{Demi-journées à certifier \((\d+)\)};
ok($mine && $mine <= 2 && $mine < $all, "a trainer sees only their own (" . ($mine // 0) . " of $all)");
like($home, qr{href="/intranet/presence/$hd"}, 'theirs is listed');
unlike($home, qr{Demandes à traiter}, 'and no demands queue');
like($home, qr{<h2 id="prochains">Vos prochains créneaux</h2>}, 'a trainer\'s home has their next slots');
my $future = q1("SELECT s.id FROM slot s JOIN session se ON se.id = s.session_id WHERE s.day > current_date + 1"
	. " AND NOT s.cancelled AND se.status = 'confirmee' AND se.confirmed > 0 ORDER BY s.day LIMIT 1");
q1("INSERT INTO slot_trainer (slot_id, trainer_id, during) SELECT id, $trainer, tstzrange(starts_at, ends_at) FROM slot WHERE id = $future");
$home = $fab->get('/intranet?next')->{text};
like($home, qr{<a href="/intranet/sessions/\d+#creneau-$future"><strong>\w+ \d+\S* \w+ \d{4}</strong>, \d+ h( \d\d)? – \d+ h( \d\d)? : }, 'when, in words');
like($home, qr{creneau-$future.*?\d+ participant\(s\) inscrit\(s\)}s, 'and for how many');
my $t = $fab->token_from($fab->get("/intranet/presence/$hd"));
is($fab->post("/intranet/presence/$hd", [ _csrf => $t, action => 'certifier' ])->{status}, 303, 'the trainer certifies it');
unlike($fab->get('/intranet?after')->{text}, qr{href="/intranet/presence/$hd"}, 'it leaves the list');

$stack->stop;
done_testing();
