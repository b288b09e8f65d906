#!/usr/bin/env perl
# Chromium at a phone's width (375 px) on the intranet pages with data
# tables: the page does not scroll sideways, a wide table scrolls in its own
# focusable region, axe-core finds no A/AA violation; at a desktop's width
# the regions change nothing and axe-core finds none either (t/browser/narrow.js
# prints the TAP).
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use JSON::PP;
use Stack;

my $stack = Stack->start(name => 'browser-narrow', demo => 1);
my ($email, $password) = $stack->demo_admin;
my $q = sub { $stack->q(@_) };

# What the demo data lacks for every table to show: a closure day, a
# demand (the demands list, the requester's data) and a course's history.
$q->("INSERT INTO closure_day (day, label) VALUES (current_date + 40, 'Pont du test navigateur')");
# A mail given up, so that the list of failed mails has its table.
$q->("INSERT INTO mail_outbox (to_address, subject, body, kind, attempts, failed_at, last_error)"
	. " VALUES ('inconnu\@caf.example', 'Votre demande de formation', 'x', 'accuse', 1, now(),"
	. " 'Failed sending data to the peer: RCPT failed: 550')");
$q->("INSERT INTO demand (reference, form_token, tracking_token, regime, received_on, due_on, status,"
	. " custom_title, kind, last_name, first_name, email, organisation, participants, consent_at)"
	. " VALUES ('D-2025-00001', 'narrow-form-token-1', 'narrow-tracking-token-narrow-tracking-1', '15j',"
	. " current_date - 3, current_date + 12, 'recue', 'Formation sur mesure aux partenariats territoriaux',"
	. " 'intra', 'Bonnet', 'Luc', 'luc.bonnet\@caf15.caf.fr', 'Caf du Cantal', 8, now())");
my $course = $q->('SELECT min(id) FROM course');
$q->("INSERT INTO course_history (course_id, user_name, action, fields, version) VALUES ($course,"
	. " 'Administrateur de démonstration', 'modification', 'title, objective, audience, prerequisites', 1)");

my %facts = (
	place => $q->('SELECT min(place_id) FROM room'),
	session => $q->('SELECT min(id) FROM session WHERE id IN (SELECT session_id FROM slot)'),
	course => $course,
	requester => 'luc.bonnet@caf15.caf.fr',
	demand => $q->("SELECT id FROM demand WHERE reference = 'D-2025-00001'"),
	# a session still to come, whose slots can be cancelled (the confirmation page)
	open_session => $q->("SELECT min(s.id) FROM session s JOIN slot t ON t.session_id = s.id"
		. " WHERE s.status IN ('envisagee', 'confirmee') AND NOT t.cancelled AND t.day > current_date"),
	# a certified half-day of the demonstration (formations attendance demo)
	halfday => $q->("SELECT half_day_id FROM attendance_event WHERE kind = 'certification' ORDER BY id LIMIT 1"),
	participant => $q->("SELECT token FROM registration WHERE status = 'confirmee' ORDER BY id LIMIT 1"),
	# the demonstration's attestations (issued by formations attendance demo)
	certified_session => $q->('SELECT min(session_id) FROM certificate'),
	certified => $q->('SELECT r.token FROM certificate c JOIN registration r ON r.id = c.registration_id ORDER BY c.id LIMIT 1'),
	code => $q->('SELECT code FROM certificate ORDER BY id LIMIT 1'),
);
my $rc = system('node', "$FindBin::Bin/browser/narrow.js", $stack->base, $email, $password,
	JSON::PP->new->utf8->canonical->encode(\%facts));
$stack->stop;
exit($rc == 0 ? 0 : 1);
