<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs def:sort_th(key, label, anchor, current) ?><th scope="col"<?cs if:current == key ?> aria-sort="ascending"<?cs /if ?>><a href="/intranet/evaluations?<?cs var:Filter.query ?>&amp;tri=<?cs var:key ?>#<?cs var:anchor ?>"><?cs var:label ?></a></th><?cs /def ?>
<?cs if:Session.id ?><p class="breadcrumb"><a href="/intranet/sessions/<?cs var:Session.id ?>">Session : <?cs var:Session.course ?>, <?cs var:Session.span ?></a></p><?cs /if ?>
<h1><?cs var:Page.title ?></h1>
<?cs if:Filter.trainer ?><p>Vous voyez les résultats des sessions que vous animez.</p><?cs /if ?>
<form class="filters" action="/intranet/evaluations" method="get">
<?cs if:Filter.session ?><input type="hidden" name="session" value="<?cs var:Filter.session ?>"><?cs /if ?>
<p><label for="formation">Formation</label>
<select id="formation" name="formation"><option value="">Toutes</option>
<?cs each:c = Courses ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.formation ?> selected<?cs /if ?>><?cs var:c.title ?></option><?cs /each ?>
</select></p>
<?cs if:!Filter.trainer ?><p><label for="formateur">Formateur</label>
<select id="formateur" name="formateur"><option value="">Tous</option>
<?cs each:t = Trainers ?><option value="<?cs var:t.id ?>"<?cs if:t.id == Filter.formateur ?> selected<?cs /if ?>><?cs var:t.name ?></option><?cs /each ?>
</select></p><?cs /if ?>
<p><label for="du">Sessions finies à partir du</label><input type="date" id="du" name="du" value="<?cs var:Filter.du ?>"></p>
<p><label for="au">jusqu'au</label><input type="date" id="au" name="au" value="<?cs var:Filter.au ?>"></p>
<?cs if:Filter.tri ?><input type="hidden" name="tri" value="<?cs var:Filter.tri ?>"><?cs /if ?>
<p><button type="submit">Filtrer</button></p>
</form>
<p><a href="/intranet/evaluations.csv?<?cs var:Filter.query ?>">Exporter ces résultats (CSV)</a><?cs if:Filter.session ?> · <a href="/intranet/evaluations">Toutes les sessions</a><?cs /if ?></p>

<h2 id="taux-reponse">Taux de réponse</h2>
<?cs if:subcount(Kinds) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="kinds-titre">
<table class="data" id="kinds">
<caption id="kinds-titre">Questionnaires et réponses par moment d'évaluation</caption>
<thead><tr><th scope="col"<?cs if:!Sort.kinds ?> aria-sort="ascending"<?cs /if ?>><a href="/intranet/evaluations?<?cs var:Filter.query ?>#taux-reponse">Questionnaire</a></th><?cs call:sort_th("questionnaires", "Questionnaires", "taux-reponse", Sort.kinds) ?><?cs call:sort_th("envoyes", "Envoyés", "taux-reponse", Sort.kinds) ?><?cs call:sort_th("reponses", "Réponses", "taux-reponse", Sort.kinds) ?><?cs call:sort_th("taux", "Taux de réponse", "taux-reponse", Sort.kinds) ?><?cs call:sort_th("relances", "Relances envoyées", "taux-reponse", Sort.kinds) ?></tr></thead>
<tbody><?cs each:k = Kinds ?><tr><th scope="row"><?cs var:k.label ?></th><td><?cs var:k.surveys ?></td><td><?cs var:k.sent ?></td><td><?cs var:k.answered ?></td><td><?cs var:k.rate ?></td><td><?cs var:k.reminders ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs else ?><p>Aucun questionnaire pour ces sessions.</p><?cs /if ?>

<?cs if:subcount(Objectives) ?>
<h2 id="objectifs">Évaluation des objectifs, avant et après</h2>
<p>Le niveau que les participants se donnent sur chaque objectif de la fiche, de 1 (je découvre) à 5 (je maîtrise) : dans le questionnaire en amont, puis dans celui à chaud.</p>
<?cs uvar:ObjectivesSvg ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="objectives-titre">
<table class="data" id="objectives">
<caption id="objectives-titre">Niveau moyen auto-évalué par objectif, sur 5</caption>
<thead><tr><th scope="col"<?cs if:!Sort.objectives ?> aria-sort="ascending"<?cs /if ?>><a href="/intranet/evaluations?<?cs var:Filter.query ?>#objectifs">Objectif</a></th><?cs call:sort_th("avant", "Avant (en amont)", "objectifs", Sort.objectives) ?><?cs call:sort_th("repondants_avant", "Répondants avant", "objectifs", Sort.objectives) ?><?cs call:sort_th("apres", "Après (à chaud)", "objectifs", Sort.objectives) ?><?cs call:sort_th("repondants_apres", "Répondants après", "objectifs", Sort.objectives) ?></tr></thead>
<tbody><?cs each:o = Objectives ?><tr><th scope="row">Objectif <?cs var:o.item ?> : <?cs var:o.label ?></th><td><?cs var:o.before ?></td><td><?cs var:o.before_n ?></td><td><?cs var:o.after ?></td><td><?cs var:o.after_n ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>

<?cs if:subcount(Questions) ?>
<h2 id="questions">Réponses par question</h2>
<?cs each:q = Questions ?>
<section class="question-result" aria-labelledby="q<?cs name:q ?>-h">
<h3 id="q<?cs name:q ?>-h"><span class="tag tag-info"><?cs var:q.kind_label ?></span> <?cs var:q.wording ?><?cs if:q.item_label ?> — <?cs var:q.item_label ?><?cs /if ?></h3>
<p><?cs var:q.total ?> réponse(s)<?cs if:q.mean ?> · moyenne <strong><?cs var:q.mean ?></strong> sur 5<?cs /if ?></p>
<?cs uvar:q.svg ?>
<details><summary>Les chiffres en tableau</summary>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="q<?cs name:q ?>-c">
<table class="data"><caption id="q<?cs name:q ?>-c">Réponses à « <?cs var:q.wording ?> »<?cs if:q.item_label ?> (<?cs var:q.item_label ?>)<?cs /if ?></caption>
<thead><tr><th scope="col">Réponse</th><th scope="col">Nombre</th><th scope="col">Part</th></tr></thead>
<tbody><?cs each:r = q.rows ?><tr><th scope="row"><?cs var:r.label ?></th><td><?cs var:r.count ?></td><td><?cs var:r.pct ?></td></tr><?cs /each ?></tbody>
</table></div></details>
</section>
<?cs /each ?>
<?cs /if ?>

<?cs if:subcount(Texts) ?>
<h2 id="commentaires">Commentaires</h2>
<?cs if:TextsTruncated ?><p>Les plus récents seulement : l'export CSV les a tous.</p><?cs /if ?>
<ul class="comments">
<?cs each:t = Texts ?><li><p><?cs var:t.text ?></p><p class="meta"><?cs var:t.kind_label ?> · <?cs var:t.wording ?><?cs if:t.score ?> (note <?cs var:t.score ?>)<?cs /if ?> · <a href="/intranet/evaluations?session=<?cs var:t.session_id ?>">session finie le <?cs var:t.last_day ?></a></p></li>
<?cs /each ?></ul>
<?cs /if ?>
<?cs call:layout_end() ?>
