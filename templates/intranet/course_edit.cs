<?cs include:"layout.cs" ?><?cs def:input(name, label, value, error, max) ?>
<p><label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<input id="f-<?cs var:name ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" value="<?cs var:value ?>"<?cs if:error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
<?cs if:error ?><span class="field-error" id="e-<?cs var:name ?>"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs def:area(name, label, value, error, rows, help) ?>
<p><label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<?cs if:help ?><span class="help" id="h-<?cs var:name ?>"><?cs var:help ?></span><?cs /if ?>
<textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="<?cs var:rows ?>"<?cs if:help ?> aria-describedby="h-<?cs var:name ?><?cs if:error ?> e-<?cs var:name ?><?cs /if ?>"<?cs elif:error ?> aria-describedby="e-<?cs var:name ?>"<?cs /if ?><?cs if:error ?> aria-invalid="true"<?cs /if ?>><?cs var:value ?></textarea>
<?cs if:error ?><span class="field-error" id="e-<?cs var:name ?>"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs call:layout_begin() ?>
<?cs if:Course.id ?>
<h1><?cs var:Form.title ?></h1>
<p class="meta">État : <strong><?cs var:Course.status_label ?></strong> · mise à jour publique le <?cs var:Course.updated ?> · version <?cs var:Form.version ?>
· <a href="/intranet/formations/<?cs var:Course.id ?>/apercu">Aperçu</a><?cs if:Course.status == "published" ?> · <a href="/formations/<?cs var:Course.slug ?>">Page publique</a><?cs /if ?> · <a href="/intranet/sessions/nouvelle?formation=<?cs var:Course.id ?>">Planifier une session</a> · <a href="/intranet/calendrier?vue=liste&amp;formation=<?cs var:Course.id ?>">Ses sessions</a></p>
<div class="toolbar">
<?cs if:Course.status != "published" ?><form method="post" action="/intranet/formations/<?cs var:Course.id ?>/statut" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="statut" value="published"><button type="submit">Publier</button></form><?cs /if ?>
<?cs if:Course.status == "published" ?><form method="post" action="/intranet/formations/<?cs var:Course.id ?>/statut" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="statut" value="draft"><button type="submit">Repasser en brouillon</button></form><?cs /if ?>
<?cs if:Course.status != "archived" ?><form method="post" action="/intranet/formations/<?cs var:Course.id ?>/statut" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="statut" value="archived"><button type="submit">Archiver</button></form><?cs /if ?>
<form method="post" action="/intranet/formations/<?cs var:Course.id ?>/dupliquer" class="inline"><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><button type="submit">Dupliquer</button></form>
</div>
<?cs else ?>
<h1>Nouvelle formation</h1>
<?cs /if ?>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.summary ?><p class="error-box" role="alert"><?cs var:Errors.summary ?></p><?cs /if ?>
<form method="post" action="/intranet/formations<?cs if:Course.id ?>/<?cs var:Course.id ?><?cs /if ?>" class="stacked course-form">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="version" value="<?cs var:Form.version ?>">
<p class="help">Les textes collés depuis Word sont nettoyés à l'enregistrement. Les champs longs acceptent la mise en forme Markdown : <code>**gras**</code>, listes avec <code>- </code>, liens <code>[texte](https://…)</code> ; le HTML tapé est affiché tel quel, comme du texte.</p>
<fieldset><legend>L'essentiel</legend>
<?cs call:input("title", "Intitulé (obligatoire)", Form.title, Errors.title, 300) ?>
<p><label for="f-kind">Type</label>
<select id="f-kind" name="kind"><option value="intra"<?cs if:Form.kind == "intra" ?> selected<?cs /if ?>>INTRA (pour une organisation)</option><option value="inter"<?cs if:Form.kind == "inter" ?> selected<?cs /if ?>>INTER (ouverte à plusieurs)</option></select>
<?cs if:Errors.kind ?><span class="field-error"><?cs var:Errors.kind ?></span><?cs /if ?></p>
<?cs call:input("category", "Catégorie", Form.category, Errors.category, 120) ?>
<p><label for="f-modality">Modalités d'animation</label>
<select id="f-modality" name="modality"><option value="presentiel"<?cs if:Form.modality == "presentiel" ?> selected<?cs /if ?>>En présentiel</option><option value="distanciel"<?cs if:Form.modality == "distanciel" ?> selected<?cs /if ?>>À distance</option><option value="mixte"<?cs if:Form.modality == "mixte" ?> selected<?cs /if ?>>Mixte</option></select>
<?cs if:Errors.modality ?><span class="field-error"><?cs var:Errors.modality ?></span><?cs /if ?></p>
<?cs call:area("audience", "Public", Form.audience, Errors.audience, 2, "") ?>
<?cs call:area("prerequisites", "Pré-requis (écrire « Aucun pré-requis » s'il n'y en a pas)", Form.prerequisites, Errors.prerequisites, 2, "") ?>
<?cs call:input("trainers", "Formateur(s)", Form.trainers, Errors.trainers, 1000) ?>
<?cs call:input("group_size", "Effectif", Form.group_size, Errors.group_size, 1000) ?>
</fieldset>
<fieldset><legend>Objectifs et durée</legend>
<?cs call:area("objective", "Objectif professionnel", Form.objective, Errors.objective, 4, "") ?>
<?cs call:area("evaluable_objectives", "Objectifs évaluables", Form.evaluable_objectives, Errors.evaluable_objectives, 5, "") ?>
<?cs call:input("duration_text", "Durée (en clair)", Form.duration_text, Errors.duration_text, 500) ?>
<?cs call:input("duration_days", "Durée en jours", Form.duration_days, Errors.duration_days, 10) ?>
<?cs call:input("duration_hours", "Durée en heures", Form.duration_hours, Errors.duration_hours, 10) ?>
</fieldset>
<fieldset><legend>Accès, tarifs, satisfaction</legend>
<?cs call:area("access_modalities", "Calendrier, lieux, modalités d'accès", Form.access_modalities, Errors.access_modalities, 3, "") ?>
<?cs call:area("access_delay", "Délais d'accès", Form.access_delay, Errors.access_delay, 3, "") ?>
<?cs call:area("prices", "Tarifs (ou conditions tarifaires)", Form.prices, Errors.prices, 2, "") ?>
<?cs call:input("price_per_trainee", "Tarif / coût stagiaire", Form.price_per_trainee, Errors.price_per_trainee, 500) ?>
<?cs call:input("satisfaction_rate", "Taux de satisfaction (%)", Form.satisfaction_rate, Errors.satisfaction_rate, 10) ?>
<?cs call:input("satisfaction_period", "Période mesurée", Form.satisfaction_period, Errors.satisfaction_period, 200) ?>
<?cs call:input("satisfaction_answers", "Nombre de réponses", Form.satisfaction_answers, Errors.satisfaction_answers, 10) ?>
</fieldset>
<fieldset><legend>Contenu et programme</legend>
<?cs call:area("content_intro", "Introduction du contenu", Form.content_intro, Errors.content_intro, 4, "") ?>
<?cs call:area("programme", "Programme", Form.programme, Errors.programme, 24, "Une ligne « # Module 3 : titre » par module, suivie de son texte ; « ## Journée 1 : sujet » (ou « ## Séminaire d'une journée : sujet ») par journée ; « Processus proposé : » puis une ligne « - étape » par étape, « - » précédé de deux espaces pour une sous-étape. L'ordre des lignes est l'ordre affiché.") ?>
<?cs call:area("programme_notes", "Remarques après le programme", Form.programme_notes, Errors.programme_notes, 4, "") ?>
<?cs call:area("methods", "Méthodes mobilisées", Form.methods, Errors.methods, 10, "") ?>
</fieldset>
<fieldset><legend>Évaluation et attestations</legend>
<?cs call:area("eval_before", "Évaluation en amont", Form.eval_before, Errors.eval_before, 2, "") ?>
<?cs call:area("eval_during", "Évaluation au cours de la formation", Form.eval_during, Errors.eval_during, 2, "") ?>
<?cs call:area("eval_hot", "Évaluation à chaud", Form.eval_hot, Errors.eval_hot, 2, "") ?>
<?cs call:area("eval_cold", "Évaluation à froid", Form.eval_cold, Errors.eval_cold, 2, "") ?>
<?cs call:input("attendance_proof", "Attestation de suivi", Form.attendance_proof, Errors.attendance_proof, 2000) ?>
<?cs call:area("certificate_text", "Attestation de participation", Form.certificate_text, Errors.certificate_text, 2, "") ?>
</fieldset>
<fieldset><legend>Accessibilité et contacts</legend>
<?cs call:area("accessibility", "Accessibilité", Form.accessibility, Errors.accessibility, 4, "") ?>
<?cs call:area("accessibility_premises", "Accessibilité des locaux", Form.accessibility_premises, Errors.accessibility_premises, 2, "") ?>
<?cs call:input("disability_referent_name", "Référent handicap : nom", Form.disability_referent_name, Errors.disability_referent_name, 200) ?>
<?cs call:input("disability_referent_contact", "Référent handicap : contact", Form.disability_referent_contact, Errors.disability_referent_contact, 300) ?>
<?cs call:input("contact_phones", "Téléphones", Form.contact_phones, Errors.contact_phones, 300) ?>
<?cs call:input("contact_email", "Courriel", Form.contact_email, Errors.contact_email, 254) ?>
<?cs call:area("contact_text", "Texte de contact", Form.contact_text, Errors.contact_text, 3, "") ?>
</fieldset>
<p><button type="submit">Enregistrer</button></p>
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
