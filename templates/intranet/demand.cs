<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs with:d = Demand.0 ?>
<h1>Demande <?cs var:d.reference ?></h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.action ?><p class="error-box" role="alert"><?cs var:Errors.action ?></p><?cs /if ?>
<?cs if:subcount(Failures) ?><div class="error-box" role="alert"><p><strong>Courriel non remis.</strong>
Le serveur de messagerie n'a pas pu remettre <?cs if:subcount(Failures) == 1 ?>ce courriel<?cs else ?>ces courriels<?cs /if ?> :
prévenez le demandeur par téléphone<?cs if:d.phone ?> (<?cs var:d.phone ?>)<?cs /if ?>.</p>
<ul><?cs each:f = Failures ?><li><?cs var:f.kind ?> à <?cs var:f.to ?>, abandonné le <?cs var:f.on ?> (<?cs var:f.error ?>)</li><?cs /each ?></ul>
<p><a href="/intranet/courriers">Tous les courriels non remis</a></p></div><?cs /if ?>
<div class="fiche-grid">
<aside class="facts-box" aria-label="Suivi">
<dl class="facts">
<dt>État</dt><dd><strong><?cs var:d.status_label ?></strong><?cs if:d.outcome ?> (<?cs var:d.outcome ?>)<?cs /if ?></dd>
<dt>Régime</dt><dd><?cs if:d.regime == "1mois" ?>1 mois<?cs else ?>15 jours<?cs /if ?></dd>
<dt>Reçue le</dt><dd><?cs var:d.received ?></dd>
<dt>Réponse due le</dt><dd><?cs var:d.due ?><?cs if:d.open ?><br><span class="due-mark <?cs var:Due.0.mark ?>"><?cs var:Due.0.left ?></span><?cs /if ?><?cs if:d.paused_days != "0" ?><br>(dont <?cs var:d.paused_days ?> j de pause)<?cs /if ?></dd>
<?cs if:d.answered ?><dt>Répondue le</dt><dd><?cs var:d.answered ?></dd><?cs /if ?>
<dt>Responsable</dt><dd><?cs if:d.assignee ?><?cs var:d.assignee ?><?cs else ?>Personne<?cs /if ?></dd>
</dl>
</aside>
<div>
<h2>Ce que le demandeur a envoyé</h2>
<dl class="evals">
<dt>Demandeur</dt><dd><?cs var:d.name ?><?cs if:d.job_title ?>, <?cs var:d.job_title ?><?cs /if ?> — <?cs var:d.organisation ?></dd>
<dt>Contact</dt><dd><a href="mailto:<?cs var:url_escape(d.email) ?>"><?cs var:d.email ?></a><?cs if:d.phone ?> · <?cs var:d.phone ?><?cs /if ?></dd>
<dt>Formation</dt><dd><?cs if:d.course_slug ?><a href="/formations/<?cs var:d.course_slug ?>"><?cs var:d.course ?></a><?cs else ?><?cs var:d.course ?> (demande sur mesure)<?cs /if ?> — <?cs var:d.kind ?>, <?cs var:d.participants ?> participant(s)</dd>
<?cs if:d.period ?><dt>Période</dt><dd><?cs var:d.period ?></dd><?cs /if ?>
<?cs if:d.place ?><dt>Lieu</dt><dd><?cs var:d.place ?></dd><?cs /if ?>
<?cs if:d.accessibility_declared ?><dt>Besoins liés à un handicap</dt><dd><?cs if:d.accessibility ?><span class="prewrap"><?cs var:d.accessibility ?></span><br><a href="/intranet/accessibilite">Besoins à étudier par le référent handicap</a><?cs else ?>Déclarés : ils sont transmis au référent handicap, qui seul les lit avec les administrateurs.<?cs /if ?></dd><?cs /if ?>
<?cs if:d.message ?><dt>Message</dt><dd class="prewrap"><?cs var:d.message ?></dd><?cs /if ?>
</dl>
<h2>Historique</h2>
<ol class="events">
<?cs each:e = Events ?><li><span class="meta"><?cs var:e.at ?><?cs if:e.who ?> · <?cs var:e.who ?><?cs /if ?> · <?cs if:e.public ?>visible du demandeur<?cs else ?>interne<?cs /if ?></span><br><span class="prewrap"><?cs var:e.comment ?></span></li><?cs /each ?>
</ol>
<h2>Actions</h2>
<?cs if:d.open ?><section aria-labelledby="avec-session">
<h3 id="avec-session">Répondre avec une session</h3>
<?cs if:subcount(Sessions) ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="session">
<p><label for="session">Session proposée</label><select id="session" name="session">
<?cs each:s = Sessions ?><option value="<?cs var:s.id ?>"<?cs if:s.mine ?> selected<?cs /if ?>><?cs var:s.label ?></option><?cs /each ?>
</select></p>
<p><label for="message-session">Message joint aux dates (facultatif)</label>
<textarea id="message-session" name="commentaire" rows="3" maxlength="10000"></textarea></p>
<p><button type="submit">Envoyer les dates au demandeur</button></p>
</form><?cs else ?><p>Aucune session à venir de cette formation.</p><?cs /if ?>
<p><a href="/intranet/sessions/nouvelle?demande=<?cs var:d.id ?>">Créer une session pour cette demande</a></p>
</section><?cs /if ?>
<form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="assigner">
<p><label for="responsable">Attribuer à</label><select id="responsable" name="responsable">
<option value="">Personne</option>
<?cs each:s = Staff ?><option value="<?cs var:s.id ?>"<?cs if:s.id == d.assignee_id ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?>
</select></p>
<p><button type="submit">Attribuer</button></p>
</form>
<form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="action">Action</label><select id="action" name="action">
<option value="note">Note interne (ne change rien au délai)</option>
<option value="question">Poser une question au demandeur (arrête l'horloge)</option>
<option value="repondre">Répondre au demandeur (arrête le délai)</option>
<option value="regime">Passer au régime d'un mois (procédure de marché)</option>
<option value="sans_suite">Classer sans suite</option>
<option value="clore">Clore (après la réponse)</option>
</select></p>
<p><label for="issue">Issue, pour une réponse</label><select id="issue" name="issue">
<option value="acceptee">Acceptée (session ou proposition)</option>
<option value="alternative">Autre solution proposée</option>
<option value="refusee">Refusée (motif obligatoire)</option>
<option value="redirigee">Réorientée</option>
</select></p>
<p><label for="commentaire">Texte (message au demandeur, note ou motif)</label>
<textarea id="commentaire" name="commentaire" rows="6" maxlength="10000"><?cs var:Form.comment ?></textarea></p>
<p><button type="submit">Enregistrer</button></p>
</form>
</div>
</div>
<?cs /with ?>
<?cs call:layout_end() ?>
