#!/usr/bin/env perl
# Questionnaires through the real stack: `formations remind` creates and
# mails each kind on its schedule (amont with the convocation, chaud at the
# end of the last half-day, froid at J+60, froid_manager at J+90 to the
# requester), reminds at J+3 and J+7 only those who have not answered, and
# closes at J+30, once however often it runs (--at plays the days); the
# answer page /questionnaire/{token} with every refusal (422, 404, 409,
# 410, 403) keeping what was typed and saving nothing; the participant's
# page and the trainer's QR code of the last half-day; the admins' model
# editor with its versions and its refusals; the mails through the SMTP
# sink.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8 decode_utf8);
use MIME::Base64 ();
use Stack;
use Sink;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $ROOT = $Stack::ROOT;
my $smtp_port = Stack::free_port();
my $stack = Stack->start(name => 'questionnaires', demo => 1,
	conf => "smtp_url = smtp://127.0.0.1:$smtp_port\n");
my $var = $stack->var;
my $cli = "$ROOT/cgi-bin/formations -c $var/formations.conf";
sub q1 { my ($sql) = @_; return $stack->psql(encode_utf8($sql)) }
sub remind_at {
	my ($t) = @_;
	my $out = `$cli remind --at $t 2>&1`;
	return $out;
}
sub mails_to {
	my ($to, $kind) = @_;
	return q1("SELECT count(*) FROM mail_outbox WHERE to_address = '$to'"
		. ($kind ? " AND kind = '$kind'" : " AND kind LIKE 'questionnaire%'"));
}

my ($admin_email, $admin_pw) = $stack->demo_admin;
my $desk = Browser->new($stack->base);
is($desk->login($admin_email, $admin_pw)->{status}, 303, 'the admin logs in');

# Whatever the demo queued belongs to the demo: the remind runs below start
# from a clean outbox.
remind_at(time);
q1("UPDATE mail_outbox SET sent_at = now() WHERE sent_at IS NULL");

# A confirmed session whose last half-day is going on now (an afternoon
# slot from an hour ago to an hour ahead), after a first half-day of a week
# ago that was cancelled: the session is a day, today, and the amont of
# its convocations still goes.
my $course = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $sid = q1("INSERT INTO session (course_id, kind, min_participants, max_participants, status)"
	. " VALUES ($course, 'inter', 1, 12, 'confirmee') RETURNING id");
q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part, cancelled) SELECT $sid,"
	. " (now() AT TIME ZONE 'Europe/Paris')::date - 7, now() - interval '7 days 1 hour',"
	. " now() - interval '7 days' + interval '2 hours', 'matin', true");
my $last = q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part) SELECT $sid,"
	. " (now() AT TIME ZONE 'Europe/Paris')::date, now() - interval '1 hour', now() + interval '1 hour', 'apres_midi'"
	. " RETURNING id");
my $hd = "$last-apres_midi";
# the requester: a demand of their own, with an address of its own
my $requester = 'responsable.test@caf35.example.org';
my $demand = q1("INSERT INTO demand (reference, form_token, tracking_token, received_on, regime, due_on, kind,"
	. " last_name, first_name, email, organisation, participants, consent_at, course_id) VALUES ('D-2026-99999',"
	. " repeat('f', 32), repeat('e', 64), current_date - 30, '15j', current_date - 15, 'inter', 'Responsable',"
	. " 'Rose', '$requester', 'Caf 35', 2, now(), $course) RETURNING id");
my %reg;
for my $who (qw(alice bob)) {
	my $p = q1("INSERT INTO participant (last_name, first_name, email, organisation) VALUES"
		. " ('\u$who', 'Test', '$who\@caf35.example.org', 'Caf 35') RETURNING id");
	$reg{$who} = q1("INSERT INTO registration (session_id, participant_id, status, demand_id, convocation_at)"
		. " VALUES ($sid, $p, 'confirmee', $demand, now() - interval '8 days') RETURNING id");
}
my %page = map { $_ => q1("SELECT token FROM registration WHERE id = $reg{$_}") } keys %reg;
my $now = time;

# --- the participant's page offers the chaud during the last half-day ------------------------
my $alice = Browser->new($stack->base);
my $r = $alice->get("/participant/$page{alice}");
is($r->{status}, 200, "the participant's page");
like($r->{text}, qr{Vos questionnaires}, 'lists the questionnaires');
my ($chaud_a) = $r->{text} =~ m{<a class="button" href="/questionnaire/([0-9a-f]{64})">Donner mon avis sur la formation</a>};
ok($chaud_a, 'and offers the chaud questionnaire now, as its first action');
is(q1("SELECT kind FROM survey WHERE token = '$chaud_a'"), 'chaud', 'that is the chaud one');
is(q1("SELECT count(*) FROM mail_outbox WHERE kind LIKE 'questionnaire%' AND sent_at IS NULL"), '0',
	'nothing is mailed before the end of the half-day');

# the trainer's half-day page shows its QR code, which leads each browser to its own
$r = $desk->get("/intranet/presence/$hd");
is($r->{status}, 200, 'the half-day page');
like($r->{text}, qr{Questionnaire à chaud.*?/intranet/presence/$hd/questionnaire\.svg}s, 'shows the QR code of the chaud');
$r = $desk->get("/intranet/presence/$hd/questionnaire.svg");
is($r->{status}, 200, 'the QR code');
like($r->{headers}{'content-type'}, qr{^image/svg\+xml}, 'as SVG');
my $first = q1("SELECT min(id) FROM slot WHERE session_id = $sid");
is($desk->get("/intranet/presence/$first-matin/questionnaire.svg")->{status}, 404, 'not on another half-day');
unlike($desk->get("/intranet/presence/$first-matin")->{text}, qr{questionnaire\.svg}, 'whose page has none');
is(Browser->new($stack->base)->get("/intranet/presence/$hd/questionnaire.svg")->{status}, 303, 'staff only');
$r = $alice->get("/evaluation/$hd");
is($r->{status}, 303, 'scanned by a participant whose page this browser opened');
like($r->{headers}{location}, qr{/questionnaire/$chaud_a$}, 'it leads to their own questionnaire');
$r = Browser->new($stack->base)->get("/evaluation/$hd");
is($r->{status}, 200, 'scanned by another browser');
like($r->{text}, qr{lien de votre convocation}, 'it says how to find it');
is($alice->get("/evaluation/$first-matin")->{status}, 303, 'any half-day of her session leads her there');
is($alice->get('/evaluation/nimporte')->{status}, 404, 'a wrong half-day is a 404');

# --- answering ----------------------------------------------------------------------------------
$r = $alice->get("/questionnaire/$chaud_a");
is($r->{status}, 200, "the questionnaire") or diag join "\n", (split /\n/, $stack->log_text)[-8..-1];
like($r->{headers}{'x-robots-tag'} // '', qr{noindex}, 'kept out of search engines');
like($r->{text}, qr{<fieldset class="question scale">\s*<legend>Les objectifs de la formation ont-ils été atteints \?}s,
	'a scale is a fieldset with its legend');
like($r->{text}, qr{1 : Pas du tout · 5 : Tout à fait}, 'with the labels of 1 and 5');
like($r->{text}, qr{Où en êtes-vous maintenant sur cet objectif de la formation \? — }, 'the level asked on each objective');
unlike($r->{text}, qr{<script}, 'no JavaScript');
my $csrf = $alice->token_from($r);
my %q = map { $_ => q1("SELECT q.id FROM survey_question q JOIN survey_version v ON v.id = q.version_id"
	. " JOIN survey_model m ON m.id = v.model_id WHERE m.kind = 'chaud' AND m.course_id IS NULL AND q.code = '$_'") }
	qw(objectifs_atteints contenu formateur rythme supports conditions niveau_objectif satisfaction_globale recommandation commentaire);
my @objective_fields = $r->{text} =~ /name="(q$q{niveau_objectif}-\d+)"/g;
my %seen; @objective_fields = grep { !$seen{$_}++ } @objective_fields;
ok(@objective_fields >= 1, 'one scale per objective of the fiche: ' . scalar @objective_fields);
sub answers {
	my (%o) = @_;
	my @f = (_csrf => $csrf, revision => $o{revision} // '');
	push @f, "q$q{$_}" => ($o{$_} // 4) for qw(objectifs_atteints contenu formateur rythme supports conditions);
	push @f, $_ => ($o{objective} // 3) for @objective_fields;
	push @f, "q$q{satisfaction_globale}" => $o{satisfaction_globale} // 5;
	push @f, "q$q{recommandation}" => $o{recommandation} // 'oui';
	push @f, "q$q{commentaire}" => $o{commentaire} // '';
	push @f, "c$q{$_}" => ($o{"c_$_"} // '') for qw(objectifs_atteints contenu formateur rythme supports conditions satisfaction_globale);
	return \@f;
}
sub saved { q1("SELECT count(*) FROM survey_answer_set a JOIN survey s ON s.id = a.survey_id WHERE s.token = '$_[0]'") }

# refusals: 422 with the summary, everything typed kept, nothing saved
my $f = answers(commentaire => 'Très bien, merci');
$r = $alice->post("/questionnaire/$chaud_a", answers(commentaire => 'Très bien, merci', rythme => ''));
is($r->{status}, 422, 'a required answer missing: 422');
like($r->{text}, qr{class="error-box error-summary".*?<a href="#f-q$q{rythme}-1">Le rythme de la formation vous a-t-il convenu \? : Répondez à cette question\.</a>}s,
	'the error summary names the question and links to it');
like($r->{text}, qr{id="e-q$q{rythme}">Répondez à cette question\.}, 'the message stands by the question');
like($r->{text}, qr{aria-describedby="e-q$q{rythme}"}, 'which its fieldset points to');
like($r->{text}, qr{Très bien, merci</textarea>}, 'the comment typed is kept');
like($r->{text}, qr{name="q$q{contenu}" value="4" checked}, 'and the scores given');
is(saved($chaud_a), '0', 'nothing saved');
$r = $alice->post("/questionnaire/$chaud_a", answers(contenu => 7));
is($r->{status}, 422, 'a score out of range: 422');
like($r->{text}, qr{Choisissez une note de 1 à 5\.}, 'said in French');
$r = $alice->post("/questionnaire/$chaud_a", answers(recommandation => 'peut-être'));
is($r->{status}, 422, 'a yes/no answer that is neither');
$r = $alice->post("/questionnaire/$chaud_a", answers(commentaire => 'x' x 4001));
is($r->{status}, 422, 'a text over its limit: 422');
like($r->{text}, qr{Votre réponse dépasse 4 000 caractères}, 'the limit named');
$r = $alice->post("/questionnaire/$chaud_a", answers(formateur => 2));
is($r->{status}, 422, 'a score of 3 or less without a comment: 422');
like($r->{text}, qr{href="#f-c$q{formateur}">.*?dites-nous en quelques mots}s, 'the comment is asked for');
is(saved($chaud_a), '0', 'still nothing saved');
my @no_csrf = @{ answers() };
splice(@no_csrf, 0, 2);
is($alice->post("/questionnaire/$chaud_a", \@no_csrf)->{status}, 403, 'without the anti-forgery token: 403');

# a good answer
$r = $alice->post("/questionnaire/$chaud_a", answers(formateur => 2, c_formateur => 'Trop rapide sur le module 2',
	satisfaction_globale => 4));
is($r->{status}, 303, 'the answers are saved');
is(saved($chaud_a), '1', 'one answer set');
is(q1("SELECT a.value || '/' || a.comment FROM survey_answer a WHERE a.question_id = $q{formateur}"),
	'2/Trop rapide sur le module 2', 'with the score and its comment');
is(q1("SELECT count(*) FROM survey_answer a JOIN survey_answer_set s ON s.id = a.answer_set_id"
	. " JOIN survey v ON v.id = s.survey_id WHERE v.token = '$chaud_a' AND a.item > 0"), scalar @objective_fields,
	'and one level per objective, each with its objective');
$r = $alice->get("/questionnaire/$chaud_a?fait=1");
like($r->{text}, qr{class="notice" role="status">Merci Test Alice, vos réponses sont enregistrées\. Vous pouvez les modifier jusqu(?:'|&#39;)au},
	'a banner says so and until when they may change');
like($r->{text}, qr{name="q$q{formateur}" value="2" checked}, 'the answers are shown');
like($r->{text}, qr{name="revision" value="1"}, 'at their revision');
$r = $alice->post("/questionnaire/$chaud_a", answers(satisfaction_globale => 5));
is($r->{status}, 409, 'the same form sent twice: 409');
like($r->{text}, qr{déjà été envoyées}, 'said in French');
is(q1("SELECT value FROM survey_answer WHERE question_id = $q{satisfaction_globale}"), '4', 'nothing changed');
$r = $alice->post("/questionnaire/$chaud_a", answers(satisfaction_globale => 5, revision => 1));
is($r->{status}, 303, 'answers can be changed');
is(q1("SELECT value FROM survey_answer WHERE question_id = $q{satisfaction_globale}"), '5', 'they are');
is(q1("SELECT revision FROM survey_answer_set a JOIN survey s ON s.id = a.survey_id WHERE s.token = '$chaud_a'"), '2',
	'in the same answer set');
is($alice->get('/questionnaire/' . ('0' x 64))->{status}, 404, 'an unknown token: 404');
is($alice->get('/questionnaire/abc')->{status}, 404, 'a malformed one too');
is($alice->post('/questionnaire/' . ('0' x 64), answers())->{status}, 404, 'also to send answers');

# --- the schedule: mails, reminders, closing -----------------------------------------------------
my $end = $now + 3600;
my $out = remind_at($end + 60);
like($out, qr{questionnaires: \d+ created, \d+ mails queued}, 'remind reports the questionnaires') or diag $out;
is(mails_to('bob@caf35.example.org', 'questionnaire'), 2, 'at the end of the last half-day: amont (opened with the convocation) and chaud to Bob');
is(mails_to('alice@caf35.example.org', 'questionnaire'), 1, 'Alice, who answered in the room, gets only the amont');
remind_at($end + 120);
is(mails_to('bob@caf35.example.org'), 2, 'run twice: one mail each');
is(q1("SELECT count(*) FROM survey s JOIN session se ON se.id = s.session_id WHERE s.kind = 'amont'"
	. " AND se.first_day < (s.created_at AT TIME ZONE 'Europe/Paris')::date"), '0',
	'no amont for a session already begun (the demo\'s)');
ok(q1("SELECT count(*) FROM survey WHERE kind = 'amont'") > 2, 'but one for each convocation of sessions to come');
my $bob_chaud = q1("SELECT token FROM survey WHERE registration_id = $reg{bob} AND kind = 'chaud'");
like(q1("SELECT body FROM mail_outbox WHERE to_address = 'bob\@caf35.example.org' AND dedup_key LIKE 'survey:%:open'"
	. " AND body LIKE '%$bob_chaud%'"), qr{/questionnaire/$bob_chaud}, 'the mail carries his own link');
my $day = 86400;
remind_at($end + 3 * $day);
is(mails_to('bob@caf35.example.org', 'questionnaire_rappel'), 2, 'J+3: a reminder of each to Bob');
is(mails_to('alice@caf35.example.org', 'questionnaire_rappel'), 1, 'and the amont one to Alice');
remind_at($end + 3 * $day + 60);
is(mails_to('bob@caf35.example.org', 'questionnaire_rappel'), 2, 'once');
# Bob answers the chaud before J+7
my $bob = Browser->new($stack->base);
$r = $bob->get("/questionnaire/$bob_chaud");
$csrf = $bob->token_from($r);
is($bob->post("/questionnaire/$bob_chaud", answers())->{status}, 303, 'Bob answers');
remind_at($end + 7 * $day);
is(mails_to('bob@caf35.example.org', 'questionnaire_rappel'), 3, 'J+7: the second reminder of the amont only');
is(q1("SELECT count(*) FROM mail_outbox WHERE to_address = 'bob\@caf35.example.org' AND dedup_key LIKE 'survey:%:remind_2'"
	. " AND subject LIKE 'Rappel — Votre avis%'"), '0', 'none for the chaud he answered');
remind_at($end + 7 * $day + 60);
remind_at($end + 8 * $day);
is(mails_to('bob@caf35.example.org', 'questionnaire_rappel'), 3, 'once, and no third one');
$out = remind_at($end + 30 * $day + 60);
is(q1("SELECT count(*) FROM survey WHERE session_id = $sid AND kind IN ('amont', 'chaud') AND closed_at IS NOT NULL"), '4',
	'J+30: every questionnaire of the session closes');
$r = $alice->get("/questionnaire/$chaud_a");
is($r->{status}, 410, 'a closed questionnaire: 410');
like($r->{text}, qr{Ce questionnaire est clos.*?Vos réponses du .*? sont enregistrées}s, 'it says so, and that her answers are kept');
unlike($r->{text}, qr{<form method="post" action="/questionnaire/}, 'without the form');
$csrf = $alice->token_from($alice->get("/participant/$page{alice}"));
$r = $alice->post("/questionnaire/$chaud_a", answers(revision => 2));
is($r->{status}, 410, 'answers sent to it: 410');
is(q1("SELECT revision FROM survey_answer_set a JOIN survey s ON s.id = a.survey_id WHERE s.token = '$chaud_a'"), '2',
	'nothing changed');
is(mails_to('bob@caf35.example.org'), 5, 'no mail after closing');

# froid at J+60, froid_manager at J+90 to the requester
my $j = q1("SELECT extract(epoch FROM ((now() AT TIME ZONE 'Europe/Paris')::date + 60)::timestamp AT TIME ZONE 'Europe/Paris')::bigint");
remind_at($j - 60);
is(q1("SELECT count(*) FROM survey WHERE session_id = $sid AND kind = 'froid'"), '0', 'froid: not the day before J+60');
remind_at($j + 60);
is(q1("SELECT count(*) FROM survey WHERE session_id = $sid AND kind = 'froid'"), '2', 'froid: one per participant on J+60');
is(mails_to('alice@caf35.example.org', 'questionnaire'), 2, 'mailed');
remind_at($j + 120);
is(mails_to('alice@caf35.example.org', 'questionnaire'), 2, 'once');
remind_at($j + 30 * $day - 60);
my $jm = $j + 30 * $day;
remind_at($jm + 60);
is(q1("SELECT count(*) FROM survey WHERE session_id = $sid AND kind = 'froid_manager'"), '1',
	'froid_manager: one for the requester of both, on J+90');
is(q1("SELECT count(*) FROM mail_outbox WHERE to_address = '$requester' AND kind = 'questionnaire'"
	. " AND subject LIKE 'Trois mois après la formation%'"), '1', 'mailed to the requester');
my $mgr = q1("SELECT token FROM survey WHERE session_id = $sid AND kind = 'froid_manager'");
q1("UPDATE survey SET opened_on = (now() AT TIME ZONE 'Europe/Paris')::date, opens_at = now() - interval '1 hour'"
	. " WHERE token = '$mgr'");
$r = Browser->new($stack->base)->get("/questionnaire/$mgr");
is($r->{status}, 200, "the requester's questionnaire");
like($r->{text}, qr{Avez-vous constaté une évolution des pratiques des agents formés}, 'asks the manager');

# a questionnaire not open yet
my $later = q1("SELECT token FROM survey WHERE registration_id = $reg{alice} AND kind = 'froid'");
q1("UPDATE survey SET opens_at = now() + interval '2 days', opened_on = NULL, closed_at = NULL WHERE token = '$later'");
$r = $alice->get("/questionnaire/$later");
is($r->{status}, 200, 'a questionnaire not open yet');
like($r->{text}, qr{Ce questionnaire s(?:'|&#39;)ouvre le }, 'says when it opens');
unlike($r->{text}, qr{<form method="post" action="/questionnaire/}, 'without the form');
$csrf = $alice->token_from($alice->get("/participant/$page{alice}"));
is($alice->post("/questionnaire/$later", [ _csrf => $csrf, revision => '' ])->{status}, 409, 'and takes no answer: 409');

# --- the amont: positioning, and a need that goes to the référent handicap ------------------------------
my $amont = q1("SELECT token FROM survey WHERE registration_id = $reg{alice} AND kind = 'amont'");
q1("UPDATE survey SET closed_at = NULL, opened_on = (now() AT TIME ZONE 'Europe/Paris')::date WHERE token = '$amont'");
$r = $alice->get("/questionnaire/$amont");
is($r->{status}, 200, 'the amont questionnaire');
like($r->{text}, qr{Où en êtes-vous aujourd(?:'|&#39;)hui sur cet objectif}, 'asks the level on each objective');
$csrf = $alice->token_from($r);
my %fields;
while ($r->{text} =~ /name="(q\d+(?:-\d+)?)" value="([^"]*)"/g) { $fields{$1} //= $2 }
my ($need_q) = q1("SELECT q.id FROM survey_question q WHERE q.code = 'besoin_accessibilite'");
my ($expect_q) = q1("SELECT q.id FROM survey_question q WHERE q.code = 'attentes'");
my $needs_before = q1("SELECT count(*) FROM accessibility_need WHERE registration_id = $reg{alice}");
$r = $alice->post("/questionnaire/$amont", [ _csrf => $csrf, revision => '', %fields,
	"q$expect_q" => 'Savoir animer un partenariat', "q$need_q" => 'Documents en gros caractères' ]);
is($r->{status}, 303, 'answered');
is(q1("SELECT count(*) FROM accessibility_need WHERE registration_id = $reg{alice}"), $needs_before + 1,
	'the need declared opens a task for the référent handicap');

# --- the model editor -------------------------------------------------------------------------------
$r = $desk->get('/intranet/questionnaires');
is($r->{status}, 200, 'the list of models');
like($r->{text}, qr{Votre avis sur la formation.*?À chaud.*?Par défaut}s, 'with the defaults');
is(Browser->new($stack->base)->get('/intranet/questionnaires')->{status}, 303, 'staff only');
$stack->user_add('claire@egoc.example', 'conseiller', 'Claire Conseil', 'mot-de-passe-conseil');
my $cons = Browser->new($stack->base);
$cons->login('claire@egoc.example', 'mot-de-passe-conseil');
is($cons->get('/intranet/questionnaires')->{status}, 403, 'admins only');
my $chaud_model = q1("SELECT id FROM survey_model WHERE kind = 'chaud' AND course_id IS NULL");
is($cons->get("/intranet/questionnaires/$chaud_model")->{status}, 403, 'each model too');

sub edit_fields {
	my ($res, $action) = @_;
	my ($form) = $res->{text} =~ m{<form[^>]*action="\Q$action\E"[^>]*>(.*?)</form>}s;
	my @f;
	while ($form =~ m{<(input|textarea|select)\b([^>]*)>(?:(.*?)</\1>)?}gs) {
		my ($tag, $attrs, $inner) = ($1, $2, $3);
		my ($name) = $attrs =~ /name="([^"]*)"/ or next;
		if ($tag eq 'input') {
			next if $attrs =~ /type="checkbox"/ && $attrs !~ /\bchecked\b/;
			my ($v) = $attrs =~ /value="([^"]*)"/;
			push @f, $name => Browser::_unescape($v // '');
		} elsif ($tag eq 'textarea') {
			push @f, $name => Browser::_unescape($inner // '');
		} else {
			my ($v) = ($inner // '') =~ /<option value="([^"]*)"[^>]*selected/;
			push @f, $name => Browser::_unescape($v // '');
		}
	}
	return @f;
}
sub set_field { my ($f, $k, $v) = @_; for (my $i = 0; $i < @$f; $i += 2) { if ($f->[$i] eq $k) { $f->[$i + 1] = $v; return } } push @$f, $k, $v }
sub drop_field { my ($f, $k) = @_; for (my $i = 0; $i < @$f; $i += 2) { if ($f->[$i] eq $k) { splice(@$f, $i, 2); return } } }

my $path = "/intranet/questionnaires/$chaud_model";
$r = $desk->get($path);
is($r->{status}, 200, 'a model to edit');
like($r->{text}, qr{Ce questionnaire a déjà des réponses : en enregistrant, vous créez la version 2}, 'it warns of the new version');
my @f = edit_fields($r, $path);
# a question with answers left out: refused, with why
my @drop = @f;
set_field(\@drop, 'q2_retirer', '1');
$r = $desk->post($path, \@drop);
is($r->{status}, 422, 'leaving out a question with answers: 422');
like($r->{text}, qr{La question « Le formateur ou la formatrice a-t-il été clair et disponible \? » \(\d+ réponses\) a déjà des réponses : elle ne peut pas être retirée},
	'refused with why');
is(q1("SELECT current_version FROM survey_model WHERE id = $chaud_model"), '1', 'nothing saved');
# no global question: refused
my @noglobal = @f;
drop_field(\@noglobal, 'q7_global');
$r = $desk->post($path, \@noglobal);
is($r->{status}, 422, 'a chaud model without its global question: 422');
like($r->{text}, qr{question de satisfaction globale}, 'said why');
# a scale without its labels
my @nolabel = @f;
set_field(\@nolabel, 'q10_wording', 'Le repas était-il bon ?');
set_field(\@nolabel, 'q10_type', 'echelle');
$r = $desk->post($path, \@nolabel);
is($r->{status}, 422, 'a new scale without the labels of 1 and 5: 422');
like($r->{text}, qr{<a href="#f-q10_wording">Question 11 : Une échelle a les libellés de 1 et de 5}, 'named in the summary');
like($r->{text}, qr{value="Le repas était-il bon \?"}, 'what was typed is kept');
# a reworded question and a new one: version 2, the answers keep version 1
my @ok = @f;
set_field(\@ok, 'q3_wording', 'Le rythme vous a-t-il convenu ?');
set_field(\@ok, 'q10_wording', 'Le repas était-il bon ?');
set_field(\@ok, 'q10_type', 'echelle');
set_field(\@ok, 'q10_label_1', 'Pas du tout');
set_field(\@ok, 'q10_label_5', 'Tout à fait');
$r = $desk->post($path, \@ok);
is($r->{status}, 303, 'a change to a model with answers');
like($r->{headers}{location}, qr{fait=version}, 'makes a new version');
is(q1("SELECT current_version FROM survey_model WHERE id = $chaud_model"), '2', 'version 2');
is(q1("SELECT count(*) FROM survey_question q JOIN survey_version v ON v.id = q.version_id WHERE v.model_id = $chaud_model AND v.number = 2"),
	'11', 'with its eleven questions');
is(q1("SELECT v.number FROM survey_answer_set a JOIN survey_version v ON v.id = a.version_id JOIN survey s ON s.id = a.survey_id"
	. " WHERE s.token = '$chaud_a'"), '1', 'the answers keep the version they answered');
like($desk->get("$path?fait=version")->{text}, qr{vos changements forment la version 2}, 'the banner says so');
is(q1("SELECT count(*) FROM survey_question q JOIN survey_version v ON v.id = q.version_id WHERE v.model_id = $chaud_model"
	. " AND v.number = 1 AND q.wording LIKE 'Le rythme de la formation%'"), '1', 'version 1 is unchanged');
# a stale form
$r = $desk->post($path, \@ok);
is($r->{status}, 409, 'a form read at an older version: 409');
# saving version 2, which has no answers, changes it in place
@f = edit_fields($desk->get($path), $path);
set_field(\@f, 'titre', 'Votre avis sur la formation, en deux minutes');
$r = $desk->post($path, \@f);
is($r->{status}, 303, 'a change to a version without answers');
like($r->{headers}{location}, qr{fait=modifie}, 'changes it in place');
is(q1("SELECT current_version || ' ' || title FROM survey_model WHERE id = $chaud_model"), '2 Votre avis sur la formation, en deux minutes',
	'still version 2');
# a new question without answers may be dropped
@f = edit_fields($desk->get($path), $path);
set_field(\@f, 'q10_retirer', '1');
is($desk->post($path, \@f)->{status}, 303, 'a question without answers may be left out');
is(q1("SELECT count(*) FROM survey_question q JOIN survey_version v ON v.id = q.version_id WHERE v.model_id = $chaud_model AND v.number = 2"),
	'10', 'it is');
# a model for a course
$r = $desk->submit('/intranet/questionnaires', '/intranet/questionnaires', [ type => 'froid', formation => $course ]);
is($r->{status}, 303, 'a model for a course');
my ($course_model) = $r->{headers}{location} =~ m{/intranet/questionnaires/(\d+)};
is(q1("SELECT count(*) FROM survey_question q JOIN survey_version v ON v.id = q.version_id WHERE v.model_id = $course_model"),
	q1("SELECT count(*) FROM survey_question q JOIN survey_version v ON v.id = q.version_id JOIN survey_model m ON m.id = v.model_id"
		. " WHERE m.kind = 'froid' AND m.course_id IS NULL"), 'a copy of the default');
$r = $desk->submit('/intranet/questionnaires', '/intranet/questionnaires', [ type => 'froid', formation => $course ]);
is($r->{status}, 422, 'one per course and kind');
like($r->{text}, qr{déjà son propre questionnaire}, 'said why');
is($desk->get('/intranet/questionnaires/999999')->{status}, 404, 'an unknown model: 404');

# --- the mails through the SMTP sink ------------------------------------------------------------------
q1("UPDATE mail_outbox SET sent_at = now() WHERE sent_at IS NULL AND to_address NOT IN"
	. " ('alice\@caf35.example.org', 'bob\@caf35.example.org', '$requester')");
my $sink = Sink->start(dir => "$var/mail", port => $smtp_port);
$out = `$cli mail 2>&1`;
like($out, qr{failed 0}, 'formations mail sends them') or diag $out;
my @got = map { $sink->read($_) } $sink->files;
my %subjects;
for my $m (@got) {
	my $s = $m->{h}{subject} // '';
	$s = decode_utf8(join '', map { MIME::Base64::decode_base64($_) } $s =~ /=\?UTF-8\?B\?([^?]*)\?=/g) if $s =~ /=\?UTF-8\?B\?/;
	my ($to) = ($m->{h}{to} // '') =~ /([\w.\-]+\@[\w.\-]+)/;
	$subjects{lc($to // '') . ' ' . $s}++;
}
my $course_title = q1("SELECT title FROM course WHERE id = $course");
is($subjects{"bob\@caf35.example.org Votre avis sur la formation : $course_title"}, 1, 'Bob: the chaud once');
is($subjects{"bob\@caf35.example.org Rappel — Votre avis sur la formation : $course_title"}, 1, 'its J+3 reminder once, none after his answer');
is($subjects{"bob\@caf35.example.org Rappel — Avant votre formation : $course_title"}, 2, 'the amont reminded at J+3 and J+7');
is($subjects{"alice\@caf35.example.org Votre avis sur la formation : $course_title"}, undef, 'Alice, who answered in the room: no chaud mail');
is($subjects{"alice\@caf35.example.org Deux mois après la formation : $course_title"}, 1, 'the froid once');
is($subjects{"$requester Trois mois après la formation : $course_title"}, 1, 'the requester: the froid_manager once');
$sink->stop;

# --- a person's data erased: what they wrote in their questionnaires goes, their scores stay ---
$r = $desk->submit('/intranet/donnees?email=alice@caf35.example.org', '/intranet/donnees',
	[ email => 'alice@caf35.example.org', confirmation => 'oui' ]);
is($r->{status}, 303, "an admin erases Alice's data");
my $alice_set = "SELECT a.id FROM survey_answer_set a JOIN survey s ON s.id = a.survey_id WHERE s.registration_id = $reg{alice}";
is(q1("SELECT count(*) FROM survey_answer WHERE answer_set_id IN ($alice_set) AND (value LIKE '%partenariat%'"
	. " OR value LIKE '%caractères%' OR comment LIKE '%module 2%')"), '0', 'her texts and comments are erased');
is(q1("SELECT value FROM survey_answer WHERE answer_set_id IN ($alice_set) AND question_id = $q{satisfaction_globale}"),
	'5', 'her scores stay');
$r = $desk->submit("/intranet/donnees?email=$requester", '/intranet/donnees', [ email => $requester, confirmation => 'oui' ]);
is($r->{status}, 303, "and the requester's");
is(q1("SELECT count(*) FROM survey WHERE requester_email = '$requester'"), '0', 'whose questionnaire keeps no address');

$stack->stop;
done_testing();
