#!/usr/bin/env perl
# The admin tool next to `make run`: after make run, the README's
# `./cgi-bin/formations user add ...`, typed in the checkout without -c,
# acts on the stack make run started (var/dev/formations.conf).
#
# The stack is started as conf/run.sh starts it (conf/stack.sh start
# VAR PORT demo), but in a folder of its own laid out like a checkout
# (cgi-bin, conf, sql, templates linked to this one, var/dev real), so that
# it never meets the developer's own var/dev.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Path qw(remove_tree);
use IPC::Open3 qw(open3);
use Symbol qw(gensym);
use Stack;
use Browser;

my $ROOT = $Stack::ROOT;
my $dir = "$ROOT/var/test-admin-tool-$$";
my $var = "$dir/var/dev";
my $started = 0;

sub cleanup {
	return unless -d $dir;
	system("$ROOT/conf/stack.sh", 'stop', $var) if $started;
	my $pg = "$var/pg";
	if (-l $pg) { remove_tree(dirname(readlink $pg)); }
	remove_tree($dir) unless $ENV{KEEP_STACK};
}
END { my $rc = $?; cleanup(); $? = $rc; }

remove_tree($dir);
mkdir "$ROOT/var";
mkdir $dir or die "mkdir $dir: $!";
mkdir "$dir/var" or die $!;
for my $d (qw(cgi-bin conf sql templates)) {
	symlink("$ROOT/$d", "$dir/$d") or die "symlink $d: $!";
}
my $port = Stack::free_port();
$started = 1;
is(system("$ROOT/conf/stack.sh", 'start', $var, $port, 'demo'), 0,
	'the stack starts the way make run starts it');
ok(-f "$var/formations.conf", 'it wrote var/dev/formations.conf');

# Runs the program from the folder, as a user types it, without
# $FORMATIONS_CONF unless given; returns exit status, stdout and stderr.
sub run_tool {
	my ($stdin, %o) = @_;
	local $ENV{FORMATIONS_CONF} = $o{env};
	delete $ENV{FORMATIONS_CONF} unless defined $o{env};
	chdir($o{in} // $dir) or die "chdir: $!";
	my $pid = open3(my $in, my $out, my $err = gensym, @{ $o{cmd} });
	chdir $ROOT or die $!;
	print $in $stdin if defined $stdin;
	close $in;
	local $/;
	my $out_text = <$out> // '';
	my $err_text = <$err> // '';
	waitpid($pid, 0);
	return ($? >> 8, $out_text, $err_text);
}

sub psql {
	my ($sql) = @_;
	my $out = `$ROOT/conf/stack.sh psql $var -qAt -c "$sql" 2>&1`;
	chomp $out;
	return $out;
}

# The README's command, word for word, without -c.
my ($rc, $out, $err) = run_tool("un mot de passe assez long\n",
	cmd => ['./cgi-bin/formations', 'user', 'add', 'claire.martin@egoc.example',
		'--role', 'conseiller', '--name', 'Claire Martin']);
is($rc, 0, 'user add without -c succeeds after make run') or diag($err);
my @notices = $err =~ /var\/dev\/formations\.conf/g;
is(scalar @notices, 1, 'it says once, on standard error, which settings it took');
is(psql("SELECT role || ' ' || display_name FROM staff_user WHERE email = 'claire.martin\@egoc.example'"),
	'conseiller Claire Martin', 'the account is in the database of the make run stack');

# The account logs in through the stack's nginx.
my $browser = Browser->new("http://127.0.0.1:$port");
is($browser->login('claire.martin@egoc.example', 'un mot de passe assez long')->{status}, 303,
	'the new account logs in on the stack make run started');

# The other documented account commands take the same settings.
($rc, $out, $err) = run_tool("un autre mot de passe long\n",
	cmd => ['./cgi-bin/formations', 'user', 'passwd', 'claire.martin@egoc.example']);
is($rc, 0, 'user passwd without -c succeeds') or diag($err);
($rc, $out, $err) = run_tool(undef,
	cmd => ['./cgi-bin/formations', 'user', 'disable', 'claire.martin@egoc.example']);
is($rc, 0, 'user disable without -c succeeds') or diag($err);
is(psql("SELECT active FROM staff_user WHERE email = 'claire.martin\@egoc.example'"), 'f',
	'the account is disabled in the same database');

# What the user names still wins: -c, then $FORMATIONS_CONF.
($rc, $out, $err) = run_tool(undef,
	cmd => ['./cgi-bin/formations', '-c', 'var/nowhere.conf', 'user', 'disable', 'x@egoc.example']);
is($rc, 2, '-c FILE is read even where var/dev/formations.conf exists');
like($err, qr{var/nowhere\.conf}, '... and named when it is missing');
unlike($err, qr{var/dev/formations\.conf}, '... without the make run notice');
($rc, $out, $err) = run_tool(undef, env => 'var/elsewhere.conf',
	cmd => ['./cgi-bin/formations', 'user', 'disable', 'x@egoc.example']);
is($rc, 2, '$FORMATIONS_CONF is read even where var/dev/formations.conf exists');
like($err, qr{var/elsewhere\.conf}, '... and named when it is missing');

# Outside such a checkout nothing changes: conf/formations.conf, relative
# to the current folder, as before (var/ has no var/dev/ and no conf/).
($rc, $out, $err) = run_tool(undef, in => "$dir/var",
	cmd => ["$ROOT/cgi-bin/formations", 'user', 'disable', 'x@egoc.example']);
is($rc, 2, 'elsewhere, the default settings file is conf/formations.conf');
like($err, qr{conf/formations\.conf}, '... named when missing');
unlike($err, qr{var/dev/formations\.conf}, '... without the make run notice');

done_testing();
