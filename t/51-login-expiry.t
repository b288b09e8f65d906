#!/usr/bin/env perl
# A login ends after login_idle seconds without a request, and after
# login_max seconds whatever the activity (short settings for the test).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Time::HiRes qw(sleep);
use Stack;
use Browser;

my $stack = Stack->start(name => 'expiry', demo => 1, conf => "login_idle = 3\nlogin_max = 6\n");
my ($admin, $pw) = $stack->demo_admin;

my $idle = Browser->new($stack->base);
is($idle->login($admin, $pw)->{status}, 303, 'logged in');
is($idle->get('/intranet')->{status}, 200, 'the intranet opens');
sleep 4;
my $r = $idle->get('/intranet');
is($r->{status}, 303, 'after 4 s idle (login_idle = 3), the login has ended');
like($r->{headers}{location}, qr{^/intranet/connexion}, 'back to the login page');

# Activity keeps a login alive up to login_max, not beyond. last_seen_at is
# refreshed at most once a minute, so the database is told directly here.
my $busy = Browser->new($stack->base);
is($busy->login($admin, $pw)->{status}, 303, 'logged in again');
my $ok = 0;
for (1 .. 4) {
	sleep 1;
	$stack->psql('UPDATE login SET last_seen_at = now()');
	$ok += $busy->get('/intranet')->{status} == 200;
}
is($ok, 4, 'a login in use stays open past login_idle');
sleep 2.5;
$stack->psql('UPDATE login SET last_seen_at = now()');
is($busy->get('/intranet')->{status}, 303, 'but ends after login_max (6 s), however busy');

$stack->stop;
done_testing();
