#!/usr/bin/env perl
# Course text through the real stack, as hostile as staff can make it:
# angle brackets typed in plain and rich fields are kept as typed and shown
# escaped, while a Word paste is still cleaned; links to site paths are
# accepted and protocol-relative ones refused.
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
my $fixture = "$FindBin::Bin/../../shared/fixtures/fiche-cooperation-territoriale.txt";

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

$stack->stop;
done_testing();
