#!/usr/bin/env perl
# Chromium plans the real fiche's INTRA session for a demand, the old way
# (the session, then ten half-days one form at a time) and the new one
# (one plan, checked, created), once more with JavaScript off and a
# conflict to correct, then adds a slot by hand; axe-core at 1280 and
# 375 px on each page; the steps of each journey are printed
# (t/browser/session_plan.js prints the TAP).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use POSIX qw(strftime);
use Time::Local qw(timegm);
use Stack;

my $stack = Stack->start(name => 'browser-plan', demo => 1);
my ($email, $password) = $stack->demo_admin;

# A room and a trainer of the test only, so that no demo slot is in the way.
$stack->psql("INSERT INTO place (name, city, capacity) VALUES ('Maison du plan', 'Guéret', 20)");
$stack->psql("INSERT INTO room (place_id, name, capacity) SELECT id, 'Salle du plan', 20 FROM place WHERE name = 'Maison du plan'");
$stack->psql("INSERT INTO trainer (name, kind, feed_token) VALUES ('Paule Planificatrice', 'interne', repeat('e5', 20))");

# Tuesdays w weeks ahead whose Tuesday and Wednesday are working days
# (Easter's holidays fall on Mondays and Thursdays).
my %closed = map { $_ => 1 } split /\n/, $stack->psql('SELECT day FROM closure_day');
sub day { strftime('%Y-%m-%d', gmtime(timegm(0, 0, 12, (gmtime)[3, 4, 5]) + 86400 * $_[0])) }
sub working { my $d = $_[0]; !$closed{$d} && !grep { substr($d, 5) eq $_ } qw(01-01 05-01 05-08 07-14 08-15 11-01 11-11 12-25) }
sub tuesday {
	my ($weeks) = @_;
	for (my $k = 7 * $weeks;; $k++) {
		next unless (gmtime(timegm(0, 0, 12, (gmtime)[3, 4, 5]) + 86400 * $k))[6] == 2;
		return day($k) if working(day($k)) && working(day($k + 1));
	}
}
my @days = map { tuesday($_) } 6, 10, 14, 7, 11, 15, 8, 12, 16;

my $rc = system('node', "$FindBin::Bin/browser/session_plan.js", $stack->base, $email, $password, @days);
$stack->stop;
exit($rc == 0 ? 0 : 1);
