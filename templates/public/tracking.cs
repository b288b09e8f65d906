<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs with:d = Demand.0 ?>
<h1>Votre demande<?cs if:d.reference ?> <?cs var:d.reference ?><?cs /if ?></h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.action ?><p class="error-box" role="alert" id="erreur"><?cs var:Errors.action ?></p><?cs /if ?>
<dl class="facts">
<dt>Référence</dt><dd><?cs if:d.reference ?><?cs var:d.reference ?><?cs else ?>en cours d'attribution<?cs /if ?></dd>
<dt>État</dt><dd><strong><?cs var:d.status_label ?></strong></dd>
<dt>Formation</dt><dd><?cs var:d.course ?> (<?cs var:d.kind ?>, <?cs var:d.participants ?> participant(s))</dd>
<dt>Reçue le</dt><dd><?cs var:d.received ?></dd>
<?cs if:d.answered ?><dt>Réponse envoyée le</dt><dd><?cs var:d.answered ?></dd>
<?cs elif:d.open ?><dt>Notre engagement</dt><dd>Réponse au plus tard le <?cs var:d.due ?></dd><?cs /if ?>
</dl>
<h2>Historique</h2>
<ol class="events">
<?cs each:e = Events ?><li><span class="meta"><?cs var:e.at ?></span><br><span class="prewrap"><?cs var:e.comment ?></span></li><?cs /each ?>
</ol>
<?cs if:d.status == "attente_demandeur" ?>
<h2>Répondre à notre question</h2>
<form method="post" action="/demande/suivi/<?cs var:d.token ?>/reponse" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="message">Votre réponse</label>
<textarea id="message" name="message" rows="6" maxlength="5000" required><?cs var:Form.message ?></textarea></p>
<p><button type="submit">Envoyer ma réponse</button></p>
</form>
<?cs /if ?>
<?cs if:d.open ?>
<h2>Annuler la demande</h2>
<form method="post" action="/demande/suivi/<?cs var:d.token ?>/annulation" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="motif">Motif (facultatif)</label>
<textarea id="motif" name="message" rows="2" maxlength="5000"></textarea></p>
<p><button type="submit" class="secondary">Annuler ma demande</button></p>
</form>
<?cs /if ?>
<?cs /with ?>
<?cs call:layout_end() ?>
