#!/usr/bin/env perl
# The hostile-input findings of issue 14, each through the real stack: a
# demand is accepted only with an address its mail can reach (an
# internationalised domain goes out in punycode), one-line fields refuse
# line breaks on every form, a mail refused for good ends as failed and is
# shown to staff (and can be sent again), a demand cannot be assigned to a
# trainer, a slot edit keeps its programme day, the tracking page keeps
# the answer's line breaks, a notice's subject stays short.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(encode_utf8);
use Stack;
use Sink;
use Browser;

binmode(Test::More->builder->$_, ':encoding(UTF-8)') for qw(output failure_output todo_output);

my $smtp_port = Stack::free_port();
my $stack = Stack->start(name => 'findings', demo => 1,
	conf => "smtp_url = smtp://127.0.0.1:$smtp_port\n");
my $var = $stack->var;
my $sink = Sink->start(dir => "$var/mail", port => $smtp_port, args => [ '--refuse', '^inconnu@' ]);
my $cli = "$Stack::ROOT/cgi-bin/formations -c $var/formations.conf";
sub send_outbox { my $out = `$cli mail 2>&1`; return ($? >> 8, $out) }
sub q1 { my ($sql) = @_; return $stack->psql(encode_utf8($sql)) }

my $pub = Browser->new($stack->base);
my %good = (nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf23.caf.fr',
	telephone => '05 55 51 00 00', organisme => 'Caf de la Creuse', fonction => 'Responsable',
	formation => 'cooperation-territoriale', intitule => '', type => 'intra', participants => '12',
	periode => "printemps 2027\nou automne", lieu => 'Guéret', accessibilite => '',
	message => "Pour nos CTG.\nMerci.", consentement => 'oui');
sub post_demand {
	my (%over) = @_;
	my %form = $pub->form_fields($pub->get('/demande'), '/demande');
	return $pub->post('/demande', { %form, %good, %over });
}
sub demands { q1('SELECT count(*) FROM demand') }

# --- defect 1: addresses the mailer can deliver to ---------------------------------
my $before = demands();
for my $bad ('élodie@example.fr', 'jean(bureau)@caf.fr', 'jean@caf.fr (travail)', 'a..b@caf.fr') {
	my $r = post_demand(email => $bad);
	is($r->{status}, 422, "'$bad' is refused (422)");
	like($r->{text}, qr{id="e-email">[^<]*(adresse|avant le @)}, 'with a French message next to the field');
}
like(post_demand(email => 'élodie@example.fr')->{text}, qr{Retirez les lettres accentuées}, 'an accent says what to change');
is(demands(), $before, 'nothing saved');
my $r = post_demand(email => 'jean@exemple-café.fr', nom => 'Dupont');
is($r->{status}, 303, 'an internationalised domain is accepted');
my ($code, $out) = send_outbox();
is($code, 0, 'formations mail runs') or diag $out;
my @ack = grep { $_->{envelope}{rcpt_tos}[0] =~ /xn--/ } map { $sink->read($_) } $sink->files;
is(scalar @ack, 1, 'its acknowledgement left');
is($ack[0]{envelope}{rcpt_tos}[0], 'jean@xn--exemple-caf-lbb.fr', 'to the punycode form of the domain');
is($ack[0]{h}{to}, 'jean@xn--exemple-caf-lbb.fr', 'in the To header too');
is(q1("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL"), '0', 'nothing left pending');

# --- defect 2: one-line fields refuse line breaks, everywhere ------------------------
$before = demands();
for my $field (qw(nom prenom organisme fonction lieu telephone intitule)) {
	for my $break ("\n", "\r", "\x{2028}") {
		my $value = $field eq 'telephone' ? "05 55 51${break}00 00" : "Caf${break}Bcc: x\@y.fr";
		$r = post_demand($field => $value, ($field eq 'intitule' ? (formation => '') : ()));
		is($r->{status}, 422, sprintf('%s with %s: 422', $field, $break eq "\n" ? 'LF' : $break eq "\r" ? 'CR' : 'U+2028'));
	}
}
like($r->{text}, qr{seule ligne}, 'the message says the field is one line');
like($r->{text}, qr{printemps 2027\nou automne}, 'what was typed is kept, multi-line fields with their lines');
is(demands(), $before, 'nothing saved');
$r = post_demand(organisme => 'Caf du Cher', message => "Ligne 1\r\nLigne 2\tfin");
is($r->{status}, 303, 'line breaks and tabs stay allowed in multi-line fields');

my ($admin_email, $admin_pw) = $stack->demo_admin;
my $admin = Browser->new($stack->base);
is($admin->login($admin_email, $admin_pw)->{status}, 303, 'the admin logs in');
my $places = q1('SELECT count(*) FROM place');
$r = $admin->submit('/intranet/lieux', '/intranet/lieux', [ nom => "Salle\nBcc: x", adresse => '', ville => '',
	acces => "Métro A\nPuis bus 12", capacite => '20', accessibilite => '' ]);
is($r->{status}, 422, 'a place name with a line break: 422');
like($r->{text}, qr{nom-erreur">[^<]*seule ligne}, 'said next to the name');
like($r->{text}, qr{Métro A\nPuis bus 12}, 'the access text keeps its lines');
is(q1('SELECT count(*) FROM place'), $places, 'no place saved');
my $place = q1('SELECT min(id) FROM place');
$r = $admin->submit("/intranet/lieux/$place", "/intranet/lieux/$place",
	[ action => 'salle_ajouter', nom => "Salle\rB", capacite => '5', accessibilite => '' ]);
is($r->{status}, 422, 'a room name with a CR: 422');
my $trainers = q1('SELECT count(*) FROM trainer');
$r = $admin->submit('/intranet/formateurs', '/intranet/formateurs', [ nom => "Jean\nDupont", type => 'externe',
	email => '', telephone => '', organisme => "Cabinet\nX", compte => '' ]);
is($r->{status}, 422, 'a trainer name with a line break: 422');
is(q1('SELECT count(*) FROM trainer'), $trainers, 'no trainer saved');
$r = $admin->submit('/intranet/utilisateurs', '/intranet/utilisateurs', [ email => 'nouveau@egoc.example',
	nom => "Nouveau\nCompte", role => 'conseiller', motdepasse => 'un-mot-de-passe-long' ]);
is($r->{status}, 422, 'an account name with a line break: 422');
is(q1("SELECT count(*) FROM staff_user WHERE email = 'nouveau\@egoc.example'"), '0', 'no account saved');
$r = $admin->submit('/intranet/fermetures', '/intranet/fermetures', [ date => '2099-06-02', libelle => "Pont\nX" ]);
is($r->{status}, 422, 'a closure label with a line break: 422');
my $course = q1("SELECT id FROM course WHERE slug = 'cooperation-territoriale'");
$r = $admin->submit('/intranet/sessions/nouvelle', '/intranet/sessions', [ formation => $course, type => 'intra',
	organisme => "Caf\nde la Creuse", demande => '', lieu => '', min => '4', max => '12', statut => 'envisagee',
	cloture => '', notes => "Deux lignes\nde notes" ]);
is($r->{status}, 422, 'a session organisation with a line break: 422');
like($r->{text}, qr{seule ligne}, 'said so');

# --- defect 1 (end): a mail refused for good ends as failed, shown to staff --------
$r = post_demand(email => 'inconnu@caf23.caf.fr', nom => 'Inconnu');
is($r->{status}, 303, 'a demand whose mailbox the relay does not know');
my $demand = q1("SELECT id FROM demand WHERE email = 'inconnu\@caf23.caf.fr'");
($code, $out) = send_outbox();
is($code, 0, 'formations mail runs');
is(q1("SELECT count(*) FROM mail_outbox WHERE to_address = 'inconnu\@caf23.caf.fr' AND failed_at IS NOT NULL"
	. " AND sent_at IS NULL AND attempts = 1"), '1', 'the acknowledgement ended as failed at the first 5xx');
like(q1("SELECT last_error FROM mail_outbox WHERE to_address = 'inconnu\@caf23.caf.fr'"), qr/550/,
	"with the relay's answer");
my $files = () = $sink->files;
q1("UPDATE mail_outbox SET next_attempt = now() - interval '1 day' WHERE to_address = 'inconnu\@caf23.caf.fr'");
($code, $out) = send_outbox();
like($out, qr/sent 0, failed 0/, 'a failed mail is never tried again');
# a relay that stays away: given up after the last attempt
q1("INSERT INTO mail_outbox (to_address, subject, body, kind, attempts) VALUES ('loin\@caf.fr', 'Essai', 'x', 'test', 19)");
my $far = "$var/far.conf";
{ open my $fh, '>', $far or die $!; open my $in, '<', "$var/formations.conf" or die $!;
  print $fh $_ while <$in>; print $fh "smtp_url = smtp://127.0.0.1:" . Stack::free_port() . "\n"; }
$out = `$Stack::ROOT/cgi-bin/formations -c $far mail 2>&1`;
is(q1("SELECT attempts || ' ' || (failed_at IS NOT NULL) FROM mail_outbox WHERE to_address = 'loin\@caf.fr'"),
	'20 true', 'a mail that failed 20 times is given up') or diag $out;
my $home = $admin->get('/intranet/');
like($home->{text}, qr{2 courriels n(?:'|&#39;)ont pas pu être remis}, 'the intranet home says how many mails failed');
my $list = $admin->get('/intranet/courriers');
is($list->{status}, 200, 'the list of failed mails');
like($list->{text}, qr{inconnu\@caf23\.caf\.fr}, 'names the address');
like($list->{text}, qr{Accusé de réception au demandeur}, 'says what the mail was');
like($list->{text}, qr{href="/intranet/demandes/$demand"}, 'links to its demand');
my $page = $admin->get("/intranet/demandes/$demand");
like($page->{text}, qr{Courriel non remis}, 'the demand page warns');
like($page->{text}, qr{05 55 51 00 00}, 'with the phone number to call instead');
my $failed = q1("SELECT id FROM mail_outbox WHERE to_address = 'loin\@caf.fr'");
$r = $admin->post("/intranet/courriers/$failed", [ _csrf => $admin->token_from($list), action => 'renvoyer' ]);
is($r->{status}, 303, 'a failed mail is sent again on request');
like($admin->get($r->{headers}{location})->{text}, qr{Le courriel à loin\@caf\.fr est remis dans la file}, 'and the banner names it');
is(q1("SELECT attempts || ' ' || (failed_at IS NULL) FROM mail_outbox WHERE id = $failed"), '0 true', 'queued afresh');
$r = $admin->post("/intranet/courriers/$failed", [ _csrf => $admin->token_from($list), action => 'renvoyer' ]);
is($r->{status}, 409, 'a second click is harmless');
my $trainer = Browser->new($stack->base);
$stack->user_add('form@egoc.example', 'formateur', 'Fanny Formatrice', 'mot-de-passe-formatrice');
$trainer->login('form@egoc.example', 'mot-de-passe-formatrice');
is($trainer->get('/intranet/courriers')->{status}, 403, 'trainers do not see mails');

# --- defect 3: a demand is assigned only to someone who may read demands -----------
my $fanny = q1("SELECT id FROM staff_user WHERE email = 'form\@egoc.example'");
$page = $admin->get("/intranet/demandes/$demand");
unlike($page->{text}, qr{<option value="$fanny"}, 'the list of assignees has no trainer');
$r = $admin->post("/intranet/demandes/$demand", [ _csrf => $admin->token_from($page), action => 'assigner',
	responsable => $fanny, commentaire => '' ]);
is($r->{status}, 422, 'assigning a trainer by a forged id: 422');
like($r->{text}, qr{Fanny Formatrice ne peut pas suivre de demandes}, 'said in French');
is(q1("SELECT coalesce(assignee_id::text, 'aucun') FROM demand WHERE id = $demand"), 'aucun', 'not assigned');
like(q1("SELECT 1 FROM demand WHERE id = $demand") , qr/1/, 'the demand is still there');
my $err = `$Stack::ROOT/conf/stack.sh psql $var -qAt -c "UPDATE demand SET assignee_id = $fanny WHERE id = $demand" 2>&1`;
like($err, qr/may not handle demands/, 'PostgreSQL refuses it too');

# --- defect 7: editing a slot keeps its programme day ------------------------------
my ($slot, $session) = split /\|/, q1("SELECT s.id || '|' || s.session_id FROM slot s JOIN session x ON x.id = s.session_id"
	. " WHERE s.module_label <> '' AND NOT s.cancelled AND x.status IN ('envisagee', 'confirmee')"
	. " AND s.day > current_date + 7 ORDER BY s.day LIMIT 1");
ok($slot, "a demo slot with its programme day ($slot)");
my $labels = q1("SELECT module_label || ' / ' || day_label FROM slot WHERE id = $slot");
$page = $admin->get("/intranet/sessions/$session");
my ($form) = $page->{text} =~ m{<form method="post" action="/intranet/creneaux/$slot" class="stacked">(.*?)</form>}s;
ok($form, 'its edit form');
my ($prog) = $form =~ m{<select id="programme-$slot" name="programme">.*?<option value="([^"]*)" selected}s;
ok(defined $prog && length $prog, 'the form shows the slot\'s programme day chosen');
my @fields = (_csrf => $admin->token_from($page), action => 'deplacer', creneau => $slot);
for my $name (qw(date debut fin)) {
	my ($v) = $form =~ m{name="$name"[^>]*value="([^"]*)"};
	push @fields, $name => $v;
}
my ($room) = $form =~ m{<select id="salle-$slot" name="salle">.*?<option value="([^"]*)" selected}s;
push @fields, salle => $room // '', programme => $prog // '';
push @fields, formateur => $1 while $form =~ m{name="formateur" value="(\d+)" checked}g;
my %f = @fields;
$f{fin} = $f{fin} eq '12:30' ? '12:15' : $f{fin};
$r = $admin->post("/intranet/creneaux/$slot", [ %f ]);
is($r->{status}, 303, 'the slot is saved') or diag substr($r->{text}, 0, 400);
is(q1("SELECT module_label || ' / ' || day_label FROM slot WHERE id = $slot"), $labels,
	"its programme day is kept ($labels)");
q1("UPDATE slot SET day_label = 'Journée disparue' WHERE id = $slot");
$page = $admin->get("/intranet/sessions/$session");
like($page->{text}, qr{<option value="actuel" selected>[^<]*Journée disparue \(inchangée\)}, 'a day the programme no longer has is offered as it is');
%f = (%f, _csrf => $admin->token_from($page), programme => 'actuel');
$r = $admin->post("/intranet/creneaux/$slot", [ %f ]);
is($r->{status}, 303, 'saved again');
like(q1("SELECT day_label FROM slot WHERE id = $slot"), qr/^Journée disparue$/, 'and kept too');

# --- defect 8: the answer keeps its line breaks on the tracking page ----------------
my ($tracking) = q1("SELECT tracking_token FROM demand WHERE email = 'inconnu\@caf23.caf.fr'");
$page = $admin->get("/intranet/demandes/$demand");
$r = $admin->post("/intranet/demandes/$demand", [ _csrf => $admin->token_from($page), action => 'question',
	commentaire => "Première ligne de la question.\nDeuxième ligne." ]);
is($r->{status}, 303, 'a question with two lines');
$page = $pub->get("/demande/suivi/$tracking");
like($page->{text}, qr{<span class="prewrap">Première ligne de la question\.\nDeuxième ligne\.</span>},
	'the tracking page keeps its lines');

# --- defect 9: a notice's subject stays short -------------------------------------
my $long = 'Communauté de communes ' . ('du Pays de la Vallée ' x 8);
$long =~ s/\s+$//;
$r = post_demand(organisme => $long, email => 'long@caf.fr');
is($r->{status}, 303, 'a demand from an organisation with a 190-character name');
my $subject = q1("SELECT subject FROM mail_outbox WHERE kind = 'nouvelle' ORDER BY id DESC LIMIT 1");
ok(length($subject) <= 100, 'the notice subject is at most 100 characters (' . length($subject) . ')');
like($subject, qr{…$}, 'shortened with an ellipsis');
like(q1("SELECT body FROM mail_outbox WHERE kind = 'nouvelle' ORDER BY id DESC LIMIT 1"), qr{\Q$long\E},
	'the whole name is in the body');

$sink->stop;
$stack->stop;
done_testing();
