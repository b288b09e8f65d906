#!/usr/bin/env perl
# Scans of signed paper sheets through the real stack: the trainer attaches
# a PDF, a JPEG and a PNG to their half-day and downloads each back byte
# for byte (type from the first bytes, attachment, nosniff, private); a
# text file named .pdf, an empty file, no file: 422 with a French message;
# 10 MiB + 1 byte: the application's 413; a 9 MiB scan passes nginx, 11
# MiB does not (its own French page); a trainer of another session: 404;
# no anti-forgery token: 403; a malformed body: 400; multipart on a route
# that does not take it: 415. Nothing is stored on any refusal, and the
# application may not change or remove a scan.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use Digest::SHA qw(sha256_hex);
use Stack;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $stack = Stack->start(name => 'scans', demo => 1);
sub q1 { my ($sql) = @_; return $stack->psql(encode_utf8($sql)) }

# A session with a morning slot tomorrow (a scan may come any time) and one
# the day after, given by Gwen.
my $course = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $trainer = q1("INSERT INTO trainer (name, kind, feed_token) VALUES ('Gwen Formatrice', 'interne', repeat('e5', 20)) RETURNING id");
my $sid = q1("INSERT INTO session (course_id, kind, min_participants, max_participants, status) VALUES ($course, 'inter', 1, 10, 'confirmee') RETURNING id");
my @slots = map {
	q1("INSERT INTO slot (session_id, day, starts_at, ends_at, part) SELECT $sid, current_date + $_,"
		. " (current_date + $_ + time '09:00') AT TIME ZONE 'Europe/Paris', (current_date + $_ + time '12:00') AT TIME ZONE 'Europe/Paris', 'matin' RETURNING id")
} 1, 2;
q1("INSERT INTO slot_trainer (slot_id, trainer_id) VALUES ($slots[0], $trainer), ($slots[1], $trainer)");
my ($hd, $hd2) = map { "$_-matin" } @slots;
my $person = q1("INSERT INTO participant (last_name, first_name, email) VALUES ('Stagiaire', 'Une', 'une\@caf35.example.org') RETURNING id");
q1("INSERT INTO registration (session_id, participant_id) VALUES ($sid, $person)");
$stack->user_add('gwen@egoc.example', 'formateur', 'Gwen Formatrice', 'mot-de-passe-formatrice');
q1("UPDATE trainer SET account_id = (SELECT id FROM staff_user WHERE email = 'gwen\@egoc.example') WHERE id = $trainer");
my $gwen = Browser->new($stack->base);
is($gwen->login('gwen@egoc.example', 'mot-de-passe-formatrice')->{status}, 303, 'the trainer logs in');

my $page = $gwen->get("/intranet/presence/$hd");
is($page->{status}, 200, "the trainer's half-day page");
like($page->{text}, qr{<form method="post" action="/intranet/presence/$hd/scans" enctype="multipart/form-data"},
	'has an upload form');
like($page->{text}, qr{<label for="feuille">Feuille papier signée \(PDF, JPEG ou PNG, 10 Mo au plus\)</label>},
	'with its label');
like($page->{text}, qr{Aucune feuille numérisée}, 'and no scan yet');
my $csrf = $gwen->token_from($page);

# A multipart/form-data body as a browser makes it.
my $boundary = '----formationsTestBoundary7MA4YWxkTrZu0gW';
sub multipart {
	my (%o) = @_;
	my $body = '';
	$body .= "--$boundary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n$o{csrf}\r\n" if defined $o{csrf};
	if (defined $o{bytes}) {
		$body .= "--$boundary\r\nContent-Disposition: form-data; name=\"feuille\"; filename=\""
			. encode_utf8($o{name} // 'feuille.pdf') . "\"\r\nContent-Type: " . ($o{type} // 'application/pdf')
			. "\r\n\r\n$o{bytes}\r\n";
	}
	return "$body--$boundary--\r\n";
}
sub upload {
	my ($who, $path, %o) = @_;
	return $who->request('POST', $path, multipart(%o),
		{ 'content-type' => "multipart/form-data; boundary=$boundary" });
}
sub scans { q1("SELECT count(*) FROM attendance_scan") }

# --- three kinds, each back byte for byte ------------------------------------------
my %files = (
	pdf => [ "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
		'application/pdf', 'Émargement 4 mars.pdf', 'application/octet-stream' ],
	jpg => [ "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\r\n--\x00\xff\xd9",
		'image/jpeg', 'scan.jpeg', 'image/jpeg' ],
	png => [ "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89",
		'image/png', 'C:\\fakepath\\photo.png', 'text/plain' ],
);
my %id;
for my $ext (qw(pdf jpg png)) {
	my ($bytes, $type, $name, $declared) = @{ $files{$ext} };
	my $r = upload($gwen, "/intranet/presence/$hd/scans", csrf => $csrf, bytes => $bytes, name => $name,
		type => $declared);
	is($r->{status}, 303, "a $ext scan is attached (declared $declared)");
	($id{$ext}) = ($r->{headers}{location} // '') =~ m{^/intranet/presence/$hd\?fait=feuille&scan=(\d+)#feuilles$};
	ok($id{$ext}, 'back to the half-day page, with a banner') or diag $r->{headers}{location};
	is(q1("SELECT content_type FROM attendance_scan WHERE id = " . ($id{$ext} // 0)), $type,
		'stored with the type its first bytes say');
	is(q1("SELECT sha256 FROM attendance_scan WHERE id = " . ($id{$ext} // 0)), sha256_hex($bytes), 'and its SHA-256');
	my $d = $gwen->get("/intranet/presence/$hd/scans/" . ($id{$ext} // 0));
	is($d->{status}, 200, "the $ext scan downloads");
	ok($d->{content} eq $bytes, 'byte for byte');
	is($d->{headers}{'content-type'}, $type, "as $type");
	like($d->{headers}{'content-disposition'} // '',
		qr{^attachment; filename="emargement-$hd-feuille-$id{$ext}\.$ext"$}, 'an attachment named by the application');
	my $nosniff = $d->{headers}{'x-content-type-options'} // '';
	like(ref $nosniff ? join(',', @$nosniff) : $nosniff, qr{nosniff}, 'nosniff');
	is($d->{headers}{'cache-control'}, 'private, no-store', 'kept by no cache');
}
my $r = $gwen->get("/intranet/presence/$hd?fait=feuille&scan=$id{pdf}");
like($r->{text}, qr{<p class="notice" role="status">La feuille signée « Émargement 4 mars\.pdf » \(PDF, 83 octets\) est jointe},
	'the banner names the scan');
like($r->{text}, qr{href="/intranet/presence/$hd/scans/$id{png}">photo\.png</a>}, 'the list links each scan, by its name without the path');
like($r->{text}, qr{Gwen Formatrice}, 'who attached it');
like($r->{text}, qr{<td>\d+ octets</td>}, 'its size');
my $admin = Browser->new($stack->base);
$admin->login($stack->demo_admin);
like($admin->get("/intranet/sessions/$sid")->{text} // '', qr{<a href="/intranet/presence/$hd#feuilles">3 feuilles signées</a>},
	'the session page counts them per half-day');
is($admin->get("/intranet/presence/$hd/scans/$id{pdf}")->{content}, $files{pdf}[0], 'the desk downloads it too');

# --- refused: nothing stored ---------------------------------------------------------
my $before = scans();
$r = upload($gwen, "/intranet/presence/$hd/scans", csrf => $csrf, bytes => "Bonjour, ceci n'est pas un PDF.\n",
	name => 'feuille.pdf', type => 'application/pdf');
is($r->{status}, 422, 'a text file named .pdf and declared application/pdf: 422');
like($r->{text}, qr{Ce fichier n(?:'|&#39;)est ni un PDF, ni une image JPEG ou PNG}, 'said in French on the half-day page');
like($r->{text}, qr{aria-invalid="true" aria-describedby="feuille-erreur"}, 'next to the field');
$r = upload($gwen, "/intranet/presence/$hd/scans", csrf => $csrf, bytes => '', name => 'vide.pdf');
is($r->{status}, 422, 'an empty file: 422');
like($r->{text}, qr{Le fichier envoyé est vide}, 'said in French');
$r = upload($gwen, "/intranet/presence/$hd/scans", csrf => $csrf, bytes => '', name => '',
	type => 'application/octet-stream');
is($r->{status}, 422, 'no file chosen: 422');
like($r->{text}, qr{Choisissez le fichier}, 'said in French');
$r = upload($gwen, "/intranet/presence/$hd/scans", csrf => $csrf, bytes => '%PDF-' . ('x' x (10 * 1024 * 1024 - 4)));
is($r->{status}, 413, '10 MiB + 1 byte: 413, from the application');
like($r->{text}, qr{Fichier trop volumineux.*dépasse 10 Mo}s, 'its French page says so');
$r = upload($gwen, "/intranet/presence/$hd/scans", csrf => $csrf, bytes => '%PDF-' . ('x' x (11 * 1024 * 1024)));
is($r->{status}, 413, '11 MiB: 413, from nginx');
like($r->{text}, qr{Fichier trop volumineux.*Retour à l'intranet}s, 'with its own French page (conf/nginx.conf.in)');
$r = upload($gwen, "/intranet/presence/$hd/scans", bytes => $files{pdf}[0]);
is($r->{status}, 403, 'no anti-forgery token: 403');
$r = $gwen->request('POST', "/intranet/presence/$hd/scans", "--$boundary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n$csrf\r\n",
	{ 'content-type' => "multipart/form-data; boundary=$boundary" });
is($r->{status}, 400, 'a body cut before its closing boundary: 400');
$r = $gwen->request('POST', "/intranet/presence/$hd/scans", multipart(csrf => $csrf, bytes => $files{pdf}[0]),
	{ 'content-type' => 'multipart/form-data' });
is($r->{status}, 400, 'no boundary: 400');
$r = $gwen->request('POST', "/intranet/presence/$hd/scans", $files{pdf}[0], { 'content-type' => 'application/pdf' });
is($r->{status}, 415, 'a bare PDF body: 415');
$r = upload($gwen, "/intranet/presence/$hd", csrf => $csrf, bytes => $files{pdf}[0]);
is($r->{status}, 415, 'multipart on a route that does not declare it (the marks of the half-day): 415');
is(upload($gwen, '/demande', csrf => $csrf)->{status}, 415, 'nor the public demand form');
my $other = Browser->new($stack->base);
$stack->user_add('autre@egoc.example', 'formateur', 'Autre Formateur', 'mot-de-passe-formateur');
$other->login('autre@egoc.example', 'mot-de-passe-formateur');
my $other_csrf = $other->token_from($other->get('/intranet'));
$r = upload($other, "/intranet/presence/$hd/scans", csrf => $other_csrf, bytes => $files{pdf}[0]);
is($r->{status}, 404, 'a trainer of another session: 404 on the upload');
is($other->get("/intranet/presence/$hd/scans/$id{pdf}")->{status}, 404, 'and on the download');
is(scans(), $before, 'nothing stored by any of these');

# --- a large scan passes nginx --------------------------------------------------------
my $big = '%PDF-' . join('', map { chr(($_ * 7) % 256) } 0 .. 1023) x (9 * 1024);
$r = upload($gwen, "/intranet/presence/$hd/scans", csrf => $csrf, bytes => $big);
is($r->{status}, 303, 'a 9 MiB scan is attached (nginx lets it through on this route)');
my ($big_id) = ($r->{headers}{location} // '') =~ /scan=(\d+)/;
$r = $gwen->get("/intranet/presence/$hd/scans/" . ($big_id // 0));
ok($r->{status} == 200 && $r->{content} eq $big, 'and downloads whole (larger than response_max would allow a page)');
$r = $gwen->request('POST', "/intranet/presence/$hd", 'x=' . ('a' x (1024 * 1024 + 10)));
is($r->{status}, 413, 'other routes keep body_max');
like($r->{text}, qr{Raccourcissez vos textes}, 'and their own 413 page');

# --- other paths ------------------------------------------------------------------------
is($gwen->get("/intranet/presence/$hd2/scans/$id{pdf}")->{status}, 404, "a scan through another half-day's path: 404");
is($gwen->get("/intranet/presence/$hd/scans/999999")->{status}, 404, 'a scan that does not exist: 404');
is($gwen->get("/intranet/presence/$hd/scans/abc")->{status}, 404, 'a malformed id: 404');
is(Browser->new($stack->base)->get("/intranet/presence/$hd/scans/$id{pdf}")->{status}, 303, 'without a login: to the login page');
is(q1("SELECT has_table_privilege('formations_app', 'attendance_scan', 'INSERT, SELECT')"), 't',
	'the application may add and read scans');
is(q1("SELECT has_table_privilege('formations_app', 'attendance_scan', 'UPDATE') OR has_table_privilege('formations_app',"
	. " 'attendance_scan', 'DELETE') OR has_table_privilege('formations_app', 'attendance_scan', 'TRUNCATE')"), 'f',
	'not change or remove them');
like($stack->psql("DELETE FROM attendance_scan WHERE id = $id{pdf}"), qr{permission denied|never changed},
	'and a trigger refuses it to anyone else');
like($stack->psql("UPDATE attendance_scan SET original_filename = 'x' WHERE id = $id{pdf}"), qr{permission denied|never changed},
	'a change too');
is(q1("SELECT count(*) FROM attendance_scan WHERE id = $id{pdf} AND original_filename = 'Émargement 4 mars.pdf'"), '1',
	'the scan is as it was');

$stack->stop;
done_testing();
