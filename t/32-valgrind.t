#!/usr/bin/env perl
# A worker serves 1,000 requests under valgrind and leaks nothing: every
# allocation of a request has an owner that frees it.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Stack;
use Browser;

plan skip_all => 'valgrind is not installed' unless -x '/usr/bin/valgrind';

my ($logs, $stack);
{
	my $dir = "$Stack::ROOT/var";
	mkdir $dir;
	$logs = "$dir/valgrind-$$";
	mkdir $logs;
	$ENV{FORMATIONS_WRAPPER} = "valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect "
		. "--errors-for-leak-kinds=definite,indirect --track-fds=no --log-file=$logs/vg.%p";
	$stack = Stack->start(name => 'valgrind', demo => 1, conf => "workers = 1\n");
}

my %status;
my @paths = ('/', '/formations/cooperation-territoriale', '/nulle-part', '/formations/inconnue',
	'/sessions', '/sessions.ics', '/formations/cooperation-territoriale/sessions.ics', '/sessions?mois=2027-13',
	'/?q=%zz', '/formations/%FF');
for my $i (1 .. 1000) {
	my $path = $paths[$i % @paths];
	$path .= ($path =~ /\?/ ? '&' : '?') . "n=$i";    # past nginx's page cache
	my $r = $stack->get($path);
	$status{$r->{status}}++;
}
$status{ $stack->post_form('/', 'x=' . ('a' x 2000000))->{status} }++;
# The participant's page, and staff pages of registrations and attendance
# (the session page with its lists and grid, a half-day's page).
my $token = $stack->psql("SELECT token FROM registration WHERE status = 'confirmee' ORDER BY id LIMIT 1");
my ($sid, $slot) = split /\|/, $stack->psql("SELECT s.session_id || '|' || s.id FROM slot s JOIN registration r"
	. " ON r.session_id = s.session_id AND r.status = 'confirmee' WHERE s.part <> 'apres_midi' AND NOT s.cancelled"
	. " ORDER BY s.id LIMIT 1");
my %more;
$more{ $stack->get("/participant/$token?n=$_")->{status} }++ for 1 .. 40;
my $admin = Browser->new($stack->base);
my ($email, $password) = $stack->demo_admin;
$admin->login($email, $password);
for my $i (1 .. 20) {
	$more{ $admin->get("/intranet/sessions/$sid?n=$i")->{status} }++;
	$more{ $admin->get("/intranet/presence/$slot-matin?n=$i")->{status} }++;
}
is($more{200}, 80, "the participant's page, the session page and a half-day's page answered 200");
is($status{200}, 500, 'the pages answered 200');
is($status{404}, 200, 'the unknown ones 404');
is($status{400}, 300, 'the malformed ones 400');
is($status{413}, 1, 'the oversized body 413');
$stack->stop;

opendir my $dh, $logs or die;
my @files = grep { /^vg\./ } readdir $dh;
closedir $dh;
ok(@files >= 2, 'valgrind watched the master and the worker') or diag("files: @files");
my $report = '';
for my $f (@files) {
	open my $fh, '<', "$logs/$f" or die;
	local $/;
	$report .= <$fh>;
}
unlike($report, qr/definitely lost|indirectly lost/, 'no leak') or diag($report);
unlike($report, qr/Invalid (read|write)|uninitialised|Mismatched free/, 'no memory error') or diag($report);
system('rm', '-rf', $logs);
done_testing();
