#!/usr/bin/env perl
# Attestations de fin de formation through the real stack: nothing before
# the session is "realisee" with every half-day certified; then one per
# participant with minutes attended (none for the absent), issued by the
# last certification, with the registration's minutes and outcome; issuing
# twice gives the same documents; the PDF says what L6353-1 asks (read back
# with poppler-utils), is mailed attached and downloaded from the
# participant's page; the public verification page says "authentique",
# "révoquée" or "inconnue" (a made-up code, a changed text, a signature
# made with another key) and leaks nothing; only an admin revokes, with a
# reason, and a revoked attestation may be issued anew.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8 decode_utf8);
use Stack;
use Browser;
use Sink;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $ROOT = $Stack::ROOT;
my $smtp_port = Stack::free_port();
my $stack = Stack->start(name => 'attestations', demo => 1, conf => "smtp_url = smtp://127.0.0.1:$smtp_port\n");
my $var = $stack->var;
my $sink = Sink->start(dir => "$var/mail", port => $smtp_port);
my $cli = "$ROOT/cgi-bin/formations -c $var/formations.conf";
sub q1 { $stack->q($_[0]) }

my ($admin_email, $admin_pw) = $stack->demo_admin;
my $admin = Browser->new($stack->base);
$admin->login($admin_email, $admin_pw);

# A confirmed session of the last two days: a full day (two half-days) and
# a morning (one), 9:00-17:00 and 9:00-12:00: 7 h + 3 h = 600 minutes.
my $course = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $sid = q1("INSERT INTO session (course_id, kind, min_participants, max_participants, status) VALUES ($course, 'inter', 1, 10, 'confirmee') RETURNING id");
my $day1 = q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part) VALUES ($sid, current_date - 2,"
	. " (current_date - 2 + time '09:00') AT TIME ZONE 'Europe/Paris', (current_date - 2 + time '17:00') AT TIME ZONE 'Europe/Paris', 'journee') RETURNING id");
my $day2 = q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part) VALUES ($sid, current_date - 1,"
	. " (current_date - 1 + time '09:00') AT TIME ZONE 'Europe/Paris', (current_date - 1 + time '12:00') AT TIME ZONE 'Europe/Paris', 'matin') RETURNING id");
my @hd = ("$day1-matin", "$day1-apres_midi", "$day2-matin");
my (@people, %token);
for my $i (1 .. 4) {
	my $p = q1("INSERT INTO participant (last_name, first_name, email, organisation) VALUES ('Attesté$i', 'Élise', 'att$i\@caf35.example.org', 'Caf d''Ille-et-Vilaine') RETURNING id");
	my $g = q1("INSERT INTO registration (session_id, participant_id) VALUES ($sid, $p) RETURNING id");
	push @people, $g;
	$token{$g} = q1("SELECT token FROM registration WHERE id = $g");
}
my ($full, $late, $absent, $part) = @people;

# The desk marks each half-day and certifies all but the last.
my $t = $admin->token_from($admin->get("/intranet/presence/$hd[0]"));
sub mark {
	my ($hd, $action, $who, %more) = @_;
	my $r = $admin->post("/intranet/presence/$hd", [ _csrf => $t, action => $action, inscription => $who, %more ]);
	is($r->{status}, 303, "$action on $hd") or diag $r->{text};
}
for my $h (@hd) {
	mark($h, 'present', $full);
	mark($h, 'papier', $late);
	mark($h, 'absent', $absent);
	mark($h, $h eq $hd[0] ? 'present' : 'absent', $part);
}
mark($hd[0], 'retard', $late, minutes => 30);
for my $h (@hd[0, 1]) {
	is($admin->post("/intranet/presence/$h", [ _csrf => $t, action => 'certifier' ])->{status}, 303, "$h certified");
}
sub attestations { q1("SELECT count(*) FROM certificate WHERE session_id = $sid") }
my $st = $admin->token_from($admin->get("/intranet/sessions/$sid"));
my $r = $admin->post("/intranet/sessions/$sid/attestations", [ _csrf => $st ]);
is($r->{status}, 422, 'not realisee yet: nothing to issue');
like($r->{text}, qr{pas encore marquée réalisée}, 'says why');
$r = $admin->post("/intranet/sessions/$sid", [ _csrf => $st, action => 'statut', statut => 'realisee', raison => '' ]);
is($r->{status}, 303, 'the session is marked realisee') or diag $r->{text};
is(attestations(), '0', 'one half-day is not certified: none issued');
$r = $admin->post("/intranet/sessions/$sid/attestations", [ _csrf => $st ]);
is($r->{status}, 422, 'the button says why');
like($r->{text}, qr{La demi-journée du \w+ \d+\S* \w+ \d{4} \(matin\) n(?:'|&#39;)est pas encore certifiée}, 'naming the half-day');

# The last certification issues them.
is($admin->post("/intranet/presence/$hd[2]", [ _csrf => $t, action => 'certifier' ])->{status}, 303, 'the last half-day certified');
is(attestations(), '3', 'three attestations: everyone with minutes attended, not the absent one');
is(q1("SELECT string_agg(coalesce(outcome, '-') || ':' || minutes_attended || '/' || minutes_planned, ' ' ORDER BY id) FROM registration WHERE session_id = $sid"),
	'presente:600/600 partielle:570/600 absente:0/600 partielle:210/600',
	'minutes and outcomes derived from attendance: full, 30 min late, absent, one half-day');
is(q1("SELECT count(*) FROM certificate WHERE registration_id = $absent"), '0', 'no attestation for the absent participant');
my %att_id = map { $_ => q1("SELECT coalesce(max(id), 0) FROM certificate WHERE registration_id = $_") } @people;
my %code = map { $_ => q1("SELECT coalesce(max(code), '') FROM certificate WHERE registration_id = $_") } @people;
like($code{$late}, qr{^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$}, "a verification code ($code{$late})");

# Issuing twice gives the same documents.
my $pdf1 = $admin->get("/intranet/attestations/$att_id{$late}");
is($pdf1->{status}, 200, 'the desk downloads one');
like($pdf1->{headers}{'content-type'}, qr{^application/pdf}, 'as PDF');
$r = $admin->post("/intranet/sessions/$sid/attestations", [ _csrf => $st ]);
is($r->{status}, 303, 'issued again');
like($r->{headers}{location}, qr{emises=0}, 'nothing new');
is(attestations(), '3', 'still three');
is($admin->get("/intranet/attestations/$att_id{$late}")->{content}, $pdf1->{content}, 'the same document');
like(`$cli certificates issue $sid`, qr{issued 0 certificates, 3 already issued, 1 without minutes attended}, 'the command line says the same');

# What the PDF says.
sub pdf_file {
	my ($bytes) = @_;
	my $file = "$var/attestation.pdf";
	open my $fh, '>:raw', $file or die $!;
	print $fh $bytes;
	close $fh;
	return $file;
}
my $file = pdf_file($pdf1->{content});
my $text = decode_utf8(`pdftotext $file - 2>&1`);
$text =~ s/\s+/ /g;
like($text, qr{Élise Attesté2}, 'the participant');
like($text, qr{Caf d.Ille-et-Vilaine}, 'the organisation');
my $title = q1("SELECT title FROM course WHERE id = $course");
like($text, qr{\Q$title\E}, 'the course');
like($text, qr{Engager une réflexion collective}, "the fiche's objectives");
like($text, qr{action de formation}, 'the nature of the action');
like($text, qr{10 h}, 'the planned duration');
like($text, qr{9 h 30}, 'the attended duration, the truth of a partial attendance');
like($text, qr{\Q$code{$late}\E}, 'the verification code');
like($text, qr{La direction d.EGOC}, "EGOC's signatory");
like($text, qr{Fait à Rennes, le}, 'the place and date');
my $fonts = `pdffonts $file 2>&1`;
like($fonts, qr{Noto}, 'Noto fonts');
unlike(join("\n", grep { /Noto/ } split /\n/, $fonts), qr{\bno\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+\s*$}m, 'every font embedded');
like(`pdfinfo $file 2>&1`, qr{Pages:\s+1\b}, 'one page');

# The mail, with the PDF attached.
is(q1("SELECT count(*) FROM mail_outbox WHERE kind = 'certificate' AND to_address LIKE 'att%\@caf35.example.org'"), '3', 'one mail per attestation queued');
is(q1("SELECT count(*) FROM mail_outbox o JOIN certificate a ON o.dedup_key = 'certificate:' || a.code WHERE a.session_id = $sid AND o.attachment = a.pdf"),
	'3', 'each carries its PDF');
system("$cli mail >/dev/null 2>&1");
my @mails = grep { join(' ', @{ $_->{envelope}{rcpt_tos} // [] }) =~ /^att\d\@caf35/ && $_->{raw} =~ /attestation-/ }
	map { $sink->read($_) } $sink->files;
is(scalar @mails, 3, 'the three mails are sent');
my ($mail) = grep { join(' ', @{ $_->{envelope}{rcpt_tos} }) =~ /^att2\@/ } @mails;
ok($mail && $mail->{raw} =~ m{Content-Type: application/pdf}i, 'with the PDF attached');

for my $bad (["'text/html'", "'a.html'", "'\\x3c68746d6c3e'", 'another type'],
		["'application/pdf'", "'../a.pdf'", "'\\x25504446'", 'a name with a slash'],
		["'application/pdf'", "'a.pdf'", 'NULL', 'a name without bytes']) {
	my ($type, $name, $bytes, $what) = @$bad;
	like($stack->psql("INSERT INTO mail_outbox (to_address, subject, body, kind, attachment, attachment_name, attachment_type)"
		. " VALUES ('x\@caf35.example.org', 's', 'b', 'test', $bytes, $name, $type)"), qr{violates check constraint},
		"the outbox refuses an attachment with $what");
}

# The participant's page.
my $pb = Browser->new($stack->base);
$r = $pb->get("/participant/$token{$late}");
like($r->{text}, qr{Votre attestation de fin de formation}, "the participant's page offers the attestation");
like($r->{text}, qr{durée suivie : 9 h 30 sur 10 h}, 'with the attended duration');
$r = $pb->get("/participant/$token{$late}/attestation.pdf");
is($r->{status}, 200, 'downloaded there');
is($r->{content}, $pdf1->{content}, 'the same document');
is($pb->get("/participant/$token{$absent}/attestation.pdf")->{status}, 404, 'none for the absent participant');
unlike($pb->get("/participant/$token{$absent}")->{text}, qr{Votre attestation}, 'whose page offers none');
is($pb->get('/participant/' . ('0' x 64) . '/attestation.pdf')->{status}, 404, 'an unknown token: 404');

# The verification page.
$r = $pb->get("/attestations/$code{$late}");
is($r->{status}, 200, 'a genuine attestation');
like($r->{text}, qr{<h1>Attestation authentique</h1>}, 'says authentique');
like($r->{text}, qr{Élise Attesté2}, 'with whom');
like($r->{text}, qr{9 h 30 \(présence partielle\)}, 'and the attended duration');
(my $typed = lc $code{$full}) =~ s/-//g;
like($pb->get("/attestations/$typed")->{text}, qr{Attestation authentique}, 'a code typed in lower case without dashes');
my $unknown1 = $pb->get('/attestations/AAAA-BBBB-CCCC-DDDD');
my $unknown2 = $pb->get('/attestations/ZZZZ-YYYY-XXXX-WWWW');
is($unknown1->{status}, 404, 'a made-up code: 404');
like($unknown1->{text}, qr{Attestation inconnue}, 'says inconnue');
is($unknown1->{text}, $unknown2->{text}, 'two made-up codes get the same page: it leaks nothing');
is($pb->get('/attestations/n%27importe%20quoi')->{status}, 404, 'a malformed code: 404');

# A changed text, a signature made with another key: not authentic.
my $owner = "$ROOT/conf/stack.sh psql $var -qAt";
my $attests = q1("SELECT attests FROM certificate WHERE id = $att_id{$part}");
q1("UPDATE certificate SET attests = replace(attests, 'duree_suivie=210', 'duree_suivie=600') WHERE id = $att_id{$part}");
$r = $pb->get("/attestations/$code{$part}?changed");
is($r->{status}, 404, 'a text changed behind the application: not authentic');
like($r->{text}, qr{Attestation inconnue}, 'reads as unknown');
q1("UPDATE certificate SET attests = replace(attests, 'duree_suivie=600', 'duree_suivie=210') WHERE id = $att_id{$part}");
like($pb->get("/attestations/$code{$part}?restored")->{text}, qr{Attestation authentique}, 'restored: authentic again');
SKIP: {
	skip 'openssl cannot sign with Ed25519 here', 2 unless `openssl list -public-key-algorithms 2>&1` =~ /ED25519/i;
	my $forged = $attests =~ s/code=\Q$code{$part}\E/code=K7QX-M2PA-9WRT-HB4E/r =~ s/duree_suivie=210/duree_suivie=600/r;
	open my $fh, '>:raw', "$var/forged.txt" or die $!;
	print $fh encode_utf8($forged);
	close $fh;
	system("openssl genpkey -algorithm ed25519 -out $var/other.pem 2>/dev/null");
	my $sig = `openssl pkeyutl -sign -inkey $var/other.pem -rawin -in $var/forged.txt 2>/dev/null | od -An -tx1 | tr -d ' \\n'`;
	is(length $sig, 128, 'a signature made with another Ed25519 key');
	(my $lit = $forged) =~ s/'/''/g;
	q1("INSERT INTO certificate (registration_id, session_id, code, attests, signature, pdf) VALUES ($absent, $sid, 'K7QX-M2PA-9WRT-HB4E', E'" . ($lit =~ s/\n/\\n/gr) . "', '$sig', '\\x25504446')");
	like($pb->get('/attestations/K7QX-M2PA-9WRT-HB4E')->{text}, qr{Attestation inconnue}, 'is not taken as authentic');
	q1("DELETE FROM certificate WHERE code = 'K7QX-M2PA-9WRT-HB4E'");
}

# A correction after issuing does not rewrite the signed document: the
# admin is told how to replace it.
$r = $admin->post("/intranet/presence/$hd[1]", [ _csrf => $t, action => 'present', inscription => $part,
	raison => "Présente l'après-midi, feuille retrouvée" ]);
is($r->{status}, 303, 'an admin corrects a certified half-day of an attested participant');
like($r->{headers}{location}, qr{fait=attestation}, 'and is sent back');
like($admin->get($r->{headers}{location})->{text}, qr{révoquez-la puis émettez}, 'with how to replace the attestation');
is(q1("SELECT minutes_attended FROM registration WHERE id = $part"), '210', 'the issued figures stay until then');

# Revocation: an admin, with a reason.
$stack->user_add('conseil@egoc.example', 'conseiller', 'Claire Conseil', 'mot-de-passe-conseil');
my $desk = Browser->new($stack->base);
$desk->login('conseil@egoc.example', 'mot-de-passe-conseil');
my $dt = $desk->token_from($desk->get("/intranet/sessions/$sid"));
is($desk->post("/intranet/attestations/$att_id{$part}", [ _csrf => $dt, raison => 'Erreur' ])->{status}, 403, 'a conseiller may not revoke');
$r = $admin->post("/intranet/attestations/$att_id{$part}", [ _csrf => $st, raison => '' ]);
is($r->{status}, 422, 'a revocation needs a reason');
$r = $admin->post("/intranet/attestations/$att_id{$part}", [ _csrf => $st, raison => "Présence de l'après-midi corrigée" ]);
is($r->{status}, 303, 'an admin revokes it');
like($admin->get($r->{headers}{location})->{text}, qr{L(?:'|&#39;)attestation \Q$code{$part}\E de Élise Attesté4 est révoquée}, 'the banner names the attestation and its participant');
$r = $pb->get("/attestations/$code{$part}?revoked");
is($r->{status}, 200, 'its verification page still answers');
like($r->{text}, qr{<h1>Attestation révoquée</h1>}, 'says révoquée');
like($r->{text}, qr{Présence de l(?:'|&#39;)après-midi corrigée}, 'with the reason');
$r = $admin->post("/intranet/attestations/$att_id{$part}", [ _csrf => $st, raison => 'Encore' ]);
is($r->{status}, 422, 'revoking twice: 422');
like($stack->psql("UPDATE certificate SET revoked_at = NULL, revoked_reason = NULL WHERE id = $att_id{$part}"),
	qr{revoked for good}, 'a revocation is final, even for the database owner');
is($pb->get("/participant/$token{$part}/attestation.pdf")->{status}, 404, 'the participant no longer downloads it');
like($admin->get("/intranet/sessions/$sid")->{text}, qr{révoquée</span> le .*Présence de l(?:'|&#39;)après-midi corrigée}s,
	'the session page shows it revoked');
$r = $admin->post("/intranet/sessions/$sid/attestations", [ _csrf => $st ]);
like($r->{headers}{location} // '', qr{emises=1}, 'issued again: a new attestation replaces the revoked one');
like($admin->get($r->{headers}{location})->{text}, qr{1 attestation\(s\) émise\(s\) et envoyée\(s\)}, 'the banner says how many');
my $new_code = q1("SELECT code FROM certificate WHERE registration_id = $part AND revoked_at IS NULL");
isnt($new_code, $code{$part}, 'with a new code');
is(q1("SELECT minutes_attended || ' ' || outcome FROM registration WHERE id = $part"), '420 partielle',
	'and the corrected minutes (two half-days of three)');
like($pb->get("/attestations/$new_code")->{text}, qr{Attestation authentique}, 'authentic');

# Who may see what.
$stack->user_add('form@egoc.example', 'formateur', 'Fanny Formatrice', 'mot-de-passe-formatrice');
my $trainer = Browser->new($stack->base);
$trainer->login('form@egoc.example', 'mot-de-passe-formatrice');
is($trainer->get("/intranet/attestations/$att_id{$late}")->{status}, 403, 'a trainer may not download attestations');
is($admin->get('/intranet/attestations/999999')->{status}, 404, 'an unknown attestation: 404');
is(Browser->new($stack->base)->post("/intranet/sessions/$sid/attestations", [])->{status}, 403, 'no anti-forgery token: 403');

$stack->stop;
$sink->stop;
done_testing();
