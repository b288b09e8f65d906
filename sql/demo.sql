-- Demonstration data, loaded once by `make run` (conf/stack.sh start … demo)
-- into a fresh database, as one transaction.
--
-- The real published fiche comes first, field by field from
-- t/fixtures/fiche-cooperation-territoriale.txt without the Word
-- debris. It lacks prices and a satisfaction rate, and names no disability
-- referent: those fields stay empty on purpose, so that the completeness
-- check has something to report. The other courses are invented but
-- complete; one is a draft and one is archived. The real fiche must stay
-- the only course that matches "coopération".
--
-- Courses are inserted with ON CONFLICT (slug) DO NOTHING; each programme
-- module (with its days and steps) is inserted only when the course has no
-- module at that position yet, so loading the file twice changes nothing.

-- ============================================================================
-- cooperation-territoriale (intra, Chantiers locaux, presentiel, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'cooperation-territoriale',
	-- title
	'Formation/Action Accompagner l''implantation des chargés de coopération en partageant nos démarches d''intervention',
	-- kind
	'intra',
	-- category
	'Chantiers locaux',
	-- audience
	'Chargés de Coopération Territoriale',
	-- prerequisites
	'Aucun pré-requis',
	-- objective
	'Engager une réflexion collective et cohérente avec le projet de Caisse et son organisation.',
	-- evaluable_objectives
	'',
	-- modality
	'presentiel',
	-- trainers
	'ACCOLADES - CHEINE Thierry',
	-- group_size
	'1 groupe d''agents de la Caf de la CREUSE',
	-- status
	'published',
	-- updated_on
	'2026-05-20',
	-- duration_days
	5,
	-- duration_hours
	35,
	-- duration_text
	'5 journées : modules 3 et 4 de deux journées chacun, module 5 en séminaire d''une journée',
	-- access_modalities
	'Planification sur le site EGOC [Sessions à venir]. Nous contacter pour suivi des programmations et des planning sur www.egoc.org',
	-- prices
	'',
	-- price_per_trainee
	'',
	-- satisfaction_rate
	NULL,
	-- satisfaction_period
	'',
	-- satisfaction_answers
	NULL,
	-- content_intro
	'',
	-- programme_notes
	'Attention, le propre d''une démarche participative réside dans la capacité de celle-ci à s''adapter à l''évolution, aux avancées et attentes du groupe. Aussi, le contenu des modules est susceptible d''évoluer au fil de la progression du groupe et en concertation avec celui-ci dans le respect strict des ambitions de formation visées par la CAF de la Creuse.

Nous nous inscrivons dans un processus de formation/action. Ce module reposera donc sur des projets de territoires en cours de déploiement. Le travail entre chaque module est inhérent au principe de formation/action et la mission devra nécessairement s''inscrire dans la durée afin de laisser le temps de l''expérimentation pratique entre chaque module.',
	-- methods
	'La méthodologie proposée prévoit de partir systématiquement de là où en sont les participants. Par exemple, pour le module 3, les CTG actuelles signées sur la base d''accord cadre représentent une base intéressante sur laquelle nous appuyer pour construire ce module de formation et aborder la construction du projet dans le cadre de l''approche orientée changement. Pour le module 2, nous partirons des représentations individuelles pour construire une définition collective de la coopération territoriale. Enfin, le module 3, organisé sous la forme d''un séminaire d''une journée s''organisera autour des questionnements individuels des participants. Ces questionnements seront ensuite regroupés par « grandes familles » afin de construire collectivement des pistes de réponse...

Il s''agit bien de partir de la pratique des participants pour élaborer d''éventuelles pistes de progrès dans l''accompagnement à l''animation de la coopération entre acteurs au service développement des territoires.

Cette démarche de formation « propose le développement des compétences propres à une action émancipatrice en termes de capacitation de l''individu et/ou du groupe ». C''est pourquoi elle permet la mobilisation des acteurs au regard de leurs pratiques actuelles.

Elle se traduit ainsi par :

- **Une conduite participative du projet de formation :** Utilisation des méthodes d''animation participatives et des processus de décisions collectives. Les savoir-faire et l''expérience de chacun sont mobilisés.
- **Une démarche en prise avec votre réalité :** Accompagnement de la transformation des pratiques. Co-construction des outils qui permettront d''ancrer ces transformations dans le quotidien de chaque acteur.
- **Un processus évolutif au cours de la formation :** Un processus qui laisse de la place à l''émergence de nouveaux questionnements et prise en compte de la réalité rencontrée au cours de la formation. Ainsi, les contraintes de chaque acteur pourront être intégrées dans le processus. C''est le propre d''une démarche participative que de ne pas être « bouclée » à l''avance.
- **La garantie d''une posture d''écoute, de bienveillance et de rigueur :** Le formateur prend en compte les attentes du groupe, les préoccupations individuelles des participants et celles du commanditaire sans se positionner comme un expert.

Ainsi, à travers un processus de conscientisation, il s''agit de développer une pédagogie de l''engagement et de faire émerger des méthodes d''actions. Le groupe intègre une dimension critique et collective vis-à-vis de la réalité qu''il souhaite transformer (action/réflexion/action). Les méthodes et outils pédagogiques utilisés font partie intégrante du contenu formatif. Ils participent de la caisse à outils dont disposeront les Agents de Développement Social territorial.',
	-- eval_before
	'sous forme d''un questionnaire ou d''un entretien avec le formateur pour valider les prérequis, d''évaluer les besoins spécifiques et de déterminer le niveau de connaissances',
	-- eval_during
	'validation de la compréhension et de l''acquisition des connaissances sous forme mises en situations, de réflexions collectives et d''utilisation d''outils de diagnostic',
	-- eval_hot
	'à l''issue de la formation, un bilan oral et une évaluation écrite permettront d''apprécier la qualité de la prestation et de mesurer l''efficacité de l''action au regard des objectifs globaux',
	-- eval_cold
	'réalisée avec un outil interne Caf',
	-- attendance_proof
	'Feuille de présence',
	-- certificate_text
	'Attestation de participation mentionnant les objectifs, la nature et la durée de l''action sera remise aux stagiaires à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'',
	-- disability_referent_contact
	'',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- cooperation-territoriale, Module 3 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'cooperation-territoriale'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 3',
		'Partager entre Conseillers techniques CAF et Chargés de Coopération Territoriale une méthodologie de projet agile et évolutive privilégiant les résultats aux objectifs et facilitant la mesure d''impact social.',
		'Ce module s''inscrira dans une démarche d''acculturation à l''approche orientée « changement » et à l''analyse d''impact à faible niveau de preuve.',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Journée 1',
			'De la CTG aux changements durables ou comment engager un processus global de développement territorial ?',
			'Processus proposé :'),
		(1, 'Journée 2',
			'Des changements durables à l''analyse d''impact social en passant par les chemins de progrès,',
			'Processus proposé :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'La CTG : Des représentations individuelles à une démarche collective.'),
	(0, 1, 0, 'Identifier les grandes étapes de la démarche et les acteurs du développement territorial.'),
	(0, 2, 0, 'Co-construction d''un processus de définition de « futur idéal » à long terme par territoire de projet.'),
	(0, 3, 1, 'Présentation et expérimentation d''outils supports (le capital stratégique de développement).'),
	(0, 4, 0, 'Retour sur les « accords-cadres » signés par territoire CTG et formalisation de changements durables pour le territoire.'),
	(1, 0, 0, 'Co-construire des chemins de progrès.'),
	(1, 1, 0, 'Partager le sens et les finalités d''un processus d''évaluation.'),
	(1, 2, 0, 'Identifier les différents niveaux de l''évaluation.'),
	(1, 3, 0, 'S''accorder sur ce que l''on ambitionne au travers de l''analyse d''impact.'),
	(1, 4, 0, 'Formaliser un dispositif de suivi et d''évaluation in-itinere, intégrant la question de la mesure d''impact à faible niveau de preuve.')
) AS v (day, position, level, text) ON v.day = d.position;

-- cooperation-territoriale, Module 4 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'cooperation-territoriale'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Module 4',
		'S''accorder sur ce que l''on entend par « coopération territoriale ». Identifier les compétences et les postures pour animer la coopération entre acteurs. Outiller les Chargés de Coopération Territoriale en matière de pratiques et démarches participatives favorisant la coopération.',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Journée 1',
			'De l''équilibre de Nash aux grands principes de la coopération à l''échelle d''un territoire',
			'Processus proposé :'),
		(1, 'Journée 2',
			'Faire évoluer les compétences et les postures, « outiller » les Chargés de coopération territoriale en matière de pratiques et démarches participatives favorisant la coopération.',
			'Processus proposé :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Jeux d''appréhension de la coopération.'),
	(0, 1, 0, 'Identifier les facteurs clefs de réussite d''une coopération durable au service du développement des territoires.'),
	(0, 2, 0, 'Co-construire les processus et outils permettant la pleine expression de ces facteurs de réussite.'),
	(0, 3, 0, 'Imaginer des espaces d''animation d''une démarche de Coopération Territoriale (tables de concertation).'),
	(1, 0, 0, 'Identifier la place et la posture du Chargé de coopération territoriale dans l''animation de la coopération au service du développement territorial.'),
	(1, 1, 0, 'Créer les conditions favorables au développement d''un travail associé entre Conseiller, Responsable CTG (CAF) et Chargé de Coopération territoriale (Collectivité),'),
	(1, 2, 0, 'Expérimenter des méthodologies d''animation participatives permettant le développement de pratiques de coopération entre acteurs des territoires et institutions au service d''un projet de territoire partagé.')
) AS v (day, position, level, text) ON v.day = d.position;

-- cooperation-territoriale, Module 5 (position 2)
WITH c AS (
	SELECT id FROM course WHERE slug = 'cooperation-territoriale'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 2)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 2, 'Module 5',
		'Co-construire entre représentants d''EPCI, agents et managers du pôle développement de la CAF et Chargés de coopération territoriale, les attendus de la fonction de « Chargé de coopération territoriale ».',
		'Ce module sera animé sous la forme d''un séminaire d''une journée',
		'seminar'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Séminaire d''une journée',
			'Chargé(e) de coopération territoriale : un nouveau métier à co-construire...',
			'Processus proposé :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Foire aux questions individuelles autour de la fonction de CCT, suivi du regroupement des questionnements similaires en « grandes familles » (Méthode du méta-plan).'),
	(0, 1, 0, 'Identification pour chaque « grande famille de questions » des enjeux, des pistes de solution et de leur traduction en « éléments constitutifs » d''une fiche de poste type. (Alternance de méthodes en petits groupes ou en grand groupe via la technique du « fish bowl »).'),
	(0, 2, 0, 'Co-construction d''une fiche de poste type de « Chargé de coopération territoriale » à partir d''un gabarit.'),
	(0, 3, 0, 'Formaliser les vecteurs de progrès pour alimenter la montée en compétences des Chargés de coopération territoriale.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- accueil-allocataire-situations-tendues (inter, Accueil et relation allocataire, presentiel, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'accueil-allocataire-situations-tendues',
	-- title
	'Accueillir l''allocataire et désamorcer les situations tendues',
	-- kind
	'inter',
	-- category
	'Accueil et relation allocataire',
	-- audience
	'Conseillers service à l''usager, agents d''accueil et chargés d''accueil téléphonique des Caf',
	-- prerequisites
	'Occuper un poste d''accueil physique ou téléphonique depuis au moins trois mois',
	-- objective
	'Offrir à chaque allocataire un accueil de qualité, adapté à sa situation, et garder la maîtrise de l''échange lorsque la tension monte.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- conduire un entretien d''accueil structuré, de la prise en charge à la conclusion ;
- repérer les signaux d''une montée en tension et y répondre par une posture adaptée ;
- annoncer une décision défavorable en préservant la relation ;
- s''appuyer sur l''équipe et sur les procédures internes après un incident.',
	-- modality
	'presentiel',
	-- trainers
	'Nathalie Guérin, formatrice en communication interpersonnelle',
	-- group_size
	'De 6 à 12 participants',
	-- status
	'published',
	-- updated_on
	'2026-03-12',
	-- duration_days
	2,
	-- duration_hours
	14,
	-- duration_text
	'2 jours (14 heures)',
	-- access_modalities
	'Sessions INTER à Rennes, dans les locaux de l''EGOC. Calendrier sur le site EGOC [Sessions à venir]. Inscription par le formulaire de demande, au plus tard trois semaines avant la session.',
	-- prices
	'Tarif INTER : 350 € par stagiaire et par jour',
	-- price_per_trainee
	'700 € par stagiaire pour les 2 jours',
	-- satisfaction_rate
	94.2,
	-- satisfaction_period
	'sessions 2025',
	-- satisfaction_answers
	86,
	-- content_intro
	'La formation alterne apports courts et mises en situation tirées de l''accueil en Caf : guichet, rendez-vous, téléphone.',
	-- programme_notes
	'',
	-- methods
	'Pédagogie active fondée sur l''expérience des participants :

- jeux de rôle à partir de situations d''accueil apportées par le groupe ;
- apports méthodologiques courts (écoute active, reformulation, méthode **DESC**) ;
- analyse collective des pratiques et échanges entre pairs ;
- remise d''un mémo « Les réflexes de l''accueil ».',
	-- eval_before
	'Questionnaire de positionnement envoyé avec la convocation : situations rencontrées, attentes et besoins spécifiques.',
	-- eval_during
	'Mises en situation observées et débriefées par la formatrice et le groupe ; auto-évaluation à la fin de chaque journée.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Questionnaire en ligne adressé au stagiaire et à son responsable trois mois après la formation, sur la mise en pratique des acquis.',
	-- attendance_proof
	'Feuille d''émargement signée par demi-journée',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- accueil-allocataire-situations-tendues, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'accueil-allocataire-situations-tendues'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'Les fondamentaux d''un accueil de qualité',
		'Le premier jour pose les bases communes : ce qu''attend l''allocataire, ce que permet l''organisation de l''accueil en Caf.',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Jour 1',
			'Structurer l''entretien d''accueil',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Les attentes de l''allocataire et les engagements de service de la Caf.'),
	(0, 1, 0, 'Les étapes d''un entretien : accueillir, comprendre la demande, répondre, conclure.'),
	(0, 2, 0, 'Écoute active et reformulation.'),
	(0, 3, 1, 'Exercices en binômes à partir de demandes réelles (prime d''activité, aide au logement, changement de situation).'),
	(0, 4, 0, 'L''accueil téléphonique : les particularités d''un échange sans le visage.')
) AS v (day, position, level, text) ON v.day = d.position;

-- accueil-allocataire-situations-tendues, Module 2 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'accueil-allocataire-situations-tendues'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Module 2',
		'Prévenir et désamorcer les situations tendues',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Jour 2',
			'Garder la maîtrise de l''échange quand la tension monte',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Comprendre les mécanismes de l''agressivité et repérer les signaux d''alerte.'),
	(0, 1, 0, 'Adopter une posture calme et assertive : la voix, le regard, la distance.'),
	(0, 2, 0, 'Annoncer une décision défavorable ou un indu sans rompre le dialogue.'),
	(0, 3, 0, 'Après l''incident : se protéger, en parler, le signaler (procédures internes).'),
	(0, 4, 0, 'Mises en situation et plan d''action individuel.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- manager-equipe-hybride (inter, Management, mixte, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'manager-equipe-hybride',
	-- title
	'Manager une équipe en organisation hybride',
	-- kind
	'inter',
	-- category
	'Management',
	-- audience
	'Managers de proximité et responsables d''unité des Caf encadrant des collaborateurs en télétravail',
	-- prerequisites
	'Encadrer une équipe depuis au moins six mois',
	-- objective
	'Adapter ses pratiques de management à une équipe partagée entre travail sur site et télétravail, pour maintenir la cohésion, l''équité et la qualité du service rendu.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- formaliser avec leur équipe des règles de fonctionnement hybride ;
- organiser la charge de travail et le suivi de l''activité sans présence continue ;
- animer des réunions à distance et mixtes qui impliquent chacun ;
- repérer l''isolement ou la surcharge d''un collaborateur et agir.',
	-- modality
	'mixte',
	-- trainers
	'Marc Delaunay, consultant en management des organisations publiques',
	-- group_size
	'De 8 à 12 managers',
	-- status
	'published',
	-- updated_on
	'2026-02-04',
	-- duration_days
	3,
	-- duration_hours
	21,
	-- duration_text
	'3 jours (21 heures) : 2 journées en présentiel et 2 classes virtuelles de 3 h 30',
	-- access_modalities
	'Sessions INTER : deux journées en présentiel à Rennes (EGOC) et deux classes virtuelles d''une demi-journée, lien de connexion envoyé une semaine avant. Calendrier sur le site EGOC [Sessions à venir].',
	-- prices
	'Tarif INTER : 380 € par stagiaire et par jour',
	-- price_per_trainee
	'1 140 € par stagiaire pour les 3 jours',
	-- satisfaction_rate
	91.0,
	-- satisfaction_period
	'sessions 2025',
	-- satisfaction_answers
	54,
	-- content_intro
	'',
	-- programme_notes
	'',
	-- methods
	'Formation-action en parcours mixte :

- apports sur le management à distance et la qualité de vie au travail ;
- ateliers d''échanges de pratiques entre managers de Caf différentes ;
- **intersession** : chaque manager expérimente un outil dans son équipe et en fait le retour en classe virtuelle ;
- boîte à outils numérique remise à l''issue du parcours (charte d''équipe, tableau de suivi, trames de réunion).',
	-- eval_before
	'Questionnaire d''auto-positionnement sur les pratiques de management à distance, envoyé trois semaines avant la première journée.',
	-- eval_during
	'Retours d''expérimentation en classe virtuelle et études de cas commentées ; quiz en fin de module.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Entretien téléphonique avec le formateur trois mois après le parcours et questionnaire adressé au manager du stagiaire.',
	-- attendance_proof
	'Feuille d''émargement par demi-journée en présentiel ; relevé de connexion pour les classes virtuelles',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- manager-equipe-hybride, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'manager-equipe-hybride'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'Poser le cadre du travail hybride',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Journée 1 en présentiel',
			'Les règles du jeu d''une équipe hybride',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Ce qui change pour le manager et pour les collaborateurs : autonomie, confiance, équité.'),
	(0, 1, 0, 'Construire une charte d''équipe : disponibilités, canaux, temps collectifs.'),
	(0, 2, 0, 'Organiser l''activité et la charge de travail : objectifs, priorités, indicateurs.'),
	(0, 3, 1, 'Atelier : la charte de mon équipe, à tester pendant l''intersession.')
) AS v (day, position, level, text) ON v.day = d.position;

-- manager-equipe-hybride, Module 2 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'manager-equipe-hybride'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Module 2',
		'Animer et piloter à distance',
		'Deux classes virtuelles d''une demi-journée, à trois semaines d''intervalle.',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Classe virtuelle 1',
			'Réunions à distance et réunions mixtes',
			'Contenu :'),
		(1, 'Classe virtuelle 2',
			'Suivre l''activité et accompagner chacun',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Préparer et animer une réunion où chacun a sa place, sur site comme à distance.'),
	(0, 1, 0, 'Les outils d''animation à distance : tour de table, sondage, tableau blanc.'),
	(1, 0, 0, 'L''entretien individuel de suivi à distance.'),
	(1, 1, 0, 'Retours sur l''expérimentation de la charte d''équipe.')
) AS v (day, position, level, text) ON v.day = d.position;

-- manager-equipe-hybride, Module 3 (position 2)
WITH c AS (
	SELECT id FROM course WHERE slug = 'manager-equipe-hybride'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 2)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 2, 'Module 3',
		'Prendre soin du collectif',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Journée 2 en présentiel',
			'Cohésion, santé et droit à la déconnexion',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Repérer l''isolement, la surcharge et l''hyperconnexion.'),
	(0, 1, 0, 'Entretenir le lien : rituels d''équipe et temps de convivialité.'),
	(0, 2, 0, 'Le droit à la déconnexion et l''accord télétravail de l''organisme.'),
	(0, 3, 0, 'Plan d''action individuel du manager.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- entretiens-annuels-evaluation (intra, Management, presentiel, archived)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'entretiens-annuels-evaluation',
	-- title
	'Conduire les entretiens annuels d''évaluation et les entretiens professionnels',
	-- kind
	'intra',
	-- category
	'Management',
	-- audience
	'Managers de proximité et cadres de direction des Caf',
	-- prerequisites
	'Avoir des collaborateurs à évaluer lors de la prochaine campagne',
	-- objective
	'Préparer et conduire des entretiens annuels et professionnels utiles au collaborateur comme au service, dans le cadre du management par objectifs de l''organisme.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- distinguer l''entretien annuel d''évaluation de l''entretien professionnel ;
- fixer des objectifs clairs et mesurables ;
- formuler une appréciation argumentée, y compris sur un point à améliorer ;
- construire un projet de développement des compétences avec le collaborateur.',
	-- modality
	'presentiel',
	-- trainers
	'Hélène Roussel, consultante en ressources humaines',
	-- group_size
	'De 6 à 10 managers de la même Caf',
	-- status
	'archived',
	-- updated_on
	'2024-11-05',
	-- duration_days
	1,
	-- duration_hours
	7,
	-- duration_text
	'1 journée (7 heures)',
	-- access_modalities
	'Session INTRA organisée dans les locaux de la Caf demandeuse, avant l''ouverture de la campagne d''entretiens. Nous contacter pour convenir des dates.',
	-- prices
	'Tarif INTRA : 1 450 € par jour pour un groupe de 12 participants au plus, frais de déplacement du formateur en sus',
	-- price_per_trainee
	'Environ 120 € par stagiaire et par jour (base de 12 participants)',
	-- satisfaction_rate
	89.5,
	-- satisfaction_period
	'sessions 2024',
	-- satisfaction_answers
	112,
	-- content_intro
	'',
	-- programme_notes
	'',
	-- methods
	'- Apports sur le cadre réglementaire et les supports de la campagne de l''organisme.
- Simulations d''entretiens en trios (manager, collaborateur, observateur) avec grille d''observation.
- Analyse des difficultés rencontrées lors des campagnes précédentes.',
	-- eval_before
	'Recueil des attentes des participants et des supports d''entretien de la Caf auprès du service RH.',
	-- eval_during
	'Simulations d''entretiens observées et débriefées à l''aide d''une grille partagée.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Bilan avec le service RH de la Caf à la fin de la campagne d''entretiens.',
	-- attendance_proof
	'Feuille d''émargement signée par demi-journée',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- entretiens-annuels-evaluation, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'entretiens-annuels-evaluation'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'Réussir ses entretiens de la campagne annuelle',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Journée 1',
			'De la préparation au compte rendu',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Entretien annuel d''évaluation et entretien professionnel : finalités et cadre.'),
	(0, 1, 0, 'Préparer : bilan de l''année, faits observables, objectifs envisagés.'),
	(0, 2, 0, 'Conduire l''échange : écoute, questionnement, appréciation argumentée.'),
	(0, 3, 1, 'Simulations en trios à partir de cas apportés par les participants.'),
	(0, 4, 0, 'Fixer des objectifs et construire le projet de développement des compétences.'),
	(0, 5, 0, 'Rédiger le compte rendu et assurer le suivi dans l''année.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- accompagner-familles-monoparentales (inter, Action sociale, presentiel, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'accompagner-familles-monoparentales',
	-- title
	'Accompagner les familles monoparentales : droits, dispositifs et posture',
	-- kind
	'inter',
	-- category
	'Action sociale',
	-- audience
	'Travailleurs sociaux des Caf, conseillers en économie sociale et familiale et intervenants des CCAS et des conseils départementaux',
	-- prerequisites
	'Exercer une mission d''accompagnement social auprès des familles',
	-- objective
	'Mieux repérer les besoins des familles monoparentales et mobiliser les droits et les dispositifs qui sécurisent leur parcours après une séparation.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- décrire les principaux droits ouverts après une séparation (ASF, pension alimentaire, intermédiation financière) ;
- repérer les situations de fragilité et les ressources de la famille ;
- orienter vers les dispositifs de soutien à la parentalité et de médiation familiale ;
- ajuster leur posture d''accompagnement au vécu du parent.',
	-- modality
	'presentiel',
	-- trainers
	'Isabelle Kerbrat, assistante de service social et formatrice',
	-- group_size
	'De 8 à 14 participants',
	-- status
	'published',
	-- updated_on
	'2026-01-20',
	-- duration_days
	2,
	-- duration_hours
	14,
	-- duration_text
	'2 jours (14 heures)',
	-- access_modalities
	'Sessions INTER à Rennes, dans les locaux de l''EGOC. Calendrier sur le site EGOC [Sessions à venir]. Ouvert aux agents des Caf et à leurs partenaires de l''action sociale.',
	-- prices
	'Tarif INTER : 350 € par stagiaire et par jour',
	-- price_per_trainee
	'700 € par stagiaire pour les 2 jours',
	-- satisfaction_rate
	96.0,
	-- satisfaction_period
	'sessions 2025',
	-- satisfaction_answers
	41,
	-- content_intro
	'',
	-- programme_notes
	'',
	-- methods
	'La formation part des situations accompagnées par les participants :

- apports actualisés sur la réglementation et les dispositifs ;
- études de cas anonymisées, travaillées en petits groupes ;
- témoignage d''une médiatrice familiale ;
- fiches repères remises aux stagiaires.',
	-- eval_before
	'Questionnaire préalable sur les situations rencontrées et le niveau de connaissance des dispositifs.',
	-- eval_during
	'Études de cas corrigées collectivement et quiz de connaissances en fin de première journée.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Questionnaire en ligne envoyé trois mois après la session sur l''usage des dispositifs présentés.',
	-- attendance_proof
	'Feuille d''émargement signée par demi-journée',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- accompagner-familles-monoparentales, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'accompagner-familles-monoparentales'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'Connaître les situations et les droits',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Jour 1',
			'La monoparentalité aujourd''hui et les droits des familles',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Chiffres clés et réalités de la monoparentalité sur les territoires.'),
	(0, 1, 0, 'L''allocation de soutien familial, la pension alimentaire et l''intermédiation financière.'),
	(0, 2, 0, 'Les aides au logement, à la garde d''enfants et à l''insertion.'),
	(0, 3, 1, 'Quiz et études de cas : ouvrir les bons droits au bon moment.')
) AS v (day, position, level, text) ON v.day = d.position;

-- accompagner-familles-monoparentales, Module 2 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'accompagner-familles-monoparentales'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Module 2',
		'Construire l''accompagnement',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Jour 2',
			'Posture et ressources pour accompagner le parent',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'L''offre de travail social des Caf à la séparation : rendez-vous des droits, séances d''information.'),
	(0, 1, 0, 'Soutien à la parentalité, médiation familiale et espaces de rencontre.'),
	(0, 2, 0, 'Accueillir le vécu du parent sans se substituer à lui.'),
	(0, 3, 0, 'Travailler le relais avec les partenaires du territoire.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- diagnostic-territorial-partage (intra, Développement territorial, mixte, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'diagnostic-territorial-partage',
	-- title
	'Réaliser un diagnostic territorial partagé',
	-- kind
	'intra',
	-- category
	'Développement territorial',
	-- audience
	'Conseillers territoriaux, chargés d''études et responsables de pôle développement des Caf ; techniciens des EPCI et des communes',
	-- prerequisites
	'Participer à l''élaboration ou au suivi d''une convention territoriale globale',
	-- objective
	'Conduire un diagnostic de territoire qui associe les habitants et les acteurs locaux, et qui débouche sur des priorités d''action partagées.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- rassembler et interpréter les données utiles (Caf, Insee, partenaires) ;
- organiser le recueil de la parole des habitants et des acteurs ;
- animer un temps de restitution et de hiérarchisation des enjeux ;
- rédiger une synthèse lisible par les élus.',
	-- modality
	'mixte',
	-- trainers
	'Julien Morvan, géographe, chargé d''études ; Sandrine Le Goff, consultante en développement local',
	-- group_size
	'1 groupe de 10 à 16 personnes d''une même Caf et de ses partenaires',
	-- status
	'published',
	-- updated_on
	'2025-12-09',
	-- duration_days
	3,
	-- duration_hours
	21,
	-- duration_text
	'3 jours (21 heures) : 1 classe virtuelle, 1 journée en présentiel et 1 séminaire de restitution',
	-- access_modalities
	'Parcours INTRA sur le territoire de la Caf demandeuse, sur trois mois. Nous contacter pour construire le calendrier avec vos partenaires.',
	-- prices
	'Tarif INTRA : 1 450 € par jour pour un groupe de 12 participants au plus, frais de déplacement du formateur en sus',
	-- price_per_trainee
	'Environ 120 € par stagiaire et par jour (base de 12 participants)',
	-- satisfaction_rate
	92.5,
	-- satisfaction_period
	'sessions 2025',
	-- satisfaction_answers
	37,
	-- content_intro
	'Le parcours s''appuie sur un territoire réel choisi par la Caf : les participants produisent le diagnostic en même temps qu''ils se forment.',
	-- programme_notes
	'',
	-- methods
	'- Apports méthodologiques et démonstration des outils de cartographie (classe virtuelle).
- Travail sur les données réelles du territoire choisi.
- Ateliers d''écoute des acteurs et des habitants, préparés et débriefés en groupe.
- **Séminaire** final avec les partenaires du territoire : restitution et hiérarchisation des enjeux.',
	-- eval_before
	'Entretien de cadrage avec la Caf demandeuse pour choisir le territoire et préciser les attentes.',
	-- eval_during
	'Production du diagnostic par étapes, relue par les formateurs entre chaque séquence.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Point d''étape avec la Caf six mois après le séminaire, sur l''usage du diagnostic dans la convention territoriale.',
	-- attendance_proof
	'Feuille d''émargement signée par demi-journée',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- diagnostic-territorial-partage, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'diagnostic-territorial-partage'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'Rassembler et lire les données',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Classe virtuelle',
			'Les données au service du diagnostic',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Les sources disponibles : données Caf, Insee, observatoires, partenaires.'),
	(0, 1, 0, 'Construire quelques indicateurs utiles plutôt qu''un catalogue de chiffres.'),
	(0, 2, 0, 'Cartographier simplement les données du territoire.')
) AS v (day, position, level, text) ON v.day = d.position;

-- diagnostic-territorial-partage, Module 2 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'diagnostic-territorial-partage'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Module 2',
		'Recueillir la parole des acteurs et des habitants',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Journée en présentiel',
			'Écouter le territoire',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Choisir les méthodes : entretiens, questionnaires, marches exploratoires, ateliers.'),
	(0, 1, 0, 'Préparer une grille d''entretien commune.'),
	(0, 2, 1, 'Entraînement en binômes et répartition des entretiens à mener.'),
	(0, 3, 0, 'Croiser les données chiffrées et la parole recueillie.')
) AS v (day, position, level, text) ON v.day = d.position;

-- diagnostic-territorial-partage, Module 3 (position 2)
WITH c AS (
	SELECT id FROM course WHERE slug = 'diagnostic-territorial-partage'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 2)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 2, 'Module 3',
		'Partager les enjeux',
		'Ce module prend la forme d''un séminaire d''une journée réunissant les participants et les partenaires du territoire.',
		'seminar'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Séminaire de restitution',
			'Du diagnostic aux priorités d''action',
			'Déroulé :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Restitution du diagnostic par les participants.'),
	(0, 1, 0, 'Hiérarchisation des enjeux en ateliers.'),
	(0, 2, 0, 'Premières pistes d''action et suites à donner dans la convention territoriale globale.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- travailler-avec-teams-et-sharepoint (inter, Outils numériques, distanciel, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'travailler-avec-teams-et-sharepoint',
	-- title
	'Travailler en équipe avec Teams et SharePoint',
	-- kind
	'inter',
	-- category
	'Outils numériques',
	-- audience
	'Tous les agents des Caf utilisant Microsoft 365 au quotidien',
	-- prerequisites
	'Disposer d''un compte Microsoft 365 et d''un poste équipé d''une caméra et d''un micro',
	-- objective
	'Partager, co-rédiger et retrouver les documents de l''équipe, et organiser les échanges dans Teams sans se noyer dans les notifications.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- organiser une équipe Teams en canaux utiles ;
- partager un document et le rédiger à plusieurs sans créer de versions concurrentes ;
- retrouver un document et son historique dans SharePoint ;
- régler leurs notifications et leur statut de présence.',
	-- modality
	'distanciel',
	-- trainers
	'Thomas Le Bihan, formateur en outils bureautiques',
	-- group_size
	'8 participants au plus par classe virtuelle',
	-- status
	'published',
	-- updated_on
	'2026-04-15',
	-- duration_days
	1,
	-- duration_hours
	8,
	-- duration_text
	'8 heures en 4 classes virtuelles de 2 heures',
	-- access_modalities
	'Classes virtuelles sur Teams ; le lien de connexion est envoyé une semaine avant. Calendrier sur le site EGOC [Sessions à venir].',
	-- prices
	'Tarif INTER : 45 € par stagiaire et par heure',
	-- price_per_trainee
	'360 € par stagiaire pour les 8 heures',
	-- satisfaction_rate
	88.7,
	-- satisfaction_period
	'sessions 2025',
	-- satisfaction_answers
	129,
	-- content_intro
	'',
	-- programme_notes
	'',
	-- methods
	'Classes virtuelles courtes et pratiques :

- démonstration partagée à l''écran, puis manipulation par chaque participant dans un espace d''exercice ;
- exercices entre deux séances (15 minutes) ;
- fiches pas à pas téléchargeables.',
	-- eval_before
	'Questionnaire de positionnement sur les usages de Teams et SharePoint, envoyé à l''inscription.',
	-- eval_during
	'Exercices pratiques réalisés en séance et vérifiés par le formateur.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Questionnaire en ligne deux mois après la dernière classe virtuelle.',
	-- attendance_proof
	'Relevé de connexion et émargement numérique à chaque classe virtuelle',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- travailler-avec-teams-et-sharepoint, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'travailler-avec-teams-et-sharepoint'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'S''organiser dans Teams',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Classe virtuelle 1',
			'Équipes, canaux et conversations',
			'Contenu :'),
		(1, 'Classe virtuelle 2',
			'Réunions Teams',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Équipe, canal, conversation : à quoi sert chacun.'),
	(0, 1, 0, 'Publier, répondre, mentionner un collègue.'),
	(0, 2, 0, 'Régler ses notifications et son statut de présence.'),
	(1, 0, 0, 'Planifier une réunion et partager l''ordre du jour.'),
	(1, 1, 0, 'Partager son écran, utiliser la conversation et les sondages.')
) AS v (day, position, level, text) ON v.day = d.position;

-- travailler-avec-teams-et-sharepoint, Module 2 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'travailler-avec-teams-et-sharepoint'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Module 2',
		'Partager les documents avec SharePoint',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Classe virtuelle 3',
			'Documents partagés',
			'Contenu :'),
		(1, 'Classe virtuelle 4',
			'Retrouver et organiser',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Où ranger : OneDrive, fichiers d''équipe, bibliothèque SharePoint.'),
	(0, 1, 0, 'Partager un lien plutôt qu''une pièce jointe.'),
	(0, 2, 0, 'Rédiger à plusieurs et suivre l''historique des versions.'),
	(1, 0, 0, 'Rechercher un document, filtrer, épingler.'),
	(1, 1, 0, 'Cas pratique : organiser l''espace documentaire de son équipe.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- autonomie-numerique-allocataires (inter, Accueil et relation allocataire, mixte, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'autonomie-numerique-allocataires',
	-- title
	'Accompagner les allocataires vers l''autonomie numérique',
	-- kind
	'inter',
	-- category
	'Accueil et relation allocataire',
	-- audience
	'Conseillers d''accueil des Caf, médiateurs numériques et agents des espaces France services',
	-- prerequisites
	'Utiliser le Caf.fr et l''application « Caf - Mon Compte » dans sa pratique professionnelle',
	-- objective
	'Rendre les allocataires plus autonomes dans leurs démarches en ligne, en adaptant l''accompagnement à leur niveau et sans faire à leur place.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- repérer les difficultés numériques d''un allocataire lors de l''accueil ;
- choisir entre faire avec, montrer et orienter ;
- accompagner une démarche en ligne en respectant la confidentialité des données ;
- orienter vers les ressources d''inclusion numérique du territoire.',
	-- modality
	'mixte',
	-- trainers
	'Laure Bodin, médiatrice numérique et formatrice',
	-- group_size
	'De 8 à 12 participants',
	-- status
	'published',
	-- updated_on
	'2026-04-02',
	-- duration_days
	1.5,
	-- duration_hours
	10.5,
	-- duration_text
	'1 classe virtuelle de 3 h 30 suivie d''une journée en présentiel',
	-- access_modalities
	'Sessions INTER : classe virtuelle puis journée en présentiel à Rennes (EGOC), à deux semaines d''intervalle. Calendrier sur le site EGOC [Sessions à venir].',
	-- prices
	'Tarif INTER : 350 € par stagiaire et par jour',
	-- price_per_trainee
	'525 € par stagiaire pour le parcours',
	-- satisfaction_rate
	95.1,
	-- satisfaction_period
	'sessions 2025',
	-- satisfaction_answers
	63,
	-- content_intro
	'',
	-- programme_notes
	'',
	-- methods
	'- Classe virtuelle d''apports et d''échanges sur les publics éloignés du numérique.
- Ateliers pratiques sur le Caf.fr et l''application mobile, en compte de démonstration.
- Jeux de rôle d''accueil : l''allocataire qui « n''y arrive pas », celui qui veut que l''on fasse à sa place.
- Carte des ressources d''inclusion numérique construite par le groupe.',
	-- eval_before
	'Questionnaire de positionnement sur les situations d''accompagnement numérique rencontrées.',
	-- eval_during
	'Mises en situation et quiz sur les démarches en ligne.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Questionnaire en ligne trois mois après la formation sur l''évolution des pratiques d''accompagnement.',
	-- attendance_proof
	'Relevé de connexion pour la classe virtuelle ; feuille d''émargement pour la journée en présentiel',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- autonomie-numerique-allocataires, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'autonomie-numerique-allocataires'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'Comprendre les publics éloignés du numérique',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Classe virtuelle',
			'Qui sont les allocataires en difficulté avec le numérique ?',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Les différentes formes d''éloignement : équipement, compétences, confiance, langue.'),
	(0, 1, 0, 'Repérer la difficulté sans stigmatiser, dès l''accueil.'),
	(0, 2, 0, 'Le cadre : consentement, confidentialité, mandat.')
) AS v (day, position, level, text) ON v.day = d.position;

-- autonomie-numerique-allocataires, Module 2 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'autonomie-numerique-allocataires'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Module 2',
		'Accompagner sans faire à la place',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Journée en présentiel',
			'Les gestes de l''accompagnement numérique',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Faire avec, montrer, laisser faire : choisir selon la personne.'),
	(0, 1, 0, 'Les démarches les plus fréquentes sur le Caf.fr et l''application.'),
	(0, 2, 1, 'Atelier pratique en compte de démonstration : déclaration trimestrielle, changement de situation, attestation.'),
	(0, 3, 0, 'Orienter vers les ressources du territoire : France services, conseillers numériques, ateliers.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- prevenir-risques-psychosociaux (intra, Prévention et santé au travail, presentiel, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'prevenir-risques-psychosociaux',
	-- title
	'Prévenir les risques psychosociaux dans son service',
	-- kind
	'intra',
	-- category
	'Prévention et santé au travail',
	-- audience
	'Managers, membres de la CSSCT, correspondants prévention et équipes RH des Caf',
	-- prerequisites
	'Aucun pré-requis',
	-- objective
	'Identifier les facteurs de risques psychosociaux dans l''organisation du travail et construire des actions de prévention adaptées au service.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- définir les risques psychosociaux et leurs effets sur la santé ;
- repérer les facteurs de risque dans l''organisation du travail de leur service ;
- contribuer à la mise à jour du document unique d''évaluation des risques ;
- réagir face à un agent en difficulté et l''orienter vers les bons interlocuteurs.',
	-- modality
	'presentiel',
	-- trainers
	'Dr Anne Caradec, médecin du travail ; Yann Perrot, psychologue du travail',
	-- group_size
	'1 groupe de 8 à 14 personnes de la même Caf',
	-- status
	'published',
	-- updated_on
	'2025-10-14',
	-- duration_days
	2,
	-- duration_hours
	14,
	-- duration_text
	'2 jours (14 heures)',
	-- access_modalities
	'Session INTRA dans les locaux de la Caf demandeuse. Nous contacter pour suivi des programmations et des plannings.',
	-- prices
	'Tarif INTRA : 1 450 € par jour pour un groupe de 12 participants au plus, frais de déplacement du formateur en sus',
	-- price_per_trainee
	'Environ 120 € par stagiaire et par jour (base de 12 participants)',
	-- satisfaction_rate
	93.4,
	-- satisfaction_period
	'sessions 2025',
	-- satisfaction_answers
	58,
	-- content_intro
	'',
	-- programme_notes
	'',
	-- methods
	'- Apports sur le cadre légal et les six familles de facteurs de risques psychosociaux.
- Analyse de situations de travail du service, en petits groupes.
- Utilisation d''une grille d''évaluation des risques reprise ensuite dans le document unique.
- Jeux de rôle : l''entretien avec un agent en difficulté.',
	-- eval_before
	'Entretien préalable avec la direction et les RH de la Caf ; questionnaire de positionnement des participants.',
	-- eval_during
	'Analyse de situations et production d''un plan d''action de service, commentée par les formateurs.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Bilan à six mois avec la Caf sur la mise en œuvre du plan d''action.',
	-- attendance_proof
	'Feuille d''émargement signée par demi-journée',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- prevenir-risques-psychosociaux, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'prevenir-risques-psychosociaux'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'Comprendre et repérer',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Jour 1',
			'Les risques psychosociaux : de quoi parle-t-on ?',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Stress, épuisement professionnel, violences internes et externes : définitions et effets sur la santé.'),
	(0, 1, 0, 'Les obligations de l''employeur et le rôle de chacun.'),
	(0, 2, 0, 'Les facteurs de risque dans l''organisation du travail.'),
	(0, 3, 1, 'Analyse en groupe de situations de travail du service.')
) AS v (day, position, level, text) ON v.day = d.position;

-- prevenir-risques-psychosociaux, Module 2 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'prevenir-risques-psychosociaux'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Module 2',
		'Prévenir et agir',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Jour 2',
			'Du repérage au plan de prévention',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Évaluer les risques et les inscrire dans le document unique.'),
	(0, 1, 0, 'Construire des actions de prévention primaire, secondaire et tertiaire.'),
	(0, 2, 0, 'Réagir face à un agent en difficulté : écouter, orienter, alerter.'),
	(0, 3, 0, 'Plan d''action du service.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- gestes-postures-travail-ecran (inter, Prévention et santé au travail, presentiel, draft)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'gestes-postures-travail-ecran',
	-- title
	'Gestes, postures et travail sur écran',
	-- kind
	'inter',
	-- category
	'Prévention et santé au travail',
	-- audience
	'Tous les agents des Caf travaillant sur écran, sur site ou en télétravail',
	-- prerequisites
	'Aucun pré-requis',
	-- objective
	'Aménager son poste de travail et adopter les bons gestes pour prévenir les troubles musculo-squelettiques et la fatigue visuelle.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- régler leur siège, leur écran et leurs accessoires ;
- repérer les postures et les habitudes à risque ;
- intégrer des pauses actives et des exercices simples dans leur journée.',
	-- modality
	'presentiel',
	-- trainers
	'Pauline Riou, ergonome',
	-- group_size
	'De 6 à 12 participants',
	-- status
	'draft',
	-- updated_on
	'2026-05-06',
	-- duration_days
	1,
	-- duration_hours
	7,
	-- duration_text
	'1 journée (7 heures)',
	-- access_modalities
	'Sessions INTER à Rennes, dans les locaux de l''EGOC. Calendrier sur le site EGOC [Sessions à venir].',
	-- prices
	'Tarif INTER : 320 € par stagiaire et par jour',
	-- price_per_trainee
	'320 € par stagiaire',
	-- satisfaction_rate
	90.0,
	-- satisfaction_period
	'session pilote 2025',
	-- satisfaction_answers
	11,
	-- content_intro
	'',
	-- programme_notes
	'',
	-- methods
	'- Apports illustrés sur l''anatomie et les troubles musculo-squelettiques.
- Ateliers pratiques de réglage sur des postes de travail reconstitués.
- Séquences d''exercices d''étirement à reproduire au bureau.',
	-- eval_before
	'Questionnaire sur l''environnement de travail et les gênes ressenties.',
	-- eval_during
	'Réglage de poste réalisé par chaque participant et vérifié par l''ergonome.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Questionnaire en ligne deux mois après la formation.',
	-- attendance_proof
	'Feuille d''émargement signée par demi-journée',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- gestes-postures-travail-ecran, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'gestes-postures-travail-ecran'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'Un poste de travail adapté',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Journée 1',
			'Prévenir les troubles musculo-squelettiques et la fatigue visuelle',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Comprendre les troubles musculo-squelettiques et la fatigue visuelle.'),
	(0, 1, 0, 'Régler son poste : siège, écran, clavier, souris, éclairage.'),
	(0, 2, 1, 'Cas du télétravail et du poste en ordinateur portable.'),
	(0, 3, 0, 'Pauses actives et exercices simples.'),
	(0, 4, 0, 'Mon plan personnel de prévention.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- chantier-local-accueil-sur-rendez-vous (intra, Chantiers locaux, presentiel, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'chantier-local-accueil-sur-rendez-vous',
	-- title
	'Chantier local : généraliser l''accueil sur rendez-vous',
	-- kind
	'intra',
	-- category
	'Chantiers locaux',
	-- audience
	'Équipe accueil, managers et pilotes de la relation de service d''une Caf',
	-- prerequisites
	'Projet de réorganisation de l''accueil validé par la direction de la Caf',
	-- objective
	'Accompagner une Caf dans la généralisation de l''accueil sur rendez-vous, de la conception du nouveau parcours allocataire à sa mise en œuvre par les équipes.',
	-- evaluable_objectives
	'À l''issue de l''accompagnement, l''équipe aura :

- décrit le parcours de l''allocataire, de la prise de rendez-vous au suivi ;
- défini les rôles de chacun et les règles de gestion des rendez-vous ;
- préparé les entretiens sur rendez-vous (trame, outils, temps de préparation) ;
- fixé les indicateurs de suivi du nouvel accueil.',
	-- modality
	'presentiel',
	-- trainers
	'Sébastien Hamon, consultant en organisation de la relation de service',
	-- group_size
	'1 groupe de 12 à 15 agents et managers de la Caf',
	-- status
	'published',
	-- updated_on
	'2026-03-30',
	-- duration_days
	3,
	-- duration_hours
	21,
	-- duration_text
	'3 journées : 2 journées de travail à un mois d''intervalle, puis 1 journée de bilan après trois mois de fonctionnement',
	-- access_modalities
	'Chantier INTRA conduit dans les locaux de la Caf demandeuse, sur quatre à six mois. Nous contacter pour construire le calendrier.',
	-- prices
	'Tarif INTRA : 1 450 € par jour pour un groupe de 12 participants au plus, frais de déplacement du formateur en sus',
	-- price_per_trainee
	'Environ 120 € par stagiaire et par jour (base de 12 participants)',
	-- satisfaction_rate
	97.3,
	-- satisfaction_period
	'chantiers 2024-2025',
	-- satisfaction_answers
	29,
	-- content_intro
	'Un chantier local répond à la demande d''une seule Caf : le contenu est ajusté à son projet, à ses équipes et à son calendrier.',
	-- programme_notes
	'',
	-- methods
	'Formation-action appliquée au projet de la Caf :

- ateliers de conception à partir du parcours réel des allocataires ;
- travail sur les outils de l''organisme (agenda de rendez-vous, trames d''entretien) ;
- expérimentation entre les journées, puis retour d''expérience ;
- **journée de bilan** avec indicateurs et ajustements.',
	-- eval_before
	'Réunion de cadrage avec la direction et les managers de l''accueil : objectifs, contraintes, calendrier.',
	-- eval_during
	'Livrables produits à chaque journée (parcours, règles de gestion, trame d''entretien) et validés par le groupe.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Journée de bilan trois mois après la mise en œuvre, à partir des indicateurs d''accueil de la Caf.',
	-- attendance_proof
	'Feuille d''émargement signée par demi-journée',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- chantier-local-accueil-sur-rendez-vous, Étape 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'chantier-local-accueil-sur-rendez-vous'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Étape 1',
		'Concevoir le nouveau parcours',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Journée 1',
			'Le parcours de l''allocataire sur rendez-vous',
			'Processus proposé :'),
		(1, 'Journée 2',
			'Préparer et conduire l''entretien sur rendez-vous',
			'Processus proposé :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Partager le diagnostic de l''accueil actuel : flux, motifs, temps d''attente.'),
	(0, 1, 0, 'Décrire le parcours cible, de la prise de rendez-vous au suivi.'),
	(0, 2, 0, 'Définir les rôles et les règles de gestion des rendez-vous.'),
	(1, 0, 0, 'Construire la trame d''entretien et le temps de préparation du dossier.'),
	(1, 1, 0, 'Mises en situation d''entretiens sur rendez-vous.'),
	(1, 2, 1, 'Retour sur l''expérimentation menée entre les deux journées.'),
	(1, 3, 0, 'Prévoir l''accueil des personnes venues sans rendez-vous.')
) AS v (day, position, level, text) ON v.day = d.position;

-- chantier-local-accueil-sur-rendez-vous, Étape 2 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'chantier-local-accueil-sur-rendez-vous'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Étape 2',
		'Faire le bilan',
		'Ce temps prend la forme d''un séminaire d''une journée, trois mois après le démarrage.',
		'seminar'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Séminaire de bilan',
			'Trois mois après : ce qui marche, ce qui reste à ajuster',
			'Processus proposé :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Lecture partagée des indicateurs d''accueil.'),
	(0, 1, 0, 'Retours des agents et des allocataires.'),
	(0, 2, 0, 'Ajustements de l''organisation et suites à donner.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ============================================================================
-- ecrits-professionnels-travail-social (inter, Action sociale, distanciel, published)
-- ============================================================================

INSERT INTO course (slug, title, kind, category, audience, prerequisites, objective,
	evaluable_objectives, modality, trainers, group_size, status, updated_on,
	duration_days, duration_hours, duration_text, access_modalities, prices,
	price_per_trainee, satisfaction_rate, satisfaction_period, satisfaction_answers,
	content_intro, programme_notes, methods, eval_before, eval_during, eval_hot, eval_cold,
	attendance_proof, certificate_text, accessibility, accessibility_premises,
	disability_referent_name, disability_referent_contact, access_delay, contact_phones,
	contact_email, contact_text)
VALUES (
	-- slug
	'ecrits-professionnels-travail-social',
	-- title
	'Écrits professionnels en travail social : notes, rapports et transmissions',
	-- kind
	'inter',
	-- category
	'Action sociale',
	-- audience
	'Travailleurs sociaux et conseillers en économie sociale et familiale des Caf',
	-- prerequisites
	'Rédiger des écrits professionnels dans le cadre de l''accompagnement des familles',
	-- objective
	'Rédiger des écrits professionnels clairs, objectifs et respectueux des personnes, adaptés à leur destinataire et au cadre du partage d''informations.',
	-- evaluable_objectives
	'À l''issue de la formation, les participants seront capables de :

- choisir le type d''écrit adapté à la situation et au destinataire ;
- distinguer les faits, les analyses et les propositions ;
- respecter le cadre du secret professionnel et du partage d''informations ;
- relire un écrit du point de vue de la personne concernée.',
	-- modality
	'distanciel',
	-- trainers
	'Véronique Le Floch, formatrice en écrits professionnels',
	-- group_size
	'De 6 à 10 participants',
	-- status
	'published',
	-- updated_on
	'2026-02-26',
	-- duration_days
	2,
	-- duration_hours
	12,
	-- duration_text
	'12 heures en 4 classes virtuelles de 3 heures',
	-- access_modalities
	'Classes virtuelles sur Teams ; le lien de connexion est envoyé une semaine avant. Calendrier sur le site EGOC [Sessions à venir].',
	-- prices
	'Tarif INTER : 55 € par stagiaire et par heure',
	-- price_per_trainee
	'660 € par stagiaire pour les 12 heures',
	-- satisfaction_rate
	92.0,
	-- satisfaction_period
	'sessions 2025',
	-- satisfaction_answers
	47,
	-- content_intro
	'',
	-- programme_notes
	'',
	-- methods
	'- Apports sur les types d''écrits et le cadre juridique.
- Réécriture en séance d''écrits anonymisés apportés par les participants.
- Travaux d''écriture entre les classes virtuelles, relus individuellement par la formatrice.',
	-- eval_before
	'Envoi préalable d''un écrit anonymisé et d''un questionnaire sur les difficultés rencontrées.',
	-- eval_during
	'Exercices de réécriture corrigés en séance et retours individuels sur les travaux d''intersession.',
	-- eval_hot
	'Questionnaire de satisfaction et bilan oral en fin de session, au regard des objectifs de la formation.',
	-- eval_cold
	'Questionnaire en ligne trois mois après la formation.',
	-- attendance_proof
	'Relevé de connexion et émargement numérique à chaque classe virtuelle',
	-- certificate_text
	'Attestation de fin de formation mentionnant les objectifs, la nature et la durée de l''action, remise à chaque stagiaire à l''issue de la formation',
	-- accessibility
	'Nos formations sont accessibles à tous les agents Caf. Pour toutes personnes en situation de handicap, nous vous invitons à nous contacter afin d''étudier ensemble les modalités d''accès à la formation et de nous transmettre tout document nécessaire pour l''ajustement des prestations et la mise en oeuvre de dispositifs adaptés.',
	-- accessibility_premises
	'Niveau d''accessibilité des prestations proposées dans les locaux de l''EGOC : fiche informative du registre public d''accessibilité disponible sur le site de l''EGOC : Page « Contact et Accessibilité »',
	-- disability_referent_name
	'Claire Martin',
	-- disability_referent_contact
	'referent.handicap@egoc.example, 02 99 29 82 40',
	-- access_delay
	'Délais d''accès entre la demande et le début de la prestation : engagement d''une réponse dans les 15 jours ou conditionné aux délais de procédures de marché (1 mois pour les sessions INTER).',
	-- contact_phones
	'02 99 29 82 42 ou 02 99 29 82 43',
	-- contact_email
	'formation@egoc.example',
	-- contact_text
	'Pour toutes informations administratives, pédagogiques, d''accompagnement aux personnes ou d''une adaptation de la formation sur mesure, vous pouvez nous contacter au 02 99 29 82 42 ou 02 99 29 82 43'
) ON CONFLICT (slug) DO NOTHING;

-- ecrits-professionnels-travail-social, Module 1 (position 0)
WITH c AS (
	SELECT id FROM course WHERE slug = 'ecrits-professionnels-travail-social'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 0)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 0, 'Module 1',
		'Le cadre et les types d''écrits',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Classe virtuelle 1',
			'Pourquoi et pour qui écrit-on ?',
			'Contenu :'),
		(1, 'Classe virtuelle 2',
			'Des faits à l''analyse',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Note sociale, rapport, évaluation, transmission : finalités et destinataires.'),
	(0, 1, 0, 'Secret professionnel, partage d''informations et droit d''accès de la personne.'),
	(1, 0, 0, 'Distinguer les faits, les propos rapportés, l''analyse et les propositions.'),
	(1, 1, 0, 'Choisir des mots justes et respectueux.')
) AS v (day, position, level, text) ON v.day = d.position;

-- ecrits-professionnels-travail-social, Module 2 (position 1)
WITH c AS (
	SELECT id FROM course WHERE slug = 'ecrits-professionnels-travail-social'
		AND NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = course.id AND x.position = 1)
), m AS (
	INSERT INTO course_module (course_id, position, number, title, intro, format)
	SELECT c.id, 1, 'Module 2',
		'Écrire et réécrire',
		'',
		'days'
	FROM c RETURNING id
), d AS (
	INSERT INTO course_day (module_id, position, heading, subject, steps_intro)
	SELECT m.id, v.position, v.heading, v.subject, v.steps_intro
	FROM m CROSS JOIN (VALUES
		(0, 'Classe virtuelle 3',
			'Structurer un rapport',
			'Contenu :'),
		(1, 'Classe virtuelle 4',
			'Relire et transmettre',
			'Contenu :')
	) AS v (position, heading, subject, steps_intro)
	RETURNING id, position
)
INSERT INTO day_step (day_id, position, text, level)
SELECT d.id, v.position, v.text, v.level
FROM d JOIN (VALUES
	(0, 0, 0, 'Plan type et argumentation.'),
	(0, 1, 1, 'Réécriture collective d''un rapport anonymisé.'),
	(1, 0, 0, 'Relire du point de vue de la personne concernée.'),
	(1, 1, 0, 'Retours sur les travaux d''intersession et fiche mémo personnelle.')
) AS v (day, position, level, text) ON v.day = d.position;

-- The search documents, now that every programme is in place.
SELECT course_search_refresh(id) FROM course;

-- ============================================================================
-- Places, rooms, trainers and a year of sessions
-- ============================================================================
--
-- Everything below is dated from the day of the load (Europe/Paris), so
-- that "Sessions à venir" has content whatever day `make run` starts:
-- about two months of past sessions ('realisee'), then a year ahead. For a
-- test on another day, `SET egoc.demo_today = 'YYYY-MM-DD'` before loading.
-- Addresses, names and emails are invented for the demonstration.
--
-- Slot conventions: a day in a room is two slots, matin 09:00-12:30 and
-- après-midi 13:30-17:00 (7 hours, as the fiches count them); a virtual
-- class is one half-day slot in the room "Salle virtuelle" of the place
-- "Classe virtuelle" (remote = true).
--
-- Why no room and no trainer is ever in two overlapping slots (the
-- exclusion constraints of 0007 would reject it):
--   1. Every course has fixed weekdays ("lanes", demo_pattern below), and
--      two courses that share a room or a trainer never share a weekday
--      (or, in the virtual room, a half-day):
--        Mon  accueil (Bréhat), familles (Belle-Île), diagnostic (Ouessant,
--             Conseil, Glénan, virtual room all day)
--        Tue  accueil, familles, RPS (Ouessant, Marche, Aven), coopération
--             (Conseil), Teams (virtual room, afternoon)
--        Wed  RPS, coopération, écrits (virtual room, morning)
--        Thu  manager (Ouessant, virtual room morning), chantier (Belle-Île,
--             Conseil, Glénan), Teams (virtual room, afternoon)
--        Fri  autonomie numérique (Ouessant, virtual room morning)
--      and each trainer's courses have disjoint weekdays: Cheine Mon
--      (diagnostic) / Tue-Wed (coopération); Le Goff Mon / Thu (chantier);
--      Guérin Mon-Tue (accueil) / Fri; Hamon Mon-Tue / Thu; Kerbrat Mon-Tue
--      (familles) / Wed (écrits); Le Bihan Tue+Thu afternoons (Teams) / Fri;
--      Delaunay Thu; Caradec Tue-Wed.
--   2. Within a course, session j starts in week base + period * j + shift
--      (shift 0, 1 or 2: the first that avoids public holidays and
--      closures) and its slots span at most max_week weeks; period >
--      max_week + 2, so the weeks of two sessions of a course never meet.
--      A session that cannot avoid the closures with a shift of 2 weeks is
--      dropped (dropping never creates an overlap).
--   3. The real Caf de la Creuse session is the only session of its course.
-- The whole section runs only while there is no session yet.

INSERT INTO place (name, address, city, access, capacity, accessibility, remote) VALUES
	('EGOC Rennes',
		'12 boulevard de la Tour d''Auvergne, 35000 Rennes', 'Rennes',
		'Métro ligne A, station Charles de Gaulle (5 minutes à pied) ; gare de Rennes à 10 minutes à pied. Parking public Colombier à 300 m (payant) ; pas de stationnement sur place. Accueil au rez-de-chaussée à partir de 8 h 30.',
		50,
		'Bâtiment accessible de plain-pied depuis la rue, ascenseur vers les salles du 1er étage, toilettes adaptées à chaque étage, boucle magnétique en salle Belle-Île. Registre public d''accessibilité à l''accueil.',
		false),
	('Caf de la Creuse — Guéret',
		'4 avenue de la République, 23000 Guéret', 'Guéret',
		'Gare de Guéret à 15 minutes à pied ; bus Agglo''Bus lignes 1 et 2, arrêt Préfecture. Parking gratuit réservé aux stagiaires dans la cour (12 places), badge à demander à l''accueil.',
		34,
		'Salles au rez-de-chaussée, accès par rampe côté cour, toilettes adaptées. Place de stationnement réservée devant l''entrée.',
		false),
	('Espace Odet — Quimper',
		'15 rue de Kerfeunteun, 29000 Quimper', 'Quimper',
		'Gare de Quimper à 20 minutes à pied ou bus QUB ligne A, arrêt Kerfeunteun. Parking gratuit de 40 places. Salles louées par la Caf du Finistère pour ses formations.',
		34,
		'Bâtiment récent conforme aux normes d''accessibilité : ascenseur, toilettes adaptées, deux places de stationnement réservées.',
		false),
	('Classe virtuelle',
		'', '',
		'Classe virtuelle sur Microsoft Teams : le lien de connexion est envoyé une semaine avant la session, un test de connexion est proposé la veille. Casque ou écouteurs et webcam recommandés ; poste individuel au calme.',
		20,
		'Sous-titrage automatique activé, supports envoyés à l''avance dans un format accessible, pauses toutes les heures. Nous contacter pour toute adaptation.',
		true)
ON CONFLICT (name) DO NOTHING;

INSERT INTO room (place_id, name, capacity, accessibility)
SELECT p.id, v.name, v.capacity, v.accessibility
FROM (VALUES
	('EGOC Rennes', 'Salle Bréhat', 14, 'Rez-de-chaussée.'),
	('EGOC Rennes', 'Salle Ouessant', 16, '1er étage, ascenseur.'),
	('EGOC Rennes', 'Salle Belle-Île', 20, '1er étage, ascenseur, boucle magnétique.'),
	('Caf de la Creuse — Guéret', 'Salle du Conseil', 20, 'Rez-de-chaussée, accès par la rampe côté cour.'),
	('Caf de la Creuse — Guéret', 'Salle Marche', 14, 'Rez-de-chaussée.'),
	('Espace Odet — Quimper', 'Salle Glénan', 18, 'Rez-de-chaussée.'),
	('Espace Odet — Quimper', 'Salle Aven', 16, '1er étage, ascenseur.'),
	('Classe virtuelle', 'Salle virtuelle', 20, 'Sous-titrage automatique.')
) AS v (place, name, capacity, accessibility)
JOIN place p ON p.name = v.place
ON CONFLICT (place_id, name) DO NOTHING;

-- Trainers; each feed token is 64 random hex digits (no pgcrypto here).
INSERT INTO trainer (name, kind, email, phone, organisation, feed_token)
SELECT v.name, v.kind, v.email, v.phone, v.organisation, md5(random()::text) || md5(random()::text)
FROM (VALUES
	('Thierry Cheine', 'externe', 'thierry.cheine@accolades.example.org', '06 71 42 18 03', 'ACCOLADES'),
	('Sandrine Le Goff', 'externe', 'sandrine.legoff@example.org', '06 12 58 40 77', 'Le Goff Conseil, développement local'),
	('Nathalie Guérin', 'interne', 'nathalie.guerin@egoc.example', '02 99 29 82 51', 'EGOC'),
	('Sébastien Hamon', 'externe', 'sebastien.hamon@example.org', '06 45 90 12 36', 'Hamon Organisation'),
	('Marc Delaunay', 'externe', 'marc.delaunay@example.org', '06 33 27 64 10', 'Cabinet Delaunay, management public'),
	('Isabelle Kerbrat', 'interne', 'isabelle.kerbrat@egoc.example', '02 99 29 82 53', 'EGOC'),
	('Thomas Le Bihan', 'interne', 'thomas.lebihan@egoc.example', '02 99 29 82 55', 'EGOC'),
	('Anne Caradec', 'externe', 'anne.caradec@example.org', '06 20 84 71 95', 'Santé Travail Bretagne')
) AS v (name, kind, email, phone, organisation)
WHERE NOT EXISTS (SELECT 1 FROM trainer t WHERE t.email = v.email);

INSERT INTO trainer_course (trainer_id, course_id)
SELECT t.id, c.id
FROM (VALUES
	('thierry.cheine@accolades.example.org', 'cooperation-territoriale'),
	('thierry.cheine@accolades.example.org', 'diagnostic-territorial-partage'),
	('sandrine.legoff@example.org', 'diagnostic-territorial-partage'),
	('sandrine.legoff@example.org', 'chantier-local-accueil-sur-rendez-vous'),
	('nathalie.guerin@egoc.example', 'accueil-allocataire-situations-tendues'),
	('nathalie.guerin@egoc.example', 'autonomie-numerique-allocataires'),
	('sebastien.hamon@example.org', 'accueil-allocataire-situations-tendues'),
	('sebastien.hamon@example.org', 'chantier-local-accueil-sur-rendez-vous'),
	('marc.delaunay@example.org', 'manager-equipe-hybride'),
	('marc.delaunay@example.org', 'entretiens-annuels-evaluation'),
	('isabelle.kerbrat@egoc.example', 'accompagner-familles-monoparentales'),
	('isabelle.kerbrat@egoc.example', 'ecrits-professionnels-travail-social'),
	('thomas.lebihan@egoc.example', 'travailler-avec-teams-et-sharepoint'),
	('thomas.lebihan@egoc.example', 'autonomie-numerique-allocataires'),
	('anne.caradec@example.org', 'prevenir-risques-psychosociaux'),
	('anne.caradec@example.org', 'gestes-postures-travail-ecran')
) AS v (email, slug)
JOIN trainer t ON t.email = v.email
JOIN course c ON c.slug = v.slug
ON CONFLICT DO NOTHING;

-- The planning queries below are small, but their estimates wake the JIT
-- compiler up, which costs a second for nothing.
SET LOCAL jit = off;

-- The day of the load and the Monday of its week (date_trunc('week') is
-- the ISO Monday whatever today's weekday).
CREATE TEMP TABLE demo_today AS
SELECT d AS today, date_trunc('week', d::timestamp)::date AS monday
FROM (SELECT coalesce(nullif(current_setting('egoc.demo_today', true), '')::date,
	(now() AT TIME ZONE 'Europe/Paris')::date) AS d) x;

-- Days without training: the French public holidays (Easter by the
-- anonymous Gregorian algorithm), the summer closure (1-21 August) and
-- the end-of-year closure (24 December - 2 January).
CREATE TEMP TABLE demo_blocked AS
SELECT DISTINCT b.day
FROM demo_today,
	generate_series(extract(year FROM today)::int - 1, extract(year FROM today)::int + 2) AS y,
	LATERAL (SELECT y % 19 AS a, y / 100 AS b, y % 100 AS c) s1,
	LATERAL (SELECT (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30 AS h,
		b % 4 AS e, c / 4 AS i, c % 4 AS k) s2,
	LATERAL (SELECT (32 + 2 * e + 2 * i - h - k) % 7 AS l) s3,
	LATERAL (SELECT (a + 11 * h + 22 * l) / 451 AS m) s4,
	LATERAL (SELECT make_date(y, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1) AS easter) s5,
	LATERAL (
		SELECT v.day FROM (VALUES (make_date(y, 1, 1)), (easter + 1), (make_date(y, 5, 1)),
			(make_date(y, 5, 8)), (easter + 39), (easter + 50), (make_date(y, 7, 14)),
			(make_date(y, 8, 15)), (make_date(y, 11, 1)), (make_date(y, 11, 11)),
			(make_date(y, 12, 25))) AS v (day)
		UNION ALL
		SELECT make_date(y, 8, 1) + g FROM generate_series(0, 20) AS g
		UNION ALL
		SELECT make_date(y, 12, 24) + g FROM generate_series(0, 9) AS g
	) b;

-- The lanes: for each course, its slots as (week offset, ISO weekday,
-- times, remote) and the programme's module and day they deliver.
CREATE TEMP TABLE demo_pattern AS
SELECT v.slug, v.week, v.dow, v.starts::time AS starts, v.ends::time AS ends, v.remote,
	m.number AS module_label, d.heading AS day_label
FROM (VALUES
	('accueil-allocataire-situations-tendues', 0, 1, '09:00', '12:30', false, 0, 0),
	('accueil-allocataire-situations-tendues', 0, 1, '13:30', '17:00', false, 0, 0),
	('accueil-allocataire-situations-tendues', 0, 2, '09:00', '12:30', false, 1, 0),
	('accueil-allocataire-situations-tendues', 0, 2, '13:30', '17:00', false, 1, 0),
	('accompagner-familles-monoparentales', 0, 1, '09:00', '12:30', false, 0, 0),
	('accompagner-familles-monoparentales', 0, 1, '13:30', '17:00', false, 0, 0),
	('accompagner-familles-monoparentales', 0, 2, '09:00', '12:30', false, 1, 0),
	('accompagner-familles-monoparentales', 0, 2, '13:30', '17:00', false, 1, 0),
	('manager-equipe-hybride', 0, 4, '09:00', '12:30', false, 0, 0),
	('manager-equipe-hybride', 0, 4, '13:30', '17:00', false, 0, 0),
	('manager-equipe-hybride', 1, 4, '09:00', '12:30', true, 1, 0),
	('manager-equipe-hybride', 2, 4, '09:00', '12:30', true, 1, 1),
	('manager-equipe-hybride', 3, 4, '09:00', '12:30', false, 2, 0),
	('manager-equipe-hybride', 3, 4, '13:30', '17:00', false, 2, 0),
	('travailler-avec-teams-et-sharepoint', 0, 2, '14:00', '16:00', true, 0, 0),
	('travailler-avec-teams-et-sharepoint', 0, 4, '14:00', '16:00', true, 0, 1),
	('travailler-avec-teams-et-sharepoint', 1, 2, '14:00', '16:00', true, 1, 0),
	('travailler-avec-teams-et-sharepoint', 1, 4, '14:00', '16:00', true, 1, 1),
	('autonomie-numerique-allocataires', 0, 5, '09:00', '12:30', true, 0, 0),
	('autonomie-numerique-allocataires', 2, 5, '09:00', '12:30', false, 1, 0),
	('autonomie-numerique-allocataires', 2, 5, '13:30', '17:00', false, 1, 0),
	('ecrits-professionnels-travail-social', 0, 3, '09:00', '12:00', true, 0, 0),
	('ecrits-professionnels-travail-social', 1, 3, '09:00', '12:00', true, 0, 1),
	('ecrits-professionnels-travail-social', 3, 3, '09:00', '12:00', true, 1, 0),
	('ecrits-professionnels-travail-social', 4, 3, '09:00', '12:00', true, 1, 1),
	('diagnostic-territorial-partage', 0, 1, '09:00', '12:30', true, 0, 0),
	('diagnostic-territorial-partage', 0, 1, '13:30', '17:00', true, 0, 0),
	('diagnostic-territorial-partage', 4, 1, '09:00', '12:30', false, 1, 0),
	('diagnostic-territorial-partage', 4, 1, '13:30', '17:00', false, 1, 0),
	('diagnostic-territorial-partage', 10, 1, '09:00', '12:30', false, 2, 0),
	('diagnostic-territorial-partage', 10, 1, '13:30', '17:00', false, 2, 0),
	('prevenir-risques-psychosociaux', 0, 2, '09:00', '12:30', false, 0, 0),
	('prevenir-risques-psychosociaux', 0, 2, '13:30', '17:00', false, 0, 0),
	('prevenir-risques-psychosociaux', 0, 3, '09:00', '12:30', false, 1, 0),
	('prevenir-risques-psychosociaux', 0, 3, '13:30', '17:00', false, 1, 0),
	('chantier-local-accueil-sur-rendez-vous', 0, 4, '09:00', '12:30', false, 0, 0),
	('chantier-local-accueil-sur-rendez-vous', 0, 4, '13:30', '17:00', false, 0, 0),
	('chantier-local-accueil-sur-rendez-vous', 4, 4, '09:00', '12:30', false, 0, 1),
	('chantier-local-accueil-sur-rendez-vous', 4, 4, '13:30', '17:00', false, 0, 1),
	('chantier-local-accueil-sur-rendez-vous', 17, 4, '09:00', '12:30', false, 1, 0),
	('chantier-local-accueil-sur-rendez-vous', 17, 4, '13:30', '17:00', false, 1, 0)
) AS v (slug, week, dow, starts, ends, remote, module_pos, day_pos)
JOIN course c ON c.slug = v.slug
JOIN course_module m ON m.course_id = c.id AND m.position = v.module_pos
JOIN course_day d ON d.module_id = m.id AND d.position = v.day_pos;

-- The series: session j of a course starts in week base + period * j
-- (weeks from this week's Monday), period > its last week offset + 2.
-- INTRA series take their client, place and room from demo_client in turn.
CREATE TEMP TABLE demo_series (slug, kind, base, period, n, min_p, max_p, place, room, trainers, trainers_odd) AS
VALUES
	('accueil-allocataire-situations-tendues', 'inter', -9, 7, 8, 6, 12, 'EGOC Rennes', 'Salle Bréhat',
		ARRAY['nathalie.guerin@egoc.example'], ARRAY['sebastien.hamon@example.org']),
	('accompagner-familles-monoparentales', 'inter', -6, 9, 6, 8, 14, 'EGOC Rennes', 'Salle Belle-Île',
		ARRAY['isabelle.kerbrat@egoc.example'], NULL),
	('manager-equipe-hybride', 'inter', -11, 10, 6, 8, 12, 'EGOC Rennes', 'Salle Ouessant',
		ARRAY['marc.delaunay@example.org'], NULL),
	('travailler-avec-teams-et-sharepoint', 'inter', -4, 8, 7, 4, 8, 'Classe virtuelle', 'Salle virtuelle',
		ARRAY['thomas.lebihan@egoc.example'], NULL),
	('autonomie-numerique-allocataires', 'inter', -5, 9, 6, 8, 12, 'EGOC Rennes', 'Salle Ouessant',
		ARRAY['nathalie.guerin@egoc.example', 'thomas.lebihan@egoc.example'], NULL),
	('ecrits-professionnels-travail-social', 'inter', -3, 8, 6, 6, 10, 'Classe virtuelle', 'Salle virtuelle',
		ARRAY['isabelle.kerbrat@egoc.example'], NULL),
	('diagnostic-territorial-partage', 'intra', -14, 13, 5, 10, 16, NULL, NULL,
		ARRAY['thierry.cheine@accolades.example.org', 'sandrine.legoff@example.org'], NULL),
	('prevenir-risques-psychosociaux', 'intra', -7, 10, 6, 8, 14, NULL, NULL,
		ARRAY['anne.caradec@example.org'], NULL),
	('chantier-local-accueil-sur-rendez-vous', 'intra', -8, 20, 3, 12, 15, NULL, NULL,
		ARRAY['sebastien.hamon@example.org', 'sandrine.legoff@example.org'], NULL);

CREATE TEMP TABLE demo_client (slug, idx, organisation, place, room) AS
VALUES
	('diagnostic-territorial-partage', 0, 'Caf du Finistère', 'Espace Odet — Quimper', 'Salle Glénan'),
	('diagnostic-territorial-partage', 1, 'Caf d''Ille-et-Vilaine', 'EGOC Rennes', 'Salle Ouessant'),
	('diagnostic-territorial-partage', 2, 'Caf de la Creuse', 'Caf de la Creuse — Guéret', 'Salle du Conseil'),
	('diagnostic-territorial-partage', 3, 'Caf des Côtes-d''Armor', 'EGOC Rennes', 'Salle Ouessant'),
	('diagnostic-territorial-partage', 4, 'Caf du Morbihan', 'EGOC Rennes', 'Salle Ouessant'),
	('prevenir-risques-psychosociaux', 0, 'Caf d''Ille-et-Vilaine', 'EGOC Rennes', 'Salle Ouessant'),
	('prevenir-risques-psychosociaux', 1, 'Caf de la Creuse', 'Caf de la Creuse — Guéret', 'Salle Marche'),
	('prevenir-risques-psychosociaux', 2, 'Caf du Finistère', 'Espace Odet — Quimper', 'Salle Aven'),
	('chantier-local-accueil-sur-rendez-vous', 0, 'Caf d''Ille-et-Vilaine', 'EGOC Rennes', 'Salle Belle-Île'),
	('chantier-local-accueil-sur-rendez-vous', 1, 'Caf du Finistère', 'Espace Odet — Quimper', 'Salle Glénan'),
	('chantier-local-accueil-sur-rendez-vous', 2, 'Caf de la Creuse', 'Caf de la Creuse — Guéret', 'Salle du Conseil');

-- One row per planned session: the first shift (0, 1 or 2 weeks) whose
-- slots all avoid demo_blocked; none, and the session is not planned.
CREATE TEMP TABLE demo_plan AS
WITH occ AS (
	SELECT s.*, j, s.base + s.period * j AS week0
	FROM demo_series s, generate_series(0, s.n - 1) AS j
	WHERE NOT EXISTS (SELECT 1 FROM session)
), shifted AS (
	SELECT o.slug, o.j, min(sh) AS shift
	FROM occ o CROSS JOIN generate_series(0, 2) AS sh, demo_today t
	WHERE NOT EXISTS (
		SELECT 1 FROM demo_pattern p
		WHERE p.slug = o.slug
			AND t.monday + 7 * (o.week0 + sh + p.week) + p.dow - 1 IN (SELECT day FROM demo_blocked))
	GROUP BY o.slug, o.j
)
SELECT o.slug, o.j, o.kind, c.id AS course_id, c.modality,
	coalesce(cl.organisation, '') AS organisation,
	pl.id AS place_id, r.id AS room_id, o.min_p, o.max_p,
	t.monday + 7 * (o.week0 + sh.shift) AS week_monday,
	ARRAY(SELECT tr.id FROM trainer tr
		WHERE tr.email = ANY (CASE WHEN o.j % 2 = 1 AND o.trainers_odd IS NOT NULL
			THEN o.trainers_odd ELSE o.trainers END) ORDER BY tr.id) AS trainer_ids
FROM occ o
JOIN shifted sh USING (slug, j)
JOIN course c ON c.slug = o.slug
CROSS JOIN demo_today t
LEFT JOIN demo_client cl ON cl.slug = o.slug
	AND cl.idx = o.j % nullif((SELECT count(*) FROM demo_client x WHERE x.slug = o.slug), 0)
JOIN place pl ON pl.name = coalesce(cl.place, o.place)
JOIN room r ON r.place_id = pl.id AND r.name = coalesce(cl.room, o.room);

CREATE TEMP TABLE demo_plan_slot AS
SELECT p.slug, p.j, p.week_monday + 7 * pt.week + pt.dow - 1 AS day, pt.starts, pt.ends, pt.remote,
	CASE WHEN pt.remote THEN (SELECT r.id FROM room r JOIN place pl ON pl.id = r.place_id
		WHERE pl.name = 'Classe virtuelle' AND r.name = 'Salle virtuelle') ELSE p.room_id END AS room_id,
	pt.module_label, pt.day_label
FROM demo_plan p JOIN demo_pattern pt ON pt.slug = p.slug;

-- The real fiche: the Caf de la Creuse's INTRA session, modules 3 and 4
-- (two days each) and module 5 (a one-day seminar), in the 1st, 2nd and
-- 4th coming months other than August: the time to experiment on the
-- territories between modules. Each block starts on the first Tuesday
-- from the 8th of its month whose Tuesday (and Wednesday) are working days.
INSERT INTO demo_plan (slug, j, kind, course_id, modality, organisation, place_id, room_id,
	min_p, max_p, week_monday, trainer_ids)
SELECT c.slug, 0, 'intra', c.id, c.modality, 'Caf de la Creuse', pl.id, r.id, 6, 12, NULL,
	ARRAY(SELECT id FROM trainer WHERE email = 'thierry.cheine@accolades.example.org')
FROM course c
JOIN place pl ON pl.name = 'Caf de la Creuse — Guéret'
JOIN room r ON r.place_id = pl.id AND r.name = 'Salle du Conseil'
WHERE c.slug = 'cooperation-territoriale' AND NOT EXISTS (SELECT 1 FROM session);

INSERT INTO demo_plan_slot (slug, j, day, starts, ends, remote, room_id, module_label, day_label)
WITH months AS (
	SELECT row_number() OVER (ORDER BY mo) AS k, mo::date AS mo
	FROM demo_today t, generate_series(1, 8) AS g,
		LATERAL (SELECT date_trunc('month', t.today::timestamp) + make_interval(months => g) AS mo) x
	WHERE extract(month FROM mo) <> 8
), blocks AS (
	SELECT v.module_pos, m.mo,
		(SELECT tue FROM generate_series(7, 27) AS g, LATERAL (SELECT m.mo + g AS tue) x
			WHERE extract(isodow FROM tue) = 2
				AND tue NOT IN (SELECT day FROM demo_blocked)
				AND tue + 1 NOT IN (SELECT day FROM demo_blocked)
			ORDER BY tue LIMIT 1) AS tuesday
	FROM (VALUES (0, 1), (1, 2), (2, 4)) AS v (module_pos, k)
	JOIN months m ON m.k = v.k
)
SELECT p.slug, 0, b.tuesday + d.position, h.starts, h.ends, false, p.room_id, m.number, d.heading
FROM demo_plan p
JOIN course_module m ON m.course_id = p.course_id
JOIN blocks b ON b.module_pos = m.position
JOIN course_day d ON d.module_id = m.id
CROSS JOIN (VALUES (time '09:00', time '12:30'), (time '13:30', time '17:00')) AS h (starts, ends)
WHERE p.slug = 'cooperation-territoriale';

-- Dates and statuses: past sessions are 'realisee', those under way
-- 'confirmee'; ahead, INTER sessions are 'confirmee' up to seven months
-- and 'envisagee' after, INTRA ones up to four months; one INTER session
-- is cancelled for want of registrations, and the next "diagnostic
-- territorial partagé" is open to the territory's partners, so shown on
-- the public calendar (public = true).
ALTER TABLE demo_plan ADD COLUMN first_day date, ADD COLUMN last_day date,
	ADD COLUMN status text, ADD COLUMN cancel_reason text NOT NULL DEFAULT '',
	ADD COLUMN public boolean NOT NULL DEFAULT false, ADD COLUMN notes text NOT NULL DEFAULT '',
	ADD COLUMN sid bigint;
UPDATE demo_plan p SET first_day = x.first_day, last_day = x.last_day
FROM (SELECT slug, j, min(day) AS first_day, max(day) AS last_day FROM demo_plan_slot GROUP BY slug, j) x
WHERE x.slug = p.slug AND x.j = p.j;
UPDATE demo_plan p SET status = CASE
		WHEN p.slug = 'cooperation-territoriale' THEN 'confirmee'
		WHEN p.last_day < t.today THEN 'realisee'
		WHEN p.first_day <= t.today THEN 'confirmee'
		WHEN p.kind = 'inter' AND p.first_day > t.today + 210 THEN 'envisagee'
		WHEN p.kind = 'intra' AND p.first_day > t.today + 120 THEN 'envisagee'
		ELSE 'confirmee' END
FROM demo_today t;
UPDATE demo_plan SET status = 'annulee',
	cancel_reason = 'Nombre d''inscrits insuffisant (3 inscrits pour 8 requis) : les inscrits sont invités à rejoindre la session suivante.'
WHERE (slug, j) = (SELECT slug, j FROM demo_plan, demo_today t
	WHERE slug = 'accompagner-familles-monoparentales' AND first_day >= t.today + 21
	ORDER BY first_day LIMIT 1);
UPDATE demo_plan SET public = true,
	notes = 'Session INTRA ouverte aux partenaires du territoire (EPCI, CCAS, centres sociaux) : elle figure au calendrier public.'
WHERE (slug, j) = (SELECT slug, j FROM demo_plan, demo_today t
	WHERE slug = 'diagnostic-territorial-partage' AND first_day > t.today
	ORDER BY first_day LIMIT 1);
UPDATE demo_plan SET notes = 'Formation-action pour les chargés de coopération territoriale de la Caf de la Creuse : modules 3 et 4 de deux journées, module 5 en séminaire d''une journée avec les représentants des EPCI. Travail d''expérimentation sur les territoires entre les modules.'
WHERE slug = 'cooperation-territoriale';
-- Session ids in date order.
UPDATE demo_plan p SET sid = x.sid
FROM (SELECT slug, j, nextval(pg_get_serial_sequence('session', 'id')) AS sid
	FROM (SELECT slug, j FROM demo_plan ORDER BY first_day, slug, j) o) x
WHERE x.slug = p.slug AND x.j = p.j;

INSERT INTO session (id, course_id, kind, organisation, place_id, min_participants, max_participants,
	status, cancel_reason, registration_closes_on, public, notes)
OVERRIDING SYSTEM VALUE
SELECT p.sid, p.course_id, p.kind, p.organisation, p.place_id, p.min_p, p.max_p, p.status,
	p.cancel_reason,
	CASE WHEN p.kind = 'inter' THEN p.first_day - CASE WHEN p.modality = 'distanciel' THEN 7 ELSE 14 END END,
	p.public, p.notes
FROM demo_plan p ORDER BY p.sid;

-- Local date and time to timestamptz in Europe/Paris (the summer time
-- changes included); the part follows from the times.
INSERT INTO slot (session_id, day, starts_at, ends_at, part, remote, room_id, module_label, day_label, cancelled)
SELECT p.sid, s.day,
	(s.day + s.starts) AT TIME ZONE 'Europe/Paris',
	(s.day + s.ends) AT TIME ZONE 'Europe/Paris',
	CASE WHEN s.ends <= time '13:00' THEN 'matin'
		WHEN s.starts >= time '12:00' THEN 'apres_midi' ELSE 'journee' END,
	s.remote, s.room_id, s.module_label, s.day_label, p.status = 'annulee'
FROM demo_plan_slot s JOIN demo_plan p USING (slug, j)
ORDER BY p.sid, s.day, s.starts;

-- Every trainer of a session on each of its slots (the trigger copies the
-- slot's range and state).
INSERT INTO slot_trainer (slot_id, trainer_id)
SELECT sl.id, tr.id
FROM demo_plan p
JOIN slot sl ON sl.session_id = p.sid
CROSS JOIN LATERAL unnest(p.trainer_ids) AS tr (id);

-- Registrations in confirmed and past sessions, between the minimum and
-- the maximum (one in four sessions with a cancelled registration among
-- them); the cancelled session keeps its three cancelled registrations.
-- Names are distinct within a session (steps 7 and 11 are prime to 40).
WITH first_names AS (
	SELECT array['Camille', 'Nicolas', 'Sophie', 'Julien', 'Aurélie', 'Thomas', 'Émilie', 'Maxime',
		'Céline', 'Sébastien', 'Laëtitia', 'Guillaume', 'Nathalie', 'Romain', 'Sandrine', 'Yannick',
		'Élodie', 'Mathieu', 'Gwenaëlle', 'Loïc', 'Virginie', 'Erwan', 'Stéphanie', 'François',
		'Anne-Sophie', 'Jérôme', 'Morgane', 'Damien', 'Hélène', 'Benoît', 'Claire', 'Kévin', 'Maëlle',
		'Olivier', 'Isabelle', 'Ronan', 'Karine', 'Antoine', 'Solène', 'Patrice'] AS a
), last_names AS (
	SELECT array['Le Gall', 'Martin', 'Bernard', 'Moreau', 'Lefèvre', 'Le Roux', 'Girard', 'Quéré',
		'Fournier', 'Morel', 'Guillou', 'Tanguy', 'Lambert', 'Bonnet', 'Rousseau', 'Le Corre', 'Garnier',
		'Chevalier', 'Mercier', 'Blanc', 'Le Bris', 'Cadiou', 'Faure', 'Rolland', 'Nicolas', 'Perrin',
		'Jézéquel', 'Lemoine', 'Hamel', 'Marchand', 'Duval', 'Collin', 'Prigent', 'Besnard', 'Barbier',
		'Carré', 'Denis', 'Gautier', 'Fontaine', 'Brunet'] AS a
), orgs AS (
	SELECT * FROM (VALUES (0, 'Caf d''Ille-et-Vilaine', 'caf35'), (1, 'Caf du Finistère', 'caf29'),
		(2, 'Caf du Morbihan', 'caf56'), (3, 'Caf des Côtes-d''Armor', 'caf22'),
		(4, 'Caf de Loire-Atlantique', 'caf44'), (5, 'Caf de la Creuse', 'caf23'),
		(6, 'Caf de la Manche', 'caf50'), (7, 'Caf de la Mayenne', 'caf53')) AS v (idx, name, domain)
), wanted AS (
	SELECT p.sid, p.kind, p.organisation, p.first_day, p.status,
		CASE WHEN p.status = 'annulee' THEN 3
			WHEN p.status IN ('confirmee', 'realisee') THEN p.min_p + p.sid::int % (p.max_p - p.min_p + 1)
			ELSE 0 END AS n
	FROM demo_plan p
), people AS (
	SELECT w.sid, w.status AS session_status, w.first_day, k,
		f.a[1 + (w.sid::int * 13 + k * 7) % 40] AS first_name,
		l.a[1 + (w.sid::int * 5 + k * 11) % 40] AS last_name,
		CASE WHEN w.kind = 'intra' THEN w.organisation ELSE o.name END AS organisation,
		CASE WHEN w.kind = 'intra' THEN (SELECT domain FROM orgs WHERE name = w.organisation) ELSE o.domain END AS domain
	FROM wanted w
	CROSS JOIN generate_series(1, w.n) AS k
	CROSS JOIN first_names f CROSS JOIN last_names l
	LEFT JOIN orgs o ON o.idx = (w.sid::int + k * 3) % 8
)
SELECT sid, session_status, first_day, k, first_name, last_name, organisation,
	replace(lower(public.unaccent(first_name)), ' ', '-') || '.' ||
		replace(lower(public.unaccent(last_name)), ' ', '-') || '@' || coalesce(domain, 'caf') || '.example.org'
		AS email
INTO TEMP demo_people FROM people;

-- One participant per address: the same person may follow several sessions.
INSERT INTO participant (last_name, first_name, email, organisation, job_title)
SELECT DISTINCT ON (email) last_name, first_name, email, organisation,
	(array['Conseillère technique', 'Chargé de coopération territoriale', 'Responsable d''équipe',
		'Travailleuse sociale', 'Conseiller en économie sociale et familiale'])[1 + k % 5]
FROM demo_people ORDER BY email, sid;

INSERT INTO registration (session_id, participant_id, status, reason, changed_by, created_at, changed_at)
SELECT d.sid, p.id,
	CASE WHEN d.session_status = 'annulee' OR (d.sid % 4 = 0 AND d.k = 1) THEN 'annulee' ELSE 'confirmee' END,
	CASE WHEN d.session_status = 'annulee' THEN 'Session annulée'
		WHEN d.sid % 4 = 0 AND d.k = 1 THEN 'Indisponible à ces dates' ELSE '' END,
	'Équipe formation',
	least(now(), ((d.first_day - 45 + d.k) + time '10:00') AT TIME ZONE 'Europe/Paris'),
	least(now(), ((d.first_day - 40 + d.k) + time '10:00') AT TIME ZONE 'Europe/Paris')
FROM demo_people d JOIN participant p ON p.email = d.email
WHERE NOT EXISTS (SELECT 1 FROM demo_people e WHERE e.sid = d.sid AND e.email = d.email AND e.k < d.k)
ORDER BY d.sid, d.k;
INSERT INTO registration_event (registration_id, at, kind, to_status, actor)
SELECT id, created_at, 'inscription', 'confirmee', 'Équipe formation' FROM registration;
INSERT INTO registration_event (registration_id, at, kind, from_status, to_status, actor, comment)
SELECT id, changed_at, 'annulation', 'confirmee', 'annulee', 'Équipe formation', reason
FROM registration WHERE status = 'annulee';

-- A full INTER session with a waiting list: the first confirmed INTER
-- session to come gets every seat taken and three people waiting.
WITH target AS (
	SELECT se.id, se.max_participants - se.confirmed AS free FROM session se
	WHERE se.kind = 'inter' AND se.status = 'confirmee' AND se.first_day > current_date + 14
	ORDER BY se.first_day, se.id LIMIT 1
), extra AS (
	INSERT INTO participant (last_name, first_name, email, organisation, job_title)
	SELECT (array['Abgrall', 'Kerbrat', 'Le Floc''h', 'Tréguer', 'Coïc', 'Le Meur', 'Pennec', 'Salaün',
			'Le Goff', 'Riou', 'Le Bihan', 'Bodénès', 'Cloarec', 'Morvan', 'Le Duff'])[g],
		(array['Annaïg', 'Goulven', 'Soizic', 'Tanguy', 'Nolwenn', 'Gurvan', 'Maïwenn', 'Brendan',
			'Enora', 'Malo', 'Rozenn', 'Corentin', 'Awena', 'Titouan', 'Lena'])[g],
		'inscrit' || g || '.complet@caf29.example.org', 'Caf du Finistère', 'Conseillère technique'
	FROM generate_series(1, 15) g
	RETURNING id, email
)
INSERT INTO registration (session_id, participant_id, status, changed_by)
SELECT t.id, e.id, 'confirmee', 'Équipe formation'
FROM target t, (SELECT id, row_number() OVER (ORDER BY id) AS n FROM extra) e
WHERE e.n <= t.free + 3
ORDER BY e.n;

-- Confirmed people of confirmed and past sessions were convoked (the demo
-- sends nothing: its mails would go to made-up addresses).
UPDATE registration r SET convocation_at = r.changed_at FROM session se
WHERE se.id = r.session_id AND se.status IN ('confirmee', 'realisee') AND r.status = 'confirmee';

-- A need declared when a participant was registered, being studied (the
-- demo has no référent handicap yet: its admin reads the needs, and marks
-- a référent on the accounts page).
INSERT INTO accessibility_need (source, registration_id, need, due_on)
SELECT 'inscription', r.id, 'Malentendante : boucle magnétique et supports écrits des échanges, s''il vous plaît.',
	se.first_day - 7
FROM registration r JOIN session se ON se.id = r.session_id
WHERE r.status = 'confirmee' AND se.status = 'confirmee' AND se.first_day > current_date + 14
ORDER BY se.first_day, r.id LIMIT 1;

-- The rules the generation above must keep, checked before commit.
DO $$
DECLARE
	bad text;
BEGIN
	SELECT string_agg(DISTINCT msg, '; ') INTO bad FROM (
		SELECT 'slot on a weekend: ' || s.day AS msg FROM slot s WHERE extract(isodow FROM s.day) > 5
		UNION ALL
		SELECT 'slot day is not its local date: ' || s.id FROM slot s
			WHERE (s.starts_at AT TIME ZONE 'Europe/Paris')::date <> s.day
		UNION ALL
		SELECT 'slot part does not match its times: ' || s.id FROM slot s
			WHERE s.part <> CASE WHEN (s.ends_at AT TIME ZONE 'Europe/Paris')::time <= time '13:00' THEN 'matin'
				WHEN (s.starts_at AT TIME ZONE 'Europe/Paris')::time >= time '12:00' THEN 'apres_midi'
				ELSE 'journee' END
		UNION ALL
		SELECT 'session larger than a room: ' || se.id FROM session se JOIN slot s ON s.session_id = se.id
			JOIN room r ON r.id = s.room_id WHERE se.max_participants > r.capacity
		UNION ALL
		SELECT 'too many registrations: ' || se.id FROM session se
			WHERE (SELECT count(*) FROM registration g WHERE g.session_id = se.id
				AND g.status = 'confirmee') > se.max_participants
		UNION ALL
		SELECT 'session without slots: ' || se.id FROM session se
			WHERE NOT EXISTS (SELECT 1 FROM slot s WHERE s.session_id = se.id)
	) x;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'demonstration sessions: %', bad;
	END IF;
END
$$;

DROP TABLE demo_today, demo_blocked, demo_pattern, demo_series, demo_client, demo_plan, demo_plan_slot;
