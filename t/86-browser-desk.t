#!/usr/bin/env perl
# A conseiller answers the demand due first, in Chromium, and the steps
# are counted: from the home's primary action to the demand, take it in
# one click, answer with only the answer's fields, and go on to the next
# demand of the list (t/browser/desk.js prints the TAP).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Stack;

my $stack = Stack->start(name => 'browser-desk', demo => 1);
$stack->user_add('claire.conseil@egoc.example', 'conseiller', 'Claire Conseil', 'mot-de-passe-claire')
	or die 'user add';

# Three open demands without anyone in charge: due two days ago, today,
# in four days (the demonstration has none).
my $n = 0;
for my $due (-2, 0, 4) {
	$n++;
	$stack->q("INSERT INTO demand (reference, form_token, tracking_token, regime, received_on, due_on, status,"
		. " custom_title, kind, last_name, first_name, email, organisation, participants, consent_at)"
		. " VALUES ('D-2025-7000$n', 'desk-form-token-$n', rpad('desk-tracking-$n-', 43, 'x'), '15j',"
		. " current_date - 12, current_date + ($due), 'recue', 'Accueil des publics $n', 'intra', 'Durand$n',"
		. " 'Marie', 'marie.durand$n\@caf.example', 'Caf $n', 6, now())");
}

my $rc = system('node', "$FindBin::Bin/browser/desk.js", $stack->base, 'claire.conseil@egoc.example',
	'mot-de-passe-claire');
$stack->stop;
exit($rc == 0 ? 0 : 1);
