#!/usr/bin/env perl
# Accessibility needs (Qualiopi indicator 26) through the real stack: an
# admin marks the référent handicap; a demand declaring a need opens the
# référent's task in its own transaction (due 5 working days later, closure
# days counted) and mails them without any health detail; only admins and
# the référent read /intranet/accessibilite (403 for anyone else, every
# reading in the audit log); a decision needs its text (422), then is
# recorded, named in a banner and logged; the trainer of the session sees
# the adaptation on the session page, never the need; purge and the
# erasure of a requester's data leave nothing of the need.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use POSIX qw(strftime);
use Time::Local qw(timegm);
use Stack;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $ROOT = $Stack::ROOT;
my $stack = Stack->start(name => 'accessibility', demo => 1, conf => "workers = 2\n");
my $var = $stack->var;
my $cli = "$ROOT/cgi-bin/formations -c $var/formations.conf";
sub q1 { my ($sql) = @_; return $stack->psql(encode_utf8($sql)) }
sub ymd_plus { my ($ymd, $n) = @_; my ($y, $m, $d) = split /-/, $ymd;
	return strftime('%Y-%m-%d', gmtime(timegm(0, 0, 12, $d, $m - 1, $y) + 86400 * $n)) }
sub wday { my ($y, $m, $d) = split /-/, $_[0]; return (gmtime(timegm(0, 0, 12, $d, $m - 1, $y)))[6] }

my ($admin_email, $admin_pw) = $stack->demo_admin;
my $admin = Browser->new($stack->base);
is($admin->login($admin_email, $admin_pw)->{status}, 303, 'the admin logs in');
$stack->user_add('rose.referente@egoc.example', 'conseiller', 'Rose Référente', 'mot-de-passe-referente');
$stack->user_add('paul.conseil@egoc.example', 'conseiller', 'Paul Conseil', 'mot-de-passe-conseiller');
$stack->user_add('tanguy@egoc.example', 'formateur', 'Tanguy Formateur', 'mot-de-passe-formateur');
my $rose_id = q1("SELECT id FROM staff_user WHERE email = 'rose.referente\@egoc.example'");

sub demand {
	my ($email, $need) = @_;
	my $b = Browser->new($stack->base);
	my %form = $b->form_fields($b->get('/demande'), '/demande');
	my $r = $b->post('/demande', { %form, nom => 'Martin', prenom => 'Claire', email => $email,
		telephone => '', organisme => 'Caf de la Creuse', fonction => '', formation => 'cooperation-territoriale',
		intitule => '', type => 'intra', participants => '3', periode => '', lieu => '',
		accessibilite => $need, message => '', consentement => 'oui' });
	my ($tracking) = ($r->{headers}{location} // '') =~ m{/demande/suivi/([A-Za-z0-9_-]+)(?:\?envoyee=1)?$};
	return ($r, $tracking ? q1("SELECT id FROM demand WHERE tracking_token = '$tracking'") : undef);
}

# --- before any référent: the desk is told ------------------------------------------------
q1("UPDATE staff_user SET accessibility_referent = false");   # the demo marks its admin
my ($r, $d0) = demand('claire.martin@caf23.example.org', 'Malvoyante : documents en gros caractères');
is($r->{status}, 303, 'a demand declaring a need is sent');
is(q1("SELECT count(*) FROM accessibility_need WHERE demand_id = $d0 AND source = 'demande' AND status = 'a_etudier'"),
	'1', 'it opens a task for the référent handicap');
is(q1("SELECT need FROM accessibility_need WHERE demand_id = $d0"), 'Malvoyante : documents en gros caractères',
	'with the need as declared');
is(q1("SELECT to_address FROM mail_outbox WHERE demand_id = $d0 AND kind = 'besoin_accessibilite'"),
	'formation@egoc.example', 'no référent yet: the desk gets the mail');
unlike(q1("SELECT string_agg(body, ' ') FROM mail_outbox WHERE demand_id = $d0 AND kind <> 'accuse'"),
	qr{Malvoyante}, 'no mail to the staff names the need (health data)');
like(q1("SELECT body FROM mail_outbox WHERE demand_id = $d0 AND kind = 'nouvelle'"),
	qr{Besoins liés à un handicap : oui, transmis au référent handicap}, 'the desk is told there is one');
my ($r0, $d_none) = demand('jean.sans@caf23.example.org', '');
is(q1("SELECT count(*) FROM accessibility_need WHERE demand_id = $d_none"), '0', 'no need declared: no task');

# The due date: 5 working days after the day of the demand, weekends,
# holidays and closure days skipped. With every day until that date closed,
# the next need is due 5 working days after it.
my $today = q1("SELECT to_char((now() AT TIME ZONE 'Europe/Paris')::date, 'YYYY-MM-DD')");
my $due0 = q1("SELECT to_char(due_on, 'YYYY-MM-DD') FROM accessibility_need WHERE demand_id = $d0");
ok($due0 ge ymd_plus($today, 7) && $due0 le ymd_plus($today, 14), "due 5 working days later ($today → $due0)");
ok(wday($due0) >= 1 && wday($due0) <= 5, 'on a working day');
q1("INSERT INTO closure_day (day) SELECT d::date FROM generate_series('$today'::date + 1, '$due0'::date, interval '1 day') d"
	. " ON CONFLICT DO NOTHING");

# --- an admin marks the référent ------------------------------------------------------------
my $page = $admin->get('/intranet/utilisateurs');
my $token = $admin->token_from($page);
like($page->{text}, qr{Désigner<span class="visually-hidden"> Rose Référente|aria-label="Désigner Rose Référente référent handicap"},
	'the users page offers to mark an account référent handicap');
$r = $admin->post("/intranet/utilisateurs/$rose_id", [ _csrf => $token, action => 'referent' ]);
is($r->{status}, 303, 'the admin marks Rose référent handicap');
is(q1("SELECT accessibility_referent FROM staff_user WHERE id = $rose_id"), 't', 'recorded');
$page = $admin->get($r->{headers}{location});
like($page->{text}, qr{le référent handicap reçoit désormais les besoins à étudier}, 'and said so');
like($page->{text}, qr{<span class="tag tag-info">Référent handicap</span>}, 'the list shows who is référent');
is(q1("SELECT count(*) FROM audit_log WHERE action = 'referent_changed' AND email = 'rose.referente\@egoc.example'"),
	'1', 'in the audit log');
my $paul_id = q1("SELECT id FROM staff_user WHERE email = 'paul.conseil\@egoc.example'");
is($admin->post("/intranet/utilisateurs/$paul_id", [ _csrf => $token, action => 'referent' ])->{status}, 303,
	'Paul too, for a while');
is($admin->post("/intranet/utilisateurs/$paul_id", [ _csrf => $token, action => 'non-referent' ])->{status}, 303,
	'then no longer');
is(q1("SELECT accessibility_referent FROM staff_user WHERE id = $paul_id"), 'f', 'Paul is not référent');

# --- a demand now mails the référent ----------------------------------------------------------
my ($r1, $d1) = demand('claire.martin@caf23.example.org', "Fauteuil roulant, besoin d'une salle de plain-pied");
is($r1->{status}, 303, 'a second demand with a need');
my $need1 = q1("SELECT id FROM accessibility_need WHERE demand_id = $d1");
my ($to, $body) = split /\|/, q1("SELECT to_address || '|' || body FROM mail_outbox WHERE demand_id = $d1"
	. " AND kind = 'besoin_accessibilite'"), 2;
is($to, 'rose.referente@egoc.example', 'the référent is mailed at once');
like($body, qr{/intranet/accessibilite#besoin-$need1\n}, 'with a link to the task');
like($body, qr{au plus tard le \w+ \d+(?:er)? \w+ \d{4}\.}, 'and its due date in words');
unlike($body, qr{Fauteuil|plain-pied}, 'but nothing of the need');
my $due1 = q1("SELECT to_char(due_on, 'YYYY-MM-DD') FROM accessibility_need WHERE id = $need1");
ok($due1 ge ymd_plus($due0, 7), "the closure days push the due date ($due0 closed → $due1)");
is(q1("SELECT count(*) FROM closure_day WHERE day = '$due1'"), '0', 'to a day that is not closed');
ok(wday($due1) >= 1 && wday($due1) <= 5, 'nor a weekend');
q1("DELETE FROM closure_day");

# --- a session with its trainer, a registration with a need -------------------------------------
my $course = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $trainer = q1("INSERT INTO trainer (name, kind, feed_token, account_id) VALUES ('Tanguy Formateur', 'interne',"
	. " repeat('c4', 20), (SELECT id FROM staff_user WHERE email = 'tanguy\@egoc.example')) RETURNING id");
sub session_at {
	my ($offset) = @_;
	my $sid = q1("INSERT INTO session (course_id, kind, min_participants, max_participants, status)"
		. " VALUES ($course, 'inter', 4, 12, 'confirmee') RETURNING id");
	my $slot = q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part)"
		. " SELECT $sid, d, (d + time '09:00') AT TIME ZONE 'Europe/Paris', (d + time '12:30') AT TIME ZONE 'Europe/Paris',"
		. " 'matin' FROM (SELECT current_date + $offset AS d) x RETURNING id");
	q1("INSERT INTO slot_trainer (slot_id, trainer_id) VALUES ($slot, $trainer)");
	return $sid;
}
my $sid = session_at(30);
$page = $admin->get("/intranet/sessions/$sid");
$r = $admin->post("/intranet/sessions/$sid/inscriptions", [ _csrf => $admin->token_from($page), action => 'ajouter',
	nom => 'Le Goff', prenom => 'Maëlle', email => 'maelle.legoff@caf29.example.org', fonction => '',
	organisme => 'Caf du Finistère', besoin => 'Appareillée auditivement : boucle magnétique, placée au premier rang' ]);
is($r->{status}, 303, 'a participant registered with a need');
my $reg = q1("SELECT r.id FROM registration r JOIN participant p ON p.id = r.participant_id"
	. " WHERE p.email = 'maelle.legoff\@caf29.example.org'");
my $need2 = q1("SELECT id FROM accessibility_need WHERE registration_id = $reg AND source = 'inscription'");
ok($need2, 'opens a task');
my $first_day = q1("SELECT to_char(first_day, 'YYYY-MM-DD') FROM session WHERE id = $sid");
my $due2 = q1("SELECT to_char(due_on, 'YYYY-MM-DD') FROM accessibility_need WHERE id = $need2");
ok($due2 le ymd_plus($first_day, -7) && $due2 ge ymd_plus($first_day, -14),
	"due 5 working days before the first day ($due2, $first_day)");
# A past session, whose need is late, and long past for the purge.
my $old = session_at(-1200);
my $old_participant = q1("INSERT INTO participant (last_name, first_name, email) VALUES ('Ancien', 'Pierre',"
	. " 'pierre.ancien\@caf29.example.org') RETURNING id");
my $old_reg = q1("INSERT INTO registration (session_id, participant_id, status)"
	. " VALUES ($old, $old_participant, 'confirmee') RETURNING id");
my $need3 = q1("INSERT INTO accessibility_need (source, registration_id, need, due_on, status, decision, decided_at)"
	. " VALUES ('participant', $old_reg, 'Diabète : pauses régulières', current_date - 1207, 'adaptation_prevue',"
	. " 'Pauses toutes les heures', now() - interval '1207 days') RETURNING id");
my $late = q1("INSERT INTO accessibility_need (source, registration_id, need, due_on)"
	. " VALUES ('participant', $old_reg, 'Besoin resté sans réponse', current_date - 3) RETURNING id");

# --- who reads the page ---------------------------------------------------------------------------
my $audit_before = q1("SELECT count(*) FROM audit_log WHERE action = 'accessibility_read'");
$page = $admin->get('/intranet/accessibilite');
is($page->{status}, 200, 'an admin reads the needs');
like($page->{text}, qr{Appareillée auditivement : boucle magnétique}, 'the need itself');
like($page->{text}, qr{<section class="need" id="besoin-$need2".*?Maëlle Le Goff.*?Session du \w+ \d+(?:er)? \w+ \d{4}</a>.*?À l(?:'|&#39;)inscription, par l(?:'|&#39;)équipe formation}s,
	'who, the session date with its link, where it was declared');
like($page->{text}, qr{href="/intranet/sessions/$sid"}, 'the link to the session page');
like($page->{text}, qr{id="besoin-$need1".*?Claire Martin.*?Pas encore de session.*?Sur la demande de formation D-\d{4}-\d+}s,
	'a demand without a session yet');
like($page->{text}, qr{id="besoin-$late-titre">[^<]*<span class="tag tag-late">En retard</span>}, 'a late need is tagged "En retard"');
like($page->{text}, qr{id="besoin-$need2-titre">[^<]*<span class="tag tag-todo">À étudier</span>}, 'the others "À étudier"');
like($page->{text}, qr{À étudier au plus tard le \w+ \d+(?:er)? \w+ \d{4}}, 'the due date in words');
my @order = $page->{text} =~ /<section class="need" id="besoin-(\d+)"/g;
my $need0 = q1("SELECT id FROM accessibility_need WHERE demand_id = $d0");
my %due = map { split /\|/ } split /\n/, q1("SELECT id || '|' || to_char(due_on, 'YYYY-MM-DD') FROM accessibility_need");
my %pos = map { $order[$_] => $_ } 0 .. $#order;
is($order[0], $late, 'the late need first');
ok($pos{$need0} < $pos{$need1}, 'then by due date');
my @open_dues = map { $due{$_} } grep { $_ != $need3 } @order;
is_deeply(\@open_dues, [ sort @open_dues ], 'every need to study by due date') or diag "@order";
is($order[-1], $need3, 'then the decided ones');
like($page->{text}, qr{<option value="adaptation_prevue"[^>]*>Adaptation prévue</option>}, 'a decision form in French');
is(q1("SELECT count(*) FROM audit_log WHERE action = 'accessibility_read'"), $audit_before + 1, 'the reading is logged');
like($admin->get('/intranet')->{text}, qr{href="/intranet/accessibilite"}, 'the intranet home links to it for an admin');

my $rose = Browser->new($stack->base);
is($rose->login('rose.referente@egoc.example', 'mot-de-passe-referente')->{status}, 303, 'the référent logs in');
like($rose->get('/intranet')->{text}, qr{href="/intranet/accessibilite"}, 'her home links to the needs');
$page = $rose->get('/intranet/accessibilite');
is($page->{status}, 200, 'the référent (a conseiller) reads the needs');
like($page->{text}, qr{Fauteuil roulant}, 'with the needs');
like($rose->get("/intranet/demandes/$d1")->{text}, qr{Fauteuil roulant}, 'and on the demand page');
is(q1("SELECT count(*) FROM audit_log WHERE action = 'accessibility_read' AND email = 'rose.referente\@egoc.example'"),
	'1', 'her reading is logged under her name');

my $paul = Browser->new($stack->base);
$paul->login('paul.conseil@egoc.example', 'mot-de-passe-conseiller');
is($paul->get('/intranet/accessibilite')->{status}, 403, 'a conseiller not référent: 403');
unlike($paul->get('/intranet')->{text}, qr{href="/intranet/accessibilite"}, 'no link on his home');
my $dpage = $paul->get("/intranet/demandes/$d1");
is($dpage->{status}, 200, 'he opens the demand');
unlike($dpage->{text}, qr{Fauteuil}, 'without the need');
like($dpage->{text}, qr{Déclarés : ils sont transmis au référent handicap}, 'only that there is one');
is($paul->post("/intranet/accessibilite/$need2", [ _csrf => $paul->token_from($dpage), statut => 'sans_objet',
	prevu => 'rien' ])->{status}, 403, 'nor may he decide');
my $tr = Browser->new($stack->base);
$tr->login('tanguy@egoc.example', 'mot-de-passe-formateur');
is($tr->get('/intranet/accessibilite')->{status}, 403, 'a trainer: 403');
is(q1("SELECT status FROM accessibility_need WHERE id = $need2"), 'a_etudier', 'nothing decided');

# --- a decision ------------------------------------------------------------------------------------
$page = $rose->get('/intranet/accessibilite');
$token = $rose->token_from($page);
$r = $rose->post("/intranet/accessibilite/$need2", [ _csrf => $token, statut => 'adaptation_prevue', prevu => "  \n " ]);
is($r->{status}, 422, 'a decision without what is planned: 422');
like($r->{text}, qr{Dites ce qui est prévu pour cette personne}, 'said so');
like($r->{text}, qr{La décision pour Maëlle Le Goff n(?:'|&#39;)est pas enregistrée}, 'naming the person');
$r = $rose->post("/intranet/accessibilite/$need2", [ _csrf => $token, statut => 'sans_objet', prevu => '' ]);
is($r->{status}, 422, 'nor "sans objet" without why');
$r = $rose->post("/intranet/accessibilite/$need2", [ _csrf => $token, statut => 'a_etudier', prevu => 'Quelque chose' ]);
is($r->{status}, 422, 'an unknown decision: 422');
like($r->{text}, qr{<textarea id="prevu-$need2"[^>]*>Quelque chose</textarea>}, 'what was typed is kept');
$r = $rose->post("/intranet/accessibilite/$need2", [ _csrf => $token, statut => 'adaptation_prevue',
	prevu => "Micro du formateur relié à la boucle de la salle ; place réservée au premier rang." ]);
is(q1("SELECT status FROM accessibility_need WHERE id = $need2"), 'a_etudier', 'nothing saved by the refusals') if $r->{status} != 303;
is($r->{status}, 303, 'the decision is recorded');
is(q1("SELECT status || '|' || decided_by || '|' || (decided_at IS NOT NULL) FROM accessibility_need WHERE id = $need2"),
	'adaptation_prevue|Rose Référente|true', 'adaptation prévue, by the référent, dated');
$page = $rose->get($r->{headers}{location});
like($page->{text}, qr{une adaptation est prévue pour Maëlle Le Goff}, 'the banner names the person');
like($page->{text}, qr{id="besoin-$need2-titre">[^<]*<span class="tag tag-confirmee">Adaptation prévue</span>}, 'now among the decided');
is(q1("SELECT count(*) FROM audit_log WHERE action = 'accessibility_decided' AND email = 'rose.referente\@egoc.example'"
	. " AND detail LIKE 'besoin n° $need2 : Adaptation prévue%'"), '1', 'the decision is in the audit log');
unlike(q1("SELECT string_agg(detail, ' ') FROM audit_log"), qr{Appareillée|boucle}, 'which holds no health detail');
$r = $rose->post("/intranet/accessibilite/$need1", [ _csrf => $token, statut => 'sans_objet',
	prevu => 'La salle prévue est de plain-pied.' ]);
is($r->{status}, 303, 'a need without object');
like($rose->get($r->{headers}{location})->{text}, qr{le besoin de Claire Martin est sans objet}, 'said so');
my $journal = $admin->get('/intranet/journal');
like($journal->{text}, qr{Décision sur un besoin lié à un handicap}, 'the journal names the decisions in French');
like($journal->{text}, qr{Lecture des besoins liés à un handicap}, 'the readings');
like($journal->{text}, qr{Référent handicap désigné ou retiré}, 'and the référent changes');

# --- the trainer sees the adaptation, not the need -----------------------------------------------
$page = $tr->get("/intranet/sessions/$sid");
is($page->{status}, 200, 'the trainer opens the session page');
like($page->{text}, qr{Le Goff Maëlle <span class="tag tag-info">Adaptation prévue</span>}, 'the participant is marked');
like($page->{text}, qr{Micro du formateur relié à la boucle de la salle}, 'with the adaptation to make');
unlike($page->{text}, qr{Appareillée}, 'but not the need');

# --- purge and erasure -------------------------------------------------------------------------
my $out = `$cli purge 2>&1`;
is($?, 0, 'formations purge runs');
like($out, qr{^anonymised 0 demands\nanonymised 2 accessibility needs of past sessions\n}, 'the needs of a session ended long ago')
	or diag $out;
is(q1("SELECT need || '|' || decision || '|' || status FROM accessibility_need WHERE id = $need3"),
	'(effacé)|(effacé)|adaptation_prevue', 'lose their text and decision');
is(q1("SELECT need || '|' || decision || '|' || status FROM accessibility_need WHERE id = $late"),
	'(effacé)|(effacé)|sans_objet', 'an open one is closed');
is(q1("SELECT need FROM accessibility_need WHERE id = $need2"), 'Appareillée auditivement : boucle magnétique, placée au premier rang',
	'a session to come keeps its need');
q1("UPDATE demand SET status = 'close' WHERE id = $d0");
q1("UPDATE demand_event SET at = now() - interval '1200 days' WHERE demand_id = $d0");
$out = `$cli purge 2>&1`;
like($out, qr{^anonymised 1 demands\nanonymised 0 accessibility needs}, 'a demand ended long ago is anonymised');
is(q1("SELECT n.need || '|' || n.status || '|' || d.accessibility FROM accessibility_need n JOIN demand d ON d.id = n.demand_id"
	. " WHERE d.id = $d0"), '(effacé)|sans_objet|', 'with its need');
is(`$cli purge 2>&1`, "anonymised 0 demands\nanonymised 0 accessibility needs of past sessions\n", 'a second run does nothing');

$page = $admin->get('/intranet/donnees?email=claire.martin%40caf23.example.org');
$r = $admin->post('/intranet/donnees', [ _csrf => $admin->token_from($page), email => 'claire.martin@caf23.example.org',
	confirmation => 'oui' ]);
is($r->{status}, 303, "the requester's data are erased");
is(q1("SELECT need || '|' || decision FROM accessibility_need WHERE id = $need1"), '(effacé)|(effacé)',
	'with the needs of her demands');
is(q1("SELECT count(*) FROM accessibility_need WHERE need LIKE '%Fauteuil%' OR decision LIKE '%plain-pied%'"), '0',
	'nothing left of them');
$page = $rose->get('/intranet/accessibilite');
unlike($page->{text}, qr{Fauteuil|Malvoyante|Diabète}, 'the list shows nothing of the erased needs');

$stack->stop;
done_testing();
