#!/usr/bin/env perl
# The course editor through the real stack: the form in sections with a
# table of contents and a save bar; the programme of the real fiche as
# modules, days and steps with their own fields, which saved into a new
# course give the same stored rows and the same public fiche; rows added
# and removed by plain POSTs (no JavaScript), each coming back to its
# anchor; the text import kept; a refused save with its error summary
# linking to fields that exist, everything typed kept; and each line of
# the completeness page linking to a field of the edit form.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Stack;
use Browser;

my $stack = Stack->start(name => 'course-editor', demo => 1);
my ($admin, $pw) = $stack->demo_admin;
my $a = Browser->new($stack->base);
$a->login($admin, $pw);
my $pub = Browser->new($stack->base);

my $id = $stack->psql("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $edit = "/intranet/formations/$id";

sub ids { my ($html) = @_; my %ids = map { $_ => 1 } $html =~ /\bid="([^"]+)"/g; return \%ids }

# The form's fields as ordered pairs, with some replaced or added.
sub fields_of {
	my ($res, $action, %changes) = @_;
	my @f = $a->form_fields($res, $action);
	for (my $i = 0; $i < @f; $i += 2) {
		$f[$i + 1] = delete $changes{$f[$i]} if exists $changes{$f[$i]};
	}
	return (@f, %changes);
}

# The stored programme of a course, one line per row, in order.
sub stored {
	my ($course) = @_;
	return $stack->psql(qq{SELECT string_agg(concat_ws('|', m.position, m.number, m.title, m.intro, m.format,
		d.position, d.heading, d.subject, d.steps_intro, s.position, s.level, s.text), E'\\n'
		ORDER BY m.position, d.position, s.position)
		FROM course_module m LEFT JOIN course_day d ON d.module_id = m.id
		LEFT JOIN day_step s ON s.day_id = d.id WHERE m.course_id = $course});
}

# The programme of a public fiche: its module sections, as a reader gets them.
my $visit = 0;
sub public_programme {
	my ($slug) = @_;
	my $t = $pub->get("/formations/$slug?v=" . ++$visit)->{text};
	return join "\n", $t =~ m{(<section class="module">.*?</section>)}gs;
}

# --- sections, table of contents, save bar
my $r = $a->get($edit);
is($r->{status}, 200, 'the editor of the real fiche');
my $page = $r->{text};
my @sections = qw(presentation public objectifs programme modalites accessibilite tarifs);
for my $s (@sections) {
	like($page, qr{<section class="form-section" id="$s" aria-labelledby="$s-titre">\s*<h2 id="$s-titre">},
		"section $s with its heading");
	like($page, qr{<nav class="toc".*?<a href="#$s">.*?</nav>}s, "and its entry in the table of contents");
}
my ($form) = $page =~ m{<form method="post" action="\Q$edit\E"[^>]*>(.*?)</form>}s;
my ($first_button) = ($form // '') =~ m{(<button\b[^>]*>[^<]*</button>)};
like($first_button // '', qr{<button type="submit">Enregistrer la fiche</button>},
	'the first button of the form saves (Enter saves, never removes a row)');
like($form // '', qr{^\s*<div class="save-bar">\s*<button type="submit">Enregistrer}, 'in the save bar, first in the form');
like($stack->get('/static/site.css')->{content}, qr{\.save-bar \{ position: sticky; top: 0;}, 'which sticks to the top');
my $ids = ids($page);
my @missing_fields = grep { !$ids->{"f-$_"} } qw(title kind category modality trainers duration_text
	duration_days duration_hours audience prerequisites group_size objective evaluable_objectives
	content_intro programme programme_notes methods access_modalities access_delay eval_before
	eval_during eval_hot eval_cold attendance_proof certificate_text accessibility
	accessibility_premises disability_referent_name disability_referent_contact contact_phones
	contact_email contact_text prices price_per_trainee satisfaction_rate);
is("@missing_fields", '', 'every field of the fiche has its id f-NAME');
# The satisfaction rate is computed from the answers, not typed: no field,
# the editor says where it comes from and what the fiche shows today.
unlike($form // '', qr{name="satisfaction_(?:rate|answers|period)"}, 'no typed satisfaction rate, answers or period');
like($page, qr{<div class="field" id="f-satisfaction_rate" tabindex="-1">\s*<h3>Taux de satisfaction</h3>\s*<p>Il ne se saisit pas : la fiche publie la part des participants ayant répondu 4 ou 5 sur 5}, 'the editor says how the rate is computed');
like($page, qr{Aujourd.hui, la fiche affiche : <strong>(?:Taux de satisfaction publié à partir de 5 réponses|\d+ % de participants satisfaits)}, 'and what the fiche shows today');
like($page, qr{<a href="/intranet/evaluations\?formation=\d+">Résultats des évaluations de cette formation</a>}, 'with a link to the results');

# --- the programme as rows
my %f = $a->form_fields($r, $edit);
is($f{'m1-number'}, 'Module 3', 'module 1 of the form is the fiche\'s Module 3');
like($f{'m1-title'}, qr{^Partager entre Conseillers techniques CAF}, 'with its title');
like($f{'m1-intro'}, qr{^Ce module s'inscrira}, 'and its intro');
is($f{'m1-d1-heading'}, 'Journée 1', 'its first day');
like($f{'m1-d1-subject'}, qr{^De la CTG aux changements durables}, 'with its subject');
is($f{'m1-d1-intro'}, 'Processus proposé :', 'and the line before its steps');
is($f{'m1-d1-s4-level'}, '1', 'its fourth step is a sub-step');
is($f{'m3-d1-heading'}, "Séminaire d'une journée", 'module 5 is a seminar');
is(scalar(grep { /^m\d+-d\d+-s\d+-text$/ } keys %f), 21, 'the fiche\'s 21 steps');
is(scalar(grep { /^m\d+-d\d+-heading$/ } keys %f), 5, 'in 5 days');
like($f{programme}, qr{^# Module 3 : Partager}, 'the text form is still there, for import');

# Saved untouched, nothing changes.
$r = $a->post($edit, [ fields_of($a->get($edit), $edit) ]);
like($r->{headers}{location} // '', qr{inchange=1}, 'the rows sent back as drawn: nothing to save');
# A typed rate sent anyway (an old form) changes nothing: the column keeps
# what it had, the fiche's rate is computed.
my $typed = $stack->psql("SELECT coalesce(satisfaction_rate::text, '-') || '/' || coalesce(satisfaction_answers::text, '-') || '/' || satisfaction_period FROM course WHERE id = $id");
$r = $a->post($edit, [ fields_of($a->get($edit), $edit, satisfaction_rate => '12', satisfaction_answers => '3', satisfaction_period => '2020') ]);
like($r->{headers}{location} // '', qr{inchange=1}, 'a typed satisfaction rate sent: nothing to save');
is($stack->psql("SELECT coalesce(satisfaction_rate::text, '-') || '/' || coalesce(satisfaction_answers::text, '-') || '/' || satisfaction_period FROM course WHERE id = $id"),
	$typed, 'the old columns are not written');

# --- the rows of the real fiche saved into a new course: the same rows
# and the same public programme as the parser gave the fiche
my $before = stored($id);
my $public_before = public_programme('cooperation-territoriale');
like($public_before, qr{Co-construction d(?:'|&#39;)un processus}, 'the real fiche\'s public programme');
my %rows = map { $_ => $f{$_} } grep { /^m\d+-/ } keys %f;
$r = $a->post('/intranet/formations', [ _csrf => $a->token_from($a->get('/intranet/formations/nouvelle')),
	title => 'Copie en champs', kind => 'intra', modality => 'presentiel', %rows ]);
is($r->{status}, 303, 'a new course from the rows alone');
my ($new) = ($r->{headers}{location} // '') =~ m{/intranet/formations/(\d+)};
is(stored($new), $before, 'its stored programme is the real fiche\'s, row for row');
$a->submit("/intranet/formations/$new", "/intranet/formations/$new/statut", [ statut => 'published' ]);
my $new_slug = $stack->psql("SELECT slug FROM course WHERE id = $new");
is(public_programme($new_slug), $public_before, 'and its public programme the same');

# --- one step changed in its field, then back: the public fiche follows, then is as before
my $step = 'm2-d1-s2-text';
$r = $a->post($edit, [ fields_of($a->get($edit), $edit, $step => 'Identifier les facteurs clefs, revus.') ]);
is($r->{status}, 303, 'a step changed in its field is saved');
like(stored($id), qr{\|0\|Identifier les facteurs clefs, revus\.}, 'stored');
like($a->get($edit)->{text}, qr{<td>modification</td><td>programme</td>}, 'the history says the programme changed');
like(public_programme('cooperation-territoriale'), qr{Identifier les facteurs clefs, revus\.}, 'the public fiche shows it');
$r = $a->post($edit, [ fields_of($a->get($edit), $edit, $step => $f{$step}) ]);
is($r->{status}, 303, 'changed back');
is(stored($id), $before, 'the stored programme is as before');
is(public_programme('cooperation-territoriale'), $public_before, 'and the public fiche too');

# --- add and remove rows without JavaScript: plain POSTs, nothing saved
my $version = $stack->psql("SELECT version FROM course WHERE id = $id");
$r = $a->get($edit);
like($r->{text}, qr{<button type="submit" class="quiet" name="programme_action" value="add-step-1-1" formaction="\Q$edit\E#f-m1-d1-s6-text">},
	'the button that adds a step goes back to the new step\'s field');
$r = $a->post($edit, [ fields_of($r, $edit, programme_action => 'add-step-1-1', title => 'Titre tapé avant') ]);
is($r->{status}, 200, 'add a step: the form again');
ok(ids($r->{text})->{'f-m1-d1-s6-text'}, 'with the new step\'s field, the anchor the button named');
like($r->{text}, qr{Étape ajoutée à la journée 1 du module 1\..*Rien n&#39;est enregistré}s, 'a banner says what happened');
%f = $a->form_fields($r, $edit);
is($f{title}, 'Titre tapé avant', 'what was typed elsewhere is kept');
is($f{'m1-d1-s6-text'}, '', 'the new step is empty');
is($stack->psql("SELECT version FROM course WHERE id = $id"), $version, 'nothing saved');
$r = $a->post($edit, [ fields_of($r, $edit, programme_action => 'add-day-2') ]);
%f = $a->form_fields($r, $edit);
ok(exists $f{'m2-d3-heading'} && exists $f{'m2-d3-s1-text'}, 'add a day: a blank day with a blank step');
$r = $a->post($edit, [ fields_of($r, $edit, programme_action => 'add-module') ]);
%f = $a->form_fields($r, $edit);
ok(exists $f{'m4-number'} && exists $f{'m4-d1-heading'} && exists $f{'m4-d1-s1-text'},
	'add a module: with a day and a step');
ok(exists $f{'m1-d1-s6-text'} && exists $f{'m2-d3-heading'}, 'the rows added before are still there');
my $title = $stack->psql("SELECT title FROM course WHERE id = $id");
$r = $a->post($edit, [ fields_of($r, $edit, title => $title) ]);
like($r->{headers}{location} // '', qr{inchange=1}, 'blank rows are ignored by the save: nothing changed');

$r = $a->post($edit, [ fields_of($a->get($edit), $edit, programme_action => 'add-step-3-1') ]);
$r = $a->post($edit, [ fields_of($r, $edit, 'm3-d1-s5-text' => 'Une cinquième étape du séminaire.',
	'm3-d1-s5-level' => '1') ]);
is($r->{status}, 303, 'a step added and filled in is saved');
like(stored($id), qr{\|4\|1\|Une cinquième étape du séminaire\.$}m, 'as a sub-step, fifth of the seminar');
$r = $a->post($edit, [ fields_of($a->get($edit), $edit, programme_action => 'remove-step-3-1-5') ]);
is($r->{status}, 200, 'remove a step: the form again');
ok(!exists { $a->form_fields($r, $edit) }->{'m3-d1-s5-text'}, 'without the step');
like($r->{text}, qr{Étape 5 de la journée 1 du module 3 retirée}, 'saying so');
is($a->post($edit, [ fields_of($r, $edit) ])->{status}, 303, 'saved');
is(stored($id), $before, 'the programme is the fiche\'s again');

$r = $a->post($edit, [ fields_of($a->get($edit), $edit, programme_action => 'remove-day-1-2') ]);
%f = $a->form_fields($r, $edit);
ok(!exists $f{'m1-d2-heading'} && exists $f{'m2-d2-heading'}, 'remove a day: module 1 keeps one');
$r = $a->post($edit, [ fields_of($r, $edit, programme_action => 'remove-module-1') ]);
%f = $a->form_fields($r, $edit);
is($f{'m1-number'}, 'Module 4', 'remove a module: the next moves up');
ok(!exists $f{'m3-title'}, 'two modules left');
is($a->post($edit, [ fields_of($r, $edit, programme_action => 'remove-step-9-9-9') ])->{status}, 200,
	'a row that does not exist: the form again, unchanged');
is($a->post($edit, [ fields_of($r, $edit, programme_action => 'jeter-tout') ])->{status}, 400,
	'an unknown button: 400');
is(stored($id), $before, 'none of that was saved');

# --- a refused save: the summary links to each field in error, all kept
$r = $a->get($edit);
$r = $a->post($edit, [ fields_of($r, $edit, 'm2-d1-heading' => '', 'm1-d2-s1-level' => '1',
	'm1-d1-s1-text' => 'Une étape retouchée', title => '', audience => 'Un public tapé') ]);
is($r->{status}, 422, 'a day without heading, a sub-step first, no title: 422');
my ($summary) = $r->{text} =~ m{(<div class="error-box error-summary".*?</div>)}s;
ok($summary, 'an error summary');
my @links = ($summary // '') =~ m{<a href="#([^"]+)">}g;
is("@links", 'f-title f-m1-d2-s1-level f-m2-d1-heading', 'links to the title, the level and the heading');
$ids = ids($r->{text});
is(join(' ', grep { !$ids->{$_} } @links), '', 'each link leads to a field of the page');
like($summary // '', qr{Module 2, journée 1 \(intitulé\) : L&#39;intitulé de la journée est vide\.}, 'says which and why');
like($r->{text}, qr{<span class="field-error" id="e-m2-d1-heading">L&#39;intitulé de la journée est vide\.</span>\s*<input id="f-m2-d1-heading"[^>]*aria-invalid="true"},
	'the message above its field, the field marked');
%f = $a->form_fields($r, $edit);
is("$f{title}|$f{audience}|$f{'m1-d1-s1-text'}|$f{'m2-d1-heading'}|$f{'m1-d2-s1-level'}",
	'|Un public tapé|Une étape retouchée||1', 'everything typed is kept');
is(stored($id), $before, 'nothing saved');

# --- the text import
my $text = "# Module 1 : Découvrir\n\n## Journée 1 : Premiers pas\n\nProcessus proposé :\n\n- Une étape\n  - Une sous-étape\n";
my $course2 = $new;
my $edit2 = "/intranet/formations/$course2";
$r = $a->post($edit2, [ fields_of($a->get($edit2), $edit2, programme => $text, programme_action => 'import') ]);
is($r->{status}, 200, 'import a text into the fields');
%f = $a->form_fields($r, $edit2);
is("$f{'m1-number'}|$f{'m1-title'}|$f{'m1-d1-heading'}|$f{'m1-d1-s2-text'}|$f{'m1-d1-s2-level'}",
	'Module 1|Découvrir|Journée 1|Une sous-étape|1', 'the rows are the text\'s');
ok(!exists $f{'m2-title'}, 'and only them');
is($stack->psql("SELECT count(*) FROM course_module WHERE course_id = $course2"), 3, 'not saved yet');
is($a->post($edit2, [ fields_of($r, $edit2) ])->{status}, 303, 'saved');
is($stack->psql("SELECT string_agg(text, ',' ORDER BY position) FROM day_step WHERE day_id IN (SELECT d.id FROM course_day d JOIN course_module m ON m.id = d.module_id WHERE m.course_id = $course2)"),
	'Une étape,Une sous-étape', 'the imported programme is stored');
$r = $a->post($edit2, [ fields_of($a->get($edit2), $edit2, programme_action => 'import', programme => "- sans journée") ]);
is($r->{status}, 422, 'a malformed text is not imported');
like($r->{text}, qr{<details class="import" open>}, 'its box open');
like($r->{text}, qr{<a href="#f-programme">[^<]*Ligne 1 : }, 'the summary names the line');
$r = $a->get($edit2);
$r = $a->post($edit2, [ fields_of($r, $edit2, programme => "# Module 9 : Autre\n", 'm1-title' => 'Changé aussi') ]);
is($r->{status}, 422, 'the rows and the text both changed: 422');
like($r->{text}, qr{changé à la fois dans ses champs et dans ce texte}, 'saying to keep one');
$r = $a->post($edit2, [ fields_of($a->get($edit2), $edit2, programme => "# Module 9 : Autre\n") ]);
is($r->{status}, 303, 'the text alone changed: it is saved, as before the rows existed');
is($stack->psql("SELECT number || ' ' || title FROM course_module WHERE course_id = $course2"), 'Module 9 Autre',
	'the text\'s programme');

# --- a long programme (30 days of 6 steps) goes through the rows too
my $long = "# Module 1 : Une année\n" . join '', map { my $d = $_;
	"\n## Journée $d : Sujet $d\n\n" . join('', map { "- Étape $_ du jour $d\n" } 1 .. 6) } 1 .. 30;
$r = $a->post($edit2, [ fields_of($a->get($edit2), $edit2, programme => $long, programme_action => 'import') ]);
is($r->{status}, 200, 'a programme of 180 steps imported into the fields');
$r = $a->post($edit2, [ fields_of($r, $edit2, 'm1-d30-s6-text' => 'La toute dernière étape') ]);
is($r->{status}, 303, 'and saved from them (over 500 fields)');
is($stack->psql("SELECT count(*) || ' ' || max(s.text) FILTER (WHERE d.position = 29 AND s.position = 5) FROM day_step s JOIN course_day d ON d.id = s.day_id JOIN course_module m ON m.id = d.module_id WHERE m.course_id = $course2"),
	'180 La toute dernière étape', 'all 180 steps stored, the last one changed');

# --- a new course: the rows start blank
$r = $a->get('/intranet/formations/nouvelle');
%f = $a->form_fields($r, '/intranet/formations');
ok(exists $f{'m1-title'} && exists $f{'m1-d1-s1-text'}, 'a new course starts with a blank module, day and step');
$r = $a->post('/intranet/formations', [ fields_of($r, '/intranet/formations', programme_action => 'add-step-1-1') ]);
is($r->{status}, 200, 'its buttons work before it exists');
like($r->{text}, qr{formaction="/intranet/formations#f-m1-d1-s3-text"}, 'and post to the creation');

# --- completeness: each line links to a field of the edit form
$r = $a->get('/intranet/formations/completude');
my @targets = $r->{text} =~ m{<ul class="missing">(.*?)</ul>}gs;
my @items = map { m{<a href="/intranet/formations/(\d+)#([^"]+)">}g } @targets;
ok(@items >= 6, 'the completeness lines are links (' . (@items / 2) . ')');
my (%pages, @dead);
while (my ($course, $anchor) = splice @items, 0, 2) {
	$pages{$course} //= ids($a->get("/intranet/formations/$course")->{text});
	push @dead, "$course#$anchor" unless $pages{$course}{$anchor};
}
is("@dead", '', 'each leads to an id of the edit form');
like($r->{text}, qr{<a href="/intranet/formations/$id#f-prices">Tarifs</a>}, 'the real fiche\'s prices, to their field');

$stack->stop;
done_testing();
