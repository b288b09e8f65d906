#!/usr/bin/env perl
# `formations mail` with an attached file (sql/0016), against the SMTP
# sink: outbox rows carrying a PDF arrive as multipart/mixed, the text
# first and the file last (application/pdf, attachment, base64 in lines of
# 76), named in plain ASCII and, for a name outside it, in RFC 2231 form;
# the file decodes to the exact bytes, and Python's email package (another
# reader than ours) finds the same name and bytes. The largest message the
# outbox can hold (a 5 MiB file, with a calendar and a body at their
# largest) still goes. The database refuses a file it cannot send.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8 decode_utf8);
use MIME::Base64 qw(encode_base64 decode_base64);
use MIME::QuotedPrint qw(decode_qp);
use Digest::SHA qw(sha256_hex);
use JSON::PP ();
use Stack;
use Sink;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $ROOT = $Stack::ROOT;
my $smtp_port = Stack::free_port();
my $stack = Stack->start(name => 'attachment',
	conf => "smtp_url = smtp://127.0.0.1:$smtp_port\nmail_from = formations\@egoc.example\n");
my $var = $stack->var;
my $sink = Sink->start(dir => "$var/mail", port => $smtp_port);

# --- helpers

sub mail_cmd {
	my $out = `$ROOT/cgi-bin/formations -c $var/formations.conf mail 2>&1`;
	return ($? >> 8, $out);
}

# Queues a mail with a file given as bytes (through base64, as the test
# can write it); returns the row's id.
sub queue_file {
	my (%m) = @_;
	my $b64 = encode_base64($m{bytes}, '');
	return $stack->sql("INSERT INTO mail_outbox (to_address, subject, body, kind,"
		. " attachment, attachment_name, attachment_type)"
		. " VALUES (\$q\$$m{to}\$q\$, \$q\$$m{subject}\$q\$, \$q\$$m{body}\$q\$, 'test',"
		. " decode('$b64', 'base64'), \$q\$$m{name}\$q\$, 'application/pdf') RETURNING id");
}

# What Python's email package reads in a message file: each leaf part's
# type, disposition, file name (RFC 2231 sections and charset undone) and
# the SHA-256 and length of its decoded content.
my $reader = "$var/read_mail.py";
open my $py, '>', $reader or die $!;
print $py <<'PY';
import email, email.policy, hashlib, json, sys
with open(sys.argv[1], 'rb') as f:
    msg = email.message_from_binary_file(f, policy=email.policy.default)
out = []
for part in msg.walk():
    if part.is_multipart():
        continue
    data = part.get_payload(decode=True) or b''
    out.append({'type': part.get_content_type(), 'disposition': part.get_content_disposition(),
                'filename': part.get_filename(), 'sha256': hashlib.sha256(data).hexdigest(),
                'len': len(data), 'defects': len(part.defects)})
print(json.dumps({'defects': len(msg.defects), 'parts': out}))
PY
close $py;

sub python_reads {
	my ($file) = @_;
	my $json = `/usr/bin/python3 $reader $file 2>&1`;
	return eval { JSON::PP->new->utf8->decode($json) } || do { diag($json); undef };
}

# A small PDF, with every byte value after its header (NUL, CR, LF, 8-bit):
# nothing may be lost or rewritten on the way.
my $pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n" . join('', map { chr } 0 .. 255) . "\r\n\n\r"
	. ("stream\n" . join('', map { chr(($_ * 37 + 11) % 256) } 1 .. 1500) . "\nendstream\n") . "%%EOF\n";

my %want;
for my $m ({ to => 'helene.dupre@caf.example', name => 'attestation-K7QX-M2PA.pdf',
		ascii => 'attestation-K7QX-M2PA.pdf' },
		{ to => 'helene.dupre@caf.example', name => 'Attestation – Hélène Dupré, « Gestion des conflits ».pdf',
		ascii => "Attestation - Helene Dupre, _ Gestion des conflits _.pdf" }) {
	my $id = queue_file(%$m, subject => 'Votre attestation de fin de formation',
		body => "Bonjour Hélène,\n\nVotre attestation est jointe à ce message.\n", bytes => $pdf);
	like($id, qr/^\d+$/, "a mail with $m->{name} queued");
	$want{$id} = $m;
}
my $plain = $stack->sql("INSERT INTO mail_outbox (to_address, subject, body, kind)"
	. " VALUES ('helene.dupre\@caf.example', 'Sans pièce jointe', 'Rien de joint.', 'test') RETURNING id");

my ($status, $out) = mail_cmd();
is($status, 0, 'formations mail: exit 0');
is($out, "sent 3, failed 0\n", 'sent 3, failed 0');
is($stack->sql("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL"), '0', 'every row marked sent');
my @files = $sink->files;
is(scalar @files, 3, 'three messages arrived');

for my $f (@files) {
	my $m = $sink->read($f);
	my ($mid) = ($m->{h}{'message-id'} // '') =~ /^<outbox-(\d+)\./;
	if ($mid && $mid == $plain) {
		is($m->{h}{'content-type'}, 'text/plain; charset=UTF-8', "$f: without a file, plain text as before");
		next;
	}
	my $w = $want{$mid // 0};
	ok($w, "$f: one of the mails with a file (outbox " . ($mid // '?') . ')') or next;
	is($m->{h}{'content-type'}, "multipart/mixed; boundary=\"=_formations-$mid\"", "$f: multipart/mixed");
	ok($m->{raw} !~ /[^\r]\n/ && $m->{raw} !~ /[^\x09\x0d\x0a\x20-\x7e]/, "$f: 7-bit ASCII with CRLF line ends");
	ok(!grep({ length > 78 } split /\r\n/, $m->{raw}), "$f: no line over 78 characters");
	my $parts = Sink::parts($m->{body}, "=_formations-$mid");
	ok($parts && @$parts == 2, "$f: two parts, the close delimiter last") or do { diag($m->{body}); next };
	my ($text, $file) = @$parts;
	is($text->{h}{'content-type'}, 'text/plain; charset=UTF-8', "$f: the text first");
	is(decode_utf8(decode_qp($text->{body})), "Bonjour Hélène,\n\nVotre attestation est jointe à ce message.\n",
		"$f: the text decodes to the body");
	is($file->{h}{'content-type'}, "application/pdf; name=\"$w->{ascii}\"", "$f: application/pdf, named");
	is($file->{h}{'content-transfer-encoding'}, 'base64', "$f: base64");
	like($file->{h}{'content-disposition'}, qr/^attachment;.* filename="\Q$w->{ascii}\E"$/, "$f: attachment, a plain name");
	if ($w->{name} eq $w->{ascii}) {
		is($file->{h}{'content-disposition'}, "attachment; filename=\"$w->{ascii}\"", "$f: a plain name only");
	} else {
		like($file->{h}{'content-disposition'}, qr/^attachment; filename\*0\*=UTF-8''Attestation%20%E2%80%93%20H%C3%A9l%C3%A8ne/,
			"$f: first the name in RFC 2231 sections, UTF-8 percent-encoded");
	}
	my @lines = split /\r\n/, $file->{body};
	ok(@lines > 1 && !grep({ length != 76 } @lines[0 .. $#lines - 1]) && length $lines[-1] <= 76
		&& !grep({ !m{^[A-Za-z0-9+/]+=*$} } @lines), "$f: base64 in lines of 76");
	ok(decode_base64($file->{body}) eq $pdf, "$f: the file decodes to the exact bytes");

	my $py = python_reads("$var/mail/$f");
	ok($py && !$py->{defects} && !grep({ $_->{defects} } @{ $py->{parts} }), "$f: Python's email package finds no defect");
	my ($att) = grep { ($_->{disposition} // '') eq 'attachment' } @{ $py->{parts} || [] };
	is($att && $att->{filename}, $w->{name}, "$f: Python's email package reads the exact name");
	is($att && $att->{type}, 'application/pdf', "$f: and application/pdf");
	is($att && $att->{sha256}, sha256_hex($pdf), "$f: and the exact bytes");
}

# --- the largest message the outbox can hold: a 5 MiB file, a calendar of
# 200,000 characters and a body of 100,000, all of 4-byte UTF-8 where text,
# fits the sender's cap (src/cli/mail.c, MESSAGE_MAX)

my $big = $stack->sql("INSERT INTO mail_outbox (to_address, subject, body, kind, calendar, calendar_method,"
	. " attachment, attachment_name, attachment_type)"
	. " VALUES ('grand\@caf.example', 'Le plus grand', repeat(chr(128512), 100000), 'test',"
	. " 'BEGIN:VCALENDAR' || chr(13) || chr(10) || 'METHOD:REQUEST' || chr(13) || chr(10) || 'X-PAD:'"
	. "   || repeat(chr(128512), 200000 - 56) || chr(13) || chr(10) || 'END:VCALENDAR' || chr(13) || chr(10),"
	. " 'REQUEST', decode(repeat(md5('egoc'), 5242880 / 16), 'hex'), 'grand.pdf', 'application/pdf')"
	. " RETURNING id");
like($big, qr/^\d+$/, 'the largest mail the outbox holds is queued');
is($stack->sql("SELECT length(attachment) || ' ' || length(calendar) || ' ' || length(body) FROM mail_outbox WHERE id = $big"),
	'5242880 200000 100000', 'with a file of 5 MiB, a calendar and a body at their largest');
my $big_sha = $stack->sql("SELECT encode(sha256(attachment), 'hex') FROM mail_outbox WHERE id = $big");
($status, $out) = mail_cmd();
is($out, "sent 1, failed 0\n", 'it is sent');
my ($bigf) = grep { ($sink->read($_)->{h}{'message-id'} // '') =~ /^<outbox-$big\./ } $sink->files;
ok($bigf, 'it arrived');
if ($bigf) {
	cmp_ok(-s "$var/mail/$bigf", '>', 9_000_000, 'a message of over 9 MB');
	my $py = python_reads("$var/mail/$bigf");
	is(join(',', map { $_->{type} } @{ $py->{parts} || [] }), 'text/plain,text/calendar,application/pdf',
		'the text, the calendar, then the file');
	my ($att) = grep { $_->{type} eq 'application/pdf' } @{ $py->{parts} || [] };
	is($att && "$att->{len} $att->{sha256}", "5242880 $big_sha", 'the 5 MiB decode to the exact bytes');
}

# --- what the outbox refuses

sub refused {
	my ($cols, $values, $constraint, $what) = @_;
	my ($err, $rc) = $stack->sql("INSERT INTO mail_outbox (to_address, subject, body, kind, $cols)"
		. " VALUES ('a\@caf.example', 's', 'b', 'test', $values)");
	ok($rc != 0 && $err =~ /violates check constraint "\Q$constraint\E"/, "refused: $what") or diag($err);
}
my $bytes = "decode('JVBERi0xLjQK', 'base64')";
my $cols = 'attachment, attachment_name, attachment_type';
refused($cols, "$bytes, 'a.html', 'text/html'", 'mail_outbox_attachment_type_check', 'a type other than application/pdf');
refused($cols, "$bytes, 'a.pdf', 'APPLICATION/PDF'", 'mail_outbox_attachment_type_check', 'the type in capitals');
refused($cols, "$bytes, '../a.pdf', 'application/pdf'", 'mail_outbox_attachment_name_check', 'a name with a slash');
refused($cols, "$bytes, 'a\\b.pdf', 'application/pdf'", 'mail_outbox_attachment_name_check', 'a name with a backslash');
refused($cols, "$bytes, 'a' || chr(10) || 'b.pdf', 'application/pdf'", 'mail_outbox_attachment_name_check', 'a name with a line break');
refused($cols, "$bytes, 'a' || chr(9) || 'b.pdf', 'application/pdf'", 'mail_outbox_attachment_name_check', 'a name with a tab');
refused($cols, "$bytes, 'a' || chr(127) || 'b.pdf', 'application/pdf'", 'mail_outbox_attachment_name_check', 'a name with DEL');
refused($cols, "$bytes, '', 'application/pdf'", 'mail_outbox_attachment_name_check', 'an empty name');
refused($cols, "$bytes, repeat('é', 117) || '.pdf', 'application/pdf'", 'mail_outbox_attachment_name_check', 'a name of 121 characters');
refused($cols, "NULL, 'a.pdf', 'application/pdf'", 'mail_outbox_attachment_whole', 'a name without bytes');
refused($cols, "$bytes, NULL, NULL", 'mail_outbox_attachment_whole', 'bytes without a name or type');
refused($cols, "$bytes, 'a.pdf', NULL", 'mail_outbox_attachment_whole', 'bytes and a name without a type');
refused($cols, "'', 'a.pdf', 'application/pdf'", 'mail_outbox_attachment_check', 'no bytes at all');
refused($cols, "decode(repeat('00', 5242881), 'hex'), 'a.pdf', 'application/pdf'", 'mail_outbox_attachment_check', 'one byte over 5 MiB');
my ($err, $rc) = $stack->sql("BEGIN; INSERT INTO mail_outbox (to_address, subject, body, kind, $cols)"
	. " VALUES ('a\@caf.example', 's', 'b', 'test', $bytes, repeat('é', 116) || '.pdf', 'application/pdf'); ROLLBACK;");
is($rc, 0, 'a name of 120 characters is taken') or diag($err);

$sink->stop;
done_testing;
