<?cs include:"layout.cs" ?><?cs def:input(id, name, label, value, error, max, required) ?>
<p><label for="<?cs var:id ?>"><?cs var:label ?></label>
<input id="<?cs var:id ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" value="<?cs var:value ?>"<?cs if:required ?> required<?cs /if ?><?cs if:error ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-erreur"<?cs /if ?>>
<?cs if:error ?><span class="field-error" id="<?cs var:id ?>-erreur"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs def:area(id, name, label, value, error) ?>
<p><label for="<?cs var:id ?>"><?cs var:label ?></label>
<textarea id="<?cs var:id ?>" name="<?cs var:name ?>" rows="3" maxlength="2000"<?cs if:error ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-erreur"<?cs /if ?>><?cs var:value ?></textarea>
<?cs if:error ?><span class="field-error" id="<?cs var:id ?>-erreur"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs call:layout_begin() ?>
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
<?cs call:input("nom", "nom", "Nom du lieu", Form.name, Errors.name, "200", "1") ?>
<?cs call:input("adresse", "adresse", "Adresse (facultatif)", Form.address, Errors.address, "500", "") ?>
<?cs call:input("ville", "ville", "Ville (facultatif)", Form.city, Errors.city, "120", "") ?>
<?cs call:area("acces", "acces", "Accès : transports, stationnement (facultatif)", Form.access, Errors.access) ?>
<p><label for="capacite">Capacité (nombre de places, de 1 à 1 000)</label>
<input id="capacite" name="capacite" inputmode="numeric" maxlength="6" required value="<?cs var:Form.capacity ?>"<?cs if:Errors.capacity ?> aria-invalid="true" aria-describedby="capacite-erreur"<?cs /if ?>>
<?cs if:Errors.capacity ?><span class="field-error" id="capacite-erreur"><?cs var:Errors.capacity ?></span><?cs /if ?></p>
<?cs call:area("accessibilite", "accessibilite", "Accessibilité aux personnes handicapées (facultatif)", Form.accessibility, Errors.accessibility) ?>
<p><input type="checkbox" id="distanciel" name="distanciel" value="oui"<?cs if:Form.remote ?> checked<?cs /if ?>>
<label for="distanciel">Classe virtuelle (formation à distance)</label></p>
<p><button type="submit">Créer le lieu</button></p>
</form>
<?cs call:layout_end() ?>
