#!/usr/bin/env perl
# The reads of the public fiche and of the sessions page, kept by each
# worker until PostgreSQL notifies a change of what they read (sql/0027,
# db_run_reads_kept in src/store/db.c): with nginx's page cache off and
# several workers, a kept view asks nothing of PostgreSQL, every view after
# a change shows it whichever worker answers, every table the fiche reads
# notifies, and a worker whose connection was lost reads again.
use strict;
use warnings;
use utf8;
use FindBin;
use lib "$FindBin::Bin/lib";
use Test::More;
use Stack;
use Browser;

$ENV{NGINX_CACHE} = 'off';
my $workers = 3;
my $stack = Stack->start(name => 'kept', demo => 1, conf => "workers = $workers\n");
my $pub = Browser->new($stack->base);
my $fiche = '/formations/cooperation-territoriale';
# Connections from nginx go to the workers waiting in accept() in turn:
# four rounds reach each of them several times.
my $views = 4 * $workers;

sub views_like { views_of($fiche, @_) }
sub views_of {
	my ($path, $re, $name) = @_;
	my @bad;
	for my $i (1 .. $views) {
		my $r = $pub->get($path);
		push @bad, "view $i: $r->{status}" unless $r->{status} == 200 && $r->{text} =~ $re;
	}
	is("@bad", '', $name);
}

sub super_sql {
	my ($sql) = @_;
	my $out = `$FindBin::Bin/../conf/stack.sh psql-super ${\ $stack->var} -qAt -c "$sql" 2>&1`;
	chomp $out;
	return $out;
}

# what each worker's backend did last, and when it went idle
sub backends {
	return super_sql("SELECT pid, state_change, left(query, 40) FROM pg_stat_activity"
		. " WHERE application_name = 'formations' ORDER BY pid");
}

views_like(qr{<title>Formation/Action Accompagner}, 'the fiche, from every worker');
my @read = split /\n/, backends();
is(scalar @read, $workers, 'one connection per worker');
is(scalar(grep { /\|WITH c AS \(SELECT \* FROM course WHERE sl/ } @read), $workers,
	"each worker's last statement read the whole course: each one drew the fiche and kept its reads")
	or diag(join "\n", @read);
my $before = backends();
views_like(qr{<title>Formation/Action Accompagner}, 'viewed again');
is(backends(), $before, 'the kept views sent no statement: no connection went busy');

my $r = $pub->get($fiche);
my $etag = $r->{headers}{etag};
my @not_modified = grep { $pub->get($fiche, { 'if-none-match' => $etag })->{status} != 304 } 1 .. $views;
is(scalar @not_modified, 0, 'a kept fiche still answers 304 to its validator, from every worker');

# --- a change of each kind reaches every worker at the next view
$stack->q("UPDATE course SET title = 'Coopérer sur un territoire', version = version + 1"
	. " WHERE slug = 'cooperation-territoriale'");
views_like(qr{<title>Coopérer sur un territoire ·}, 'a new title shows at once on every view');
$r = $pub->get($fiche, { 'if-none-match' => $etag });
is($r->{status}, 200, 'and the old validator no longer matches');

my $session = $stack->q("SELECT se.id FROM session se JOIN course c ON c.id = se.course_id"
	. " WHERE c.slug = 'cooperation-territoriale' AND se.status = 'confirmee' AND NOT se.public LIMIT 1");
like($session, qr/^\d+$/, 'a confirmed INTRA session of the course, not public');
my $list = '/sessions?formation=cooperation-territoriale';
views_of('/sessions', qr{Sessions à venir}, 'the sessions page, kept by every worker');
views_of($list, qr{Sessions à venir}, "and the course's");
views_of('/sessions', qr{^(?!.*id="session-$session")}s, 'which do not list an INTRA session');
$stack->q("UPDATE session SET public = true WHERE id = $session");
views_like(qr{#session-$session">}, 'made public, it is listed at once by every worker');
views_of('/sessions', qr{id="session-$session"}, 'on the sessions page too');
views_of($list, qr{id="session-$session"}, "and on the course's");
my $place = $stack->q("SELECT place_id FROM session WHERE id = $session");
$stack->q("UPDATE place SET city = 'Guéret-Centre' WHERE id = $place");
views_like(qr{\(Guéret-Centre\)}, 'its place renamed: every worker shows the new name');
$stack->q("UPDATE session SET public = false WHERE id = $session");
views_like(qr{^(?!.*#session-$session")}s, 'made private again, it leaves the fiche at once');

# every table the fiche's reads and drawing depend on notifies, even for a
# statement that changes nothing (statement triggers)
for my $table (qw(course course_module course_day day_step session place session_satisfaction)) {
	my $out = $stack->psql("LISTEN formations_public; DELETE FROM $table WHERE false;");
	like($out, qr{notification "formations_public" received}, "a write to $table notifies the workers");
}
unlike($stack->psql("LISTEN formations_public; DELETE FROM demand WHERE false;"), qr{notification},
	'a write to a demand does not: it commits without the notification queue');

# --- a lost connection: what changed meanwhile is read again
ok($stack->stack_cmd('pg-stop'), 'PostgreSQL stopped');
is($pub->get($fiche)->{status}, 503, 'without PostgreSQL a kept fiche is not shown: nothing says it is current');
ok($stack->stack_cmd('pg-start'), 'PostgreSQL started again');
$stack->q("UPDATE course SET title = 'Coopérer après la coupure', version = version + 1"
	. " WHERE slug = 'cooperation-territoriale'");
views_like(qr{<title>Coopérer après la coupure ·}, 'a change made while the workers were cut off shows at once');
ok($stack->stack_cmd('pg-restart'), 'PostgreSQL restarted while the workers hold kept reads');
$stack->q("UPDATE course SET title = 'Coopérer après le redémarrage', version = version + 1"
	. " WHERE slug = 'cooperation-territoriale'");
views_like(qr{<title>Coopérer après le redémarrage ·}, 'and after a restart');
unlike($stack->log_text, qr{LISTEN refused}, 'every connection listened');

done_testing();
