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
{
	# a year of sessions stays readable: one line per slot in the grids, the
	# course in a few words (in full on the session page), the place, a
	# colour by course or by status with its legend
	my $title = $stack->psql("SELECT title FROM course WHERE id = $inter_course");
	$r = $assist->get("/intranet/calendrier?date=$wednesday");
	my ($slot) = $r->{text} =~ m{(<li class="slot [^>]*><a href="[^"]*#creneau-$slot2".*?</li>)}s;
	ok($slot, "the month shows the slot as one item") or diag $r->{text};
	$slot //= '';
	like($slot, qr{^<li class="slot status-confirmee colour-[1-8]"}, 'coloured by course by default, its status a class');
	my ($short) = $slot =~ m{<span class="short">([^<]*)</span>};
	$short //= '';
	ok(length($short) > 0 && length($short) <= 26, "the course in a few words, at most 26 characters") or diag(Encode::encode_utf8($short));
	ok($short =~ /…$/ && index($title, $short =~ s/…$//r) == 0 && substr($title, length($short) - 1, 1) eq ' ',
		'the beginning of its title, cut on a word');
	like($slot, qr{<span class="full">\Q$title\E</span>}, 'and the full title for the narrow list');
	like($slot, qr{<span class="where">}, 'the place');
	like($slot, qr{title="13 h 30 · \Q$title\E · [^"]+ · Confirmée"}, 'its tooltip: time, full title, place and status');
	unlike($slot, qr{class="meta"}, 'no organisation nor trainers in the grid');
	like($r->{text}, qr{Colorier par :.*?aria-current="true">formation</a>}s, 'the choice of colours, by course current');
	like($r->{text}, qr{<ul aria-label="Légende : formation"><li class="slot status-confirmee colour-[1-8]">}, 'a legend of the courses');
	$r = $assist->get("/intranet/calendrier?date=$wednesday&couleur=statut");
	like($r->{text}, qr{<li class="slot status-confirmee"><a href="[^"]*#creneau-$slot2"}, 'coloured by status: no course colour');
	like($r->{text}, qr{aria-current="true">statut</a>}, 'by status current');
	like($r->{text}, qr{Légende : statut de la session.*Envisagée \(tirets\).*Confirmée.*Réalisée \(pointillés\)}s,
		'a legend of the statuses, with their patterns');
	like($r->{text}, qr{href="[^"]*&amp;couleur=statut" rel="next"}, 'keeps the colours');
	like($r->{text}, qr{name="couleur" value="statut"}, 'and so do the filters');
	$r = $assist->get("/intranet/calendrier?vue=liste&date=$tuesday");
	like($r->{text}, qr{#creneau-$slot2"[^>]*><span class="time">[^<]*</span> <span class="course">\Q$title\E</span>}, 'the list view names the course in full');
}

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

# --- planning the real fiche's INTRA session in one form
# Its programme: module 3 (two days), module 4 (two days), module 5 (a
# seminar of one day). The plan is months ahead, clear of the slots above.
sub next_weekday { # the first Tuesday from day_plus($k) that is no fixed holiday
	my ($k) = @_;
	for (;; $k++) {
		my $d = day_plus($k);
		my ($y, $m, $dd) = split /-/, $d;
		next unless (gmtime(timegm(0, 0, 12, $dd, $m - 1, $y)))[6] == 2;
		next if grep { "$m-$dd" eq $_ } qw(01-01 05-01 05-08 07-14 08-15 11-01 11-11 12-25);
		return ($d, $k);
	}
}
my ($p1, $k1) = next_weekday(150);
my ($p3, $k3) = next_weekday($k1 + 28);
my ($p5, $k5) = next_weekday($k3 + 28);
sub wday { my ($y, $m, $d) = split /-/, $_[0]; (gmtime(timegm(0, 0, 12, $d, $m - 1, $y)))[6] }

$r = $assist->get("/intranet/sessions/nouvelle?formation=$id{course}");
is($r->{status}, 200, 'the plan form from the real fiche');
my @progs = $r->{text} =~ /name="ligne_\d+" value="(\d+);;journee"/g;
is(scalar @progs, 5, 'one row per day of its programme: five');
like($r->{text}, qr{Ligne 1 · Module 3 · Journée 1}, 'the first: module 3, day 1');
like($r->{text}, qr{Ligne 5 · Module 5 · Séminaire d'une journée}, 'the last: the seminar of module 5');
like($r->{text}, qr{name="partie_1">\s*<option value="journee" selected}, 'each a journée');
like($r->{text}, qr{name="debut_1" value="09:00"}, 'from 9 h');
like($r->{text}, qr{name="fin_1" value="17:00"}, 'to 17 h');
like($r->{text}, qr{name="pause_1" value="12:30"}, 'with lunch from 12 h 30');
like($r->{text}, qr{name="reprise_1" value="13:30"}, 'to 13 h 30');
like($r->{text}, qr{<script src="/static/plan\.js" defer></script>}, 'a little script, served from /static');
my $half = $assist->get("/intranet/sessions/nouvelle?formation=$id{course}&rythme=demi");
is(scalar(() = $half->{text} =~ /name="jour_\d+"/g), 10, 'in half-days: ten rows');
like($half->{text}, qr{name="partie_2">.*?<option value="apres_midi" selected}s, 'a morning then an afternoon');

sub plan_form {
	my (%over) = @_;
	my @rows;
	for my $i (1 .. @progs) {
		push @rows, "jour_$i" => '', "partie_$i" => 'journee', "ligne_$i" => "$progs[$i - 1];;journee",
			"debut_$i" => '09:00', "fin_$i" => '17:00', "pause_$i" => '12:30', "reprise_$i" => '13:30';
	}
	my %f = (_csrf => $token, formation => $id{course}, type => 'intra', organisme => 'Caf de la Creuse',
		lieu => $id{place}, min => 4, max => 12, cloture => '', notes => '', statut => 'envisagee', demande => '',
		premier_jour => $p1, salle => $id{roomA}, rythme => 'journees', lignes => scalar @progs,
		@rows, jour_3 => $p3, jour_5 => $p5, action => 'verifier', %over);
	my @trainers = map { (formateur => $_) } @{ delete $f{trainers} || [ $id{alice} ] };
	return [ %f, @trainers ];
}
$before = sessions_count();
my $slots0 = slots_count();
$r = $assist->post('/intranet/sessions', plan_form());
is($r->{status}, 200, '"Vérifier" shows the plan');
like($r->{text}, qr{<h1>Vérifier le plan de la session</h1>}, 'as a page to check');
like($r->{text}, qr{Le plan proposé : 5 journées, du }, 'five days, from … to …');
like($r->{text}, qr{name="action" value="creer">Créer la session</button>}, 'with one button to create it');
is(scalar(() = $r->{text} =~ /tag-confirmee">Libre/g), 5, 'every row free');
is(sessions_count(), $before, 'nothing saved by checking');
my %days = $r->{text} =~ /name="jour_(\d)" value="([\d-]+)"/g;
is($days{1}, $p1, 'the first day as typed');
is($days{3}, $p3, "module 4's first day as typed");
is($days{5}, $p5, "module 5's day as typed");
ok($days{2} gt $days{1} && $days{2} le day_plus($k1 + 6) && wday($days{2}) !~ /^[06]$/, "day 2 of module 3: the next working day ($days{2})");
ok($days{4} gt $days{3} && $days{4} le day_plus($k3 + 6) && wday($days{4}) !~ /^[06]$/, "day 2 of module 4: the next working day ($days{4})");
my %proposed = $r->{text} =~ /name="ligne_(\d)" value="\d+;([\d-]*);journee"/g;
is($proposed{2}, $days{2}, 'a derived date is marked as proposed (it follows the previous row when that one moves)');

# a half-day typed without JavaScript: the times follow the part
$r = $assist->post('/intranet/sessions', plan_form(partie_1 => 'matin', partie_2 => 'apres_midi', jour_2 => ''));
like($r->{text}, qr{9 h – 12 h 30 <span class="part">\(Matin\)}, 'a journée turned into a morning gets the morning times');
like($r->{text}, qr{name="jour_2" value="$p1"}, 'and the afternoon after it the same day');

# conflicts, holidays and the plan's own overlaps, named next to their row, before saving
$r = $assist->post('/intranet/sessions', plan_form(premier_jour => $wednesday, salle => $id{roomB}));
is($r->{status}, 422, 'a plan on a taken room and trainer: 422');
like($r->{text}, qr{La salle Salle B est déjà prise}, 'the room in the way is named');
like($r->{text}, qr{Alice Testeuse \(formateur\) est déjà pris}, 'and the trainer');
like($r->{text}, qr{href="/intranet/sessions/$sid2#creneau-$slot2"}, 'with a link to the slot in the way');
like($r->{text}, qr{<a href="#jour-1">Ligne 1 \(Module 3}, 'the error summary links to the row');
unlike($r->{text}, qr{value="creer"}, 'and no button to create');
$r = $assist->post('/intranet/sessions', plan_form(premier_jour => $wednesday, salle => $id{roomB}, action => 'creer'));
is($r->{status}, 422, '"Créer" checks again and refuses');
is(sessions_count(), $before, 'nothing saved');
my ($holiday) = grep { my $d = $_; wday($d) =~ /^[1-5]$/ && grep { substr($d, 5) eq $_ } qw(01-01 05-01 05-08 07-14 08-15 11-01 11-11 12-25) }
	map { day_plus($_) } 30 .. 400;
$r = $assist->post('/intranet/sessions', plan_form(jour_2 => $holiday));
is($r->{status}, 422, "a row on a public holiday ($holiday): 422");
like($r->{text}, qr{C'est un jour férié \(}, 'named as such');
$stack->psql("INSERT INTO closure_day (day, label) VALUES ('$p3', 'Séminaire interne') ON CONFLICT DO NOTHING");
$r = $assist->post('/intranet/sessions', plan_form());
like($r->{text}, qr{C'est un jour de fermeture de l'EGOC}, 'a row on a closure day is named');
$stack->psql("DELETE FROM closure_day WHERE day = '$p3'");
$r = $assist->post('/intranet/sessions', plan_form(jour_2 => $p1));
like($r->{text}, qr{Chevauche la ligne 1 du plan}, 'two rows at once: the second names the first');

# bad input: French messages, everything typed kept, nothing saved
for my $bad ([ { jour_2 => "$ty-02-30" }, qr/n'existe pas/, 'February 30th' ],
		[ { debut_2 => '25:00' }, qr/heure/i, 'a time that is no time' ],
		[ { fin_2 => '08:00' }, qr/après/, 'an end before the start' ],
		[ { pause_2 => '08:00' }, qr/La pause de midi doit tomber entre/, 'a lunch break before the start' ],
		[ { ligne_2 => '999999;;journee' }, qr/plus au programme/, 'a programme day the course does not have' ],
		[ { premier_jour => '', jour_1 => '' }, qr/Indiquez la date de ce créneau/, 'no first day' ],
		[ { premier_jour => '2027-13-01' }, qr/Ce premier jour n'existe pas/, 'a first day that is no date' ],
		[ { salle => 'A' }, qr/Salle inconnue/, 'a room that is no id' ],
		[ { trainers => [ 987654 ] }, qr/formateurs choisis n'existe pas/, 'an unknown trainer' ],
		[ { type => 'intra', organisme => '' }, qr/INTRA est donnée pour un organisme/, 'INTRA without organisation' ]) {
	my ($over, $re, $what) = @$bad;
	for my $action (qw(verifier creer)) {
		$r = $assist->post('/intranet/sessions', plan_form(%$over, action => $action));
		is($r->{status}, 422, "$action refused: $what");
	}
	like($r->{text}, $re, "with its message: $what");
}
like($r->{text}, qr{name="jour_3" value="$p3"}, 'the typed dates come back');
is($assist->post('/intranet/sessions', plan_form(lignes => 'beaucoup'))->{status}, 400, 'a row count that is no number: 400');
is($assist->post('/intranet/sessions', plan_form(lignes => 25))->{status}, 400, 'more rows than a plan may have: 400');
{ # the largest plan, with ten trainers, stays within the form's fields_max
	my @more = map { ("jour_$_" => '', "partie_$_" => 'matin', "ligne_$_" => ';;matin', "debut_$_" => '09:00',
		"fin_$_" => '12:30', "pause_$_" => '12:30', "reprise_$_" => '13:30') } 6 .. 24;
	my $big = plan_form(lignes => 24, trainers => [ ($id{alice}) x 9, $id{bruno} ]);
	$r = $assist->post('/intranet/sessions', [ @$big, @more ]);
	is($r->{status}, 200, 'a plan of 24 rows and ten trainers is read (within fields_max)');
	like($r->{text}, qr{Le plan proposé : 5 journées et 19 demi-journées}, 'and checked, every row');
}
is($assist->post('/intranet/sessions', plan_form(action => 'detruire'))->{status}, 400, 'an unknown action: 400');
is(sessions_count(), $before, 'no session saved by the refusals');
is(slots_count(), $slots0, 'no slot either');

# adding and removing rows without JavaScript
$r = $assist->post('/intranet/sessions', plan_form(action => 'ligne'));
is(scalar(() = $r->{text} =~ /name="jour_\d+"/g), 6, '"Ajouter une ligne" adds a sixth row');
like($r->{text}, qr{name="debut_6" value="09:00"}, "with the previous row's times");
like($r->{text}, qr{name="jour_6" value="[\d-]+"}, 'and a date proposed');
$r = $assist->post('/intranet/sessions', plan_form(retirer_4 => 1));
like($r->{text}, qr{Le plan proposé : 4 journées}, 'a removed row is left out');

# one transaction: a slot the database refuses takes the session with it
$stack->psql("ALTER TABLE slot ADD CONSTRAINT plan_test_refuses CHECK (day <> '$p5') NOT VALID");
$r = $assist->post('/intranet/sessions', plan_form(action => 'creer'));
is($r->{status}, 422, 'the fifth slot refused by PostgreSQL: 422');
like($r->{text}, qr{La session n'est pas créée}, 'the session is not created');
is(sessions_count(), $before, 'no session half-saved');
is(slots_count(), $slots0, 'no slot of it either');
$stack->psql("ALTER TABLE slot DROP CONSTRAINT plan_test_refuses");

$r = $assist->post('/intranet/sessions', plan_form(action => 'creer'));
is($r->{status}, 303, '"Créer la session" saves the plan');
my ($planned) = $r->{headers}{location} =~ m{/intranet/sessions/(\d+)\?fait=creee$};
ok($planned, 'and leads to the session page');
is(sessions_count(), $before + 1, 'one session');
is($stack->psql("SELECT count(*) FROM slot WHERE session_id = $planned"), 5, 'with its five slots');
is($stack->psql("SELECT string_agg(day::text, ' ' ORDER BY starts_at) FROM slot WHERE session_id = $planned"),
	join(' ', map { $days{$_} } 1 .. 5), 'on the checked days');
is($stack->psql("SELECT string_agg(DISTINCT part || ' ' || to_char(starts_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') || '-'"
	. " || to_char(ends_at AT TIME ZONE 'Europe/Paris', 'HH24:MI') || ' ' || lunch_start || '-' || lunch_end, ',') FROM slot WHERE session_id = $planned"),
	'journee 09:00-17:00 12:30:00-13:30:00', 'each a journée from 9 h to 17 h, lunch 12 h 30 to 13 h 30');
like($stack->psql("SELECT string_agg(module_label || ' / ' || day_label, '|' ORDER BY starts_at) FROM slot WHERE session_id = $planned"),
	qr{^Module 3 :[^|]* / Journée 1\|Module 3 :[^|]* / Journée 2\|Module 4 :[^|]* / Journée 1\|Module 4 :[^|]* / Journée 2\|Module 5 :[^|]* / Séminaire d'une journée$},
	'each tied to its module and day, in order');
is($stack->psql("SELECT count(*) FROM slot s JOIN slot_trainer st ON st.slot_id = s.id WHERE s.session_id = $planned AND st.trainer_id = $id{alice} AND s.room_id = $id{roomA}"),
	5, 'each in the room with the trainer');
$r = $assist->get("/intranet/sessions/$planned?fait=creee");
like($r->{text}, qr{Session créée avec 5 journées, du [^<]+\.}, 'the banner names what was created');

# adding a slot by hand: the previous slot's room, trainers and times, the next working day
my ($ny, $nm, $nd) = split /-/, $p5;
my $after = strftime('%Y-%m-%d', gmtime(timegm(0, 0, 12, $nd, $nm - 1, $ny) + 86400));
$after = strftime('%Y-%m-%d', gmtime(timegm(0, 0, 12, $nd, $nm - 1, $ny) + 2 * 86400))
	if grep { substr($after, 5) eq $_ } qw(01-01 05-01 05-08 07-14 08-15 11-01 11-11 12-25);
my ($add) = $r->{text} =~ m{<h2 id="ajouter">.*?</form>}s ? ($&) : ('');
like($add, qr{name="date" required value="$after"}, "the new slot's date: the next working day ($after)");
like($add, qr{name="debut" required value="09:00"}, "the previous slot's start");
like($add, qr{name="fin" required value="17:00"}, 'and end');
like($add, qr{<option value="$id{roomA}" selected}, 'its room');
like($add, qr{value="$id{alice}" checked}, 'its trainer');
like($add, qr{Proposé après le dernier créneau}, 'saying where it comes from');
$r = $assist->get("/intranet/sessions/$sid2");
($add) = $r->{text} =~ m{<h2 id="ajouter">.*?</form>}s ? ($&) : ('');
my $last_trainer = $stack->psql("SELECT min(st.trainer_id) FROM slot s JOIN slot_trainer st ON st.slot_id = s.id WHERE s.session_id = $sid2"
	. " AND NOT s.cancelled AND s.starts_at = (SELECT max(starts_at) FROM slot WHERE session_id = $sid2 AND NOT cancelled)");
like($add, qr{value="$last_trainer" checked}, 'on another session too: the trainers of its last slot');

# from the demand: the same plan, for its organisation
$r = $assist->get("/intranet/sessions/nouvelle?demande=$did");
is(scalar(() = $r->{text} =~ /name="jour_\d+"/g), 5, 'a session from the demand proposes the same five rows');
like($r->{text}, qr{période souhaitée : printemps}, 'and recalls the period asked for');

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
