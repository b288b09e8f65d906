#!/usr/bin/env perl
# Chromium opens the real fiche through the real stack (t/browser/fiche.js
# prints the TAP).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Stack;

my $stack = Stack->start(name => 'browser-fiche', demo => 1);
my $rc = system('node', "$FindBin::Bin/browser/fiche.js", $stack->base);
$stack->stop;
exit($rc == 0 ? 0 : 1);
