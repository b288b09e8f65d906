package Sink;
# The SMTP sink of the tests (t/lib/smtp_sink.py) as an object: started on
# a free port into a folder, read back message by message, stopped when
# the test ends.
use strict;
use warnings;
use JSON::PP ();
use Time::HiRes qw(sleep);
use Stack;

# Sink->start(dir => FOLDER, port => PORT, args => ['--refuse', 'x@'])
sub start {
	my ($class, %o) = @_;
	my $self = bless { dir => $o{dir}, port => $o{port} || Stack::free_port(), owner => $$ }, $class;
	mkdir $self->{dir};
	my $pidfile = "$self->{dir}/.sink.pid";
	unlink $pidfile;
	my $pid = fork // die "fork: $!";
	if (!$pid) {
		open STDOUT, '>>', "$self->{dir}/.sink.log" or die $!;
		open STDERR, '>&', \*STDOUT or die $!;
		exec "$Stack::ROOT/t/lib/smtp_sink.py", '--port', $self->{port}, '--dir', $self->{dir},
			'--pidfile', $pidfile, @{ $o{args} || [] } or die "exec: $!";
	}
	$self->{pid} = $pid;
	for (1 .. 200) {
		return $self if -s $pidfile;
		sleep 0.05;
	}
	$self->stop;
	die "the SMTP sink did not start\n";
}

sub port { $_[0]{port} }

# The names of the messages received, in order (NNNN.eml).
sub files {
	my ($self) = @_;
	opendir my $d, $self->{dir} or return ();
	return sort grep { /^\d{4}\.eml$/ } readdir $d;
}

# One message: unfolded headers (lowercase names), raw body, envelope.
sub read {
	my ($self, $name) = @_;
	return read_message($self->{dir}, $name);
}

# The same for a message in any sink folder (t/70-mail.t runs its own).
sub read_message {
	my ($dir, $name) = @_;
	open my $fh, '<:raw', "$dir/$name" or die $!;
	my $raw = do { local $/; <$fh> };
	my ($head, $body) = split /\r\n\r\n/, $raw, 2;
	my %h = headers($head);
	(my $json_name = $name) =~ s/\.eml$/.json/;
	open my $jh, '<', "$dir/$json_name" or die $!;
	my $envelope = JSON::PP::decode_json(do { local $/; <$jh> });
	return { raw => $raw, head => $head, body => $body, h => \%h, envelope => $envelope };
}

# Header lines unfolded, as (lowercase name => value).
sub headers {
	my ($head) = @_;
	my %h;
	(my $unfolded = $head) =~ s/\r\n(?=[ \t])//g;
	for my $line (split /\r\n/, $unfolded) {
		my ($k, $v) = $line =~ /^([A-Za-z-]+): (.*)$/ or next;
		$h{lc $k} = $v;
	}
	return %h;
}

# The parts of a multipart body (RFC 2046): each as { h => headers (see
# headers), body }, or undef when the delimiters are not where they must
# be.
sub parts {
	my ($body, $boundary) = @_;
	my $d = "--$boundary";
	return undef unless $body =~ s/\A\Q$d\E\r\n//;
	return undef unless $body =~ s/\r\n\Q$d\E--\r\n\z//;
	my @parts;
	for my $raw (split /\r\n\Q$d\E\r\n/, $body, -1) {
		my ($head, $content) = split /\r\n\r\n/, $raw, 2;
		push @parts, { h => { headers($head) }, body => $content // '' };
	}
	return \@parts;
}

sub stop {
	my ($self) = @_;
	return unless $self->{pid} && $self->{owner} == $$;
	kill 'TERM', $self->{pid};
	waitpid $self->{pid}, 0;
	delete $self->{pid};
}

sub DESTROY { $_[0]->stop }

1;
