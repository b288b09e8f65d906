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
my $rc = system('node', "$FindBin::Bin/browser/survey_results.js", $stack->base,
	JSON::PP->new->utf8->canonical->encode({ session => $session, admin => [ $email, $password ] }));
$stack->stop;
exit($rc == 0 ? 0 : 1);
