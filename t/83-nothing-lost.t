#!/usr/bin/env perl
# Nothing lost: demands are posted continuously while workers are killed
# with SIGKILL and PostgreSQL restarts. Every demand that got its 303 is in
# the database with its acknowledgement queued, none is there twice, and
# every failure got a clear French page asking to resend.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Time::HiRes qw(time sleep);
use Stack;
use Browser;

my $stack = Stack->start(name => 'nothing-lost', demo => 1, conf => "workers = 2\ndb_timeout = 2\n");
my $b = Browser->new($stack->base);
my %form = $b->form_fields($b->get('/demande'), '/demande');
my %good = (nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf23.caf.fr', telephone => '',
	organisme => 'Caf de la Creuse', fonction => '', formation => 'cooperation-territoriale', intitule => '',
	type => 'intra', participants => '12', periode => '', lieu => '', accessibilite => '',
	message => 'Test de robustesse.', consentement => 'oui');
my @alphabet = ('A' .. 'Z', 'a' .. 'z', 0 .. 9, '-', '_');
sub jeton { join '', map { $alphabet[rand @alphabet] } 1 .. 43 }

# The chaos, in a child: kill a worker every 0.3 s, restart PostgreSQL
# twice, for about 8 seconds.
my $chaos = fork // die;
if (!$chaos) {
	my $t0 = time;
	my $restarts = 0;
	while (time - $t0 < 8) {
		my @w = $stack->worker_pids;
		kill 'KILL', $w[rand @w] if @w;
		if ((time - $t0 > 2 && $restarts == 0) || (time - $t0 > 5 && $restarts == 1)) {
			$stack->stack_cmd('pg-restart');
			$restarts++;
		}
		sleep 0.3;
	}
	exit 0;
}

my (%accepted, %failed, $resend_ok, $bad_pages);
my $t0 = time;
my $sent = 0;
while (time - $t0 < 9) {
	my $j = jeton();
	my $r = $b->post('/demande', { %form, %good, jeton => $j });
	$sent++;
	if ($r->{status} == 303) {
		$accepted{$j} = $r->{headers}{location};
	} else {
		$failed{$j} = $r->{status};
		$bad_pages++, diag("status $r->{status}: " . substr($r->{text}, 0, 300)) unless $r->{status} == 503 && $r->{text} =~ /renvoy/;
	}
}
waitpid $chaos, 0;
# Let the last restarts settle, then resend every failed form as a person
# would: the same form token, so a demand that did commit is not doubled.
sleep 1;
for my $j (keys %failed) {
	my $r = $b->post('/demande', { %form, %good, jeton => $j });
	$resend_ok++ if $r->{status} == 303;
	$accepted{$j} = $r->{headers}{location} if $r->{status} == 303;
}

diag(sprintf '%d posted, %d failed during the chaos, %d accepted in the end', $sent,
	scalar(keys %failed), scalar(keys %accepted));
cmp_ok($sent, '>', 20, 'demands were posted throughout');
ok(!$bad_pages, 'every failure was a 503 page asking to resend') or diag("$bad_pages other answers");
is($resend_ok // 0, scalar(keys %failed), 'every failed form, sent again, is accepted');
my $in_db = $stack->psql('SELECT count(*) FROM demand');
is($in_db, scalar(keys %accepted), 'every accepted demand is in the database, once');
my %tokens = map { $_ => 1 } split /\n/, $stack->psql('SELECT form_token FROM demand');
is(scalar(grep { !$tokens{$_} } keys %accepted), 0, 'none missing');
is($stack->psql("SELECT count(*) FROM demand d WHERE NOT EXISTS (SELECT 1 FROM mail_outbox m"
	. " WHERE m.demand_id = d.id AND m.kind = 'accuse')"), '0', 'each with its acknowledgement queued');
is($stack->psql("SELECT count(*) FROM (SELECT demand_id FROM mail_outbox WHERE kind = 'accuse'"
	. " GROUP BY demand_id HAVING count(*) > 1) x"), '0', 'and only one');
my @refs = split /\n/, $stack->psql('SELECT reference FROM demand ORDER BY reference');
my @numbers = map { /(\d{5})$/ ? $1 + 0 : 0 } @refs;
is_deeply(\@numbers, [ 1 .. scalar @numbers ], 'references without gaps');

$stack->stop;
done_testing();
