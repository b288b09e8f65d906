#include "web/response.h"

#include <stdio.h>
#include <string.h>

#include <fcgiapp.h>

void response_init(struct response *r, size_t body_max)
{
	memset(r, 0, sizeof(*r));
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	buf_init(&r->body, body_max);
}

void response_free(struct response *r)
{
	buf_free(&r->body);
}

static int header_text_ok(const char *s, int is_name)
{
	if (!s || (is_name && !*s))
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\r' || *p == '\n')
			return 0;
		if (is_name && !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
				(*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	}
	return 1;
}

int response_header(struct response *r, const char *name, const char *value)
{
	if (r->n_headers >= RESPONSE_HEADERS_MAX || !header_text_ok(name, 1) ||
			!header_text_ok(value, 0))
		return -1;
	r->headers[r->n_headers].name = name;
	r->headers[r->n_headers].value = value;
	r->n_headers++;
	return 0;
}

int response_header_set(struct response *r, const char *name, const char *value)
{
	for (size_t i = 0; i < r->n_headers; i++)
		if (strcmp(r->headers[i].name, name) == 0) {
			if (!header_text_ok(value, 0))
				return -1;
			r->headers[i].value = value;
			return 0;
		}
	return response_header(r, name, value);
}

const char *response_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return status >= 500 ? "Internal Server Error" : "Error";
	}
}

/* libfcgi's FCGX_FPrintF refuses some formats (%z): format here, put bytes. */
static int put(FCGX_Stream *out, const char *s, size_t n)
{
	return FCGX_PutStr(s, (int)n, out) == (int)n ? 0 : -1;
}

int response_write(const struct response *r, void *out_stream, int head_only)
{
	FCGX_Stream *out = out_stream;
	char line[1024];
	int n = snprintf(line, sizeof(line), "Status: %d %s\r\n", r->status,
			response_reason(r->status));
	if (put(out, line, (size_t)n) < 0)
		return -1;
	int has_body = r->status != 304 && r->status != 204;
	if (has_body && r->content_type) {
		n = snprintf(line, sizeof(line), "Content-Type: %s\r\nContent-Length: %zu\r\n",
				r->content_type, r->body.len);
		if (put(out, line, (size_t)n) < 0)
			return -1;
	}
	for (size_t i = 0; i < r->n_headers; i++) {
		const char *parts[] = { r->headers[i].name, ": ", r->headers[i].value, "\r\n" };
		for (size_t k = 0; k < 4; k++)
			if (put(out, parts[k], strlen(parts[k])) < 0)
				return -1;
	}
	if (put(out, "\r\n", 2) < 0)
		return -1;
	if (has_body && !head_only && r->body.len)
		return put(out, r->body.data, r->body.len);
	return 0;
}
