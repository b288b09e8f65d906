#!/usr/bin/env perl
# Course text through the real stack, as hostile as staff can make it:
# angle brackets typed in plain and rich fields are kept as typed and shown
# escaped, while a Word paste is still cleaned; links to site paths are
# accepted and protocol-relative ones refused; the same title 25 times and
# 22 copies of one course all get a slug, and a failure of the database
# never loses the form.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Stack;
use Browser;

my $stack = Stack->start(name => 'course-text', demo => 1);
my ($admin, $pw) = $stack->demo_admin;
my $a = Browser->new($stack->base);
$a->login($admin, $pw);
my $pub = Browser->new($stack->base);
my $fixture = "$FindBin::Bin/fixtures/fiche-cooperation-territoriale.txt";

sub create {
	my (%fields) = @_;
	return $a->edit_form('/intranet/formations/nouvelle', '/intranet/formations', %fields);
}

sub created_id {
	my ($r) = @_;
	my ($id) = ($r->{headers}{location} // '') =~ m{/intranet/formations/(\d+)};
	return $id;
}

sub column {
	my ($id, $name) = @_;
	return $stack->psql("SELECT $name FROM course WHERE id = $id");
}

# The fiche as a reader sees it, entities undone; a new query string each
# time, so that nginx's one-second cache never answers.
my $visit = 0;
sub public_text {
	my ($slug) = @_;
	my $t = $pub->get("/formations/$slug?v=" . ++$visit)->{text};
	$t =~ s/&#39;/'/g; $t =~ s/&quot;/"/g;
	return $t;
}

# --- angle brackets typed by staff (issue 14, 4)
my $title = 'Initiation <HTML> et <CSS> pour agents';
my $audience = 'niveau <B> ou <C>, groupes < 12 et > 4';
my $objective = "Comprendre <B> et <C>, puis 3 < 4.\n\n- la balise <p>\n- le <br>";
my $r = create(title => $title, audience => $audience, objective => $objective,
	trainers => 'Équipe <formation> & partenaires');
is($r->{status}, 303, 'a course with angle brackets in its text is created');
my $id = created_id($r);
is(column($id, 'title'), $title, 'the title is saved as typed');
is(column($id, 'audience'), $audience, 'the audience is saved as typed');
is(column($id, 'objective'), $objective, 'the rich objective is saved as typed');
is(column($id, 'trainers'), 'Équipe <formation> & partenaires', 'and the trainers too');
my %form = $a->form_fields($a->get("/intranet/formations/$id"), "/intranet/formations/$id");
is($form{title}, $title, 'the edit form gives the title back as typed');
is($form{audience}, $audience, 'and the audience');
my $slug = column($id, 'slug');
is($a->submit("/intranet/formations/$id", "/intranet/formations/$id/statut",
	[ statut => 'published' ])->{status}, 303, 'published');
my $page = public_text($slug);
like($page, qr{<h1>Initiation &lt;HTML&gt; et &lt;CSS&gt; pour agents</h1>},
	'the public fiche shows the title as typed, escaped');
like($page, qr{niveau &lt;B&gt; ou &lt;C&gt;, groupes &lt; 12 et &gt; 4},
	'and the audience');
like($page, qr{<p>Comprendre &lt;B&gt; et &lt;C&gt;, puis 3 &lt; 4\.</p>},
	'the rich objective shows the brackets as text');
like($page, qr{<li>la balise &lt;p&gt;</li>\s*<li>le &lt;br&gt;</li>}, 'in its list too');
unlike($page, qr{raw HTML omitted|<B>|<C>|<CSS>}, 'nothing typed became markup or vanished');

# --- a Word paste is still cleaned
my $word = qq{<p class=MsoNormal style='mso-margin-top-alt:auto'><span style='mso-bidi-font-family:Calibri'>}
	. qq{Objectif\x{a0}: l\x{2019}engagement <b>collectif</b><o:p></o:p></span></p>};
$r = $a->edit_form("/intranet/formations/$id", "/intranet/formations/$id", objective => $word);
is($r->{status}, 303, 'a Word paste is saved');
is(column($id, 'objective'), "Objectif : l'engagement **collectif**", 'cleaned to Markdown');
SKIP: {
	skip "no fixture at $fixture", 4 unless -r $fixture;
	open my $fh, '<:encoding(UTF-8)', $fixture or die $!;
	my $text = do { local $/; <$fh> };
	my ($block) = $text =~ /(Il s'agit bien de partir.*?C'est pourquoi elle permet)/s;
	ok($block && $block =~ /mso-style-name/, 'the fixture holds Word\'s style sheet');
	$r = $a->edit_form("/intranet/formations/$id", "/intranet/formations/$id", methods => $block // '');
	is($r->{status}, 303, 'the fixture\'s paragraphs with Word debris are saved');
	my $saved = column($id, 'methods');
	unlike($saved, qr{mso-|MsoNormalTable|AR-SA|Style Definitions|Calibri|```}, 'without the debris');
	like($saved, qr{pistes de progrès.*\n\nCette démarche de formation « propose}s,
		'the paragraphs around it kept');
}

# --- links in rich text (issue 14, 6)
$r = $a->edit_form("/intranet/formations/$id", "/intranet/formations/$id",
	methods => 'Voir [le catalogue](catalogue), [une fiche](formations/x) et [plus haut](#ancre).');
is($r->{status}, 303, 'site paths of eight letters or more are accepted');
like(public_text($slug), qr{<a href="catalogue">le catalogue</a>, <a href="formations/x">une fiche</a>},
	'and shown as links');
$r = $a->edit_form("/intranet/formations/$id", "/intranet/formations/$id",
	methods => 'Voir [ici](//evil.example/x).');
is($r->{status}, 422, 'a protocol-relative link is refused');
like($r->{text}, qr{adresse d&#39;un lien doit commencer par http}, 'with the rule for links');
unlike(column($id, 'methods'), qr{evil}, 'and not saved');

# --- the same title again and again (issue 14, 5)
my (@status, %slugs);
for my $n (1 .. 25) {
	$r = create(title => 'Accueil des publics', objective => "Version $n.");
	push @status, $r->{status};
	my $cid = created_id($r);
	$slugs{column($cid, 'slug')} = 1 if $cid;
}
is("@status", join(' ', (303) x 25), '25 courses with the same title are all created');
is(join(' ', sort keys %slugs),
	join(' ', sort('accueil-des-publics', map { "accueil-des-publics-$_" } 2 .. 25)),
	'under the title\'s slug, then -2 ... -25');
my $titled = column(created_id(create(title => '« ! »')), 'slug') . ' '
	. column(created_id(create(title => '« ? »')), 'slug');
is($titled, 'formation formation-2', 'titles without letters get formation, formation-2');

my $src = $stack->psql("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
my $src_edit = "/intranet/formations/$src";
my (@dup_status, @copies);
for my $n (1 .. 22) {
	$r = $a->submit($src_edit, "$src_edit/dupliquer", []);
	push @dup_status, $r->{status};
	push @copies, created_id($r) // 0;
}
is("@dup_status", join(' ', (303) x 22), 'a course duplicated 22 times: 22 copies');
is($stack->psql("SELECT string_agg(slug, ' ' ORDER BY id) FROM course WHERE id IN (" . join(',', @copies) . ')'),
	join(' ', 'cooperation-territoriale-copie', map { "cooperation-territoriale-copie-$_" } 2 .. 22),
	'under -copie, -copie-2 ... -copie-22');
is($stack->psql("SELECT count(*) FROM course_module WHERE course_id = $copies[-1]"), 3,
	'the last copy has the programme');
$r = $a->submit("/intranet/formations/$copies[2]", "/intranet/formations/$copies[2]/dupliquer", []);
is($r->{status}, 303, 'a copy is duplicated');
is(column(created_id($r), 'slug'), 'cooperation-territoriale-copie-23', 'and numbered with the others');
my $long = 'Une formation au titre très long ' . ('x' x 267);
$r = create(title => $long);
is($r->{status}, 303, 'a course with a 300-character title');
my $long_id = created_id($r);
$r = $a->submit("/intranet/formations/$long_id", "/intranet/formations/$long_id/dupliquer", []);
is($r->{status}, 303, 'is duplicated');
is($stack->psql('SELECT length(title) || right(title, 9) FROM course WHERE id = ' . (created_id($r) // 0)),
	'300x (copie)', 'its title cut to make room for (copie)');

# A failure of the database never loses the form. A trigger stands for
# what the application cannot foresee: first a conflict that keeps coming
# back, then a plain failure, then one in the programme.
my $programme = "# Module 1 : Découvrir\n\n## Journée 1 : Premiers pas\n\n- Une étape";
my $count_refused = sub {
	$stack->psql(q{SELECT count(*) FROM course WHERE title = 'Une formation refusée'});
};
$stack->psql(q{CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE unique_violation; END'});
$stack->psql(q{CREATE TRIGGER test_refuse BEFORE INSERT ON course FOR EACH ROW EXECUTE FUNCTION test_refuse()});
my @typed = (title => 'Une formation refusée', audience => 'Tous les <agents>', programme => $programme);
$r = create(@typed);
is($r->{status}, 409, 'a conflict that persists: 409');
like($r->{text}, qr{n&#39;a pas pu être enregistrée.*vos saisies sont conservées}s, 'says so in French');
my %back = $a->form_fields($r, '/intranet/formations');
is("$back{title}|$back{audience}|$back{programme}", "Une formation refusée|Tous les <agents>|$programme",
	'the form comes back as typed');
is($count_refused->(), 0, 'nothing was saved');
$r = $a->submit($src_edit, "$src_edit/dupliquer", []);
is($r->{status}, 409, 'a copy refused the same way: 409');
like($r->{text}, qr{copie de cette formation n&#39;a pas pu être créée}, 'says so on the fiche');
$stack->psql(q{CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''panne''; END'});
$r = create(@typed);
is($r->{status}, 500, 'a failure: 500');
%back = $a->form_fields($r, '/intranet/formations');
is("$back{title}|$back{programme}", "Une formation refusée|$programme", 'with the form as typed');
$stack->psql(q{DROP TRIGGER test_refuse ON course});
$stack->psql(q{CREATE TRIGGER test_refuse BEFORE INSERT ON course_module FOR EACH ROW EXECUTE FUNCTION test_refuse()});
$r = create(@typed);
is($r->{status}, 500, 'a failure while saving the programme: 500');
%back = $a->form_fields($r, '/intranet/formations');
is($back{programme}, $programme, 'with the form as typed');
is($count_refused->(), 0, 'and no course without its programme');
$stack->psql(q{CREATE TRIGGER test_refuse_update BEFORE UPDATE ON course FOR EACH ROW EXECUTE FUNCTION test_refuse()});
$r = $a->edit_form("/intranet/formations/$id", "/intranet/formations/$id", audience => 'Un public changé');
is($r->{status}, 500, 'a failure while saving an edit: 500');
%back = $a->form_fields($r, "/intranet/formations/$id");
is($back{audience}, 'Un public changé', 'with the edit form as typed');
like($r->{text}, qr{modifications n&#39;ont pas pu être enregistrées}, 'and a French message');
$stack->psql(q{DROP TRIGGER test_refuse_update ON course});
$stack->psql(q{DROP TRIGGER test_refuse ON course_module});
$r = create(@typed);
is($r->{status}, 303, 'once the database is well again, the same form is saved');
is($stack->psql('SELECT count(*) FROM course_module WHERE course_id = ' . (created_id($r) // 0)), 1,
	'with its programme');

$stack->stop;
done_testing();
