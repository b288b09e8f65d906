#!/usr/bin/env perl
# Evaluation results through the real stack, on the demonstration's
# answers (`formations surveys demo`, as `make run` adds them): the satisfaction
# rate of the real fiche and of a course with too few answers, on the
# fiche and the catalogue cards, the fiche's ETag changing with a new
# answer, the completeness check counting the rate; the results page of a
# session with its SVG charts, the filters and the CSV export; who may see
# which results (a trainer their own sessions only, the Qualiopi figures
# for admins only); the Qualiopi figures and their CSV.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use Stack;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $stack = Stack->start(name => 'survey-results', demo => 1);
sub q1 { my ($sql) = @_; return $stack->q($sql) }
my $cli = "$Stack::ROOT/cgi-bin/formations -c " . $stack->var . "/formations.conf";

# The demonstration's answers, as `make run` adds them; a second run adds
# nothing.
is(q1("SELECT count(*) FROM survey_answer_set"), 0, 'the demonstration data has no answers of its own');
like(`$cli surveys demo 2>&1`, qr{answered}, 'formations surveys demo');
my $sets = q1("SELECT count(*) FROM survey_answer_set");
my $sessions = q1("SELECT count(*) FROM session");
cmp_ok($sets, '>', 50, "it answers the given sessions ($sets answer sets)");
is(system("$cli surveys demo >/dev/null 2>&1"), 0, 'run again');
is(q1("SELECT count(*) FROM survey_answer_set") . '/' . q1("SELECT count(*) FROM session"), "$sets/$sessions",
	'it adds nothing the second time');

my ($admin_email, $admin_pw) = $stack->demo_admin;
my $admin = Browser->new($stack->base);
is($admin->login($admin_email, $admin_pw)->{status}, 303, 'the admin logs in');
my $pub = Browser->new($stack->base);

# ------------------------------------------------------------ the fiche
my $coop = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $teams = q1("SELECT id FROM course WHERE slug = 'travailler-avec-teams-et-sharepoint'");
# The figures, counted here independently of the application's query.
sub figures {
	my ($course) = @_;
	my $where = "se.course_id = $course AND se.status <> 'annulee' AND se.last_day >="
		. " date_trunc('month', (now() AT TIME ZONE 'Europe/Paris')::date) - interval '11 months'"
		. " AND se.last_day <= (now() AT TIME ZONE 'Europe/Paris')::date";
	my $answers = "FROM session se JOIN survey sv ON sv.session_id = se.id AND sv.kind = 'chaud'"
		. " JOIN survey_answer_set st ON st.survey_id = sv.id JOIN survey_answer an ON an.answer_set_id = st.id"
		. " JOIN survey_question q ON q.id = an.question_id AND q.global WHERE $where";
	my $n = q1("SELECT count(*) $answers");
	my $ok = q1("SELECT count(*) $answers AND an.value IN ('4', '5')");
	my $p = q1("SELECT count(*) FROM session se JOIN registration r ON r.session_id = se.id"
		. " WHERE $where AND r.status = 'confirmee'");
	return ($n, $ok, $p);
}
my ($n, $ok, $p) = figures($coop);
cmp_ok($n, '>=', 5, "the demonstration answered the real fiche's sessions ($n)");
my $pct = int((200 * $ok + $n) / (2 * $n));
my $fiche = '/formations/cooperation-territoriale';
my $r = $pub->get($fiche);
is($r->{status}, 200, 'the real fiche');
like($r->{text}, qr{<dt>Taux de satisfaction</dt><dd class="satisfaction">$pct % de participants satisfaits \($n réponses sur $p participants, [a-zé]+ (?:\d{4} )?– [a-zé]+ \d{4}\), calculé le [a-z]+ \d+(?:er)? [a-zéû]+ \d{4}</dd>},
	"it publishes its rate: $pct % of $n respondents out of $p participants, its period and the day");
unlike($r->{text}, qr{Pas encore mesuré}, 'the typed-in placeholder is gone');

my ($tn, undef, $tp) = figures($teams);
is($tn, 3, 'the Teams course has 3 answers in the demonstration');
$r = $pub->get('/formations/travailler-avec-teams-et-sharepoint');
like($r->{text}, qr{<dd class="satisfaction">Taux de satisfaction publié à partir de 5 réponses \(3 réponses à ce jour sur $tp participants, },
	'under 5 respondents the fiche says so instead of a rate');
unlike($r->{text}, qr{\d+ % de participants satisfaits}, 'and shows no figure');

$r = $pub->get('/formations');
like($r->{text}, qr{cooperation-territoriale">.*?</a>\n(?:<span class="meta">[^\n]*\n)*?<span class="meta">$pct % de participants satisfaits \($n réponses\)</span>}s,
	'the catalogue card of the real fiche shows its rate');
like($r->{text}, qr{travailler-avec-teams-et-sharepoint">.*?</a>\n(?:<span class="meta">[^\n]*\n)*?<span class="meta">Taux de satisfaction : pas encore assez de réponses</span>}s,
	'the Teams card says there are not enough answers yet');

# The ETag follows the answers: seen by the application at once (a
# logged-in request skips the page cache), and by the public through nginx
# within its second of cache.
my $etag = $admin->get($fiche)->{headers}{etag};
ok($etag, 'the fiche has an ETag');
is($admin->get($fiche, { 'if-none-match' => $etag })->{status}, 304, 'unchanged: 304');
my $pub_etag = $pub->get($fiche)->{headers}{etag};
# One more respondent: a participant of a given session of the course who
# had not answered answers 5 to everything scored.
my $survey = q1("SELECT sv.id FROM survey sv JOIN session se ON se.id = sv.session_id"
	. " WHERE se.course_id = $coop AND sv.kind = 'chaud'"
	. " AND NOT EXISTS (SELECT 1 FROM survey_answer_set st WHERE st.survey_id = sv.id) ORDER BY sv.id LIMIT 1");
ok($survey, 'a participant of the real fiche had not answered');
my $set = q1("INSERT INTO survey_answer_set (survey_id, version_id) SELECT $survey, v.id FROM survey_model m"
	. " JOIN survey_version v ON v.model_id = m.id AND v.number = m.current_version"
	. " WHERE m.kind = 'chaud' AND m.course_id IS NULL RETURNING id");
q1("INSERT INTO survey_answer (answer_set_id, question_id, value) SELECT $set, q.id, '5'"
	. " FROM survey_question q JOIN survey_answer_set st ON st.version_id = q.version_id"
	. " WHERE st.id = $set AND q.type = 'echelle' AND NOT q.per_objective");
my $n1 = $n + 1;
$r = $admin->get($fiche, { 'if-none-match' => $etag });
is($r->{status}, 200, 'after a new answer the old ETag no longer matches');
isnt($r->{headers}{etag}, $etag, 'the ETag changed');
like($r->{text}, qr{\($n1 réponses sur $p participants}, 'and the fiche counts the new respondent');
my ($seen, $t0) = (0, time);
# nginx keeps public pages one second, counted in whole seconds: the new
# rate shows within two; one more for a loaded machine (as t/60).
while (time - $t0 < 3) {
	my $g = $pub->get($fiche);
	if (($g->{headers}{etag} // '') ne $pub_etag && $g->{text} =~ /\($n1 réponses/) { $seen = 1; last }
	select(undef, undef, undef, 0.1);
}
ok($seen, 'the public fiche through the page cache follows within 3 seconds');

# The per-session tallies (sql/0024) follow a changed score and a
# participant excused after the session.
q1("UPDATE survey_answer SET value = '1' WHERE answer_set_id = $set"
	. " AND question_id IN (SELECT id FROM survey_question WHERE global)");
my $pct1 = int((200 * $ok + $n1) / (2 * $n1));
$r = $admin->get($fiche);
like($r->{text}, qr{$pct1 % de participants satisfaits \($n1 réponses sur $p participants}, "a score changed to 1: $pct1 %");
my $excused = q1("SELECT r.id FROM registration r JOIN session se ON se.id = r.session_id"
	. " WHERE se.course_id = $coop AND se.status = 'realisee' AND r.status = 'confirmee'"
	. " AND NOT EXISTS (SELECT 1 FROM survey sv JOIN survey_answer_set st ON st.survey_id = sv.id"
	. "  WHERE sv.registration_id = r.id) ORDER BY r.id LIMIT 1");
q1("UPDATE registration SET status = 'excusee', reason = 'Test', changed_by = 'test' WHERE id = $excused");
my $p1 = $p - 1;
like($admin->get($fiche)->{text}, qr{\($n1 réponses sur $p1 participants}, 'a participant excused: one fewer');

# The completeness check counts the published rate, not the typed field.
$r = $admin->get('/intranet/formations/completude');
is($r->{status}, 200, 'the completeness check');
my ($coop_block) = $r->{text} =~ m{(<h2><a href="/intranet/formations/$coop">.*?</section>)}s;
my ($teams_block) = $r->{text} =~ m{(<h2><a href="/intranet/formations/$teams">.*?</section>)}s;
ok($coop_block && $coop_block !~ m{<li>(?:<a [^>]*>)?Taux de satisfaction(?:</a>)?</li>}, 'the real fiche has its rate');
like($teams_block // '', qr{<li>(?:<a [^>]*>)?Taux de satisfaction(?:</a>)?</li>}, 'the Teams fiche lacks one');

# ------------------------------------------------------------- results
my $coop_session = q1("SELECT id FROM session WHERE course_id = $coop AND status = 'realisee' ORDER BY last_day DESC LIMIT 1");
my $teams_session = q1("SELECT id FROM session WHERE course_id = $teams AND status = 'realisee' ORDER BY last_day DESC LIMIT 1");
$r = $admin->get("/intranet/sessions/$coop_session");
like($r->{text}, qr{<a href="/intranet/evaluations\?session=$coop_session">Résultats des évaluations}, 'the session page links to its results');
$r = $admin->get("/intranet/evaluations?session=$coop_session");
is($r->{status}, 200, 'the results of a session');
my $surveys = q1("SELECT count(*) FROM survey WHERE session_id = $coop_session AND kind = 'chaud'");
my $answered = q1("SELECT count(*) FROM survey sv JOIN survey_answer_set st ON st.survey_id = sv.id WHERE sv.session_id = $coop_session AND sv.kind = 'chaud'");
like($r->{text}, qr{<th scope="row">À chaud</th><td>$surveys</td><td>$surveys</td><td>$answered</td><td>\d+ %</td>}, "the response rate of chaud: $answered of $surveys");
like($r->{text}, qr{<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"[^>]*aria-labelledby="q0-t q0-d"><title id="q0-t">Les objectifs de la formation ont-ils été atteints \?</title><desc id="q0-d">1 – Pas du tout : \d+ ; 2 : \d+ ; 3 : \d+ ; 4 : \d+ ; 5 – Tout à fait : \d+</desc>},
	'each question has its chart, with a title and a desc giving the figures');
like($r->{text}, qr{<text [^>]*>\d+ \(\d+ %\)</text>}, 'bars carry their numbers as text');
like($r->{text}, qr{<caption id="q\d+-c">Réponses à « Dans l(?:'|&#39;)ensemble, êtes-vous satisfait\(e\) de cette formation \? »</caption>}, 'and a table of the same figures');
like($r->{text}, qr{réponse\(s\) · moyenne <strong>\d,\d</strong> sur 5}, 'with the mean');
like($r->{text}, qr{<h2 id="commentaires">Commentaires</h2>}, 'the comments');
my $other = q1("SELECT st.id FROM survey_answer_set st JOIN survey sv ON sv.id = st.survey_id WHERE sv.session_id = $teams_session LIMIT 1");
q1("UPDATE survey_answer SET comment = 'Commentaire propre à la session Teams.' WHERE answer_set_id = $other AND question_id = (SELECT min(question_id) FROM survey_answer WHERE answer_set_id = $other)");
unlike($admin->get("/intranet/evaluations?session=$coop_session")->{text}, qr{propre à la session Teams}, 'another session\'s comment is not shown');
like($admin->get("/intranet/evaluations?formation=$teams")->{text}, qr{propre à la session Teams}, 'the results of a course have it');

# The counts kept per session and per course (sql/0025) follow a changed
# score, there and back, as counted from the answers themselves.
my $global_5 = "SELECT count(*) FROM survey sv JOIN session se ON se.id = sv.session_id"
	. " JOIN survey_answer_set st ON st.survey_id = sv.id JOIN survey_answer an ON an.answer_set_id = st.id"
	. " JOIN survey_question q ON q.id = an.question_id AND q.global"
	. " WHERE se.course_id = $coop AND se.status <> 'annulee' AND an.value = '5'";
my $fives = sub {
	my ($url) = @_;
	my ($n) = $admin->get($url)->{text} =~ m{\r\nÀ chaud;Dans l'ensemble, êtes-vous satisfait\(e\) de cette formation \?;;5 – Très satisfait\(e\);(\d+);};
	return $n // 0;
};
my $five_set = q1("SELECT an.answer_set_id FROM survey_answer an JOIN survey_question q ON q.id = an.question_id AND q.global"
	. " JOIN survey_answer_set st ON st.id = an.answer_set_id JOIN survey sv ON sv.id = st.survey_id"
	. " JOIN session se ON se.id = sv.session_id WHERE se.course_id = $coop AND se.status <> 'annulee'"
	. " AND an.value = '5' ORDER BY 1 LIMIT 1");
my $five_session = q1("SELECT sv.session_id FROM survey_answer_set st JOIN survey sv ON sv.id = st.survey_id WHERE st.id = $five_set");
for my $change (['5', '1'], ['1', '5']) {
	my $before = q1($global_5);
	is($fives->("/intranet/evaluations.csv?formation=$coop"), $before, "the course's 5s before a $change->[0] becomes $change->[1]: $before");
	my $in_session = $fives->("/intranet/evaluations.csv?session=$five_session");
	q1("UPDATE survey_answer SET value = '$change->[1]' WHERE answer_set_id = $five_set"
		. " AND question_id IN (SELECT id FROM survey_question WHERE global)");
	my $after = q1($global_5);
	isnt($after, $before, 'the score changed');
	is($fives->("/intranet/evaluations.csv?formation=$coop"), $after, "the results of the course follow: $after");
	is($fives->("/intranet/evaluations.csv?formation=$coop&du=2000-01-01"), $after, 'and the same course through its sessions');
	is($fives->("/intranet/evaluations.csv?session=$five_session"), $in_session + $after - $before, 'and the session');
}
$r = $admin->get("/intranet/evaluations?du=2000-01-01&au=2000-12-31");
like($r->{text}, qr{Aucun questionnaire pour ces sessions}, 'a period without sessions');
is($admin->get('/intranet/evaluations?session=abc')->{status}, 400, 'a session that is no id: 400');
is($admin->get('/intranet/evaluations?du=2026-02-30')->{status}, 400, 'a date that does not exist: 400');

$r = $admin->get("/intranet/evaluations.csv?session=$coop_session");
is($r->{status}, 200, 'the CSV export');
like($r->{headers}{'content-type'}, qr{^text/csv}, 'as CSV');
like($r->{text}, qr{^\x{FEFF}Questionnaire;Question;Objectif;Réponse;Nombre;Part;Moyenne;Session;Fin de session\r\n}, 'with its header row after the byte order mark');
like($r->{text}, qr{\r\nÀ chaud;Taux de réponse;;$answered réponses sur $surveys questionnaires}, 'the response rate');
like($r->{text}, qr{\r\nÀ chaud;Dans l'ensemble, êtes-vous satisfait\(e\) de cette formation \?;;5 – Très satisfait\(e\);\d+;\d+ %;\d,\d;;\r\n}, 'the distribution of each question');

# ------------------------------------------------------- who sees what
my $trainer_id = q1("SELECT tr.trainer_id FROM slot sl JOIN slot_trainer tr ON tr.slot_id = sl.id WHERE sl.session_id = $coop_session LIMIT 1");
my $other_trainer = q1("SELECT id FROM trainer WHERE id <> $trainer_id AND NOT EXISTS (SELECT 1 FROM slot sl JOIN slot_trainer tr ON tr.slot_id = sl.id WHERE sl.session_id = $teams_session AND tr.trainer_id = $trainer_id) ORDER BY id LIMIT 1");
ok($stack->user_add('formateur.resultats@egoc.example', 'formateur', 'Formateur Résultats', 'mot de passe du formateur 1'), 'a trainer account');
q1("UPDATE trainer SET account_id = (SELECT id FROM staff_user WHERE email = 'formateur.resultats\@egoc.example') WHERE id = $trainer_id");
my $trainer = Browser->new($stack->base);
is($trainer->login('formateur.resultats@egoc.example', 'mot de passe du formateur 1')->{status}, 303, 'the trainer logs in');
is($trainer->get("/intranet/evaluations?session=$coop_session")->{status}, 200, 'the trainer sees the results of their session');
is($trainer->get("/intranet/evaluations?session=$teams_session")->{status}, 403, "another's session: 403");
is($trainer->get("/intranet/evaluations.csv?session=$teams_session")->{status}, 403, 'nor its CSV');
is($trainer->get("/intranet/evaluations?formateur=$other_trainer")->{status}, 403, "another trainer's results: 403");
$r = $trainer->get('/intranet/evaluations');
is($r->{status}, 200, 'all their results');
my $mine = q1("SELECT count(*) FROM survey sv WHERE sv.kind = 'chaud' AND EXISTS (SELECT 1 FROM slot sl JOIN slot_trainer tr ON tr.slot_id = sl.id WHERE sl.session_id = sv.session_id AND tr.trainer_id = $trainer_id)");
like($r->{text}, qr{<th scope="row">À chaud</th><td>$mine</td>}, "are those of their sessions only ($mine questionnaires)");
unlike($r->{text}, qr{propre à la session Teams}, 'without the comments of the others');
unlike($r->{text}, qr{<select id="formateur"}, 'and no choice of trainer');
$r = $trainer->get('/intranet');
ok($r->{text} =~ m{<a href="/intranet/evaluations">Évaluations</a>} && $r->{text} !~ m{/intranet/qualite},
	'the trainer\'s home leads to their results, not to the Qualiopi figures');
like($admin->get('/intranet')->{text}, qr{<a href="/intranet/qualite">Indicateurs qualité</a>}, 'the admin\'s home to both');
is($trainer->get('/intranet/qualite')->{status}, 403, 'the Qualiopi figures are not for trainers');
is($trainer->get('/intranet/qualite.csv')->{status}, 403, 'nor their CSV');
ok($stack->user_add('conseil.resultats@egoc.example', 'conseiller', 'Conseil Résultats', 'mot de passe du conseil 1'), 'a conseiller account');
my $conseil = Browser->new($stack->base);
$conseil->login('conseil.resultats@egoc.example', 'mot de passe du conseil 1');
is($conseil->get("/intranet/evaluations?session=$teams_session")->{status}, 200, 'a conseiller sees any session');
is($conseil->get('/intranet/qualite')->{status}, 403, 'the Qualiopi figures are for admins only');
is($pub->get('/intranet/evaluations')->{status}, 303, 'anonymous: to the login page');

# ------------------------------------------------------------ Qualiopi
# A session given yesterday whose questionnaires never went.
my $unsent = q1("INSERT INTO session (course_id, kind, organisation, min_participants, max_participants, status)"
	. " VALUES ($teams, 'intra', 'Caf de test', 1, 10, 'confirmee') RETURNING id");
q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part) SELECT $unsent, d,"
	. " (d + time '09:00') AT TIME ZONE 'Europe/Paris', (d + time '12:30') AT TIME ZONE 'Europe/Paris', 'matin'"
	. " FROM (SELECT (now() AT TIME ZONE 'Europe/Paris')::date - 1 AS d) x");
q1("INSERT INTO registration (session_id, participant_id, status) SELECT $unsent, id, 'confirmee' FROM participant ORDER BY id DESC LIMIT 2");
q1("UPDATE session SET status = 'realisee' WHERE id = $unsent");
$r = $admin->get('/intranet/qualite');
is($r->{status}, 200, 'the Qualiopi figures');
my ($coop_row) = $r->{text} =~ m{(<tr id="course-$coop">.*?</tr>)}s;
my ($teams_row) = $r->{text} =~ m{(<tr id="course-$teams">.*?</tr>)}s;
like($coop_row // '', qr{<td>\d+ %</td>\s*<td>$n1 / $p1</td>}, 'the rate of the real fiche, its respondents and participants');
like($teams_row // '', qr{pas assez de réponses}, 'the Teams course has too few answers');
like($r->{text}, qr{<strong id="few">\d+</strong> formation\(s\) sans assez de réponses}, 'counted');
like($r->{text}, qr{<ul id="unsent"><li><a href="/intranet/sessions/$unsent">}, 'the session whose questionnaires never went');
my $reminders = q1("SELECT sum(sv.reminders_sent) FROM survey sv JOIN session se ON se.id = sv.session_id WHERE se.course_id = $coop AND se.status <> 'annulee' AND se.last_day >= date_trunc('month', current_date) - interval '11 months'");
like($coop_row // '', qr{<td>$reminders</td></tr>}, "the reminders sent ($reminders)");
$r = $admin->get('/intranet/qualite.csv');
is($r->{status}, 200, 'the Qualiopi CSV');
like($r->{text}, qr{\r\nTravailler en équipe avec Teams[^\r\n]*;non \(moins de 5 réponses\);}, 'with the courses without enough answers');
like($r->{text}, qr{session $unsent : questionnaires jamais envoyés}, 'and the sessions never sent');
is($admin->get('/intranet/qualite?du=nimporte')->{status}, 400, 'a wrong date: 400');

done_testing();
