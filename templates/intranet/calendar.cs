<?cs include:"layout.cs" ?><?cs def:slot_item(t) ?><li class="slot status-<?cs var:t.status ?>"><a href="/intranet/sessions/<?cs var:t.session_id ?>#creneau-<?cs var:t.id ?>"><span class="time"><?cs var:t.start ?></span> <?cs var:t.course ?></a>
<span class="meta"><?cs if:t.organisation ?><?cs var:t.organisation ?> · <?cs /if ?><?cs if:t.room ?><?cs var:t.room ?><?cs elif:t.remote ?>à distance<?cs /if ?><?cs if:t.trainers ?> · <?cs var:t.trainers ?><?cs /if ?><?cs if:t.status != "confirmee" ?> · <?cs var:t.status_label ?><?cs /if ?><?cs if:Decide[t.session_id] ?> · <strong class="tag tag-attente">À confirmer ou annuler</strong><?cs /if ?></span></li><?cs /def ?>
<?cs call:layout_begin() ?>
<h1>Calendrier des sessions</h1>
<?cs if:Cal.trainer_only ?><p>Vos créneaux de formation.<?cs if:MyTrainer ?> <a href="/intranet/formateurs/<?cs var:MyTrainer ?>">Abonner votre agenda (Thunderbird, Outlook, téléphone)</a><?cs else ?> Votre compte n'est relié à aucune fiche de formateur : demandez-le à l'équipe formation.<?cs /if ?></p>
<?cs else ?><p><a class="button" href="/intranet/sessions/nouvelle">Nouvelle session</a></p>
<form method="get" action="/intranet/calendrier" class="filters">
<input type="hidden" name="vue" value="<?cs var:Cal.view ?>"><input type="hidden" name="date" value="<?cs var:Cal.date ?>">
<p><label for="f-formateur">Formateur</label><select id="f-formateur" name="formateur"><option value="">Tous</option>
<?cs each:c = Trainers ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.formateur ?> selected<?cs /if ?>><?cs var:c.label ?></option><?cs /each ?></select></p>
<p><label for="f-salle">Salle</label><select id="f-salle" name="salle"><option value="">Toutes</option>
<?cs each:c = Rooms ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.salle ?> selected<?cs /if ?>><?cs var:c.group ?> · <?cs var:c.label ?></option><?cs /each ?></select></p>
<p><label for="f-lieu">Lieu</label><select id="f-lieu" name="lieu"><option value="">Tous</option>
<?cs each:c = Places ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.lieu ?> selected<?cs /if ?>><?cs var:c.label ?></option><?cs /each ?></select></p>
<p><label for="f-formation">Formation</label><select id="f-formation" name="formation"><option value="">Toutes</option>
<?cs each:c = Courses ?><option value="<?cs var:c.id ?>"<?cs if:c.id == Filter.formation ?> selected<?cs /if ?>><?cs var:c.label ?></option><?cs /each ?></select></p>
<p><label for="f-statut">Statut</label><select id="f-statut" name="statut"><option value="">Tous</option>
<option value="envisagee"<?cs if:Filter.statut == "envisagee" ?> selected<?cs /if ?>>Envisagée</option>
<option value="confirmee"<?cs if:Filter.statut == "confirmee" ?> selected<?cs /if ?>>Confirmée</option>
<option value="realisee"<?cs if:Filter.statut == "realisee" ?> selected<?cs /if ?>>Réalisée</option></select></p>
<p><button type="submit">Filtrer</button></p>
</form><?cs /if ?>

<nav class="calendar-nav" aria-label="Vue et période">
<ul class="views">
<li><a href="/intranet/calendrier?vue=mois&amp;date=<?cs var:Cal.date ?>&amp;<?cs var:Cal.filters ?>"<?cs if:Cal.view == "mois" ?> aria-current="page"<?cs /if ?>>Mois</a></li>
<li><a href="/intranet/calendrier?vue=semaine&amp;date=<?cs var:Cal.date ?>&amp;<?cs var:Cal.filters ?>"<?cs if:Cal.view == "semaine" ?> aria-current="page"<?cs /if ?>>Semaine</a></li>
<li><a href="/intranet/calendrier?vue=liste&amp;date=<?cs var:Cal.date ?>&amp;<?cs var:Cal.filters ?>"<?cs if:Cal.view == "liste" ?> aria-current="page"<?cs /if ?>>Liste</a></li>
</ul>
<p><a href="/intranet/calendrier?vue=<?cs var:Cal.view ?>&amp;date=<?cs var:Cal.prev ?>&amp;<?cs var:Cal.filters ?>" rel="prev">← Précédent</a>
· <a href="/intranet/calendrier?vue=<?cs var:Cal.view ?>&amp;<?cs var:Cal.filters ?>">Aujourd'hui</a>
· <a href="/intranet/calendrier?vue=<?cs var:Cal.view ?>&amp;date=<?cs var:Cal.next ?>&amp;<?cs var:Cal.filters ?>" rel="next">Suivant →</a></p>
</nav>
<h2 id="periode"><?cs var:Cal.title ?></h2>
<?cs if:Jumped ?><p class="notice" role="status">Aucun créneau pour vous ce mois-ci : voici le mois de votre prochain créneau, le <?cs var:Jumped ?>.</p><?cs /if ?>
<p class="count"><?cs var:Cal.count ?> créneau(x)<?cs if:Cal.truncated ?> : seuls les premiers sont affichés, précisez les filtres<?cs /if ?>.</p>
<?cs if:Cal.view == "liste" ?>
<?cs if:subcount(Days) ?><?cs each:d = Days ?>
<h3><time datetime="<?cs var:d.date ?>"><?cs var:d.long ?></time></h3>
<ul class="slots"><?cs each:t = d.Slots ?><?cs call:slot_item(t) ?><?cs /each ?></ul>
<?cs /each ?><?cs else ?><p>Aucun créneau sur cette période.</p><?cs /if ?>
<p><a href="/intranet/calendrier?vue=liste&amp;date=<?cs var:Cal.next ?>&amp;<?cs var:Cal.filters ?>">Voir plus loin : les trois mois suivants</a></p>
<?cs else ?>
<table class="calendar calendar-<?cs var:Cal.view ?>" aria-labelledby="periode">
<thead><tr><?cs each:w = Weekdays ?><th scope="col"><?cs var:w.name ?></th><?cs /each ?></tr></thead>
<tbody>
<?cs each:week = Weeks ?><tr><?cs each:d = week.Days ?>
<td class="<?cs if:d.other ?>other <?cs /if ?><?cs if:d.today ?>today <?cs /if ?><?cs if:d.weekend ?>weekend<?cs /if ?>"<?cs if:d.today ?> aria-current="date"<?cs /if ?>>
<span class="day-num"><time datetime="<?cs var:d.date ?>"><span aria-hidden="true"><?cs var:d.num ?></span><span class="visually-hidden"><?cs var:d.long ?></span></time></span>
<?cs if:subcount(d.Slots) ?><ul class="slots"><?cs each:t = d.Slots ?><?cs call:slot_item(t) ?><?cs /each ?></ul><?cs /if ?>
</td><?cs /each ?></tr>
<?cs /each ?>
</tbody>
</table>
<?cs /if ?>
<?cs call:layout_end() ?>
