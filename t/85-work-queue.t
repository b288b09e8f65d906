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
