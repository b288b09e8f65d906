-- Demonstration data, loaded once by `make run` (conf/stack.sh start … demo)
-- into a fresh database, as one transaction.
--
-- The real published fiche comes first, field by field from
-- ../shared/fixtures/fiche-cooperation-territoriale.txt without the Word
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
