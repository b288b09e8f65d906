#!/usr/bin/env perl
# A worker serves 1,000 requests under valgrind and leaks nothing: every
# allocation of a request has an owner that frees it.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Stack;

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
