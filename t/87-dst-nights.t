#!/usr/bin/env perl
# Demands received around midnight in Paris on the nights France changes
# clocks: the received date is the Europe/Paris date of the instant, whatever
# the offset that night, and the due date, the tracking page and the
# acknowledgement follow from it.
#
# Only the FastCGI server's clock is faked, with libfaketime (Debian's
# faketime package) preloaded through FORMATIONS_WRAPPER; PostgreSQL and
# nginx keep the real clock. The fake clock is an offset read from a file
# on every call (FAKETIME_TIMESTAMP_FILE, FAKETIME_NO_CACHE): the test writes
# the offset from the real clock just before each request, so the request
# lands on its instant plus its own latency (milliseconds), however long the
# stack took to start, and one stack serves every instant.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Time::HiRes ();
use Time::Local qw(timegm);
use Stack;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my ($lib) = glob '/usr/lib/*/faketime/libfaketime.so.1';
# Fail rather than skip: `make test` installs it (DEB_PACKAGES).
ok($lib && -r $lib, 'libfaketime is installed (Debian package faketime)') or do { done_testing(); exit };

mkdir "$Stack::ROOT/var";
my $clock = "$Stack::ROOT/var/faketime-dst-$$.rc";
# FORMATIONS_WRAPPER is split on spaces by conf/stack.sh, without quotes.
die "a path with a space cannot go through FORMATIONS_WRAPPER: $clock\n" if "$lib$clock" =~ /\s/;

# Sets the worker's clock so that it reads $target (Unix seconds) now.
# Whole seconds (a fraction's separator depends on the locale): waiting for
# the next real second makes the fake one start at $target, not up to 1 s
# after it.
sub set_clock {
	my ($target) = @_;
	my $now = Time::HiRes::time();
	Time::HiRes::sleep(int($now) + 1 - $now);
	my $offset = $target - int(Time::HiRes::time() + 0.001);
	open my $fh, '>', "$clock.new" or die "$clock.new: $!";
	printf $fh "%+d\n", $offset;
	close $fh or die $!;
	rename "$clock.new", $clock or die $!;   # never a half-written file
}

set_clock(time);   # the real time until the first case
END { unlink $clock if $clock }   # even when a check dies
my $stack;
{
	# TZ=UTC: a received date taken from the process's local time instead
	# of Europe/Paris would be wrong on several of these instants.
	# FAKETIME_DONT_FAKE_MONOTONIC: request durations keep the real clock.
	local $ENV{FORMATIONS_WRAPPER} = "env TZ=UTC LD_PRELOAD=$lib FAKETIME_TIMESTAMP_FILE=$clock "
		. 'FAKETIME_NO_CACHE=1 FAKETIME_DONT_FAKE_MONOTONIC=1';
	$stack = Stack->start(name => 'dst', demo => 0);
}
my $b = Browser->new($stack->base);
my $cli = "$Stack::ROOT/cgi-bin/formations -c ${\ $stack->var}/formations.conf";

# The preload reaches the forked workers, and only the server.
my @workers = $stack->worker_pids;
ok(@workers >= 1, 'the server has workers');
for my $pid (@workers) {
	open my $maps, '<', "/proc/$pid/maps" or die "/proc/$pid/maps: $!";
	ok(scalar(grep { /libfaketime/ } <$maps>), "worker $pid runs with libfaketime");
}
{
	open my $fh, '<', "${\ $stack->var}/run/nginx.pid" or die $!;
	chomp(my $nginx = <$fh>);
	open my $maps, '<', "/proc/$nginx/maps" or die $!;
	ok(!scalar(grep { /libfaketime/ } <$maps>), 'nginx does not');
}

my %good = (nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf23.caf.fr',
	telephone => '05 55 51 00 00', organisme => 'Caf de la Creuse', fonction => 'Responsable du pôle',
	formation => '', intitule => 'Accueil des publics la nuit du changement d\'heure',
	participants => '12', periode => 'printemps 2027', lieu => 'Guéret', accessibilite => '',
	message => 'Envoyée vers minuit.', consentement => 'oui');

# Each instant in UTC, the Paris date it must be received on, and the due
# dates by the rule (15 days, or the same day next month, moved off weekends
# and holidays), written out by hand, not computed by the code under test.
my @cases = (
	{ utc => '2026-03-28 22:59:50', what => 'eve of the spring change, 23:59:50 CET',
	  on => '2026-03-28', on_fr => 'samedi 28 mars 2026',
	  '15j' => [ '2026-04-13', 'lundi 13 avril 2026' ],     # 12 April is a Sunday
	  '1mois' => [ '2026-04-28', 'mardi 28 avril 2026' ] },
	{ utc => '2026-03-28 23:00:10', what => 'spring change night, 00:00:10 CET',
	  on => '2026-03-29', on_fr => 'dimanche 29 mars 2026',
	  '15j' => [ '2026-04-13', 'lundi 13 avril 2026' ],
	  '1mois' => [ '2026-04-29', 'mercredi 29 avril 2026' ] },
	{ utc => '2026-03-29 01:00:30', what => 'just after the skipped hour, 03:00:30 CEST',
	  on => '2026-03-29', on_fr => 'dimanche 29 mars 2026',
	  '15j' => [ '2026-04-13', 'lundi 13 avril 2026' ],
	  '1mois' => [ '2026-04-29', 'mercredi 29 avril 2026' ] },
	# The first midnight in summer time: a winter offset would say 29 March.
	{ utc => '2026-03-29 21:59:50', what => 'first summer evening, 23:59:50 CEST',
	  on => '2026-03-29', on_fr => 'dimanche 29 mars 2026',
	  '15j' => [ '2026-04-13', 'lundi 13 avril 2026' ],
	  '1mois' => [ '2026-04-29', 'mercredi 29 avril 2026' ] },
	{ utc => '2026-03-29 22:00:10', what => 'first summer midnight, 00:00:10 CEST',
	  on => '2026-03-30', on_fr => 'lundi 30 mars 2026',
	  '15j' => [ '2026-04-14', 'mardi 14 avril 2026' ],
	  '1mois' => [ '2026-04-30', 'jeudi 30 avril 2026' ] },
	{ utc => '2026-10-24 21:59:50', what => 'eve of the autumn change, 23:59:50 CEST',
	  on => '2026-10-24', on_fr => 'samedi 24 octobre 2026',
	  '15j' => [ '2026-11-09', 'lundi 9 novembre 2026' ],   # 8 November is a Sunday
	  '1mois' => [ '2026-11-24', 'mardi 24 novembre 2026' ] },
	{ utc => '2026-10-24 22:00:10', what => 'autumn change night, 00:00:10 CEST',
	  on => '2026-10-25', on_fr => 'dimanche 25 octobre 2026',
	  '15j' => [ '2026-11-09', 'lundi 9 novembre 2026' ],
	  '1mois' => [ '2026-11-25', 'mercredi 25 novembre 2026' ] },
	# 02:30 happens twice that night.
	{ utc => '2026-10-25 00:30:00', what => 'repeated hour, first 02:30 (CEST)',
	  on => '2026-10-25', on_fr => 'dimanche 25 octobre 2026',
	  '15j' => [ '2026-11-09', 'lundi 9 novembre 2026' ],
	  '1mois' => [ '2026-11-25', 'mercredi 25 novembre 2026' ] },
	{ utc => '2026-10-25 01:30:00', what => 'repeated hour, second 02:30 (CET)',
	  on => '2026-10-25', on_fr => 'dimanche 25 octobre 2026',
	  '15j' => [ '2026-11-09', 'lundi 9 novembre 2026' ],
	  '1mois' => [ '2026-11-25', 'mercredi 25 novembre 2026' ] },
	# The first midnight in winter time: a summer offset would say 26 October.
	{ utc => '2026-10-25 22:59:50', what => 'first winter evening, 23:59:50 CET',
	  on => '2026-10-25', on_fr => 'dimanche 25 octobre 2026',
	  '15j' => [ '2026-11-09', 'lundi 9 novembre 2026' ],
	  '1mois' => [ '2026-11-25', 'mercredi 25 novembre 2026' ] },
	{ utc => '2026-10-25 23:00:10', what => 'first winter midnight, 00:00:10 CET',
	  on => '2026-10-26', on_fr => 'lundi 26 octobre 2026',
	  '15j' => [ '2026-11-10', 'mardi 10 novembre 2026' ],
	  '1mois' => [ '2026-11-26', 'jeudi 26 novembre 2026' ] },
);

for my $c (@cases) {
	my ($Y, $M, $D, $h, $m, $s) = $c->{utc} =~ /^(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)$/ or die;
	my $at = timegm($s, $m, $h, $D, $M - 1, $Y);
	set_clock($at);
	# The margin to midnight is 10 s; these requests take milliseconds.
	my @posted;
	for my $type ('intra', 'inter') {
		my %form = $b->form_fields($b->get('/demande'), '/demande');
		my $r = $b->post('/demande', { %form, %good, type => $type });
		is($r->{status}, 303, "$c->{what}: $type demand accepted (303)");
		my ($token) = ($r->{headers}{location} // '') =~ m{^/demande/suivi/([A-Za-z0-9_-]{43})\?envoyee=1$};
		push @posted, [ $type, $token ];
	}
	for my $p (@posted) {
		my ($type, $token) = @$p;
		my $regime = $type eq 'inter' ? '1mois' : '15j';
		my $label = "$c->{what}, $type";
		ok($token, "$label: to a tracking page") or next;
		my ($received_at, $on, $due, $reg, $event_at) = split /\|/, $stack->psql(
			"SELECT extract(epoch FROM received_at)::bigint, received_on, due_on, regime,"
			. " (SELECT extract(epoch FROM e.at)::bigint FROM demand_event e WHERE e.demand_id = d.id)"
			. " FROM demand d WHERE tracking_token = '$token'");
		# The worker's own record says which instant it saw.
		ok(defined $received_at && $received_at >= $at && $received_at <= $at + 5,
			"$label: received_at is the faked instant") or diag("received_at $received_at, wanted $at .. " . ($at + 5));
		is($event_at, $received_at, "$label: its first event bears the same instant (one clock for the demand)");
		is($on, $c->{on}, "$label: received on $c->{on} in Paris");
		is($reg, $regime, "$label: régime $regime");
		is($due, $c->{$regime}[0], "$label: due on $c->{$regime}[0]");
		my $by_cli = `$cli due-date $on $regime`;
		chomp $by_cli;
		is($due, $by_cli, "$label: formations due-date agrees");
		my $page = $b->get("/demande/suivi/$token");
		is($page->{status}, 200, "$label: tracking page");
		like($page->{text}, qr{<dt>Reçue le</dt><dd>\Q$c->{on_fr}\E</dd>}, "$label: Reçue le $c->{on_fr}");
		like($page->{text}, qr{Réponse au plus tard le \Q$c->{$regime}[1]\E</dd>},
			"$label: Réponse au plus tard le $c->{$regime}[1]");
		like($stack->psql("SELECT body FROM mail_outbox m JOIN demand d ON d.id = m.demand_id"
				. " WHERE m.kind = 'accuse' AND d.tracking_token = '$token'"),
			qr{au plus tard le \Q$c->{$regime}[1]\E\.}, "$label: the acknowledgement gives the same due date");
	}
}

$stack->stop;
done_testing();
