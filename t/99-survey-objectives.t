#!/usr/bin/env perl
# The evaluation of objectives through the real stack: amont and chaud
# answers to the self-assessed level on each objective of the fiche give,
# on the session's results page, the mean before and after per objective
# with its respondents (an SVG in words and a table), and each
# participant's own before and after on their attestation's "résultats de
# l'évaluation des acquis" (read back with pdftotext); a participant who
# answered nothing gets the attestation without that part, as before.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use Stack;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $stack = Stack->start(name => 'survey-objectives', demo => 1);
my $var = $stack->var;
sub q1 { $stack->q($_[0]) }
# The demonstration's answers (as `make run` adds them), for the Qualiopi
# figures to have rates to sort.
my $cli = "$Stack::ROOT/cgi-bin/formations -c $var/formations.conf";
like(`$cli surveys demo 2>&1`, qr{answered}, 'formations surveys demo');
my ($admin_email, $admin_pw) = $stack->demo_admin;
my $admin = Browser->new($stack->base);
is($admin->login($admin_email, $admin_pw)->{status}, 303, 'the admin logs in');

# A session of yesterday, one morning, three participants.
my $course = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
# Its fiche with three evaluable objectives after the general one: four
# objectives, of which the participants rate the first two.
q1("UPDATE course SET evaluable_objectives = E'- Identifier les partenaires du territoire\\n- Conduire une réunion de coopération\\n- Évaluer la démarche' WHERE id = $course");
my $sid = q1("INSERT INTO session (course_id, kind, min_participants, max_participants, status) VALUES ($course, 'inter', 1, 10, 'confirmee') RETURNING id");
my $slot = q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part) VALUES ($sid, current_date - 1,"
	. " (current_date - 1 + time '09:00') AT TIME ZONE 'Europe/Paris', (current_date - 1 + time '12:00') AT TIME ZONE 'Europe/Paris', 'matin') RETURNING id");
my @people;
for my $i (1 .. 3) {
	my $p = q1("INSERT INTO participant (last_name, first_name, email) VALUES ('Objectif$i', 'Anne', 'obj$i\@caf35.example.org') RETURNING id");
	push @people, q1("INSERT INTO registration (session_id, participant_id) VALUES ($sid, $p) RETURNING id");
}
my ($one, $two, $none) = @people;

# Answers to the per-objective question of the default amont and chaud
# models, on objectives 1 and 2: (registration, kind, level 1, level 2).
sub answer {
	my ($reg, $kind, @levels) = @_;
	my $survey = q1("INSERT INTO survey (kind, session_id, registration_id, opens_at, mail_at) VALUES ('$kind', $sid, $reg, now() - interval '2 days', now() - interval '2 days') RETURNING id");
	my $set = q1("INSERT INTO survey_answer_set (survey_id, version_id) SELECT $survey, v.id FROM survey_model m"
		. " JOIN survey_version v ON v.model_id = m.id AND v.number = m.current_version"
		. " WHERE m.kind = '$kind' AND m.course_id IS NULL RETURNING id");
	for my $k (0 .. $#levels) {
		my $item = $k + 1;
		q1("INSERT INTO survey_answer (answer_set_id, question_id, item, item_label, value) SELECT $set, q.id, $item, 'objectif $item', '$levels[$k]'"
			. " FROM survey_question q JOIN survey_answer_set st ON st.version_id = q.version_id WHERE st.id = $set AND q.per_objective");
	}
}
answer($one, 'amont', 2, 1);
answer($two, 'amont', 3, 2);
answer($one, 'chaud', 4, 4);
answer($two, 'chaud', 5, 3);

my $r = $admin->get("/intranet/evaluations?session=$sid");
is($r->{status}, 200, 'the results of the session');
like($r->{text}, qr{<h2 id="objectifs">Évaluation des objectifs, avant et après</h2>}, 'an evaluation of objectives');
like($r->{text}, qr{<th scope="row">Objectif 1 : [^<]+</th><td>2,5</td><td>2</td><td>4,5</td><td>2</td></tr>},
	'objective 1: 2,5 before, 4,5 after, 2 respondents each');
like($r->{text}, qr{<th scope="row">Objectif 2 : Identifier les partenaires du territoire</th><td>1,5</td><td>2</td><td>3,5</td><td>2</td></tr>},
	'objective 2: 1,5 before, 3,5 after');
like($r->{text}, qr{<tr><th scope="row">Objectif 3 : [^<]+</th><td></td><td>0</td><td></td><td>0</td></tr>},
	'an objective nobody rated: empty, 0 respondents');
like($r->{text}, qr{<svg [^>]*aria-labelledby="objectifs-t objectifs-d">.*?<title id="objectifs-t">Niveau moyen auto-évalué[^<]*</title><desc id="objectifs-d">Objectif 1 : avant 2,5 \(2 réponses\), après 4,5 \(2 réponses\) ; Objectif 2 : avant 1,5 \(2 réponses\), après 3,5 \(2 réponses\) ; Objectif 3 : avant aucune réponse, après aucune réponse ; Objectif 4 : },
	'the chart says it in words');
like($r->{text}, qr{<text [^>]*>Avant</text><rect [^>]*fill="url\(#objectifs-h\)"}, 'before hatched, named in text');
like($r->{text}, qr{<text [^>]*>Après</text><rect [^>]*fill="#1d4f91"}, 'after solid, named in text');

# The tables sort by a link on each column header (?tri=), ascending.
like($r->{text}, qr{<th scope="col" aria-sort="ascending"><a href="/intranet/evaluations\?session=$sid&amp;formation=&amp;formateur=&amp;du=&amp;au=#objectifs">Objectif</a></th><th scope="col"><a href="/intranet/evaluations\?session=$sid&amp;formation=&amp;formateur=&amp;du=&amp;au=&amp;tri=avant#objectifs">Avant \(en amont\)</a></th>},
	'each column header of the objectives is a link; the default order is the fiche\'s');
sub objective_order { my ($html) = @_; my @o = $html =~ m{<tr><th scope="row">Objectif (\d+) : }g; return join ' ', @o }
is(objective_order($r->{text}), '1 2 3 4', 'by default in the order of the fiche');
$r = $admin->get("/intranet/evaluations?session=$sid&tri=apres");
is($r->{status}, 200, 'sorted by the level after');
is(objective_order($r->{text}), '2 1 3 4', 'lowest level after first, the unrated last');
like($r->{text}, qr{<th scope="col" aria-sort="ascending"><a href="[^"]*tri=apres#objectifs">Après \(à chaud\)</a></th>}, 'the sorted column says so');
like($r->{text}, qr{<th scope="col" aria-sort="ascending"><a href="[^"]*#taux-reponse">Questionnaire</a></th>}, 'the other table keeps its order');
like($r->{text}, qr{<desc id="objectifs-d">Objectif 1 : }, 'the chart keeps the order of the fiche');
like($r->{text}, qr{<input type="hidden" name="tri" value="apres">}, 'the filter form keeps the order');
$r = $admin->get("/intranet/evaluations?session=$sid&tri=avant");
is(objective_order($r->{text}), '2 1 3 4', 'sorted by the level before');
# Response rates: amont and chaud 2 of 2, froid none; sorted by the
# questionnaires sent, then the kinds' order.
$r = $admin->get("/intranet/evaluations?session=$sid&tri=reponses");
is($r->{status}, 200, 'the response rates sorted by answers');
like($r->{text}, qr{<th scope="col" aria-sort="ascending"><a href="[^"]*tri=reponses#taux-reponse">Réponses</a></th>}, 'says so');
is($admin->get("/intranet/evaluations?session=$sid&tri=nimportequoi")->{status}, 400, 'an unknown order: 400');

# A session without such answers has no such part.
my $other = q1("SELECT id FROM session WHERE id <> $sid ORDER BY id LIMIT 1");
unlike($admin->get("/intranet/evaluations?session=$other")->{text}, qr{id="objectifs"}, 'none without answers');

# The attestations: the session done, the morning marked and certified.
my $hd = "$slot-matin";
my $t = $admin->token_from($admin->get("/intranet/presence/$hd"));
for my $g (@people) {
	is($admin->post("/intranet/presence/$hd", [ _csrf => $t, action => 'present', inscription => $g ])->{status}, 303, "present $g");
}
my $st = $admin->token_from($admin->get("/intranet/sessions/$sid"));
is($admin->post("/intranet/sessions/$sid", [ _csrf => $st, action => 'statut', statut => 'realisee', raison => '' ])->{status}, 303, 'realisee');
is($admin->post("/intranet/presence/$hd", [ _csrf => $t, action => 'certifier' ])->{status}, 303, 'certified');
is(q1("SELECT count(*) FROM certificate WHERE session_id = $sid"), '3', 'three attestations');

sub pdf_text {
	my ($reg) = @_;
	my $id = q1("SELECT id FROM certificate WHERE registration_id = $reg");
	my $pdf = $admin->get("/intranet/attestations/$id");
	my $file = "$var/objectives-$reg.pdf";
	open my $fh, '>:raw', $file or die $!;
	print $fh $pdf->{content};
	close $fh;
	my $text = decode_utf8(`pdftotext $file - 2>&1`);
	$text =~ s/\s+/ /g;
	return $text;
}
my $text = pdf_text($one);
like($text, qr{Résultats de l.évaluation des acquis}, "the attestation has the evaluation's results");
like($text, qr{Niveau auto-évalué par le participant, de 1 à 5}, 'saying what the figures are');
like($text, qr{Objectif 1 : .*?2 ?→ ?4}, "objective 1: the participant's own 2 → 4");
like($text, qr{Objectif 2 : Identifier les partenaires du territoire 1 ?→ ?4}, 'objective 2: 1 → 4');
like($text, qr{Objectif 3 : Conduire une réunion de coopération – ?→ ?–}, 'objective 3 not rated: – → –');
like(pdf_text($two), qr{Objectif 1 : .*?3 ?→ ?5}, "the other participant's own");
my $bare = pdf_text($none);
like($bare, qr{Objectifs de la formation}, 'without answers the attestation lists the objectives');
unlike($bare, qr{Résultats de l.évaluation des acquis}, 'but has no results, as before');

# The Qualiopi figures sort the same way.
sub quality_rows {
	my ($html) = @_;
	my ($table) = $html =~ m{<table class="data" id="quality">(.*?)</table>}s;
	my @pairs = ($table // '') =~ m{<tr id="course-(\d+)"><th scope="row">.*?</th>\n<td>(\d+)</td>}sg;
	return map { [ $pairs[2 * $_], $pairs[2 * $_ + 1] ] } 0 .. $#pairs / 2;
}
$r = $admin->get('/intranet/qualite');
is($r->{status}, 200, 'the Qualiopi figures');
like($r->{text}, qr{<a href="/intranet/qualite\?du=[0-9-]+&amp;au=[0-9-]+&amp;tri=sessions#formations">Sessions</a>}, 'their headers are links');
my @default = map { $_->[0] } quality_rows($r->{text});
cmp_ok(scalar @default, '>', 2, 'several courses');
$r = $admin->get('/intranet/qualite?tri=sessions');
is($r->{status}, 200, 'sorted by sessions');
my @rows = quality_rows($r->{text});
my @sessions = map { $_->[1] } @rows;
is_deeply(\@sessions, [ sort { $a <=> $b } @sessions ], "fewest sessions first (@sessions)");
cmp_ok($sessions[0], '<', $sessions[-1], 'and the order changes something') if @sessions > 1;
like($r->{text}, qr{<th scope="col" aria-sort="ascending"><a href="[^"]*tri=sessions#formations">Sessions</a></th>}, 'the sorted column says so');
is(join(' ', sort @default), join(' ', sort map { $_->[0] } @rows), 'the same courses');
$r = $admin->get('/intranet/qualite?tri=taux');
my @rates = $r->{text} =~ m{<tr id="course-\d+"><th scope="row">.*?</th>\n<td>\d+</td><td>(\d+ %|<span class="tag tag-late">)}sg;
my ($seen_none, $sorted, $last) = (0, 1, -1);
for my $x (@rates) {
	if ($x =~ /^(\d+)/) { $sorted = 0 if $seen_none || $1 < $last; $last = $1 } else { $seen_none = 1 }
}
ok((grep { /%/ } @rates) && (grep { !/%/ } @rates) && $sorted, "by rate, lowest first, those without a rate last (@rates)");
is($admin->get('/intranet/qualite?tri=titre')->{status}, 400, 'an unknown order: 400');

done_testing();
