#!/usr/bin/env perl
# Chromium logs in through the real form (t/browser/login.js prints TAP).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Stack;

my $stack = Stack->start(name => 'browser-login', demo => 1);
my ($email, $password) = $stack->demo_admin;
my $rc = system('node', "$FindBin::Bin/browser/login.js", $stack->base, $email, $password);
$stack->stop;
exit($rc == 0 ? 0 : 1);
