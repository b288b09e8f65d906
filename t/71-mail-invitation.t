#!/usr/bin/env perl
# `formations mail` with calendar invitations (iTIP over mail, RFC 6047),
# against the SMTP sink: outbox rows with a calendar (REQUEST and CANCEL)
# arrive as multipart/mixed, their text part decoding to the body and their
# text/calendar part to the exact VCALENDAR, which libical reads back
# (build/tools/ical_dump --itip) with its METHOD, ORGANIZER, ATTENDEE,
# SEQUENCE and STATUS and nothing that RFC 5546 forbids or misses. A mail
# without a calendar stays plain text. The database refuses a calendar
# without its method, and a calendar whose METHOD is not its method ends
# as failed.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8 decode_utf8);
use MIME::Base64 qw(decode_base64);
use MIME::QuotedPrint qw(decode_qp);
use Stack;
use Sink;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $ROOT = $Stack::ROOT;
my $smtp_port = Stack::free_port();
my $stack = Stack->start(name => 'invitation',
	conf => "smtp_url = smtp://127.0.0.1:$smtp_port\nmail_from = formations\@egoc.example\n");
my $var = $stack->var;
my $sink = Sink->start(dir => "$var/mail", port => $smtp_port);

# --- helpers

# Runs SQL from a file (the calendars hold line breaks); returns the
# output, and psql's exit status.
sub sql { return $stack->sql(@_) }

# Queues a mail with a calendar; the calendar is written with LF and
# stored with CRLF, as out/ical.c writes it.
sub queue {
	my (%m) = @_;
	my $cal = defined $m{calendar} ? $m{calendar} =~ s/\r\n/\n/gr : '';
	return sql("INSERT INTO mail_outbox (to_address, subject, body, kind, calendar, calendar_method)"
		. " VALUES (\$q\$$m{to}\$q\$, \$q\$$m{subject}\$q\$, \$q\$$m{body}\$q\$, 'convocation',"
		. " replace(\$c\$$cal\$c\$, chr(10), chr(13) || chr(10)), '$m{method}') RETURNING id");
}

sub mail_cmd {
	my $out = `$ROOT/cgi-bin/formations -c $var/formations.conf mail 2>&1`;
	return ($? >> 8, $out);
}

# Parses the calendar with libical: (exit status, lines).
sub ical_dump {
	my ($text) = @_;
	my $file = "$var/invitation.ics";
	open my $fh, '>:raw', $file or die $!;
	print $fh $text;
	close $fh;
	my @lines = `$ROOT/build/tools/ical_dump --itip <$file 2>&1`;
	chomp @lines;
	return ($? >> 8, map { decode_utf8($_) } @lines);
}

# --- two invitations, as out/ical.c writes them, and their mails

my $attendee = 'ATTENDEE;CN=Camille Dupont-Lefèvre;ROLE=REQ-PARTICIPANT;';
my @people = ('ORGANIZER;CN=EGOC:mailto:formations@egoc.example', $attendee,
	' PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:camille.dupont@caf.example');
sub calendar {
	my ($method, $status, @seq) = @_;
	return join '', map { "$_\r\n" } 'BEGIN:VCALENDAR', 'PRODID:-//EGOC//Formations EGOC//FR',
		'VERSION:2.0', 'CALSCALE:GREGORIAN', "METHOD:$method",
		'BEGIN:VEVENT', 'UID:creneau-11@formations.egoc', 'DTSTAMP:20250901T101112Z',
		'DTSTART:20250915T070000Z', 'DTEND:20250915T103000Z',
		'SUMMARY:Gestion des conflits — jour 1\, matin',
		# A folded line that ends with a space: base64 keeps it.
		'DESCRIPTION:Accueil à 8 h 45 \; apportez un cas vécu.\nDéjeuner offert ',
		' à l’hôtel-restaurant « Le Cœur de Guéret »\, 12 rue du Pont.',
		'LOCATION:Guéret\, salle Creuse', 'URL:https://formations.egoc/participant/abc',
		"STATUS:$status", "SEQUENCE:$seq[0]", 'LAST-MODIFIED:20250830T080000Z', @people, 'END:VEVENT',
		'BEGIN:VEVENT', 'UID:creneau-12@formations.egoc', 'DTSTAMP:20250901T101112Z',
		'DTSTART:20250915T120000Z', 'DTEND:20250915T153000Z',
		'SUMMARY:Gestion des conflits — jour 1\, après-midi', 'LOCATION:Guéret\, salle Creuse',
		"STATUS:$status", "SEQUENCE:$seq[1]", 'LAST-MODIFIED:20250830T080000Z', @people, 'END:VEVENT',
		'END:VCALENDAR';
}
my $request = calendar('REQUEST', 'CONFIRMED', 2, 0);
my $cancel = calendar('CANCEL', 'CANCELLED', 3, 1);

my $body = "Bonjour Camille,\n\nVous êtes convoquée à la formation « Gestion des conflits »,"
	. " le 15 septembre 2025 de 9 h à 12 h 30 et de 14 h à 17 h 30, à Guéret (salle Creuse).\n"
	. "L’invitation jointe ajoute ces demi-journées à votre agenda.\n\nCordialement,\nL’équipe EGOC\n";
my %mails;
my $id = queue(to => 'camille.dupont@caf.example', subject => 'Convocation : Gestion des conflits',
	body => $body, calendar => $request, method => 'REQUEST');
$mails{$id} = { method => 'REQUEST', calendar => $request, body => $body, status => 'CONFIRMED', seq => [ 2, 0 ] };
my $cbody = "Bonjour Camille,\n\nLa formation « Gestion des conflits » du 15 septembre est annulée.\n";
$id = queue(to => 'camille.dupont@caf.example', subject => 'Annulation : Gestion des conflits',
	body => $cbody, calendar => $cancel, method => 'CANCEL');
$mails{$id} = { method => 'CANCEL', calendar => $cancel, body => $cbody, status => 'CANCELLED', seq => [ 3, 1 ] };
my $plain = sql("INSERT INTO mail_outbox (to_address, subject, body, kind)"
	. " VALUES ('camille.dupont\@caf.example', 'Sans invitation', 'Rien à ajouter.', 'test') RETURNING id");
like(join(',', keys %mails, $plain), qr/^\d+,\d+,\d+$/, 'two mails with a calendar and one without queued');

my ($status, $out) = mail_cmd();
is($status, 0, 'formations mail: exit 0');
is($out, "sent 3, failed 0\n", 'sent 3, failed 0');
my @files = $sink->files;
is(scalar @files, 3, 'three messages arrived');

for my $f (@files) {
	my $m = $sink->read($f);
	my ($mid) = ($m->{h}{'message-id'} // '') =~ /^<outbox-(\d+)\./;
	if ($mid && $mid == $plain) {
		is($m->{h}{'content-type'}, 'text/plain; charset=UTF-8', "$f: without a calendar, plain text as before");
		is(decode_utf8(decode_qp($m->{body})), 'Rien à ajouter.', "$f: its body");
		next;
	}
	my $want = $mails{$mid // 0};
	ok($want, "$f: one of the invitations (outbox $mid)") or next;
	my $method = $want->{method};
	is($m->{h}{'content-type'}, "multipart/mixed; boundary=\"=_formations-$mid\"",
		"$f ($method): multipart/mixed, its boundary made of the outbox id");
	is($m->{h}{'mime-version'}, '1.0', "$f: MIME-Version");
	ok($m->{raw} !~ /[^\r]\n/ && $m->{raw} !~ /[^\x09\x0d\x0a\x20-\x7e]/,
		"$f: 7-bit ASCII with CRLF line ends");
	ok(!grep({ length > 78 } split /\r\n/, $m->{raw}), "$f: no line over 78 characters");
	is_deeply($m->{envelope}, { mail_from => 'formations@egoc.example',
		rcpt_tos => [ 'camille.dupont@caf.example' ] }, "$f: the envelope");

	my $parts = Sink::parts($m->{body}, "=_formations-$mid");
	ok($parts && @$parts == 2, "$f: two parts between the delimiters, the close delimiter last")
		or do { diag($m->{body}); next };
	my ($text, $cal) = @$parts;
	is($text->{h}{'content-type'}, 'text/plain; charset=UTF-8', "$f: part 1 text/plain");
	is($text->{h}{'content-transfer-encoding'}, 'quoted-printable', "$f: part 1 quoted-printable");
	is(decode_utf8(decode_qp($text->{body})), $want->{body}, "$f: part 1 decodes to the exact body");
	is($cal->{h}{'content-type'}, "text/calendar; charset=UTF-8; method=$method; name=\"invitation.ics\"",
		"$f: part 2 text/calendar; method=$method");
	is($cal->{h}{'content-transfer-encoding'}, 'base64', "$f: part 2 base64");
	is($cal->{h}{'content-disposition'}, 'inline; filename="invitation.ics"', "$f: part 2 inline, named");
	my $ics = decode_base64($cal->{body});
	is($ics, encode_utf8($want->{calendar}), "$f: part 2 decodes to the exact VCALENDAR, CRLF kept");

	my ($rc, @lines) = ical_dump($ics);
	is($rc, 0, "$f: libical parses the invitation without an error") or diag(join "\n", @lines);
	is($lines[0], "METHOD|$method", "$f: METHOD:$method");
	my @ev = grep { /^creneau-/ } @lines;
	is(scalar @ev, 2, "$f: two VEVENTs");
	for my $i (0, 1) {
		my @p = split /\|/, $ev[$i] // '', -1;
		is($p[0], 'creneau-1' . ($i + 1) . '@formations.egoc', "$f: event $i: its stable UID");
		is($p[1], $i ? '20250915T120000Z' : '20250915T070000Z', "$f: event $i: DTSTART in UTC");
		is($p[4], $want->{seq}[$i], "$f: event $i: SEQUENCE $want->{seq}[$i]");
		is($p[5], $want->{status}, "$f: event $i: STATUS $want->{status}");
		is_deeply([ @p[9 .. 15] ], [ 'mailto:formations@egoc.example', 'EGOC',
			'mailto:camille.dupont@caf.example', 'Camille Dupont-Lefèvre', 'REQ-PARTICIPANT',
			'NEEDS-ACTION', 'FALSE' ], "$f: event $i: ORGANIZER and ATTENDEE, with their CN");
	}
	is($lines[-1], 'RESTRICTIONS|0', "$f: icalrestriction_check finds nothing against RFC 5546");
}

# --- what the outbox refuses, or cannot send

my ($err, $rc) = sql("INSERT INTO mail_outbox (to_address, subject, body, kind, calendar)"
	. " VALUES ('a\@caf.example', 's', 'b', 'test', 'BEGIN:VCALENDAR')");
ok($rc != 0 && $err =~ /violates check constraint "mail_outbox_calendar_with_method"/, 'a calendar without its method is refused') or diag($err);
($err, $rc) = sql("INSERT INTO mail_outbox (to_address, subject, body, kind, calendar_method)"
	. " VALUES ('a\@caf.example', 's', 'b', 'test', 'REQUEST')");
ok($rc != 0 && $err =~ /violates check constraint "mail_outbox_calendar_with_method"/, 'a method without a calendar is refused') or diag($err);
($err, $rc) = sql("INSERT INTO mail_outbox (to_address, subject, body, kind, calendar, calendar_method)"
	. " VALUES ('a\@caf.example', 's', 'b', 'test', 'BEGIN:VCALENDAR', 'PUBLISH')");
ok($rc != 0 && $err =~ /violates check constraint "mail_outbox_calendar_method_check"/, 'a method other than REQUEST or CANCEL is refused') or diag($err);
($err, $rc) = sql("INSERT INTO mail_outbox (to_address, subject, body, kind, calendar, calendar_method)"
	. " VALUES ('a\@caf.example', 's', 'b', 'test', repeat('x', 200001), 'REQUEST')");
ok($rc != 0 && $err =~ /violates check constraint "mail_outbox_calendar_check"/, 'a calendar over 200,000 characters is refused') or diag($err);
($err, $rc) = sql("INSERT INTO mail_outbox (to_address, subject, body, kind, calendar, calendar_method)"
	. " VALUES ('a\@caf.example', 's', 'b', 'test', repeat('x', 200000), 'REQUEST') RETURNING id");
is($rc, 0, 'one of 200,000 is taken');
sql("DELETE FROM mail_outbox WHERE calendar = repeat('x', 200000)");

my $wrong = queue(to => 'camille.dupont@caf.example', subject => 'Méthode fausse', body => "x\n",
	calendar => $request, method => 'CANCEL');
($status, $out) = mail_cmd();
is($out, "sent 0, failed 1\n", 'a calendar whose METHOD is not its method is not sent');
is(sql("SELECT (failed_at IS NOT NULL) || ' ' || attempts FROM mail_outbox WHERE id = $wrong"), 'true 1',
	'it ends as failed at once: sending again cannot help');
like(sql("SELECT last_error FROM mail_outbox WHERE id = $wrong"), qr/calendar/, 'last_error says why');
@files = $sink->files;
is(scalar @files, 3, 'and nothing more reached the relay');

done_testing();
