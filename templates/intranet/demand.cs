<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs with:d = Demand.0 ?>
<?cs def:hidden(action) ?><input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="<?cs var:action ?>">
<input type="hidden" name="liste" value="<?cs var:List.param ?>"><?cs /def ?>
<div class="demand-nav">
<p class="breadcrumb"><a href="<?cs var:List.back ?>">Retour à la liste des demandes</a></p>
<?cs if:subcount(Previous) || subcount(Next) ?><nav class="pager" aria-label="Autres demandes de la liste">
<?cs if:subcount(Previous) ?><a href="<?cs var:Previous.0.href ?>" rel="prev">Précédente : <?cs var:Previous.0.reference ?></a><?cs /if ?>
<?cs if:subcount(Next) ?><a href="<?cs var:Next.0.href ?>" rel="next">Suivante : <?cs var:Next.0.reference ?></a><?cs /if ?>
</nav><?cs /if ?>
</div>
<div class="page-head">
<h1>Demande <?cs var:d.reference ?> <span class="tag tag-demand-<?cs var:d.status ?>"><?cs var:d.status_label ?></span></h1>
<?cs if:Primary == "prendre" ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="page-action">
<?cs call:hidden("assigner") ?><input type="hidden" name="responsable" value="<?cs var:Me ?>">
<button type="submit">M'attribuer la demande</button>
</form><?cs elif:Primary == "repondre" ?><p class="page-action"><a class="button" href="<?cs var:Repondre.href ?>#action">Répondre</a></p><?cs /if ?>
</div>
<?cs if:Notice ?><div class="notice" role="status"><p><?cs var:Notice ?></p>
<?cs if:subcount(Next) ?><p><a href="<?cs var:Next.0.href ?>">Passer à la demande suivante (<?cs var:Next.0.reference ?>)</a></p><?cs /if ?></div><?cs /if ?>
<?cs if:Errors.action ?><div class="error-box error-summary" role="alert" aria-labelledby="erreurs-titre" tabindex="-1">
<h2 id="erreurs-titre">Il y a un problème</h2>
<ul><li><?cs if:Errors.field ?><a href="#<?cs var:Errors.field ?>"><?cs var:Errors.action ?></a><?cs else ?><?cs var:Errors.action ?><?cs /if ?></li></ul></div><?cs /if ?>
<?cs if:Declined.text ?><div class="error-box" role="status"><p><strong>Les dates proposées ne conviennent pas</strong> (<?cs var:Declined.at ?>).</p>
<p class="prewrap"><?cs var:Declined.text ?></p><p>Proposez une autre solution : une autre session, ou une note après un appel au <?cs if:d.phone ?><a href="tel:<?cs var:url_escape(d.phone) ?>"><?cs var:d.phone ?></a><?cs else ?>demandeur<?cs /if ?>.</p></div><?cs /if ?>
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
<dt>Réponse due le</dt><dd><?cs var:d.due ?><?cs if:d.open ?><br><span class="due-mark tag tag-due<?cs if:Due.0.mark ?> tag-due-<?cs var:Due.0.mark ?><?cs /if ?>"><?cs var:Due.0.left ?></span><?cs /if ?><?cs if:d.paused_days != "0" ?><br>(dont <?cs var:d.paused_days ?> j de pause)<?cs /if ?></dd>
<?cs if:d.answered ?><dt>Répondue le</dt><dd><?cs var:d.answered ?></dd><?cs /if ?>
<dt>Responsable</dt><dd><?cs if:d.mine ?>Vous (<?cs var:d.assignee ?>)<?cs elif:d.assignee ?><?cs var:d.assignee ?><?cs else ?>Personne<?cs /if ?></dd>
</dl>
</aside>
<div>
<h2>Ce que le demandeur a envoyé</h2>
<dl class="evals">
<dt>Demandeur</dt><dd><?cs var:d.name ?><?cs if:d.job_title ?>, <?cs var:d.job_title ?><?cs /if ?> — <?cs var:d.organisation ?></dd>
<dt>Contact</dt><dd><a href="mailto:<?cs var:url_escape(d.email) ?>"><?cs var:d.email ?></a><?cs if:d.phone ?> · <a href="tel:<?cs var:url_escape(d.phone) ?>"><?cs var:d.phone ?></a><?cs /if ?></dd>
<dt>Formation</dt><dd><?cs if:d.course_slug ?><a href="/formations/<?cs var:d.course_slug ?>"><?cs var:d.course ?></a><?cs else ?><?cs var:d.course ?> (demande sur mesure)<?cs /if ?> — <?cs var:d.kind ?>, <?cs var:d.participants ?> participant(s)</dd>
<?cs if:d.period ?><dt>Période</dt><dd><?cs var:d.period ?></dd><?cs /if ?>
<?cs if:d.place ?><dt>Lieu</dt><dd><?cs var:d.place ?></dd><?cs /if ?>
<?cs if:d.accessibility_declared ?><dt>Besoins liés à un handicap</dt><dd><?cs if:d.accessibility ?><span class="prewrap"><?cs var:d.accessibility ?></span><br><a href="/intranet/accessibilite">Besoins à étudier par le référent handicap</a><?cs else ?>Déclarés : ils sont transmis au référent handicap, qui seul les lit avec les administrateurs.<?cs /if ?></dd><?cs /if ?>
<?cs if:d.message ?><dt>Message</dt><dd class="prewrap"><?cs var:d.message ?></dd><?cs /if ?>
</dl>
<?cs if:Faire ?><section id="action" class="action-form" aria-labelledby="action-titre">
<h2 id="action-titre"><?cs var:FaireLabel ?></h2>
<?cs if:Faire == "session" ?>
<?cs if:subcount(Sessions) ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked"><?cs call:hidden("session") ?>
<p><label for="session">Session proposée</label><select id="session" name="session">
<?cs each:s = Sessions ?><option value="<?cs var:s.id ?>"<?cs if:(!Form.session && s.mine) || Form.session == s.id ?> selected<?cs /if ?>><?cs var:s.label ?></option><?cs /each ?>
</select></p>
<p><label for="commentaire">Message joint aux dates (facultatif)</label>
<textarea id="commentaire" name="commentaire" rows="3" maxlength="10000"><?cs var:Form.comment ?></textarea></p>
<p><button type="submit">Envoyer les dates à <?cs var:d.name ?></button></p>
</form><?cs else ?><p>Aucune session à venir de cette formation.</p><?cs /if ?>
<p><a href="/intranet/sessions/nouvelle?demande=<?cs var:d.id ?>">Créer une session pour cette demande</a></p>
<?cs elif:Faire == "repondre" ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked"><?cs call:hidden("repondre") ?>
<fieldset><legend>Issue de la réponse</legend>
<p class="choice"><input type="radio" id="issue" name="issue" value="acceptee"<?cs if:!Form.issue || Form.issue == "acceptee" ?> checked<?cs /if ?>><label for="issue">Acceptée : une session ou une proposition suit</label></p>
<p class="choice"><input type="radio" id="issue-alternative" name="issue" value="alternative"<?cs if:Form.issue == "alternative" ?> checked<?cs /if ?>><label for="issue-alternative">Autre solution proposée</label></p>
<p class="choice"><input type="radio" id="issue-refusee" name="issue" value="refusee"<?cs if:Form.issue == "refusee" ?> checked<?cs /if ?>><label for="issue-refusee">Refusée (le motif est obligatoire)</label></p>
<p class="choice"><input type="radio" id="issue-redirigee" name="issue" value="redirigee"<?cs if:Form.issue == "redirigee" ?> checked<?cs /if ?>><label for="issue-redirigee">Réorientée vers un autre organisme</label></p>
</fieldset>
<p><label for="commentaire">Message à <?cs var:d.name ?></label>
<span class="hint">Envoyé par courriel à <?cs var:d.email ?> et visible sur sa page de suivi.</span>
<textarea id="commentaire" name="commentaire" rows="6" maxlength="10000"><?cs var:Form.comment ?></textarea></p>
<p><button type="submit">Envoyer la réponse</button></p>
</form>
<?cs if:subcount(Sessions) ?><p>Une session de cette formation convient ? <a href="<?cs var:List.self ?>&amp;faire=session#action">Répondre avec une session</a></p><?cs /if ?>
<?cs elif:Faire == "question" ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked"><?cs call:hidden("question") ?>
<p><label for="commentaire">Votre question à <?cs var:d.name ?></label>
<span class="hint">Le délai est suspendu jusqu'à sa réponse, qu'il donne sur sa page de suivi.</span>
<textarea id="commentaire" name="commentaire" rows="5" maxlength="10000"><?cs var:Form.comment ?></textarea></p>
<p><button type="submit">Envoyer la question</button></p>
</form>
<?cs elif:Faire == "note" ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked"><?cs call:hidden("note") ?>
<p><label for="commentaire">Note interne</label>
<span class="hint">Visible de l'équipe seulement ; le délai continue.</span>
<textarea id="commentaire" name="commentaire" rows="4" maxlength="10000"><?cs var:Form.comment ?></textarea></p>
<p><button type="submit">Ajouter la note</button></p>
</form>
<?cs elif:Faire == "assigner" ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked"><?cs call:hidden("assigner") ?>
<p><label for="responsable">Responsable de la demande</label><select id="responsable" name="responsable">
<option value="">Personne</option>
<?cs each:s = Staff ?><option value="<?cs var:s.id ?>"<?cs if:s.id == d.assignee_id ?> selected<?cs /if ?>><?cs var:s.name ?></option><?cs /each ?>
</select></p>
<p><button type="submit">Attribuer</button></p>
</form>
<?cs elif:Faire == "regime" ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked"><?cs call:hidden("regime") ?>
<p>La réponse sera due un mois après la réception (le <?cs var:d.received ?>) au lieu de quinze jours.</p>
<p><label for="commentaire">Raison du passage au régime d'un mois</label>
<span class="hint">Par exemple : procédure de marché à passer.</span>
<textarea id="commentaire" name="commentaire" rows="3" maxlength="10000"><?cs var:Form.comment ?></textarea></p>
<p><button type="submit">Passer au régime d'un mois</button></p>
</form>
<?cs elif:Faire == "sans_suite" ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked"><?cs call:hidden("sans_suite") ?>
<p class="warning-text">La demande sera fermée sans réponse sur le fond. <?cs var:d.name ?> verra le motif sur sa page de suivi.</p>
<p><label for="commentaire">Motif</label>
<textarea id="commentaire" name="commentaire" rows="3" maxlength="10000"><?cs var:Form.comment ?></textarea></p>
<p><button type="submit" class="danger">Classer sans suite</button></p>
</form>
<?cs elif:Faire == "clore" ?><form method="post" action="/intranet/demandes/<?cs var:d.id ?>" class="stacked"><?cs call:hidden("clore") ?>
<p>La réponse a été envoyée<?cs if:d.answered ?> le <?cs var:d.answered ?><?cs /if ?>. Une demande close quitte les listes de travail ; son historique reste consultable.</p>
<p><button type="submit">Clore la demande</button></p>
</form><?cs /if ?>
<p><a href="<?cs var:List.self ?>">Annuler</a></p>
</section>
<?cs elif:subcount(Actions) ?><section id="action" aria-labelledby="actions-titre">
<h2 id="actions-titre">Que voulez-vous faire ?</h2>
<ul class="action-menu"><?cs each:a = Actions ?><li><a href="<?cs var:a.href ?>#action"><?cs var:a.label ?></a><?cs if:a.hint ?> <span class="hint"><?cs var:a.hint ?></span><?cs /if ?></li><?cs /each ?></ul>
</section><?cs /if ?>
<h2>Historique</h2>
<ol class="events">
<?cs each:e = Events ?><li><span class="meta"><?cs var:e.at ?><?cs if:e.who ?> · <?cs var:e.who ?><?cs /if ?> · <?cs if:e.public ?>visible du demandeur<?cs else ?>interne<?cs /if ?></span><br><span class="prewrap"><?cs var:e.comment ?></span></li><?cs /each ?>
</ol>
</div>
</div>
<?cs /with ?>
<?cs call:layout_end() ?>
