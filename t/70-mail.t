#!/usr/bin/env perl
# `formations mail` against a local SMTP sink (t/lib/smtp_sink.py): the
# headers and the quoted-printable body of real deliveries, rescheduling
# with backoff when the relay is down, never a row sent twice (again, or by
# two senders at once), the batch size, --loop and its graceful stop, and
# a non-zero exit when PostgreSQL cannot be reached.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode encode_utf8 decode_utf8);
use MIME::QuotedPrint qw(decode_qp);
use POSIX qw(WNOHANG);
use Time::HiRes qw(sleep time);
use Time::Local qw(timegm);
use Stack;
use Sink;

my $ROOT = $Stack::ROOT;
my $smtp_port = Stack::free_port();
my $stack = Stack->start(name => 'mail',
	conf => "smtp_url = smtp://127.0.0.1:$smtp_port\nmail_from = formations\@egoc.example\n");
my $var = $stack->var;
my $maildir = "$var/mail";
my $sink_pid;

# --- helpers

sub sql { return $stack->sql(@_) }

# Queues one mail as the application would, and returns its id.
sub queue {
	my ($to, $subject, $body) = @_;
	return sql("INSERT INTO mail_outbox (to_address, subject, body, kind)"
		. " VALUES (\$q\$$to\$q\$, \$q\$$subject\$q\$, \$q\$$body\$q\$, 'test') RETURNING id");
}

sub sink_start {
	my (@extra) = @_;
	my $pidfile = "$var/run/smtp_sink.pid";
	unlink $pidfile;
	$sink_pid = fork // die "fork: $!";
	if (!$sink_pid) {
		open STDOUT, '>>', "$var/log/smtp_sink.log" or die $!;
		open STDERR, '>&', \*STDOUT or die $!;
		exec "$ROOT/t/lib/smtp_sink.py", '--port', $smtp_port, '--dir', $maildir,
			'--pidfile', $pidfile, @extra or die "exec: $!";
	}
	for (1 .. 200) {
		return 1 if -s $pidfile;
		sleep 0.05;
	}
	return 0;
}

sub sink_stop {
	return unless $sink_pid;
	kill 'TERM', $sink_pid;
	waitpid $sink_pid, 0;
	undef $sink_pid;
}

END { sink_stop() }

# Runs the command; returns (exit status, output).
sub mail_cmd {
	my (@args) = @_;
	my $conf = "$var/formations.conf";
	if (@args && $args[0] =~ /^-c$/) { (undef, $conf) = splice @args, 0, 2 }
	my $out = `$ROOT/cgi-bin/formations -c $conf mail @args 2>&1`;
	return ($? >> 8, $out);
}

sub eml_files {
	opendir my $d, $maildir or return ();
	my @files = sort grep { /^\d{4}\.eml$/ } readdir $d;
	return @files;
}

sub eml_count {
	my @files = eml_files();
	return scalar @files;
}

# One received message: unfolded headers, raw body, envelope.
sub read_mail { Sink::read_message($maildir, $_[0]) }

sub wait_for_mails {
	my ($count, $seconds) = @_;
	for (1 .. $seconds * 20) {
		return 1 if eml_count() >= $count;
		sleep 0.05;
	}
	return 0;
}

my %month = (Jan => 0, Feb => 1, Mar => 2, Apr => 3, May => 4, Jun => 5,
	Jul => 6, Aug => 7, Sep => 8, Oct => 9, Nov => 10, Dec => 11);

# --- three mails delivered

my $long = join ' ', ('La coopération territoriale entre les équipes de la Caf et leurs partenaires'
	. ' — séance « été » à Créteil, coût 1 200 € = prise en charge 😀') x 4;
my %mails;
my $body1 = "Bonjour Camille,\n\nVotre demande de formation a bien été reçue.  \n$long\n"
	. "Formule : a=b+c, 100 % à l'écoute\n.\n.commence par un point\n\ttabulation\n\n"
	. "Cordialement,\nL'équipe EGOC \n";
my $id1 = queue('camille.dupont@caf.example', 'Accusé de réception de votre demande', $body1);
$mails{$id1} = { to => 'camille.dupont@caf.example', subject => 'Accusé de réception de votre demande',
	body => $body1 };
my $subject2 = 'Rappel : votre demande « Coopération territoriale » attend une réponse depuis '
	. 'quinze jours ouvrés, délai de réponse dépassé';
my $id2 = queue('conseil@egoc.example', $subject2, 'Merci.');
$mails{$id2} = { to => 'conseil@egoc.example', subject => $subject2, body => 'Merci.' };
my $id3 = queue('formateur@egoc.example', 'Plain ASCII subject', "Line one\nLine two\n");
$mails{$id3} = { to => 'formateur@egoc.example', subject => 'Plain ASCII subject',
	body => "Line one\nLine two\n" };
like($id1 . $id2 . $id3, qr/^\d+$/, 'three mails queued');

ok(sink_start(), 'the SMTP sink listens');
my ($status, $out) = mail_cmd();
is($status, 0, 'formations mail: exit 0');
is($out, "sent 3, failed 0\n", 'says sent 3, failed 0');
my @files = eml_files();
is(scalar @files, 3, 'three messages arrived');

my $before = time;
my %seen;
for my $f (@files) {
	my $m = read_mail($f);
	my ($id) = ($m->{h}{'message-id'} // '') =~ /^<outbox-(\d+)\.\d+\@egoc\.example>$/;
	ok($id && $mails{$id}, "$f: Message-ID <outbox-ID.TIMESTAMP\@domain of mail_from>")
		or do { diag($m->{head}); next };
	$seen{$id}++;
	my $want = $mails{$id};
	my $created = sql("SELECT extract(epoch FROM created_at)::bigint FROM mail_outbox WHERE id = $id");
	is($m->{h}{'message-id'}, "<outbox-$id.$created\@egoc.example>", "$f: its timestamp is the row's creation");
	is($m->{h}{from}, 'formations@egoc.example', "$f: From");
	is($m->{h}{to}, $want->{to}, "$f: To");
	is(decode('MIME-Header', $m->{h}{subject} // ''), $want->{subject}, "$f: Subject decodes to the text");
	like($m->{h}{date} // '', qr/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000$/,
		"$f: Date in RFC 5322 form");
	my @d = ($m->{h}{date} // '') =~ /(\d\d) (\w{3}) (\d{4}) (\d\d):(\d\d):(\d\d)/;
	my $t = @d ? timegm($d[5], $d[4], $d[3], $d[0], $month{$d[1]}, $d[2]) : 0;
	ok(abs($t - $before) < 300, "$f: Date is now");
	is($m->{h}{'mime-version'}, '1.0', "$f: MIME-Version");
	is($m->{h}{'content-type'}, 'text/plain; charset=UTF-8', "$f: Content-Type");
	is($m->{h}{'content-transfer-encoding'}, 'quoted-printable', "$f: quoted-printable");
	is_deeply($m->{envelope}, { mail_from => 'formations@egoc.example', rcpt_tos => [ $want->{to} ] },
		"$f: the envelope");
	ok(!grep({ length > 76 } split /\r\n/, $m->{body}), "$f: body lines of at most 76 characters");
	ok(!grep({ length > 78 } split /\r\n/, $m->{head}), "$f: header lines of at most 78 characters");
	ok($m->{raw} !~ /[^\r]\n/ && $m->{raw} !~ /[^\x09\x0d\x0a\x20-\x7e]/,
		"$f: 7-bit ASCII with CRLF line ends");
	is(decode_utf8(decode_qp($m->{body})), $want->{body}, "$f: the body decodes to the exact UTF-8 text");
}
is_deeply([ sort { $a <=> $b } keys %seen ], [ sort { $a <=> $b } keys %mails ], 'each queued mail arrived');
ok(!grep({ $_ != 1 } values %seen), 'each exactly once');
is(sql('SELECT count(*) FROM mail_outbox WHERE sent_at IS NOT NULL'), '3', 'all three rows have sent_at');

($status, $out) = mail_cmd();
is($out, "sent 0, failed 0\n", 'a second run has nothing to send');
is(eml_count(), 3, 'and sends nothing twice');

# --- the relay is down: rescheduled with backoff

sink_stop();
my $id4 = queue('retard@caf.example', 'Relais en panne', "Réessayez.\n");
($status, $out) = mail_cmd();
is($status, 0, 'relay down: exit status still 0');
is($out, "sent 0, failed 1\n", 'says failed 1');
is(sql("SELECT attempts || ' ' || (sent_at IS NULL) || ' ' || (last_error <> '')"
	. " || ' ' || (next_attempt BETWEEN now() + interval '50 s' AND now() + interval '70 s')"
	. " FROM mail_outbox WHERE id = $id4"), '1 true true true',
	'attempts 1, not sent, last_error kept, next attempt in a minute');
like(sql("SELECT last_error FROM mail_outbox WHERE id = $id4"), qr/connect/i, 'last_error says why');
like($stack->log_text, qr/mail: outbox $id4 not sent \(attempt 1\)/, 'the failure is logged');
($status, $out) = mail_cmd();
is($out, "sent 0, failed 0\n", 'not retried before its time');
sql("UPDATE mail_outbox SET next_attempt = now() WHERE id = $id4");
mail_cmd();
is(sql("SELECT attempts || ' ' || (next_attempt BETWEEN now() + interval '110 s' AND now() + interval '130 s')"
	. " FROM mail_outbox WHERE id = $id4"), '2 true', 'second failure: two minutes');
sql("UPDATE mail_outbox SET next_attempt = now(), attempts = 15 WHERE id = $id4");
mail_cmd();
is(sql("SELECT attempts || ' ' || (next_attempt BETWEEN now() + interval '5 h 59 min' AND now() + interval '6 h 1 min')"
	. " FROM mail_outbox WHERE id = $id4"), '16 true', 'the delay stops growing at 6 hours');

ok(sink_start(), 'the sink is back');
sql("UPDATE mail_outbox SET next_attempt = now() WHERE id = $id4");
($status, $out) = mail_cmd();
is($out, "sent 1, failed 0\n", 'when due again, it is sent');
@files = eml_files();
is(scalar @files, 4, 'one more message');
my $m4 = read_mail($files[-1]);
like($m4->{h}{'message-id'}, qr/^<outbox-$id4\./, 'the rescheduled one');
is(decode_utf8(decode_qp($m4->{body})), "Réessayez.\n", 'whole');
is(sql("SELECT (sent_at IS NOT NULL) || ' ' || last_error FROM mail_outbox WHERE id = $id4"), 'true ',
	'marked sent, last_error cleared');
($status, $out) = mail_cmd();
is($out, "sent 0, failed 0\n", 'run again: nothing');
is(eml_count(), 4, 'nothing sent twice');

# --- mail_batch bounds a pass

open my $bc, '>', "$var/batch.conf" or die $!;
print $bc do { open my $c, '<', "$var/formations.conf" or die $!; local $/; <$c> }, "mail_batch = 2\n";
close $bc;
queue("lot$_\@caf.example", "Lot $_", "Lot $_\n") for 1 .. 3;
($status, $out) = mail_cmd('-c', "$var/batch.conf");
is($out, "sent 2, failed 0\n", 'mail_batch = 2: two mails per pass');
($status, $out) = mail_cmd();
is($out, "sent 1, failed 0\n", 'the third on the next pass');
is(eml_count(), 7, 'seven messages in all');

# --- two senders at once on 20 rows

sink_stop();
ok(sink_start('--delay', '0.1'), 'a slow sink (0.1 s a message)');
my $first_new = sql('SELECT coalesce(max(id), 0) + 1 FROM mail_outbox');
sql("INSERT INTO mail_outbox (to_address, subject, body, kind)"
	. " SELECT 'lot' || i || '\@caf.example', 'Concurrence ' || i, 'Message ' || i || E'\\n', 'test'"
	. " FROM generate_series(1, 20) i");
my @kids;
for (1 .. 2) {
	open my $p, '-|', "$ROOT/cgi-bin/formations", '-c', "$var/formations.conf", 'mail' or die $!;
	push @kids, $p;
}
my @outs = map { my $fh = $_; my $o = do { local $/; <$fh> }; close $fh; [ $?, $o // '' ] } @kids;
is_deeply([ map { $_->[0] } @outs ], [ 0, 0 ], 'both senders exit 0');
my @sent = map { $_->[1] =~ /^sent (\d+), failed 0$/m ? $1 : -1 } @outs;
is($sent[0] + $sent[1], 20, "together they sent 20 ($sent[0] + $sent[1])");
ok($sent[0] > 0 && $sent[1] > 0, 'both did part of the work');
my %count;
for my $f (eml_files()) {
	my ($id) = read_mail($f)->{h}{'message-id'} =~ /^<outbox-(\d+)\./;
	$count{$id}++ if $id >= $first_new;
}
is(scalar(keys %count), 20, 'all 20 arrived');
ok(!grep({ $_ != 1 } values %count), 'each exactly once');
is(sql('SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL'), '0', 'every row has sent_at');

# --- --loop, and its graceful stop

sink_stop();
ok(sink_start(), 'a quick sink again');
my $loop_pid = fork // die;
if (!$loop_pid) {
	open STDOUT, '>', "$var/loop.out" or die $!;
	open STDERR, '>&', \*STDOUT or die $!;
	exec "$ROOT/cgi-bin/formations", '-c', "$var/formations.conf", 'mail', '--loop', '1' or die;
}
sleep 0.5;
my $n = eml_count();
queue('boucle@caf.example', 'Boucle', "Envoyé par la boucle.\n");
ok(wait_for_mails($n + 1, 10), '--loop 1 sends a mail queued while it runs');
kill 'TERM', $loop_pid;
my $t0 = time;
my $gone = 0;
while (time - $t0 < 5) {
	if (waitpid($loop_pid, WNOHANG) == $loop_pid) { $gone = 1; last }
	sleep 0.05;
}
ok($gone && time - $t0 < 2, 'SIGTERM ends the loop at once');
is($? >> 8, 0, 'with exit status 0');
my $loop_out = do { open my $fh, '<', "$var/loop.out" or die; local $/; <$fh> };
is($loop_out, "sent 1, failed 0\n", 'the loop reports passes that did something');

# --- the database cannot be reached

open my $dc, '>', "$var/nodb.conf" or die $!;
print $dc do { open my $c, '<', "$var/formations.conf" or die $!; local $/; <$c> },
	"db = host=$var/nowhere port=5432 dbname=formations user=formations_app\n";
close $dc;
($status, $out) = mail_cmd('-c', "$var/nodb.conf");
isnt($status, 0, 'no database: non-zero exit');
like($out, qr/database unavailable/, 'and says so');

($status, $out) = mail_cmd('--loop', 'x');
is($status, 2, 'a bad --loop value: usage, exit 2');

done_testing();
