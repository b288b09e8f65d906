#!/usr/bin/env perl
# Several hosts and a database failover, for real (README, "Scaling out"):
# network namespaces joined by a bridge, addresses in 198.18.0.0/24 inside
# them only: two application hosts (each its nginx and the FastCGI server
# on its local socket, and `formations mail --loop 1`), a PostgreSQL
# primary with a synchronous standby, the front nginx of
# conf/nginx-front.conf.in, and the client in a namespace of its own.
# While a client posts demands through the front and a staff browser reads
# the dashboard: 1) every process of application host 1 is killed
# (SIGKILL), then it comes back; 2) the primary stops hard (pg_ctl stop -m
# immediate) and the standby is promoted (conf/pg-replica.sh promote);
# 3) the old primary rejoins as a standby (conf/pg-replica.sh rejoin).
# Then: every demand that got its 303 is in the new primary once, with its
# acknowledgement; references have no gaps; no mail went twice from the two
# senders; the failures were French 503 pages; `remind` and `purge` run on
# both hosts at once do their work once.
#
# The script runs twice: as root in the machine's namespace it builds the
# network, runs itself again inside the client's namespace (the TAP comes
# from there), and tears everything down at the end, whatever happened.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use File::Basename qw(dirname);
use File::Path qw(remove_tree);
use POSIX qw(WNOHANG _exit);
use Time::HiRes qw(sleep time);
use Stack;

my $ROOT = $Stack::ROOT;
my %ADDR = (front => '198.18.0.2', client => '198.18.0.3', app1 => '198.18.0.11',
	app2 => '198.18.0.12', db1 => '198.18.0.21', db2 => '198.18.0.22');

my $P = $ENV{SEVERAL_HOSTS_INSIDE};
my $VAR = $ENV{SEVERAL_HOSTS_VAR};

# --- outside: the network, the run inside, the cleanup -------------------------

my ($out_prefix, $out_var, @out_ns);

sub cleanup_outside {
	return unless $out_prefix;
	# Every process of every namespace, whatever started it.
	for my $round (1 .. 50) {
		my @pids = map { split ' ', `ip netns pids $_ 2>/dev/null` } @out_ns;
		last unless @pids;
		kill 'KILL', @pids;
		sleep 0.1;
	}
	system('ip', 'netns', 'del', $_) for grep { -e "/run/netns/$_" } @out_ns;
	if ($out_var && -d $out_var && !$ENV{KEEP_STACK}) {
		for my $db (qw(db1 db2)) {   # the data outside the checkout (conf/stack.sh, pg_dirs)
			my $pg = "$out_var/$db/pg";
			remove_tree(dirname(readlink $pg)) if -l $pg;
		}
		remove_tree($out_var);
	}
	undef $out_prefix;
}

sub outside {
	plan skip_all => 'network namespaces need root (ip netns add)' if $> != 0;
	$out_prefix = "fh$$";
	my $net = "$out_prefix-net";
	my $err = `ip netns add $net 2>&1`;
	if ($? != 0) {
		chomp $err;
		undef $out_prefix;
		plan skip_all => "cannot create a network namespace (ip netns add: $err)";
	}
	@out_ns = ($net);
	$SIG{INT} = $SIG{TERM} = sub { cleanup_outside(); _exit(1) };
	my $ok = eval {
		sh('ip', '-n', $net, 'link', 'add', 'br0', 'type', 'bridge');
		sh('ip', '-n', $net, 'link', 'set', 'br0', 'up');
		for my $host (sort keys %ADDR) {
			my $ns = "$out_prefix-$host";
			sh('ip', 'netns', 'add', $ns);
			push @out_ns, $ns;
			sh('ip', '-n', $net, 'link', 'add', $host, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', $ns);
			sh('ip', '-n', $net, 'link', 'set', $host, 'master', 'br0', 'up');
			sh('ip', '-n', $ns, 'addr', 'add', "$ADDR{$host}/24", 'dev', 'eth0');
			sh('ip', '-n', $ns, 'link', 'set', 'eth0', 'up');
			sh('ip', '-n', $ns, 'link', 'set', 'lo', 'up');
		}
		1;
	};
	if (!$ok) {
		my $why = $@;
		chomp $why;
		cleanup_outside();
		plan skip_all => "cannot build the network of namespaces ($why)";
	}
	mkdir "$ROOT/var";
	$out_var = "$ROOT/var/test-hosts-$$";
	remove_tree($out_var);
	mkdir $out_var or die "mkdir $out_var: $!";
	local $ENV{SEVERAL_HOSTS_INSIDE} = $out_prefix;
	local $ENV{SEVERAL_HOSTS_VAR} = $out_var;
	my $status = system('ip', 'netns', 'exec', "$out_prefix-client", $^X, $0);
	cleanup_outside();
	_exit($status == 0 ? 0 : ($status >> 8) || 1);
}

sub sh {
	my @cmd = @_;
	my $out = `@{[ join ' ', map { "'$_'" } @cmd ]} 2>&1`;
	die "@cmd: $out" if $? != 0;
	return $out;
}

END { cleanup_outside() }

# --- inside: the hosts ------------------------------------------------------------

my $STEPS;   # what the commands said, for a failure's diagnosis
my $REPLICA = "$ROOT/conf/pg-replica.sh";   # run by the postgres account

sub in_ns { my $host = shift; return ('ip', 'netns', 'exec', "$P-$host", @_) }

# Runs a command, its output to steps.log; true when it succeeded.
sub step {
	my @cmd = @_;
	open my $log, '>>', $STEPS or die $!;
	print $log "\n\$ @cmd\n";
	close $log;
	my $pid = fork // die "fork: $!";
	if (!$pid) {
		chdir '/';   # the postgres account may not enter the checkout
		open STDOUT, '>>', $STEPS or _exit(127);
		open STDERR, '>&', \*STDOUT or _exit(127);
		exec @cmd or _exit(127);
	}
	waitpid $pid, 0;
	return $? == 0;
}

sub steps_tail {
	open my $fh, '<', $STEPS or return '';
	my @lines = <$fh>;
	return join '', @lines[($#lines > 30 ? $#lines - 30 : 0) .. $#lines];
}

# Starts a command in the background (its output to FILE); its pid.
sub spawn {
	my ($file, @cmd) = @_;
	my $pid = fork // die "fork: $!";
	if (!$pid) {
		open STDOUT, '>>', $file or _exit(127);
		open STDERR, '>&', \*STDOUT or _exit(127);
		exec @cmd or _exit(127);
	}
	return $pid;
}

# SQL on a database host through its socket: as the schema owner, or as
# the superuser with super => 1.
sub psql {
	my ($db, $sql, %o) = @_;
	my @cmd = ("$ROOT/conf/stack.sh", $o{super} ? 'psql-super' : 'psql', "$VAR/$db",
		'-qAt', '-v', 'ON_ERROR_STOP=1', '-c', $sql);
	open my $fh, '-|', @cmd or die $!;
	my $out = do { local $/; <$fh> } // '';
	close $fh;
	chomp $out;
	return $out;
}

# Polls until the condition holds or the deadline passes.
sub wait_for {
	my ($seconds, $cond) = @_;
	my $end = time + $seconds;
	while (time < $end) {
		return 1 if $cond->();
		sleep 0.1;
	}
	return $cond->() ? 1 : 0;
}

sub slurp_lines {
	my ($file) = @_;
	open my $fh, '<:encoding(UTF-8)', $file or return ();
	my @l = <$fh>;
	chomp @l;
	return @l;
}

sub count_matching {
	my ($file, $re) = @_;
	return scalar grep { /$re/ } slurp_lines($file);
}

my (%app_pids, %mail_pid, @children, $stop_file);

sub app_host_start {
	my ($host) = @_;
	my $var = "$VAR/$host";
	step(in_ns($host, "$ROOT/conf/stack.sh", 'app-start', $var, "$ADDR{$host}:8080",
		"http://$ADDR{front}")) or return 0;
	$mail_pid{$host} = spawn("$var/log/mail.log", in_ns($host, "$ROOT/cgi-bin/formations",
		'-c', "$var/formations.conf", 'mail', '--loop', '1'));
	return 1;
}

sub pids_of { my ($host) = @_; return split ' ', `ip netns pids $P-$host` }

# --- the client and the staff browser (forked, in this namespace) ---------

sub french_503 {
	my ($r) = @_;
	return $r->{status} == 503 && $r->{text} =~ /momentanément indisponible/ &&
		$r->{text} =~ /lang="fr"/ ? 1 : 0;
}

# Posts demands one after the other as a requester would: the form, then
# the post; an error page sends the same form again (what the 503 page
# asks), until its 303. Each line of the log says what happened when.
sub poster {
	my ($file) = @_;
	require Browser;
	open my $log, '>>:encoding(UTF-8)', $file or _exit(1);
	$log->autoflush(1);
	my $n = 0;
	while (!-e $stop_file) {
		my $b = Browser->new("http://$ADDR{front}");
		$b->{http}{timeout} = 90;
		$n++;
		my %form;
		while (1) {
			my $r = $b->get('/demande');
			%form = $b->form_fields($r, '/demande') if $r->{status} == 200;
			last if $form{jeton};
			printf $log "F\tGET\t%d\t%d\t%d\t%.3f\n", $n, $r->{status}, french_503($r), time;
			_exit(0) if -e $stop_file;
			sleep 0.1;
		}
		@form{qw(nom prenom email organisme type participants formation intitule consentement message)} =
			('Essai', "Client $n", "client$n\@caf-essai.example", 'Caf essai', 'intra', 3, '',
			 'Formation sur mesure', 'oui', "tag-$P-$n");
		printf $log "P\t%d\t%s\t%.3f\n", $n, $form{jeton}, time;
		my $attempts = 0;
		while (1) {
			$attempts++;
			my $r = $b->post('/demande', \%form);
			if ($r->{status} == 303) {
				printf $log "A\t%d\t%s\t%s\t%.3f\t%d\n", $n, $form{jeton},
					$r->{headers}{location} // '', time, $attempts;
				last;
			}
			printf $log "F\tPOST\t%d\t%d\t%d\t%.3f\n", $n, $r->{status}, french_503($r), time;
			sleep 0.1;
		}
		sleep 0.03;
	}
	_exit(0);
}

# A staff member logged in once reads the dashboard every 0.2 s.
sub reader {
	my ($file, $email, $password) = @_;
	require Browser;
	open my $log, '>>:encoding(UTF-8)', $file or _exit(1);
	$log->autoflush(1);
	my $b = Browser->new("http://$ADDR{front}");
	while (!-e $stop_file) {
		my $r = $b->login($email, $password);
		if ($r->{status} == 303 && $b->cookie('egoc_login')) {
			printf $log "L\t%.3f\n", time;
			last;
		}
		sleep 0.2;
	}
	while (!-e $stop_file) {
		my $r = $b->get('/intranet/demandes');
		my $ok = $r->{status} == 200 && $r->{text} =~ m{<h1>Demandes</h1>} ? 1 : 0;
		my $kind = $ok ? 'ok' : ($r->{status} == 303 && ($r->{headers}{location} // '') =~ /connexion/)
			? 'logged-out' : french_503($r) ? 'french503' : "status-$r->{status}";
		printf $log "R\t%s\t%.3f\n", $kind, time;
		sleep 0.2;
	}
	_exit(0);
}

sub fork_child {
	my ($code, @args) = @_;
	my $pid = fork // die "fork: $!";
	if (!$pid) { $code->(@args); _exit(0) }
	push @children, $pid;
	return $pid;
}

# --- reading what the client saw ----------------------------------------------------

sub client_log {
	my (@acks, @fails, @posted);
	for (slurp_lines("$VAR/client.log")) {
		my @f = split /\t/;
		if ($f[0] eq 'A') { push @acks, { n => $f[1], jeton => $f[2], location => $f[3], t => $f[4], attempts => $f[5] } }
		elsif ($f[0] eq 'F') { push @fails, { what => $f[1], n => $f[2], status => $f[3], french => $f[4], t => $f[5] } }
		elsif ($f[0] eq 'P') { push @posted, { n => $f[1], jeton => $f[2], t => $f[3] } }
	}
	return (\@acks, \@fails, \@posted);
}

sub acks_after {
	my ($t) = @_;
	my ($acks) = client_log();
	return scalar grep { $_->{t} > $t } @$acks;
}

sub reads_after {
	my ($t, $kind) = @_;
	return scalar grep { my @f = split /\t/; $f[0] eq 'R' && $f[2] > $t && $f[1] eq $kind }
		slurp_lines("$VAR/staff.log");
}

# The longest time without a 303 between from and to (both included in
# the gaps that cross them).
sub longest_gap {
	my ($from, $to) = @_;
	my ($acks) = client_log();
	my @t = sort { $a <=> $b } map { $_->{t} } @$acks;
	my $gap = 0;
	for my $i (1 .. $#t) {
		next if $t[$i] < $from || $t[$i - 1] > $to;
		$gap = $t[$i] - $t[$i - 1] if $t[$i] - $t[$i - 1] > $gap;
	}
	return $gap;
}

sub post_303 { my ($host) = @_; return count_matching("$VAR/$host/log/formations.log", qr{POST /demande 303}) }

# --- the run ------------------------------------------------------------------------------

sub inside {
	$STEPS = "$VAR/steps.log";
	$stop_file = "$VAR/stop";
	$ENV{NGINX_WORKERS} = 1;
	my $t_start = time;
	my $app_password = join '', map { ('a' .. 'z', 0 .. 9)[rand 36] } 1 .. 24;
	my $repl_password = join '', map { ('a' .. 'z', 0 .. 9)[rand 36] } 1 .. 24;
	my $staff_password = 'mot-de-passe-du-test-' . int(rand 1e9);
	my $staff_email = 'direction@egoc.example';

	# --- the databases
	ok(step(in_ns('db1', "$ROOT/conf/stack.sh", 'db-init', "$VAR/db1", $ADDR{db1})),
		'db1: a primary with conf/postgresql-replication.conf, migrated') or do { diag(steps_tail()); BAIL_OUT('the cluster did not start') };
	my ($pgdata1, $sock1) = split ' ', `$ROOT/conf/stack.sh db-dirs $VAR/db1`;
	is(psql('db1', "SHOW synchronous_standby_names", super => 1), '', 'alone until it has a standby');
	open my $roles, '<', "$ROOT/conf/postgresql-replication.sql" or die $!;
	my $roles_sql = do { local $/; <$roles> };
	psql('db1', $roles_sql, super => 1);
	psql('db1', "ALTER ROLE replicator PASSWORD '$repl_password'", super => 1);
	psql('db1', "ALTER ROLE formations_app PASSWORD '$app_password'", super => 1);
	my $replicator = "port=5432 user=replicator password=$repl_password";

	my ($pgdata2, $sock2) = split ' ', `$ROOT/conf/stack.sh db-dirs $VAR/db2`;
	ok(step(in_ns('db2', 'runuser', '-u', 'postgres', '--', $REPLICA, 'standby',
		$pgdata2, "host=$ADDR{db1} $replicator", 'db2')), 'db2: pg-replica.sh standby (pg_basebackup)')
		or do { diag(steps_tail()); BAIL_OUT('the cluster did not start') };
	ok(step(in_ns('db2', "$ROOT/conf/stack.sh", 'db-start', "$VAR/db2", $ADDR{db2})), 'db2 started');
	ok(step('runuser', '-u', 'postgres', '--', 'env', "PGHOST=$sock1", $REPLICA,
		'synchronous', 'db2'), 'db1: pg-replica.sh synchronous db2') or do { diag(steps_tail()); BAIL_OUT('the cluster did not start') };
	is(psql('db1', "SELECT application_name || ' ' || state || ' ' || sync_state FROM pg_stat_replication",
		super => 1), 'db2 streaming quorum', 'db2 streams from db1, and every commit waits for it');
	is(psql('db2', 'SELECT pg_is_in_recovery()'), 't', 'db2 is a hot standby');

	# --- the staff account, the application hosts, the front, the sink
	open my $ua, '|-', "$ROOT/cgi-bin/formations", '-c', "$VAR/db1/formations.conf", 'user', 'add',
		$staff_email, '--role', 'admin', '--name', 'Direction EGOC' or die $!;
	print $ua "$staff_password\n";
	ok(close($ua), 'a staff account (admin)');

	my $db = "host=$ADDR{db1},$ADDR{db2} port=5432 dbname=formations user=formations_app"
		. " password=$app_password target_session_attrs=read-write";
	for my $host (qw(app1 app2)) {
		mkdir "$VAR/$host";
		open my $c, '>', "$VAR/$host/formations.local.conf" or die $!;
		print $c "db = $db\nworkers = 2\nsmtp_url = smtp://$ADDR{client}:2525\n"
			. "trusted_proxies = $ADDR{front}\n";
		close $c;
		ok(app_host_start($host), "$host: nginx on $ADDR{$host}:8080, the FastCGI server, the mail sender")
			or do { diag(steps_tail()); BAIL_OUT('the cluster did not start') };
	}
	ok(step(in_ns('front', "$ROOT/conf/stack.sh", 'front-start', "$VAR/front", "$ADDR{front}:80",
		"$ADDR{app1}:8080", "$ADDR{app2}:8080")), 'the front nginx (conf/nginx-front.conf.in)')
		or do { diag(steps_tail()); BAIL_OUT('the cluster did not start') };
	require Sink;
	# Each delivery takes 50 ms, so that the senders are mostly in the
	# middle of one when a host or the primary dies.
	my $sink = Sink->start(dir => "$VAR/mail", port => 2525,
		args => [ '--host', $ADDR{client}, '--delay', '0.05' ]);

	# --- traffic
	fork_child(\&poster, "$VAR/client.log");
	fork_child(\&reader, "$VAR/staff.log", $staff_email, $staff_password);
	ok(wait_for(30, sub { acks_after(0) >= 10 && post_303('app1') && post_303('app2') }),
		'demands flow through the front to both hosts');
	ok(wait_for(20, sub { reads_after(0, 'ok') >= 3 }), 'the staff member is logged in and reads the dashboard');
	diag(sprintf 'traffic after %.0f s of setup', time - $t_start);

	# --- 1. application host 1 dies
	my @pids = pids_of('app1');
	ok(@pids >= 5, 'app1 runs nginx, the server and its workers, the mail sender (' . scalar(@pids) . ' processes)');
	kill 'KILL', @pids;
	my $t_kill = time;
	ok(wait_for(10, sub { !pids_of('app1') }), 'every process of app1 killed (SIGKILL)');
	# The mail app1's sender held, if any: it may have reached the relay
	# and not its record (at-least-once, store/outbox.h).
	my $held = psql('db1', "SELECT coalesce(string_agg(id::text, ','), '') FROM mail_outbox"
		. " WHERE sent_at IS NULL AND claimed_by LIKE '%:$mail_pid{app1}'");
	diag(sprintf "app1's mail sender held %d mail(s) when it was killed", scalar(grep { length } split /,/, $held));
	my $app2_before = post_303('app2');
	my $t_counted = time;
	ok(wait_for(30, sub { acks_after($t_counted) >= 20 }), 'demands go on, to app2');
	ok(post_303('app2') >= $app2_before + 20, 'app2 took them');
	ok(wait_for(20, sub { reads_after($t_kill, 'ok') >= 3 }), 'the staff login still works through app2');
	my $app1_before = post_303('app1');
	my $t_back = time;
	ok(app_host_start('app1'), 'app1 started again') or diag(steps_tail());
	ok(wait_for(30, sub { post_303('app1') >= $app1_before + 5 }), 'app1 takes traffic again');
	my $gap_host = longest_gap($t_kill - 1, time);

	# --- 2. the primary stops hard, the standby is promoted
	ok(wait_for(10, sub { acks_after(time - 1) >= 3 }), 'traffic before the failover');
	my $t_fail = time;
	ok(step(in_ns('db1', "$ROOT/conf/stack.sh", 'db-stop', "$VAR/db1", 'immediate')),
		'db1 stopped hard (pg_ctl stop -m immediate)');
	ok(step('runuser', '-u', 'postgres', '--', 'env', "PGHOST=$sock2", $REPLICA,
		'promote', $pgdata2), 'db2: pg-replica.sh promote') or diag(steps_tail());
	my $t_promoted = time;
	is(psql('db2', 'SELECT pg_is_in_recovery()'), 'f', 'db2 is the primary');
	ok(wait_for(60, sub { acks_after($t_promoted) >= 20 }), 'the application finds it: demands go on');
	for my $host (qw(app1 app2)) {
		like(join("\n", slurp_lines("$VAR/$host/log/formations.log")), qr{db: reconnected to \Q$ADDR{db2}\E port 5432},
			"$host\'s workers reconnected to db2 without a restart");
	}
	ok(wait_for(20, sub { reads_after($t_promoted, 'ok') >= 3 }), 'the staff login survives the failover');

	# --- 3. the old primary rejoins as a standby of the new one
	ok(step(in_ns('db1', 'runuser', '-u', 'postgres', '--', $REPLICA, 'rejoin',
		$pgdata1, "host=$ADDR{db2} $replicator", 'db1')), 'db1: pg-replica.sh rejoin (pg_rewind)')
		or diag(steps_tail());
	like(join('', slurp_lines($STEPS)), qr{pg_rewind brought}, 'pg_rewind did it (no new base backup)');
	ok(step(in_ns('db1', "$ROOT/conf/stack.sh", 'db-start', "$VAR/db1", $ADDR{db1})), 'db1 started');
	ok(step('runuser', '-u', 'postgres', '--', 'env', "PGHOST=$sock2", $REPLICA,
		'synchronous', 'db1'), 'db2: pg-replica.sh synchronous db1') or diag(steps_tail());
	my $t_sync = time;
	is(psql('db2', "SELECT application_name || ' ' || state || ' ' || sync_state FROM pg_stat_replication",
		super => 1), 'db1 streaming quorum', 'db1 streams from db2, every commit waits for it');
	ok(wait_for(30, sub { acks_after($t_sync) >= 20 }), 'demands go on, committed on both');
	my $gap_db = longest_gap($t_fail, $t_sync);

	# --- the traffic stops
	open my $sf, '>', $stop_file or die $!;
	close $sf;
	my $all_done = wait_for(60, sub {
		@children = grep { waitpid($_, WNOHANG) == 0 } @children;
		return !@children;
	});
	ok($all_done, 'the client and the staff browser finished');

	# --- the demands, on the new primary
	ok(wait_for(30, sub { psql('db2', 'SELECT count(*) FROM demand WHERE reference IS NULL') eq '0' }),
		'every demand is numbered');
	my ($acks, $fails, $posted) = client_log();
	my %db;
	for (split /\n/, psql('db2', "SELECT d.form_token, d.tracking_token, d.reference, d.message,"
			. " (SELECT count(*) FROM mail_outbox m WHERE m.demand_id = d.id AND m.kind = 'accuse')"
			. " FROM demand d")) {
		my ($jeton, $tracking, $ref, $message, $accuse) = split /\|/;
		push @{ $db{by_message}{$message} }, $jeton;
		$db{by_jeton}{$jeton} = { tracking => $tracking, ref => $ref, accuse => $accuse };
	}
	my (@lost, @wrong, @no_ack_mail);
	for my $a (@$acks) {
		my $d = $db{by_jeton}{ $a->{jeton} };
		if (!$d) { push @lost, $a->{n}; next }
		# a first send lands on its confirmation, a form sent again on the tracking page
		push @wrong, $a->{n} if $a->{location} !~ m{^/demande/suivi/\Q$d->{tracking}\E(?:\?envoyee=1)?$};
		push @no_ack_mail, $a->{n} if $d->{accuse} != 1;
	}
	my @duplicated = grep { @{ $db{by_message}{$_} } > 1 } keys %{ $db{by_message} };
	my %acked = map { $_->{jeton} => 1 } @$acks;
	my $unacked_saved = grep { !$acked{$_} } keys %{ $db{by_jeton} };
	my @not_french = grep { !$_->{french} } @$fails;
	ok(@$acks >= 100, scalar(@$acks) . ' demands acknowledged (303)');
	is(scalar @lost, 0, 'none lost: each is in the new primary') or diag("lost: @lost");
	is(scalar @wrong, 0, 'each 303 led to its own demand') or diag("wrong: @wrong");
	is(scalar @duplicated, 0, 'none made twice') or diag("twice: @duplicated");
	is(scalar @no_ack_mail, 0, 'each with its acknowledgement queued, once') or diag("without: @no_ack_mail");
	is(scalar @not_french, 0, 'every failure in between was a French 503 page')
		or diag(join ', ', map { "$_->{what} $_->{status}" } @not_french);
	my %years;
	for my $ref (map { $_->{ref} } values %{ $db{by_jeton} }) {
		my ($y, $n) = $ref =~ /^D-(\d{4})-(\d+)$/ or next;
		push @{ $years{$y} }, $n + 0;
	}
	my $gapless = 1;
	for my $y (keys %years) {
		my @n = sort { $a <=> $b } @{ $years{$y} };
		$gapless &&= $n[0] == 1 && $n[-1] == @n;
	}
	ok($gapless && keys %years, 'references without gaps, from 00001');
	is(psql('db2', "SELECT count(*) FROM demand WHERE reference !~ '^D-'"), '0', 'and all references');
	my $staff_lost = reads_after(0, 'logged-out');
	is($staff_lost, 0, 'the staff browser never lost its login');
	is(scalar(grep { my @f = split /\t/; $f[0] eq 'R' && $f[1] =~ /^status-/ } slurp_lines("$VAR/staff.log")), 0,
		'its failed reads were French 503 pages too');
	my $count2 = psql('db2', 'SELECT count(*) FROM demand');
	ok(wait_for(20, sub { psql('db1', 'SELECT count(*) FROM demand') eq $count2 }),
		'the standby db1 has every demand too');

	diag(sprintf 'posted %d, acknowledged %d, failed %d (attempts answered 503), lost %d, duplicated %d',
		scalar @$posted, scalar @$acks, scalar @$fails, scalar @lost, scalar @duplicated);
	diag(sprintf 'saved without their 303 (the client was still resending at its stop): %d', $unacked_saved);
	diag(sprintf 'longest time without a successful POST: %.2f s around the loss of app1,'
		. ' %.2f s around the database failover', $gap_host, $gap_db);

	# --- remind on both hosts at once
	psql('db2', "UPDATE demand SET due_on = (now() AT TIME ZONE 'Europe/Paris')::date"
		. " WHERE id IN (SELECT id FROM demand ORDER BY id LIMIT 4)");
	my @queued = both_hosts('remind', qr/^queued (\d+) warnings$/m);
	my $warn_rows = psql('db2', "SELECT count(*) FROM mail_outbox WHERE dedup_key LIKE 'warn:%'");
	is($queued[0] + $queued[1], 8, "remind on both hosts at once: 4 demands due today, 8 warnings ($queued[0] + $queued[1])");
	is($warn_rows, 8, 'queued once each (the assignee\'s address and the admin\'s)');
	@queued = both_hosts('remind', qr/^queued (\d+) warnings$/m);
	is($queued[0] + $queued[1], 0, 'run again on both: nothing more');

	# --- every mail once, from two senders
	ok(wait_for(100, sub { psql('db2', 'SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL') eq '0' }),
		'the two senders emptied the outbox');
	my %sent = map { $_ => 1 } split /\n/, psql('db2', 'SELECT id FROM mail_outbox WHERE sent_at IS NOT NULL');
	ok(wait_for(20, sub { my @f = $sink->files; @f >= keys %sent }), 'the relay has them');
	my %copies;
	for my $f ($sink->files) {
		my ($id) = ($sink->read($f)->{h}{'message-id'} // '') =~ /^<outbox-(\d+)\./;
		$copies{$id // 'none'}++;
	}
	my @missing = grep { !$copies{$_} } keys %sent;
	my %held = map { $_ => 1 } grep { length } split /,/, $held;
	my @twice = grep { $copies{$_} > 1 && !$held{$_} } keys %copies;
	my @resent = grep { $copies{$_} > 1 && $held{$_} } keys %copies;
	is(scalar @missing, 0, scalar(keys %sent) . ' mails sent, each reached the relay') or diag("missing: @missing");
	is(scalar @twice, 0, 'none sent twice by the two senders') or diag("twice: @twice");
	ok(@resent <= 1, 'at most the one mail app1\'s sender held when killed went again (at-least-once)');
	ok(!grep({ !$sent{$_} } keys %copies), 'the relay got nothing the outbox does not have');
	my $recorded_late = grep { /recorded as sent/ } map { slurp_lines("$VAR/$_/log/formations.log") } qw(app1 app2);
	diag(sprintf 'mails: %d sent, %d resent after the SIGKILL of their sender, %d sent during the failover'
		. ' and recorded once the database was back', scalar(keys %sent), scalar @resent, $recorded_late);

	# --- purge on both hosts at once
	psql('db2', "WITH old AS (SELECT id FROM demand ORDER BY id DESC LIMIT 3),"
		. " e AS (UPDATE demand_event SET at = now() - interval '4000 days' WHERE demand_id IN (SELECT id FROM old))"
		. " UPDATE demand SET status = 'close', received_at = now() - interval '4000 days'"
		. " WHERE id IN (SELECT id FROM old)");
	my @purged = both_hosts('purge', qr/^anonymised (\d+) demands$/m);
	is($purged[0] + $purged[1], 3, "purge on both hosts at once: 3 demands anonymised ($purged[0] + $purged[1])");
	is(psql('db2', "SELECT count(*) FROM demand WHERE anonymised_at IS NOT NULL AND last_name = 'anonyme'"), '3',
		'each once');

	my $elapsed = time - $t_start;
	diag(sprintf 'the whole run: %.0f s', $elapsed);
	ok($elapsed < 240, 'in under 4 minutes');
	undef $sink;
	done_testing();
}

# Runs `formations CMD` on app1 and app2 at the same instant; the number
# each printed (the first group of re).
sub both_hosts {
	my ($cmd, $re) = @_;
	my $t = time;
	my @files = map { "$VAR/$_-$cmd-$t.out" } qw(app1 app2);
	my @pids = map { my $h = $_; spawn($files[$h eq 'app1' ? 0 : 1],
		in_ns($h, "$ROOT/cgi-bin/formations", '-c', "$VAR/$h/formations.conf", $cmd)) } qw(app1 app2);
	waitpid $_, 0 for @pids;
	return map { my $text = join "\n", slurp_lines($_); $text =~ $re ? $1 : -1000 } @files;
}

if ($P) { inside() } else { outside() }
