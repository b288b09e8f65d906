#!/usr/bin/env perl
# Chromium answers a chaud questionnaire at a phone's width (the page has
# no script): from the participant's page during the last half-day,
# a first try with answers missing (the error summary, its links), then
# the whole; axe-core on the questionnaire, its refusal, its banner and the
# admins' model pages at 1280 and 375 px (t/browser/questionnaire.js
# prints the TAP).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Encode qw(encode_utf8);
use JSON::PP;
use Stack;

my $stack = Stack->start(name => 'browser-questionnaire', demo => 1);
my ($email, $password) = $stack->demo_admin;
my $q = sub { $stack->psql(encode_utf8($_[0])) };

# The demonstration's answers first (the real fiche then has a rate), so
# that the browser finds the rate moved by its own answer.
system("$Stack::ROOT/cgi-bin/formations", '-c', $stack->var . '/formations.conf', 'surveys', 'demo') == 0
	or die 'surveys demo';

# A session whose last half-day runs now, one confirmed participant.
my $course = $q->("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $session = $q->("INSERT INTO session (course_id, kind, min_participants, max_participants, status)"
	. " VALUES ($course, 'inter', 1, 10, 'confirmee') RETURNING id");
$q->("INSERT INTO slot (session_id, day, starts_at, ends_at, part) SELECT $session,"
	. " (now() AT TIME ZONE 'Europe/Paris')::date, now() - interval '1 hour', now() + interval '1 hour', 'apres_midi'");
my $pid = $q->("INSERT INTO participant (last_name, first_name, email, organisation) VALUES"
	. " ('Le Bihan', 'Soazig', 'soazig\@caf29.example.org', 'Caf du Finistère') RETURNING id");
my $reg = $q->("INSERT INTO registration (session_id, participant_id) VALUES ($session, $pid) RETURNING id");
my $model = $q->("SELECT id FROM survey_model WHERE kind = 'chaud' AND course_id IS NULL");

my %facts = (
	participant => $q->("SELECT token FROM registration WHERE id = $reg"),
	model => $model,
	admin => [ $email, $password ],
);
my $rc = system('node', "$FindBin::Bin/browser/questionnaire.js", $stack->base,
	JSON::PP->new->utf8->canonical->encode(\%facts));
my $saved = $q->("SELECT count(*) FROM survey_answer_set a JOIN survey s ON s.id = a.survey_id WHERE s.registration_id = $reg");
print STDERR "# the answers are not in the database ($saved answer sets)\n" if $saved ne '1';
$stack->stop;
exit($rc == 0 && $saved eq '1' ? 0 : 1);
