#ifndef FORMATIONS_UTF8_H
#define FORMATIONS_UTF8_H

#include <stddef.h>

/* 1 when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates, no
 * code point above U+10FFFF) and holds no NUL byte, else 0. */
int utf8_valid(const char *s, size_t len);

#endif
