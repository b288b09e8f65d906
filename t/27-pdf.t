#!/usr/bin/env perl
# The PDFs of src/out/pdf.c, read back with poppler-utils as a reader
# would: build/tools/pdf_sample (built by `make unit`) writes a session's
# attendance sheets (3 days, 6 half-days of 40 participants, the first two
# certified), one half-day of 60 participants and an attestation. Checked:
# the page counts, every font embedded, every mention on the page (header
# repeated on each page, every participant, the signatures, the trainer's
# box, the attestation's fields), a row never split across pages, page 1
# rendering to PNG. The time the session file takes is printed, not
# asserted: speed is make bench's to measure, never a timed test's.
use strict;
use warnings;
use utf8;
use FindBin;
use File::Temp qw(tempdir);
use Encode qw(decode);
use Test::More;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $ROOT = "$FindBin::Bin/..";
my $TOOL = "$ROOT/build/tools/pdf_sample";

for my $cmd (qw(pdfinfo pdffonts pdftotext pdftoppm)) {
	if (system("command -v $cmd >/dev/null 2>&1") != 0) {
		fail("$cmd is installed (poppler-utils, make deps)");
		done_testing();
		exit;
	}
}
ok(-x $TOOL, 'build/tools/pdf_sample is built (make unit)') or do { done_testing(); exit };

my $dir = tempdir(CLEANUP => 1);
my $out = decode('UTF-8', `$TOOL $dir 2>$dir/stderr`);
is($?, 0, 'pdf_sample writes its PDFs') or diag($out);
my $err = do { local $/; open my $fh, '<', "$dir/stderr"; <$fh> // '' };
is($err, '', 'no warning from pango, cairo or glib') or diag($err);

# --- time: the session file (6 half-days of 40) -----------------------------
diag(s/^# //r) for grep { /^#/ } split /\n/, $out;
my ($cold, $warm) = $out =~ /: ([\d.]+) ms the first time, ([\d.]+) ms after/;
ok(defined $warm, 'the sample reports its drawing time');
diag("the session file (6 sheets, 40 participants) draws in $warm ms (target < 300; measured for real by make bench)") if defined $warm;

# --- helpers ----------------------------------------------------------------
sub run {
	my @cmd = @_;
	open my $fh, '-|', @cmd or die "$cmd[0]: $!";
	local $/;
	my $s = <$fh> // '';
	close $fh;
	return decode('UTF-8', $s);
}

# Text as a reader copies it: no-break spaces as spaces, a line break
# after a hyphen joined, other line breaks and runs of spaces as one space.
sub flat {
	my ($s) = @_;
	$s =~ s/[\x{a0}\x{202f}]/ /g;
	$s =~ s/-\n/-/g;
	$s =~ s/\s+/ /g;
	return $s;
}

sub pages_of {
	my ($file) = @_;
	my ($n) = run('pdfinfo', "$dir/$file") =~ /^Pages:\s+(\d+)/m;
	return $n // 0;
}

# Each page's text in content order (-raw): a row's name is drawn, then
# its organisation, so they follow each other there.
sub page_texts {
	my ($file, $n) = @_;
	return map { flat(run('pdftotext', '-raw', '-f', $_, '-l', $_, "$dir/$file", '-')) } 1 .. $n;
}

sub has {
	my ($text, $what, $name) = @_;
	ok(index($text, $what) >= 0, $name // "mentions \"$what\"")
		or diag("not found: $what");
}

my %rows;   # file => [ [sheet, name, organisation], ... ]
if (open my $fh, '<:encoding(UTF-8)', "$dir/rows.txt") {
	while (<$fh>) {
		chomp;
		my ($file, $sheet, $name, $org) = split /\t/;
		push @{$rows{$file}}, [$sheet, $name, $org];
	}
}
is(scalar @{$rows{'session.pdf'} // []}, 240, 'the session has 6 × 40 rows');
is(scalar @{$rows{'sixty.pdf'} // []}, 60, 'the half-day of 60 has its rows');

# --- page counts and metadata -----------------------------------------------
# Rows are 32 pt (one line) to 52 pt (three lines), the table about 590 pt
# a page: 17 rows on a page here, so 40 rows take 3 pages (the trainer's box
# on the last) and 60 rows 4.
my $session_pages = pages_of('session.pdf');
is($session_pages, 18, 'session file: 6 sheets of 3 pages');
is(pages_of('sixty.pdf'), 4, '60 participants on a half-day: 4 pages');
is(pages_of('attestation.pdf'), 1, 'attestation: one page');

my $info = run('pdfinfo', "$dir/session.pdf");
like($info, qr/^Title:\s+Feuilles d'émargement – Habilitation électrique/m, 'title in the metadata');
like($info, qr/^Author:\s+EGOC$/m, 'author EGOC');
like($info, qr/^Creator:\s+Formations EGOC$/m, 'creator');
like($info, qr/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m, 'A4 portrait');
like(run('pdfinfo', "$dir/attestation.pdf"),
	qr/^Title:\s+Attestation de fin de formation – Marie-Hélène DUPONT-LEFÈVRE/m, 'attestation title');

# --- fonts: all embedded, all Noto Sans ---------------------------------------
for my $file (qw(session.pdf sixty.pdf attestation.pdf odd.pdf)) {
	my @fonts = grep { !/^name|^---/ } split /\n/, run('pdffonts', "$dir/$file");
	ok(@fonts >= 2, "$file: fonts listed");
	my @bad = grep { my @f = split ' ', $_; !($f[0] =~ /^[A-Z]{6}\+NotoSans-/ && /\byes\s+yes\s+yes\b/) } @fonts;
	ok(!@bad, "$file: every font is an embedded subset of Noto Sans") or diag(join "\n", @bad);
}

# --- the sheets ---------------------------------------------------------------
my @pages = page_texts('session.pdf', $session_pages);
my $title = "Habilitation électrique B0-H0V : prévenir les risques d'origine électrique lors "
	. "d'opérations d'ordre non électrique au voisinage des installations";
my @labels = ('Jour 1 – matin', 'Jour 1 – après-midi', 'Jour 2 – matin', 'Jour 2 – après-midi',
	'Jour 3 – matin', 'Jour 3 – après-midi');
my @modules = ('Module 1 – Les bases', 'Module 2 – Les risques', 'Module 3 – Mise en situation');
my @dates = ('lundi 1er mars 2027', 'mardi 2 mars 2027', 'mercredi 3 mars 2027');
for my $p (0 .. $#pages) {
	my $t = $pages[$p];
	my $sheet = int($p / 3);
	my $n = $p % 3 + 1;
	my $head = join ' · ', $modules[$sheet / 2], $labels[$sheet];
	my $ok = index($t, 'EGOC Feuille d\'émargement') >= 0 && index($t, $title) >= 0
		&& index($t, $head) >= 0 && index($t, "Date : $dates[$sheet / 2]") >= 0
		&& index($t, $sheet % 2 ? 'Horaires : 13 h 30 – 17 h' : 'Horaires : 9 h – 12 h 30') >= 0
		&& index($t, 'Lieu : Maison des associations, 12 rue de la République, Villeurbanne') >= 0
		&& index($t, 'Salle : Salle Rosa-Parks (2e étage)') >= 0
		&& index($t, 'Formateurs : Anne MARTIN, Paul DURAND') >= 0
		&& index($t, 'n° Nom Organisation Signature') >= 0
		&& index($t, "page $n / 3") >= 0;
	ok($ok, "session page " . ($p + 1) . ": the header of $labels[$sheet] and \"page $n / 3\"")
		or diag($t);
}

my $all = join ' ', @pages;
has($all, 'signé électroniquement le lundi 1er mars 2027 à 9 h 00', 'signatures printed');
has($all, 'émargement sur papier', 'a paper signature said so');
has($all, 'arrivée à 9 h 40 (40 min de retard)', 'a late arrival noted');
has($all, 'Le formateur Anne MARTIN', "the trainer's box with the trainer's name");
has($all, 'Signature du formateur', "the trainer's signature box");
has($all, 'certifié le lundi 1er mars 2027 à 12 h 41 par Anne MARTIN', 'the certification printed');
my @certified = grep { /signé électroniquement/ } @pages;
is(scalar @certified, 6, 'signatures only on the two certified sheets (6 pages)');
is(scalar(() = $all =~ /\babsent\b/g), 4, 'absent rows marked on the certified sheets only (2 × 2)');
ok(index(join(' ', @pages[6 .. 17]), 'certifié le') < 0, 'the blank sheets are not certified');
for my $p (2, 5, 8, 11, 14, 17) {
	ok(index($pages[$p], 'Signature du formateur') >= 0, 'trainer\'s box on the last page of sheet ' . (($p + 1) / 3));
}

# A row never splits: within its sheet's pages (the same people come every
# half-day), its name and its organisation, one after the other, on
# exactly one page, and its name on no other.
sub rows_whole {
	my ($file, $texts, $per_sheet) = @_;
	my @bad;
	for my $r (@{$rows{$file}}) {
		my ($sheet, $name, $org) = @$r;
		my @sheet_pages = grep { $_ <= $#$texts } ($sheet - 1) * $per_sheet .. $sheet * $per_sheet - 1;
		my @where = grep { index($texts->[$_], "$name $org") >= 0 } @sheet_pages;
		my @named = grep { index($texts->[$_], $name) >= 0 } @sheet_pages;
		push @bad, "sheet $sheet: $name / $org on pages (" . join(',', map { $_ + 1 } @where) . ")"
			unless @where == 1 && @named == 1;
	}
	ok(!@bad, "$file: every row whole on one page, name and organisation together ("
		. scalar(@{$rows{$file}}) . ' rows)') or diag(join "\n", @bad[0 .. ($#bad < 9 ? $#bad : 9)]);
}
rows_whole('session.pdf', \@pages, 3);
my @sixty = page_texts('sixty.pdf', pages_of('sixty.pdf'));
rows_whole('sixty.pdf', \@sixty, scalar @sixty);
for my $p (0 .. $#sixty) {
	has($sixty[$p], 'page ' . ($p + 1) . ' / 4', '60 participants: page ' . ($p + 1) . ' / 4');
}
ok(index(join(' ', @sixty), 'Marie-Hélène Anne-Sophie DE LA ROCHEFOUCAULD-MONTMORENCY') >= 0,
	'a name of three lines kept whole');

# --- the attestation ----------------------------------------------------------
my $att = flat(run('pdftotext', "$dir/attestation.pdf", '-'));
has($att, $_) for (
	'EGOC', 'Groupement EGOC, 20 rue du Lac, 69003 Lyon',
	'Attestation de fin de formation', 'article L6353-1 du Code du travail',
	'Marie-Hélène DUPONT-LEFÈVRE', "Communauté de communes du Pays de l'Arbresle",
	$title, 'Nature de l\'action action de formation',
	'Dates du lundi 1er mars au mercredi 3 mars 2027 (3 jours)',
	'Lieu Maison des associations, Villeurbanne',
	'Durée prévue 21 h', 'Durée suivie 5 h 30',
	'Objectifs de la formation',
	"Connaître les dangers de l'électricité et analyser le risque électrique",
	"Identifier les zones d'environnement électrique et les limites de son habilitation",
	"Appliquer les consignes de sécurité et réagir face à un accident d'origine électrique",
	"Résultats de l'évaluation des acquis",
	"Identifier les zones d'environnement électrique acquis",
	"Appliquer les consignes de sécurité en cours d'acquisition",
	'Questionnaire final 16 / 20',
	'Fait à Lyon, le vendredi 5 mars 2027', 'Claire BERNARD', 'Directrice',
	'Code de vérification K7F3-9QX2-M4TD',
	'https://formations.egoc.fr/attestations/K7F3-9QX2-M4TD',
);

# --- what a caller should not send ----------------------------------------------
# Refused with -1, nothing else: no sheet, a buffer whose cap the file
# passes (cairo 1.16 does not always say so: the layer watches its writes),
# a QR text too long for a QR code.
for my $case (qw(no-sheet small-buffer long-qr long-qr-attestation)) {
	like($out, qr/^refused: \Q$case\E -1$/m, "refused: $case");
}
# NULL fields, invalid UTF-8, control characters, a name of a thousand
# letters (cut after three lines), no rows: still a PDF, two sheets
# (pdftotext ends each page with a form feed).
is(pages_of('odd.pdf'), 2, 'odd sheets: a page each');
my $odd = run('pdftotext', '-raw', "$dir/odd.pdf", '-');
ok(index($odd, "Ana[31mïs\x{fffd}\x{fffd} BAD LINE") >= 0, 'invalid UTF-8 as U+FFFD, control characters dropped, a line break in a name as a space');
ok($odd !~ /[\x00-\x08\x0b\x0d-\x1f\x7f]/, 'no control character reaches the page');
has(flat($odd), 'Sans participants', 'a sheet without rows');
is(pages_of('odd.attestation.pdf'), 1, 'odd attestation: one page');
my $odd_att = flat(run('pdftotext', "$dir/odd.attestation.pdf", '-'));
has($odd_att, 'Durée suivie 0 min', 'a negative duration reads 0 min');
ok(index($odd_att, 'partielle') < 0, 'and is not a partial attendance of 0 min');
has($odd_att, 'Nature de l\'action action de formation', 'the nature defaults to "action de formation"');
# French spacing: "le 4 mars à 9 h 30 : « oui » ; " thirty times, wrapped
# over lines that only start where a break is allowed.
my @spaced = grep { /mars|oui/ } split /\n/, run('pdftotext', '-raw', "$dir/odd.attestation.pdf", '-');
ok(@spaced >= 5, 'the long objective wraps (' . scalar(@spaced) . ' lines)');
my @wrong = grep { /^\s*(?:mars|h\b|30|:|oui|»|;)/ } @spaced[1 .. $#spaced];
ok(!@wrong, 'no line starts with what a no-break space keeps with the word before') or diag(join "\n", @wrong);

# --- rendering ----------------------------------------------------------------
for my $file (qw(session sixty attestation)) {
	my $rc = system('pdftoppm', '-r', '50', '-f', '1', '-l', '1', '-png', "$dir/$file.pdf", "$dir/$file");
	my ($png) = glob("$dir/$file-*1.png");
	my $sig = '';
	if ($png && open my $fh, '<:raw', $png) { read $fh, $sig, 8 }
	ok($rc == 0 && $sig eq "\x89PNG\r\n\x1a\n", "$file.pdf: page 1 renders to PNG");
}

done_testing();
