<?cs include:"layout.cs" ?><?cs def:input(id, name, label, value, error, max, type, required) ?>
<p><label for="<?cs var:id ?>"><?cs var:label ?></label>
<input type="<?cs var:type ?>" id="<?cs var:id ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" value="<?cs var:value ?>"<?cs if:required ?> required<?cs /if ?><?cs if:error ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-erreur"<?cs /if ?>>
<?cs if:error ?><span class="field-error" id="<?cs var:id ?>-erreur"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs call:layout_begin() ?>
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
<?cs call:input("nom", "nom", "Nom et prénom", Form.name, Errors.name, "200", "text", "1") ?>
<fieldset<?cs if:Errors.kind ?> aria-describedby="type-erreur"<?cs /if ?>><legend>Type</legend>
<p class="inline-choices"><input type="radio" id="type-interne" name="type" value="interne"<?cs if:Form.kind != "externe" ?> checked<?cs /if ?>>
<label for="type-interne">Interne</label>
<input type="radio" id="type-externe" name="type" value="externe"<?cs if:Form.kind == "externe" ?> checked<?cs /if ?>>
<label for="type-externe">Externe</label></p>
<?cs if:Errors.kind ?><span class="field-error" id="type-erreur"><?cs var:Errors.kind ?></span><?cs /if ?>
</fieldset>
<?cs call:input("email", "email", "Adresse électronique (facultatif)", Form.email, Errors.email, "254", "email", "") ?>
<?cs call:input("telephone", "telephone", "Téléphone (facultatif)", Form.phone, Errors.phone, "30", "tel", "") ?>
<?cs call:input("organisme", "organisme", "Organisme (facultatif, pour un formateur externe)", Form.organisation, Errors.organisation, "200", "text", "") ?>
<p><label for="compte">Compte de l'intranet (facultatif)</label>
<span class="help" id="compte-aide">Le compte au rôle formateur avec lequel cette personne se connecte : elle verra ses propres créneaux.</span>
<select id="compte" name="compte" aria-describedby="compte-aide<?cs if:Errors.account ?> compte-erreur<?cs /if ?>"<?cs if:Errors.account ?> aria-invalid="true"<?cs /if ?>>
<option value="">Aucun compte</option>
<?cs each:a = Accounts ?><option value="<?cs var:a.id ?>"<?cs if:Form.account == a.id ?> selected<?cs /if ?>><?cs var:a.name ?> (<?cs var:a.email ?>)</option>
<?cs /each ?></select>
<?cs if:Errors.account ?><span class="field-error" id="compte-erreur"><?cs var:Errors.account ?></span><?cs /if ?></p>
<p><button type="submit">Créer le formateur</button></p>
</form>
<?cs call:layout_end() ?>
