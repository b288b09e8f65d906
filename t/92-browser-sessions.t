#!/usr/bin/env perl
# Chromium plans a session through the real forms: a demand comes in, staff
# create a session from it, add slots (one refused for a conflict), find it
# in the calendar and answer the demand with it; the public sessions list
# and a fiche show the sessions (t/browser/sessions.js prints the TAP).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use POSIX qw(strftime);
use Time::Local qw(timegm);
use Stack;

my $stack = Stack->start(name => 'browser-sessions', demo => 1);
my ($email, $password) = $stack->demo_admin;

# A room and a trainer of the test only, so that no demo slot is in the way.
$stack->psql("INSERT INTO place (name, city, capacity) VALUES ('Lieu du test navigateur', 'Vannes', 20)");
$stack->psql("INSERT INTO room (place_id, name, capacity) SELECT id, 'Salle Navigateur', 20 FROM place WHERE name = 'Lieu du test navigateur'");
$stack->psql("INSERT INTO trainer (name, kind, feed_token) VALUES ('Alice Navigatrice', 'interne', repeat('c3', 20))");

# A Tuesday 5 to 8 weeks ahead, no fixed public holiday nor closure day
# (Easter's holidays fall on Mondays and Thursdays).
my %closed = map { $_ => 1 } split /\n/, $stack->psql('SELECT day FROM closure_day');
my $day;
for my $k (35 .. 70) {
	my $t = timegm(0, 0, 12, (gmtime)[3, 4, 5]) + 86400 * $k;
	my $d = strftime('%Y-%m-%d', gmtime $t);
	next unless (gmtime $t)[6] == 2 && !$closed{$d}
		&& !grep { substr($d, 5) eq $_ } qw(01-01 05-01 05-08 07-14 08-15 11-01 11-11 12-25);
	$day = $d;
	last;
}

my $rc = system('node', "$FindBin::Bin/browser/sessions.js", $stack->base, $email, $password, $day);
$stack->stop;
exit($rc == 0 ? 0 : 1);
