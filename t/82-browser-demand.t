#!/usr/bin/env perl
# Chromium sends a demand through the real form and staff see it
# (t/browser/demand.js prints the TAP).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Stack;

my $stack = Stack->start(name => 'browser-demand', demo => 1);
my ($email, $password) = $stack->demo_admin;
my $rc = system('node', "$FindBin::Bin/browser/demand.js", $stack->base, $email, $password);
$stack->stop;
exit($rc == 0 ? 0 : 1);
