<?cs # The fields of the places and trainers forms, shared by the list
     pages (creation) and the record pages (changes), with their input
     macros. Form.* holds the values, Errors.* the messages. ?><?cs def:input(id, name, label, value, error, max, type, required) ?>
<p><label for="<?cs var:id ?>"><?cs var:label ?></label>
<input<?cs if:type ?> type="<?cs var:type ?>"<?cs /if ?> id="<?cs var:id ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" value="<?cs var:value ?>"<?cs if:required ?> required<?cs /if ?><?cs if:error ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-erreur"<?cs /if ?>>
<?cs if:error ?><span class="field-error" id="<?cs var:id ?>-erreur"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs def:number(id, name, label, value, error) ?>
<p><label for="<?cs var:id ?>"><?cs var:label ?></label>
<input id="<?cs var:id ?>" name="<?cs var:name ?>" inputmode="numeric" maxlength="6" required value="<?cs var:value ?>"<?cs if:error ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-erreur"<?cs /if ?>>
<?cs if:error ?><span class="field-error" id="<?cs var:id ?>-erreur"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs def:area(id, name, label, value, error) ?>
<p><label for="<?cs var:id ?>"><?cs var:label ?></label>
<textarea id="<?cs var:id ?>" name="<?cs var:name ?>" rows="3" maxlength="2000"<?cs if:error ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-erreur"<?cs /if ?>><?cs var:value ?></textarea>
<?cs if:error ?><span class="field-error" id="<?cs var:id ?>-erreur"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs def:place_fields() ?><?cs call:input("nom", "nom", "Nom du lieu", Form.name, Errors.name, "200", "", "1") ?>
<?cs call:input("adresse", "adresse", "Adresse (facultatif)", Form.address, Errors.address, "500", "", "") ?>
<?cs call:input("ville", "ville", "Ville (facultatif)", Form.city, Errors.city, "120", "", "") ?>
<?cs call:area("acces", "acces", "Accès : transports, stationnement (facultatif)", Form.access, Errors.access) ?>
<?cs call:number("capacite", "capacite", "Capacité (nombre de places, de 1 à 1 000)", Form.capacity, Errors.capacity) ?>
<?cs call:area("accessibilite", "accessibilite", "Accessibilité aux personnes handicapées (facultatif)", Form.accessibility, Errors.accessibility) ?>
<p><input type="checkbox" id="distanciel" name="distanciel" value="oui"<?cs if:Form.remote ?> checked<?cs /if ?>>
<label for="distanciel">Classe virtuelle (formation à distance)</label></p><?cs /def ?><?cs def:trainer_fields(organisation_label, account_help) ?><?cs call:input("nom", "nom", "Nom et prénom", Form.name, Errors.name, "200", "text", "1") ?>
<fieldset<?cs if:Errors.kind ?> aria-describedby="type-erreur"<?cs /if ?>><legend>Type</legend>
<p class="inline-choices"><input type="radio" id="type-interne" name="type" value="interne"<?cs if:Form.kind != "externe" ?> checked<?cs /if ?>>
<label for="type-interne">Interne</label>
<input type="radio" id="type-externe" name="type" value="externe"<?cs if:Form.kind == "externe" ?> checked<?cs /if ?>>
<label for="type-externe">Externe</label></p>
<?cs if:Errors.kind ?><span class="field-error" id="type-erreur"><?cs var:Errors.kind ?></span><?cs /if ?>
</fieldset>
<?cs call:input("email", "email", "Adresse électronique (facultatif)", Form.email, Errors.email, "254", "email", "") ?>
<?cs call:input("telephone", "telephone", "Téléphone (facultatif)", Form.phone, Errors.phone, "30", "tel", "") ?>
<?cs call:input("organisme", "organisme", organisation_label, Form.organisation, Errors.organisation, "200", "text", "") ?>
<p><label for="compte">Compte de l'intranet (facultatif)</label>
<span class="help" id="compte-aide"><?cs var:account_help ?></span>
<select id="compte" name="compte" aria-describedby="compte-aide<?cs if:Errors.account ?> compte-erreur<?cs /if ?>"<?cs if:Errors.account ?> aria-invalid="true"<?cs /if ?>>
<option value="">Aucun compte</option>
<?cs each:a = Accounts ?><option value="<?cs var:a.id ?>"<?cs if:Form.account == a.id ?> selected<?cs /if ?>><?cs var:a.name ?> (<?cs var:a.email ?>)</option>
<?cs /each ?></select>
<?cs if:Errors.account ?><span class="field-error" id="compte-erreur"><?cs var:Errors.account ?></span><?cs /if ?></p><?cs /def ?>