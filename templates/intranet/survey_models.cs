<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Questionnaires d'évaluation</h1>
<p>Les questionnaires envoyés aux participants (en amont, à chaud, à froid) et aux responsables (à froid, J+90). Une formation utilise son propre questionnaire d'un type s'il existe, sinon celui par défaut. Un questionnaire qui a reçu des réponses n'est jamais modifié sous elles : vos changements forment une nouvelle version.</p>
<?cs if:Errors.create ?><p class="error-box" role="alert"><a href="#f-type"><?cs var:Errors.create ?></a></p><?cs /if ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="modeles-titre">
<table class="data" id="modeles">
<caption id="modeles-titre">Questionnaires</caption>
<thead><tr><th scope="col">Questionnaire</th><th scope="col">Type</th><th scope="col">Formation</th><th scope="col">Version</th><th scope="col">Questions</th><th scope="col">Réponses (version actuelle)</th><th scope="col">Modifié</th></tr></thead>
<tbody>
<?cs each:m = Models ?>
<tr><th scope="row"><a href="/intranet/questionnaires/<?cs var:m.id ?>"><?cs var:m.title ?></a></th>
<td><span class="tag tag-<?cs var:m.kind ?>"><?cs var:m.kind_label ?></span></td>
<td><?cs if:m.course ?><?cs var:m.course ?><?cs else ?>Par défaut (toutes les formations)<?cs /if ?></td>
<td><?cs var:m.version ?></td><td><?cs var:m.questions ?></td><td><?cs var:m.answer_sets ?></td>
<td><?cs var:m.updated ?><?cs if:m.updated_by ?> <span class="meta">par <?cs var:m.updated_by ?></span><?cs /if ?></td></tr>
<?cs /each ?>
</tbody></table></div>
<h2 id="nouveau">Un questionnaire propre à une formation</h2>
<p>Il part d'une copie du questionnaire par défaut de son type.</p>
<form method="post" action="/intranet/questionnaires" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="f-type">Type</label>
<select id="f-type" name="type"><?cs each:k = Kinds ?><option value="<?cs var:k.name ?>"<?cs if:k.name == Form.kind ?> selected<?cs /if ?>><?cs var:k.label ?></option><?cs /each ?></select></p>
<p><label for="f-formation">Formation</label>
<select id="f-formation" name="formation"><?cs each:c = Courses ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Form.course ?> selected<?cs /if ?>><?cs var:c.title ?></option><?cs /each ?></select></p>
<p><button type="submit">Créer le questionnaire de la formation</button></p>
</form>
<?cs call:layout_end() ?>
