<?cs include:"layout.cs" ?><?cs include:"intranet/resource_fields.cs" ?><?cs call:layout_begin() ?>
<?cs if:CanEdit ?><p><a href="/intranet/formateurs">Tous les formateurs</a></p><?cs /if ?>
<h1><?cs var:Trainer.name ?></h1>
<p class="meta">Formateur <?cs if:Trainer.kind == "Interne" ?>interne<?cs else ?>externe<?cs /if ?><?cs if:Trainer.organisation ?> · <?cs var:Trainer.organisation ?><?cs /if ?>
· <?cs if:Trainer.active ?>actif<?cs else ?>inactif<?cs /if ?><?cs if:Trainer.account ?> · compte de l'intranet : <?cs var:Trainer.account ?><?cs /if ?></p>
<?cs if:Notice ?><p class="notice" role="status"><?cs var:Notice ?></p><?cs /if ?>
<?cs if:Errors.change ?><p class="error-box" role="alert"><?cs var:Errors.change ?></p><?cs /if ?>

<?cs if:CanEdit ?>
<h2 id="fiche">Coordonnées</h2>
<?cs if:Errors.name || Errors.kind || Errors.email || Errors.phone || Errors.organisation || Errors.account ?><p class="error-box" role="alert">La fiche n'a pas été modifiée : corrigez les champs signalés ci-dessous.</p><?cs /if ?>
<form method="post" action="/intranet/formateurs/<?cs var:Trainer.id ?>" class="stacked narrow">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="modifier">
<?cs call:trainer_fields("Organisme (facultatif)", "Le compte au rôle formateur avec lequel cette personne se connecte : elle verra ses propres créneaux et cette page.") ?>
<p><input type="checkbox" id="actif" name="actif" value="oui"<?cs if:Form.active ?> checked<?cs /if ?>>
<label for="actif">Actif (proposé pour les nouvelles sessions)</label></p>
<p><button type="submit">Enregistrer la fiche</button></p>
</form>
<?cs /if ?>

<h2 id="formations">Formations</h2>
<?cs if:CanEdit ?>
<?cs if:Errors.courses ?><p class="error-box" role="alert" id="formations-erreur"><?cs var:Errors.courses ?></p><?cs /if ?>
<?cs if:subcount(Courses) ?>
<form method="post" action="/intranet/formateurs/<?cs var:Trainer.id ?>" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="cours">
<fieldset<?cs if:Errors.courses ?> aria-describedby="formations-erreur"<?cs /if ?>><legend>Formations que ce formateur peut animer</legend>
<?cs each:c = Courses ?><p><input type="checkbox" id="formation-<?cs var:c.id ?>" name="formation" value="<?cs var:c.id ?>"<?cs if:c.chosen ?> checked<?cs /if ?>>
<label for="formation-<?cs var:c.id ?>"><?cs var:c.title ?><?cs if:c.draft ?> (brouillon)<?cs /if ?></label></p>
<?cs /each ?></fieldset>
<p><button type="submit">Enregistrer les formations</button></p>
</form>
<?cs else ?>
<p>Aucune formation publiée ou en brouillon dans le catalogue.</p>
<?cs /if ?>
<?cs else ?>
<?cs if:subcount(Courses) ?><ul>
<?cs each:c = Courses ?><li><?cs var:c.title ?><?cs if:c.draft ?> (brouillon)<?cs /if ?></li>
<?cs /each ?></ul>
<?cs else ?><p>Aucune formation ne vous est attribuée pour l'instant.</p><?cs /if ?>
<?cs /if ?>

<h2 id="agenda">Agenda privé</h2>
<p>Cette adresse permet d'abonner un agenda (Outlook, Thunderbird, téléphone…) aux créneaux de <?cs if:CanEdit ?>ce formateur<?cs else ?>vos sessions<?cs /if ?>.
Elle est personnelle : quiconque la connaît voit ces créneaux, ne la communiquez pas.</p>
<p><label for="adresse-agenda">Adresse de l'agenda</label>
<input id="adresse-agenda" type="url" readonly size="80" value="<?cs var:Trainer.feed_url ?>"></p>
<form method="post" action="/intranet/formateurs/<?cs var:Trainer.id ?>" class="stacked">
<input type="hidden" name="_csrf" value="<?cs var:Csrf.token ?>">
<input type="hidden" name="action" value="renouveler">
<p class="help" id="renouveler-aide">Si l'adresse a été communiquée par erreur, renouvelez-la : l'ancien lien cesse aussitôt de fonctionner
et les agendas abonnés avec lui devront être abonnés de nouveau avec la nouvelle adresse.</p>
<p><button type="submit" aria-describedby="renouveler-aide">Renouveler le lien</button></p>
</form>
<?cs call:layout_end() ?>
