-- Demonstration data, loaded once by `make run` into a fresh database.
-- The real published fiche comes first.

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	modality, trainers, group_size, status, updated_on)
VALUES (
	'cooperation-territoriale',
	'Formation/Action Accompagner l''implantation des chargés de coopération en partageant nos démarches d''intervention',
	'intra',
	'Chantiers locaux',
	'Chargés de Coopération Territoriale',
	'Aucun pré-requis',
	'Engager une réflexion collective et cohérente avec le projet de Caisse et son organisation.',
	'presentiel',
	'ACCOLADES - CHEINE Thierry',
	'1 groupe d''agents de la Caf de la CREUSE',
	'published',
	'2026-05-20'
) ON CONFLICT (slug) DO NOTHING;
