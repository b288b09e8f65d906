#include "pages/form.h"

#include "base/arena.h"
#include "view/view.h"
#include "web/handler.h"
#include "web/request.h"

const char *form_check(struct ctx *ctx, const struct field_rule *rule, const char *value)
{
	char msg[160];
	const char *problem = field_check(rule, value, msg, sizeof(msg));
	return problem == msg ? arena_strdup(ctx->arena, msg) : problem;
}

const char *form_value(struct ctx *ctx, const struct field_rule *rule, const char **value)
{
	*value = arena_trim(ctx->arena, params_get(&ctx->req->form, rule->key));
	return *value ? form_check(ctx, rule, *value) : NULL;
}

int form_read(struct ctx *ctx, const struct form_field *fields, size_t n, const char **errors)
{
	int wrong = 0;
	for (size_t i = 0; i < n; i++) {
		const char *problem = form_value(ctx, &fields[i].rule, fields[i].value);
		if (!*fields[i].value)
			return -1;
		if (errors)
			errors[i] = problem;
		if (!problem)
			continue;
		wrong++;
		if (fields[i].error_key && !errors && view_set(ctx->view, fields[i].error_key, problem) < 0)
			return -1;
	}
	return wrong;
}
