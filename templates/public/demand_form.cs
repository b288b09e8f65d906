<?cs include:"layout.cs" ?><?cs def:field(name, label, value, error, type, max, req, auto) ?>
<p><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="req">(obligatoire)</span><?cs /if ?></label>
<input type="<?cs var:type ?>" id="f-<?cs var:name ?>" name="<?cs var:name ?>" maxlength="<?cs var:max ?>" value="<?cs var:value ?>"<?cs if:auto ?> autocomplete="<?cs var:auto ?>"<?cs /if ?><?cs if:req ?> required<?cs /if ?><?cs if:error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?>>
<?cs if:error ?><span class="field-error" id="e-<?cs var:name ?>"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs def:area(name, label, value, error, max, help) ?>
<p><label for="f-<?cs var:name ?>"><?cs var:label ?></label>
<?cs if:help ?><span class="help" id="h-<?cs var:name ?>"><?cs var:help ?></span><?cs /if ?>
<textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="4" maxlength="<?cs var:max ?>"<?cs if:help ?> aria-describedby="h-<?cs var:name ?><?cs if:error ?> e-<?cs var:name ?><?cs /if ?>"<?cs elif:error ?> aria-describedby="e-<?cs var:name ?>"<?cs /if ?><?cs if:error ?> aria-invalid="true"<?cs /if ?>><?cs var:value ?></textarea>
<?cs if:error ?><span class="field-error" id="e-<?cs var:name ?>"><?cs var:error ?></span><?cs /if ?></p>
<?cs /def ?><?cs call:layout_begin() ?>
<h1>Demander une formation</h1>
<div class="commitment">
<p><strong>Notre engagement :</strong> une réponse dans les 15 jours (jours calendaires, le jour de réception n'est pas compté), ou dans le mois pour les sessions INTER et les demandes qui passent par une procédure de marché public. Une échéance qui tombe un samedi, un dimanche ou un jour férié est reportée au jour ouvré suivant.</p>
<p>Après l'envoi, vous recevez par courriel la référence de votre demande et un lien personnel pour la suivre, répondre à nos questions ou l'annuler.</p>
</div>
<?cs if:Errors.summary ?><p class="error-box" role="alert"><?cs var:Errors.summary ?></p><?cs /if ?>
<form method="post" action="/demande" class="stacked demand-form" novalidate>
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="jeton" value="<?cs var:Form.token ?>">
<fieldset><legend>La formation</legend>
<p><label for="f-formation">Formation du catalogue</label>
<select id="f-formation" name="formation"<?cs if:Errors.formation ?> aria-invalid="true" aria-describedby="e-formation"<?cs /if ?>>
<option value="">Aucune : je décris ma demande ci-dessous</option>
<?cs each:c = Results ?><option value="<?cs var:c.slug ?>"<?cs if:c.slug == Form.formation ?> selected<?cs /if ?>><?cs var:c.title ?></option><?cs /each ?>
<?cs if:!subcount(Results) && Form.formation ?><option value="<?cs var:Form.formation ?>" selected><?cs var:Form.formation ?></option><?cs /if ?>
</select>
<?cs if:Errors.formation ?><span class="field-error" id="e-formation"><?cs var:Errors.formation ?></span><?cs /if ?></p>
<?cs call:field("intitule", "Intitulé de la formation souhaitée (si elle n'est pas au catalogue)", Form.intitule, Errors.intitule, "text", 300, "", "") ?>
<fieldset class="inline-choices"><legend>Type de session <span class="req">(obligatoire)</span></legend>
<p><input type="radio" id="f-type-intra" name="type" value="intra"<?cs if:Form.type != "inter" ?> checked<?cs /if ?>> <label for="f-type-intra">INTRA : pour les agents de votre organisation</label></p>
<p><input type="radio" id="f-type-inter" name="type" value="inter"<?cs if:Form.type == "inter" ?> checked<?cs /if ?>> <label for="f-type-inter">INTER : session ouverte à plusieurs organisations</label></p>
<?cs if:Errors.type ?><span class="field-error"><?cs var:Errors.type ?></span><?cs /if ?>
</fieldset>
<?cs call:field("participants", "Nombre de participants (1 à 200)", Form.participants, Errors.participants, "number", 3, "1", "") ?>
<?cs call:field("periode", "Période souhaitée", Form.periode, Errors.periode, "text", 500, "", "") ?>
<?cs call:field("lieu", "Lieu souhaité", Form.lieu, Errors.lieu, "text", 300, "", "") ?>
<?cs call:area("accessibilite", "Besoins liés à une situation de handicap (facultatif)", Form.accessibilite, Errors.accessibilite, 2000, "Pour étudier ensemble les adaptations nécessaires. Ne donnez que ce qui est utile à l'organisation de la formation.") ?>
<?cs call:area("message", "Votre message", Form.message, Errors.message, 5000, "") ?>
</fieldset>
<fieldset><legend>Vos coordonnées</legend>
<?cs call:field("nom", "Nom", Form.nom, Errors.nom, "text", 100, "1", "family-name") ?>
<?cs call:field("prenom", "Prénom", Form.prenom, Errors.prenom, "text", 100, "1", "given-name") ?>
<?cs call:field("email", "Adresse électronique", Form.email, Errors.email, "email", 254, "1", "email") ?>
<?cs call:field("telephone", "Téléphone", Form.telephone, Errors.telephone, "tel", 30, "", "tel") ?>
<?cs call:field("organisme", "Organisme (Caf, EPCI, association…)", Form.organisme, Errors.organisme, "text", 200, "1", "organization") ?>
<?cs call:field("fonction", "Fonction", Form.fonction, Errors.fonction, "text", 200, "", "organization-title") ?>
</fieldset>
<div class="privacy">
<p><strong>Vos données personnelles.</strong> Les informations de ce formulaire servent uniquement à traiter votre demande de formation et à vous répondre ; elles sont lues par l'équipe formation de l'EGOC et ne sont transmises à personne d'autre. Elles sont conservées trois ans après la clôture de la demande, puis anonymisées. Vous pouvez demander à les consulter, les rectifier ou les effacer en nous écrivant ou au 02 99 29 82 42.</p>
<p><input type="checkbox" id="f-consentement" name="consentement" value="oui"<?cs if:Form.consentement == "oui" ?> checked<?cs /if ?><?cs if:Errors.consentement ?> aria-invalid="true" aria-describedby="e-consentement"<?cs /if ?>>
<label for="f-consentement">J'accepte que ces informations soient utilisées pour traiter ma demande <span class="req">(obligatoire)</span></label>
<?cs if:Errors.consentement ?><span class="field-error" id="e-consentement"><?cs var:Errors.consentement ?></span><?cs /if ?></p>
</div>
<p><button type="submit">Envoyer ma demande</button></p>
</form>
<?cs call:layout_end() ?>
