#!/usr/bin/env perl
# Chromium through the attendance of a half-day: the trainer's page at a
# phone's width shows the code, a participant on their phone (another
# browser) types it and signs, another one signs with JavaScript off, the
# trainer marks the others and certifies; axe-core on every new page at
# 1280 and 375 px (t/browser/attendance.js prints the TAP).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Encode qw(encode_utf8);
use JSON::PP;
use Stack;

my $stack = Stack->start(name => 'browser-attendance', demo => 1);
my ($email, $password) = $stack->demo_admin;
my $q = sub { $stack->q(@_) };

# A confirmed session in a room, with a morning slot around now (clipped to
# today in Paris, so the half-day is open whatever the hour), its trainer
# with an account, five confirmed participants.
my $course = $q->("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $place = $q->("INSERT INTO place (name, address, city, capacity, access) VALUES ('Maison du test émargement',"
	. " '5 rue des Lices', 'Vannes', 30, 'Bus ligne 2, arrêt Lices') RETURNING id");
my $room = $q->("INSERT INTO room (place_id, name, capacity) VALUES ($place, 'Salle Émargement', 30) RETURNING id");
my $trainer = $q->("INSERT INTO trainer (name, kind, feed_token) VALUES ('Gwen Formatrice', 'interne',"
	. " repeat('d5', 20)) RETURNING id");
my $session = $q->("INSERT INTO session (course_id, kind, place_id, min_participants, max_participants, status)"
	. " VALUES ($course, 'inter', $place, 1, 10, 'confirmee') RETURNING id");
my $slot = $q->("WITH l AS (SELECT now() AT TIME ZONE 'Europe/Paris' AS t)"
	. " INSERT INTO slot (session_id, day, starts_at, ends_at, part, room_id, module_label, day_label)"
	. " SELECT $session, t::date, greatest(t::date + time '00:00', t - interval '2 hours') AT TIME ZONE 'Europe/Paris',"
	. " least(t::date + time '23:59', t + interval '2 hours') AT TIME ZONE 'Europe/Paris', 'matin', $room,"
	. " 'Module 1', 'Journée 1' FROM l RETURNING id");
$q->("INSERT INTO slot_trainer (slot_id, trainer_id) VALUES ($slot, $trainer)");
my ($trainer_email, $trainer_password) = ('gwen@egoc.example', 'mot-de-passe-formatrice');
$stack->user_add($trainer_email, 'formateur', 'Gwen Formatrice', $trainer_password) or die "no trainer account\n";
$q->("UPDATE trainer SET account_id = (SELECT id FROM staff_user WHERE email = '$trainer_email') WHERE id = $trainer");
my @people;
my $i = 0;
for my $p (['Le Goff', 'Nolwenn'], ['Tanguy', 'Erwan'], ['Riou', 'Maëlle'], ['Jaouen', 'Gwenaël'], ['Kerhervé', 'Yannick']) {
	$i++;
	my $pid = $q->("INSERT INTO participant (last_name, first_name, email, organisation) VALUES"
		. " ('$p->[0]', '$p->[1]', 'p$i\@caf56.example.org', 'Caf du Morbihan') RETURNING id");
	my $reg = $q->("INSERT INTO registration (session_id, participant_id) VALUES ($session, $pid) RETURNING id");
	push @people, { id => $reg + 0, name => "$p->[0] $p->[1]",
		token => $q->("SELECT token FROM registration WHERE id = $reg") };
}

my %facts = (
	session => $session,
	half_day => "$slot-matin",
	people => \@people,
	trainer => [ $trainer_email, $trainer_password ],
	admin => [ $email, $password ],
);
my $rc = system('node', "$FindBin::Bin/browser/attendance.js", $stack->base,
	JSON::PP->new->utf8->canonical->encode(\%facts));
$stack->stop;
exit($rc == 0 ? 0 : 1);
