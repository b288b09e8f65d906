<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<?cs def:sort_th(key, label) ?><th scope="col"<?cs if:Filter.tri == key ?> aria-sort="ascending"<?cs /if ?>><a href="/intranet/qualite?du=<?cs var:Filter.du ?>&amp;au=<?cs var:Filter.au ?>&amp;tri=<?cs var:key ?>#formations"><?cs var:label ?></a></th><?cs /def ?>
<h1>Indicateurs qualité (Qualiopi)</h1>
<p>Les évaluations des sessions finies du <?cs var:Filter.from_words ?> au <?cs var:Filter.to_words ?> : taux de satisfaction (réponses 4 ou 5 sur 5 à la question globale du questionnaire à chaud, publié à partir de <?cs var:MinRespondents ?> réponses), taux de réponse de chaque questionnaire, relances envoyées.</p>
<form class="filters" action="/intranet/qualite" method="get">
<p><label for="du">Sessions finies à partir du</label><input type="date" id="du" name="du" value="<?cs var:Filter.du ?>"></p>
<p><label for="au">jusqu'au</label><input type="date" id="au" name="au" value="<?cs var:Filter.au ?>"></p>
<?cs if:Filter.tri ?><input type="hidden" name="tri" value="<?cs var:Filter.tri ?>"><?cs /if ?>
<p><button type="submit">Afficher</button></p>
</form>
<p><a href="/intranet/qualite.csv?du=<?cs var:Filter.du ?>&amp;au=<?cs var:Filter.au ?>">Exporter ces indicateurs (CSV)</a> · <a href="/intranet/evaluations?du=<?cs var:Filter.du ?>&amp;au=<?cs var:Filter.au ?>">Résultats détaillés</a></p>

<h2 id="formations">Par formation</h2>
<?cs if:subcount(Courses) ?>
<p><strong id="few"><?cs var:Few ?></strong> formation(s) sans assez de réponses pour publier un taux.</p>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="courses-titre">
<table class="data" id="quality">
<caption id="courses-titre">Formations ayant une session finie dans la période</caption>
<thead><tr><th scope="col"<?cs if:!Filter.tri ?> aria-sort="ascending"<?cs /if ?>><a href="/intranet/qualite?du=<?cs var:Filter.du ?>&amp;au=<?cs var:Filter.au ?>#formations">Formation</a></th><?cs call:sort_th("sessions", "Sessions") ?><?cs call:sort_th("taux", "Taux de satisfaction") ?><?cs call:sort_th("repondants", "Réponses à chaud / participants") ?><?cs call:sort_th("amont", "En amont") ?><?cs call:sort_th("chaud", "À chaud") ?><?cs call:sort_th("froid", "À froid") ?><?cs call:sort_th("responsables", "Responsables") ?><?cs call:sort_th("relances", "Relances") ?></tr></thead>
<tbody><?cs each:c = Courses ?><tr id="course-<?cs var:c.id ?>"><th scope="row"><a href="/intranet/evaluations?formation=<?cs var:c.id ?>&amp;du=<?cs var:Filter.du ?>&amp;au=<?cs var:Filter.au ?>"><?cs var:c.title ?></a></th>
<td><?cs var:c.sessions ?></td><td><?cs if:c.published ?><?cs var:c.rate ?><?cs else ?><span class="tag tag-late">pas assez de réponses</span><?cs /if ?></td>
<td><?cs var:c.respondents ?> / <?cs var:c.participants ?></td><td><?cs var:c.amont ?></td><td><?cs var:c.chaud ?></td><td><?cs var:c.froid ?></td><td><?cs var:c.froid_manager ?></td><td><?cs var:c.reminders ?></td></tr>
<?cs /each ?></tbody>
</table></div>
<?cs else ?><p>Aucune session finie dans la période.</p><?cs /if ?>

<h2 id="jamais-envoyes">Sessions dont les questionnaires n'ont jamais été envoyés</h2>
<?cs if:subcount(Unsent) ?>
<ul id="unsent"><?cs each:u = Unsent ?><li><a href="/intranet/sessions/<?cs var:u.id ?>"><?cs var:u.course ?>, <?cs var:u.span ?></a> (<?cs var:u.participants ?> participant(s))</li><?cs /each ?></ul>
<?cs else ?><p>Aucune : chaque session finie de la période a eu ses questionnaires.</p><?cs /if ?>
<?cs call:layout_end() ?>
