<?cs include:"layout.cs" ?><?cs include:"intranet/resource_fields.cs" ?><?cs call:layout_begin() ?>
<h1>Formateurs</h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:subcount(Errors) ?><p class="error-box" role="alert">Le formateur n'a pas été créé : corrigez les champs signalés ci-dessous.</p><?cs /if ?>

<?cs if:subcount(Trainers) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="formateurs-titre">
<table class="data" id="formateurs">
<caption id="formateurs-titre">Formateurs internes et externes</caption>
<thead><tr><th scope="col">Nom</th><th scope="col">Type</th><th scope="col">Organisme</th><th scope="col">Adresse électronique</th><th scope="col">État</th><th scope="col">Formations</th></tr></thead>
<tbody>
<?cs each:t = Trainers ?>
<tr<?cs if:!t.active ?> class="inactive"<?cs /if ?>><th scope="row"><a href="/intranet/formateurs/<?cs var:t.id ?>"><?cs var:t.name ?></a></th>
<td><?cs var:t.kind ?></td>
<td><?cs var:t.organisation ?></td>
<td><?cs var:t.email ?></td>
<td><?cs if:t.active ?>Actif<?cs else ?>Inactif<?cs /if ?></td>
<td><?cs var:t.courses ?></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs else ?>
<p>Aucun formateur pour l'instant.</p>
<?cs /if ?>

<h2 id="nouveau">Nouveau formateur</h2>
<form method="post" action="/intranet/formateurs" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs call:trainer_fields("Organisme (facultatif, pour un formateur externe)", "Le compte au rôle formateur avec lequel cette personne se connecte : elle verra ses propres créneaux.") ?>
<p><button type="submit">Créer le formateur</button></p>
</form>
<?cs call:layout_end() ?>
