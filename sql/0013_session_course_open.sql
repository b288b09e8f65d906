-- The sessions a registration may move to (store/sessions.c,
-- sessions_of_course_open): the course's envisaged and confirmed sessions
-- in date order, the 50 first. Read in this order, the session page no
-- longer visits every session the course ever had (a thousand with the
-- bench's 10,000 sessions) to keep 50: make bench, registrations.
CREATE INDEX session_course_open ON session (course_id, first_day, id)
	WHERE status IN ('envisagee', 'confirmee');
