<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Jours de fermeture</h1>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?><?cs if:AlreadyClosed ?> <?cs var:AlreadyClosed ?><?cs /if ?></p><?cs /if ?>
<?cs if:Errors.change ?><p class="error-box" role="alert"><?cs var:Errors.change ?></p><?cs /if ?>
<p>Les jours où l'EGOC est fermé en plus des week-ends et des jours fériés (pont, fermeture de fin d'année…).
Une échéance qui tombe un jour de fermeture passe au jour ouvré suivant.</p>
<p><strong>Les échéances déjà calculées ne changent pas.</strong> L'échéance d'une demande est calculée à son arrivée,
puis à la fin de chaque attente du demandeur, avec les jours de fermeture connus à ce moment-là :
ajouter ou supprimer un jour ici ne vaut que pour les échéances calculées ensuite.
Les dates déjà annoncées aux demandeurs restent celles de leur accusé de réception.</p>

<?cs if:subcount(Closures) ?>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="fermetures-titre">
<table class="data" id="fermetures">
<caption id="fermetures-titre">Jours de fermeture à venir</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Motif</th><th scope="col">Remarque</th><th scope="col">Action</th></tr></thead>
<tbody>
<?cs each:c = Closures ?>
<tr id="jour-<?cs var:c.day ?>"><th scope="row"><time datetime="<?cs var:c.day ?>"><?cs var:c.long ?></time></th>
<td><?cs var:c.label ?></td>
<td><?cs if:c.closed ?>Déjà non ouvré (week-end ou jour férié)<?cs /if ?></td>
<td><form method="post" action="/intranet/fermetures/<?cs var:c.day ?>" class="inline">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="supprimer">
<button type="submit">Supprimer<span class="visually-hidden"> le <?cs var:c.long ?></span></button></form></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs else ?>
<p>Aucun jour de fermeture à venir.</p>
<?cs /if ?>

<h2 id="ajouter">Ajouter un jour de fermeture</h2>
<form method="post" action="/intranet/fermetures" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="date">Date (AAAA-MM-JJ)</label>
<input type="date" id="date" name="date" required min="<?cs var:Today ?>" value="<?cs var:Form.date ?>"<?cs if:Errors.date ?> aria-invalid="true" aria-describedby="date-erreur"<?cs /if ?>>
<?cs if:Errors.date ?><span class="field-error" id="date-erreur"><?cs var:Errors.date ?></span><?cs /if ?></p>
<p><label for="libelle">Motif (facultatif)</label>
<input id="libelle" name="libelle" maxlength="200" value="<?cs var:Form.label ?>"<?cs if:Errors.label ?> aria-invalid="true" aria-describedby="libelle-erreur"<?cs /if ?>>
<?cs if:Errors.label ?><span class="field-error" id="libelle-erreur"><?cs var:Errors.label ?></span><?cs /if ?></p>
<p><button type="submit">Ajouter</button></p>
</form>
<?cs call:layout_end() ?>
