<?cs include:"layout.cs" ?><?cs include:"intranet/resource_fields.cs" ?><?cs call:layout_begin() ?>
<p><a href="/intranet/lieux">Tous les lieux</a></p>
<h1><?cs var:Place.name ?></h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.change ?><p class="error-box" role="alert"><?cs var:Errors.change ?></p><?cs /if ?>
<?cs if:Errors.name || Errors.address || Errors.city || Errors.access || Errors.capacity || Errors.accessibility ?><p class="error-box" role="alert">Le lieu n'a pas été modifié : corrigez les champs signalés ci-dessous.</p><?cs /if ?>
<?cs if:Errors.room_name || Errors.room_capacity || Errors.room_accessibility ?><p class="error-box" role="alert">La salle n'a pas été ajoutée : corrigez les champs signalés dans « Ajouter une salle ».</p><?cs /if ?>

<h2 id="salles">Salles</h2>
<?cs if:subcount(Rooms) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="salles-titre">
<table class="data">
<caption id="salles-titre">Salles de ce lieu (capacité du lieu : <?cs var:Place.capacity ?> places)</caption>
<thead><tr><th scope="col">Salle</th><th scope="col">Capacité</th><th scope="col">Accessibilité</th><th scope="col">Créneaux</th></tr></thead>
<tbody>
<?cs each:r = Rooms ?>
<tr><th scope="row"><?cs var:r.name ?></th>
<td><?cs var:r.capacity ?> places</td>
<td class="prewrap"><?cs var:r.accessibility ?></td>
<td><?cs if:r.slots ?><?cs var:r.slots ?><?cs else ?>Aucun<?cs /if ?></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs each:r = Rooms ?>
<details<?cs if:r.open ?> open<?cs /if ?> id="salle-<?cs var:r.id ?>">
<summary>Modifier ou supprimer la salle « <?cs var:r.name ?> »</summary>
<?cs if:r.open ?><p class="error-box" role="alert">La salle n'a pas été modifiée : corrigez les champs signalés ci-dessous.</p><?cs /if ?>
<form method="post" action="/intranet/lieux/<?cs var:Place.id ?>" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="salle_modifier">
<input type="hidden" name="salle" value="<?cs var:r.id ?>">
<?cs call:input("salle-" + r.id + "-nom", "nom", "Nom de la salle", r.form_name, r.err_name, "200", "", "1") ?>
<?cs call:number("salle-" + r.id + "-capacite", "capacite", "Capacité (nombre de places)", r.form_capacity, r.err_capacity) ?>
<?cs call:area("salle-" + r.id + "-accessibilite", "accessibilite", "Accessibilité (facultatif)", r.form_accessibility, r.err_accessibility) ?>
<p><button type="submit">Enregistrer la salle</button></p>
</form>
<?cs if:r.slots ?><p class="help">Cette salle a des créneaux : elle ne peut pas être supprimée tant qu'ils l'utilisent.</p>
<?cs else ?><form method="post" action="/intranet/lieux/<?cs var:Place.id ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="salle_supprimer">
<input type="hidden" name="salle" value="<?cs var:r.id ?>">
<button type="submit" class="secondary">Supprimer la salle<span class="visually-hidden"> « <?cs var:r.name ?> »</span></button>
</form><?cs /if ?>
</details>
<?cs /each ?>
<?cs else ?>
<p>Aucune salle pour l'instant.</p>
<?cs /if ?>

<h2 id="ajouter-salle">Ajouter une salle</h2>
<form method="post" action="/intranet/lieux/<?cs var:Place.id ?>" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="salle_ajouter">
<?cs call:input("salle-nom", "nom", "Nom de la salle", NewRoom.name, Errors.room_name, "200", "", "1") ?>
<?cs call:number("salle-capacite", "capacite", "Capacité (nombre de places, au plus celle du lieu)", NewRoom.capacity, Errors.room_capacity) ?>
<?cs call:area("salle-accessibilite", "accessibilite", "Accessibilité (facultatif)", NewRoom.accessibility, Errors.room_accessibility) ?>
<p><button type="submit">Ajouter la salle</button></p>
</form>

<h2 id="lieu">Modifier le lieu</h2>
<form method="post" action="/intranet/lieux/<?cs var:Place.id ?>" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="modifier">
<?cs call:place_fields() ?>
<p><button type="submit">Enregistrer le lieu</button></p>
</form>
<?cs call:layout_end() ?>
