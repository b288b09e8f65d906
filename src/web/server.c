#define _POSIX_C_SOURCE 200809L
#include "web/server.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/log.h"
#include "base/settings.h"
#include "store/db.h"
#include "view/view.h"
#include "web/auth.h"
#include "web/dispatch.h"

#define WORKERS_MAX 256

/* Set by signal handlers, read by the loops: the only state signals touch. */
static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t child_exited;

static void on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
	alarm(1);
}

/* libfcgi may swallow the EINTR of the stop signal (a read on a kept-alive
 * nginx connection) and then block in accept(); a worker that is stopping
 * re-arms an alarm so that no blocking call outlives the stop by more
 * than a second. */
static void on_alarm(int sig)
{
	(void)sig;
	if (stop_requested)
		alarm(1);
}

static void on_child(int sig)
{
	(void)sig;
	child_exited = 1;
}

/* No SA_RESTART: a blocked accept() or sleep must return on a signal so
 * that the loops see stop_requested. */
static void set_handler(int sig, void (*fn)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void block_stop_signals(int how)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGALRM);
	sigprocmask(how, &set, NULL);
}

/* A request whose input was read to its end leaves nothing unread on its
 * connection, which is then closed at once (FCGX_Detach) rather than by
 * libfcgi's lingering close: that one shuts the socket down and waits for
 * nginx to close its end first, a sleep and a wake-up more per request
 * under load. A request left with more input than this reads (a body
 * refused on its announced length) keeps the lingering close: closing
 * over unread bytes resets the connection, and nginx, still sending,
 * would answer 502 instead of the page. */
static void close_when_read(FCGX_Request *req)
{
	char rest[1024];
	for (int i = 0; i < 16; i++)
		if (FCGX_GetStr(rest, (int)sizeof(rest), req->in) < (int)sizeof(rest))
			break;
	if (FCGX_HasSeenEOF(req->in) == EOF && FCGX_GetError(req->in) == 0)
		(void)FCGX_Detach(req);
}

/* A worker: accepts with the stop signals unblocked, serves each request
 * with them blocked, so a stop lets the request in flight finish. */
static int worker_loop(const struct settings *s, int listen_fd)
{
	set_handler(SIGTERM, on_stop);
	set_handler(SIGINT, on_stop);
	set_handler(SIGALRM, on_alarm);
	set_handler(SIGCHLD, SIG_DFL);
	struct worker w = { .settings = s, .db = db_new(s->db, s->db_timeout),
		.templates = templates_new(s->templates) };
	if (!w.db || !w.templates) {
		log_line("worker %d: cannot start", (int)getpid());
		return 1;
	}
	if (s->keep_public_reads)
		db_listen(w.db);
	(void)db_ready(w.db); /* connect early; a failure is retried per request */
	FCGX_Request req;
	if (FCGX_InitRequest(&req, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		return 1;
	while (!stop_requested) {
		block_stop_signals(SIG_UNBLOCK);
		if (stop_requested)
			break;
		int rc = FCGX_Accept_r(&req);
		block_stop_signals(SIG_BLOCK);
		if (rc < 0) {
			if (stop_requested)
				break;
			continue;
		}
		dispatch(&w, &req);
		close_when_read(&req);
		FCGX_Finish_r(&req);
	}
	FCGX_Free(&req, 1);
	arena_free(w.arena);
	buf_free(&w.body);
	sodium_free(w.dummy_hash);
	db_free(w.db);
	templates_free(w.templates);
	return 0;
}

static pid_t spawn_worker(const struct settings *s, int listen_fd)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(worker_loop(s, listen_fd));
	if (pid < 0)
		log_line("server: fork failed: %s", strerror(errno));
	return pid;
}

static int open_socket(const struct settings *s)
{
	unlink(s->socket);
	int fd = FCGX_OpenSocket(s->socket, 128);
	if (fd < 0) {
		log_line("server: cannot open socket %s", s->socket);
		return -1;
	}
	/* Reachable by nginx alone: the owner and, when set, nginx's group. */
	if (s->socket_group[0]) {
		struct group *g = getgrnam(s->socket_group);
		if (!g || chown(s->socket, (uid_t)-1, g->gr_gid) < 0)
			log_line("server: cannot give socket to group %s", s->socket_group);
	}
	chmod(s->socket, 0660);
	return fd;
}

static int find_slot(const pid_t *pids, int n, pid_t pid)
{
	for (int i = 0; i < n; i++)
		if (pids[i] == pid)
			return i;
	return -1;
}

/* Replaces dead workers; a worker that dies at once again and again is
 * restarted at most once a second rather than in a tight loop. */
static void reap_and_restart(const struct settings *s, int fd, pid_t *pids, int n)
{
	pid_t pid;
	int st;
	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		int i = find_slot(pids, n, pid);
		if (i < 0)
			continue;
		log_line("server: worker %d ended (%s %d), restarting", (int)pid,
				WIFSIGNALED(st) ? "signal" : "status",
				WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
		pids[i] = spawn_worker(s, fd);
		if (pids[i] < 0)
			sleep(1);
	}
}

static void stop_workers(const struct settings *s, pid_t *pids, int n)
{
	for (int i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	time_t deadline = time(NULL) + s->stop_grace;
	int alive = n;
	while (alive > 0) {
		pid_t pid = waitpid(-1, NULL, WNOHANG);
		int i = pid > 0 ? find_slot(pids, n, pid) : -1;
		if (i >= 0) {
			pids[i] = 0;
			alive--;
			continue;
		}
		if (pid < 0 && errno == ECHILD)
			break;
		if (time(NULL) > deadline) {
			for (int k = 0; k < n; k++)
				if (pids[k] > 0)
					kill(pids[k], SIGKILL);
			deadline = time(NULL) + 5;
		}
		struct timespec ms = { 0, 50 * 1000000L };
		nanosleep(&ms, NULL);
	}
}

int server_run(const struct settings *s)
{
	if (FCGX_Init() != 0 || auth_init() != 0)
		return 1;
	int fd = open_socket(s);
	if (fd < 0)
		return 1;
	set_handler(SIGTERM, on_stop);
	set_handler(SIGINT, on_stop);
	set_handler(SIGALRM, on_alarm);
	set_handler(SIGCHLD, on_child);
	signal(SIGPIPE, SIG_IGN);
	pid_t pids[WORKERS_MAX] = { 0 };
	int n = s->workers < WORKERS_MAX ? s->workers : WORKERS_MAX;
	for (int i = 0; i < n; i++)
		pids[i] = spawn_worker(s, fd);
	log_line("server: %d workers on %s", n, s->socket);
	while (!stop_requested) {
		/* sleep() returns early on any signal; the second is a bound on a
		 * SIGCHLD that lands between the test and the sleep. */
		sleep(1);
		if (child_exited) {
			child_exited = 0;
			reap_and_restart(s, fd, pids, n);
		}
	}
	log_line("server: stopping");
	stop_workers(s, pids, n);
	close(fd);
	unlink(s->socket);
	return 0;
}
