<?cs include:"layout.cs" ?><?cs include:"intranet/resource_fields.cs" ?><?cs call:layout_begin() ?>
<h1>Lieux de formation</h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:subcount(Errors) ?><p class="error-box" role="alert">Le lieu n'a pas été créé : corrigez les champs signalés ci-dessous.</p><?cs /if ?>

<?cs if:subcount(Places) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="lieux-titre">
<table class="data" id="lieux">
<caption id="lieux-titre">Lieux et salles de classe virtuelles</caption>
<thead><tr><th scope="col">Nom</th><th scope="col">Ville</th><th scope="col">Capacité</th><th scope="col">Salles</th><th scope="col">À distance</th></tr></thead>
<tbody>
<?cs each:p = Places ?>
<tr><th scope="row"><a href="/intranet/lieux/<?cs var:p.id ?>"><?cs var:p.name ?></a></th>
<td><?cs var:p.city ?></td>
<td><?cs var:p.capacity ?> places</td>
<td><?cs var:p.rooms ?></td>
<td><?cs if:p.remote ?>Oui (classe virtuelle)<?cs else ?>Non<?cs /if ?></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs else ?>
<p>Aucun lieu pour l'instant.</p>
<?cs /if ?>

<h2 id="nouveau">Nouveau lieu</h2>
<form method="post" action="/intranet/lieux" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs call:place_fields() ?>
<p><button type="submit">Créer le lieu</button></p>
</form>
<?cs call:layout_end() ?>
