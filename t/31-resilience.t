#!/usr/bin/env perl
# The server keeps serving when a worker dies and when PostgreSQL restarts;
# it stops gracefully, finishing the requests in flight.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use Time::HiRes qw(sleep);
use Stack;

my $stack = Stack->start(name => 'resilience', demo => 1, conf => "workers = 2\n");
my $fiche = '/formations/cooperation-territoriale';

# Each request has its own query string, so that nginx's page cache never
# answers for the workers: these tests are about the workers.
my $serial = 0;
sub fresh { $fiche . '?n=' . ++$serial }

sub all_ok {
	my ($n) = @_;
	my $ok = 0;
	$ok += ($stack->get(fresh())->{status} == 200) for 1 .. $n;
	return $ok;
}

is(all_ok(10), 10, 'the fiche is served before any trouble');

my @before = sort { $a <=> $b } $stack->worker_pids;
is(scalar @before, 2, 'two workers run');
kill 'KILL', $before[0];
my @after;
for (1 .. 60) {
	@after = sort { $a <=> $b } $stack->worker_pids;
	last if @after == 2 && !grep { $_ == $before[0] } @after;
	sleep 0.1;
}
is(scalar @after, 2, 'the master replaced the killed worker');
ok(!grep({ $_ == $before[0] } @after), 'the killed worker is gone');
is(all_ok(20), 20, 'every request after the kill succeeds');
like($stack->log_text, qr{worker $before[0] ended \(signal 9\), restarting}, 'the restart is logged');

ok($stack->stack_cmd('pg-stop'), 'PostgreSQL stopped');
my $r = $stack->get(fresh());
is($r->{status}, 503, 'during the outage: 503');
like(decode_utf8($r->{content}), qr{momentanément indisponible}, 'with a French page');
is($r->{headers}{'retry-after'}, '5', 'and a Retry-After');
unlike(decode_utf8($r->{content}), qr{PQ|libpq|connection|socket}i, 'no internals on the page');
ok($stack->stack_cmd('pg-start'), 'PostgreSQL started again');
is(all_ok(20), 20, 'after the restart every request succeeds');

ok($stack->stack_cmd('pg-restart'), 'PostgreSQL restarted while the workers hold connections');
is(all_ok(20), 20, 'stale connections are replaced without an error');

# Graceful stop: a slow client is still answered when SIGTERM arrives.
open my $pidf, '<', $stack->var . '/run/formations.pid' or die;
chomp(my $master = <$pidf>);
my $child = open(my $slow, '-|') // die "fork: $!";
if (!$child) {
	my $res = HTTP::Tiny->new(timeout => 20)->get($stack->base . fresh());
	print $res->{status};
	exit 0;
}
sleep 0.05;
kill 'TERM', $master;
my $status = <$slow>;
close $slow;
ok(defined $status && ($status eq '200' || $status eq '502'),
	'a request racing the stop gets an answer') or diag($status // 'none');
my $gone = 0;
sub running {    # a zombie whose parent does not reap it has stopped too
	open my $st, '<', "/proc/$_[0]/stat" or return 0;
	return (split ' ', scalar <$st>)[2] ne 'Z';
}
for (1 .. 100) { if (!running($master)) { $gone = 1; last } sleep 0.1 }
ok($gone, 'the server stops on SIGTERM');
like($stack->log_text, qr{server: stopping}, 'and says so');

$stack->stop;
done_testing();
