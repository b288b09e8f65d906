/* The views escape every variable by default, keep UTF-8 intact, load
 * templates only from their folder, and can render many times with fresh
 * data (the parse tree is shared, the dataset is not). */
#include <string.h>

#include "tap.h"
#include "base/arena.h"
#include "base/buf.h"
#include "view/view.h"

static int render(struct templates *t, const char *name, const char *message, struct buf *out)
{
	struct arena *a = arena_new();
	struct view *v = view_new(a);
	out->len = 0;
	int rc = view_set(v, "Page.title", "Titre") || view_set(v, "Error.title", "Erreur") ||
		view_set(v, "Error.message", message) ? -1 : view_render(t, name, v, out);
	arena_free(a);
	return rc;
}

int main(void)
{
	struct templates *t = templates_new("templates");
	struct buf out;
	buf_init(&out, 1 << 20);
	tap_ok(t != NULL, "templates set up");

	tap_is_int(render(t, "public/error.cs", "<script>alert(\"x\")</script> & 'q'", &out), 0,
		"error page renders");
	tap_ok(strstr(out.data, "<script>") == NULL, "no raw <script> from data");
	tap_ok(strstr(out.data, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;") != NULL,
		"data is HTML-escaped by default");
	tap_ok(strstr(out.data, "<header class=\"site\">") != NULL, "page is in the layout");

	tap_is_int(render(t, "public/error.cs", "Pré-requis : « aucun » — été", &out), 0, "renders again");
	tap_ok(strstr(out.data, "Pré-requis : « aucun » — été") != NULL, "UTF-8 passes untouched");
	tap_ok(strstr(out.data, "script") == NULL, "nothing of the previous request remains");

	tap_is_int(render(t, "../Makefile", "x", &out), -1, "a path out of the folder is refused");
	tap_is_int(render(t, "/etc/passwd", "x", &out), -1, "an absolute path is refused");
	tap_is_int(render(t, "public/absent.cs", "x", &out), -1, "a missing template is an error");

	struct buf tiny;
	buf_init(&tiny, 100);
	struct arena *a = arena_new();
	struct view *v = view_new(a);
	view_set(v, "Error.message", "x");
	tap_is_int(view_render(t, "public/error.cs", v, &tiny), -1, "a page over the response limit fails cleanly");
	arena_free(a);
	buf_free(&tiny);

	buf_free(&out);
	templates_free(t);
	return tap_done();
}
