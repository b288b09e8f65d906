<?cs include:"layout.cs" ?><?cs # The course editor: one form in sections, each with its heading and
     an entry in the table of contents; the save bar sticks to the top of
     the screen (its button is the form's first, so Enter saves). The
     programme is edited as rows (modules, days, steps); its buttons post
     the whole form and come back to the row, without JavaScript. Every
     field has the id f-NAME that the error summary and the completeness
     page link to. ?><?cs def:message(name, error) ?><?cs if:error ?><span class="field-error" id="e-<?cs var:name ?>"><?cs var:error ?></span><?cs /if ?><?cs /def ?><?cs def:input(name, label, value, error, max) ?>
<p class="field<?cs if:error ?> has-error<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<?cs call:message(name, error) ?>
<input id="f-<?cs var:name ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" value="<?cs var:value ?>"<?cs if:error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>></p>
<?cs /def ?><?cs def:area(name, label, value, error, rows, help) ?>
<p class="field<?cs if:error ?> has-error<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<?cs if:help ?><span class="help" id="h-<?cs var:name ?>"><?cs var:help ?></span><?cs /if ?>
<?cs call:message(name, error) ?>
<textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="<?cs var:rows ?>"<?cs if:help ?> aria-describedby="h-<?cs var:name ?><?cs if:error ?> e-<?cs var:name ?><?cs /if ?>"<?cs elif:error ?> aria-describedby="e-<?cs var:name ?>"<?cs /if ?><?cs if:error ?> aria-invalid="true"<?cs /if ?>><?cs var:value ?></textarea></p>
<?cs /def ?><?cs def:button(action, anchor, label, style) ?><button type="submit" class="<?cs var:style ?>" name="programme_action" value="<?cs var:action ?>" formaction="<?cs var:Form.action ?>#<?cs var:anchor ?>"><?cs var:label ?></button><?cs /def ?><?cs call:layout_begin() ?>
<?cs if:Course.id ?>
<h1><?cs var:Form.title ?></h1>
<p class="meta" id="mise-a-jour">État : <strong><?cs var:Course.status_label ?></strong> · mise à jour publique le <?cs var:Course.updated ?> (à chaque enregistrement) · version <?cs var:Form.version ?>
· <a href="/intranet/formations/<?cs var:Course.id ?>/apercu">Aperçu</a><?cs if:Course.status == "published" ?> · <a href="/formations/<?cs var:Course.slug ?>">Page publique</a><?cs /if ?> · <a href="/intranet/sessions/nouvelle?formation=<?cs var:Course.id ?>">Planifier une session</a> · <a href="/intranet/calendrier?vue=liste&amp;formation=<?cs var:Course.id ?>">Ses sessions</a> · <a href="/intranet/formations/completude">Complétude des fiches</a></p>
<div class="toolbar">
<?cs if:Course.status != "published" ?><form method="post" action="/intranet/formations/<?cs var:Course.id ?>/statut" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="statut" value="published"><button type="submit" class="quiet">Publier</button></form><?cs /if ?>
<?cs if:Course.status == "published" ?><form method="post" action="/intranet/formations/<?cs var:Course.id ?>/statut" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="statut" value="draft"><button type="submit" class="quiet">Repasser en brouillon</button></form><?cs /if ?>
<?cs if:Course.status != "archived" ?><form method="post" action="/intranet/formations/<?cs var:Course.id ?>/statut" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="statut" value="archived"><button type="submit" class="quiet">Archiver</button></form><?cs /if ?>
<form method="post" action="/intranet/formations/<?cs var:Course.id ?>/dupliquer" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><button type="submit" class="quiet">Dupliquer</button></form>
</div>
<?cs else ?>
<h1>Nouvelle formation</h1>
<?cs /if ?>
<?cs if:Notice ?><div class="notice" role="status"><p><?cs var:Notice ?></p></div><?cs /if ?>
<?cs if:subcount(ErrorList) ?><div class="error-box error-summary" role="alert" aria-labelledby="erreurs-titre" tabindex="-1">
<h2 id="erreurs-titre">La fiche n'est pas enregistrée</h2>
<p><?cs var:Errors.summary ?></p>
<ul><?cs each:x = ErrorList ?><li><a href="#<?cs var:x.field ?>"><?cs var:x.text ?></a></li><?cs /each ?></ul>
</div><?cs elif:Errors.summary ?><p class="error-box" role="alert"><?cs var:Errors.summary ?></p><?cs /if ?>
<nav class="toc" aria-labelledby="sections-titre">
<h2 id="sections-titre">Sections de la fiche</h2>
<ol>
<li><a href="#presentation">Présentation</a></li>
<li><a href="#public">Public et pré-requis</a></li>
<li><a href="#objectifs">Objectifs</a></li>
<li><a href="#programme">Programme</a></li>
<li><a href="#modalites">Modalités et évaluation</a></li>
<li><a href="#accessibilite">Accessibilité et contacts</a></li>
<li><a href="#tarifs">Tarifs et satisfaction</a></li>
</ol>
</nav>
<form method="post" action="<?cs var:Form.action ?>" class="stacked course-form">
<div class="save-bar">
<button type="submit">Enregistrer la fiche</button>
<span class="save-hint">Enregistre toutes les sections. Les textes collés depuis Word sont nettoyés.</span>
</div>
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<p class="help">Les champs longs acceptent la mise en forme Markdown : <code>**gras**</code>, listes avec <code>- </code>, liens <code>[texte](https://…)</code> ; le HTML tapé est affiché tel quel, comme du texte.</p>

<section class="form-section" id="presentation" aria-labelledby="presentation-titre">
<h2 id="presentation-titre">Présentation</h2>
<?cs call:input("title", Labels.title, Form.title, Errors.title, 300) ?>
<p class="field<?cs if:Errors.kind ?> has-error<?cs /if ?>"><label for="f-kind"><?cs var:Labels.kind ?></label>
<?cs call:message("kind", Errors.kind) ?>
<select id="f-kind" name="kind"><option value="intra"<?cs if:Form.kind == "intra" ?> selected<?cs /if ?>>INTRA (pour une organisation)</option><option value="inter"<?cs if:Form.kind == "inter" ?> selected<?cs /if ?>>INTER (ouverte à plusieurs)</option></select></p>
<?cs call:input("category", Labels.category, Form.category, Errors.category, 120) ?>
<p class="field<?cs if:Errors.modality ?> has-error<?cs /if ?>"><label for="f-modality"><?cs var:Labels.modality ?></label>
<?cs call:message("modality", Errors.modality) ?>
<select id="f-modality" name="modality"><option value="presentiel"<?cs if:Form.modality == "presentiel" ?> selected<?cs /if ?>>En présentiel</option><option value="distanciel"<?cs if:Form.modality == "distanciel" ?> selected<?cs /if ?>>À distance</option><option value="mixte"<?cs if:Form.modality == "mixte" ?> selected<?cs /if ?>>Mixte</option></select></p>
<?cs call:input("trainers", Labels.trainers, Form.trainers, Errors.trainers, 1000) ?>
<?cs call:input("duration_text", Labels.duration_text, Form.duration_text, Errors.duration_text, 500) ?>
<div class="field-pair">
<?cs call:input("duration_days", Labels.duration_days, Form.duration_days, Errors.duration_days, 10) ?>
<?cs call:input("duration_hours", Labels.duration_hours, Form.duration_hours, Errors.duration_hours, 10) ?>
</div>
</section>

<section class="form-section" id="public" aria-labelledby="public-titre">
<h2 id="public-titre">Public et pré-requis</h2>
<?cs call:area("audience", Labels.audience, Form.audience, Errors.audience, 2, "") ?>
<?cs call:area("prerequisites", Labels.prerequisites, Form.prerequisites, Errors.prerequisites, 2, "") ?>
<?cs call:input("group_size", Labels.group_size, Form.group_size, Errors.group_size, 1000) ?>
</section>

<section class="form-section" id="objectifs" aria-labelledby="objectifs-titre">
<h2 id="objectifs-titre">Objectifs</h2>
<?cs call:area("objective", Labels.objective, Form.objective, Errors.objective, 4, "") ?>
<?cs call:area("evaluable_objectives", Labels.evaluable_objectives, Form.evaluable_objectives, Errors.evaluable_objectives, 5, "") ?>
</section>

<section class="form-section" id="programme" aria-labelledby="programme-titre">
<h2 id="programme-titre">Programme</h2>
<?cs call:area("content_intro", Labels.content_intro, Form.content_intro, Errors.content_intro, 4, "") ?>
<p class="help">Le programme se compose de modules, chacun de journées, chacune d'étapes. Une ligne laissée vide est ignorée à l'enregistrement. Les boutons « Ajouter » et « Retirer » ne changent que ce formulaire : rien n'est enregistré avant « Enregistrer la fiche ».</p>
<?cs each:m = Programme ?>
<fieldset class="prog-module" id="module-<?cs var:m.key ?>">
<legend>Module <?cs var:name(m) ?><?cs if:m.number ?> — <?cs var:m.number ?><?cs /if ?></legend>
<?cs call:input(m.key + "-number", "Numéro affiché (ex. « Module 3 »)", m.number, m.error.number, 40) ?>
<?cs call:input(m.key + "-title", "Titre du module", m.title, m.error.title, 300) ?>
<?cs call:area(m.key + "-intro", "Introduction du module (facultative)", m.intro, m.error.intro, 2, "") ?>
<?cs each:d = m.days ?>
<fieldset class="prog-day" id="jour-<?cs var:d.key ?>">
<legend>Module <?cs var:name(m) ?>, journée <?cs var:name(d) ?></legend>
<?cs call:input(d.key + "-heading", "Intitulé et durée (ex. « Journée 1 », « Séminaire d'une journée »)", d.heading, d.error.heading, 120) ?>
<?cs call:area(d.key + "-subject", "Sujet de la journée", d.subject, d.error.subject, 2, "") ?>
<?cs call:input(d.key + "-intro", "Phrase avant les étapes (ex. « Processus proposé : »)", d.intro, d.error.intro, 200) ?>
<ol class="prog-steps">
<?cs each:s = d.steps ?><li class="prog-step<?cs if:s.error.text || s.error.level ?> has-error<?cs /if ?>" id="etape-<?cs var:s.key ?>">
<label for="f-<?cs var:s.key ?>-text">Étape <?cs var:name(s) ?></label>
<?cs call:message(s.key + "-level", s.error.level) ?><?cs call:message(s.key + "-text", s.error.text) ?>
<span class="step-fields"><textarea id="f-<?cs var:s.key ?>-text" name="<?cs var:s.key ?>-text" rows="2" maxlength="1998"<?cs if:s.error.text ?> aria-invalid="true" aria-describedby="e-<?cs var:s.key ?>-text"<?cs /if ?>><?cs var:s.text ?></textarea>
<select id="f-<?cs var:s.key ?>-level" name="<?cs var:s.key ?>-level" aria-label="Niveau de l'étape <?cs var:name(s) ?>"<?cs if:s.error.level ?> aria-invalid="true" aria-describedby="e-<?cs var:s.key ?>-level"<?cs /if ?>><option value="0"<?cs if:s.level != "1" ?> selected<?cs /if ?>>Étape</option><option value="1"<?cs if:s.level == "1" ?> selected<?cs /if ?>>Sous-étape</option></select>
<?cs call:button("remove-step-" + name(m) + "-" + name(d) + "-" + name(s), "jour-" + d.key, "Retirer l'étape " + name(s), "remove") ?></span>
</li><?cs /each ?>
</ol>
<p class="row-actions"><?cs call:button("add-step-" + name(m) + "-" + name(d), "f-" + d.next_step + "-text", "Ajouter une étape à la journée " + name(d), "quiet") ?>
<?cs call:button("remove-day-" + name(m) + "-" + name(d), "module-" + m.key, "Retirer la journée " + name(d), "remove") ?></p>
</fieldset>
<?cs /each ?>
<p class="row-actions"><?cs call:button("add-day-" + name(m), "f-" + m.next_day + "-heading", "Ajouter une journée au module " + name(m), "quiet") ?>
<?cs call:button("remove-module-" + name(m), "programme", "Retirer le module " + name(m), "remove") ?></p>
</fieldset>
<?cs /each ?>
<?cs if:!subcount(Programme) ?><p>Aucun module : ajoutez le premier.</p><?cs /if ?>
<p class="row-actions"><?cs call:button("add-module", "f-" + Form.next_module + "-number", "Ajouter un module", "quiet") ?></p>
<?cs call:area("programme_notes", Labels.programme_notes, Form.programme_notes, Errors.programme_notes, 4, "") ?>
<details class="import"<?cs if:Errors.programme ?> open<?cs /if ?>>
<summary>Importer ou modifier le programme au format texte</summary>
<input type="hidden" name="programme_base" value="<?cs var:Form.programme_base ?>">
<?cs call:area("programme", Labels.programme, Form.programme, Errors.programme, 16, "Une ligne « # Module 3 : titre » par module, suivie de son texte ; « ## Journée 1 : sujet » (ou « ## Séminaire d'une journée : sujet ») par journée ; « Processus proposé : » puis une ligne « - étape » par étape, « - » précédé de deux espaces pour une sous-étape. Ce texte remplace les champs ci-dessus quand il est modifié, à l'import comme à l'enregistrement.") ?>
<p><?cs call:button("import", "programme", "Importer ce texte dans les champs", "quiet") ?></p>
</details>
</section>

<section class="form-section" id="modalites" aria-labelledby="modalites-titre">
<h2 id="modalites-titre">Modalités et évaluation</h2>
<?cs call:area("methods", Labels.methods, Form.methods, Errors.methods, 10, "") ?>
<?cs call:area("access_modalities", Labels.access_modalities, Form.access_modalities, Errors.access_modalities, 3, "") ?>
<?cs call:area("access_delay", Labels.access_delay, Form.access_delay, Errors.access_delay, 3, "") ?>
<?cs call:area("eval_before", Labels.eval_before, Form.eval_before, Errors.eval_before, 2, "") ?>
<?cs call:area("eval_during", Labels.eval_during, Form.eval_during, Errors.eval_during, 2, "") ?>
<?cs call:area("eval_hot", Labels.eval_hot, Form.eval_hot, Errors.eval_hot, 2, "") ?>
<?cs call:area("eval_cold", Labels.eval_cold, Form.eval_cold, Errors.eval_cold, 2, "") ?>
<?cs call:input("attendance_proof", Labels.attendance_proof, Form.attendance_proof, Errors.attendance_proof, 2000) ?>
<?cs call:area("certificate_text", Labels.certificate_text, Form.certificate_text, Errors.certificate_text, 2, "") ?>
</section>

<section class="form-section" id="accessibilite" aria-labelledby="accessibilite-titre">
<h2 id="accessibilite-titre">Accessibilité et contacts</h2>
<?cs call:area("accessibility", Labels.accessibility, Form.accessibility, Errors.accessibility, 4, "") ?>
<?cs call:area("accessibility_premises", Labels.accessibility_premises, Form.accessibility_premises, Errors.accessibility_premises, 2, "") ?>
<?cs call:input("disability_referent_name", Labels.disability_referent_name, Form.disability_referent_name, Errors.disability_referent_name, 200) ?>
<?cs call:input("disability_referent_contact", Labels.disability_referent_contact, Form.disability_referent_contact, Errors.disability_referent_contact, 300) ?>
<?cs call:input("contact_phones", Labels.contact_phones, Form.contact_phones, Errors.contact_phones, 300) ?>
<?cs call:input("contact_email", Labels.contact_email, Form.contact_email, Errors.contact_email, 254) ?>
<?cs call:area("contact_text", Labels.contact_text, Form.contact_text, Errors.contact_text, 3, "") ?>
</section>

<section class="form-section" id="tarifs" aria-labelledby="tarifs-titre">
<h2 id="tarifs-titre">Tarifs et satisfaction</h2>
<?cs call:area("prices", Labels.prices, Form.prices, Errors.prices, 2, "") ?>
<?cs call:input("price_per_trainee", Labels.price_per_trainee, Form.price_per_trainee, Errors.price_per_trainee, 500) ?>
<div class="field" id="f-satisfaction_rate" tabindex="-1">
<h3>Taux de satisfaction</h3>
<p>Il ne se saisit pas : la fiche publie la part des participants ayant répondu 4 ou 5 sur 5 à la question « Dans l'ensemble, êtes-vous satisfait(e) de cette formation ? » du questionnaire à chaud, sur les sessions finies depuis 12 mois, avec sa période, le nombre de réponses et de participants et la date du calcul. En dessous de 5 réponses, elle dit qu'il n'y en a pas encore assez.</p>
<?cs if:Rate.rate_sentence ?><p>Aujourd'hui, la fiche affiche : <strong><?cs var:Rate.rate_sentence ?></strong>.</p><?cs /if ?>
<?cs if:Course.id ?><p><a href="/intranet/evaluations?formation=<?cs var:Course.id ?>">Résultats des évaluations de cette formation</a></p><?cs /if ?>
</div>
</section>
<p><button type="submit" name="enregistrer" value="fin">Enregistrer la fiche</button></p>
</form>
<?cs if:subcount(History) ?>
<h2>Historique</h2>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="historique-titre">
<table class="data">
<caption id="historique-titre" class="visually-hidden">Historique des modifications</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Par</th><th scope="col">Action</th><th scope="col">Champs</th><th scope="col">Version</th></tr></thead>
<tbody><?cs each:h = History ?><tr><td><?cs var:h.at ?></td><td><?cs var:h.who ?></td><td><?cs var:h.action ?></td><td><?cs var:h.fields ?></td><td><?cs var:h.version ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
<?cs call:layout_end() ?>
