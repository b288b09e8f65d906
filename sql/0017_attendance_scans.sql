-- Scans of signed paper attendance sheets, attached to their half-day by
-- its trainer or the desk, and downloaded again. Like the attendance
-- events, a scan is evidence: the application may add one, never change
-- or remove one (no grant, and a trigger as the last word).
CREATE TABLE attendance_scan (
	id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	session_id         bigint NOT NULL REFERENCES session (id),
	half_day_id        text NOT NULL CHECK (half_day_id ~ '^[0-9]{1,18}-(matin|apres_midi)$'),
	-- what the first bytes said (rules/scan.c), never what the browser declared
	content_type       text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
	bytes              bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 10485760),
	-- the SHA-256 the application computed, checked here against the bytes kept
	sha256             text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	-- the name of the file sent, for the page only (rules/scan.c cleans it)
	original_filename  text NOT NULL DEFAULT '' CHECK (length(original_filename) <= 100
		AND original_filename !~ '[[:cntrl:]]'),
	uploaded_by        bigint NOT NULL REFERENCES staff_user (id),
	uploaded_at        timestamptz NOT NULL DEFAULT now(),
	CHECK (sha256 = encode(sha256(bytes), 'hex'))
);
CREATE INDEX attendance_scan_half_day ON attendance_scan (half_day_id, id);
CREATE INDEX attendance_scan_session ON attendance_scan (session_id);
-- PDF, JPEG and PNG are compressed already: kept out of line as they are.
ALTER TABLE attendance_scan ALTER COLUMN bytes SET STORAGE EXTERNAL;

REVOKE UPDATE, DELETE, TRUNCATE ON attendance_scan FROM formations_app;
CREATE FUNCTION attendance_scan_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'attendance scans are never changed or deleted'
		USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER attendance_scan_frozen BEFORE UPDATE OR DELETE ON attendance_scan
	FOR EACH ROW EXECUTE FUNCTION attendance_scan_frozen();
