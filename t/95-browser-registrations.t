#!/usr/bin/env perl
# Chromium through the registrations: the requester names participants on
# the tracking page, staff paste a list longer than the seats left (once
# with a wrong line), a participant cancels on their page and the first
# waiting person takes the seat; axe-core on every new page at 1280 and
# 375 px, and each form once with JavaScript off
# (t/browser/registrations.js prints the TAP).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Encode qw(encode_utf8);
use JSON::PP;
use Stack;
use Browser;

my $stack = Stack->start(name => 'browser-registrations', demo => 1);
my ($email, $password) = $stack->demo_admin;
my $q = sub { $stack->q(@_) };

# A confirmed INTER session of 6 seats, three mornings from three weeks
# ahead, in a room of the test with a trainer of the test.
my $course = $q->("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $place = $q->("INSERT INTO place (name, address, city, capacity, access) VALUES ('Maison du test navigateur',"
	. " '5 rue des Lices', 'Vannes', 30, 'Bus ligne 2, arrêt Lices') RETURNING id");
my $room = $q->("INSERT INTO room (place_id, name, capacity) VALUES ($place, 'Salle Inscriptions', 30) RETURNING id");
my $trainer = $q->("INSERT INTO trainer (name, kind, feed_token) VALUES ('Gaëlle Formatrice', 'interne',"
	. " repeat('d4', 20)) RETURNING id");
my $session = $q->("INSERT INTO session (course_id, kind, place_id, min_participants, max_participants, status)"
	. " VALUES ($course, 'inter', $place, 2, 6, 'confirmee') RETURNING id");
for my $k (0 .. 2) {
	my $slot = $q->("INSERT INTO slot (session_id, day, starts_at, ends_at, part, room_id, module_label, day_label)"
		. " SELECT $session, d, (d + time '09:00') AT TIME ZONE 'Europe/Paris', (d + time '12:30') AT TIME ZONE 'Europe/Paris',"
		. " 'matin', $room, 'Module 1', 'Journée " . ($k + 1) . "'"
		. " FROM (SELECT (date_trunc('week', current_date) + interval '" . (22 + 7 * $k) . " days')::date AS d) x RETURNING id");
	$q->("INSERT INTO slot_trainer (slot_id, trainer_id) VALUES ($slot, $trainer)");
}

# A demand for 3 participants through the real form, then answered with
# the session (the UI answers a demand with a session in t/92; here the
# browser only needs the outcome).
my $req = Browser->new($stack->base);
my %form = $req->form_fields($req->get('/demande'), '/demande');
my $r = $req->post('/demande', { %form, nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf56.example.org',
	telephone => '', organisme => 'Caf du Morbihan', fonction => '', formation => 'cooperation-territoriale',
	intitule => '', type => 'inter', participants => '3', periode => '', lieu => '', accessibilite => '',
	message => '', consentement => 'oui' });
die "the demand was not sent: $r->{status}\n" unless $r->{status} == 303;
my ($tracking) = $r->{headers}{location} =~ m{/demande/suivi/([A-Za-z0-9_-]+)(?:\?envoyee=1)?$} or die "no tracking page\n";
$q->("UPDATE demand SET session_id = $session WHERE tracking_token = '$tracking'");

my %facts = (
	session => $session,
	tracking => $tracking,
	# how the JS reads a participant's token: the stack's psql
	psql => [ "$Stack::ROOT/conf/stack.sh", 'psql', $stack->var, '-qAt', '-c' ],
);
my $rc = system('node', "$FindBin::Bin/browser/registrations.js", $stack->base, $email, $password,
	JSON::PP->new->utf8->canonical->encode(\%facts));
$stack->stop;
exit($rc == 0 ? 0 : 1);
