<?cs # The body of a fiche: shared by the public page and the staff preview.
  Three parts: course_head and course_main show the course alone (the public
  page draws them once per course version and keeps them, pages/catalogue.c),
  course_live what changes without an edit: the rate and the next sessions. ?><?cs def:course_head() ?>
<article class="fiche">
<p class="kind"><?cs var:Course.kind_label ?><?cs if:Course.category ?> · <?cs var:Course.category ?><?cs /if ?></p>
<h1><?cs var:Course.title ?></h1>
<p class="updated">Mis à jour le <?cs var:Course.updated ?></p>
<p class="actions lead-action"><a class="button" href="/demande?formation=<?cs var:Course.slug ?>">Demander cette formation</a></p>
<div class="fiche-grid">
<aside class="facts-box" aria-label="L'essentiel">
<dl class="facts">
<dt>Public</dt><dd><?cs if:Course.audience ?><?cs var:Course.audience ?><?cs else ?>Non renseigné<?cs /if ?></dd>
<dt>Pré-requis</dt><dd><?cs if:Course.prerequisites ?><?cs var:Course.prerequisites ?><?cs else ?>Non renseigné<?cs /if ?></dd>
<?cs if:Course.duration_text || Course.duration_days ?><dt>Durée</dt><dd><?cs if:Course.duration_text ?><?cs var:Course.duration_text ?><?cs /if ?><?cs if:Course.duration_days ?> (<?cs var:Course.duration_days ?> j<?cs if:Course.duration_hours ?>, <?cs var:Course.duration_hours ?> h<?cs /if ?>)<?cs /if ?></dd><?cs /if ?>
<dt>Calendrier, lieux, modalités d'accès</dt><dd><?cs if:Course.access_modalities_html ?><?cs uvar:Course.access_modalities_html ?><?cs else ?>Nous contacter<?cs /if ?></dd>
<?cs if:Course.category ?><dt>Catégorie</dt><dd><?cs var:Course.category ?></dd><?cs /if ?>
<dt>Tarifs</dt><dd><?cs if:Course.prices ?><?cs var:Course.prices ?><?cs else ?>Nous consulter<?cs /if ?></dd>
<?cs if:Course.price_per_trainee ?><dt>Tarif / coût stagiaire</dt><dd><?cs var:Course.price_per_trainee ?></dd><?cs /if ?>
<dt>Modalités d'animation</dt><dd><?cs var:Course.modality_label ?></dd>
<?cs if:Course.trainers ?><dt>Formateur</dt><dd><?cs var:Course.trainers ?></dd><?cs /if ?>
<?cs if:Course.group_size ?><dt>Effectif</dt><dd><?cs var:Course.group_size ?></dd><?cs /if ?>
<?cs /def ?><?cs def:course_live() ?><dt>Taux de satisfaction</dt><dd class="satisfaction"><?cs var:Course.rate_sentence ?><?cs if:Course.rate_computed ?>, calculé le <?cs var:Course.rate_computed ?><?cs /if ?></dd>
</dl>
<section class="next-sessions" aria-labelledby="sessions-titre">
<h2 id="sessions-titre">Sessions à venir</h2>
<?cs if:subcount(Sessions) ?><ul>
<?cs each:s = Sessions ?><li><a href="/sessions?formation=<?cs var:Course.slug ?>#session-<?cs var:s.id ?>"><?cs var:s.span ?></a> · <?cs var:s.kind ?><?cs if:s.organisation ?> (<?cs var:s.organisation ?>)<?cs /if ?><?cs if:s.place ?>, <?cs var:s.place ?><?cs if:s.city ?> (<?cs var:s.city ?>)<?cs /if ?><?cs /if ?> ·
<?cs if:!s.seats ?>complet<?cs else ?><?cs var:s.seats ?> place(s) restante(s)<?cs /if ?></li>
<?cs /each ?></ul>
<p><a href="/formations/<?cs var:Course.slug ?>/sessions.ics">Ajouter ces sessions à votre agenda</a></p>
<?cs else ?><p>Aucune session programmée pour l'instant : envoyez une demande, nous vous proposerons des dates.</p><?cs /if ?>
</section>
</aside>
<?cs /def ?><?cs def:course_main() ?><div class="fiche-main">
<section>
<h2>Objectif professionnel</h2>
<?cs uvar:Course.objective_html ?>
</section>
<?cs if:Course.evaluable_objectives_html ?><section>
<h2>Objectifs évaluables</h2>
<?cs uvar:Course.evaluable_objectives_html ?>
</section><?cs /if ?>
<section class="programme">
<h2>Contenu</h2>
<?cs uvar:Course.content_intro_html ?>
<?cs each:m = Course.modules ?>
<section class="module">
<h3><?cs if:m.number ?><?cs var:m.number ?> : <?cs /if ?><?cs var:m.title ?></h3>
<?cs uvar:m.aim_html ?><?cs uvar:m.intro_html ?>
<?cs each:d = m.days ?>
<div class="day">
<h4><?cs var:d.heading ?></h4>
<?cs if:d.subject ?><p class="subject"><strong><?cs var:d.subject ?></strong></p><?cs /if ?>
<?cs if:d.steps_intro ?><p><?cs var:d.steps_intro ?></p><?cs /if ?>
<?cs if:subcount(d.steps) ?><ul class="steps"><?cs each:s = d.steps ?><li<?cs if:s.sub ?> class="sub"<?cs /if ?>><?cs var:s.text ?></li><?cs /each ?></ul><?cs /if ?>
</div>
<?cs /each ?>
</section>
<?cs /each ?>
<?cs uvar:Course.programme_notes_html ?>
</section>
<?cs if:Course.methods_html ?><section>
<h2>Méthodes mobilisées</h2>
<?cs uvar:Course.methods_html ?>
</section><?cs /if ?>
<section>
<h2>Modalités d'évaluation et de validation</h2>
<dl class="evals">
<?cs if:Course.eval_before ?><dt>Évaluation en amont</dt><dd><?cs var:Course.eval_before ?></dd><?cs /if ?>
<?cs if:Course.eval_during ?><dt>Évaluation au cours de la formation</dt><dd><?cs var:Course.eval_during ?></dd><?cs /if ?>
<?cs if:Course.eval_hot ?><dt>Évaluation à chaud</dt><dd><?cs var:Course.eval_hot ?></dd><?cs /if ?>
<?cs if:Course.eval_cold ?><dt>Évaluation à froid</dt><dd><?cs var:Course.eval_cold ?></dd><?cs /if ?>
<?cs if:Course.attendance_proof ?><dt>Attestation de suivi</dt><dd><?cs var:Course.attendance_proof ?></dd><?cs /if ?>
<?cs if:Course.certificate_text ?><dt>Attestation de participation</dt><dd><?cs var:Course.certificate_text ?></dd><?cs /if ?>
</dl>
</section>
<section>
<h2>Accessibilité</h2>
<?cs uvar:Course.accessibility_html ?>
<?cs if:Course.accessibility_premises ?><p><?cs var:Course.accessibility_premises ?></p><?cs /if ?>
<?cs if:Course.disability_referent_name ?><p>Référent handicap : <?cs var:Course.disability_referent_name ?><?cs if:Course.disability_referent_contact ?>, <?cs var:Course.disability_referent_contact ?><?cs /if ?></p><?cs /if ?>
</section>
<?cs if:Course.access_delay ?><section>
<h2>Délais d'accès à la formation</h2>
<p><?cs var:Course.access_delay ?></p>
</section><?cs /if ?>
<section class="contact">
<h2>Contact</h2>
<?cs if:Course.contact_text_html ?><p><strong><?cs uvar:Course.contact_text_html ?></strong></p><?cs /if ?>
<?cs if:Course.contact_phones_html && !Course.contact_text ?><p>Téléphone : <?cs uvar:Course.contact_phones_html ?></p><?cs /if ?>
<?cs if:Course.contact_email ?><p>Courriel : <a href="mailto:<?cs var:url_escape(Course.contact_email) ?>"><?cs var:Course.contact_email ?></a></p><?cs /if ?>
</section>
<p class="actions"><a class="button" href="/demande?formation=<?cs var:Course.slug ?>">Demander cette formation</a></p>
</div>
</div>
</article>
<?cs /def ?><?cs def:course_body() ?><?cs call:course_head() ?><?cs call:course_live() ?><?cs call:course_main() ?><?cs /def ?>