#!/usr/bin/env perl
# The documents a user or a maintainer reads stay true to the tree: no
# pointer outside the checkout (../shared exists only beside one machine's
# checkout), ARCHITECTURE.md names every folder of src/ and no other, the
# README documents every setting src/base/settings.c accepts (and no
# other), every public route of src/web/routes.c and every field of the
# demand form, and the fixture the docs point to is the one the Word
# cleaning test quotes.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use File::Find;
use Stack;

my $ROOT = $Stack::ROOT;

sub slurp {
	my ($path) = @_;
	open my $fh, '<:encoding(UTF-8)', "$ROOT/$path" or return undef;
	local $/;
	return <$fh>;
}

my $readme = slurp('README.md');
my $arch = slurp('ARCHITECTURE.md');
ok(defined $readme, 'README.md exists');
ok(defined $arch, 'ARCHITECTURE.md exists');
$readme //= '';
$arch //= '';

# --- nothing outside the checkout --------------------------------------------
ok($readme !~ m{\.\./shared}, 'README.md names nothing under ../shared');
ok($arch !~ m{\.\./shared}, 'ARCHITECTURE.md names nothing under ../shared');
my @outside;
find({ no_chdir => 1, wanted => sub {
	return if $File::Find::name eq $ROOT;
	my $rel = substr($File::Find::name, length($ROOT) + 1);
	if (-d $_) {
		$File::Find::prune = 1 if $rel =~ m{^(?:\.git|build|var|cgi-bin)$|node_modules$};
		return;
	}
	return if $rel eq 't/34-docs.t' || -B $_;
	open my $fh, '<', $_ or return;
	while (my $line = <$fh>) {
		# ../shared itself, and the documents that lived there only.
		push @outside, "$rel:$." if $line =~ m{\.\./shared/|\b(?:product|architecture|ui)\.md\b};
	}
} }, $ROOT);
is_deeply(\@outside, [], 'no file of the project points into ../shared or its documents') or diag(join "\n", @outside);

# --- ARCHITECTURE.md and the folders of src/ ---------------------------------
opendir my $dh, "$ROOT/src" or die $!;
my @folders = sort grep { !/^\./ && -d "$ROOT/src/$_" } readdir $dh;
closedir $dh;
ok(@folders >= 8, 'src/ has its folders');
for my $f (@folders) {
	ok($arch =~ m{^\|\s*`src/\Q$f\E/`\s*\|}m, "ARCHITECTURE.md's layout has a row for src/$f/");
}
my %named;
$named{$1} = 1 while $arch =~ m{\bsrc/([A-Za-z0-9_.-]+)/}g;
for my $f (sort keys %named) {
	ok(-d "$ROOT/src/$f", "src/$f/, named in ARCHITECTURE.md, exists");
}

# --- the README's settings tables and src/base/settings.c --------------------
my $settings_c = slurp('src/base/settings.c') // '';
my ($defs) = $settings_c =~ /setting_defs\[\]\s*=\s*\{(.*?)\n\};/s;
my @keys = ($defs // "") =~ /\b[A-Z]+\("([a-z_]+)"/g;
ok(@keys >= 20, 'settings.c declares its keys (' . scalar(@keys) . ')');
my %documented;
my $in_table = 0;
for my $line (split /\n/, $readme) {
	if ($line =~ /^\|\s*setting\s*\|/) { $in_table = 1; next; }
	if ($line !~ /^\|/) { $in_table = 0; next; }
	next unless $in_table;
	my ($first) = $line =~ /^\|([^|]*)\|/;
	$documented{$1} = 1 while $first =~ /`([a-z_]+)`/g;
}
for my $k (@keys) {
	ok($documented{$k}, "the README's settings tables document $k");
}
my %accepted = map { $_ => 1 } @keys;
for my $k (sort keys %documented) {
	ok($accepted{$k}, "$k, in the README's settings tables, is a setting settings.c accepts");
}

# --- the public routes and the demand form, the integration contract ---------
my $routes_c = slurp('src/web/routes.c') // '';
my @public = $routes_c =~ /\{\s*"(GET|POST)",\s*"(\/[^"]*)"/g;
ok(@public >= 20, 'routes.c lists its routes');
while (my ($method, $pattern) = splice(@public, 0, 2)) {
	next if $pattern =~ m{^/intranet};
	ok($readme =~ m{`\Q$method $pattern\E[`?]}, "the README lists the public route $method $pattern");
}
my $form_h = slurp('src/rules/demand_form.h') // '';
my ($fields) = $form_h =~ /#define DEMAND_FORM_FIELDS\(X\)(.*?)\n\n/s;
my @names = ($fields // '') =~ /X\(([a-z_]+),/g;
ok(@names >= 10, 'demand_form.h declares the form fields');
my ($contract) = $readme =~ /^### Public routes and the demand form.*?\n(.*?)^### /ms;
for my $n (@names) {
	ok(($contract // '') =~ m{`\Q$n\E`}, "the README's contract names the demand form field $n");
}

# --- the fixture the docs point to --------------------------------------------
my $fixture = slurp('t/fixtures/fiche-cooperation-territoriale.txt');
ok(defined $fixture, 'the real fiche is in t/fixtures/');
my $unit = slurp('t/unit/test_word_clean.c') // '';
my ($block) = $unit =~ /fixture_block\[\]\s*=\s*(.*?);\n/s;
my $text = '';
while (($block // '') =~ /"((?:[^"\\]|\\.)*)"/g) {
	my $piece = $1;
	$piece =~ s/\\(.)/$1 eq 'n' ? "\n" : $1 eq 't' ? "\t" : $1/ge;
	$text .= $piece;
}
my @lines = split /\n/, ($fixture // ''), -1;
my $quoted = join("\n", @lines[130 .. 174]) . "\n";
ok(length $text > 500 && $text eq $quoted,
	'test_word_clean.c quotes lines 131 to 175 of the fixture, verbatim');

done_testing();
