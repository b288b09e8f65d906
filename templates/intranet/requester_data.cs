<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Données d'un demandeur</h1>
<p>Pour répondre à une demande d'accès ou d'effacement de ses données personnelles : retrouver ce que nous détenons pour une adresse, l'exporter, ou l'effacer.</p>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<form method="get" action="/intranet/donnees" class="stacked narrow" role="search">
<p><label for="email">Adresse électronique du demandeur</label>
<input type="email" id="email" name="email" maxlength="254" value="<?cs var:Form.email ?>"<?cs if:Errors.email ?> aria-invalid="true" aria-describedby="e-email"<?cs /if ?>>
<?cs if:Errors.email ?><span class="field-error" id="e-email"><?cs var:Errors.email ?></span><?cs /if ?></p>
<p><button type="submit">Chercher</button></p>
</form>
<?cs if:Email ?>
<h2><?cs var:Count ?> demande(s) pour <?cs var:Email ?></h2>
<?cs if:subcount(Demands) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="demandes-titre">
<table class="data">
<caption id="demandes-titre" class="visually-hidden">Demandes de cette adresse</caption>
<thead><tr><th scope="col">Référence</th><th scope="col">Reçue le</th><th scope="col">État</th><th scope="col">Organisme</th></tr></thead>
<tbody><?cs each:d = Demands ?><tr><td><a href="/intranet/demandes/<?cs var:d.id ?>"><?cs var:d.reference ?></a></td><td><?cs var:d.received ?></td><td><?cs var:d.status ?></td><td><?cs var:d.organisation ?></td></tr><?cs /each ?></tbody>
</table></div>
<p><a class="button" href="/intranet/donnees/export?email=<?cs var:url_escape(Email) ?>">Exporter ces données (texte)</a></p>
<h2>Effacer</h2>
<?cs if:Errors.erase ?><p class="error-box" role="alert"><?cs var:Errors.erase ?></p><?cs /if ?>
<form method="post" action="/intranet/donnees" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="email" value="<?cs var:Email ?>">
<p><input type="checkbox" id="confirmation" name="confirmation" value="oui">
<label for="confirmation">Je confirme : les noms, coordonnées, messages et besoins liés à un handicap de ces demandes seront effacés définitivement ; les demandes en cours seront classées sans suite.</label></p>
<p><button type="submit" class="secondary">Effacer les données de cette personne</button></p>
</form>
<?cs /if ?>
<?cs /if ?>
<?cs call:layout_end() ?>
