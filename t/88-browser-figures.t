#!/usr/bin/env perl
# Chromium reads the staff figures page over demands whose figures are
# known in advance, downloads the CSV export, and a trainer is refused
# both (t/browser/figures.js prints the TAP).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use JSON::PP;
use Stack;

my $stack = Stack->start(name => 'browser-figures', demo => 1);
my ($email, $password) = $stack->demo_admin;
my $admin_id = $stack->psql("SELECT id FROM staff_user WHERE email = '$email'");
my @trainer = ('formatrice.chiffres@egoc.example', 'mot-de-passe-formatrice-chiffres');
$stack->user_add($trainer[0], 'formateur', 'Fanny Chiffres', $trainer[1])
	or die "could not create the trainer\n";

# Dates relative to today in Paris (the cluster's time zone, as the page's).
my $m = "date_trunc('month', current_date - interval '2 months')::date";   # the month observed
my $old = "date_trunc('month', current_date - interval '13 months')::date"; # out of the 12 months
my $today = 'current_date';

# Explicit references: the numbering trigger leaves them alone. The page
# reads the demand table only (src/store/demand_stats.c), no events.
my $n = 0;
sub demand {
	my (%o) = @_;
	my $ref = sprintf 'D-2025-%05d', ++$n;
	my %col = (reference => "'$ref'", form_token => "'figures-form-token-$n'",
		tracking_token => "'figures-tracking-token-figures-tracking-$n'",
		regime => "'$o{regime}'", received_on => $o{received}, due_on => $o{due},
		status => "'$o{status}'", custom_title => "'Formation sur mesure'",
		kind => ($o{regime} eq '1mois' ? "'inter'" : "'intra'"), last_name => "'$o{last}'",
		first_name => "'$o{first}'", email => "'$o{email}'", organisation => "'$o{org}'",
		participants => $o{participants} // 8, consent_at => 'now()');
	if ($o{answered}) {
		$col{answered_on} = $o{answered};
		$col{answered_at} = "($o{answered})::timestamp + interval '10 hours'";
		$col{outcome} = "'acceptee'";
	}
	$col{paused_since} = $o{paused_since} if $o{paused_since};
	$col{assignee_id} = $o{assignee} if $o{assignee};
	my @k = sort keys %col;
	my $err = $stack->psql('INSERT INTO demand (' . join(', ', @k) . ') VALUES ('
		. join(', ', map { $col{$_} } @k) . ')');
	die "insert $ref: $err\n" if $err ne '';
	return $ref;
}

my %ref;
# The observed month, 15j: answered after 3, 8, 15 (on the due day) and 22
# days (late): 3 of 4 on time (75 %), median (8 + 15) / 2 = 11,5 j.
$ref{f1} = demand(regime => '15j', received => $m, due => "$m + 15", answered => "$m + 3",
	status => 'repondue', org => 'Caf du Cantal', last => 'Bonnet', first => 'Luc', email => 'luc.bonnet@caf15.caf.fr');
$ref{f2} = demand(regime => '15j', received => "$m + 1", due => "$m + 16", answered => "$m + 9",
	status => 'repondue', org => 'Caf de la Loire', last => 'Roux', first => 'Inès', email => 'ines.roux@caf42.caf.fr');
$ref{f3} = demand(regime => '15j', received => "$m + 2", due => "$m + 17", answered => "$m + 17",
	status => 'close', org => 'Caf du Gers', last => 'Petit', first => 'Jean', email => 'jean.petit@caf32.caf.fr');
$ref{f4} = demand(regime => '15j', received => "$m + 3", due => "$m + 18", answered => "$m + 25",
	status => 'repondue', org => 'Caf de la Corrèze', last => 'Lefèvre', first => 'Hélène',
	email => 'helene.lefevre@caf19.caf.fr', participants => 14);
# The observed month, 1mois: answered after 12 days, on time (100 %, 12 j).
$ref{g1} = demand(regime => '1mois', received => "$m + 4", due => "$m + 34", answered => "$m + 16",
	status => 'repondue', org => 'Caf du Jura', last => 'Morel', first => 'Anne', email => 'anne.morel@caf39.caf.fr');
# Cancelled without an answer: neither answered nor open.
$ref{k1} = demand(regime => '15j', received => "$m + 5", due => "$m + 20",
	status => 'annulee', org => 'Caf de la Manche', last => 'Blanc', first => 'Paul', email => 'paul.blanc@caf61.caf.fr');
# Answered late 13 months ago: out of the window, in neither figure.
$ref{h1} = demand(regime => '15j', received => $old, due => "$old + 15", answered => "$old + 30",
	status => 'close', org => 'Caf de la Nièvre', last => 'Faure', first => 'Marc', email => 'marc.faure@caf58.caf.fr');
# Open: 4 days late (assigned), due today, 3 days left, 20 days left (1mois).
$ref{o1} = demand(regime => '15j', received => "$today - 19", due => "$today - 4", assignee => $admin_id,
	status => 'en_instruction', org => 'Caf de la Meuse', last => 'Garnier', first => 'Lise', email => 'lise.garnier@caf55.caf.fr');
$ref{o2} = demand(regime => '15j', received => "$today - 15", due => $today,
	status => 'recue', org => 'Caf du Lot', last => 'Chevalier', first => 'Rémi', email => 'remi.chevalier@caf46.caf.fr');
$ref{o3} = demand(regime => '15j', received => "$today - 12", due => "$today + 3",
	status => 'en_instruction', org => 'Caf du Var', last => 'Mercier', first => 'Zoé', email => 'zoe.mercier@caf11.caf.fr');
$ref{o4} = demand(regime => '1mois', received => "$today - 10", due => "$today + 20",
	status => 'recue', org => 'Caf du Doubs', last => 'Girard', first => 'Noé', email => 'noe.girard@caf25.caf.fr');
# Waiting on the requester since 5 days ago, stored due date yesterday: its
# clock stopped with 4 days left, so 3 to 5 days and not late.
$ref{p1} = demand(regime => '1mois', received => "$today - 30", due => "$today - 1",
	paused_since => "now() - interval '5 days'", status => 'attente_demandeur',
	org => 'Caf de la Sarthe', last => 'André', first => 'Léa', email => 'lea.andre@caf72.caf.fr');

my $q = sub { $stack->psql($_[0]) };
my %facts = (
	today => $q->('SELECT current_date'),
	month => $q->("SELECT to_char($m, 'YYYY-MM')"),
	old => $q->("SELECT to_char($old, 'YYYY-MM')"),
	since => $q->("SELECT date_trunc('month', current_date - interval '11 months')::date"),
	demands => $q->('SELECT count(*) FROM demand'),
	refs => \%ref,
	trainer => \@trainer,
);
# Each demand's dates as stored, for the CSV rows.
for my $line (split /\n/, $q->("SELECT reference, received_on, due_on, coalesce(answered_on::text, '')"
		. " FROM demand ORDER BY id")) {
	my ($r, @dates) = split /\|/, $line, -1;
	$facts{dates}{$r} = \@dates;
}

my $rc = system('node', "$FindBin::Bin/browser/figures.js", $stack->base, $email, $password,
	JSON::PP->new->utf8->canonical->encode(\%facts));
$stack->stop;
exit($rc == 0 ? 0 : 1);
