<?cs include:"layout.cs" ?><?cs include:"intranet/session_fields.cs" ?>
<?cs # The fields of a slot: for the new-slot form (key "nouveau") and for
     moving slot k. ids is ",1,2," (the trainers checked). ?>
<?cs def:slot_fields(k, day, start, end, room, prog, kept, remote, ids) ?>
<p><label for="date-<?cs var:k ?>">Date</label>
<input type="date" id="date-<?cs var:k ?>" name="date" required value="<?cs var:day ?>"></p>
<p><label for="debut-<?cs var:k ?>">Début (HH:MM)</label>
<input type="time" id="debut-<?cs var:k ?>" name="debut" required value="<?cs var:start ?>"></p>
<p><label for="fin-<?cs var:k ?>">Fin (HH:MM)</label>
<input type="time" id="fin-<?cs var:k ?>" name="fin" required value="<?cs var:end ?>"></p>
<p><label for="salle-<?cs var:k ?>">Salle</label>
<select id="salle-<?cs var:k ?>" name="salle"><option value="">— sans salle —</option>
<?cs each:r = Rooms ?><option value="<?cs var:r.id ?>"<?cs if:r.id == room ?> selected<?cs /if ?>><?cs var:r.group ?> · <?cs var:r.label ?></option>
<?cs /each ?></select></p>
<?cs if:subcount(Programme) || prog == "actuel" ?><p><label for="programme-<?cs var:k ?>">Journée du programme</label>
<select id="programme-<?cs var:k ?>" name="programme"><option value="">— aucune —</option>
<?cs if:prog == "actuel" ?><option value="actuel" selected><?cs var:kept ?> (inchangée)</option><?cs /if ?>
<?cs each:d = Programme ?><option value="<?cs var:d.id ?>"<?cs if:d.id == prog ?> selected<?cs /if ?>><?cs var:d.group ?> · <?cs var:d.label ?></option>
<?cs /each ?></select></p><?cs /if ?>
<fieldset class="choices"><legend>Formateurs</legend>
<?cs each:t = Trainers ?><label><input type="checkbox" name="formateur" value="<?cs var:t.id ?>"<?cs if:string.find(ids, "," + t.id + ",") != -1 ?> checked<?cs /if ?>> <?cs var:t.label ?></label>
<?cs /each ?></fieldset>
<p><label><input type="checkbox" name="distanciel" value="1"<?cs if:remote ?> checked<?cs /if ?>> À distance</label></p>
<?cs if:ClosureWarning && IsAdmin ?><p><label><input type="checkbox" name="forcer" value="1"> Maintenir ce jour (férié ou fermeture)</label></p><?cs /if ?>
<?cs /def ?>
<?cs call:layout_begin() ?>
<p class="breadcrumb"><a href="/intranet/calendrier">Calendrier</a></p>
<h1><?cs var:Session.0.course ?></h1>
<?cs with:s = Session.0 ?>
<p class="session-status status-<?cs var:s.status ?>"><strong><?cs var:s.status_label ?></strong>
· <?cs var:s.kind_label ?><?cs if:s.organisation ?> pour <?cs var:s.organisation ?><?cs /if ?>
<?cs if:s.span ?>· <?cs var:s.span ?><?cs /if ?></p>
<?cs if:Decide[s.id] ?><p class="error-box" role="status"><strong class="tag tag-attente">À confirmer ou annuler</strong> Elle compte <?cs var:s.registered ?> confirmé(s) pour un minimum de <?cs var:s.min ?>, et son premier jour approche : <a href="#statut">confirmez-la ou annulez-la</a>.</p><?cs /if ?>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.session ?><p class="error-box" role="alert"><?cs var:Errors.session ?></p><?cs /if ?>
<?cs if:Errors.status ?><p class="error-box" role="alert"><?cs var:Errors.status ?></p><?cs /if ?>
<?cs if:Errors.slot ?><p class="error-box" role="alert" id="erreur-creneau"><?cs var:Errors.slot ?></p><?cs /if ?>
<?cs if:Errors.copy ?><p class="error-box" role="alert"><?cs var:Errors.copy ?></p><?cs /if ?>
<?cs if:subcount(Conflicts) ?><div class="conflicts" role="alert"><h2>Ce qui est déjà pris</h2><ul>
<?cs each:c = Conflicts ?><li><?cs var:c.who ?> : <a href="/intranet/sessions/<?cs var:c.session_id ?>#creneau-<?cs var:c.slot_id ?>"><?cs var:c.course ?></a>, <?cs var:c.when ?></li>
<?cs /each ?></ul></div><?cs /if ?>
<dl class="facts">
<dt>Formation</dt><dd><a href="/formations/<?cs var:s.course_slug ?>"><?cs var:s.course ?></a></dd>
<dt>Lieu</dt><dd><?cs if:s.place ?><?cs var:s.place ?><?cs if:s.place_city ?>, <?cs var:s.place_city ?><?cs /if ?> (<?cs var:s.place_capacity ?> places)<?cs else ?>à définir<?cs /if ?></dd>
<dt>Participants</dt><dd><?cs var:s.min ?> à <?cs var:s.max ?> · <?cs var:s.registered ?> inscrit(s) · <?cs var:s.seats ?> place(s) restante(s)</dd>
<?cs if:s.closes_on ?><dt>Clôture des inscriptions</dt><dd><?cs var:s.closes_long ?></dd><?cs /if ?>
<?cs if:s.demand_id ?><dt>Demande</dt><dd><?cs if:Desk ?><a href="/intranet/demandes/<?cs var:s.demand_id ?>"><?cs var:s.demand_reference ?></a><?cs else ?><?cs var:s.demand_reference ?><?cs /if ?></dd><?cs /if ?>
<?cs if:s.public ?><dt>Publication</dt><dd>Affichée dans « Sessions à venir »</dd><?cs /if ?>
<?cs if:s.cancel_reason ?><dt>Raison de l'annulation</dt><dd><?cs var:s.cancel_reason ?></dd><?cs /if ?>
<?cs if:s.notes && Desk ?><dt>Notes</dt><dd class="pre"><?cs var:s.notes ?></dd><?cs /if ?>
</dl>

<h2 id="creneaux">Créneaux</h2>
<?cs if:subcount(Slots) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="creneaux-titre">
<table class="data">
<caption id="creneaux-titre" class="visually-hidden">Créneaux de la session</caption>
<thead><tr><th scope="col">Date et horaires</th><th scope="col">Programme</th><th scope="col">Salle</th><th scope="col">Formateurs</th><?cs if:Desk ?><th scope="col">Actions</th><?cs /if ?></tr></thead>
<tbody>
<?cs each:t = Slots ?>
<tr id="creneau-<?cs var:t.id ?>"<?cs if:t.cancelled ?> class="cancelled"<?cs /if ?>>
<th scope="row"><?cs var:t.when ?> <span class="part">(<?cs var:t.part ?>)</span><?cs if:t.cancelled ?> <strong>annulé</strong><?cs /if ?><?cs if:t.remote ?> · à distance<?cs /if ?></th>
<td><?cs var:t.module ?><?cs if:t.day_label ?> · <?cs var:t.day_label ?><?cs /if ?></td>
<td><?cs if:t.room ?><?cs var:t.place ?> · <?cs var:t.room ?><?cs /if ?></td>
<td><?cs var:t.trainers ?></td>
<?cs if:Desk ?><td><?cs if:!t.cancelled && !s.final ?>
<details<?cs if:SlotForm.slot_id == t.id ?> open<?cs /if ?>><summary>Déplacer ou modifier</summary>
<form method="post" action="/intranet/creneaux/<?cs var:t.id ?>" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="deplacer"><input type="hidden" name="creneau" value="<?cs var:t.id ?>">
<?cs if:SlotForm.slot_id == t.id ?><?cs call:slot_fields(t.id, SlotForm.day, SlotForm.start, SlotForm.end, SlotForm.room_id, SlotForm.programme, t.module + " · " + t.day_label, SlotForm.remote, SlotForm.trainer_ids) ?>
<?cs else ?><?cs call:slot_fields(t.id, t.day, t.start, t.end, t.room_id, t.prog, t.module + " · " + t.day_label, t.remote, t.trainer_ids) ?><?cs /if ?>
<p><button type="submit">Enregistrer le créneau</button></p>
</form></details>
<form method="post" action="/intranet/creneaux/<?cs var:t.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="annuler">
<button type="submit">Annuler<span class="visually-hidden"> le créneau du <?cs var:t.when ?></span></button></form>
<?cs /if ?></td><?cs /if ?>
</tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs else ?><p>Aucun créneau pour l'instant.</p><?cs /if ?>

<h2 id="inscrits">Inscrits</h2>
<?cs if:Errors.registrations ?><p class="error-box" role="alert"><?cs var:Errors.registrations ?></p><?cs /if ?>
<?cs if:Errors.add && s.final ?><p class="error-box" role="alert"><?cs var:Errors.add ?></p><?cs /if ?>
<p><?cs var:s.registered ?> confirmé(s) sur <?cs var:s.max ?> places<?cs if:RegistrationCount.waiting != "0" ?>, <?cs var:RegistrationCount.waiting ?> en liste d'attente<?cs /if ?>.
<?cs if:Desk ?><a href="/intranet/sessions/<?cs var:s.id ?>/inscriptions.csv">Exporter la liste (CSV)</a><?cs /if ?></p>
<?cs def:registration_actions(g, waiting) ?>
<?cs if:Desk && !s.final ?><details><summary>Modifier<span class="visually-hidden"> l'inscription de <?cs var:g.name ?></span></summary>
<?cs if:waiting ?><form method="post" action="/intranet/inscriptions/<?cs var:g.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="confirmer">
<button type="submit">Confirmer maintenant</button></form>
<form method="post" action="/intranet/inscriptions/<?cs var:g.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="rang"><input type="hidden" name="rang" value="monter">
<button type="submit">Monter<span class="visually-hidden"> <?cs var:g.name ?></span></button></form>
<form method="post" action="/intranet/inscriptions/<?cs var:g.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="rang"><input type="hidden" name="rang" value="descendre">
<button type="submit">Descendre<span class="visually-hidden"> <?cs var:g.name ?></span></button></form><?cs /if ?>
<?cs if:subcount(MoveTo) ?><form method="post" action="/intranet/inscriptions/<?cs var:g.id ?>" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="deplacer">
<p><label for="vers-<?cs var:g.id ?>">Déplacer vers la session</label>
<select id="vers-<?cs var:g.id ?>" name="session"><?cs each:m = MoveTo ?><option value="<?cs var:m.id ?>"><?cs var:m.label ?></option><?cs /each ?></select></p>
<p><button type="submit" class="secondary">Déplacer</button></p></form><?cs /if ?>
<form method="post" action="/intranet/inscriptions/<?cs var:g.id ?>" class="stacked warning">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="annuler">
<p><label for="raison-<?cs var:g.id ?>">Motif de l'annulation (obligatoire)</label>
<textarea id="raison-<?cs var:g.id ?>" name="raison" rows="2" maxlength="1000" required></textarea></p>
<p><button type="submit" class="danger">Annuler l'inscription</button><?cs if:!waiting && Waiting.0.name ?> <span class="help">La première personne en attente (<?cs var:Waiting.0.name ?>) prendra la place et recevra sa convocation.</span><?cs /if ?></p></form>
</details><?cs /if ?>
<?cs /def ?>
<?cs if:subcount(Registrations) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="inscrits-titre">
<table class="data" id="table-inscrits">
<caption id="inscrits-titre">Participants confirmés</caption>
<thead><tr><th scope="col">Nom</th><th scope="col">Organisme</th><th scope="col">Convocation</th><?cs if:Desk ?><th scope="col">Actions</th><?cs /if ?></tr></thead>
<tbody>
<?cs each:g = Registrations ?><tr id="inscription-<?cs var:g.id ?>"><th scope="row"><?cs var:g.sort_name ?><?cs if:g.adaptation ?> <span class="tag tag-info">Adaptation prévue</span><?cs if:!Desk ?><br><span class="help"><?cs var:g.adaptation ?></span><?cs /if ?><?cs /if ?><?cs if:Desk && g.email ?><br><span class="meta"><?cs var:g.email ?></span><?cs /if ?></th>
<td><?cs var:g.organisation ?><?cs if:g.job_title ?><br><span class="meta"><?cs var:g.job_title ?></span><?cs /if ?></td>
<td><?cs if:g.convocation ?>envoyée le <?cs var:g.convocation ?><?cs elif:s.status == "confirmee" ?>—<?cs else ?>à la confirmation de la session<?cs /if ?></td>
<?cs if:Desk ?><td><?cs call:registration_actions(g, "") ?></td><?cs /if ?></tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p>Aucun participant confirmé pour l'instant<?cs if:Desk && !s.final ?> : ajoutez-en ci-dessous, ou collez une liste<?cs /if ?>.</p><?cs /if ?>
<?cs if:subcount(Waiting) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="attente-titre">
<table class="data" id="table-attente">
<caption id="attente-titre">Liste d'attente, dans l'ordre où les places seront offertes</caption>
<thead><tr><th scope="col">Rang</th><th scope="col">Nom</th><th scope="col">Organisme</th><?cs if:Desk ?><th scope="col">Actions</th><?cs /if ?></tr></thead>
<tbody>
<?cs each:g = Waiting ?><tr id="inscription-<?cs var:g.id ?>"><td><?cs var:g.rank ?></td><th scope="row"><?cs var:g.sort_name ?></th><td><?cs var:g.organisation ?></td>
<?cs if:Desk ?><td><?cs call:registration_actions(g, "1") ?></td><?cs /if ?></tr>
<?cs /each ?></tbody></table></div><?cs /if ?>
<?cs if:Desk && subcount(FormerRegistrations) ?><details><summary>Inscriptions annulées ou excusées (<?cs var:subcount(FormerRegistrations) ?>)</summary>
<ul><?cs each:g = FormerRegistrations ?><li><?cs var:g.sort_name ?> — <?cs var:g.status_label ?><?cs if:g.by ?> par <?cs var:g.by ?><?cs /if ?><?cs if:g.reason ?> : <?cs var:g.reason ?><?cs /if ?></li><?cs /each ?></ul></details><?cs /if ?>

<p class="results-link"><a href="/intranet/evaluations?session=<?cs var:Session.0.id ?>">Résultats des évaluations de cette session</a></p>
<?cs if:subcount(Grid.Columns) && subcount(Grid.Rows) ?>
<h2 id="emargement">Émargement</h2>
<p><?cs each:c = Grid.Columns ?><a href="/intranet/presence/<?cs var:c.id ?>"><?cs var:c.label ?></a><?cs if:c.certified ?> <span class="tag tag-confirmee">certifiée</span><?cs /if ?><?cs if:c.scans ?> (<a href="/intranet/presence/<?cs var:c.id ?>#feuilles"><?cs var:c.scans ?> feuille<?cs if:c.scans > 1 ?>s<?cs /if ?> signée<?cs if:c.scans > 1 ?>s<?cs /if ?></a>)<?cs /if ?><?cs if:!last(c) ?> · <?cs /if ?><?cs /each ?></p>
<p><a href="/intranet/sessions/<?cs var:s.id ?>/emargement.pdf">Toutes les feuilles d'émargement (PDF)</a></p>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="grille-titre">
<table class="data">
<caption id="grille-titre">Présences par demi-journée</caption>
<thead><tr><th scope="col">Participant</th><?cs each:c = Grid.Columns ?><th scope="col"><a href="/intranet/presence/<?cs var:c.id ?>"><?cs var:c.short ?></a></th><?cs /each ?><th scope="col">Durée suivie</th></tr></thead>
<tbody><?cs each:g = Grid.Rows ?><tr><th scope="row"><?cs var:g.name ?></th><?cs each:x = g.Cells ?><td><?cs var:x.text ?></td><?cs /each ?><td><?cs var:g.total ?><?cs if:g.outcome ?><br><span class="meta"><?cs var:g.outcome ?></span><?cs /if ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>

<?cs if:Desk && (CertificatesReady || subcount(Certificates) || Errors.certificates) ?>
<h2 id="attestations">Attestations de fin de formation</h2>
<?cs if:Errors.certificates ?><p class="error-box" role="alert"><?cs var:Errors.certificates ?></p><?cs /if ?>
<?cs if:subcount(Certificates) ?><div class="table-scroll" role="region" tabindex="0" aria-labelledby="attestations-titre">
<table class="data">
<caption id="attestations-titre">Attestations émises</caption>
<thead><tr><th scope="col">Participant</th><th scope="col">Durée suivie</th><th scope="col">Code de vérification</th><th scope="col">État</th><?cs if:IsAdmin ?><th scope="col">Révoquer</th><?cs /if ?></tr></thead>
<tbody><?cs each:t = Certificates ?><tr><th scope="row"><?cs var:t.name ?></th><td><?cs var:t.attended ?> sur <?cs var:t.planned ?></td>
<td><a href="/intranet/attestations/<?cs var:t.id ?>"><?cs var:t.code ?></a> <span class="meta">(PDF)</span></td>
<td><?cs if:t.revoked ?><span class="tag tag-annulee">révoquée</span> le <?cs var:t.revoked ?><?cs if:t.revoked_by ?> par <?cs var:t.revoked_by ?><?cs /if ?> : <?cs var:t.reason ?><?cs else ?><span class="tag tag-confirmee">en vigueur</span> émise le <?cs var:t.issued ?><?cs /if ?></td>
<?cs if:IsAdmin ?><td><?cs if:!t.revoked ?><form method="post" action="/intranet/attestations/<?cs var:t.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<label for="revoquer-<?cs var:t.id ?>">Motif</label> <input id="revoquer-<?cs var:t.id ?>" name="raison" maxlength="1000" required>
<button type="submit" class="danger">Révoquer</button></form><?cs /if ?></td><?cs /if ?></tr>
<?cs /each ?></tbody></table></div><?cs /if ?>
<?cs if:CertificatesReady ?><form method="post" action="/intranet/sessions/<?cs var:s.id ?>/attestations" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<button type="submit" class="secondary">Émettre les attestations</button>
<span class="meta">Une par participant ayant suivi au moins une partie de la session, quand toutes les demi-journées sont certifiées ; émettre deux fois redonne les mêmes.</span></form><?cs /if ?>
<?cs /if ?>

<?cs if:Desk && !s.final ?>
<h3 id="inscrire">Inscrire une personne</h3>
<?cs if:Errors.add ?><p class="error-box" role="alert"><?cs var:Errors.add ?></p><?cs /if ?>
<form method="get" action="/intranet/sessions/<?cs var:s.id ?>#inscrire" class="search" role="search">
<label for="personne">Chercher une personne déjà connue (début du nom)</label>
<input type="search" id="personne" name="personne" maxlength="100" value="<?cs var:Search.q ?>" autocomplete="off">
<button type="submit" class="secondary">Chercher</button></form>
<div id="trouves" aria-live="polite"><?cs if:Search.done ?><?cs if:subcount(Found) ?><ul class="found"><?cs each:p = Found ?><li><?cs var:p.last_name ?> <?cs var:p.first_name ?> (<?cs var:p.email ?><?cs if:p.organisation ?>, <?cs var:p.organisation ?><?cs /if ?>)
<form method="post" action="/intranet/sessions/<?cs var:s.id ?>/inscriptions" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="ajouter">
<input type="hidden" name="nom" value="<?cs var:p.last_name ?>"><input type="hidden" name="prenom" value="<?cs var:p.first_name ?>">
<input type="hidden" name="email" value="<?cs var:p.email ?>"><input type="hidden" name="fonction" value="<?cs var:p.job_title ?>">
<input type="hidden" name="organisme" value="<?cs var:p.organisation ?>">
<button type="submit">Inscrire<span class="visually-hidden"> <?cs var:p.first_name ?> <?cs var:p.last_name ?></span></button></form></li><?cs /each ?></ul>
<?cs else ?><p>Personne de connu à ce nom : inscrivez la personne avec le formulaire ci-dessous.</p><?cs /if ?><?cs /if ?></div>
<script src="/static/participants.js" defer></script>
<form method="post" action="/intranet/sessions/<?cs var:s.id ?>/inscriptions" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="ajouter">
<?cs def:person_field(id, name, label, value, error, max, type, auto) ?><p><label for="<?cs var:id ?>"><?cs var:label ?></label>
<?cs if:error ?><span class="field-error" id="<?cs var:id ?>-erreur"><?cs var:error ?></span><?cs /if ?>
<input type="<?cs var:type ?>" id="<?cs var:id ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" value="<?cs var:value ?>" autocomplete="<?cs var:auto ?>"<?cs if:error ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-erreur"<?cs /if ?>></p><?cs /def ?>
<?cs call:person_field("p-nom", "nom", "Nom", AddForm.last_name, Errors.last_name, "100", "text", "off") ?>
<?cs call:person_field("p-prenom", "prenom", "Prénom", AddForm.first_name, Errors.first_name, "100", "text", "off") ?>
<?cs call:person_field("p-email", "email", "Adresse électronique (la convocation y est envoyée)", AddForm.email, Errors.email, "254", "email", "off") ?>
<?cs call:person_field("p-fonction", "fonction", "Fonction (facultatif)", AddForm.job_title, Errors.job_title, "200", "text", "off") ?>
<?cs call:person_field("p-organisme", "organisme", "Organisme (facultatif)", AddForm.organisation, Errors.organisation, "200", "text", "off") ?>
<p><label for="p-besoin">Besoin lié à un handicap (facultatif : transmis au seul référent handicap)</label>
<?cs if:Errors.need ?><span class="field-error" id="p-besoin-erreur"><?cs var:Errors.need ?></span><?cs /if ?>
<textarea id="p-besoin" name="besoin" rows="2" maxlength="2000"><?cs var:AddForm.need ?></textarea></p>
<p><button type="submit">Inscrire</button> <span class="help">Confirmée tant qu'il reste des places, puis en liste d'attente.</span></p>
</form>
<h3 id="coller">Coller une liste</h3>
<?cs if:Errors.list ?><div class="error-box" role="alert"><p><?cs var:Errors.list ?></p>
<?cs if:subcount(ListErrors) ?><ul><?cs each:e = ListErrors ?><li><a href="#liste">Ligne <?cs var:e.line ?></a> (<?cs var:e.raw ?>) : <?cs var:e.error ?></li><?cs /each ?></ul><?cs /if ?></div><?cs /if ?>
<form method="post" action="/intranet/sessions/<?cs var:s.id ?>/inscriptions" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="coller">
<p><label for="liste">Une personne par ligne : Nom;<wbr>Prénom;<wbr>Email;<wbr>Fonction;<wbr>Organisme</label>
<span class="help" id="liste-aide">Copiez les colonnes d'un tableur (séparées par des tabulations) ou écrivez-les séparées par « ; ». Fonction et organisme sont facultatifs ; 200 lignes au plus. Rien n'est enregistré tant qu'une ligne est à corriger.</span>
<textarea id="liste" name="liste" rows="8" aria-describedby="liste-aide"<?cs if:Errors.list ?> aria-invalid="true"<?cs /if ?>><?cs var:ListForm.text ?></textarea></p>
<p><button type="submit">Inscrire la liste</button></p>
</form>
<?cs /if ?>

<?cs if:Desk && !s.final ?>
<h2 id="ajouter">Ajouter un créneau</h2>
<form method="post" action="/intranet/sessions/<?cs var:s.id ?>/creneaux" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs if:SlotForm.slot_id == "" && SlotForm.day ?><?cs call:slot_fields("nouveau", SlotForm.day, SlotForm.start, SlotForm.end, SlotForm.room_id, SlotForm.programme, "", SlotForm.remote, SlotForm.trainer_ids) ?>
<?cs else ?><?cs if:NextSlot.after ?><p class="help">Proposé après le dernier créneau (<?cs var:NextSlot.after ?>) : même salle, mêmes formateurs et horaires, le jour ouvré suivant.</p><?cs /if ?>
<?cs call:slot_fields("nouveau", NextSlot.day, NextSlot.start, NextSlot.end, NextSlot.room_id, NextSlot.programme, "", NextSlot.remote, NextSlot.trainer_ids) ?><?cs /if ?>
<p><button type="submit">Ajouter le créneau</button></p>
</form>
<?cs /if ?>

<?cs if:Desk ?>
<h2 id="statut">Statut</h2>
<?cs if:s.final ?><p>Cette session est <?cs var:s.status_label ?> : son statut ne change plus.</p>
<?cs else ?><form method="post" action="/intranet/sessions/<?cs var:s.id ?>" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="statut">
<p><label for="statut-choix">Nouveau statut</label>
<select id="statut-choix" name="statut">
<?cs if:s.status == "envisagee" ?><option value="confirmee">Confirmée</option><?cs /if ?>
<?cs if:s.status == "confirmee" ?><option value="realisee">Réalisée</option><option value="envisagee">Envisagée (confirmation annulée)</option><?cs /if ?>
<option value="annulee">Annulée</option>
</select></p>
<p><label for="raison">Raison (obligatoire pour une annulation)</label>
<textarea id="raison" name="raison" rows="2" maxlength="2000"></textarea></p>
<p><button type="submit">Changer le statut</button></p>
</form><?cs /if ?>

<?cs if:!s.final ?><details id="modifier"<?cs if:Errors.session ?> open<?cs /if ?>><summary>Modifier la session</summary>
<form method="post" action="/intranet/sessions/<?cs var:s.id ?>" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="modifier">
<?cs if:!Form.course_id ?><?cs set:Form.course_id = s.course_id ?><?cs set:Form.kind = s.kind ?><?cs set:Form.organisation = s.organisation ?><?cs set:Form.place_id = s.place_id ?><?cs set:Form.min = s.min ?><?cs set:Form.max = s.max ?><?cs set:Form.closes_on = s.closes_on ?><?cs set:Form.public = s.public ?><?cs set:Form.notes = s.notes ?><?cs set:Form.demand_id = s.demand_id ?><?cs /if ?>
<?cs call:session_fields() ?>
<p><button type="submit">Enregistrer la session</button></p>
</form></details><?cs /if ?>

<h2 id="dupliquer">Dupliquer à de nouvelles dates</h2>
<p>La copie garde les horaires, salles et formateurs de chaque créneau, décalés pour que le premier tombe à la date choisie. Elle est créée à l'état envisagée, sans demande ni inscrits.</p>
<form method="post" action="/intranet/sessions/<?cs var:s.id ?>/dupliquer" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="copie-date">Date du premier créneau de la copie</label>
<input type="date" id="copie-date" name="date" required value="<?cs var:CopyForm.day ?>"></p>
<p><button type="submit">Dupliquer</button></p>
</form>
<?cs /if ?>
<?cs /with ?>
<?cs call:layout_end() ?>
