#!/usr/bin/env perl
# Sessions and the calendar through the real stack: creating a session
# from a course and from a demand, slots and every refusal (dates, times,
# the summer-time change, unknown trainer, closure day, conflicts named
# with a link), moving, cancelling, status, maximum below registrations,
# duplication, the trainer's own view, the public list, the fiche, the
# iCalendar feeds read back by libical, and "répondre avec une session".
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use POSIX qw(strftime);
use Time::Local qw(timegm);
use Stack;
use Browser;

# Messages are matched as read: apostrophes come escaped in the HTML.
{
	no warnings 'redefine';
	my $request = \&Browser::request;
	*Browser::request = sub { my $res = $request->(@_); $res->{text} =~ s/&#39;/'/g; $res };
}

my $stack = Stack->start(name => 'sessions', demo => 1);
my $ROOT = $Stack::ROOT;

# A Tuesday 5 to 8 weeks ahead that is no fixed public holiday.
sub day_plus { strftime('%Y-%m-%d', gmtime(timegm(0, 0, 12, (gmtime)[3, 4, 5]) + 86400 * $_[0])) }
my $tuesday;
for my $k (35 .. 70) {
	my $d = day_plus($k);
	my ($y, $m, $dd) = split /-/, $d;
	my $dow = (gmtime(timegm(0, 0, 12, $dd, $m - 1, $y)))[6];
	next unless $dow == 2 && !grep { "$m-$dd" eq $_ } qw(01-01 05-01 05-08 07-14 08-15 11-01 11-11 12-25);
	$tuesday = $d;
	last;
}
my ($ty, $tm, $td) = split /-/, $tuesday;
my $wednesday = strftime('%Y-%m-%d', gmtime(timegm(0, 0, 12, $td, $tm - 1, $ty) + 86400));

# Places, rooms and trainers of the test (the demo may have others).
$stack->psql("INSERT INTO place (name, city, capacity) VALUES ('Lieu du test', 'Rennes', 20), ('Petit lieu', 'Guéret', 8)");
$stack->psql("INSERT INTO room (place_id, name, capacity) SELECT id, 'Salle A', 20 FROM place WHERE name = 'Lieu du test'");
$stack->psql("INSERT INTO room (place_id, name, capacity) SELECT id, 'Salle B', 20 FROM place WHERE name = 'Lieu du test'");
$stack->psql("INSERT INTO trainer (name, kind, feed_token) VALUES ('Alice Testeuse', 'interne', repeat('a1', 20)),"
	. " ('Bruno Second', 'externe', repeat('b2', 20))");
my %id = (
	place => $stack->psql("SELECT id FROM place WHERE name = 'Lieu du test'"),
	small => $stack->psql("SELECT id FROM place WHERE name = 'Petit lieu'"),
	roomA => $stack->psql("SELECT r.id FROM room r JOIN place p ON p.id = r.place_id WHERE p.name = 'Lieu du test' AND r.name = 'Salle A'"),
	roomB => $stack->psql("SELECT r.id FROM room r JOIN place p ON p.id = r.place_id WHERE p.name = 'Lieu du test' AND r.name = 'Salle B'"),
	alice => $stack->psql("SELECT id FROM trainer WHERE name = 'Alice Testeuse'"),
	bruno => $stack->psql("SELECT id FROM trainer WHERE name = 'Bruno Second'"),
	course => $stack->psql("SELECT id FROM course WHERE slug = 'cooperation-territoriale'"),
);
my $inter_course = $stack->psql("SELECT id FROM course WHERE status = 'published' AND slug <> 'cooperation-territoriale' ORDER BY id LIMIT 1");
my $inter_slug = $stack->psql("SELECT slug FROM course WHERE id = $inter_course");

my ($admin_email, $admin_pw) = $stack->demo_admin;
my $admin = Browser->new($stack->base);
is($admin->login($admin_email, $admin_pw)->{status}, 303, 'admin logs in');
$stack->user_add('assist@egoc.example', 'assistant', 'Agathe Assistante', 'mot-de-passe-assistante');
my $assist = Browser->new($stack->base);
$assist->login('assist@egoc.example', 'mot-de-passe-assistante');
$stack->user_add('alice@egoc.example', 'formateur', 'Alice Testeuse', 'mot-de-passe-formatrice');
$stack->psql("UPDATE trainer SET account_id = (SELECT id FROM staff_user WHERE email = 'alice\@egoc.example') WHERE id = $id{alice}");
my $alice = Browser->new($stack->base);
$alice->login('alice@egoc.example', 'mot-de-passe-formatrice');

sub sessions_count { $stack->psql('SELECT count(*) FROM session') }
sub slots_count { $stack->psql('SELECT count(*) FROM slot') }

# --- creating a session
my $r = $assist->get("/intranet/sessions/nouvelle?formation=$inter_course");
is($r->{status}, 200, 'the new-session form');
like($r->{text}, qr{<option value="$inter_course" selected}, 'prefilled with the course');
my $token = $assist->token_from($r);
my %session = (_csrf => $token, formation => $inter_course, type => 'inter', organisme => '', lieu => $id{place},
	min => 4, max => 12, cloture => '', notes => 'Session de test', statut => 'envisagee', demande => '');
my $before = sessions_count();
for my $bad ([ { max => 3 }, qr/au moins égal au minimum/, 'max below min' ],
		[ { max => 25 }, qr/accueille 20 personnes au plus/, 'max above the place capacity' ],
		[ { type => 'intra' }, qr/INTRA est donnée pour un organisme/, 'INTRA without organisation' ],
		[ { min => 'douze' }, qr/minimum de participants entre 1 et 1000/, 'a word as minimum' ],
		[ { cloture => '2027-02-30' }, qr/Cette date n'existe pas/, 'February 30th as closing date' ],
		[ { formation => '999999' }, qr/n'existe pas/, 'an unknown course' ],
		[ { notes => 'x' x 5001 }, qr/5 000 caractères au plus/, 'notes too long' ]) {
	my ($over, $re, $what) = @$bad;
	$r = $assist->post('/intranet/sessions', { %session, %$over });
	is($r->{status}, 422, "refused: $what");
	like($r->{text}, $re, "with its message: $what");
}
is(sessions_count(), $before, 'nothing saved by the refusals');
$r = $assist->post('/intranet/sessions', { %session, max => 3 });
like($r->{text}, qr{Session de test}, 'the typed values come back');

$r = $assist->post('/intranet/sessions', \%session);
is($r->{status}, 303, 'a session is created');
my ($sid) = $r->{headers}{location} =~ m{/intranet/sessions/(\d+)};
ok($sid, 'and leads to its page');
$r = $assist->get("/intranet/sessions/$sid");
is($r->{status}, 200, 'the session page');
like($r->{text}, qr{Envisagée}, 'shows its status');
like($r->{text}, qr{Aucun créneau}, 'no slot yet');

# --- slots
sub slot_form {
	my ($b, $path, %f) = @_;
	my $t = $b->token_from($b->get("/intranet/calendrier"));
	my @trainers = map { (formateur => $_) } @{ delete $f{trainers} || [] };
	my %all = (date => $tuesday, debut => '09:00', fin => '12:30', salle => $id{roomA}, programme => '', %f);
	return $b->post($path, [ _csrf => $t, %all, @trainers ]);
}
$r = slot_form($assist, "/intranet/sessions/$sid/creneaux", trainers => [ $id{alice} ]);
is($r->{status}, 303, 'a slot is added');
my ($slot1) = $r->{headers}{location} =~ /#creneau-(\d+)/;
is($stack->psql("SELECT part || ' ' || to_char(starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') FROM slot WHERE id = $slot1"),
	'matin 09:00', 'stored in Paris time, as a morning');
is($stack->psql("SELECT count(*) FROM slot_trainer WHERE slot_id = $slot1 AND trainer_id = $id{alice}"), 1, 'with its trainer');

my $slots_before = slots_count();
my ($march_y) = (gmtime)[5] + 1901;
my $last_sunday_march = do {
	my $t = timegm(0, 0, 12, 31, 2, $march_y);
	$t -= 86400 while (gmtime $t)[6] != 0;
	strftime('%Y-%m-%d', gmtime $t);
};
for my $bad ([ { date => "$ty-02-30" }, qr/n'existe pas/, 'February 30th' ],
		[ { date => 'demain' }, qr/AAAA-MM-JJ|n'est pas une date|date/, 'a date that is no date' ],
		[ { date => day_plus(5 * 366) }, qr/trop (lointaine|éloignée|tard)|comprise entre/, 'a date years ahead' ],
		[ { debut => '14:00', fin => '10:00' }, qr/L'heure de fin doit être après l'heure de début|après/, 'an end before the start' ],
		[ { debut => '25:00' }, qr/heure/i, 'a time that is no time' ],
		[ { date => $last_sunday_march, debut => '02:30', fin => '04:00' }, qr/n'existe pas le dimanche/, 'a time lost to summer time' ],
		[ { trainers => [ 987654 ] }, qr/formateurs choisis n'existe pas/, 'an unknown trainer id' ],
		[ { salle => 'B' }, qr/Salle inconnue/, 'a room that is no id' ]) {
	my ($over, $re, $what) = @$bad;
	$r = slot_form($assist, "/intranet/sessions/$sid/creneaux", trainers => [ $id{bruno} ], %$over);
	is($r->{status}, 422, "slot refused: $what");
	like($r->{text}, $re, "with a French message: $what");
}
is(slots_count(), $slots_before, 'no slot saved by the refusals');

# --- conflicts, named with a link to the slot in the way
$session{statut} = 'confirmee';
$r = $assist->post('/intranet/sessions', { %session, _csrf => $assist->token_from($assist->get('/intranet/sessions/nouvelle')) });
my ($sid2) = $r->{headers}{location} =~ m{/intranet/sessions/(\d+)};
$r = slot_form($assist, "/intranet/sessions/$sid2/creneaux", debut => '11:00', fin => '17:00',
	salle => $id{roomB}, trainers => [ $id{alice} ]);
is($r->{status}, 422, 'the same trainer at an overlapping time is refused');
like($r->{text}, qr{Alice Testeuse \(formateur\)}, 'the conflict names the trainer');
like($r->{text}, qr{href="/intranet/sessions/$sid#creneau-$slot1"}, 'and links to the slot in the way');
$r = slot_form($assist, "/intranet/sessions/$sid2/creneaux", debut => '12:00', fin => '17:00',
	salle => $id{roomA}, trainers => [ $id{bruno} ]);
is($r->{status}, 422, 'the same room at an overlapping time is refused');
like($r->{text}, qr{La salle Salle A}, 'the conflict names the room');
$r = slot_form($assist, "/intranet/sessions/$sid2/creneaux", debut => '12:30', fin => '17:00',
	salle => $id{roomA}, trainers => [ $id{alice} ]);
is($r->{status}, 303, 'back to back is no conflict');
my ($slot2) = $r->{headers}{location} =~ /#creneau-(\d+)/;

# The database is the last word, even without the page's check.
my $err = $stack->psql("INSERT INTO slot (session_id, day, starts_at, ends_at, part, room_id) SELECT $sid2, day, starts_at, ends_at, part, room_id FROM slot WHERE id = $slot1");
like($err, qr/exclusion constraint/, 'PostgreSQL refuses a double-booked room by itself');

# --- moving a slot
$r = slot_form($assist, "/intranet/creneaux/$slot2", action => 'deplacer', creneau => $slot2, debut => '10:00', fin => '17:00',
	salle => $id{roomA}, trainers => [ $id{alice} ]);
is($r->{status}, 422, 'moving a slot onto another is refused');
like($r->{text}, qr{creneau-$slot1}, 'with the conflict shown');
is($stack->psql("SELECT to_char(starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') FROM slot WHERE id = $slot2"), '12:30', 'and the slot stays');
my $v0 = $stack->psql("SELECT version FROM slot WHERE id = $slot2");
$r = slot_form($assist, "/intranet/creneaux/$slot2", action => 'deplacer', creneau => $slot2, date => $wednesday,
	debut => '13:30', fin => '17:00', salle => $id{roomB}, trainers => [ $id{alice}, $id{bruno} ]);
is($r->{status}, 303, 'a slot moves to a free time');
is($stack->psql("SELECT day || ' ' || to_char(starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') || ' ' || part FROM slot WHERE id = $slot2"),
	"$wednesday 13:30 apres_midi", 'to its new day and time');
is($stack->psql("SELECT count(*) FROM slot_trainer WHERE slot_id = $slot2"), 2, 'with both trainers');
ok($stack->psql("SELECT version FROM slot WHERE id = $slot2") > $v0, 'its version is raised (iCalendar SEQUENCE)');

# --- closure days: a warning an admin may override
my $closure = day_plus(36);
$closure = day_plus(37) if (gmtime(timegm(0, 0, 12, (split /-/, $closure)[2], (split /-/, $closure)[1] - 1, (split /-/, $closure)[0])))[6] =~ /^[06]$/;
$stack->psql("INSERT INTO closure_day (day, label) VALUES ('$closure', 'Pont') ON CONFLICT DO NOTHING");
$r = slot_form($assist, "/intranet/sessions/$sid/creneaux", date => $closure, debut => '09:00', fin => '10:00', salle => '');
is($r->{status}, 422, 'a slot on a closure day is refused to an assistant');
like($r->{text}, qr/seul un administrateur/, 'who is told why');
$r = slot_form($admin, "/intranet/sessions/$sid/creneaux", date => $closure, debut => '09:00', fin => '10:00', salle => '');
is($r->{status}, 422, 'an admin is warned first');
like($r->{text}, qr/name="forcer"/, 'with a box to confirm');
$r = slot_form($admin, "/intranet/sessions/$sid/creneaux", date => $closure, debut => '09:00', fin => '10:00', salle => '', forcer => 1);
is($r->{status}, 303, 'and may confirm');

# --- cancelling a slot
my ($slot3) = $r->{headers}{location} =~ /#creneau-(\d+)/;
$r = $assist->post("/intranet/creneaux/$slot3", { _csrf => $token, action => 'annuler' });
is($r->{status}, 200, 'cancelling a slot asks first');
like($r->{text}, qr{<h1>Annuler ce créneau \?</h1>.*Le créneau du \w+ \d+\S* \w+ \d{4}, de \d+ h( \d\d)? à \d+ h}s, 'naming the slot in words');
is($stack->psql("SELECT cancelled FROM slot WHERE id = $slot3"), 'f', 'nothing changes until confirmed');
$r = $assist->post("/intranet/creneaux/$slot3", { _csrf => $token, action => 'annuler', confirme => 'oui' });
is($r->{status}, 303, 'a slot is cancelled');
is($stack->psql("SELECT cancelled FROM slot WHERE id = $slot3"), 't', 'marked cancelled, kept for the feeds');

# --- status and the maximum
$r = $assist->post("/intranet/sessions/$sid", { _csrf => $token, action => 'statut', statut => 'realisee' });
is($r->{status}, 422, 'an envisaged session cannot be marked as given');
$r = $assist->post("/intranet/sessions/$sid", { _csrf => $token, action => 'statut', statut => 'annulee', raison => '' });
is($r->{status}, 422, 'cancelling needs a reason');
like($r->{text}, qr/raison de l'annulation/, 'which is asked for');
$r = $assist->post("/intranet/sessions/$sid", { _csrf => $token, action => 'statut', statut => 'confirmee' });
is($r->{status}, 303, 'the session is confirmed');
$stack->psql("WITH p AS (INSERT INTO participant (last_name, first_name) SELECT 'Inscrit' || g, 'P'"
	. " FROM generate_series(1, 5) g RETURNING id) INSERT INTO registration (session_id, participant_id) SELECT $sid, id FROM p");
$r = $assist->post("/intranet/sessions/$sid", { _csrf => $token, action => 'modifier', formation => $inter_course,
	type => 'inter', organisme => '', lieu => $id{place}, min => 2, max => 4, cloture => '', notes => '', demande => '' });
is($r->{status}, 422, 'a maximum below the registrations is refused');
like($r->{text}, qr/compte déjà 5 inscrits/, 'with the count');
is($stack->psql("SELECT max_participants FROM session WHERE id = $sid"), 12, 'nothing saved');

# --- the public side
my $pub = Browser->new($stack->base);
$r = $pub->get('/sessions');
is($r->{status}, 200, '/sessions');
like($r->{text}, qr{href="/demande\?formation=$inter_slug&amp;session=\d+"}, 'a confirmed INTER session with a link to send a demand for it');
like($r->{text}, qr{7 place\(s\) restante\(s\)}, 'seats left: 12 minus 5 registered');
$r = $pub->get("/sessions?formation=$inter_slug");
like($r->{text}, qr{$inter_slug}, 'filtered by course');
$r = $pub->get('/sessions?mois=2001-01');
like($r->{text}, qr{Aucune session à venir}, 'a month without sessions');
is($pub->get('/sessions?mois=2027-13')->{status}, 400, 'a month that is no month');
$r = $pub->get("/formations/$inter_slug");
like($r->{text}, qr{Sessions à venir}, 'the fiche lists its next sessions');
like($r->{text}, qr{7 place\(s\) restante\(s\)}, 'with seats left');

# --- iCalendar, read back by libical
sub ical_dump {
	my ($text) = @_;
	my $file = $stack->var . '/feed.ics';
	open my $fh, '>:raw', $file or die $!;
	print $fh $text;
	close $fh;
	my @lines = `$ROOT/build/tools/ical_dump <$file`;
	return ($? >> 8, map { Encode::decode_utf8($_) } @lines);
}
$r = $pub->get('/sessions.ics');
is($r->{status}, 200, '/sessions.ics');
like($r->{headers}{'content-type'}, qr{^text/calendar; charset=utf-8}, 'as text/calendar');
unlike($r->{content}, qr/(?<!\r)\n/, 'every line ends with CRLF');
ok(!grep({ length($_) > 75 } split /\r\n/, $r->{content}), 'no line longer than 75 octets');
my ($rc, @ev) = ical_dump($r->{content});
is($rc, 0, 'libical parses the feed without an error');
my ($mine) = grep { /^creneau-$slot1\@/ } @ev;
ok($mine, 'the slot is in the feed with a stable UID');
my @p = split /\|/, $mine // '';
my $start_utc = $stack->psql("SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYYMMDD') || 'T' || to_char(starts_at AT TIME ZONE 'UTC', 'HH24MISS') || 'Z' FROM slot WHERE id = $slot1");
is($p[1], $start_utc, 'DTSTART in UTC');
like($p[3], qr/^\d{8}T\d{6}Z$/, 'a DTSTAMP');
is($p[5], 'CONFIRMED', 'STATUS CONFIRMED');
my $seq1 = $p[4];
like($p[8], qr{/formations/$inter_slug$}, 'URL of the fiche');
my ($cancelled) = grep { /^creneau-$slot3\@/ } @ev;
like($cancelled // '', qr/\|CANCELLED\|/, 'a cancelled slot stays, as CANCELLED');
$r = $assist->post("/intranet/sessions/$sid", { _csrf => $token, action => 'statut', statut => 'annulee', raison => 'Trop peu de participants' });
is($r->{status}, 200, 'cancelling a session asks first');
like($r->{text}, qr{<h1>Annuler cette session \?</h1>.*motif : Trop peu de participants.*5 participants confirmés reçoivent un courriel}s, 'saying who is told');
is($stack->psql("SELECT status FROM session WHERE id = $sid"), 'confirmee', 'nothing changes until confirmed');
$r = $assist->post("/intranet/sessions/$sid", [ $assist->form_fields($r, "/intranet/sessions/$sid") ]);
is($r->{status}, 303, 'the session is cancelled');
is($stack->psql("SELECT cancelled FROM slot WHERE id = $slot1"), 't', 'cancelling a session cancels its slots');
select undef, undef, undef, 2.1;   # past nginx's one-second page cache (whole seconds)
my $again = $pub->get('/sessions.ics');

($rc, @ev) = ical_dump($again->{content});
($mine) = grep { /^creneau-$slot1\@/ } @ev;
@p = split /\|/, $mine // '';
is($p[5], 'CANCELLED', 'its slots become CANCELLED in the feed');
ok($p[4] > $seq1, 'with a higher SEQUENCE');
is($stack->psql("SELECT count(*) FROM slot_trainer WHERE trainer_id = $id{alice} AND NOT cancelled AND slot_id = $slot1"), 0,
	'the trainer is free again');
$r = $pub->get("/formations/$inter_slug/sessions.ics");
is($r->{status}, 200, 'the feed of one course');
($rc, @ev) = ical_dump($r->{content});
is($rc, 0, 'parses too');
is($pub->get('/formations/pas-de-telle-formation/sessions.ics')->{status}, 404, 'unknown course: 404');

# --- duplicating to new dates
$r = $assist->post("/intranet/sessions/$sid2/dupliquer", { _csrf => $token, date => day_plus(-3) });
is($r->{status}, 422, 'a copy into the past is refused');
my $week_later = strftime('%Y-%m-%d', gmtime(timegm(0, 0, 12, $td, $tm - 1, $ty) + 7 * 86400));
$r = $assist->post("/intranet/sessions/$sid2/dupliquer", { _csrf => $token, date => $week_later });
is($r->{status}, 303, 'a session is copied a week later');
my ($copy) = $r->{headers}{location} =~ m{/intranet/sessions/(\d+)};
is($stack->psql("SELECT string_agg(day || ' ' || to_char(starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI'), ',' ORDER BY day) FROM slot WHERE session_id = $copy"),
	"$week_later 13:30", 'its first slot on the chosen day, same local time');
is($stack->psql("SELECT status FROM session WHERE id = $copy"), 'envisagee', 'the copy is envisaged');
$r = $assist->post("/intranet/sessions/$sid2/dupliquer", { _csrf => $token, date => $week_later });
is($r->{status}, 422, 'copying again onto the same dates conflicts');
like($r->{text}, qr{Ce qui est déjà pris}, 'and shows what is taken');

# --- the calendar
$r = $assist->get("/intranet/calendrier?date=$wednesday");
is($r->{status}, 200, 'the month view');
like($r->{text}, qr{creneau-$slot2}, 'shows the slot');
$r = $assist->get("/intranet/calendrier?vue=semaine&date=$wednesday");
like($r->{text}, qr{creneau-$slot2}, 'the week view too');
$r = $assist->get("/intranet/calendrier?vue=liste&date=$tuesday");
like($r->{text}, qr{creneau-$slot2}, 'and the list');
$r = $assist->get("/intranet/calendrier?date=$wednesday&formateur=$id{bruno}");
like($r->{text}, qr{creneau-$slot2}, 'filtered by a trainer of the slot');
$r = $assist->get("/intranet/calendrier?date=$wednesday&salle=$id{roomA}");
unlike($r->{text}, qr{creneau-$slot2}, 'not by another room');
is($assist->get('/intranet/calendrier?date=2027-02-30')->{status}, 400, 'a date that does not exist: 400');

# --- a trainer sees their own slots only
$r = $alice->get("/intranet/calendrier?date=$wednesday");
is($r->{status}, 200, 'a trainer sees the calendar');
like($r->{text}, qr{creneau-$slot2}, 'with their slot');
$r = $alice->get("/intranet/calendrier?date=$wednesday&formateur=$id{bruno}");
unlike($r->{text}, qr{name="formateur"}, 'without the filters of the desk');
{
	# with nothing this month, the calendar opens on the month of the next slot
	my $first = $stack->psql("SELECT to_char(min(s.day), 'YYYY-MM') || ' ' || to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY-MM')"
		. " FROM slot s JOIN slot_trainer st ON st.slot_id = s.id WHERE st.trainer_id = $id{alice}"
		. " AND s.day >= (now() AT TIME ZONE 'Europe/Paris')::date");
	my ($next_month, $this_month) = split ' ', $first;
	$r = $alice->get('/intranet/calendrier?vue=mois');
	if ($next_month ne $this_month) {
		like($r->{text}, qr{Aucun créneau pour vous ce mois-ci : voici le mois de votre prochain créneau}, "a trainer's empty month opens on their next slot's ($next_month)");
		like($r->{text}, qr{creneau-\d+}, 'with the slot');
	} else {
		unlike($r->{text}, qr{Aucun créneau pour vous ce mois-ci}, 'a trainer with a slot this month stays on it');
		like($r->{text}, qr{creneau-\d+}, 'with the slot');
	}
}
$r = $assist->get("/intranet/calendrier?vue=liste&date=$tuesday&far");
like($r->{text}, qr{<h2 id="periode">Du \w+ \d+\S* \w+ \d{4} au \w+ \d+\S* \w+ \d{4}</h2>}, 'the list says how far it goes');
like($r->{text}, qr{Voir plus loin : les trois mois suivants}, 'and lets one see further');
is($alice->get("/intranet/sessions/$sid2")->{status}, 200, 'a trainer opens a session they give');
my $other = $stack->psql("INSERT INTO session (course_id, kind, max_participants) VALUES ($inter_course, 'inter', 10) RETURNING id");
$r = $alice->get("/intranet/sessions/$other");
is($r->{status}, 404, 'but not one they do not give: 404');
my $missing = $alice->get('/intranet/sessions/99999999');
is($missing->{status}, 404, 'as for a session that does not exist');
is($r->{text}, $missing->{text}, 'with the same page: nothing tells which sessions exist');
is($alice->post("/intranet/sessions/$sid2/creneaux", { _csrf => $token })->{status}, 403, 'and cannot add slots');
my $alice_token = $alice->token_from($alice->get("/intranet/sessions/$sid2"));
for my $action ('', '/creneaux', '/dupliquer') {
	is($alice->post("/intranet/sessions/$other$action", { _csrf => $alice_token })->{status}, 403,
		"POST /intranet/sessions/{another's}$action: 403");
	is($alice->post("/intranet/sessions/99999999$action", { _csrf => $alice_token })->{status}, 403,
		"POST /intranet/sessions/{missing}$action: the same 403");
}
my $feed_token = $stack->psql("SELECT feed_token FROM trainer WHERE id = $id{alice}");
$r = $pub->get("/intranet/agenda/$feed_token.ics");
is($r->{status}, 200, "the trainer's private feed, without a login");
like($r->{headers}{'cache-control'} // '', qr/no-store/, 'never cached');
($rc, @ev) = ical_dump($r->{content});
is($rc, 0, 'parses');
ok((grep { /^creneau-$slot2\@/ } @ev), 'holds their slot');
is($pub->get('/intranet/agenda/' . ('0' x 40) . '.ics')->{status}, 404, 'a wrong token: 404');

# --- the race: two staff book the same trainer at the same moment
for my $round (1 .. 3) {
	my $day = strftime('%Y-%m-%d', gmtime(timegm(0, 0, 12, $td, $tm - 1, $ty) + (14 + $round) * 86400));
	my @b = ($assist, $admin);
	my @pids;
	for my $i (0, 1) {
		my $t = $b[$i]->token_from($b[$i]->get("/intranet/sessions/$sid2"));
		my $pid = fork // die;
		if (!$pid) {
			my $res = $b[$i]->post("/intranet/sessions/$sid2/creneaux", [ _csrf => $t, date => $day, debut => '09:00',
				fin => '12:00', salle => '', formateur => $id{bruno} ]);
			my $code = $res->{status} == 303 ? 0 : $res->{status} == 422 && $res->{text} =~ /déjà pris/ ? 1 : 2;
			print STDERR "# race $round: status $res->{status}: " . substr($res->{text} // '', 0, 400) . "\n" if $code == 2;
			POSIX::_exit($code);
		}
		push @pids, $pid;
	}
	my @codes = map { waitpid($_, 0); $? >> 8 } @pids;
	is(join(',', sort @codes), '0,1', "race $round: exactly one booking wins, the other sees the conflict");
	is($stack->psql("SELECT count(*) FROM slot s JOIN slot_trainer st ON st.slot_id = s.id WHERE st.trainer_id = $id{bruno} AND s.day = '$day'"),
		1, "race $round: one slot in the database");
}

# --- answering a demand with a session
my $requester = Browser->new($stack->base);
my %form = $requester->form_fields($requester->get('/demande'), '/demande');
$r = $requester->post('/demande', { %form, nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf23.caf.fr',
	telephone => '', organisme => 'Caf de la Creuse', fonction => '', formation => 'cooperation-territoriale', intitule => '',
	type => 'intra', participants => '9', periode => 'printemps', lieu => 'Guéret', accessibilite => '', message => '',
	consentement => 'oui' });
is($r->{status}, 303, 'a demand arrives');
my $did = $stack->psql("SELECT id FROM demand ORDER BY id DESC LIMIT 1");
$r = $assist->get("/intranet/sessions/nouvelle?demande=$did");
is($r->{status}, 200, 'a session form from the demand');
like($r->{text}, qr{value="Caf de la Creuse"}, 'prefilled with the organisation');
like($r->{text}, qr{<option value="$id{course}" selected}, 'and the course');
my %nf = $assist->form_fields($r, '/intranet/sessions');
is($nf{demande}, $did, 'and the demand');
is($nf{max}, 9, 'and the participants as maximum');
$r = $assist->post('/intranet/sessions', { %nf, lieu => $id{small} });
is($r->{status}, 422, 'a place too small for the participants is refused');
like($r->{text}, qr/accueille 8 personnes au plus/, 'with its capacity');
$r = $assist->post('/intranet/sessions', { %nf, lieu => $id{place} });
is($r->{status}, 303, 'the INTRA session is created');
my ($intra) = $r->{headers}{location} =~ m{/intranet/sessions/(\d+)};
$r = slot_form($assist, "/intranet/sessions/$intra/creneaux", salle => '',
	date => strftime('%Y-%m-%d', gmtime(timegm(0, 0, 12, $td, $tm - 1, $ty) + 21 * 86400)), debut => '09:30', fin => '17:00',
	programme => $stack->psql("SELECT d.id FROM course_day d JOIN course_module m ON m.id = d.module_id WHERE m.course_id = $id{course} ORDER BY m.position, d.position LIMIT 1"));
is($r->{status}, 303, 'with a day of the programme');
is($stack->psql("SELECT part FROM slot WHERE session_id = $intra"), 'journee', 'a whole day');
like($stack->psql("SELECT module_label || ' / ' || day_label FROM slot WHERE session_id = $intra"), qr{Module 3.* / Journée 1}, 'tied to its module and day');
$r = $assist->get("/intranet/demandes/$did");
like($r->{text}, qr{Répondre avec une session}, 'the demand page offers to answer with a session');
$r = $assist->post("/intranet/demandes/$did", { _csrf => $token, action => 'session', session => $intra, commentaire => 'À bientôt.' });
is($r->{status}, 303, 'the demand is answered with the session');
is($stack->psql("SELECT status || ' ' || outcome || ' ' || session_id FROM demand WHERE id = $did"), "repondue acceptee $intra",
	'answered, accepted, linked');
my $mail = $stack->psql("SELECT body FROM mail_outbox WHERE demand_id = $did AND kind = 'reponse'");
like($mail, qr{Journée 1}, 'the mail gives the dates with the programme day');
like($mail, qr{9 h 30 – 17 h}, 'and the times');
like($stack->psql("SELECT comment FROM demand_event WHERE demand_id = $did ORDER BY id DESC LIMIT 1"), qr{Nous vous proposons la session},
	'the answer is a public event');

# --- permissions and forms
my $anon = Browser->new($stack->base);
is($anon->get('/intranet/calendrier')->{status}, 303, 'the calendar needs a login');
is($assist->post("/intranet/sessions/$sid2/creneaux", { date => $tuesday })->{status}, 403, 'a form without its token: 403');
is($assist->get('/intranet/sessions/99999999')->{status}, 404, 'an unknown session: 404');
is($assist->get('/intranet/sessions/abc')->{status}, 404, 'a session id that is no number: 404');

# --- a trainer's feed ends with their account or their trainer record
my $alice_feed = "/intranet/agenda/$feed_token.ics";
is($anon->get($alice_feed)->{status}, 200, 'the private feed answers');
my $alice_account = $stack->psql("SELECT id FROM staff_user WHERE email = 'alice\@egoc.example'");
$r = $admin->submit('/intranet/utilisateurs', "/intranet/utilisateurs/$alice_account", [ action => 'desactiver', confirme => 'oui' ]);
is($r->{status}, 303, "the admin disables the trainer's account");
is($anon->get($alice_feed)->{status}, 404, 'its feed is 404, as a wrong token');
$r = $admin->submit('/intranet/utilisateurs', "/intranet/utilisateurs/$alice_account", [ action => 'activer' ]);
is($anon->get($alice_feed)->{status}, 200, 'enabled again: the feed answers again');
$stack->psql("UPDATE trainer SET active = false WHERE id = $id{alice}");
is($anon->get($alice_feed)->{status}, 404, 'a disabled trainer record: 404 too');

done_testing;
