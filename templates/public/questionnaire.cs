<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs with:s = Survey ?>
<p class="meta"><?cs var:s.kind_label ?> · <?cs var:s.course ?><?cs if:s.span ?> (<?cs var:s.span ?>)<?cs /if ?></p>
<h1><?cs var:s.title ?></h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Message ?><p class="error-box" role="alert"><?cs var:Message ?></p><?cs /if ?>
<?cs if:s.state == "clos" ?>
<p>Ce questionnaire est clos depuis le lendemain du <?cs var:s.last_day ?> : il ne prend plus de réponses.<?cs if:s.answered ?> Vos réponses du <?cs var:s.answered ?> sont enregistrées : merci.<?cs /if ?></p>
<?cs elif:s.state == "pas_encore" ?>
<p>Ce questionnaire s'ouvre le <?cs var:s.opens ?>. Revenez à partir de cette date : le lien restera le même.</p>
<?cs else ?>
<?cs if:s.intro ?><p class="prewrap"><?cs var:s.intro ?></p><?cs /if ?>
<p class="help">Les questions marquées « obligatoire » attendent une réponse. <?cs if:s.answered ?>Vous avez répondu le <?cs var:s.answered ?> ; vous pouvez modifier vos réponses jusqu'au <?cs var:s.last_day ?> inclus.<?cs else ?>Vous pouvez répondre jusqu'au <?cs var:s.last_day ?> inclus, puis modifier vos réponses jusqu'à cette date.<?cs /if ?></p>
<?cs if:ErrorCount ?><div class="error-box error-summary" role="alert" tabindex="-1" id="erreurs">
<h2>Il y a <?cs if:ErrorCount == 1 ?>une réponse à revoir<?cs else ?><?cs var:ErrorCount ?> réponses à revoir<?cs /if ?></h2>
<ul><?cs each:e = ErrorList ?><li><a href="<?cs var:e.href ?>"><?cs var:e.message ?></a></li><?cs /each ?></ul>
</div><?cs /if ?>
<form method="post" action="/questionnaire/<?cs var:s.token ?>" class="stacked questionnaire" novalidate>
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="revision" value="<?cs var:s.revision ?>">
<?cs each:q = Items ?>
<?cs if:q.type == "texte" ?><div class="question<?cs if:q.error ?> has-error<?cs /if ?>">
<p><label for="f-<?cs var:q.name ?>"><?cs var:q.legend ?><?cs if:q.required ?> <span class="req">(obligatoire)</span><?cs /if ?></label>
<?cs if:q.hint ?><span class="help" id="h-<?cs var:q.name ?>"><?cs var:q.hint ?></span><?cs /if ?>
<?cs if:q.error ?><span class="field-error" id="e-<?cs var:q.name ?>"><?cs var:q.error ?></span><?cs /if ?>
<textarea id="f-<?cs var:q.name ?>" name="<?cs var:q.name ?>" rows="4"<?cs if:q.described ?> aria-describedby="<?cs var:q.described ?>"<?cs /if ?><?cs if:q.error ?> aria-invalid="true"<?cs /if ?>><?cs var:q.value ?></textarea></p>
</div>
<?cs else ?><fieldset class="question<?cs if:q.type == "echelle" ?> scale<?cs else ?> inline-choices<?cs /if ?><?cs if:q.error ?> has-error<?cs /if ?>"<?cs if:q.described ?> aria-describedby="<?cs var:q.described ?>"<?cs /if ?>>
<legend><?cs var:q.legend ?><?cs if:q.required ?> <span class="req">(obligatoire)</span><?cs /if ?></legend>
<?cs if:q.hint ?><p class="help" id="h-<?cs var:q.name ?>"><?cs var:q.hint ?></p><?cs /if ?>
<?cs if:q.error ?><p class="field-error" id="e-<?cs var:q.name ?>"><?cs var:q.error ?></p><?cs /if ?>
<?cs if:q.type == "echelle" ?><p class="scale-ends meta">1 : <?cs var:q.label_1 ?> · 5 : <?cs var:q.label_5 ?></p>
<?cs loop:n = 1, 5, 1 ?><span class="choice"><input type="radio" id="f-<?cs var:q.name ?>-<?cs var:n ?>" name="<?cs var:q.name ?>" value="<?cs var:n ?>"<?cs if:q.value == n ?> checked<?cs /if ?>><label for="f-<?cs var:q.name ?>-<?cs var:n ?>"><?cs var:n ?><?cs if:n == 1 ?> <span class="visually-hidden">(<?cs var:q.label_1 ?>)</span><?cs elif:n == 5 ?> <span class="visually-hidden">(<?cs var:q.label_5 ?>)</span><?cs /if ?></label></span>
<?cs /loop ?>
<?cs elif:q.type == "oui_non" ?><span class="choice"><input type="radio" id="f-<?cs var:q.name ?>-oui" name="<?cs var:q.name ?>" value="oui"<?cs if:q.value == "oui" ?> checked<?cs /if ?>><label for="f-<?cs var:q.name ?>-oui">Oui</label></span>
<span class="choice"><input type="radio" id="f-<?cs var:q.name ?>-non" name="<?cs var:q.name ?>" value="non"<?cs if:q.value == "non" ?> checked<?cs /if ?>><label for="f-<?cs var:q.name ?>-non">Non</label></span>
<?cs else ?><?cs each:o = q.Options ?><span class="choice block"><input type="radio" id="f-<?cs var:q.name ?>-<?cs name:o ?>" name="<?cs var:q.name ?>" value="<?cs var:o.label ?>"<?cs if:q.value == o.label ?> checked<?cs /if ?>><label for="f-<?cs var:q.name ?>-<?cs name:o ?>"><?cs var:o.label ?></label></span>
<?cs /each ?><?cs /if ?>
<?cs if:q.comment_low ?><p><label for="f-<?cs var:q.comment_name ?>">Votre commentaire <span class="meta">(demandé pour une note de 3 ou moins)</span></label>
<?cs if:q.comment_error ?><span class="field-error" id="e-<?cs var:q.comment_name ?>"><?cs var:q.comment_error ?></span><?cs /if ?>
<textarea id="f-<?cs var:q.comment_name ?>" name="<?cs var:q.comment_name ?>" rows="2"<?cs if:q.comment_error ?> aria-invalid="true" aria-describedby="e-<?cs var:q.comment_name ?>"<?cs /if ?>><?cs var:q.comment ?></textarea></p><?cs /if ?>
</fieldset><?cs /if ?>
<?cs /each ?>
<p><button type="submit"><?cs if:s.answered ?>Enregistrer mes nouvelles réponses<?cs else ?>Envoyer mes réponses<?cs /if ?></button></p>
</form>
<?cs /if ?>
<?cs if:s.participant_token ?><p><a href="/participant/<?cs var:s.participant_token ?>">Retour à ma page de formation</a></p><?cs /if ?>
<?cs /with ?><?cs call:layout_end() ?>
