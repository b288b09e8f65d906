#!/usr/bin/env perl
# Registrations through the real stack: staff add one person or paste a
# list (every refusal a 422 with nothing saved), seats decided by
# PostgreSQL (30 people racing for 12 seats), the waiting list promoted on
# every cancellation and reordered by hand, moves between sessions, the
# participant's private page (cancel, need, agenda), the requester naming
# participants on the tracking page, and the convocations in the outbox
# with their iTIP invitation (stable UID, SEQUENCE raised by a moved slot,
# CANCEL for a cancelled slot or registration), the J-2 reminder once,
# and one convocation through the SMTP sink, whole.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8 decode_utf8);
use MIME::Base64 qw(decode_base64);
use POSIX qw(strftime);
use Time::Local qw(timegm);
use Stack;
use Sink;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $ROOT = $Stack::ROOT;
my $smtp_port = Stack::free_port();
my $stack = Stack->start(name => 'registrations', demo => 1,
	conf => "smtp_url = smtp://127.0.0.1:$smtp_port\nworkers = 4\n");
my $var = $stack->var;
my $cli = "$ROOT/cgi-bin/formations -c $var/formations.conf";
sub q1 { my ($sql) = @_; return $stack->psql(encode_utf8($sql)) }

my ($admin_email, $admin_pw) = $stack->demo_admin;
my $desk = Browser->new($stack->base);
is($desk->login($admin_email, $admin_pw)->{status}, 303, 'the admin logs in');

# A confirmed INTER session of 12 seats, three slots in the weeks to come,
# with a room and a trainer; a second session of the same course, and one
# of another course.
my $course = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $other_course = q1("SELECT id FROM course WHERE status = 'published' AND id <> $course ORDER BY id LIMIT 1");
my $place = q1("INSERT INTO place (name, address, city, capacity, access) VALUES ('Maison de la formation',"
	. " '3 rue de la Paix', 'Rennes', 40, 'Métro ligne A, arrêt République') RETURNING id");
my $room = q1("INSERT INTO room (place_id, name, capacity) VALUES ($place, 'Salle Iroise', 40) RETURNING id");
my $trainer = q1("INSERT INTO trainer (name, kind, feed_token) VALUES ('Tanguy Formateur', 'interne',"
	. " repeat('c3', 20)) RETURNING id");
sub session_with_slots {
	my ($course_id, $max, $status, $offset) = @_;
	my $sid = q1("INSERT INTO session (course_id, kind, place_id, min_participants, max_participants, status)"
		. " VALUES ($course_id, 'inter', $place, 4, $max, '$status') RETURNING id");
	for my $k (0 .. 2) {
		my $slot = q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part, room_id, module_label, day_label)"
			. " SELECT $sid, d, (d + time '09:00') AT TIME ZONE 'Europe/Paris', (d + time '12:30') AT TIME ZONE 'Europe/Paris',"
			. " 'matin', $room, 'Module 3', 'Journée " . ($k + 1) . "'"
			. " FROM (SELECT (date_trunc('week', current_date) + interval '" . ($offset + 7 * $k) . " days')::date AS d) x RETURNING id");
		q1("INSERT INTO slot_trainer (slot_id, trainer_id) VALUES ($slot, $trainer)");
	}
	return $sid;
}
my $sid = session_with_slots($course, 12, 'confirmee', 21);
my $sid2 = session_with_slots($course, 20, 'envisagee', 63);
my $sid_other = session_with_slots($other_course, 20, 'confirmee', 105);
my $page = $desk->get("/intranet/sessions/$sid");
is($page->{status}, 200, 'the session page');
like($page->{text}, qr{<h2 id="inscrits">Inscrits</h2>}, 'with its registrations');
like($page->{text}, qr{Aucun participant confirmé}, 'none yet, and what to do');
my $token = $desk->token_from($page);
sub add {
	my ($b, $session, %p) = @_;
	my %f = (nom => '', prenom => '', email => '', fonction => '', organisme => '', besoin => '', %p);
	return $b->post("/intranet/sessions/$session/inscriptions", [ _csrf => $token, action => 'ajouter', %f ]);
}
sub regs { q1("SELECT count(*) FROM registration WHERE session_id = $_[0] AND status = '$_[1]'") }

# --- one person ----------------------------------------------------------------------
my $r = add($desk, $sid, nom => "Lefèvre-D'Arc", prenom => 'Anne-Laure', email => 'Anne-Laure.Lefevre@Caf35.example.org',
	fonction => 'Conseillère technique', organisme => "Caf d'Ille-et-Vilaine");
is($r->{status}, 303, 'a person is registered') or diag join(' / ', $r->{text} =~ /(?:error-box|field-error)[^>]*>([^<]*)/g);
my $reg = q1("SELECT r.id FROM registration r JOIN participant p ON p.id = r.participant_id"
	. " WHERE p.email = 'anne-laure.lefevre\@caf35.example.org'");
ok($reg, 'found again by her address, lowercased');
is(q1("SELECT p.last_name || '|' || p.first_name || '|' || r.status FROM registration r"
	. " JOIN participant p ON p.id = r.participant_id WHERE r.id = $reg"), "Lefèvre-D'Arc|Anne-Laure|confirmee",
	'her name kept exactly, confirmed');
like(decode_utf8($desk->get($r->{headers}{location})->{content}), qr{Anne-Laure Lefèvre-D(?:'|&#39;)Arc est inscrit\(e\) : sa convocation part},
	'the banner names her and says her convocation leaves');
my ($conv) = q1("SELECT id FROM mail_outbox WHERE to_address = 'anne-laure.lefevre\@caf35.example.org'"
	. " AND kind = 'convocation'");
ok($conv, 'her convocation is queued');
my @invites = split /\n/, q1("SELECT id FROM mail_outbox WHERE to_address = 'anne-laure.lefevre\@caf35.example.org'"
	. " AND kind = 'invitation' ORDER BY id");
is(scalar @invites, 3, 'and one invitation per slot (Outlook reads one VEVENT an invitation)');
is(q1("SELECT string_agg(DISTINCT calendar_method, ',') FROM mail_outbox WHERE id IN (" . join(',', @invites) . ")"),
	'REQUEST', 'each a REQUEST');
sub seq_of { my ($line) = @_; my ($n) = $line =~ /^[^|]*\|[^|]*\|[^|]*\|[^|]*\|(-?\d+)\|/; return $n }

sub calendar_lines {
	my ($id) = @_;
	my $ics = q1("SELECT calendar FROM mail_outbox WHERE id = $id");
	my $file = "$var/invitation.ics";
	open my $fh, '>:raw', $file or die $!;
	print $fh encode_utf8($ics);
	close $fh;
	my @lines = map { chomp; decode_utf8($_) } `$ROOT/build/tools/ical_dump --itip <$file 2>&1`;
	return ($? >> 8, @lines);
}
my ($rc, @ics) = calendar_lines($invites[0]);
is($rc, 0, 'the invitation parses with libical, without errors');
is($ics[0], 'METHOD|REQUEST', 'METHOD:REQUEST');
my @events = grep { /^convocation-/ } @ics;
is(scalar @events, 1, 'one VEVENT');
my @slots = split /\n/, q1("SELECT id FROM slot WHERE session_id = $sid ORDER BY starts_at");
like($events[0], qr{^convocation-$slots[0]\@egoc\.example\|}, 'a stable UID per slot');
like($events[0], qr{\|CONFIRMED\|}, 'STATUS:CONFIRMED');
like($events[0], qr{\|mailto:formations\@egoc\.example\|EGOC — Formations\|mailto:anne-laure\.lefevre\@caf35\.example\.org\|Anne-Laure Lefèvre-D'Arc\|REQ-PARTICIPANT\|NEEDS-ACTION\|FALSE},
	'ORGANIZER EGOC, ATTENDEE the participant');
is($ics[-1], 'RESTRICTIONS|0', 'nothing RFC 5546 forbids or misses');
(undef, @ics) = calendar_lines($invites[2]);
like((grep { /^convocation-/ } @ics)[0], qr{^convocation-$slots[2]\@}, 'the third for the third slot');
like(q1("SELECT subject FROM mail_outbox WHERE id = $invites[0]"), qr{^Invitation : .* — \w+ \d+ \w+ \d{4}, 9 h – 12 h 30$},
	'its subject names the half-day in French');
my $seq0 = seq_of($events[0]);
my $body = q1("SELECT body FROM mail_outbox WHERE id = $conv");
like($body, qr{Maison de la formation\n3 rue de la Paix\nRennes\nAccès : Métro ligne A}, 'the convocation gives the place, address and access');
like($body, qr{Salle : Salle Iroise}, 'the room');
like($body, qr{Formateur\(s\) : Tanguy Formateur}, 'the trainer');
like($body, qr{Module 3 · Journée 1}, 'the programme of each half-day');
like($body, qr{, 9 h – 12 h 30}, 'the Paris times in French');
like($body, qr{Règlement intérieur}, 'the règlement intérieur');
like($body, qr{référent handicap}, 'the accessibility contact');
my $ptoken = q1("SELECT token FROM registration WHERE id = $reg");
like($body, qr{/participant/$ptoken\n}, 'her private page');

$r = add($desk, $sid, nom => 'Autre', prenom => 'Nom', email => 'anne-laure.lefevre@caf35.example.org');
is($r->{status}, 422, 'the same person twice: 422');
like($r->{text}, qr{est déjà inscrit\(e\) à cette session}, 'said so');
$r = add($desk, $sid, nom => "N'Diaye", prenom => 'Awa', email => 'awa.ndiaye@caf35');
is($r->{status}, 422, 'a bad address: 422');
like($r->{text}, qr{value="N(?:'|&#39;)Diaye"}, 'what was typed is kept');
$r = add($desk, $sid, nom => "Jean\nBcc", prenom => 'X', email => 'x@caf35.example.org');
is($r->{status}, 422, 'a line break in a name: 422');
is(regs($sid, 'confirmee'), 1, 'nothing saved');

$r = $desk->get("/intranet/sessions/$sid2?personne=lef");
like($r->{text}, qr{Lefèvre-D(?:'|&#39;)Arc Anne-Laure \(anne-laure\.lefevre\@caf35\.example\.org}, 'a known person is found by the start of her name');
like($r->{text}, qr{<input type="hidden" name="email" value="anne-laure\.lefevre\@caf35\.example\.org">}, 'with a button that registers her');
like($desk->get("/intranet/sessions/$sid2?personne=zzz")->{text}, qr{Personne de connu à ce nom}, 'nobody: says what to do');

# --- a pasted list ---------------------------------------------------------------------
my @lines = map { "Nom$_;Prénom$_;personne$_\@caf29.example.org;Agent;Caf du Finistère" } 1 .. 50;
$lines[24] = 'Sans;Adresse;pas-une-adresse;Agent';
$r = $desk->post("/intranet/sessions/$sid/inscriptions", [ _csrf => $token, action => 'coller',
	liste => join("\n", @lines) ]);
is($r->{status}, 422, 'a list with one wrong line among 50: 422');
like($r->{text}, qr{Ligne 25</a> \(Sans;Adresse;pas-une-adresse;Agent\)}, 'the wrong line is named');
like($r->{text}, qr{Nom49;Prénom49;personne49\@caf29\.example\.org}, 'the 49 others are shown back');
is(regs($sid, 'confirmee'), 1, 'nothing saved');
$r = $desk->post("/intranet/sessions/$sid/inscriptions", [ _csrf => $token, action => 'coller',
	liste => join("\n", map { "N$_;P$_;p$_\@caf29.example.org" } 1 .. 201) ]);
is($r->{status}, 422, '201 lines: 422');
like($r->{text}, qr{plus de 200 personnes}, 'said so');
my $list = "Nom\tPrénom\tEmail\tFonction\tOrganisme\n" . join("\n", map { "Le Gall\tYann$_\tyann$_.legall\@caf29.example.org\tAgent\tCaf du Finistère" } 1 .. 14);
$r = $desk->post("/intranet/sessions/$sid/inscriptions", [ _csrf => $token, action => 'coller', liste => $list ]);
is($r->{status}, 303, '14 people pasted from a spreadsheet (tabs, a header)');
is(regs($sid, 'confirmee'), 12, 'more names than seats: 12 confirmed');
is(regs($sid, 'attente'), 3, 'and 3 waiting');
is(q1("SELECT string_agg(waiting_rank::text, ',' ORDER BY waiting_rank) FROM registration WHERE session_id = $sid AND status = 'attente'"),
	'1,2,3', 'ranked 1 to 3');
like(decode_utf8($desk->get($r->{headers}{location})->{content}), qr{14 personne\(s\) inscrite\(s\), dont 3 sur la liste d(?:'|&#39;)attente},
	'the page says which wait');
is(q1("SELECT count(*) FROM mail_outbox WHERE kind = 'liste_attente'"), '3', 'each waiting person is told their rank');

# --- cancellation promotes the first waiting ------------------------------------------
my ($first_waiting, $first_name) = split /\|/, q1("SELECT r.id || '|' || p.first_name FROM registration r JOIN participant p ON p.id = r.participant_id"
	. " WHERE r.session_id = $sid AND r.waiting_rank = 1");
$r = $desk->post("/intranet/inscriptions/$reg", [ _csrf => $token, action => 'annuler', raison => '' ]);
is($r->{status}, 422, 'a cancellation needs a reason');
$r = $desk->post("/intranet/inscriptions/$reg", [ _csrf => $token, action => 'annuler', raison => 'Mutée dans un autre service' ]);
is($r->{status}, 200, 'cancelling a registration asks first');
like($r->{text}, qr{<h1>Annuler cette inscription \?</h1>.*n(?:'|&#39;)est plus inscrit\(e\) à la session du .*motif : Mutée dans un autre service}s, 'naming the person and the reason');
$r = $desk->post("/intranet/inscriptions/$reg", [ $desk->form_fields($r, "/intranet/inscriptions/$reg") ]);
is($r->{status}, 303, 'a confirmed registration is cancelled');
like(decode_utf8($desk->get($r->{headers}{location})->{content}), qr{Le Gall quitte la liste d(?:'|&#39;)attente et reçoit sa convocation},
	'the banner says who takes the seat');
is(q1("SELECT status FROM registration WHERE id = $first_waiting"), 'confirmee', 'the first waiting is confirmed');
is(q1("SELECT string_agg(waiting_rank::text, ',' ORDER BY waiting_rank) FROM registration WHERE session_id = $sid AND status = 'attente'"),
	'1,2', 'the others move up');
is(q1("SELECT count(*) FROM mail_outbox m JOIN participant p ON p.email = m.to_address JOIN registration r ON r.participant_id = p.id"
	. " WHERE r.id = $first_waiting AND m.kind = 'convocation' AND m.subject LIKE 'Une place s''est libérée%'"), '1', 'and mailed');
ok(q1("SELECT count(*) FROM mail_outbox WHERE to_address = 'anne-laure.lefevre\@caf35.example.org' AND kind = 'convocation_annulation'"),
	'the cancelled one is told');
my @cancels = split /\n/, q1("SELECT id FROM mail_outbox WHERE to_address = 'anne-laure.lefevre\@caf35.example.org'"
	. " AND kind = 'invitation' AND calendar_method = 'CANCEL' ORDER BY id");
is(scalar @cancels, 3, 'and her calendar gets a CANCEL for each slot');
($rc, @ics) = calendar_lines($cancels[0]);
is($ics[0], 'METHOD|CANCEL', 'METHOD:CANCEL');
my @cancelled = grep { /^convocation-/ } @ics;
like($cancelled[0], qr{^convocation-$slots[0]\@.*\|CANCELLED\|}, 'the same UID, STATUS:CANCELLED');
my $seq1 = seq_of($cancelled[0]);
ok($seq1 > $seq0, "with a higher SEQUENCE ($seq0 then $seq1)");
$r = $desk->post("/intranet/inscriptions/$reg", [ _csrf => $token, action => 'annuler', raison => 'encore' ]);
is($r->{status}, 303, 'a second cancel is harmless');
like(decode_utf8($desk->get($r->{headers}{location})->{content}), qr{déjà annulée}, 'and says so');
$r = $desk->get("/intranet/sessions/$sid?info=Votre+mot+de+passe+a+expir%C3%A9&sceau=00");
unlike($r->{text}, qr{mot de passe a expiré}, 'a banner without the seal is not shown');

# --- the waiting list by hand, moves ------------------------------------------------------
my ($w1, $w2) = split /\n/, q1("SELECT id FROM registration WHERE session_id = $sid AND status = 'attente' ORDER BY waiting_rank");
$r = $desk->post("/intranet/inscriptions/$w2", [ _csrf => $token, action => 'rang', rang => 'monter' ]);
is($r->{status}, 303, 'a waiting person moves up');
is(q1("SELECT waiting_rank FROM registration WHERE id = $w2") . ',' . q1("SELECT waiting_rank FROM registration WHERE id = $w1"),
	'1,2', 'the ranks swap');
$r = $desk->post("/intranet/inscriptions/$w1", [ _csrf => $token, action => 'confirmer' ]);
is($r->{status}, 422, 'confirming by hand in a full session is refused');
is(regs($sid, 'confirmee'), 12, 'still 12');
# Where a registration may move: the course's sessions still to come,
# dated ones by date then undated ones, the 50 first, the session itself
# left out (chosen before the columns are formatted: make bench).
my @undated = split /\n/, q1("INSERT INTO session (course_id, kind, place_id, min_participants, max_participants, status)"
	. " SELECT $course, 'inter', $place, 4, 20, 'envisagee' FROM generate_series(1, 60) RETURNING id");
my ($move_to) = $desk->get("/intranet/sessions/$sid")->{text} =~ m{<select id="vers-$w1" name="session">(.*?)</select>}s;
my @offered = ($move_to // '') =~ /<option value="(\d+)"/g;
my @open = grep { $_ != $sid } split /\n/, q1("SELECT id FROM session WHERE course_id = $course"
	. " AND status IN ('envisagee', 'confirmee') AND (last_day IS NULL OR last_day >= (now() AT TIME ZONE 'Europe/Paris')::date)"
	. " ORDER BY first_day NULLS LAST, id LIMIT 50");
is("@offered", "@open", 'a move is offered to the 50 first sessions of the course still to come, but this one');
my %at;
@at{@offered} = 0 .. $#offered;
ok(@offered == 49 && defined $at{$sid2} && defined $at{$undated[0]} && $at{$sid2} < $at{$undated[0]}
	&& !defined $at{$sid_other} && !defined $at{$undated[-1]},
	'dated ones before undated ones, no other course, the last undated ones left out');
q1("DELETE FROM session WHERE id IN (" . join(',', @undated) . ")");
$r = $desk->post("/intranet/inscriptions/$w1", [ _csrf => $token, action => 'deplacer', session => $sid_other ]);
is($r->{status}, 422, 'a move to a session of another course is refused');
$r = $desk->post("/intranet/inscriptions/$w1", [ _csrf => $token, action => 'deplacer', session => $sid2 ]);
is($r->{status}, 303, 'a move to another session of the course');
is(q1("SELECT session_id || '|' || status FROM registration WHERE id = $w1"), "$sid2|confirmee", 'confirmed there');
is(q1("SELECT waiting_rank FROM registration WHERE id = $w2"), '1', 'the list here closes up');

q1("UPDATE session SET status = 'annulee', cancel_reason = 'Trop peu d''inscrits' WHERE id = $sid_other");
$r = add($desk, $sid_other, nom => 'Trop', prenom => 'Tard', email => 'trop.tard@caf44.example.org');
is($r->{status}, 422, 'a cancelled session takes nobody: 422');
like($r->{text}, qr{annulée ou réalisée}, 'said so');

# --- the race: 30 people for 12 seats ---------------------------------------------------
my $race = session_with_slots($course, 12, 'confirmee', 140);
my @pids;
for my $i (1 .. 30) {
	my $pid = fork // die;
	if (!$pid) {
		my $res = add($desk, $race, nom => "Course$i", prenom => 'Coureur', email => "coureur$i\@caf44.example.org");
		POSIX::_exit($res->{status} == 303 ? 0 : 1);
	}
	push @pids, $pid;
}
my $failed = grep { waitpid($_, 0); $? >> 8 } @pids;
is($failed, 0, '30 concurrent registrations all answered 303');
is(regs($race, 'confirmee'), 12, 'exactly 12 confirmed');
is(regs($race, 'attente'), 18, '18 waiting');
is(q1("SELECT string_agg(waiting_rank::text, ',' ORDER BY waiting_rank) FROM registration WHERE session_id = $race AND status = 'attente'"),
	join(',', 1 .. 18), 'ranked 1 to 18');
is(q1("SELECT confirmed || '|' || waiting FROM session WHERE id = $race"), '12|18', 'the session counts them');
my @first3 = split /\n/, q1("SELECT id FROM registration WHERE session_id = $race AND status = 'attente' ORDER BY waiting_rank LIMIT 3");
my @three = split /\n/, q1("SELECT id FROM registration WHERE session_id = $race AND status = 'confirmee' ORDER BY id LIMIT 3");
@pids = ();
for my $id (@three) {
	my $pid = fork // die;
	if (!$pid) {
		my $res = $desk->post("/intranet/inscriptions/$id", [ _csrf => $token, action => 'annuler', raison => 'Empêchement', confirme => 'oui' ]);
		POSIX::_exit($res->{status} == 303 ? 0 : 1);
	}
	push @pids, $pid;
}
$failed = grep { waitpid($_, 0); $? >> 8 } @pids;
is($failed, 0, '3 concurrent cancellations');
is(join(',', map { q1("SELECT status FROM registration WHERE id = $_") } @first3), 'confirmee,confirmee,confirmee',
	'promote ranks 1 to 3');
is(q1("SELECT count(*) FROM mail_outbox m JOIN participant p ON p.email = m.to_address JOIN registration r ON r.participant_id = p.id"
	. " WHERE r.id IN (" . join(',', @first3) . ") AND m.subject LIKE 'Une place s''est libérée%'"), '3', 'each mailed');
is(regs($race, 'confirmee') . '|' . regs($race, 'attente'), '12|15', 'still 12 seats taken, 15 waiting');

# --- a moved slot updates the invitations; a cancelled one sends a CANCEL ----------------
my $someone = q1("SELECT r.id FROM registration r WHERE r.session_id = $sid AND r.status = 'confirmee' ORDER BY r.id LIMIT 1");
my $someone_mail = q1("SELECT p.email FROM registration r JOIN participant p ON p.id = r.participant_id WHERE r.id = $someone");
my $slot_page = $desk->get("/intranet/sessions/$sid");
my ($day) = q1("SELECT to_char(day, 'YYYY-MM-DD') FROM slot WHERE id = $slots[1]");
$r = $desk->post("/intranet/creneaux/$slots[1]", [ _csrf => $token, action => 'deplacer', creneau => $slots[1],
	date => $day, debut => '10:00', fin => '12:30', salle => $room, formateur => $trainer ]);
is($r->{status}, 303, 'a slot of the confirmed session moves');
ok(q1("SELECT count(*) FROM mail_outbox WHERE to_address = '$someone_mail' AND kind = 'convocation_modification'"),
	'its participants are told');
my ($update) = q1("SELECT max(id) FROM mail_outbox WHERE to_address = '$someone_mail' AND kind = 'invitation'"
	. " AND calendar LIKE '%convocation-$slots[1]\@%'");
($rc, @ics) = calendar_lines($update);
is($ics[0], 'METHOD|REQUEST', 'their calendar gets a REQUEST');
my ($moved) = grep { /^convocation-$slots[1]\@/ } @ics;
my ($first) = q1("SELECT min(id) FROM mail_outbox WHERE to_address = '$someone_mail' AND kind = 'invitation'"
	. " AND calendar LIKE '%convocation-$slots[1]\@%'");
my (undef, @before) = calendar_lines($first);
my ($was) = grep { /^convocation-$slots[1]\@/ } @before;
ok(seq_of($moved) > seq_of($was), 'the moved slot keeps its UID with a higher SEQUENCE (' . seq_of($was) . ' then ' . seq_of($moved) . ')');
isnt((split /\|/, $moved)[1], (split /\|/, $was)[1], 'and its new start');
$r = $desk->post("/intranet/creneaux/$slots[2]", [ _csrf => $token, action => 'annuler', confirme => 'oui' ]);
is($r->{status}, 303, 'a slot is cancelled');
my @withdrawn = split /\n/, q1("SELECT id FROM mail_outbox WHERE to_address = '$someone_mail' AND kind = 'invitation'"
	. " AND calendar_method = 'CANCEL'");
is(scalar @withdrawn, 1, 'its participants get one CANCEL');
($rc, @ics) = calendar_lines($withdrawn[0]);
is($ics[0], 'METHOD|CANCEL', 'METHOD:CANCEL');
like((grep { /^convocation-/ } @ics)[0], qr{^convocation-$slots[2]\@}, 'for that slot, with its UID');

my $place2 = q1("INSERT INTO place (name, address, city, capacity) VALUES ('Espace Bréhat', '8 quai Duguay-Trouin', 'Rennes', 30) RETURNING id");
my $updates = q1("SELECT count(*) FROM mail_outbox WHERE kind = 'convocation_modification'");
$r = $desk->post("/intranet/sessions/$sid", [ _csrf => $token, action => 'modifier', formation => $course, type => 'inter',
	organisme => '', demande => '', lieu => $place2, min => 4, max => 12, cloture => '', notes => '' ]);
is($r->{status}, 303, 'the confirmed session moves to another place');
is(q1("SELECT count(*) FROM mail_outbox WHERE kind = 'convocation_modification'") - $updates, regs($sid, 'confirmee'),
	'each confirmed participant is told');
like(q1("SELECT body FROM mail_outbox WHERE kind = 'convocation_modification' ORDER BY id DESC LIMIT 1"),
	qr{Lieu : Espace Bréhat\n8 quai Duguay-Trouin}, 'with the new place');

# --- the participant's page ---------------------------------------------------------------
my $pub = Browser->new($stack->base);
my $someone_token = q1("SELECT token FROM registration WHERE id = $someone");
$r = $pub->get("/participant/$someone_token");
is($r->{status}, 200, "the participant's page");
like($r->{text}, qr{Coopération|coopération}, 'names the course');
like($r->{text}, qr{Espace Bréhat}, 'the place (the new one)');
like($r->{text}, qr{9 h – 12 h 30}, 'the times');
like($r->{headers}{'cache-control'} // '', qr{no-store}, 'never cached');
is($pub->get('/participant/' . ('0' x 64))->{status}, 404, 'a made-up token: 404');
is($pub->get('/participant/abc')->{status}, 404, 'a malformed one: 404');
$r = $pub->get("/participant/$someone_token/agenda.ics");
is($r->{status}, 200, 'their agenda');
like($r->{headers}{'content-type'}, qr{^text/calendar}, 'as text/calendar');
my $ptok = $pub->token_from($pub->get("/participant/$someone_token"));
$r = $pub->post("/participant/$someone_token/besoin", [ _csrf => $ptok, besoin => '' ]);
is($r->{status}, 422, 'an empty need: 422');
$r = $pub->post("/participant/$someone_token/besoin", [ _csrf => $ptok, besoin => "Fauteuil roulant : une table à hauteur, s'il vous plaît." ]);
is($r->{status}, 303, 'a need is declared');
is(q1("SELECT count(*) FROM accessibility_need WHERE registration_id = $someone AND source = 'participant' AND status = 'a_etudier'"),
	'1', 'a task for the référent');
unlike(q1("SELECT string_agg(body, ' ') FROM mail_outbox WHERE kind = 'besoin_accessibilite'"), qr{Fauteuil},
	'the mail to the référent holds no health detail');
my $waiting_before = q1("SELECT id FROM registration WHERE session_id = $sid AND status = 'attente' ORDER BY waiting_rank LIMIT 1");
$r = $pub->post("/participant/$someone_token/annulation", [ _csrf => $ptok, raison => 'Arrêt maladie' ]);
is($r->{status}, 303, '"je ne pourrai pas venir"');
is(q1("SELECT status FROM registration WHERE id = $someone"), 'annulee', 'frees the seat');
is(q1("SELECT status FROM registration WHERE id = $waiting_before"), 'confirmee', 'which the first waiting person takes');
$r = $pub->post("/participant/$someone_token/annulation", [ _csrf => $ptok ]);
is($r->{status}, 303, 'twice is harmless');

# --- the requester names participants -------------------------------------------------------
my $req = Browser->new($stack->base);
my %form = $req->form_fields($req->get('/demande'), '/demande');
$r = $req->post('/demande', { %form, nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf23.example.org',
	telephone => '', organisme => 'Caf de la Creuse', fonction => '', formation => 'cooperation-territoriale',
	intitule => '', type => 'intra', participants => '3', periode => '', lieu => '', accessibilite => '',
	message => '', consentement => 'oui' });
is($r->{status}, 303, 'a demand for 3 participants');
my ($tracking) = $r->{headers}{location} =~ m{/demande/suivi/([A-Za-z0-9_-]+)(?:\?envoyee=1)?$};
my $demand = q1("SELECT id FROM demand WHERE tracking_token = '$tracking'");
q1("UPDATE demand SET session_id = $sid2 WHERE id = $demand");
$page = $req->get("/demande/suivi/$tracking");
like($page->{text}, qr{<h2 id="participants">Vos participants</h2>}, 'the tracking page offers to name participants');
like($page->{text}, qr{<h2 id="dates">Les dates proposées</h2>\s*<ul class="slots"><li>\w+ \d+\S* \w+ \d{4}}, 'after the dates of the session, in words');
q1("UPDATE demand SET status = 'repondue', outcome = 'acceptee', answered_at = now(), answered_on = current_date WHERE id = $demand");
$page = $req->get("/demande/suivi/$tracking");
like($page->{text}, qr{<a class="button secondary" href="/demande/suivi/$tracking/dates.ics">Ajouter ces dates à mon agenda}, 'the dates for the calendar');
like($page->{text}, qr{<details class="decline"><summary>Ces dates ne nous conviennent pas</summary>}, 'and a way to say they do not suit');
my $ics = $req->get("/demande/suivi/$tracking/dates.ics");
is($ics->{status}, 200, 'the .ics of the proposed dates');
like($ics->{headers}{'content-type'} // '', qr{^text/calendar}, 'as a calendar');
is(scalar(() = $ics->{content} =~ /BEGIN:VEVENT/g), q1("SELECT count(*) FROM slot WHERE session_id = $sid2"), 'one event per slot');
is($req->get('/demande/suivi/' . ('x' x 43) . '/dates.ics')->{status}, 404, 'an unknown token: 404');
my $dt = $req->token_from($page);
$r = $req->post("/demande/suivi/$tracking/dates", [ _csrf => $dt, message => ('trop long ' x 250) ]);
is($r->{status}, 422, 'a message over 2,000 characters: 422');
like($r->{text}, qr{<details class="decline" open>.*trop long trop long}s, 'the form open again, the text kept');
my $notices = q1("SELECT count(*) FROM mail_outbox WHERE kind = 'notice'");
$r = $req->post("/demande/suivi/$tracking/dates", [ _csrf => $dt, message => 'Plutôt en juin, svp.' ]);
is($r->{status}, 303, 'the dates do not suit');
like($req->get($r->{headers}{location})->{text}, qr{Merci : nous savons que ces dates ne vous conviennent pas}, 'the banner says what follows');
is(q1("SELECT public::text || ' ' || comment FROM demand_event WHERE demand_id = $demand AND kind = 'dates_refusees'"),
	'true Les dates proposées ne conviennent pas au demandeur : Plutôt en juin, svp.', 'a public event on the demand');
is(q1("SELECT count(*) FROM mail_outbox WHERE kind = 'notice'") - $notices, 1, 'and a mail to whoever follows it');
like($desk->get("/intranet/demandes/$demand")->{text}, qr{<strong>Les dates proposées ne conviennent pas</strong>.*Plutôt en juin, svp\.}s,
	'the demand page tells its conseiller at the top');
q1("UPDATE demand SET status = 'recue', outcome = NULL, answered_at = NULL, answered_on = NULL WHERE id = $demand");
$r = $req->post("/demande/suivi/$tracking/dates", [ _csrf => $dt, message => '' ]);
is($r->{status}, 422, 'not before an answer');
is(scalar(() = $page->{text} =~ /<legend>Participant \d+<\/legend>/g), 3, 'one row per person asked');
my $t = $req->token_from($page);
$r = $req->post("/demande/suivi/$tracking/participants", [ _csrf => $t, action => 'inscrire',
	p1_nom => 'Dupont', p1_prenom => 'Léa', p1_email => 'lea.dupont@caf23', p1_fonction => '' ]);
is($r->{status}, 422, 'a bad address: 422');
like($r->{text}, qr{value="Dupont"}, 'the rows are kept');
$r = $req->post("/demande/suivi/$tracking/participants", [ _csrf => $t, action => 'inscrire',
	p1_nom => 'Dupont', p1_prenom => 'Léa', p1_email => 'lea.dupont@caf23.example.org', p1_fonction => 'Agent',
	p2_nom => 'Bernard', p2_prenom => 'Paul', p2_email => 'paul.bernard@caf23.example.org', p2_fonction => '',
	p3_nom => '', p3_prenom => '', p3_email => '', p3_fonction => '' ]);
is($r->{status}, 303, 'two participants named (the empty row ignored)');
is(q1("SELECT count(*) FROM registration WHERE demand_id = $demand AND status = 'confirmee'"), '2', 'confirmed');
is(q1("SELECT string_agg(p.organisation, ',') FROM registration r JOIN participant p ON p.id = r.participant_id WHERE r.demand_id = $demand"),
	'Caf de la Creuse,Caf de la Creuse', "with the requester's organisation");
$page = $req->get("/demande/suivi/$tracking");
is(scalar(() = $page->{text} =~ /<legend>Participant \d+<\/legend>/g), 1, 'one row left');
q1("UPDATE session SET registration_closes_on = current_date - 1 WHERE id = $sid2");
$r = $req->post("/demande/suivi/$tracking/participants", [ _csrf => $t, action => 'inscrire',
	p1_nom => 'Tard', p1_prenom => 'Trop', p1_email => 'trop.tard@caf23.example.org' ]);
is($r->{status}, 422, 'after the closing date: 422');
like($r->{text}, qr{Les inscriptions sont closes}, 'said so');
$r = add($desk, $sid2, nom => 'Tard', prenom => 'Staff', email => 'staff.tard@caf23.example.org');
is($r->{status}, 303, 'staff may still add');

# --- session confirmed: convocations to those already registered; copies to the requester ---
my $before_conv = q1("SELECT count(*) FROM mail_outbox WHERE kind = 'convocation'");
my $st = $desk->token_from($desk->get("/intranet/sessions/$sid2"));
$r = $desk->post("/intranet/sessions/$sid2", [ _csrf => $st, action => 'statut', statut => 'confirmee', raison => '' ]);
is($r->{status}, 303, 'the session is confirmed');
is(q1("SELECT count(*) FROM mail_outbox WHERE kind = 'convocation'") - $before_conv, regs($sid2, 'confirmee'),
	'every confirmed registration gets its convocation');
is(q1("SELECT count(*) FROM mail_outbox WHERE kind = 'convocation_copie' AND to_address = 'claire.martin\@caf23.example.org'"),
	'2', 'the requester a copy of each of theirs');

# --- J-2: the reminder, once ---------------------------------------------------------------
my $soon = session_with_slots($course, 10, 'confirmee', 0);
q1("UPDATE slot SET day = current_date + 2, starts_at = (current_date + 2 + time '09:00') AT TIME ZONE 'Europe/Paris',"
	. " ends_at = (current_date + 2 + time '12:30') AT TIME ZONE 'Europe/Paris' WHERE session_id = $soon"
	. " AND id = (SELECT min(id) FROM slot WHERE session_id = $soon)");
q1("UPDATE slot SET cancelled = true WHERE session_id = $soon AND id <> (SELECT min(id) FROM slot WHERE session_id = $soon)");
add($desk, $soon, nom => 'Bientôt', prenom => 'Là', email => 'bientot@caf35.example.org');
# go/no-go: 1 confirmed for a minimum of 4, two days before
like($desk->get('/intranet/')->{text}, qr{Sessions à confirmer ou annuler.*?href="/intranet/sessions/$soon#statut"}s,
	'the intranet home lists the session under its minimum');
like($desk->get("/intranet/sessions/$soon")->{text}, qr{À confirmer ou annuler}, 'its page says so');
my $cal = $desk->get('/intranet/calendrier?vue=liste');
like($cal->{text}, qr{href="/intranet/sessions/$soon#creneau-\d+".*?À confirmer ou annuler}s, 'and the calendar');
unlike($desk->get("/intranet/sessions/$sid")->{text}, qr{À confirmer ou annuler}, 'a full session is not marked');
my $out = `$cli remind 2>&1`;
like($out, qr{queued 1 convocation reminders}, 'remind queues the J-2 reminder') or diag $out;
$out = `$cli remind 2>&1`;
like($out, qr{queued 0 convocation reminders}, 'run twice, one mail');

# --- exports and who sees what ----------------------------------------------------------------
$r = $desk->get("/intranet/sessions/$sid/inscriptions.csv");
is($r->{status}, 200, 'the CSV export');
like(decode_utf8($r->{content}), qr{^\x{FEFF}Nom;Prénom;Adresse électronique}, 'with its header');
$stack->user_add('tanguy@egoc.example', 'formateur', 'Tanguy Formateur', 'mot-de-passe-formateur');
q1("UPDATE trainer SET account_id = (SELECT id FROM staff_user WHERE email = 'tanguy\@egoc.example') WHERE id = $trainer");
my $tr = Browser->new($stack->base);
$tr->login('tanguy@egoc.example', 'mot-de-passe-formateur');
$r = $tr->get("/intranet/sessions/$sid");
is($r->{status}, 200, 'the trainer opens their session');
like($r->{text}, qr{Participants confirmés}, 'and sees its participants');
unlike($r->{text}, qr{caf29\.example\.org}, 'without their addresses');
unlike($r->{text}, qr{action="/intranet/inscriptions/}, 'and without the actions');
is($tr->get("/intranet/sessions/$sid/inscriptions.csv")->{status}, 403, 'no export for a trainer');
is($tr->post("/intranet/inscriptions/$w2", [ _csrf => $tr->token_from($r), action => 'annuler', raison => 'x' ])->{status},
	403, 'nor changes');

# --- a convocation and its invitations through the SMTP sink, whole ------------------------------
my @one = ($conv, @invites);
q1("UPDATE mail_outbox SET sent_at = now() WHERE sent_at IS NULL AND id NOT IN (" . join(',', @one) . ")");
q1("UPDATE mail_outbox SET sent_at = NULL WHERE id IN (" . join(',', @one) . ")");
my $sink = Sink->start(dir => "$var/mail", port => $smtp_port);
$out = `$cli mail 2>&1`;
like($out, qr{sent 4, failed 0}, 'formations mail sends the convocation and its three invitations') or diag $out;
my @got = map { $sink->read($_) } $sink->files;
like($got[0]{h}{'content-type'} // '', qr{^text/plain; charset=UTF-8}, 'the convocation is plain text');
like($got[0]{h}{subject} // '', qr{^=\?UTF-8\?B\?}, 'its subject in French, encoded');
like($got[1]{h}{'content-type'} // '', qr{^multipart/mixed}, 'an invitation is multipart/mixed');
like($got[1]{body}, qr{Content-Type: text/calendar; charset=UTF-8; method=REQUEST}, 'with its text/calendar; method=REQUEST');
$sink->stop;

# --- a person's data erased: as a participant too ---------------------------------------------------
$r = $desk->submit('/intranet/donnees?email=anne-laure.lefevre@caf35.example.org', '/intranet/donnees',
	[ email => 'anne-laure.lefevre@caf35.example.org', confirmation => 'oui' ]);
is($r->{status}, 303, "an admin erases a person's data");
is(q1("SELECT count(*) FROM participant WHERE email = 'anne-laure.lefevre\@caf35.example.org' OR last_name LIKE 'Lef%vre-D%'"),
	'0', 'her participant record keeps no name or address');
is(q1("SELECT count(*) FROM mail_outbox WHERE to_address = 'anne-laure.lefevre\@caf35.example.org'"), '0',
	'nor do the mails and invitations sent to her');

$stack->stop;
done_testing();
