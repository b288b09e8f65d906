#!/usr/bin/env perl
# Attendance per half-day through the real stack: the trainer's page with
# the code of the moment (checked against `formations attendance code`),
# participants signing on their page with the current and the previous
# code (older, wrong, malformed, outside the window, twice: refused or a
# no-op, nothing recorded), the trainer's marks, the certification that
# freezes the half-day (an admin corrects it with a reason), the QR code
# and where it leads, the grid of the session page, and the hash chain:
# the application may not change an event, and `attendance verify` names
# the one the database owner changed behind its back.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use Encode ();
use Stack;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $ROOT = $Stack::ROOT;
my $stack = Stack->start(name => 'attendance', demo => 1);
my $var = $stack->var;
my $cli = "$ROOT/cgi-bin/formations -c $var/formations.conf";
sub q1 { my ($sql) = @_; return $stack->psql(encode_utf8($sql)) }

my ($admin_email, $admin_pw) = $stack->demo_admin;
my $admin = Browser->new($stack->base);
$admin->login($admin_email, $admin_pw);

# A confirmed session with a morning slot around now (clipped to today in
# Paris, so the half-day is open whatever the hour), and one tomorrow.
my $course = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $trainer = q1("INSERT INTO trainer (name, kind, feed_token) VALUES ('Gwen Formatrice', 'interne', repeat('d4', 20)) RETURNING id");
my $sid = q1("INSERT INTO session (course_id, kind, min_participants, max_participants, status) VALUES ($course, 'inter', 1, 10, 'confirmee') RETURNING id");
my $slot = q1("WITH l AS (SELECT now() AT TIME ZONE 'Europe/Paris' AS t)"
	. " INSERT INTO slot (session_id, day, starts_at, ends_at, part)"
	. " SELECT $sid, t::date, greatest(t::date + time '00:00', t - interval '2 hours') AT TIME ZONE 'Europe/Paris',"
	. " least(t::date + time '23:59', t + interval '2 hours') AT TIME ZONE 'Europe/Paris', 'matin' FROM l RETURNING id");
my $later = q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part) SELECT $sid, current_date + 1,"
	. " (current_date + 1 + time '09:00') AT TIME ZONE 'Europe/Paris', (current_date + 1 + time '12:00') AT TIME ZONE 'Europe/Paris', 'matin' RETURNING id");
q1("INSERT INTO slot_trainer (slot_id, trainer_id) VALUES ($slot, $trainer), ($later, $trainer)");
my @people;
for my $i (1 .. 5) {
	my $p = q1("INSERT INTO participant (last_name, first_name, email) VALUES ('Stagiaire$i', 'P', 'p$i\@caf35.example.org') RETURNING id");
	push @people, q1("INSERT INTO registration (session_id, participant_id) VALUES ($sid, $p) RETURNING id");
}
my %token = map { $_ => q1("SELECT token FROM registration WHERE id = $_") } @people;
my $hd = "$slot-matin";

# --- the trainer's page --------------------------------------------------------------
$stack->user_add('gwen@egoc.example', 'formateur', 'Gwen Formatrice', 'mot-de-passe-formatrice');
q1("UPDATE trainer SET account_id = (SELECT id FROM staff_user WHERE email = 'gwen\@egoc.example') WHERE id = $trainer");
my $gwen = Browser->new($stack->base);
$gwen->login('gwen@egoc.example', 'mot-de-passe-formatrice');
my $r = $gwen->get("/intranet/presence/$hd");
is($r->{status}, 200, "the trainer's half-day page");
my ($digits) = $r->{text} =~ m{<p class="code-digits"[^>]*>(\d{3} \d{3})</p>};
ok($digits, "it shows the code of the moment (" . ($digits // "none") . ")");
(my $code = $digits // '') =~ s/ //;
my $cli_code = `$cli attendance code $hd`;
chomp $cli_code;
my $prev_code = `$cli attendance code $hd --at ${\(time - 30)}`;
chomp $prev_code;
my $old_code = `$cli attendance code $hd --at ${\(time - 70)}`;
chomp $old_code;
ok($cli_code eq $code || $prev_code eq $code, 'the same as `formations attendance code` says');
like($r->{text}, qr{Stagiaire1 P}, 'the participants');
my $other = Browser->new($stack->base);
$stack->user_add('autre@egoc.example', 'formateur', 'Autre Formateur', 'mot-de-passe-formateur');
$other->login('autre@egoc.example', 'mot-de-passe-formateur');
is($other->get("/intranet/presence/$hd")->{status}, 404, "another trainer: 404, like a half-day that does not exist");
is($gwen->get("/intranet/presence/999999-matin")->{status}, 404, 'a missing half-day: 404');
is($gwen->get("/intranet/presence/nimportequoi")->{status}, 404, 'a malformed one: 404');
$r = $gwen->get("/intranet/presence/$hd/qr.svg");
is($r->{status}, 200, 'the QR code');
like($r->{headers}{'content-type'}, qr{^image/svg\+xml}, 'as SVG');
like($r->{content}, qr{<path fill="#000" d="M\d}, 'with its modules');

# --- participants sign --------------------------------------------------------------
sub sign {
	my ($who, %f) = @_;
	my $b = Browser->new($stack->base);
	my $page = $b->get("/participant/$token{$who}");
	return ($b->post("/participant/$token{$who}/emargement", [ _csrf => $b->token_from($page), %f ]), $page, $b);
}
sub signatures { q1("SELECT count(*) FROM attendance_event WHERE kind = 'signature' AND registration_id = $_[0]") }
my (undef, $page) = sign($people[0]);
like($page->{text}, qr{<h2 id="signer-titre">Signer ma présence</h2>}, "the participant's page offers to sign during the half-day");
my ($res) = sign($people[0], demi => $hd, code => $cli_code);
is($res->{status}, 303, 'a participant signs with the current code');
is(signatures($people[0]), '1', 'recorded');
($res) = sign($people[0], demi => $hd, code => $cli_code);
is($res->{status}, 303, 'a second signature is a no-op');
is(signatures($people[0]), '1', 'still one');
($res) = sign($people[1], demi => $hd, code => substr($prev_code, 0, 3) . ' ' . substr($prev_code, 3));
is($res->{status}, 303, 'the previous window\'s code is accepted (typed with a space)');
($res) = sign($people[2], demi => $hd, code => $old_code) if $old_code ne $cli_code && $old_code ne $prev_code;
is($res->{status}, 422, 'an older code is refused');
($res) = sign($people[2], demi => $hd, code => $cli_code eq '000000' ? '111111' : '000000');
is($res->{status}, 422, 'a wrong code: 422');
like($res->{text}, qr{code}, 'said in French');
($res) = sign($people[2], demi => $hd, code => 'abc');
is($res->{status}, 422, 'a malformed code: 422');
($res) = sign($people[2], demi => "$later-matin", code => `$cli attendance code $later-matin` =~ s/\s+//r);
is($res->{status}, 422, 'a half-day outside its window: 422');
($res) = sign($people[2], demi => "999999-matin", code => $cli_code);
is($res->{status}, 422, 'a half-day of another session: 422');
is(signatures($people[2]), '0', 'nothing recorded');
is(Browser->new($stack->base)->post('/participant/' . ('0' x 64) . '/emargement', [ code => $cli_code ])->{status},
	403, 'no anti-forgery token: 403');

# --- where the QR code leads ---------------------------------------------------------
my ($qr_page, undef, $b4) = sign($people[3]);
$r = Browser->new($stack->base)->get("/emargement/$hd?code=$cli_code");
is($r->{status}, 200, 'the QR code on a phone that never opened its page: how to sign');
like($r->{text}, qr{lien de votre convocation}, 'says so');
$r = $b4->get("/emargement/$hd?code=$cli_code");
is($r->{status}, 303, 'on the phone that opened its page: straight to it');
like($r->{headers}{location}, qr{^/participant/$token{$people[3]}\?demi=$hd&code=$cli_code#signer$}, 'with the code filled in');

# --- the trainer's marks and the certification ----------------------------------------
my $t = $gwen->token_from($gwen->get("/intranet/presence/$hd"));
$r = $gwen->post("/intranet/presence/$hd", [ _csrf => $t, action => 'present', inscription => $people[2] ]);
is($r->{status}, 303, 'the trainer marks a participant present');
is(q1("SELECT method FROM attendance_event WHERE registration_id = $people[2] AND kind = 'signature'"), 'formateur', 'as the trainer');
$r = $gwen->post("/intranet/presence/$hd", [ _csrf => $t, action => 'absent', inscription => $people[4] ]);
is($r->{status}, 303, 'absent');
$r = $gwen->post("/intranet/presence/$hd", [ _csrf => $t, action => 'retard', inscription => $people[0], minutes => '15' ]);
is($r->{status}, 303, 'a late arrival of 15 minutes');
my $p6 = q1("INSERT INTO participant (last_name, first_name, email) VALUES ('Stagiaire6', 'P', 'p6\@caf35.example.org') RETURNING id");
my $late = q1("INSERT INTO registration (session_id, participant_id) VALUES ($sid, $p6) RETURNING id");
$r = $gwen->post("/intranet/presence/$hd", [ _csrf => $t, action => 'depart', inscription => $late, minutes => '20' ]);
is($r->{status}, 303, 'leaving early, for someone not marked yet');
like($gwen->get("/intranet/presence/$hd")->{text}, qr{Stagiaire6 P</th>\s*<td>Présent\(e\) à [^<]*\(Par le formateur\), parti\(e\) 20 min avant la fin},
	'says they came (marked present by the trainer) and left 20 minutes early');
$r = $gwen->post("/intranet/presence/$hd", [ _csrf => $t, action => 'retard', inscription => $people[0], minutes => 'beaucoup' ]);
is($r->{status}, 422, 'minutes that are not a number: 422');
$r = $gwen->post("/intranet/presence/$hd", [ _csrf => $t, action => 'present', inscription => '999999' ]);
is($r->{status}, 422, 'someone who is not in the session: 422');
$r = $gwen->get("/intranet/presence/$hd");
like($r->{text}, qr{Présent\(e\) à [^<]*\(Signature électronique\), arrivé\(e\) 15 min en retard}, 'the page shows each mark and its method');
like($r->{text}, qr{Anomalie : le même navigateur a signé pour plusieurs participants}, 'two participants signed from one browser (the test\'s): shown as an anomaly');
$r = $admin->get("/intranet/sessions/$sid");
like($r->{text}, qr{<caption id="grille-titre">Présences par demi-journée</caption>}, 'the session page has the grid');
like($r->{text}, qr{Absent\(e\)}, 'with the marks');
$r = $gwen->post("/intranet/presence/$hd", [ _csrf => $t, action => 'certifier' ]);
is($r->{status}, 303, 'the trainer certifies the half-day');
$r = $gwen->post("/intranet/presence/$hd", [ _csrf => $t, action => 'present', inscription => $people[4] ]);
is($r->{status}, 422, 'after that the trainer changes nothing');
($res) = sign($people[3], demi => $hd, code => `$cli attendance code $hd` =~ s/\s+//r);
is($res->{status}, 422, 'nor a late participant');
my $at = $admin->token_from($admin->get("/intranet/presence/$hd"));
$r = $admin->post("/intranet/presence/$hd", [ _csrf => $at, action => 'present', inscription => $people[4], raison => '' ]);
is($r->{status}, 422, 'an admin correction needs a reason');
$r = $admin->post("/intranet/presence/$hd", [ _csrf => $at, action => 'present', inscription => $people[4],
	raison => 'Présente, feuille papier retrouvée' ]);
is($r->{status}, 303, 'an admin corrects with a reason');
is(q1("SELECT reason FROM attendance_event WHERE registration_id = $people[4] ORDER BY id DESC LIMIT 1"),
	'Présente, feuille papier retrouvée', 'the correction is a new event, with its reason');

# --- the paper sheets ---------------------------------------------------------------------
sub pdf_text {
	my ($bytes, @opts) = @_;
	my $file = "$var/sheet.pdf";
	open my $fh, '>:raw', $file or die $!;
	print $fh $bytes;
	close $fh;
	my $text = `pdftotext -layout @opts $file - 2>&1`;
	return Encode::decode_utf8($text);
}
$r = $gwen->get("/intranet/presence/$hd/feuille.pdf");
is($r->{status}, 200, "the half-day's sheet");
like($r->{headers}{'content-type'}, qr{^application/pdf}, 'as PDF');
my $text = pdf_text($r->{content});
like($text, qr{EGOC}, 'EGOC');
like($text, qr{Coopération|coopération}i, 'the course');
like($text, qr{P Stagiaire1}, 'each participant');
like($text, qr{signé électroniquement le}, 'electronic signatures printed once certified');
like($text, qr{absent}i, 'the absent row');
like($text, qr{certifié le}, "and the trainer's certification");
is($other->get("/intranet/presence/$hd/feuille.pdf")->{status}, 404, 'not for another trainer');
$r = $admin->get("/intranet/sessions/$sid/emargement.pdf");
is($r->{status}, 200, "the session's file");
$text = pdf_text($r->{content});
like($text, qr{P Stagiaire1.*P Stagiaire1}s, 'one sheet per half-day (this one and tomorrow\'s)');

# --- the chain ------------------------------------------------------------------------
my $out = `$cli attendance verify $sid`;
is($? >> 8, 0, 'attendance verify: the chain is whole') or diag $out;
like($out, qr{the chain is whole}, 'says so');
like($stack->psql("UPDATE attendance_event SET minutes = 0 WHERE session_id = $sid"), qr{permission denied|never changed},
	'the application may not change an event');
my $victim = q1("SELECT id FROM attendance_event WHERE session_id = $sid AND kind = 'retard'");
my $owner = "$ROOT/conf/stack.sh psql $var";
`$owner -qAt -U formations_owner -c "ALTER TABLE attendance_event DISABLE TRIGGER attendance_event_frozen; UPDATE attendance_event SET minutes = 5 WHERE id = $victim; ALTER TABLE attendance_event ENABLE TRIGGER attendance_event_frozen;" 2>&1`;
is(q1("SELECT minutes FROM attendance_event WHERE id = $victim"), '5', 'the database owner changes an event behind its back');
$out = `$cli attendance verify $sid`;
is($? >> 8, 1, 'attendance verify fails');
like($out, qr{event $victim \(retard, $hd\) was changed}, 'and names the event');

$stack->stop;
done_testing();
