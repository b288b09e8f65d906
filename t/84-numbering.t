#!/usr/bin/env perl
# References D-YYYY-NNNNN are given in the submission's own transaction
# when no other numbering is under way, later otherwise (sql/0008): under
# concurrent submissions, with the same form sent by several clients at
# once, every demand ends numbered, once, without gaps, and its queued
# mails carry its reference. A demand that could not be numbered at once
# shows "en cours d'attribution" and gets its number when its page is read.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Time::HiRes qw(time sleep);
use Stack;
use Browser;

my $stack = Stack->start(name => 'numbering', conf => "workers = 4\n");
my $b = Browser->new($stack->base);
my %form = $b->form_fields($b->get('/demande'), '/demande');
my %good = (nom => 'Martin', prenom => 'Claire', email => 'claire.martin@caf23.caf.fr', telephone => '',
	organisme => 'Caf de la Creuse', fonction => '', formation => '', intitule => 'Accueil des publics',
	type => 'intra', participants => '8', periode => '', lieu => '', accessibilite => '',
	message => 'Numérotation.', consentement => 'oui');
my @alphabet = ('A' .. 'Z', 'a' .. 'z', 0 .. 9);
srand(84);
my @jetons = map { my $j = join '', map { $alphabet[rand @alphabet] } 1 .. 43; $j } 1 .. 60;
my $year = $stack->psql("SELECT extract(year FROM now() AT TIME ZONE 'Europe/Paris')");

# Four clients send the same 60 forms, each in its own order: every form
# is sent four times, often at the same moment by two clients.
my @kids;
for my $k (0 .. 3) {
	my $pid = fork // die;
	if (!$pid) {
		my $c = Browser->new($stack->base);
		my %f = $c->form_fields($c->get('/demande'), '/demande');
		my @order = $k % 2 ? reverse @jetons : @jetons;
		my $bad = 0;
		for my $j (@order) {
			my $r = $c->post('/demande', { %f, %good, jeton => $j });
			$bad++ unless $r->{status} == 303;
		}
		exit($bad ? 1 : 0);
	}
	push @kids, $pid;
}
my $failed = 0;
for (@kids) { waitpid $_, 0; $failed++ if $? }
is($failed, 0, 'four clients, 240 posts: every one answered 303');
is($stack->psql('SELECT count(*) FROM demand'), '60', 'one demand per form');

# Whatever was left unnumbered (its numbering found the lock taken) is
# numbered by the next reader.
$b->get('/demande/suivi/' . $stack->psql('SELECT tracking_token FROM demand ORDER BY id LIMIT 1'));
$stack->psql('SELECT demand_number(0)');
my @numbers = map { /^D-\Q$year\E-(\d{5})$/ ? $1 + 0 : -1 }
	split /\n/, $stack->psql('SELECT reference FROM demand ORDER BY reference');
is_deeply(\@numbers, [ 1 .. 60 ], 'references 1 to 60, no gap, no repeat');
is($stack->psql("SELECT last_value FROM demand_counter WHERE year = $year"), '60',
	'the counter moved once per demand (never for a form sent again)');
is($stack->psql("SELECT count(*) FROM mail_outbox WHERE position('{REF}' IN body) > 0"), '0',
	'no queued mail still waits for its reference');
is($stack->psql("SELECT count(*) FROM mail_outbox m JOIN demand d ON d.id = m.demand_id"
	. " WHERE position(d.reference IN m.body) = 0"), '0', 'every mail names its own demand');

# Another numbering holds the lock: the submission is committed without a
# number, its page says so, and the number comes once the lock is free.
my $holder = fork // die;
if (!$holder) {
	$stack->psql('SELECT pg_advisory_lock(7263550), pg_sleep(3)');
	exit 0;
}
sleep 0.5 until $stack->psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
	. ' AND objid = 7263550 AND granted') eq '1';
my $r = $b->post('/demande', { %form, %good, jeton => 'L' x 43 });
is($r->{status}, 303, 'a demand sent while the numbering is busy is accepted');
my $tracking = $r->{headers}{location};
is($stack->psql("SELECT coalesce(reference, 'none') FROM demand WHERE form_token = '${\ ('L' x 43)}'"), 'none',
	'committed without a reference for now');
like($b->get($tracking)->{text}, qr/en cours d'attribution/, 'its page says the reference is coming');
is($stack->psql("SELECT count(*) FROM mail_outbox WHERE position('{REF}' IN body) > 0"), '2',
	'its two mails wait for it');
waitpid $holder, 0;
like($b->get($tracking)->{text}, qr/D-\Q$year\E-00061/, 'once the lock is free, reading the page numbers it');
is($stack->psql("SELECT count(*) FROM mail_outbox WHERE position('{REF}' IN body) > 0"), '0',
	'and its mails now carry the reference');

# A very busy year: past 99,999 the number takes a sixth digit instead of
# being cut back to five (which would repeat D-YYYY-10000).
$stack->psql("UPDATE demand_counter SET last_value = 99998 WHERE year = $year");
for my $j ('M' x 43, 'N' x 43, 'O' x 43) {
	is($b->post('/demande', { %form, %good, jeton => $j })->{status}, 303, 'a demand late in a busy year');
}
is($stack->psql("SELECT string_agg(reference, ' ' ORDER BY id) FROM demand WHERE id > (SELECT max(id) - 3 FROM demand)"),
	"D-$year-99999 D-$year-100000 D-$year-100001", 'D-YYYY-99999, then six digits');

$stack->stop;
done_testing();
