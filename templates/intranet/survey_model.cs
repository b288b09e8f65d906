<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs with:m = Model ?>
<p class="breadcrumb"><a href="/intranet/questionnaires">Questionnaires d'évaluation</a></p>
<h1><?cs var:m.title ?></h1>
<p class="meta"><?cs var:m.kind_label ?> · <?cs if:m.course ?><?cs var:m.course ?><?cs else ?>par défaut (toutes les formations sans questionnaire propre)<?cs /if ?> · version <?cs var:m.version ?> · <?cs var:m.answer_sets ?> réponse(s) à cette version</p>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.summary ?><div class="error-box error-summary" role="alert" id="erreurs"><h2><?cs var:Errors.summary ?></h2>
<?cs if:Errors.model ?><p><?cs var:Errors.model ?></p><?cs /if ?>
<ul><?cs if:Errors.title ?><li><a href="#f-titre">Titre : <?cs var:Errors.title ?></a></li><?cs /if ?><?cs if:Errors.intro ?><li><a href="#f-introduction">Introduction : <?cs var:Errors.intro ?></a></li><?cs /if ?>
<?cs each:q = Questions ?><?cs if:q.error ?><li><a href="#f-q<?cs name:q ?>_wording">Question <?cs var:q.n ?> : <?cs var:q.error ?></a></li><?cs /if ?><?cs /each ?></ul></div><?cs /if ?>
<?cs if:m.answer_sets > 0 ?><p class="help">Ce questionnaire a déjà des réponses : en enregistrant, vous créez la version <?cs var:#m.version + 1 ?>. Une question qui a des réponses ne peut pas être retirée (vous pouvez la reformuler ou la rendre facultative).</p><?cs /if ?>
<form method="post" action="/intranet/questionnaires/<?cs var:m.id ?>" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="version" value="<?cs var:m.version ?>">
<input type="hidden" name="nombre" value="<?cs var:m.count ?>">
<p><button type="submit">Enregistrer le questionnaire</button></p>
<p><label for="f-titre">Titre</label><input id="f-titre" name="titre" maxlength="200" value="<?cs var:m.title ?>"<?cs if:Errors.title ?> aria-invalid="true"<?cs /if ?>></p>
<p><label for="f-introduction">Introduction (lue au-dessus des questions)</label><textarea id="f-introduction" name="introduction" rows="3" maxlength="2000"><?cs var:m.intro ?></textarea></p>
<?cs each:q = Questions ?><?cs set:p = "q" + name(q) + "_" ?>
<fieldset class="question-edit<?cs if:q.error ?> has-error<?cs /if ?>"><legend><?cs if:q.code ?>Question <?cs var:q.n ?><?cs if:q.answers > 0 ?> <span class="meta">(<?cs var:q.answers ?> réponses)</span><?cs /if ?><?cs else ?>Nouvelle question (facultatif)<?cs /if ?></legend>
<?cs if:q.error ?><p class="field-error" id="e-<?cs var:p ?>"><?cs var:q.error ?></p><?cs /if ?>
<input type="hidden" name="<?cs var:p ?>code" value="<?cs var:q.code ?>"><input type="hidden" name="<?cs var:p ?>answers" value="<?cs var:q.answers ?>"><input type="hidden" name="<?cs var:p ?>max" value="<?cs var:q.max ?>">
<p><label for="f-<?cs var:p ?>wording">Question posée</label><input id="f-<?cs var:p ?>wording" name="<?cs var:p ?>wording" maxlength="500" value="<?cs var:q.wording ?>"<?cs if:q.error ?> aria-invalid="true" aria-describedby="e-<?cs var:p ?>"<?cs /if ?>></p>
<p><label for="f-<?cs var:p ?>type">Type de réponse</label><select id="f-<?cs var:p ?>type" name="<?cs var:p ?>type"><?cs each:t = Types ?><option value="<?cs var:t.name ?>"<?cs if:t.name == q.type ?> selected<?cs /if ?>><?cs var:t.label ?></option><?cs /each ?></select></p>
<p><label for="f-<?cs var:p ?>hint">Aide (facultatif)</label><input id="f-<?cs var:p ?>hint" name="<?cs var:p ?>hint" maxlength="500" value="<?cs var:q.hint ?>"></p>
<p><label for="f-<?cs var:p ?>label_1">Échelle : libellé de 1</label><input id="f-<?cs var:p ?>label_1" name="<?cs var:p ?>label_1" maxlength="80" value="<?cs var:q.label_1 ?>"></p>
<p><label for="f-<?cs var:p ?>label_5">Échelle : libellé de 5</label><input id="f-<?cs var:p ?>label_5" name="<?cs var:p ?>label_5" maxlength="80" value="<?cs var:q.label_5 ?>"></p>
<p><label for="f-<?cs var:p ?>options">Choix : les réponses proposées, une par ligne</label><textarea id="f-<?cs var:p ?>options" name="<?cs var:p ?>options" rows="3" maxlength="2000"><?cs var:q.options ?></textarea></p>
<div class="inline-choices">
<p><input type="checkbox" id="f-<?cs var:p ?>required" name="<?cs var:p ?>required" value="1"<?cs if:q.required ?> checked<?cs /if ?>> <label for="f-<?cs var:p ?>required">Réponse obligatoire</label></p>
<?cs if:m.kind == "chaud" ?><p><input type="checkbox" id="f-<?cs var:p ?>global" name="<?cs var:p ?>global" value="1"<?cs if:q.global ?> checked<?cs /if ?>> <label for="f-<?cs var:p ?>global">Satisfaction globale (donne le taux de la fiche ; une seule)</label></p><?cs /if ?>
<p><input type="checkbox" id="f-<?cs var:p ?>per_objective" name="<?cs var:p ?>per_objective" value="1"<?cs if:q.per_objective ?> checked<?cs /if ?>> <label for="f-<?cs var:p ?>per_objective">Posée pour chaque objectif de la fiche</label></p>
<p><input type="checkbox" id="f-<?cs var:p ?>comment_low" name="<?cs var:p ?>comment_low" value="1"<?cs if:q.comment_low ?> checked<?cs /if ?>> <label for="f-<?cs var:p ?>comment_low">Commentaire demandé pour une note de 3 ou moins</label></p>
<?cs if:q.code ?><p><input type="checkbox" id="f-<?cs var:p ?>retirer" name="<?cs var:p ?>retirer" value="1"<?cs if:q.removed ?> checked<?cs /if ?>> <label for="f-<?cs var:p ?>retirer">Retirer cette question</label></p><?cs /if ?>
</div>
</fieldset>
<?cs /each ?>
<p><button type="submit">Enregistrer le questionnaire</button></p>
</form>
<?cs /with ?><?cs call:layout_end() ?>
