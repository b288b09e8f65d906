<?cs include:"layout.cs" ?><?cs # A slot in the month or week grid: one line, time, the course in a
     few words (in full on a phone, where the grid becomes a list), the
     place; the status in words for screen readers (the
     border's pattern shows it, the legend says how). The list view has
     room for the organisation, the room and the trainers. The classes
     (cls), the tooltip (tip) and the status in words when it is not
     confirmed (note) come composed by src/pages/calendar.c: a thousand
     slots a month, each test here costs a lookup for every one. ?><?cs def:slot_item(t, detailed) ?><li class="slot <?cs var:t.cls ?>"><a href="/intranet/sessions/<?cs var:t.session_id ?>#creneau-<?cs var:t.id ?>" title="<?cs var:t.tip ?>"><span class="time"><?cs var:t.start ?></span> <span class="course"><?cs if:detailed ?><?cs var:t.course ?><?cs else ?><span class="short"><?cs var:t.short ?></span><span class="full"><?cs var:t.course ?></span><?cs /if ?></span></a><?cs if:!detailed ?><?cs if:t.where ?> <span class="where"><?cs var:t.where ?></span><?cs /if ?><?cs if:t.note ?> <span class="visually-hidden">· <?cs var:t.note ?></span><?cs /if ?><?cs if:Decide[t.session_id] ?> <strong class="decide" title="À confirmer ou annuler"><span aria-hidden="true">!</span><span class="visually-hidden">À confirmer ou annuler</span></strong><?cs /if ?><?cs else ?>
<span class="meta"><?cs if:t.organisation ?><?cs var:t.organisation ?> · <?cs /if ?><?cs if:t.room ?><?cs var:t.room ?><?cs elif:t.remote ?>à distance<?cs /if ?><?cs if:t.trainers ?> · <?cs var:t.trainers ?><?cs /if ?><?cs if:t.note ?> · <strong class="tag tag-status-<?cs var:t.status ?>"><?cs var:t.note ?></strong><?cs /if ?><?cs if:Decide[t.session_id] ?> · <strong class="tag tag-attente">À confirmer ou annuler</strong><?cs /if ?></span><?cs /if ?></li><?cs /def ?>
<?cs call:layout_begin() ?>
<h1>Calendrier des sessions</h1>
<?cs if:Cal.trainer_only ?><p>Vos créneaux de formation.<?cs if:MyTrainer ?> <a href="/intranet/formateurs/<?cs var:MyTrainer ?>">Abonner votre agenda (Thunderbird, Outlook, téléphone)</a><?cs else ?> Votre compte n'est relié à aucune fiche de formateur : demandez-le à l'équipe formation.<?cs /if ?></p>
<?cs else ?><p><a class="button" href="/intranet/sessions/nouvelle">Nouvelle session</a></p>
<form method="get" action="/intranet/calendrier" class="filters">
<input type="hidden" name="vue" value="<?cs var:Cal.view ?>"><input type="hidden" name="date" value="<?cs var:Cal.date ?>"><input type="hidden" name="couleur" value="<?cs var:Cal.colour_by ?>">
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
<?cs if:Cal.count != "0" ?><div class="legend">
<p class="colour-by">Colorier par :
<a href="/intranet/calendrier?vue=<?cs var:Cal.view ?>&amp;date=<?cs var:Cal.date ?>&amp;<?cs var:Cal.filters_only ?>&amp;couleur=formation"<?cs if:Cal.colour_by == "formation" ?> aria-current="true"<?cs /if ?>>formation</a> |
<a href="/intranet/calendrier?vue=<?cs var:Cal.view ?>&amp;date=<?cs var:Cal.date ?>&amp;<?cs var:Cal.filters_only ?>&amp;couleur=statut"<?cs if:Cal.colour_by == "statut" ?> aria-current="true"<?cs /if ?>>statut</a></p>
<?cs if:Cal.colour_by == "statut" ?><ul aria-label="Légende : statut de la session"><?cs each:l = Legend ?><li class="slot status-<?cs var:l.status ?>"><?cs var:l.label ?><?cs if:l.status == "envisagee" ?> (tirets)<?cs elif:l.status == "realisee" ?> (pointillés)<?cs elif:l.status == "annulee" ?> (barrée)<?cs /if ?></li><?cs /each ?></ul>
<?cs else ?><ul aria-label="Légende : formation"><?cs each:l = Legend ?><li class="slot status-confirmee colour-<?cs var:l.colour ?>"><?cs var:l.label ?></li><?cs /each ?></ul>
<p class="help">Bordure en tirets : session envisagée ; en pointillés : réalisée. « ! » : session à confirmer ou annuler.</p><?cs /if ?>
</div><?cs /if ?>
<?cs if:Cal.view == "liste" ?>
<?cs if:subcount(Days) ?><?cs each:d = Days ?>
<h3><time datetime="<?cs var:d.date ?>"><?cs var:d.long ?></time></h3>
<ul class="slots"><?cs each:t = d.Slots ?><?cs call:slot_item(t, 1) ?><?cs /each ?></ul>
<?cs /each ?><?cs else ?><p>Aucun créneau sur cette période.</p><?cs /if ?>
<p><a href="/intranet/calendrier?vue=liste&amp;date=<?cs var:Cal.next ?>&amp;<?cs var:Cal.filters ?>">Voir plus loin : les trois mois suivants</a></p>
<?cs else ?>
<table class="calendar calendar-<?cs var:Cal.view ?>" aria-labelledby="periode">
<thead><tr><?cs each:w = Weekdays ?><th scope="col"><?cs var:w.name ?></th><?cs /each ?></tr></thead>
<tbody>
<?cs each:week = Weeks ?><tr><?cs each:d = week.Days ?>
<td class="<?cs if:d.other ?>other <?cs /if ?><?cs if:d.today ?>today <?cs /if ?><?cs if:d.weekend ?>weekend<?cs /if ?>"<?cs if:d.today ?> aria-current="date"<?cs /if ?>>
<span class="day-num"><time datetime="<?cs var:d.date ?>"><span aria-hidden="true"><?cs var:d.num ?></span><span class="visually-hidden"><?cs var:d.long ?></span></time></span>
<?cs if:subcount(d.Slots) ?><ul class="slots"><?cs each:t = d.Slots ?><?cs call:slot_item(t, 0) ?><?cs /each ?></ul><?cs /if ?>
</td><?cs /each ?></tr>
<?cs /each ?>
</tbody>
</table>
<?cs /if ?>
<?cs call:layout_end() ?>
