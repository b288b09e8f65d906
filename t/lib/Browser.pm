package Browser;
# A browser-like HTTP client for the tests: keeps its cookies, follows no
# redirect by itself (tests look at each 303), reads form tokens.
use strict;
use warnings;
use HTTP::Tiny;
use Encode qw(decode_utf8);
use Exporter qw(import);
our @EXPORT_OK = qw(uri_escape_utf8);
use Time::HiRes qw(time);

# Percent-encodes text as UTF-8 for a query string.
sub uri_escape_utf8 {
	my $s = Encode::encode_utf8(shift);
	$s =~ s/([^A-Za-z0-9\-_.~])/sprintf('%%%02X', ord $1)/ge;
	return $s;
}

sub new {
	my ($class, $base) = @_;
	return bless { base => $base, cookies => {}, raw_cookies => {},
		http => HTTP::Tiny->new(max_redirect => 0, timeout => 30, agent => 'Mozilla/5.0 test') }, $class;
}

sub cookie { $_[0]{cookies}{$_[1]} }
sub set_cookie { my ($self, $k, $v) = @_; $self->{cookies}{$k} = $v }
sub raw_cookie { $_[0]{raw_cookies}{$_[1]} }

sub _remember {
	my ($self, $res) = @_;
	my $set = $res->{headers}{'set-cookie'} or return;
	for my $c (ref $set ? @$set : ($set)) {
		my ($pair) = split /;/, $c;
		my ($k, $v) = split /=/, $pair, 2;
		$self->{raw_cookies}{$k} = $c;
		if ($c =~ /Max-Age=0\b/i) { delete $self->{cookies}{$k} } else { $self->{cookies}{$k} = $v }
	}
}

sub request {
	my ($self, $method, $path, $body, $headers) = @_;
	my %h = %{ $headers || {} };
	my $cookie = join '; ', map { "$_=$self->{cookies}{$_}" } sort keys %{ $self->{cookies} };
	$h{cookie} = $cookie if length $cookie;
	my %opt = (headers => \%h);
	if (defined $body) {
		$h{'content-type'} //= 'application/x-www-form-urlencoded';
		$opt{content} = ref $body ? $self->{http}->www_form_urlencode($body) : $body;
	}
	my $t0 = time;
	my $res = $self->{http}->request($method, $self->{base} . $path, \%opt);
	$res->{seconds} = time - $t0;
	$res->{text} = decode_utf8($res->{content} // '');
	$self->_remember($res);
	return $res;
}

sub get { my ($self, $path, $h) = @_; $self->request('GET', $path, undef, $h) }
sub post { my ($self, $path, $form, $h) = @_; $self->request('POST', $path, $form, $h) }

# The anti-forgery token of the last form page read.
sub token_from {
	my ($self, $res) = @_;
	my ($t) = ($res->{text} // '') =~ /name="_csrf" value="([^"]+)"/;
	return $t;
}

# GET the form page, then POST to it with its token.
sub submit {
	my ($self, $form_path, $post_path, $fields, $h) = @_;
	my $page = $self->get($form_path);
	my $token = $self->token_from($page) // '';
	return $self->post($post_path, [ _csrf => $token, @$fields ], $h);
}

sub _unescape {
	my ($t) = @_;
	$t =~ s/&lt;/</g; $t =~ s/&gt;/>/g; $t =~ s/&quot;/"/g; $t =~ s/&#39;/'/g;
	$t =~ s/&#(\d+);/chr($1)/ge; $t =~ s/&amp;/&/g;
	return $t;
}

# The fields of the form whose action is $action, as the browser would
# send them: inputs, textareas, selected options (no file inputs).
sub form_fields {
	my ($self, $res, $action) = @_;
	my ($form) = $res->{text} =~ m{<form[^>]*action="\Q$action\E"[^>]*>(.*?)</form>}s or return ();
	my @fields;
	while ($form =~ m{<(input|textarea|select)\b([^>]*)>(?:(.*?)</\1>)?}gs) {
		my ($tag, $attrs, $inner) = ($1, $2, $3);
		my ($name) = $attrs =~ /name="([^"]*)"/ or next;
		if ($tag eq 'input') {
			my ($v) = $attrs =~ /value="([^"]*)"/;
			push @fields, $name => _unescape($v // '');
		} elsif ($tag eq 'textarea') {
			push @fields, $name => _unescape($inner // '');
		} else {
			my ($v) = ($inner // '') =~ /<option value="([^"]*)"[^>]*selected/;
			($v) = ($inner // '') =~ /<option value="([^"]*)"/ unless defined $v;
			push @fields, $name => _unescape($v // '');
		}
	}
	return @fields;
}

# Reads the form at $page, changes some fields, posts it to $action.
sub edit_form {
	my ($self, $page, $action, %changes) = @_;
	my @f = $self->form_fields($self->get($page), $action);
	for (my $i = 0; $i < @f; $i += 2) {
		$f[$i + 1] = delete $changes{$f[$i]} if exists $changes{$f[$i]};
	}
	push @f, %changes;
	return $self->post($action, \@f);
}

sub login {
	my ($self, $email, $password, $retour) = @_;
	my $form = $retour ? "/intranet/connexion?retour=$retour" : '/intranet/connexion';
	my @fields = (email => $email, motdepasse => $password);
	push @fields, retour => $retour if defined $retour;
	return $self->submit($form, '/intranet/connexion', \@fields);
}

1;
