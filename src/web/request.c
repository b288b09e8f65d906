#include "web/request.h"

#include <string.h>
#include <strings.h>

#include <fcgiapp.h>

#include "base/arena.h"
#include "base/settings.h"

const char *request_env(char **env, const char *name)
{
	size_t n = strlen(name);
	for (char **e = env; e && *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

struct env_want {
	const char *name;
	const char **value;
};

/* The request's variables in one pass over the environment (nginx sends
 * about thirty) rather than one pass per variable; the first of a name
 * wins, as with request_env(); NULL for a name not there. */
static void env_find(char **env, const struct env_want *want, size_t n)
{
	for (size_t k = 0; k < n; k++)
		*want[k].value = NULL;
	for (char **e = env; e && *e; e++) {
		const char *eq = strchr(*e, '=');
		if (!eq)
			continue;
		size_t len = (size_t)(eq - *e);
		for (size_t k = 0; k < n; k++)
			if (!*want[k].value && strncmp(want[k].name, *e, len) == 0 &&
					want[k].name[len] == '\0') {
				*want[k].value = eq + 1;
				break;
			}
	}
}

static int status_of(int rc)
{
	switch (rc) {
	case PARSE_OK:
		return 0;
	case PARSE_TOO_LARGE:
		return 413;
	case PARSE_NOMEM:
		return 500;
	default:
		return 400;
	}
}

int request_parse_env(struct request *r, struct arena *a, char **env,
		const struct settings *s)
{
	memset(r, 0, sizeof(*r));
	/* fields_max is for bodies (a long programme sends thousands of
	 * fields); no link of the product has more than a few dozen
	 * parameters, nor a browser more than a few dozen cookies */
	const struct parse_limits lim = { s->fields_max < REQUEST_QUERY_FIELDS_MAX ? s->fields_max :
		REQUEST_QUERY_FIELDS_MAX, s->field_max };
	const char *cookie = NULL, *https = NULL;
	const struct env_want want[] = {
		{ "REQUEST_METHOD", &r->method }, { "REQUEST_URI", &r->uri },
		{ "HTTP_COOKIE", &cookie }, { "CONTENT_TYPE", &r->content_type },
		{ "CONTENT_LENGTH", &r->content_length }, { "HTTP_ORIGIN", &r->origin },
		{ "HTTP_REFERER", &r->referer }, { "HTTP_IF_NONE_MATCH", &r->if_none_match },
		{ "HTTP_IF_MODIFIED_SINCE", &r->if_modified_since },
		{ "REMOTE_ADDR", &r->remote_addr }, { "HTTP_USER_AGENT", &r->user_agent },
		{ "HTTPS", &https },
	};
	env_find(env, want, sizeof(want) / sizeof(want[0]));
	if (!r->method)
		r->method = "";
	if (!r->uri)
		r->uri = "";
	if (!r->remote_addr)
		r->remote_addr = "";
	if (!r->user_agent)
		r->user_agent = "";
	r->https = https && strcmp(https, "on") == 0;
	const char *uri = r->uri;
	/* Too long an address, path or query (too many parameters, one too
	 * long) is 414 URI Too Long; 413 is for bodies. */
	if (strlen(uri) > REQUEST_URI_MAX)
		return 414;
	const char *q = strchr(uri, '?');
	size_t path_len = q ? (size_t)(q - uri) : strlen(uri);
	int rc = parse_path(a, uri, path_len, REQUEST_PATH_MAX, &r->path);
	if (rc != PARSE_OK)
		return rc == PARSE_TOO_LARGE ? 414 : status_of(rc);
	if (q) {
		rc = parse_urlencoded(a, q + 1, strlen(q + 1), &lim, &r->query);
		if (rc != PARSE_OK)
			return rc == PARSE_TOO_LARGE ? 414 : status_of(rc);
	}
	if (cookie) {
		rc = parse_cookies(a, cookie, strlen(cookie), &lim, &r->cookies);
		if (rc != PARSE_OK)
			return status_of(rc);
	}
	return 0;
}

static int is_form_type(const char *ct)
{
	static const char form[] = "application/x-www-form-urlencoded";
	if (!ct || strncasecmp(ct, form, sizeof(form) - 1) != 0)
		return 0;
	char next = ct[sizeof(form) - 1];
	return next == '\0' || next == ';' || next == ' ';
}

/* Bytes of one part's header block of a multipart body: a long file
 * name percent-encoded fits. */
#define MULTIPART_HEADER_MAX 4096

static int parse_body(struct request *r, struct arena *a, const char *body, size_t len,
		const struct settings *s, const struct body_limits *lim)
{
	if (is_form_type(r->content_type)) {
		const struct parse_limits pl = { s->fields_max, s->field_max };
		return status_of(parse_urlencoded(a, body, len, &pl, &r->form));
	}
	const char *boundary;
	int rc = multipart_boundary(a, r->content_type, &boundary);
	if (rc != PARSE_OK)
		return status_of(rc);
	const struct multipart_limits ml = { s->fields_max, MULTIPART_HEADER_MAX, s->field_max,
		lim->file_max };
	return status_of(parse_multipart(a, body, len, boundary, &ml, &r->form, &r->file));
}

int request_read_body(struct request *r, struct arena *a, void *in_stream,
		const struct settings *s, const struct body_limits *lim)
{
	size_t len;
	if (parse_content_length(r->content_length, &len) != PARSE_OK)
		return 400;
	/* The limit is checked on the announced length, before any read. */
	if (len > lim->max)
		return 413;
	if (len == 0)
		return 0;
	/* nor is a body read that would be refused for its type */
	if (!is_form_type(r->content_type) &&
			!(lim->multipart && multipart_is_form_data(r->content_type)))
		return 415;
	char *body = arena_alloc(a, len + 1);
	if (!body)
		return 500;
	int got = FCGX_GetStr(body, (int)len, in_stream);
	if (got < 0 || (size_t)got != len)
		return 400;
	body[len] = '\0';
	return parse_body(r, a, body, len, s, lim);
}
