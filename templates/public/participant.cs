<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs with:r = Registration ?>
<p class="meta">Votre page personnelle · <?cs var:r.name ?></p>
<h1><?cs var:r.course ?></h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<p><span class="tag tag-<?cs var:r.status ?>"><?cs var:r.status_label ?><?cs if:r.status == "attente" ?>, rang <?cs var:r.rank ?><?cs /if ?></span>
<?cs if:r.status == "attente" ?> La session est complète : si une place se libère, vous recevez aussitôt votre convocation.<?cs elif:r.status == "confirmee" && r.session_status != "confirmee" ?> La session n'est pas encore confirmée : votre convocation partira dès qu'elle le sera.<?cs /if ?></p>
<?cs if:r.active ?><p><a class="button" href="/participant/<?cs var:r.token ?>/agenda.ics">Ajouter les dates à mon agenda (.ics)</a></p><?cs /if ?>

<?cs if:subcount(OpenHalfDays) ?><section id="signer" aria-labelledby="signer-titre">
<h2 id="signer-titre">Signer ma présence</h2>
<?cs if:Errors.sign ?><p class="error-box" role="alert"><a href="#code-signature"><?cs var:Errors.sign ?></a></p><?cs /if ?>
<form method="post" action="/participant/<?cs var:r.token ?>/emargement" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs if:subcount(OpenHalfDays) == 1 ?><input type="hidden" name="demi" value="<?cs var:OpenHalfDays.0.id ?>"><p><?cs var:OpenHalfDays.0.label ?></p>
<?cs else ?><p><label for="demi">Demi-journée</label><select id="demi" name="demi"><?cs each:o = OpenHalfDays ?><option value="<?cs var:o.id ?>"<?cs if:o.id == Sign.demi ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?></select></p><?cs /if ?>
<p><label for="code-signature">Code affiché dans la salle (6 chiffres)</label>
<input id="code-signature" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" value="<?cs var:Sign.code ?>"<?cs if:Errors.sign ?> aria-invalid="true"<?cs /if ?>></p>
<p><button type="submit">Signer</button></p>
</form></section>
<?cs elif:Signed ?><p><span class="tag tag-confirmee">Présence signée</span> pour la demi-journée en cours.</p><?cs /if ?>

<?cs if:subcount(Surveys) ?><section id="questionnaires" aria-labelledby="questionnaires-titre">
<h2 id="questionnaires-titre">Vos questionnaires</h2>
<ul class="plain">
<?cs each:q = Surveys ?><li><?cs if:q.now ?><a class="button" href="/questionnaire/<?cs var:q.token ?>">Donner mon avis sur la formation</a><?cs else ?><a href="/questionnaire/<?cs var:q.token ?>"><?cs var:q.title ?></a><?cs /if ?>
<?cs if:q.answered ?> <span class="tag tag-confirmee">Répondu</span><?cs if:q.open ?> vous pouvez modifier vos réponses jusqu'au <?cs var:q.last_day ?><?cs /if ?><?cs elif:q.open ?> <span class="tag tag-attente">À remplir</span> jusqu'au <?cs var:q.last_day ?><?cs else ?> <span class="tag tag-annulee">Clos</span><?cs /if ?></li>
<?cs /each ?></ul></section><?cs /if ?>

<?cs if:Certificate.code ?><section id="attestation" aria-labelledby="attestation-titre">
<h2 id="attestation-titre">Votre attestation de fin de formation</h2>
<p>Émise le <?cs var:Certificate.issued ?> · durée suivie : <?cs var:Certificate.attended ?> sur <?cs var:Certificate.planned ?>.</p>
<p><a class="button" href="/participant/<?cs var:r.token ?>/attestation.pdf">Télécharger mon attestation (PDF)</a></p>
<p class="meta">Code de vérification : <?cs var:Certificate.code ?> — quiconque peut vérifier son authenticité sur <a href="/attestations/<?cs var:Certificate.code ?>">la page de vérification</a>.</p>
</section><?cs /if ?>

<h2>Dates et horaires</h2>
<?cs if:subcount(Slots) ?><ul class="slots">
<?cs each:t = Slots ?><li><strong><?cs var:t.day_long ?></strong>, <?cs var:t.times ?> <span class="meta">(<?cs var:t.part ?>, heure de Paris)</span>
<?cs if:t.module || t.day_label ?><br><?cs var:t.module ?><?cs if:t.module && t.day_label ?> · <?cs /if ?><?cs var:t.day_label ?><?cs /if ?>
<?cs if:t.remote ?><br>À distance (classe virtuelle)<?cs elif:t.room ?><br>Salle : <?cs var:t.room ?><?cs /if ?>
<?cs if:t.trainers ?><br>Formateur(s) : <?cs var:t.trainers ?><?cs /if ?></li>
<?cs /each ?></ul><?cs else ?><p>Les dates seront précisées prochainement.</p><?cs /if ?>

<h2>Lieu</h2>
<?cs if:r.place ?><p><strong><?cs var:r.place ?></strong><?cs if:r.address ?><br><?cs var:r.address ?><?cs /if ?><?cs if:r.city ?><br><?cs var:r.city ?><?cs /if ?></p>
<?cs if:r.access ?><p class="prewrap">Accès : <?cs var:r.access ?></p><?cs /if ?>
<?cs if:r.accessibility ?><p class="prewrap">Accessibilité : <?cs var:r.accessibility ?></p><?cs /if ?>
<?cs else ?><p>Le lieu vous sera précisé avant la formation.</p><?cs /if ?>

<h2>Programme</h2>
<p>Le programme complet, les objectifs et les modalités sont sur <a href="/formations/<?cs var:r.course_slug ?>">la fiche de la formation</a>.</p>
<?cs if:r.prerequisites ?><p class="prewrap">Prérequis : <?cs var:r.prerequisites ?></p><?cs /if ?>

<h2 id="besoin">Un besoin lié à un handicap ?</h2>
<?cs if:r.adaptation ?><p>Ce qui est prévu pour vous : <?cs var:r.adaptation ?></p><?cs /if ?>
<p>Dites-nous ce qui vous aiderait à suivre la formation (accès, supports, rythme, matériel…). Seul le référent handicap de l'EGOC (et l'administration) lit votre message ; il vous répond avant la formation. Contact : <?cs var:r.contact ?>.</p>
<?cs if:Errors.need ?><p class="error-box" role="alert"><a href="#besoin-texte"><?cs var:Errors.need ?></a></p><?cs /if ?>
<form method="post" action="/participant/<?cs var:r.token ?>/besoin" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="besoin-texte">Votre besoin</label>
<textarea id="besoin-texte" name="besoin" rows="4" maxlength="2000"<?cs if:Errors.need ?> aria-invalid="true"<?cs /if ?>><?cs var:Form.need ?></textarea></p>
<p><button type="submit" class="secondary">Envoyer au référent handicap</button></p>
</form>

<?cs if:r.active ?>
<h2 id="annuler">Je ne pourrai pas venir</h2>
<?cs if:Errors.cancel ?><p class="error-box" role="alert"><a href="#raison"><?cs var:Errors.cancel ?></a></p><?cs /if ?>
<p>Prévenez-nous : votre place est libérée pour la première personne de la liste d'attente, et votre agenda retire les dates.</p>
<form method="post" action="/participant/<?cs var:r.token ?>/annulation" class="stacked warning">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="raison">Motif (facultatif)</label>
<textarea id="raison" name="raison" rows="2" maxlength="1000"><?cs var:Form.reason ?></textarea></p>
<p><button type="submit" class="danger">Annuler ma participation</button></p>
</form>
<?cs /if ?>
<?cs /with ?>
<?cs call:layout_end() ?>
