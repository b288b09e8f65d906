<?cs include:"layout.cs" ?><?cs call:layout_begin() ?>
<h1>Jours de fermeture</h1>
<?cs if:Notice ?><div class="notice" role="status"><p><?cs var:Notice ?><?cs if:AlreadyClosed ?> <?cs var:AlreadyClosed ?><?cs /if ?></p></div><?cs /if ?>
<?cs if:Errors.change ?><p class="error-box" role="alert"><?cs var:Errors.change ?></p><?cs /if ?>
<?cs if:Errors.date || Errors.end || Errors.label ?><div class="error-box error-summary" role="alert" aria-labelledby="erreurs-titre" tabindex="-1">
<h2 id="erreurs-titre">Le jour de fermeture n'est pas ajouté</h2>
<ul>
<?cs if:Errors.date ?><li><a href="#date"><?cs var:Errors.date ?></a></li><?cs /if ?>
<?cs if:Errors.end ?><li><a href="#au"><?cs var:Errors.end ?></a></li><?cs /if ?>
<?cs if:Errors.label ?><li><a href="#libelle"><?cs var:Errors.label ?></a></li><?cs /if ?>
</ul></div><?cs /if ?>
<p><a class="button" href="#ajouter">Ajouter un jour ou une période de fermeture</a></p>
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
<td><a class="danger-link" href="/intranet/fermetures/<?cs var:c.day ?>">Supprimer<span class="visually-hidden"> le <?cs var:c.long ?></span></a></td></tr>
<?cs /each ?>
</tbody>
</table></div>
<?cs else ?>
<p>Aucun jour de fermeture à venir : ajoutez le premier avec le formulaire ci-dessous.</p>
<?cs /if ?>

<h2 id="feries">Jours fériés <?cs var:HolidayYears ?></h2>
<p>Les échéances les sautent déjà d'elles-mêmes : inutile de les ajouter.</p>
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="feries-titre">
<table class="data" id="jours-feries">
<caption id="feries-titre">Jours fériés appliqués d'office, <?cs var:HolidayYears ?></caption>
<thead><tr><th scope="col">Date</th><th scope="col">Jour férié</th></tr></thead>
<tbody>
<?cs each:h = Holidays ?>
<tr id="ferie-<?cs var:h.day ?>"<?cs if:h.past ?> class="past"<?cs /if ?>><th scope="row"><time datetime="<?cs var:h.day ?>"><?cs var:h.long ?></time><?cs if:h.past ?> <span class="tag tag-info">Passé</span><?cs /if ?></th>
<td><?cs var:h.name ?></td></tr>
<?cs /each ?>
</tbody>
</table></div>

<h2 id="ajouter">Ajouter un jour ou une période de fermeture</h2>
<form method="post" action="/intranet/fermetures" class="stacked narrow" novalidate>
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<p><label for="date">Premier jour (ou le seul jour)</label>
<span class="help" id="date-aide">Aujourd'hui ou plus tard.</span>
<?cs if:Errors.date ?><span class="field-error" id="date-erreur"><?cs var:Errors.date ?></span><?cs /if ?>
<input type="date" id="date" name="date" required min="<?cs var:Today ?>" value="<?cs var:Form.date ?>" aria-describedby="date-aide<?cs if:Errors.date ?> date-erreur<?cs /if ?>"<?cs if:Errors.date ?> aria-invalid="true"<?cs /if ?>></p>
<p><label for="au">Dernier jour (facultatif)</label>
<span class="help" id="au-aide">Pour une période : au plus <?cs var:RangeMax ?> jours. Ses week-ends et jours fériés ne sont pas enregistrés (ils sont déjà non ouvrés).</span>
<?cs if:Errors.end ?><span class="field-error" id="au-erreur"><?cs var:Errors.end ?></span><?cs /if ?>
<input type="date" id="au" name="au" min="<?cs var:Today ?>" value="<?cs var:Form.end ?>" aria-describedby="au-aide<?cs if:Errors.end ?> au-erreur<?cs /if ?>"<?cs if:Errors.end ?> aria-invalid="true"<?cs /if ?>></p>
<p><label for="libelle">Motif (facultatif)</label>
<?cs if:Errors.label ?><span class="field-error" id="libelle-erreur"><?cs var:Errors.label ?></span><?cs /if ?>
<input id="libelle" name="libelle" maxlength="200" value="<?cs var:Form.label ?>"<?cs if:Errors.label ?> aria-invalid="true" aria-describedby="libelle-erreur"<?cs /if ?>></p>
<p><button type="submit">Ajouter</button></p>
</form>
<?cs call:layout_end() ?>
