#!/usr/bin/env perl
# axe-core on the evaluation results and the Qualiopi figures, on the
# demonstration's answers (t/browser/survey_results.js prints the TAP).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use JSON::PP;
use Stack;

my $stack = Stack->start(name => 'browser-survey-results', demo => 1);
my ($email, $password) = $stack->demo_admin;
system("$Stack::ROOT/cgi-bin/formations -c " . $stack->var . "/formations.conf surveys demo >/dev/null") == 0
	or die "surveys demo failed\n";
my $session = $stack->psql("SELECT se.id FROM session se JOIN course c ON c.id = se.course_id"
	. " WHERE c.slug = 'cooperation-territoriale' AND se.status = 'realisee' ORDER BY se.last_day DESC LIMIT 1");
# Levels on the fiche's first objective, before and after, for the
# session's evaluation of objectives (the demonstration answers chaud only).
$stack->psql("INSERT INTO survey_answer (answer_set_id, question_id, item, item_label, value)"
	. " SELECT st.id, q.id, 1, 'objectif 1', '4' FROM survey sv JOIN survey_answer_set st ON st.survey_id = sv.id"
	. " JOIN survey_question q ON q.version_id = st.version_id AND q.per_objective"
	. " WHERE sv.session_id = $session AND sv.kind = 'chaud' ON CONFLICT DO NOTHING");
$stack->psql("INSERT INTO survey (kind, session_id, registration_id, opens_at, mail_at)"
	. " SELECT 'amont', r.session_id, r.id, now() - interval '90 days', now() - interval '90 days' FROM registration r"
	. " WHERE r.session_id = $session AND r.status = 'confirmee'"
	. " AND NOT EXISTS (SELECT 1 FROM survey y WHERE y.registration_id = r.id AND y.kind = 'amont')");
$stack->psql("INSERT INTO survey_answer_set (survey_id, version_id) SELECT sv.id, v.id FROM survey sv"
	. " JOIN survey_model m ON m.kind = 'amont' AND m.course_id IS NULL"
	. " JOIN survey_version v ON v.model_id = m.id AND v.number = m.current_version"
	. " WHERE sv.session_id = $session AND sv.kind = 'amont'"
	. " AND NOT EXISTS (SELECT 1 FROM survey_answer_set z WHERE z.survey_id = sv.id)");
$stack->psql("INSERT INTO survey_answer (answer_set_id, question_id, item, item_label, value)"
	. " SELECT st.id, q.id, 1, 'objectif 1', '2' FROM survey sv JOIN survey_answer_set st ON st.survey_id = sv.id"
	. " JOIN survey_question q ON q.version_id = st.version_id AND q.per_objective"
	. " WHERE sv.session_id = $session AND sv.kind = 'amont' ON CONFLICT DO NOTHING");
my $rc = system('node', "$FindBin::Bin/browser/survey_results.js", $stack->base,
	JSON::PP->new->utf8->canonical->encode({ session => $session, admin => [ $email, $password ] }));
$stack->stop;
exit($rc == 0 ? 0 : 1);
