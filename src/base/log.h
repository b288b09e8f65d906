/* One log for the whole program: stderr, or the file named by log_file.
 * Each line is written with a single write() on an O_APPEND descriptor so
 * that the lines of several workers never interleave. */
#ifndef FORMATIONS_LOG_H
#define FORMATIONS_LOG_H

int log_open(const char *path);
void log_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
