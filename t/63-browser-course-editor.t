#!/usr/bin/env perl
# Chromium without JavaScript edits the programme of the real fiche as
# fields, through the real stack (t/browser/course_editor.js prints the
# TAP and the steps counted).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/lib";
use Stack;

my $stack = Stack->start(name => 'browser-course-editor', demo => 1);
my ($email, $password) = $stack->demo_admin;
my $rc = system('node', "$FindBin::Bin/browser/course_editor.js", $stack->base, $email, $password);
$stack->stop;
exit($rc == 0 ? 0 : 1);
