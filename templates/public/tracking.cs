<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs with:d = Demand.0 ?>
<?cs if:Sent.email ?><div class="panel" role="status">
<h1>Demande envoyée</h1>
<p>Votre référence<br><strong class="reference"><?cs if:d.reference ?><?cs var:d.reference ?><?cs else ?>en cours d'attribution<?cs /if ?></strong></p>
</div>
<p>Un accusé de réception part à <strong><?cs var:Sent.email ?></strong>, avec le lien de cette page : gardez-le pour suivre votre demande.</p>
<h2>Et ensuite ?</h2>
<ol class="next-steps">
<li>Un conseiller de l'EGOC étudie votre demande ; il peut vous poser une question ici et par courriel.</li>
<li>Nous vous répondons au plus tard le <strong><?cs var:d.due ?></strong> : une session, une autre proposition, ou ce qui empêche d'y donner suite.</li>
<li>Si une session vous est proposée, vous nommerez vos participants sur cette page ; chacun reçoit sa convocation.</li>
</ol>
<h2>Ce que vous avez envoyé</h2>
<dl class="facts">
<dt>Formation</dt><dd><?cs var:d.course ?> (<?cs var:d.kind ?>, <?cs var:d.participants ?> participant(s))</dd>
<dt>Organisme</dt><dd><?cs var:Sent.organisation ?></dd>
<?cs if:Sent.phone ?><dt>Téléphone</dt><dd><?cs var:Sent.phone ?></dd><?cs /if ?>
<?cs if:Sent.period ?><dt>Période souhaitée</dt><dd class="prewrap"><?cs var:Sent.period ?></dd><?cs /if ?>
<?cs if:Sent.place ?><dt>Lieu souhaité</dt><dd><?cs var:Sent.place ?></dd><?cs /if ?>
<?cs if:Sent.accessibility ?><dt>Besoin lié à un handicap</dt><dd>transmis au référent handicap de l'EGOC, qui seul le lit</dd><?cs /if ?>
<?cs if:Sent.message ?><dt>Message</dt><dd class="prewrap"><?cs var:Sent.message ?></dd><?cs /if ?>
</dl>
<h2>Le suivi de votre demande</h2>
<?cs else ?><h1>Votre demande<?cs if:d.reference ?> <?cs var:d.reference ?><?cs /if ?></h1><?cs /if ?>
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
<?cs if:Enrol.session ?>
<h2 id="dates">Les dates proposées</h2>
<?cs if:subcount(Enrol.Dates) ?><ul class="slots"><?cs each:t = Enrol.Dates ?><li><?cs var:t.text ?></li><?cs /each ?></ul>
<?cs else ?><p>Les dates vous seront précisées prochainement.</p><?cs /if ?>
<?cs if:subcount(Enrol.Dates) ?><p><a class="button secondary" href="/demande/suivi/<?cs var:d.token ?>/dates.ics">Ajouter ces dates à mon agenda (.ics)</a></p><?cs /if ?>
<p>Elles vous conviennent : nommez vos participants ci-dessous.</p>
<?cs if:Enrol.open && d.status == "repondue" ?><details class="decline"<?cs if:Errors.dates ?> open<?cs /if ?>><summary>Ces dates ne nous conviennent pas</summary>
<?cs if:Errors.dates ?><p class="error-box" role="alert"><?cs var:Errors.dates ?></p><?cs /if ?>
<form method="post" action="/demande/suivi/<?cs var:d.token ?>/dates" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="pourquoi">Pourquoi, ou quelles dates vous conviendraient (facultatif)</label>
<textarea id="pourquoi" name="message" rows="4" maxlength="2000"><?cs var:Form.decline ?></textarea></p>
<p><button type="submit" class="secondary">Prévenir notre conseiller</button> <span class="help">Il vous proposera une autre solution.</span></p>
</form></details><?cs elif:d.status == "repondue" ?><p>Elles ne vous conviennent pas : appelez-nous au 02 99 29 82 42 ou 02 99 29 82 43.</p><?cs /if ?>
<h2 id="participants">Vos participants</h2>
<?cs if:Errors.enrol ?><p class="error-box" role="alert"><?cs var:Errors.enrol ?></p><?cs /if ?>
<?cs if:subcount(Named) ?><ul>
<?cs each:g = Named ?><li><?cs var:g.name ?> (<?cs var:g.email ?>) — <span class="tag tag-<?cs var:g.status ?>"><?cs var:g.status_label ?><?cs if:g.status == "attente" ?>, rang <?cs var:g.rank ?><?cs /if ?></span>
<?cs if:g.active && Enrol.open ?><form method="post" action="/demande/suivi/<?cs var:d.token ?>/participants" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="retirer"><input type="hidden" name="inscription" value="<?cs var:g.id ?>">
<button type="submit" class="secondary">Retirer<span class="visually-hidden"> <?cs var:g.name ?></span></button></form><?cs /if ?></li>
<?cs /each ?></ul><?cs /if ?>
<?cs if:Enrol.open && Enrol.rows != "0" ?>
<p>Indiquez les personnes qui suivront la formation<?cs if:Enrol.first_day ?> (à partir du <?cs var:Enrol.first_day ?>)<?cs /if ?> : chacune reçoit sa convocation à son adresse, et vous une copie. Vous avez demandé <?cs var:Enrol.asked ?> place(s).<?cs if:Enrol.closes ?> Inscriptions ouvertes jusqu'au <?cs var:Enrol.closes ?>.<?cs /if ?></p>
<form method="post" action="/demande/suivi/<?cs var:d.token ?>/participants" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>"><input type="hidden" name="action" value="inscrire">
<?cs each:row = Rows ?><fieldset><legend>Participant <?cs var:row.n ?></legend>
<p><label for="p<?cs var:row.n ?>-nom">Nom</label><input id="p<?cs var:row.n ?>-nom" name="p<?cs var:row.n ?>_nom" maxlength="100" value="<?cs var:row.last_name ?>"></p>
<p><label for="p<?cs var:row.n ?>-prenom">Prénom</label><input id="p<?cs var:row.n ?>-prenom" name="p<?cs var:row.n ?>_prenom" maxlength="100" value="<?cs var:row.first_name ?>"></p>
<p><label for="p<?cs var:row.n ?>-email">Adresse électronique</label><input type="email" id="p<?cs var:row.n ?>-email" name="p<?cs var:row.n ?>_email" maxlength="254" value="<?cs var:row.email ?>"></p>
<p><label for="p<?cs var:row.n ?>-fonction">Fonction (facultatif)</label><input id="p<?cs var:row.n ?>-fonction" name="p<?cs var:row.n ?>_fonction" maxlength="200" value="<?cs var:row.job_title ?>"></p>
</fieldset><?cs /each ?>
<p><button type="submit">Inscrire ces participants</button> <span class="help">Les lignes laissées vides sont ignorées. Confirmés tant qu'il reste des places, puis en liste d'attente.</span></p>
</form>
<?cs elif:!Enrol.open ?><p>Les inscriptions sont closes : pour toute modification, répondez à notre dernier courriel.</p><?cs /if ?>
<?cs /if ?>
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
