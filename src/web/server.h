#ifndef FORMATIONS_SERVER_H
#define FORMATIONS_SERVER_H

struct settings;

/* The pre-fork FastCGI server: opens the Unix socket, forks the workers,
 * restarts any that dies, and on SIGTERM or SIGINT stops them after the
 * requests in flight. Returns the process exit status. */
int server_run(const struct settings *s);

#endif
