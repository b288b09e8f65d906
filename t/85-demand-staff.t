#!/usr/bin/env perl
# Staff-side tools around demands, through the real stack: the figures of
# the response commitment, the CSV export (and its cut at response_max),
# who may see what, closure days, `formations remind` (once per demand, day
# and recipient) and `formations purge` (retention_days).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use Stack;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

# A small response_max so that the export's cut can be tested with a few
# hundred rows; retention_days at its minimum for the purge.
my $stack = Stack->start(name => 'staff', demo => 1,
	conf => "retention_days = 30\nresponse_max = 65536\n");
my $cli = "$Stack::ROOT/cgi-bin/formations -c " . $stack->var . '/formations.conf';
my ($admin, $admin_pw) = $stack->demo_admin;
ok($admin && $admin_pw, 'the demonstration admin');
my $today = $stack->psql('SELECT current_date');
like($today, qr/^\d{4}-\d{2}-\d{2}$/, "today in Paris: $today");

# --- demands through the real public form -----------------------------------
my $pub = Browser->new($stack->base);
my %good = (nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf23.caf.fr',
	telephone => '05 55 51 00 00', organisme => 'Caf de la Creuse', fonction => 'Responsable',
	formation => 'cooperation-territoriale', intitule => '', type => 'intra', participants => '12',
	periode => 'printemps 2027', lieu => 'Guéret', accessibilite => '', message => 'Pour nos CTG.',
	consentement => 'oui');
my $made = 0;
sub demand {
	my (%over) = @_;
	my %form = $pub->form_fields($pub->get('/demande'), '/demande');
	my $r = $pub->post('/demande', { %form, %good, %over });
	die "demand refused: $r->{status}\n" unless $r->{status} == 303;
	$made++;
	return $stack->psql("SELECT id FROM demand WHERE form_token = '$form{jeton}'");
}
sub set_demand {
	my ($id, $set) = @_;
	$stack->psql("UPDATE demand SET $set WHERE id = $id");
}

my $m0 = "date_trunc('month', current_date)::date";
my $m1 = "(date_trunc('month', current_date) - interval '1 month')::date";
my $old = "(date_trunc('month', current_date) - interval '13 months')::date";
my %d;
# Answered: 15j received this month, 2 on time of 3 (5, 10, 20 days);
# 1mois received last month, 1 of 2 (7 and 40 days); one out of the window.
for ([a1 => 5], [a2 => 10], [a3 => 20]) {
	my ($k, $days) = @$_;
	$d{$k} = demand(organisme => "Caf $k");
	set_demand($d{$k}, "status = 'repondue', outcome = 'acceptee', received_on = $m0,"
		. " due_on = $m0 + 15, answered_on = $m0 + $days");
}
for ([b1 => 7], [b2 => 40]) {
	my ($k, $days) = @$_;
	$d{$k} = demand(organisme => "Caf $k", type => 'inter');
	set_demand($d{$k}, "status = 'repondue', outcome = 'acceptee', received_on = $m1,"
		. " due_on = ($m1 + interval '1 month')::date, answered_on = $m1 + $days");
}
$d{c1} = demand(organisme => 'Caf c1');
set_demand($d{c1}, "status = 'close', received_on = $old, due_on = $old + 15, answered_on = $old + 30");
# Open: by days left.
for ([o1 => -3, 'intra'], [o2 => 0, 'intra'], [o3 => 2, 'intra'], [o4 => 4, 'intra'],
		[o5 => 8, 'inter'], [o6 => 20, 'inter']) {
	my ($k, $left, $type) = @$_;
	$d{$k} = demand(organisme => "Caf $k", type => $type);
	set_demand($d{$k}, ($k eq 'o2' ? '' : "status = 'en_instruction', ") . "due_on = current_date + $left");
}
# Paused: days left counted on the day the pause began (p2 is past its
# stored due date, but its clock stopped 5 days before it).
$d{p1} = demand(organisme => 'Caf p1');
set_demand($d{p1}, "status = 'attente_demandeur', paused_since = now() - interval '1 day', due_on = current_date + 3");
$d{p2} = demand(organisme => 'Caf p2');
set_demand($d{p2}, "status = 'attente_demandeur', paused_since = now() - interval '10 days', due_on = current_date - 5");
is($stack->psql('SELECT count(*) FROM demand'), $made, "$made demands made through the form");

# --- the figures page ---------------------------------------------------------
my $b = Browser->new($stack->base);
is($b->get('/intranet/demandes/chiffres')->{status}, 303, 'no login: to the login page');
is($b->login($admin, $admin_pw)->{status}, 303, 'the admin logs in');
my $r = $b->get('/intranet/demandes/chiffres');
is($r->{status}, 200, 'the figures page');
my $page = $r->{text};
like($page, qr{<h1>Chiffres des demandes</h1>}, 'titled in French');
like($page, qr{<caption\b}, 'tables have captions');
like($page, qr{<th scope="col">}, 'and column headers');

sub cell {
	my ($row_id, $class) = @_;
	my ($row) = $page =~ m{<tr id="\Q$row_id\E">(.*?)</tr>}s or return undef;
	return $row unless $class;
	my ($c) = $row =~ m{<td class="\Q$class\E">(.*?)</td>}s;
	return $c;
}
sub cells {
	my ($row_id) = @_;
	my $row = cell($row_id) // return '';
	return join '|', $row =~ m{<td>([^<]*)</td>}g;
}
my $key0 = $stack->psql("SELECT to_char(current_date, 'YYYY-MM')");
my $key1 = $stack->psql("SELECT to_char(current_date - interval '1 month', 'YYYY-MM')");
my $key_old = $stack->psql("SELECT to_char(current_date - interval '13 months', 'YYYY-MM')");
is(cell("month-$key0", 'r15'), "67\x{a0}% (2 sur 3)", 'this month, 15j: 2 of 3 on time, 67 %');
is(cell("month-$key0", 'r1m'), '—', 'this month, 1mois: nothing answered');
is(cell("month-$key1", 'r1m'), "50\x{a0}% (1 sur 2)", 'last month, 1mois: 1 of 2');
is(cell("month-$key1", 'r15'), '—', 'last month, 15j: nothing answered');
is(scalar(() = $page =~ m{<tr id="month-}g), 12, '12 months shown');
ok(!cell("month-$key_old"), 'the demand of 13 months ago is out of the window');
is(cell('regime-15j', 'median'), "10\x{a0}j", 'median days to answer, 15j: 10 (5, 10, 20)');
is(cell('regime-1mois', 'median'), "23,5\x{a0}j", 'median, 1mois: 23,5 (7 and 40), with a French comma');
is(cell('regime-15j', 'share'), "67\x{a0}%", 'share on time over 12 months, 15j');
is(cells('regime-15j'), '3|2|1', '15j: 3 answered, 2 on time, 1 late');
is(cells('regime-1mois'), '2|1|1', '1mois: 2 answered, 1 on time, 1 late');
like($page, qr{<strong id="answered-late">2</strong>}, 'answered late: 2');
like($page, qr{<strong id="open-late">1</strong>}, 'open and late: 1 (not the paused one)');
my ($late_list) = $page =~ m{<table class="data" id="late-list">(.*?)</table>}s;
my $ref_o1 = $stack->psql("SELECT reference FROM demand WHERE id = $d{o1}");
my $ref_p2 = $stack->psql("SELECT reference FROM demand WHERE id = $d{p2}");
like($late_list // '', qr{<a href="/intranet/demandes/$d{o1}">\Q$ref_o1\E</a>}, 'the late demand is listed, with a link');
like($late_list // '', qr{3 jours}, 'with its days late');
unlike($late_list // '', qr{\Q$ref_p2\E}, 'a paused demand is not late');
is(cells('bucket-retard'), '1|0|1', 'bucket en retard: 1');
is(cells('bucket-aujourdhui'), '1|0|1', "bucket aujourd'hui: 1");
is(cells('bucket-1-2'), '1|0|1', 'bucket 1–2 j: 1');
is(cells('bucket-3-5'), '3|0|3', 'bucket 3–5 j: 3 (one running, two paused)');
is(cells('bucket-6-10'), '0|1|1', 'bucket 6–10 j: 1 (1mois)');
is(cells('bucket-plus-10'), '0|1|1', 'bucket plus de 10 j: 1 (1mois)');
is(cells('bucket-total'), '6|2|8', '8 open demands');
like($page, qr{<strong id="open-paused">2</strong>}, '2 of them paused');

# --- the CSV export -------------------------------------------------------------
$d{x1} = demand(organisme => 'Caf; "Sud"', nom => '=cmd|calc', telephone => '+33 5 55 51 00 00');
$d{x2} = demand(organisme => '@SUM(A1)', prenom => '-Anne');
$r = $b->get('/intranet/demandes/export.csv');
is($r->{status}, 200, 'the export');
is($r->{headers}{'content-type'}, 'text/csv; charset=utf-8', 'Content-Type text/csv, UTF-8');
is($r->{headers}{'content-disposition'}, qq{attachment; filename="demandes-$today.csv"},
	'an attachment named with the date');
like($r->{headers}{'cache-control'} // '', qr{no-store}, 'personal data: never cached');
my $raw = $r->{content};
is(substr($raw, 0, 3), "\xEF\xBB\xBF", 'starts with the UTF-8 byte order mark');
my @lines = split /\r\n/, substr($r->{text}, 1), -1;
is(pop @lines, '', 'every line ends with CRLF');
unlike($r->{text}, qr{(?<!\r)\n}, 'no bare LF');
is($lines[0], 'Référence;Reçue le;Échéance;Régime;État;Organisme;Nom;Prénom;Courriel;Téléphone;'
	. 'Formation;Type;Participants;Répondue le;Issue', 'French headers, ; between');
is(@lines - 1, $made, "one row per demand ($made)");
my $ref_x1 = $stack->psql("SELECT reference FROM demand WHERE id = $d{x1}");
my ($x1) = grep { /^\Q$ref_x1\E;/ } @lines;
ok($x1, 'the row of the demand with odd values');
like($x1 // '', qr{;"Caf; ""Sud""";}, 'a value with ; and " is quoted, its quotes doubled');
like($x1 // '', qr{;'=cmd\|calc;Claire;}, 'a value starting with = gets an apostrophe');
like($x1 // '', qr{;'\+33 5 55 51 00 00;}, 'and one starting with +');
my $course = $stack->psql("SELECT title FROM course WHERE slug = 'cooperation-territoriale'");
like($x1 // '', qr{;\Q$course\E;INTRA;12;;$}, 'course title, type, participants, no answer yet');
like($x1 // '', qr{^\Q$ref_x1\E;$today;\d{4}-\d{2}-\d{2};15 jours;Reçue;}, 'dates, régime and state in French');
my $ref_x2 = $stack->psql("SELECT reference FROM demand WHERE id = $d{x2}");
my ($x2) = grep { /^\Q$ref_x2\E;/ } @lines;
like($x2 // '', qr{;'\@SUM\(A1\);Martin;'-Anne;}, '@ and - are neutralised too');
my ($a1) = grep { /^\Q${\ $stack->psql("SELECT reference FROM demand WHERE id = $d{a1}")}\E;/ } @lines;
like($a1 // '', qr{;Répondue;.*;\d{4}-\d{2}-\d{2};Acceptée$}, 'an answered demand: its date and outcome');

$r = $b->get('/intranet/demandes/export.csv?statut=repondue');
is(scalar(split /\r\n/, $r->{text}) - 1, 5, 'filtered by status: the 5 answered');
$r = $b->get('/intranet/demandes/export.csv?regime=1mois');
is(scalar(split /\r\n/, $r->{text}) - 1, 4, 'filtered by régime: the 4 in 1mois');
$r = $b->get('/intranet/demandes/export.csv?regime=1mois&statut=repondue');
is(scalar(split /\r\n/, $r->{text}) - 1, 2, 'both filters');
is($b->get('/intranet/demandes/export.csv?statut=nimporte')->{status}, 400, 'an unknown status: 400');
is($b->get('/intranet/demandes/export.csv?regime=2mois')->{status}, 400, 'an unknown régime: 400');

# More demands than response_max holds: the file stops between rows and
# says so on its last line.
$stack->psql("INSERT INTO demand (reference, form_token, tracking_token, received_on, regime, due_on,"
	. " course_id, kind, last_name, first_name, email, phone, organisation, participants, consent_at,"
	. " message) SELECT 'D-1999-' || lpad(g::text, 5, '0'), 'bulk-form-token-' || g,"
	. " 'bulk-tracking-token-bulk-tracking-' || g, received_on, regime, due_on, course_id, kind,"
	. " last_name, first_name, email, phone, organisation || ' ' || repeat('x', 150), participants,"
	. " consent_at, message FROM demand, generate_series(1, 400) g WHERE id = $d{a1}");
my $total = $stack->psql('SELECT count(*) FROM demand');
$r = $b->get('/intranet/demandes/export.csv');
is($r->{status}, 200, "an export of $total demands over response_max");
ok(length($r->{content}) <= 65536, 'stays under response_max (' . length($r->{content}) . ' bytes)');
@lines = split /\r\n/, substr($r->{text}, 1);
like($lines[-1], qr{^Export incomplet : seules les (\d+) premières demandes}, 'the last line says it was cut');
my ($kept) = $lines[-1] =~ /seules les (\d+) /;
is(@lines - 2, $kept, "and how many rows it holds ($kept)");
ok($kept < $total, 'fewer than all');
like($lines[-2], qr{^D-1999-\d{5};.*;INTRA;12;;$}, 'the row before the note is whole');
$stack->psql("DELETE FROM demand WHERE reference LIKE 'D-1999-%'");

# --- roles ------------------------------------------------------------------------
ok($stack->user_add('formateur@egoc.example', 'formateur', 'Fanny Formatrice', 'mot-de-passe-formateur'),
	'a trainer');
ok($stack->user_add('conseil@egoc.example', 'conseiller', 'Camille Conseil', 'mot-de-passe-conseil'),
	'a conseiller');
ok($stack->user_add('assistant@egoc.example', 'assistant', 'Alix Assistante', 'mot-de-passe-assistant'),
	'an assistant');
my $trainer = Browser->new($stack->base);
is($trainer->login('formateur@egoc.example', 'mot-de-passe-formateur')->{status}, 303, 'the trainer logs in');
is($trainer->get('/intranet/demandes/chiffres')->{status}, 403, 'a trainer gets 403 on the figures');
is($trainer->get('/intranet/demandes/export.csv')->{status}, 403, 'and on the CSV');
my $conseil = Browser->new($stack->base);
is($conseil->login('conseil@egoc.example', 'mot-de-passe-conseil')->{status}, 303, 'the conseiller logs in');
is($conseil->get('/intranet/demandes/chiffres')->{status}, 200, 'a conseiller sees the figures');
is($conseil->get('/intranet/demandes/export.csv')->{status}, 200, 'and the CSV');
is($conseil->get('/intranet/fermetures')->{status}, 403, 'a conseiller gets 403 on the closure days');
my $next_sat = $stack->psql("SELECT current_date + (6 - extract(isodow FROM current_date)::int + 7) % 7 + 7");
is($conseil->submit('/intranet', '/intranet/fermetures', [ date => $next_sat, libelle => 'x' ])->{status},
	403, 'and cannot add one');
my $assistant = Browser->new($stack->base);
is($assistant->login('assistant@egoc.example', 'mot-de-passe-assistant')->{status}, 303, 'the assistant logs in');
is($assistant->get('/intranet/demandes/chiffres')->{status}, 200, 'an assistant sees the figures');
is($assistant->get('/intranet/fermetures')->{status}, 403, 'but not the closure days');

# --- closure days -------------------------------------------------------------------
my $dues = sub { $stack->psql("SELECT string_agg(due_on::text, ',' ORDER BY id) FROM demand") };
my $dues_before = $dues->();
like($b->get('/intranet')->{text}, qr{<a href="/intranet/fermetures">Fermetures</a>}, "the admin's menu has the closure days");
unlike($conseil->get('/intranet')->{text}, qr{/intranet/fermetures}, "a conseiller's does not");
$r = $b->get('/intranet/fermetures');
is($r->{status}, 200, 'the closure days page');
like($r->{text}, qr{Aucun jour de fermeture à venir}, 'none yet');
like($r->{text}, qr{Les échéances déjà calculées ne changent pas}, 'says stored due dates do not move');
my $year = $stack->psql("SELECT extract(year FROM current_date)::int");
my $next = $year + 1;
like($r->{text}, qr{<caption id="feries-titre">Jours fériés appliqués d(?:'|&#39;)office, $year et $next</caption>},
	"the public holidays of $year and $next, labelled");
my $christmas = $stack->psql("SELECT to_char(make_date($next, 12, 25), 'ID')");
my $weekday = (qw(x lundi mardi mercredi jeudi vendredi samedi dimanche))[$christmas];
like($r->{text}, qr{<tr id="ferie-$next-12-25"><th scope="row"><time datetime="$next-12-25">$weekday 25 décembre $next</time></th>\s*<td>Noël</td>},
	'Christmas of next year, in words and named');
like($r->{text}, qr{<time datetime="$year-01-01">[a-z]+ 1er janvier $year</time> <span class="tag tag-info">Passé</span>|datetime="$year-01-01">[a-z]+ 1er janvier $year</time></th>},
	"New Year's day of this year");
my $holidays = () = $r->{text} =~ /<tr id="ferie-/g;
is($holidays, 22, 'eleven holidays a year');
like($r->{text}, qr{Lundi de Pentecôte}, 'the movable ones too');
# A Tuesday 3 to 5 weeks ahead that no fixed holiday falls on (movable
# holidays are Mondays and Thursdays).
my $tuesday = $stack->psql("SELECT min(d)::date FROM generate_series(current_date + 21, current_date + 35,"
	. " interval '1 day') d WHERE extract(isodow FROM d) = 2 AND to_char(d, 'MM-DD') NOT IN"
	. " ('01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25')");
my $add = sub { $b->submit('/intranet/fermetures', '/intranet/fermetures',
	[ date => $_[0], au => $_[2] // '', libelle => $_[1] // '' ]) };
$r = $add->($tuesday, 'Pont de printemps');
is($r->{status}, 303, "a working day added ($tuesday): 303");
is($r->{headers}{location}, "/intranet/fermetures?ajout=1&du=$tuesday&au=$tuesday", 'back to the list');
is($stack->psql("SELECT label FROM closure_day WHERE day = '$tuesday'"), 'Pont de printemps', 'stored with its label');
$r = $b->get($r->{headers}{location});
like($r->{text}, qr{Jour de fermeture ajouté : le mardi \d+(?:er)? \S+ \d{4} \(Pont de printemps\)\.}, 'a banner naming the day');
like($r->{text}, qr{<tr id="jour-$tuesday"><th scope="row"><time datetime="$tuesday">mardi }, 'listed, in French');
like($r->{text}, qr{Pont de printemps}, 'with its label');
$r = $add->($next_sat, 'Samedi');
is($r->{status}, 303, "a Saturday ($next_sat) is accepted");
like($r->{headers}{location}, qr{&nonouvre=1$}, 'flagged');
like($b->get($r->{headers}{location})->{text}, qr{déjà\s+non ouvré}, 'as already closed');
is($dues->(), $dues_before, 'no stored due date moved');

# A range: Monday to Sunday of a week 8 weeks ahead, without a holiday.
my $monday = $stack->psql("SELECT min(d) FROM (SELECT g::date AS d FROM generate_series(current_date + 56,"
	. " current_date + 420, interval '1 day') g) w WHERE extract(isodow FROM d) = 1 AND extract(month FROM d) NOT IN (3, 4, 5, 6)"
	. " AND extract(month FROM d + 6) NOT IN (3, 4, 5, 6) AND NOT EXISTS (SELECT 1 FROM generate_series(d, d + 6,"
	. " interval '1 day') h WHERE to_char(h, 'MM-DD') IN ('01-01', '05-01', '05-08', '07-14', '08-15', '11-01',"
	. " '11-11', '12-25'))");
my $sunday = $stack->psql("SELECT '$monday'::date + 6");
my $wednesday = $stack->psql("SELECT '$monday'::date + 2");
$r = $add->($wednesday, 'Déjà là');
is($r->{status}, 303, 'the Wednesday of that week alone first');
$r = $add->($monday, 'Pont de Noël', $sunday);
is($r->{status}, 303, "a range from $monday to $sunday: 303");
is($stack->psql("SELECT string_agg(to_char(day, 'ID'), ',' ORDER BY day) FROM closure_day WHERE day BETWEEN '$monday' AND '$sunday'"),
	'1,2,3,4,5', 'its five working days stored, the weekend skipped');
is($stack->psql("SELECT label FROM closure_day WHERE day = '$wednesday'"), 'Déjà là', 'a day already closed keeps its label');
$r = $b->get($r->{headers}{location});
like($r->{text}, qr{4 jours de fermeture ajoutés : du lundi \d+(?:er)? (?:\S+ )?au dimanche \d+ \S+ \d{4} \(Pont de Noël\)\.},
	'the banner names the range and its label');
like($r->{text}, qr{week-ends et jours fériés de\s+la période, déjà non ouvrés, ne sont pas enregistrés}, 'says the weekend was skipped');
like($r->{text}, qr{1 jour de la période l(?:'|&#39;)était déjà}, 'and the day already closed');
$r = $add->($monday, 'Encore', $sunday);
is($r->{status}, 422, 'the same range again: 422');
like($r->{text}, qr{Tous les jours ouvrés de cette période sont déjà des jours de fermeture}, 'says why');
$r = $add->($stack->psql("SELECT '$monday'::date + 5"), 'Week-end', $sunday);
is($r->{status}, 422, 'a range of a weekend only: 422');
like($r->{text}, qr{rien à ajouter}, 'nothing to add');
$r = $add->($monday, 'Trop long', $stack->psql("SELECT '$monday'::date + 60"));
is($r->{status}, 422, 'a range of 61 days: 422');
like($r->{text}, qr{au plus 60 jours}, 'says the limit');
like($r->{text}, qr{<li><a href="#au">Une période compte au plus 60 jours}, 'the error summary links to the field');
$r = $add->($sunday, 'À l\'envers', $monday);
is($r->{status}, 422, 'a range that ends before it starts: 422');
like($r->{text}, qr{Le dernier jour est avant le premier}, 'says why');

$r = $add->($tuesday, 'Encore');
is($r->{status}, 422, 'the same day again: 422');
like($r->{text}, qr{Ce jour est déjà un jour de fermeture}, 'says why');
like($r->{text}, qr{value="Encore"}, 'what was typed is kept');
$r = $add->('2027-02-30');
is($r->{status}, 422, 'a date that does not exist: 422');
like($r->{text}, qr{Indiquez une date réelle}, 'says why');
like($r->{text}, qr{value="2027-02-30"}, 'the date typed is kept');
is($add->('le 3 mars')->{status}, 422, 'not a date: 422');
is($add->('')->{status}, 422, 'no date: 422');
my $yesterday = $stack->psql('SELECT current_date - 1');
$r = $add->($yesterday, 'Hier');
is($r->{status}, 422, 'a past date: 422');
like($r->{text}, qr{Cette date est passée}, 'says why');
unlike($r->{text}, qr{de fermeture ajouté}, 'never says added');
like($r->{text}, qr{<div class="error-box error-summary" role="alert"[^>]*>\s*<h2[^>]*>Le jour de fermeture n(?:'|&#39;)est pas ajouté</h2>\s*<ul>\s*<li><a href="#date">Cette date est passée},
	'an error summary linking to the field');
like($r->{text}, qr{value="$yesterday"}, 'the date typed is kept');
like($r->{text}, qr{value="Hier"}, 'and the label');
$r = $add->($yesterday, 'Hier', $tuesday);
is($r->{status}, 422, 'a range starting in the past: 422');
like($r->{text}, qr{Cette date est passée}, 'says why');
$r = $add->($stack->psql('SELECT current_date + 40'), 'x' x 201);
is($r->{status}, 422, 'a label over 200 characters: 422');
is($stack->psql('SELECT count(*) FROM closure_day'), '7', 'nothing saved by the refused forms');
is($b->post('/intranet/fermetures', { date => $tuesday })->{status}, 403, 'no anti-forgery token: 403');

# Deleting goes through a confirmation page.
$r = $b->get('/intranet/fermetures');
like($r->{text}, qr{<a class="danger-link" href="/intranet/fermetures/$tuesday">Supprimer}, 'each day links to its deletion');
unlike($r->{text}, qr{<form[^>]*action="/intranet/fermetures/$tuesday"}, 'no delete form on the list');
# An open demand received before the Tuesday and due after it.
$stack->psql("UPDATE demand SET status = 'close'");
$stack->psql("UPDATE demand SET status = 'en_instruction', received_on = current_date, due_on = '$tuesday'::date + 3"
	. " WHERE id = (SELECT min(id) FROM demand)");
$dues_before = $dues->();
$r = $b->get("/intranet/fermetures/$tuesday");
is($r->{status}, 200, 'the confirmation page');
like($r->{text}, qr{<h1>Supprimer le jour de fermeture du mardi [^<]+ \?</h1>}, 'asks, in words');
like($r->{text}, qr{<form method="post" action="/intranet/fermetures/$tuesday" class="stacked warning">}, 'in the warning style');
like($r->{text}, qr{<button type="submit" class="danger">Supprimer ce jour de fermeture</button>}, 'a danger button');
like($r->{text}, qr{Les échéances des demandes reçues après ce changement ne sauteront plus ce jour}, 'states the consequence');
like($r->{text}, qr{1 demande en cours a une échéance calculée en sautant ce jour : elle ne change pas}, 'and the demands concerned');
like($r->{text}, qr{<a href="/intranet/fermetures">Annuler, garder ce jour</a>}, 'a way back');
is($stack->psql("SELECT count(*) FROM closure_day WHERE day = '$tuesday'"), '1', 'the page alone deletes nothing');
like($b->get("/intranet/fermetures/$next_sat")->{text}, qr{Ce jour reste non ouvré}, 'a Saturday: nothing changes');
is($b->get('/intranet/fermetures/2027-02-30')->{status}, 404, 'a bad date: 404');
is($b->get('/intranet/fermetures/' . $stack->psql("SELECT '$monday'::date + 5"))->{status}, 404, 'a day that is not closed: 404');
is($conseil->get("/intranet/fermetures/$tuesday")->{status}, 403, 'a conseiller: 403');
my %del = $b->form_fields($r, "/intranet/fermetures/$tuesday");
is($del{action}, 'supprimer', 'the confirmation form');
$r = $b->post("/intranet/fermetures/$tuesday", \%del);
is($r->{status}, 303, 'deleted: 303');
is($r->{headers}{location}, "/intranet/fermetures?supprime=$tuesday", 'back to the list');
is($stack->psql("SELECT count(*) FROM closure_day WHERE day = '$tuesday'"), '0', 'gone');
like($b->get($r->{headers}{location})->{text}, qr{Le mardi [^<]+ n(?:'|&#39;)est plus un jour de fermeture}, 'a banner naming the day');
is($b->post("/intranet/fermetures/$tuesday", \%del)->{status}, 404, 'deleting it again: 404');
is($b->post('/intranet/fermetures/2027-02-30', \%del)->{status}, 404, 'a bad date in the path: 404');
is($b->post("/intranet/fermetures/$next_sat", { %del, action => 'autre' })->{status}, 422, 'an unknown action: 422');
is($dues->(), $dues_before, 'still no stored due date moved');

# --- formations remind ------------------------------------------------------------------
my $conseil_id = $stack->psql("SELECT id FROM staff_user WHERE email = 'conseil\@egoc.example'");
$stack->psql("UPDATE demand SET status = 'close'");
my %r;
for ([r1 => 5, 'intra', 1], [r2 => 2, 'intra', 0], [r3 => 10, 'inter', 1], [r4 => 3, 'inter', 1],
		[r5 => 0, 'intra', 0], [r6 => -4, 'intra', 0], [r7 => 0, 'intra', 0], [r8 => 4, 'intra', 0],
		[r9 => 5, 'inter', 1]) {
	my ($k, $left, $type, $assigned) = @$_;
	$r{$k} = demand(organisme => "Caf $k", type => $type);
	set_demand($r{$k}, "status = 'en_instruction', due_on = current_date + $left"
		. ($assigned ? ", assignee_id = $conseil_id" : ''));
}
set_demand($r{r7}, "status = 'attente_demandeur', paused_since = now()");
my $out = `$cli remind 2>&1`;
is($?, 0, 'formations remind runs');
like($out, qr/^queued 10 warnings\n/, "and queues 10 warnings");
my $warn = sub {
	my ($k) = @_;
	return $stack->psql("SELECT string_agg(to_address, ' ' ORDER BY to_address) FROM mail_outbox"
		. " WHERE kind = 'rappel' AND demand_id = $r{$k}");
};
is($warn->('r1'), 'conseil@egoc.example', '15j at D-5: the assignee');
is($warn->('r2'), "$admin formation\@egoc.example", '15j at D-2, unassigned: EGOC and the manager (admin)');
is($warn->('r3'), 'conseil@egoc.example', '1mois at D-10: the assignee');
is($warn->('r4'), "$admin conseil\@egoc.example", '1mois at D-3: assignee and manager');
is($warn->('r5'), "$admin formation\@egoc.example", 'the due day: both');
is($warn->('r6'), "$admin formation\@egoc.example", 'late: both');
is($warn->('r7'), '', 'paused: nothing');
is($warn->('r8'), '', '15j at D-4: nothing (between thresholds)');
is($warn->('r9'), '', '1mois at D-5: nothing');
is($stack->psql("SELECT dedup_key FROM mail_outbox WHERE demand_id = $r{r1} AND kind = 'rappel'"),
	"warn:$r{r1}:$today:conseil\@egoc.example", 'dedup_key warn:<demand>:<day>:<recipient>');
my $ref_r1 = $stack->psql("SELECT reference FROM demand WHERE id = $r{r1}");
my ($subject, $body) = split /\|/, $stack->psql("SELECT subject, replace(body, chr(10), ' ') FROM mail_outbox"
	. " WHERE demand_id = $r{r1} AND kind = 'rappel'"), 2;
is($subject, "Demande $ref_r1 : réponse attendue dans 5 jours", 'a French subject');
like($body, qr{La demande de formation \Q$ref_r1\E doit recevoir une réponse au plus tard le \w+ \d+(er)? \w+ \d{4}\.},
	'the reference and the due date in words');
like($body, qr{Il reste 5 jours}, 'the days left');
like($body, qr{Organisme : Caf r1}, 'the organisation');
like($body, qr{Formation : \Q$course\E}, 'the course');
like($body, qr{/intranet/demandes/$r{r1}\b}, 'a link to the demand');
like($stack->psql("SELECT subject FROM mail_outbox WHERE demand_id = $r{r6} AND kind = 'rappel' LIMIT 1"),
	qr{réponse en retard de 4 jours}, 'a late one says so');
$out = `$cli remind 2>&1`;
like($out, qr/^queued 0 warnings\n/, "a second run queues nothing");
is($stack->psql("SELECT count(*) FROM mail_outbox WHERE kind = 'rappel'"), '10', 'still 10 warnings');

# --- formations purge -----------------------------------------------------------------------
my ($gone, $recent, $open) = ($d{a1}, $d{a2}, $r{r1});
$stack->psql("UPDATE demand_event SET at = now() - interval '40 days', comment = 'Merci, Claire Martin'"
	. " WHERE demand_id IN ($gone, $open)");
$stack->psql("UPDATE demand SET status = 'close' WHERE id IN ($gone, $recent)");
my $mails_gone = $stack->psql("SELECT count(*) FROM mail_outbox WHERE demand_id = $gone");
ok($mails_gone > 0, "the old demand had mails ($mails_gone)");
$out = `$cli purge 2>&1`;
is($?, 0, 'formations purge runs');
like($out, qr{^anonymised 1 demands\n}, 'and anonymises one demand');
is($stack->psql("SELECT concat_ws('|', last_name, first_name, email, phone, job_title, accessibility,"
	. " message, period, place, anonymised_at IS NOT NULL) FROM demand WHERE id = $gone"),
	'anonyme|anonyme|anonyme@invalid|||||||t', 'the closed demand of 40 days ago is anonymised');
is($stack->psql("SELECT count(*) FROM demand_event WHERE demand_id = $gone AND comment <> ''"), '0',
	'its events keep no comment');
is($stack->psql("SELECT count(*) FROM mail_outbox WHERE demand_id = $gone"), '0', 'nor mails');
is($stack->psql("SELECT organisation || ' ' || status FROM demand WHERE id = $gone"), 'Caf a1 close',
	'organisation and status stay for the figures');
is($stack->psql("SELECT last_name || ' ' || (anonymised_at IS NULL) FROM demand WHERE id = $recent"),
	'Martin true', 'a demand closed recently is kept');
is($stack->psql("SELECT last_name || ' ' || (anonymised_at IS NULL) FROM demand WHERE id = $open"),
	'Martin true', 'an open demand with old events is kept');
is($stack->psql("SELECT count(*) FROM demand_event WHERE demand_id = $open AND comment <> ''") > 0, 1,
	'with its comments');
is(`$cli purge 2>&1`, "anonymised 0 demands\nanonymised 0 accessibility needs of past sessions\n",
	'a second run anonymises nothing');

$stack->stop;
done_testing();
