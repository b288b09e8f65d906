-- Attestations de fin de formation (certificates, Code du travail L6353-1) and the
-- registration's outcome.
--
-- When a session is "realisee" and all its half-days are certified, each
-- confirmed registration gets its minutes (planned, attended) and its
-- outcome, derived from attendance, never typed; every participant with
-- minutes attended gets one attestation: the canonical text of what it
-- attests (rules/certificate.h), the server's Ed25519 signature of that
-- text, and the PDF as it was mailed, so that issuing twice, downloading
-- or mailing again always gives the same document.
ALTER TABLE registration
	ADD COLUMN outcome text CHECK (outcome IN ('presente', 'partielle', 'absente')),
	ADD COLUMN minutes_planned integer CHECK (minutes_planned >= 0),
	ADD COLUMN minutes_attended integer CHECK (minutes_attended >= 0),
	ADD CONSTRAINT registration_outcome_with_minutes CHECK ((outcome IS NULL) =
		(minutes_planned IS NULL) AND (outcome IS NULL) = (minutes_attended IS NULL)),
	ADD CONSTRAINT registration_attended_not_more CHECK (minutes_attended <= minutes_planned);

CREATE TABLE certificate (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	registration_id  bigint NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
	session_id       bigint NOT NULL REFERENCES session (id),
	-- what the PDF and the verification page show: 80 random bits
	code             text NOT NULL UNIQUE
		CHECK (code ~ '^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$'),
	attests          text NOT NULL CHECK (length(attests) BETWEEN 1 AND 4000),
	signature        text NOT NULL CHECK (signature ~ '^[0-9a-f]{128}$'),
	pdf              bytea NOT NULL CHECK (length(pdf) BETWEEN 1 AND 4194304),
	issued_at        timestamptz NOT NULL DEFAULT now(),
	revoked_at       timestamptz,
	revoked_by       bigint REFERENCES staff_user (id) ON DELETE SET NULL,
	revoked_reason   text CHECK (length(revoked_reason) BETWEEN 1 AND 1000),
	CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
);
-- One attestation in force per registration: a revoked one may be
-- replaced (after an admin's correction of the attendance).
CREATE UNIQUE INDEX certificate_in_force ON certificate (registration_id) WHERE revoked_at IS NULL;
CREATE INDEX certificate_session ON certificate (session_id, id);

-- The application issues and revokes, nothing else: no update but the
-- revocation's three columns, no delete (a purge of the registration
-- removes its attestations through the cascade, as the owner).
REVOKE UPDATE, DELETE, TRUNCATE ON certificate FROM formations_app;
GRANT UPDATE (revoked_at, revoked_by, revoked_reason) ON certificate TO formations_app;
CREATE FUNCTION certificate_revocation_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.revoked_at IS NOT NULL THEN
		RAISE EXCEPTION 'attestation % is revoked for good', OLD.code
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER certificate_revocation_final BEFORE UPDATE ON certificate
	FOR EACH ROW EXECUTE FUNCTION certificate_revocation_final();
