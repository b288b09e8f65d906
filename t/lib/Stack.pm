package Stack;
# Starts the real stack for one test file (PostgreSQL, the FastCGI server,
# nginx) in its own folder and port, and stops it when the test ends.
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Path qw(remove_tree);
use IO::Socket::INET;
use HTTP::Tiny;
use Encode ();

our $ROOT = abs_path(dirname(__FILE__) . '/../..');

sub free_port {
	my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0,
		Proto => 'tcp', Listen => 1, ReuseAddr => 1) or die "no free port: $!";
	my $port = $s->sockport;
	close $s;
	return $port;
}

# Stack->start(name => 'http', demo => 1, conf => "workers = 1\n")
sub start {
	my ($class, %o) = @_;
	my $name = $o{name} || 'test';
	my $var = "$ROOT/var/test-$name-$$";
	remove_tree($var);
	mkdir "$ROOT/var";
	mkdir $var or die "mkdir $var: $!";
	if ($o{conf}) {
		open my $fh, '>', "$var/formations.local.conf" or die $!;
		print $fh $o{conf};
		close $fh;
	}
	my $port = free_port();
	my $self = bless { var => $var, port => $port, owner => $$ }, $class;
	system("$ROOT/conf/stack.sh", 'start', $var, $port, $o{demo} ? 'demo' : '') == 0
		or do { $self->stop; die "stack did not start\n" };
	return $self;
}

sub var { $_[0]{var} }
sub port { $_[0]{port} }
sub base { 'http://127.0.0.1:' . $_[0]{port} }

sub http {
	my ($self, %o) = @_;
	return HTTP::Tiny->new(max_redirect => 0, timeout => 30, agent => 'formations-test/1', %o);
}

sub get {
	my ($self, $path, $headers) = @_;
	return $self->http->get($self->base . $path, { headers => $headers || {} });
}

sub post_form {
	my ($self, $path, $body, $headers) = @_;
	return $self->http->request('POST', $self->base . $path, {
		headers => { 'content-type' => 'application/x-www-form-urlencoded', %{ $headers || {} } },
		content => $body });
}

# One request written by hand, for what a polite client would not send.
sub raw {
	my ($self, $text) = @_;
	my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $self->{port},
		Proto => 'tcp', Timeout => 10) or die "connect: $!";
	print $s $text;
	local $/;
	my $answer = <$s>;
	close $s;
	my ($status) = ($answer // '') =~ m{^HTTP/1\.[01] (\d{3})};
	return ($status // 0, $answer // '');
}

# SQL run from a file (values with line breaks, quotes, any text): the
# decoded output, and with a list, psql's exit status too.
sub sql {
	my ($self, $text) = @_;
	my $file = "$self->{var}/query.sql";
	open my $fh, '>:encoding(UTF-8)', $file or die $!;
	print $fh $text;
	close $fh;
	my $out = `$ROOT/conf/stack.sh psql $self->{var} -qAt -v ON_ERROR_STOP=1 < $file 2>&1`;
	my $status = $? >> 8;
	chomp $out;
	$out = Encode::decode_utf8($out);
	return wantarray ? ($out, $status) : $out;
}

# One statement that must succeed (a test's own data): its output; dies
# with psql's message otherwise.
sub q {
	my ($self, $sql) = @_;
	my $out = $self->psql(Encode::encode_utf8($sql));
	die "$sql: $out\n" if $out =~ /ERROR/;
	return $out;
}

sub psql {
	my ($self, $sql) = @_;
	my $out = `$ROOT/conf/stack.sh psql $self->{var} -qAt -c "$sql" 2>&1`;
	chomp $out;
	return Encode::decode_utf8($out);
}

# A staff account made with the real command line.
sub user_add {
	my ($self, $email, $role, $name, $password) = @_;
	open my $cmd, '|-', "$ROOT/cgi-bin/formations", '-c', "$self->{var}/formations.conf",
		'user', 'add', $email, '--role', $role, '--name', $name or die $!;
	print $cmd "$password\n";
	return close $cmd;
}

sub demo_admin {
	my ($self) = @_;
	open my $fh, '<', "$self->{var}/demo-admin.txt" or return;
	my ($email, $password) = split ' ', scalar <$fh>;
	return ($email, $password);
}

sub stack_cmd {
	my ($self, @args) = @_;
	return system("$ROOT/conf/stack.sh", @args, $self->{var}) == 0;
}

sub worker_pids {
	my ($self) = @_;
	open my $fh, '<', "$self->{var}/run/formations.pid" or return ();
	chomp(my $master = <$fh>);
	my @kids = grep { /\d/ } split /\s+/, `pgrep -P $master`;
	return @kids;
}

sub log_text {
	my ($self) = @_;
	open my $fh, '<', "$self->{var}/log/formations.log" or return '';
	local $/;
	return <$fh>;
}

sub stop {
	my ($self) = @_;
	return unless $self->{var} && $self->{owner} == $$;
	system("$ROOT/conf/stack.sh", 'stop', $self->{var});
	my $pg = "$self->{var}/pg";
	if (-l $pg) { my $side = dirname(readlink $pg); remove_tree($side); }
	remove_tree($self->{var}) unless $ENV{KEEP_STACK};
	delete $self->{var};
}

sub DESTROY { $_[0]->stop }

1;
