#!/bin/sh
exec "$(dirname "$0")/../build/asan/test_svg_chart"
