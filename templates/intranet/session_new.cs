<?cs include:"layout.cs" ?><?cs include:"intranet/session_fields.cs" ?><?cs call:layout_begin() ?>
<p class="breadcrumb"><a href="/intranet/calendrier">Calendrier</a></p>
<h1>Nouvelle session</h1>
<?cs if:Demand.id ?><p>Pour répondre à la demande <a href="/intranet/demandes/<?cs var:Demand.id ?>"><?cs var:Demand.reference ?></a><?cs if:Demand.custom ?> (demande sur mesure : « <?cs var:Demand.custom ?> »)<?cs /if ?>.
Les créneaux s'ajoutent ensuite sur la page de la session.</p><?cs /if ?>
<?cs if:subcount(Errors) ?><p class="error-box" role="alert">La session n'est pas créée : corrigez les champs signalés.</p><?cs /if ?>
<form method="post" action="/intranet/sessions" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<?cs call:session_fields() ?>
<fieldset><legend>Statut</legend>
<label><input type="radio" name="statut" value="envisagee"<?cs if:Form.status != "confirmee" ?> checked<?cs /if ?>> Envisagée</label>
<label><input type="radio" name="statut" value="confirmee"<?cs if:Form.status == "confirmee" ?> checked<?cs /if ?>> Confirmée</label>
<?cs if:Errors.status ?><span class="field-error"><?cs var:Errors.status ?></span><?cs /if ?></fieldset>
<p><button type="submit">Créer la session</button></p>
</form>
<?cs call:layout_end() ?>
