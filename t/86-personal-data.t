#!/usr/bin/env perl
# A requester's personal data, for admins: found by email, exported,
# erased (open demands end without follow-up), every step audited.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Encode qw(decode_utf8);
use Stack;
use Browser;

my $stack = Stack->start(name => 'personal-data', demo => 1);
my %good = (nom => 'Martin', prenom => 'Claire', email => 'Claire.Martin@caf23.caf.fr', telephone => '05 55 51 00 00',
	organisme => 'Caf de la Creuse', fonction => '', formation => 'cooperation-territoriale', intitule => '',
	type => 'intra', participants => '12', periode => '', lieu => 'Guéret', accessibilite => 'Fauteuil roulant',
	message => 'Message personnel.', consentement => 'oui');
for my $other (0, 0, 1) {
	my $p = Browser->new($stack->base);
	my %form = $p->form_fields($p->get('/demande'), '/demande');
	$p->post('/demande', { %form, %good, $other ? (email => 'autre@caf.fr', nom => 'Autre') : () });
}
is($stack->psql('SELECT count(*) FROM demand'), '3', 'three demands, two from Claire');
$stack->psql("UPDATE demand SET status = 'close' WHERE id = 1");

my ($admin, $pw) = $stack->demo_admin;
my $a = Browser->new($stack->base);
$a->login($admin, $pw);
$stack->user_add('conseil@egoc.example', 'conseiller', 'Camille', 'mot-de-passe-conseil');
my $c = Browser->new($stack->base);
$c->login('conseil@egoc.example', 'mot-de-passe-conseil');
is($c->get('/intranet/donnees?email=claire.martin@caf23.caf.fr')->{status}, 403, 'admins only');

my $r = $a->get('/intranet/donnees?email=claire.martin@caf23.caf.fr');
is($r->{status}, 200, 'the data page');
like($r->{text}, qr{2 demande\(s\) pour claire\.martin\@caf23\.caf\.fr}, 'finds both demands, whatever the case');
is($a->get('/intranet/donnees?email=nimporte')->{status}, 422, 'a wrong address: 422');

$r = $a->get('/intranet/donnees/export?email=claire.martin@caf23.caf.fr');
is($r->{status}, 200, 'the export');
like($r->{headers}{'content-disposition'} // '', qr{attachment}, 'as a file');
like($r->{headers}{'content-type'}, qr{text/plain; charset=utf-8}, 'plain UTF-8 text');
like($r->{text}, qr{Fauteuil roulant}, 'with the accessibility needs');
like($r->{text}, qr{Message personnel\.}, 'the message');
like($r->{text}, qr{Demande reçue\.}, 'and the history');
unlike($r->{text}, qr{autre\@caf\.fr}, 'nothing of another requester');

$r = $a->submit('/intranet/donnees?email=claire.martin@caf23.caf.fr', '/intranet/donnees',
	[ email => 'claire.martin@caf23.caf.fr' ]);
is($r->{status}, 422, 'erasure needs the confirmation');
$r = $a->submit('/intranet/donnees?email=claire.martin@caf23.caf.fr', '/intranet/donnees',
	[ email => 'claire.martin@caf23.caf.fr', confirmation => 'oui' ]);
is($r->{status}, 303, 'erased');
is($stack->psql("SELECT count(*) FROM demand WHERE email ILIKE 'claire.martin%' OR message <> '' AND id <> 3"), '0',
	'no trace of the name, address or message');
is($stack->psql("SELECT string_agg(status, ' ' ORDER BY id) FROM demand WHERE id IN (1, 2)"), 'close sans_suite',
	'the open demand ends without follow-up, the closed one stays closed');
is($stack->psql("SELECT count(*) FROM mail_outbox WHERE demand_id IN (1, 2)"), '0', 'its queued mails are gone');
is($stack->psql("SELECT last_name FROM demand WHERE id = 3"), 'Autre', 'the other requester is untouched');
like($a->get('/intranet/journal')->{text}, qr{Export des données d(?:'|&#39;)un demandeur}, 'the export is in the journal');
like($stack->psql("SELECT string_agg(action, ' ') FROM audit_log WHERE action LIKE 'data_%'"),
	qr{data_export.*data_erasure}, 'export and erasure audited');
$stack->stop;
done_testing();
